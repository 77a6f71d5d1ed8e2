// npm run bench [-- N]: whole batch runs, as users start them, over a corpus of N documents
// (default 10,000) of real news text (bench/corpus.ts) written as files: 80% one .txt per
// article, 20% as lines of .jsonl files. Prints, from one run:
//
//   - wink-nlp's own readDoc on the same texts, one thread: the ceiling for any wink-based
//     pipeline (tokens counted here are the tokens/s of every row), the median of three passes
//     spread over the run; and on every core at once, which shows how far the machine itself
//     scales such work;
//   - `sitrep extract DIR --out OUT` with one worker on one core, one worker with the other
//     cores idle, and one worker per core: documents/s and tokens/s of the run (reading,
//     pipeline and writing; start-up excluded), the ratio to wink per thread (and, with every
//     core busy, to wink with every core busy), the same over the run's second half (run.json:
//     wink is measured warm, and each worker spends its first few thousand documents compiling
//     the pipeline's code), time to the first record, and the run's peak RSS (from its
//     run.json). Scaling is all cores against one core:
//     a single worker on an otherwise idle machine is not a one-core run, because V8 runs its
//     garbage collector's helpers and its optimizing compiler on the idle cores (about a fifth
//     of a core more). The one-core run is pinned with taskset where there is one (Linux);
//     elsewhere it is left out and scaling is against the single worker;
//   - the HTML reader (linkedom + Readability) alone on pages wrapped around the same texts.
//
// Each run is its own child process, so each peak RSS is that run's alone.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { fromHtml } from '../src/io/html.js';
import { baseTexts, corpus } from './corpus.js';

const n = Number(process.argv[2] ?? 10_000);
const root = new URL('..', import.meta.url).pathname;
// the runs measure what users run: the compiled dist/, rebuilt here if the sources changed
const build = spawnSync(process.execPath, ['scripts/build.js'], { cwd: root, encoding: 'utf8' });
if (build.status !== 0) throw new Error(`npm run build failed: ${build.stderr}`);
const cores = availableParallelism();
const texts = corpus(baseTexts(), n);
const tmp = mkdtempSync(join(tmpdir(), 'sitrep-bench-'));
const input = join(tmp, 'corpus');

// the corpus as files: a folder per 1,000 .txt files, and .jsonl files of 100 lines
const lines: string[] = [];
texts.forEach((text, i) => {
  if (i % 5 === 4) {
    lines.push(JSON.stringify({ id: `doc-${i}`, text }));
    return;
  }
  const dir = join(input, `part-${String(Math.floor(i / 1000)).padStart(3, '0')}`);
  if (i % 1000 === 0) mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${String(i).padStart(6, '0')}.txt`), text);
});
mkdirSync(join(input, 'feeds'), { recursive: true });
for (let i = 0; i < lines.length; i += 100) writeFileSync(join(input, 'feeds', `feed-${String(i / 100).padStart(4, '0')}.jsonl`), `${lines.slice(i, i + 100).join('\n')}\n`);

// wink-nlp alone, after a warm-up: over every text once (which counts the tokens), and again
// over (up to) 10,000 of them between and after the sitrep runs, because the speed of this
// shared machine drifts by a fifth within minutes; the ratios use the median of the three
const nlp = winkNLP(model);
for (const text of texts.slice(0, 200)) nlp.readDoc(text);
let tokens = 0;
const w0 = performance.now();
for (const text of texts) tokens += nlp.readDoc(text).tokens().length();
const winkSamples = [tokens / ((performance.now() - w0) / 1000)];
function sampleWink(): void {
  let count = 0;
  const started = performance.now();
  for (const text of texts.slice(0, 10_000)) count += nlp.readDoc(text).tokens().length();
  winkSamples.push(count / ((performance.now() - started) / 1000));
}

// wink-nlp alone on every core at once, one thread per core over its share of the texts: how
// far this machine scales CPU-bound work of this kind (shared caches, memory bandwidth and the
// host's other load bound it), the reference for sitrep's own scaling
const WINK_THREAD = `
const { workerData, parentPort } = require('node:worker_threads');
const req = require('node:module').createRequire(workerData.root + 'package.json');
const nlp = req('wink-nlp')(req('wink-eng-lite-web-model'));
for (const text of workerData.texts.slice(0, 100)) nlp.readDoc(text);
parentPort.once('message', () => {
  let tokens = 0;
  for (const text of workerData.texts) tokens += nlp.readDoc(text).tokens().length();
  parentPort.postMessage(tokens);
});
parentPort.postMessage('ready');`;

async function winkOnEveryCore(): Promise<number> {
  const shares = Array.from({ length: cores }, (_, k) => texts.filter((_, i) => i % cores === k));
  const threads = shares.map((share) => new Worker(WINK_THREAD, { eval: true, workerData: { root, texts: share } }));
  await Promise.all(threads.map((t) => new Promise((resolve) => t.once('message', resolve))));
  const started = performance.now();
  const counts = await Promise.all(threads.map((t) => new Promise<number>((resolve) => (t.once('message', resolve), t.postMessage('go')))));
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(threads.map((t) => t.terminate()));
  return counts.reduce((a, b) => a + b, 0) / seconds;
}
const winkAllRate = await winkOnEveryCore();

interface Timing {
  seconds: number;
  first_record_seconds: number;
  second_half_documents_per_second: number | null;
  peak_rss_mb: number;
  cpu_seconds: number;
}

/** `taskset -c 0` when this machine has it: a run confined to one core */
const pin = spawnSync('taskset', ['-c', '0', process.execPath, '-e', '0']).status === 0 ? ['taskset', '-c', '0'] : null;

function extract(threads: number, oneCore = false): { timing: Timing; wall: number; documents: number } {
  const out = join(tmp, `out-${threads}${oneCore ? '-pinned' : ''}`);
  const started = performance.now();
  const command = [...(oneCore ? pin! : []), process.execPath, 'bin/sitrep.js', 'extract', input, '--out', out, '--quiet', '--allow-errors', '--concurrency', String(threads)]; // short texts shuffled alike are duplicates, left out
  const r = spawnSync(command[0]!, command.slice(1), { cwd: root, encoding: 'utf8' });
  const wall = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`sitrep extract failed (${r.status}): ${r.stderr}`);
  const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as { documents: number; timing: Timing };
  return { timing: run.timing, wall, documents: run.documents };
}

const oneCore = pin ? extract(1, true) : null;
const one = extract(1);
sampleWink();
const all = extract(cores);
sampleWink();
const winkRate = [...winkSamples].sort((a, b) => a - b)[1]!;

// the HTML reader alone
const pages = texts.slice(0, 500).map(
  (text, i) =>
    `<!doctype html><html><head><title>Article ${i} | News</title><meta property="article:published_time" content="2024-03-16T08:00:00Z"></head><body>` +
    `<nav><ul>${'<li><a href="/s">Section</a></li>'.repeat(12)}</ul></nav><main><article><h1>Article ${i}</h1>` +
    text.split(/(?<=[.!?])\s+/).map((s) => `<p>${s.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('') +
    `</article><aside>${'<a href="/r">Related story</a>'.repeat(10)}</aside></main><footer>© News</footer></body></html>`,
);
for (const page of pages.slice(0, 50)) fromHtml(page);
const h0 = performance.now();
for (const page of pages) fromHtml(page);
const htmlRate = pages.length / ((performance.now() - h0) / 1000);

rmSync(tmp, { recursive: true, force: true });

const k = (x: number) => `${(x / 1000).toFixed(0)}k`;
/** a run's time after its first record: start-up is reported apart */
const busy = (run: { timing: Timing }) => run.timing.seconds - run.timing.first_record_seconds;
/** documents/s and tokens/s, and the share of wink per thread (with every core busy, also against wink with every core busy: per core against per core) */
const rateText = (docs: number, rate: number, threads: number) =>
  `${docs.toFixed(0)} docs/s, ${k(rate)} tokens/s, ${((rate / threads / winkRate) * 100).toFixed(0)}% of wink per thread` +
  (threads > 1 ? ` (${((rate / winkAllRate) * 100).toFixed(0)}% of wink on ${threads} threads at once)` : '');
const row = (label: string, run: typeof one, threads: number) => {
  const seconds = busy(run);
  // the run's second half (run.json), once every worker has compiled the pipeline's hot code
  const half = run.timing.second_half_documents_per_second;
  return [
    [label, rateText(run.documents / seconds, tokens / seconds, threads)],
    ...(half === null ? [] : [[`  second half of the run`, rateText(half, half * (tokens / run.documents), threads)]]),
    [`  time to first record`, `${run.timing.first_record_seconds.toFixed(2)} s (whole run ${run.wall.toFixed(1)} s wall)`],
    [`  peak RSS`, `${run.timing.peak_rss_mb} MB`],
    [`  CPU`, `${run.timing.cpu_seconds.toFixed(1)} s in all threads, ${((run.timing.cpu_seconds / run.timing.seconds) * 100).toFixed(0)}% of a core on average`],
  ] as Array<[string, string]>;
};
const base = oneCore ?? one;
const halves = [base.timing.second_half_documents_per_second, all.timing.second_half_documents_per_second] as const;
const rows: Array<[string, string]> = [
  ['documents', `${texts.length.toLocaleString('en-US')} (${(texts.length * 0.8).toLocaleString('en-US')} .txt files, the rest in .jsonl)`],
  ['tokens (wink)', tokens.toLocaleString('en-US')],
  ['machine', `${cores} cores, load average ${loadavg()[0]!.toFixed(1)} at the end`],
  ['wink readDoc, 1 thread', `${k(winkRate)} tokens/s (median of ${winkSamples.map(k).join(', ')}: before, between and after the sitrep runs)`],
  [`wink readDoc, ${cores} threads at once`, `${k(winkAllRate)} tokens/s, ${(winkAllRate / winkRate).toFixed(2)}× one thread: the machine's scaling for this work`],
  ...(oneCore ? row('sitrep extract, 1 core', oneCore, 1) : []),
  ...row('sitrep extract, 1 worker', one, 1),
  ...row(`sitrep extract, ${cores} workers`, all, cores),
  [`scaling, ${cores} cores / 1`, `${(busy(base) / busy(all)).toFixed(2)}× ${oneCore ? '' : 'one worker (no taskset here) '}(wink alone: ${(winkAllRate / winkRate).toFixed(2)}×)`],
  ...(halves[0] && halves[1] ? [[`  over the second halves`, `${(halves[1] / halves[0]).toFixed(2)}×`] as [string, string]] : []),
  [`  ${cores} workers / 1 worker`, `${(busy(one) / busy(all)).toFixed(2)}×, the single worker using idle cores for GC and compilation`],
  ['HTML reader alone', `${htmlRate.toFixed(0)} pages/s (linkedom + Readability, 1 thread)`],
];
for (const [key, value] of rows) console.log(`${key.padEnd(30)} ${value}`);

// sitrep link on 100,000 events (bench/link.ts), and work against a document's length (bench/length.ts), each in its own process
spawnSync(process.execPath, ['--import', 'tsx', 'bench/link.ts', '100000'], { cwd: root, stdio: 'inherit' });
console.log('\none document against its length (bench/length.ts):');
spawnSync(process.execPath, ['--import', 'tsx', 'bench/length.ts', '500', '10000'], { cwd: root, stdio: 'inherit' });
