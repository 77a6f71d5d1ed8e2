// npx tsx bench/pipeline.ts [N]: throughput of the full pipeline in one thread on real news
// text, side by side with wink-nlp's own readDoc on the same texts (npm run bench runs
// bench/batch.ts, which measures whole batch runs on every core).
//
// Texts: the Giveme5W1H articles and PLOVER sentences in ../shared/data (when present)
// and the articles in corpus/, varied (sentences shuffled per copy) so documents differ.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { createPipeline } from '../src/index.js';
import { baseTexts, corpus } from './corpus.js';

const target = Number(process.argv[2] ?? 2000);

const texts = corpus(baseTexts(), target);
const warmUp = texts.slice(0, Math.min(200, texts.length));
const nlp = winkNLP(model);
for (const text of warmUp) nlp.readDoc(text);
let tokens = 0;
const t0 = performance.now();
for (const text of texts) tokens += nlp.readDoc(text).tokens().length();
const winkSeconds = (performance.now() - t0) / 1000;

const started = performance.now();
const pipeline = createPipeline();
const ready = performance.now();
let events = 0;
let peak = process.memoryUsage().rss;
pipeline.process({ text: texts[0]!, published: '2024-03-16' });
const firstRecord = performance.now() - started;
for (const text of warmUp) pipeline.process({ text, published: '2024-03-16' });
const measured = performance.now();
for (let i = 0; i < texts.length; i++) {
  const record = pipeline.process({ text: texts[i]!, published: '2024-03-16' });
  events += record.events.length;
  if (i % 100 === 0) peak = Math.max(peak, process.memoryUsage().rss);
}
const seconds = (performance.now() - measured) / 1000;
peak = Math.max(peak, process.memoryUsage().rss);

const mb = (n: number) => (n / 2 ** 20).toFixed(0);
const rows: Array<[string, string]> = [
  ['documents', String(texts.length)],
  ['tokens (wink)', String(tokens)],
  ['wink readDoc', `${(texts.length / winkSeconds).toFixed(0)} docs/s, ${(tokens / winkSeconds / 1000).toFixed(0)}k tokens/s`],
  ['sitrep pipeline, 1 thread', `${(texts.length / seconds).toFixed(0)} docs/s, ${(tokens / seconds / 1000).toFixed(1)}k tokens/s`],
  ['pipeline / wink', `${((tokens / seconds) / (tokens / winkSeconds) * 100).toFixed(1)}%`],
  ['events extracted', String(events)],
  ['pipeline start-up', `${((ready - started) / 1000).toFixed(2)} s`],
  ['time to first record', `${(firstRecord / 1000).toFixed(2)} s`],
  ['peak RSS', `${mb(peak)} MB`],
];
for (const [k, v] of rows) console.log(`${k.padEnd(28)} ${v}`);
