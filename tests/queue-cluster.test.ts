// Distributed extraction (src/queue) against a real redis-server on a free loopback port:
// `queue add` twice queues each document once; two `sitrep worker` processes, one killed with
// SIGKILL mid-run, finish the queue; `queue collect` (also while the workers are busy) writes
// the same dataset files, byte for byte, as a local `extract --out`; bad input fails once with
// its reason; a worker with another pipeline configuration refuses the queue, and a job made
// with another configuration goes back to the queue untouched. In-process checks of the
// processor follow (a transient failure retried, a pipeline failure not), and of the threads'
// bounded heap.
//
// The tests skip, saying so, where no redis-server binary is installed (Debian: apt-get install
// redis-server).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../src/io/formats.js';
import { addToQueue } from '../src/queue/add.js';
import { collectQueue } from '../src/queue/collect.js';
import { configDifferences, pipelineConfig } from '../src/queue/config.js';
import { queueTarget, type QueueTarget } from '../src/queue/connection.js';
import { createArticleExecutor, type ArticleExecutor } from '../src/queue/executor.js';
import { failureJobIdOf, jobIdOf, packLines, parseFailedReason, unpackLines, type DocumentJob, type DocumentResult } from '../src/queue/jobs.js';
import { countJobs, type JobCounts } from '../src/queue/status.js';
import { runWorker } from '../src/queue/worker.js';
import { InputError } from '../src/io/errors.js';
import { createPipeline } from '../src/index.js';
import { extractJob } from '../src/queue/extract.js';
import { datasetFiles } from './dataset-files.js';
import { startRedis } from './redis-server.js';

const BIN = new URL('../bin/sitrep.js', import.meta.url).pathname;
const hasRedis = spawnSync('redis-server', ['--version'], { encoding: 'utf8' }).status === 0;
const SKIP_MESSAGE = 'SKIPPED: no redis-server binary on PATH; the queue tests start their own (Debian: apt-get install redis-server)';
if (!hasRedis) console.warn(`tests/queue-cluster.test.ts: ${SKIP_MESSAGE}`);

// short locks, so that a killed worker's job comes back within seconds
const FAST_LOCKS = ['--lock-duration', '2000', '--stalled-interval', '1000'];

const PLACES = ['Kherson', 'Kharkiv', 'Belgorod', 'Avdiivka', 'Donetsk', 'Zaporizhzhia', 'Sumy', 'Odesa', 'Mykolaiv', 'Rafah'];
const SENTENCES = [
  (p: string, n: number) => `Russian forces shelled ${p} on Tuesday, killing ${n} civilians, the governor said.`,
  (p: string, n: number) => `Ukrainian drones struck an oil depot near ${p} overnight, officials said, and ${n} people were injured.`,
  (p: string) => `Protesters gathered in ${p} on Sunday against the new law.`,
  (p: string, n: number) => `The army said it had captured ${n} soldiers near ${p}.`,
  (p: string) => `Two tanks were destroyed in a clash near ${p}, according to the ministry.`,
  (p: string, n: number) => `A missile hit a school in ${p} on Monday and ${n} teachers were wounded, the mayor said.`,
];

/** An article unlike its neighbours: places, numbers and sentence order vary with i. */
function article(i: number): string {
  const out: string[] = [];
  for (let k = 0; k < 12; k++) out.push(SENTENCES[(i + k * 5) % SENTENCES.length]!(PLACES[(i * 7 + k * 3) % PLACES.length]!, 2 + ((i * 3 + k) % 19)));
  return out.join(' ');
}

/** 36 articles (.txt, .md and JSONL lines) and four bad inputs: an empty file, a binary one, a broken line, a duplicate. */
function writeCorpus(root: string): number {
  mkdirSync(join(root, 'md'), { recursive: true });
  const lines: string[] = [];
  for (let i = 0; i < 36; i++) {
    const date = `2024-03-${String(1 + (i % 28)).padStart(2, '0')}`;
    if (i % 6 === 1) writeFileSync(join(root, 'md', `${String(i).padStart(3, '0')}.md`), `---\ntitle: Report ${i}\ndate: ${date}\n---\n# Report ${i}\n\n${article(i)}\n`);
    else if (i % 6 === 4) lines.push(JSON.stringify({ id: `r${i}`, text: article(i), published: date }));
    else writeFileSync(join(root, `${String(i).padStart(3, '0')}.txt`), `date ${date}\n${article(i)}\n`);
  }
  lines.splice(2, 0, '{"id": "broken", "text": ');
  writeFileSync(join(root, 'feed.jsonl'), `${lines.join('\n')}\n`);
  writeFileSync(join(root, 'empty.txt'), '');
  writeFileSync(join(root, 'binary.txt'), Buffer.from([0x00, 0x01, 0x02, 0xff]));
  // the text of 000.txt again: the same doc.id, left out as a duplicate by extract and queue add alike
  writeFileSync(join(root, 'dup.txt'), readFileSync(join(root, '000.txt')));
  return 36;
}

const children = new Set<ChildProcess>();

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `sitrep ARGS` as a child process, in the test folder. */
function sitrep(args: string[], cwd: string): Promise<Run> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) =>
    child.on('close', (code) => {
      children.delete(child);
      resolve({ code, stdout, stderr });
    }),
  );
}

/** A long-running `sitrep worker`, its output kept. */
function startWorker(args: string[], cwd: string): { child: ChildProcess; done: Promise<Run> } {
  const child = spawn(process.execPath, [BIN, 'worker', '--concurrency', '1', ...FAST_LOCKS, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const done = new Promise<Run>((resolve) =>
    child.on('close', (code) => {
      children.delete(child);
      resolve({ code, stdout, stderr });
    }),
  );
  return { child, done };
}

async function until<T>(what: string, probe: () => Promise<T>, ok: (value: T) => boolean, timeout = 150_000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (ok(value)) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const dataset = datasetFiles;

describe.skipIf(!hasRedis)('distributed extraction on Redis', () => {
  let tmp: string;
  let url: string;
  let articles: number;
  const queues: Queue[] = [];
  const bull = (name: string) => {
    const queue = new Queue(name, { connection: { url, maxRetriesPerRequest: null } });
    queues.push(queue);
    return queue;
  };
  const counts = (queue: Queue) => countJobs(queue);

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'sitrep-queue-'));
    mkdirSync(join(tmp, 'corpus'));
    articles = writeCorpus(join(tmp, 'corpus'));
    ({ url } = await startRedis(tmp, children));
  }, 150_000);

  afterAll(async () => {
    for (const queue of queues) await queue.close().catch(() => undefined);
    for (const child of children) child.kill('SIGKILL');
    children.clear();
    rmSync(tmp, { recursive: true, force: true });
  });

  describe('two workers, one killed mid-run', () => {
    let local: Record<string, string>;

    it('queues one job per document, and a second add queues none', async () => {
      const [extract, first] = await Promise.all([
        sitrep(['extract', 'corpus', '--out', 'local', '--quiet'], tmp),
        sitrep(['queue', 'add', 'corpus', '--redis', url, '--queue', 'e2e'], tmp),
      ]);
      expect(extract.code).toBe(1); // the four bad inputs
      local = dataset(join(tmp, 'local'));
      expect(first.code, first.stderr).toBe(0);
      expect(first.stderr).toContain(`queued ${articles} documents and 4 unreadable inputs on queue "e2e"`);
      expect(first.stderr).toContain('0 already queued or done');
      expect(first.stderr).toMatch(/corpus\/feed\.jsonl:3: line is not valid JSON/);

      const again = await sitrep(['queue', 'add', 'corpus', '--redis', url, '--queue', 'e2e'], tmp);
      expect(again.code, again.stderr).toBe(0);
      expect(again.stderr).toContain(`queued 0 documents on queue "e2e"`);
      expect(again.stderr).toContain(`${articles + 4} already queued or done`);

      const status = await sitrep(['queue', 'status', '--redis', url, '--queue', 'e2e', '--json'], tmp);
      expect(JSON.parse(status.stdout)).toMatchObject({ waiting: articles + 4, active: 0, done: 0, failed: 0, workers: 0 });
      const text = await sitrep(['queue', 'status', '--redis', url, '--queue', 'e2e'], tmp);
      expect(text.stdout).toMatch(/waiting +40\n/);
    }, 200_000);

    it('loses nothing when a worker is killed, and collects what extract --out writes, byte for byte', async () => {
      const queue = bull('e2e');
      // paused until both workers are up, so that both take jobs from the start
      await queue.pause();
      const one = startWorker(['--redis', url, '--queue', 'e2e'], tmp);
      const two = startWorker(['--redis', url, '--queue', 'e2e'], tmp);
      await until('both workers to connect', () => queue.getWorkersCount(), (n) => n === 2);
      await queue.resume();
      // kill one in the middle of a job: wait for a job it has taken (the job's state, not a
      // moment when both workers happen to be busy, which a loaded machine may never show)
      const mine = `:${one.child.pid}`;
      await until('the first worker to take a job', () => queue.getActive(), (jobs) => jobs.some((job) => job.processedBy?.endsWith(mine)));
      one.child.kill('SIGKILL');
      expect((await one.done).code).toBe(null);

      // collect while the other works (and the killed worker's job waits for its lock to run
      // out): a part of the dataset, in the same order
      const partial = await collectQueue({ target: queueTarget(url, 'e2e'), out: join(tmp, 'partial') });
      expect(partial.documents + partial.failed + partial.pending).toBe(articles + 4);
      const partialDocs = readFileSync(join(tmp, 'partial', 'documents.jsonl'), 'utf8').split('\n').filter(Boolean);
      const allDocs = local['documents.jsonl']!.split('\n').filter(Boolean);
      expect(partialDocs.length).toBe(partial.documents);
      let at = 0;
      for (const line of partialDocs) {
        at = allDocs.indexOf(line, at);
        expect(at).toBeGreaterThanOrEqual(0); // each record is extract's, in extract's order
      }

      // the killed worker's job comes back (stalled-job check) and the other worker does it
      const final = await until('the queue to be finished', () => counts(queue), (c) => c.waiting === 0 && c.active === 0);
      expect(final).toMatchObject({ done: articles, failed: 4 } satisfies Partial<JobCounts>);
      const jobs = await queue.getJobs(['completed']);
      expect(jobs.length).toBe(articles);
      const restarted = jobs.filter((job) => job.stalledCounter > 0 || job.attemptsStarted > 1);
      expect(restarted.length, 'the job in progress in the killed worker was taken again').toBeGreaterThanOrEqual(1);

      const collected = await sitrep(['queue', 'collect', '--redis', url, '--queue', 'e2e', '--out', 'collected'], tmp);
      expect(collected.code).toBe(1); // as extract: some documents failed
      expect(collected.stderr).toContain(`collected ${articles} documents`);
      expect(collected.stderr).toContain('4 failed (1 binary, 1 duplicate, 1 empty, 1 json');
      expect(dataset(join(tmp, 'collected'))).toEqual(local);
      // run.json's timing has extract's fields, the queue's figures
      const timing = (dir: string) => (JSON.parse(readFileSync(join(tmp, dir, 'run.json'), 'utf8')) as { timing: Record<string, unknown> }).timing;
      expect(Object.keys(timing('collected'))).toEqual(Object.keys(timing('local')));
      expect(timing('collected').seconds).toBeGreaterThan(0);

      two.child.kill('SIGTERM'); // stops after the job in progress
      const stopped = await two.done;
      expect(stopped.code, stopped.stderr).toBe(0);
      expect(stopped.stderr).toMatch(/sitrep worker: \d+ done, 4 failed/);
    }, 200_000);

    it('records bad input as failed with its reason, after one try', async () => {
      const failed = await bull('e2e').getFailed();
      expect(failed.map((job) => job.failedReason).sort()).toEqual([
        expect.stringMatching(/^binary: /),
        expect.stringMatching(/^duplicate: duplicate of corpus\/000\.txt: both have doc\.id [0-9a-f]{16}; this one is left out$/),
        expect.stringMatching(/^empty: the file is empty$/),
        expect.stringMatching(/^json: line is not valid JSON/),
      ]);
      for (const job of failed) expect(job.attemptsMade).toBe(1);
      const errors = readFileSync(join(tmp, 'collected', 'errors.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { file: string; line: number | null; code: string });
      expect(errors.map((e) => `${e.file}${e.line ? `:${e.line}` : ''} ${e.code}`)).toEqual(['corpus/binary.txt binary', 'corpus/dup.txt duplicate', 'corpus/empty.txt empty', 'corpus/feed.jsonl:3 json']);
    });
  });

  describe('pipeline configuration', () => {
    it('a worker started with other options refuses the queue before taking a job', async () => {
      const queue = bull('e2e');
      const before = await counts(queue);
      const refused = await sitrep(['worker', '--redis', url, '--queue', 'e2e', '--published', '2020-01-01', '--concurrency', '1'], tmp);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/refusing the jobs of queue "e2e".*pipeline configuration [0-9a-f]{16}, this worker runs [0-9a-f]{16}/);
      expect(refused.stderr).toContain('the jobs were made with no --published, this worker has --published 2020-01-01');
      expect(await counts(queue)).toEqual(before);

      // and an add with other options is refused too
      const add = await sitrep(['queue', 'add', 'corpus', '--redis', url, '--queue', 'e2e', '--published', '2020-01-01'], tmp);
      expect(add.code).toBe(2);
      expect(add.stderr).toContain('holds documents added with another pipeline configuration');
    }, 150_000);

    it('a job made with another configuration goes back to the queue and the worker stops', async () => {
      writeFileSync(join(tmp, 'one.txt'), `${article(500)}\n`);
      const add = await sitrep(['queue', 'add', 'one.txt', '--redis', url, '--queue', 'foreign'], tmp);
      expect(add.code, add.stderr).toBe(0);
      const queue = bull('foreign');
      const foreign: DocumentJob = { config: 'ffffffffffffffff', file: 'elsewhere.txt', line: null, input: { text: article(501), source: 'elsewhere.txt' } };
      await queue.add('document', foreign, { jobId: 'd.foreign', attempts: 3 });

      const worker = startWorker(['--redis', url, '--queue', 'foreign'], tmp);
      const run = await worker.done;
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('refused job d.foreign (elsewhere.txt): it was made with pipeline configuration ffffffffffffffff');
      const job = await queue.getJob('d.foreign');
      expect(await job!.getState()).toBe('waiting');
      expect(job!.attemptsMade).toBe(0);
      expect(await counts(queue)).toMatchObject({ done: 1, failed: 0, waiting: 1, active: 0 });
    }, 150_000);
  });

  describe('the processor, in this process', () => {
    const target = () => queueTarget(url, 'inproc');
    const pipeline = () => (shared ??= createPipeline());
    let shared: ReturnType<typeof createPipeline> | null = null;

    /** An executor that runs the real pipeline, unless `fail` says to throw or to fail in the pipeline. */
    const flaky = (fail: (call: number) => Error | 'extraction' | null): ArticleExecutor => {
      let calls = 0;
      return {
        ready: Promise.resolve(),
        async run(job) {
          const what = fail(calls++);
          if (what === 'extraction') return extractJob({ ...pipeline(), process: () => { throw new Error('boom'); } }, job, null);
          if (what) throw what;
          return extractJob(pipeline(), job, null);
        },
        async close() {},
      };
    };

    async function work(t: QueueTarget, executor: ArticleExecutor, until: (c: JobCounts) => boolean) {
      const queue = bull(t.name);
      const controller = new AbortController();
      const running = runWorker({ target: t, concurrency: 1, executor, signal: controller.signal, lockDuration: 2000, stalledInterval: 1000 });
      // waits on the queue's state; the deadline only ends a test that would hang
      const end = Date.now() + 120_000;
      while (!until(await counts(queue)) && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 100));
      controller.abort();
      return running;
    }

    it('tries a job again after a transient failure, with a pause', async () => {
      writeFileSync(join(tmp, 'transient.txt'), `${article(600)}\n`);
      const t = target();
      const added = await addToQueue({ target: t, paths: [join(tmp, 'transient.txt')], limits: DEFAULT_LIMITS });
      expect(added).toMatchObject({ queued: 1, unreadable: 0, already: 0 });
      const started = Date.now();
      const result = await work(t, flaky((call) => (call === 0 ? new Error('the disk hiccuped') : null)), (c) => c.done === 1);
      expect(result).toMatchObject({ done: 1, failed: 0, retried: 1, refused: null });
      expect(Date.now() - started).toBeGreaterThanOrEqual(1900); // the backoff
      const [job] = await bull(t.name).getCompleted();
      expect(job!.attemptsMade).toBe(2); // the failed try, and the one that did it
      const value = job!.returnvalue as DocumentResult;
      expect(value).toMatchObject({ lines: expect.any(String), eventCount: expect.any(Number), entityCount: expect.any(Number) });
      expect(JSON.parse(unpackLines(value.lines)['documents.jsonl']!)).toMatchObject({ doc: { source: join(tmp, 'transient.txt') } });
    }, 150_000);

    it('fails a document the pipeline fails on once, with its reason', async () => {
      writeFileSync(join(tmp, 'poison.txt'), `${article(700)}\n`);
      const t = queueTarget(url, 'poison');
      await addToQueue({ target: t, paths: [join(tmp, 'poison.txt')], limits: DEFAULT_LIMITS });
      const result = await work(t, flaky(() => 'extraction'), (c) => c.failed === 1);
      expect(result).toMatchObject({ done: 0, failed: 1, retried: 0 });
      const [job] = await bull(t.name).getFailed();
      expect(job!.failedReason).toBe('extraction: extraction failed: boom');
      expect(job!.attemptsMade).toBe(1);
    }, 150_000);
  });
});

if (!hasRedis) it.skip(SKIP_MESSAGE, () => undefined);

describe('job ids and reasons', () => {
  it('makes BullMQ job ids of doc ids, hashing what BullMQ would refuse', () => {
    expect(jobIdOf('49e5a31c79cda5c8')).toBe('d.49e5a31c79cda5c8');
    expect(jobIdOf('12345')).toBe('d.12345'); // never a bare integer
    expect(jobIdOf('feed:12')).toMatch(/^h\.[0-9a-f]{32}$/); // never a colon
    expect(jobIdOf('feed:12')).toBe(jobIdOf('feed:12'));
    expect(jobIdOf('a b')).not.toBe(jobIdOf('a_b'));
    const error = new InputError('corpus/x.jsonl', 'line is not valid JSON', 3, 'json');
    expect(failureJobIdOf(error)).toBe(failureJobIdOf(new InputError('corpus/x.jsonl', 'line is not valid JSON', 3, 'json')));
    expect(failureJobIdOf(error)).not.toBe(failureJobIdOf(new InputError('corpus/x.jsonl', 'line is not valid JSON', 4, 'json')));
  });

  it('packs a record\'s dataset lines and unpacks the same bytes', () => {
    const lines = { documents: '{"text":"Kyiv — “shelled” \\u2028 😀"}\n', events: '', csv: 'a,"b\r\nc"\r\n' };
    expect(unpackLines(packLines(lines))).toEqual(lines);
  });

  it('reads a failed job reason back into an errors.jsonl code', () => {
    expect(parseFailedReason('json: line is not valid JSON (x: y)')).toEqual({ code: 'json', message: 'line is not valid JSON (x: y)' });
    expect(parseFailedReason('job stalled more than allowable limit')).toEqual({ code: 'crash', message: 'the worker processing it died: job stalled more than allowable limit' });
    expect(parseFailedReason('nonsense: text')).toEqual({ code: 'crash', message: 'the worker processing it died: nonsense: text' });
  });

  it('hashes the pipeline configuration and says what differs', () => {
    const a = pipelineConfig({ lexicons: [], published: null });
    const b = pipelineConfig({ lexicons: [], published: '2024-03-16' });
    expect(a.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(a.hash).toBe(pipelineConfig({ lexicons: [], published: null }).hash);
    expect(b.hash).not.toBe(a.hash);
    expect(configDifferences(a.config, b.config)).toEqual(['the jobs were made with no --published, this worker has --published 2024-03-16']);
  });
});

describe('worker threads', () => {
  it('bound their heap (--max-memory): a document that needs more kills only its own thread', async () => {
    const executor = createArticleExecutor(2, [], null, 112);
    try {
      await executor.ready;
      // one line of 1.5 million words: more than a 112 MB heap can hold as tokens
      const words = ['Troops', 'shelled', 'the', 'village', 'near', 'Kharkiv', 'on', 'Monday', 'officials', 'said'];
      const huge = Array.from({ length: 1_500_000 }, (_, k) => words[(k * 7) % words.length]).join(' ');
      const article = { text: 'Russian troops shelled the village of Zmiivka on Monday, killing two civilians, officials said.' };
      const [dead, alive] = await Promise.allSettled([executor.run({ file: 'huge.txt', line: null, input: { text: huge } }), executor.run({ file: 'a.txt', line: null, input: article })]);
      expect(dead).toMatchObject({ status: 'rejected', reason: { code: 'ERR_WORKER_OUT_OF_MEMORY' } });
      expect(alive).toMatchObject({ status: 'fulfilled', value: { ok: true, result: { eventCount: 1 } } });
      // the pool replaced the dead thread and goes on
      expect(await executor.run({ file: 'b.txt', line: null, input: article })).toMatchObject({ ok: true, result: { eventCount: 1 } });
    } finally {
      await executor.close();
    }
  }, 120_000);
});
