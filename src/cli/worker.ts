// sitrep worker: runs the pipeline on the jobs of a queue until stopped (Ctrl-C or SIGTERM:
// the jobs in progress are finished first; a second signal quits at once, and those jobs go
// back to the queue when their locks run out).
import { availableParallelism } from 'node:os';
import { UsageError } from '../io/errors.js';
import { queueTarget } from '../queue/connection.js';
import { runWorker } from '../queue/worker.js';
import { tuneHeap, maxMemory, maxSecondsOf } from '../batch/pool.js';

export interface WorkerCliOptions {
  redis?: string;
  queue?: string;
  lexicon: string[];
  published?: string;
  concurrency?: string;
  lockDuration?: string;
  stalledInterval?: string;
  maxMemory?: string;
  maxSeconds?: string;
  quiet?: boolean;
}

const nf = (n: number) => n.toLocaleString('en-US');

function wholeNumber(value: string | undefined, flag: string, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${flag} takes a whole number, ${min} or more, not "${value}"`);
  return n;
}

export async function worker(options: WorkerCliOptions): Promise<number> {
  const target = queueTarget(options.redis, options.queue);
  const concurrency = wholeNumber(options.concurrency, '--concurrency', availableParallelism(), 1);
  const lockDuration = wholeNumber(options.lockDuration, '--lock-duration', 30_000, 100);
  const stalledInterval = wholeNumber(options.stalledInterval, '--stalled-interval', 30_000, 100);
  const heapMb = maxMemory(options.maxMemory);
  const maxSeconds = maxSecondsOf(options.maxSeconds);
  tuneHeap();
  const stderr = process.stderr;
  const log = options.quiet ? () => undefined : (line: string) => void stderr.write(`${line}\n`);

  const controller = new AbortController();
  let stops = 0;
  const stop = () => {
    if (++stops > 1) {
      stderr.write('\nsitrep worker: stopped at once; the jobs in progress go back to the queue when their locks run out\n');
      process.exit(130);
    }
    if (!options.quiet) stderr.write('\nsitrep worker: stopping after the jobs in progress (Ctrl-C again to quit at once)\n');
    controller.abort();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  let result;
  try {
    result = await runWorker({
      target,
      lexicons: options.lexicon,
      published: options.published ?? null,
      concurrency,
      lockDuration,
      stalledInterval,
      heapMb,
      maxSeconds,
      signal: controller.signal,
      log,
    });
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
  if (result.refused) {
    stderr.write(`sitrep worker: ${result.refused}\n`);
    return 2;
  }
  if (!options.quiet) {
    stderr.write(`sitrep worker: ${nf(result.done)} done, ${nf(result.failed)} failed, ${nf(result.retried)} to be tried again, in ${result.seconds.toFixed(1)} s\n`);
  }
  return 0;
}
