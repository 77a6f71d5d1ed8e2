// npx tsx bench/queue.ts [N]: distributed extraction (sitrep queue / sitrep worker) on a
// throwaway redis-server on a free loopback port, over N documents (default 2,000) of real news
// text (bench/corpus.ts) in JSONL files. Prints, from one run:
//
//   - `sitrep extract --out` with 1 and with 2 threads, for reference;
//   - `sitrep queue add`: documents queued per second;
//   - 1 worker process, 2 worker processes (each --concurrency 1), and 1 worker process with
//     2 threads (--concurrency 2): documents per second once the first record is done (the
//     steady rate), and over the whole run from the workers' start (start-up included);
//   - Redis's memory per finished document (its text in the job, its record's lines in the
//     job's return value);
//   - `sitrep queue collect`: the time to write the dataset, and whether each collected
//     dataset is byte-identical to extract's with 1 thread (run.json's timing aside), beside
//     the same comparison for extract with 2 threads: on real news text a few records depend on
//     which documents the same pipeline instance read before (wink-nlp's lexicon grows with
//     the words it meets), so any split of the work across pipelines can change them.
//
// Each extract, add, worker and collect is its own child process, as users run them.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { countJobs } from '../src/queue/status.js';
import { baseTexts, corpus } from './corpus.js';
import { startRedis } from '../tests/redis-server.js';

const n = Number(process.argv[2] ?? 2000);
const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'bin/sitrep.js');
const tmp = mkdtempSync(join(tmpdir(), 'sitrep-bench-queue-'));
const input = join(tmp, 'corpus');
const children = new Set<ChildProcess>();

function cleanup(): void {
  for (const child of children) child.kill('SIGKILL');
  rmSync(tmp, { recursive: true, force: true });
}
process.on('exit', cleanup);

// the corpus: JSONL files of 100 documents, each with its own id (so no two are the same document)
const texts = corpus(baseTexts(), n);
mkdirSync(input);
for (let i = 0; i < texts.length; i += 100) {
  const lines = texts.slice(i, i + 100).map((text, k) => JSON.stringify({ id: `doc-${i + k}`, text }));
  writeFileSync(join(input, `feed-${String(i / 100).padStart(4, '0')}.jsonl`), `${lines.join('\n')}\n`);
}

function sitrep(args: string[]): { seconds: number; stderr: string; status: number | null } {
  const started = performance.now();
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: tmp, encoding: 'utf8' });
  return { seconds: (performance.now() - started) / 1000, stderr: r.stderr, status: r.status };
}

/** The files of a dataset folder, run.json without its timing (the one part that differs). */
function dataset(out: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(out).sort()) {
    let text = readFileSync(join(out, name), 'utf8');
    if (name === 'run.json') {
      const run = JSON.parse(text) as Record<string, unknown>;
      delete run.timing;
      text = JSON.stringify(run);
    }
    files.set(name, text);
  }
  return files;
}

/** How two dataset folders differ: the files that differ, and how many documents differ. */
function differences(a: string, b: string): { files: string[]; documents: number } {
  const [x, y] = [dataset(a), dataset(b)];
  const files = [...new Set([...x.keys(), ...y.keys()])].filter((name) => x.get(name) !== y.get(name));
  const [dx, dy] = [x, y].map((d) => (d.get('documents.jsonl') ?? '').split('\n'));
  return { files, documents: dx!.filter((line, i) => line !== dy![i]).length };
}

const said = (d: { files: string[]; documents: number }) =>
  d.files.length === 0 ? 'byte-identical' : `${d.documents} document${d.documents === 1 ? '' : 's'} differ (${d.files.join(', ')})`;

if (spawnSync('redis-server', ['--version']).status !== 0) {
  console.error('bench/queue.ts needs redis-server (Debian: apt-get install redis-server)');
  process.exit(1);
}
const { url } = await startRedis(tmp, children);

// extract, for reference
const extractRuns = [1, 2].map((threads) => {
  const out = join(tmp, `extract-${threads}`);
  const r = sitrep(['extract', 'corpus', '--out', out, '--quiet', '--concurrency', String(threads)]);
  if (r.status !== 0) throw new Error(`extract failed: ${r.stderr}`);
  const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as { documents: number; timing: { seconds: number; first_record_seconds: number } };
  return { threads, wall: r.seconds, steady: run.documents / (run.timing.seconds - run.timing.first_record_seconds), documents: run.documents };
});

interface QueueRun {
  label: string;
  add: number;
  steady: number;
  whole: number;
  firstRecord: number;
  collect: number;
  differences: { files: string[]; documents: number };
}

async function queueRun(label: string, name: string, processes: number, threads: number): Promise<QueueRun> {
  const add = sitrep(['queue', 'add', 'corpus', '--redis', url, '--queue', name, '--quiet']);
  if (add.status !== 0) throw new Error(`queue add failed: ${add.stderr}`);
  const queue = new Queue(name, { connection: { url, maxRetriesPerRequest: null } });
  const total = (await countJobs(queue)).waiting;
  const started = performance.now();
  const workers = Array.from({ length: processes }, () => {
    const child = spawn(process.execPath, [bin, 'worker', '--redis', url, '--queue', name, '--concurrency', String(threads), '--quiet'], { cwd: tmp, stdio: 'inherit' });
    children.add(child);
    return child;
  });
  let first: { at: number; done: number } | null = null;
  let end = started;
  for (;;) {
    const c = await countJobs(queue);
    const now = performance.now();
    if (!first && c.done > 0) first = { at: now, done: c.done };
    if (c.done + c.failed >= total) {
      end = now;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await Promise.all(
    workers.map(
      (child) =>
        new Promise((resolve) => {
          child.on('exit', resolve);
          child.kill('SIGTERM');
        }),
    ),
  );
  for (const child of workers) children.delete(child);
  await queue.close();
  const out = join(tmp, `collect-${name}`);
  const collect = sitrep(['queue', 'collect', '--redis', url, '--queue', name, '--out', out, '--quiet']);
  if (collect.status !== 0) throw new Error(`queue collect failed: ${collect.stderr}`);
  return {
    label,
    add: total / add.seconds,
    steady: (total - first!.done) / ((end - first!.at) / 1000),
    whole: total / ((end - started) / 1000),
    firstRecord: (first!.at - started) / 1000,
    collect: collect.seconds,
    differences: differences(out, join(tmp, 'extract-1')),
  };
}

const runs = [
  await queueRun('1 worker process', 'bench-1', 1, 1),
  await queueRun('2 worker processes', 'bench-2', 2, 1),
  await queueRun('1 worker process, 2 threads', 'bench-1x2', 1, 2),
];

// what Redis holds per document once its record is done: the job (the article's text) and its
// return value (the record's dataset lines), for the three queues above
const redis = new Redis(url);
const used = Number(/used_memory:(\d+)/.exec(await redis.info('memory'))?.[1] ?? 0);
await redis.quit();
const textBytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
const memory = { perDocument: used / (runs.length * texts.length), ratio: used / (runs.length * textBytes) };

const docs = (x: number) => `${x.toFixed(0)} docs/s`;
const rows: Array<[string, string]> = [
  ['documents', `${extractRuns[0]!.documents.toLocaleString('en-US')} (JSONL, ${(readFileSync(join(input, 'feed-0000.jsonl')).length / 100 / 1024).toFixed(1)} KB each on average)`],
  ['machine', `${availableParallelism()} cores, load average ${loadavg()[0]!.toFixed(1)} at the end`],
  ...extractRuns.map((r) => [`extract --out, ${r.threads} thread${r.threads > 1 ? 's' : ''}`, `${docs(r.steady)} after the first record (${r.wall.toFixed(1)} s wall)`] as [string, string]),
  ['queue add', `${docs(runs[0]!.add)} (reading, doc.id, sending to Redis)`],
  ...runs.map((r) => [r.label, `${docs(r.steady)} after the first record, ${docs(r.whole)} with start-up (first record after ${r.firstRecord.toFixed(1)} s)`] as [string, string]),
  ['scaling, 2 processes / 1', `${(runs[1]!.steady / runs[0]!.steady).toFixed(2)}×`],
  ['queue collect', `${runs[1]!.collect.toFixed(1)} s for the whole dataset`],
  ['Redis memory', `${(memory.perDocument / 1024).toFixed(1)} KB per finished document, ${memory.ratio.toFixed(1)}× its text`],
  ['same as extract, 1 thread?', ''],
  ['  extract, 2 threads', said(differences(join(tmp, 'extract-2'), join(tmp, 'extract-1')))],
  ...runs.map((r) => [`  ${r.label}`, said(r.differences)] as [string, string]),
];
for (const [key, value] of rows) console.log(`${key.padEnd(30)} ${value}`);
process.exit(0);
