// sitrep worker: takes document jobs from the queue and runs the same pipeline as `extract`
// (same lexicons, same --published), leaving each record's dataset lines as the job's return
// value. What can go wrong, and what happens:
//
//   - bad input (a job holding an unreadable input, or an article the pipeline fails on):
//     UnrecoverableError, so the job fails once, with its reason, and is not tried again;
//   - anything else (a worker thread that died, an unexpected error): the job is tried again,
//     2 s and 4 s later, and fails after its third try;
//   - the worker process killed mid-job: its lock runs out and another worker's stalled-job
//     check puts the job back in the queue (after MAX_STALLED such deaths it fails as 'crash');
//   - a job made with another pipeline configuration: it goes back to the queue untouched and
//     this worker stops, saying what differs; a queue whose configuration differs is refused
//     before any job is taken.
import { hostname } from 'node:os';
import { UnrecoverableError, WaitingError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { UsageError } from '../io/errors.js';
import { loadLexicons } from '../lexicons/load.js';
import { configDifferences, pipelineConfig } from './config.js';
import { bullConnection, connect, shownUrl, type QueueTarget } from './connection.js';
import { createArticleExecutor, type ArticleExecutor } from './executor.js';
import { failedReason, JOB_OPTIONS, MAX_STALLED, parseFailedReason, type DocumentJob, type DocumentResult } from './jobs.js';
import { readMeta } from './meta.js';

export interface WorkerOptions {
  target: QueueTarget;
  lexicons?: string[];
  published?: string | null;
  /** jobs run at once, each in its own worker thread */
  concurrency: number;
  /** the old-generation heap of each thread, in MB (default 384) */
  heapMb?: number;
  /** the time budget of one document, in seconds (default 60) */
  maxSeconds?: number;
  /** ms a job stays locked without a sign of life from its worker (BullMQ lockDuration) */
  lockDuration?: number;
  /** ms between checks for jobs whose worker died (BullMQ stalledInterval) */
  stalledInterval?: number;
  /** stops the worker once the jobs in progress are done */
  signal?: AbortSignal;
  /** one line per event worth telling (ready, a document failed, refused, stopped) */
  log?: (line: string) => void;
  /** the executor to use (tests); built from the options otherwise */
  executor?: ArticleExecutor;
}

export interface WorkerResult {
  done: number;
  failed: number;
  /** tries that failed and will be tried again */
  retried: number;
  /** why the worker stopped by itself: a job made with another configuration */
  refused: string | null;
  seconds: number;
}

/** Seconds between tries while Redis cannot be reached. */
const REDIS_RETRY_SECONDS = 2;

/**
 * A connection to the queue's Redis: a worker started before its Redis (or while it restarts)
 * waits for it, saying so once, and gives up only when stopped (null then).
 */
async function waitForRedis(target: QueueTarget, log: (line: string) => void, signal?: AbortSignal): Promise<Redis | null> {
  let said = false;
  while (!signal?.aborted) {
    try {
      return await connect(target);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      if (!said) log(`sitrep worker: waiting for Redis at ${shownUrl(target.url)} (not reachable yet); retrying every ${REDIS_RETRY_SECONDS} s until it is, or until stopped`);
      said = true;
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, REDIS_RETRY_SECONDS * 1000);
      signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
    });
  }
  return null;
}

export async function runWorker(options: WorkerOptions): Promise<WorkerResult> {
  const started = performance.now();
  const log = options.log ?? (() => undefined);
  const lexicons = options.lexicons ?? [];
  const published = options.published ?? null;
  loadLexicons(lexicons); // a bad lexicon is misuse (exit 2), found before any job is taken
  const { hash, config } = pipelineConfig({ lexicons, published });
  const { target } = options;

  const redis = await waitForRedis(target, log, options.signal);
  if (!redis) return { done: 0, failed: 0, retried: 0, refused: null, seconds: (performance.now() - started) / 1000 };
  try {
    const meta = await readMeta(redis, target);
    if (meta && meta.config !== hash) {
      throw new UsageError(
        `refusing the jobs of queue "${target.name}" at ${shownUrl(target.url)}: they were made with pipeline configuration ${meta.config}, ` +
          `this worker runs ${hash} (${configDifferences(meta.pipeline, config).join('; ')}); start it with the options of the \`queue add\``,
      );
    }
  } finally {
    await redis.quit().catch(() => undefined);
  }

  const executor = options.executor ?? createArticleExecutor(options.concurrency, lexicons, published, options.heapMb, options.maxSeconds);
  try {
    await executor.ready;
  } catch (error) {
    await executor.close().catch(() => undefined);
    throw new Error(`cannot build the pipeline: ${(error as Error).message}`);
  }

  const result: WorkerResult = { done: 0, failed: 0, retried: 0, refused: null, seconds: 0 };
  if (options.signal?.aborted) {
    await executor.close();
    return result;
  }
  let worker: Worker<DocumentJob, DocumentResult> | null = null;

  const processor = async (job: Job<DocumentJob, DocumentResult>, token?: string): Promise<DocumentResult> => {
    const data = job.data;
    if (data.config !== hash) {
      // not ours to do: back to the queue, untouched, for a worker with the right configuration
      result.refused ??=
        `refused job ${job.id} (${data.file}${data.line ? `:${data.line}` : ''}): it was made with pipeline configuration ${data.config}, ` +
        `this worker runs ${hash}; the job is back in the queue. Start the worker with the options of the \`queue add\` that made it`;
      void worker?.close();
      await job.moveToWait(token);
      throw new WaitingError();
    }
    if (data.failure) throw new UnrecoverableError(failedReason(data.failure.code, data.failure.message));
    if (!data.input) throw new UnrecoverableError(failedReason('invalid', 'the job holds neither an article nor an error; it was not made by sitrep queue add'));
    let outcome;
    try {
      outcome = await executor.run({ file: data.file, line: data.line, input: data.input });
    } catch (error) {
      throw new Error(failedReason('crash', `the worker thread processing it died: ${(error as Error).message}`));
    }
    if (!outcome.ok) throw new UnrecoverableError(failedReason(outcome.failure.code, outcome.failure.message));
    return outcome.result;
  };

  worker = new Worker<DocumentJob, DocumentResult>(target.name, processor, {
    connection: bullConnection(target),
    concurrency: options.concurrency,
    lockDuration: options.lockDuration ?? 30_000,
    stalledInterval: options.stalledInterval ?? 30_000,
    maxStalledCount: MAX_STALLED,
    name: `sitrep:${hostname()}:${process.pid}`,
    autorun: false,
  });
  worker.on('completed', () => {
    result.done++;
  });
  worker.on('failed', (job, error) => {
    if (!job || error instanceof WaitingError || error.name === 'WaitingError') return;
    const final = error instanceof UnrecoverableError || error.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? JOB_OPTIONS.attempts);
    const { code, message } = parseFailedReason(error.message);
    const where = `${job.data.file}${job.data.line ? `:${job.data.line}` : ''}`;
    if (final) {
      result.failed++;
      log(`sitrep: ${where}: ${message} (${code})`);
    } else {
      result.retried++;
      log(`sitrep: ${where}: ${message} (${code}); trying again later (try ${job.attemptsMade} of ${job.opts.attempts ?? JOB_OPTIONS.attempts})`);
    }
  });
  // Redis gone: one line each time the reason changes, not one per reconnection attempt
  let lastError = '';
  worker.on('error', (error) => {
    if (error.message === lastError) return;
    lastError = error.message;
    log(`sitrep worker: lost Redis at ${shownUrl(target.url)} (${error.message}); retrying`);
  });
  worker.on('ready', () => (lastError = ''));

  const stop = () => {
    // the jobs in progress are finished first; a worker cut off from Redis cannot hand them
    // back, so after a few seconds it stops anyway (their locks run out and they are redone)
    void worker?.close();
    setTimeout(() => void worker?.close(true), 5000).unref();
  };
  options.signal?.addEventListener('abort', stop);
  log(`sitrep worker: taking jobs from queue "${target.name}" at ${shownUrl(target.url)}, ${options.concurrency} at a time (pipeline configuration ${hash})`);
  try {
    await worker.run();
    await worker.close();
  } finally {
    options.signal?.removeEventListener('abort', stop);
    await executor.close();
  }
  result.seconds = (performance.now() - started) / 1000;
  return result;
}
