// npx tsx bench/notes.ts: the measurements behind the speed and memory tricks of src/stages
// (docs/PERFORMANCE-NOTES.md). Each is taken in this one process, on the texts of corpus/ and
// fixtures/articles, and printed; the machine's load moves them by a fifth or so.
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import * as chrono from 'chrono-node';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { createPipeline } from '../src/index.js';
import { geoIndex } from '../src/stages/places/geonames.js';

const dir = new URL('../fixtures/articles/', import.meta.url);
const texts = readdirSync(dir).map((f) => readFileSync(new URL(f, dir), 'utf8'));
const time = (runs: number, f: () => void) => {
  f();
  const start = performance.now();
  for (let i = 0; i < runs; i++) f();
  return (performance.now() - start) / runs;
};
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

// GeoNames index: decoding time and where its memory lives
{
  const before = process.memoryUsage();
  const start = performance.now();
  geoIndex();
  const ms = performance.now() - start;
  const after = process.memoryUsage();
  console.log(`geonames index: decoded in ${ms.toFixed(0)} ms; heap +${mb(after.heapUsed - before.heapUsed)}, outside the heap (typed arrays) +${mb(after.arrayBuffers - before.arrayBuffers)}`);
}

// wink: the sentence and part-of-speech pipe against wink's default pipe
{
  const full = winkNLP(model);
  const light = winkNLP(model, ['sbd', 'pos']);
  const fullMs = time(20, () => texts.forEach((t) => full.readDoc(t)));
  const lightMs = time(20, () => texts.forEach((t) => light.readDoc(t)));
  console.log(`wink readDoc: default pipe ${fullMs.toFixed(1)} ms, sbd+pos ${lightMs.toFixed(1)} ms per pass: ${(fullMs / lightMs).toFixed(2)}× faster`);
}

// chrono: each sentence against the whole document
{
  const nlp = winkNLP(model, ['sbd']);
  const sentences = texts.map((t) => nlp.readDoc(t).sentences().out());
  const ref = { instant: new Date('2024-03-16T12:00:00Z'), timezone: 0 };
  const whole = time(5, () => texts.forEach((t) => chrono.casual.parse(t, ref)));
  const each = time(5, () => sentences.forEach((ss) => ss.forEach((s) => chrono.casual.parse(s, ref))));
  console.log(`chrono: whole documents ${whole.toFixed(1)} ms, sentence by sentence ${each.toFixed(1)} ms per pass: ${(whole / each).toFixed(1)}× slower on whole documents`);
}

// the whole pipeline, for scale
{
  const pipeline = createPipeline();
  const ms = time(10, () => texts.forEach((text) => pipeline.process({ text, published: '2024-03-16' })));
  console.log(`sitrep pipeline: ${ms.toFixed(1)} ms per pass over ${texts.length} articles`);
}
