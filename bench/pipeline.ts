// npm run bench — throughput of the full pipeline on real news text, side by side with
// wink-nlp's own readDoc on the same texts (the ceiling for any wink-based pipeline).
//
// Texts: the Giveme5W1H articles and PLOVER sentences in ../shared/data (when present)
// and the articles in corpus/, varied (sentences shuffled per copy) so documents differ.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { createPipeline } from '../src/index.js';

const target = Number(process.argv[2] ?? 2000);
const root = new URL('..', import.meta.url).pathname;

function baseTexts(): string[] {
  const texts: string[] = [];
  const data = `${root}../shared/data`;
  const lines = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { text: string }) : []);
  for (const a of lines(`${data}/giveme5w1h.jsonl`)) texts.push(a.text);
  const plover = lines(`${data}/plover-gsr.jsonl`).map((r) => r.text);
  for (let i = 0; i < plover.length; i += 8) texts.push(plover.slice(i, i + 8).join(' '));
  for (const f of readdirSync(`${root}corpus`)) if (f.endsWith('.txt')) texts.push(readFileSync(`${root}corpus/${f}`, 'utf8'));
  return texts;
}

/** Copies of the texts with their sentences in another order: same language, different documents. */
function corpus(texts: string[], n: number): string[] {
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const out: string[] = [];
  for (let i = 0; out.length < n; i++) {
    const text = texts[i % texts.length]!;
    if (i < texts.length) {
      out.push(text);
      continue;
    }
    const sentences = text.split(/(?<=[.!?])\s+/);
    for (let k = sentences.length - 1; k > 0; k--) {
      const j = Math.floor(random() * (k + 1));
      [sentences[k], sentences[j]] = [sentences[j]!, sentences[k]!];
    }
    out.push(sentences.join(' '));
  }
  return out;
}

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
