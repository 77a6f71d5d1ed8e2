// Where a worker runs the pipeline: a pool of worker threads, one pipeline each, so that one
// worker process uses every core it is given. Even one thread (--concurrency 1) is a worker
// thread, never the main thread: the main thread keeps renewing BullMQ's job locks while a
// long document is worked on, and a document over its time budget (--max-seconds) can be
// stopped by ending its thread (src/batch/budget.ts).
import { Piscina } from 'piscina';
import { sharedTableBytes } from '../stages/places/geo-cache.js';
import { Watch, type Timed } from '../batch/budget.js';
import { DEFAULT_HEAP_MB, DEFAULT_MAX_SECONDS, overBudget, workerLimits } from '../batch/pool.js';
import type { ArticleJob, JobOutcome } from './extract.js';
import type { ThreadData } from './thread.js';

export interface ArticleExecutor {
  /** resolves once a pipeline is built; rejects when none can be */
  readonly ready: Promise<void>;
  /** rejects when the thread running the job died */
  run(job: ArticleJob): Promise<JobOutcome>;
  close(): Promise<void>;
}

/** `heapMb`: the old-generation heap of each thread (--max-memory); a document that needs more kills its thread, and its job fails as a crash */
export function createArticleExecutor(threads: number, lexicons: string[], published: string | null, heapMb = DEFAULT_HEAP_MB, maxSeconds = DEFAULT_MAX_SECONDS): ArticleExecutor {
  return new ThreadPool(Math.max(1, threads), { lexicons, published, geo: sharedTableBytes() }, heapMb, maxSeconds);
}

class ThreadPool implements ArticleExecutor {
  private readonly pool: Piscina<Timed<ArticleJob> | 'ping', JobOutcome | 'pong'>;
  private readonly watch: Watch;
  readonly ready: Promise<void>;

  constructor(
    threads: number,
    workerData: ThreadData,
    heapMb: number,
    private readonly maxSeconds: number,
  ) {
    this.pool = new Piscina({
      filename: new URL('./thread.js', import.meta.url).href,
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: Infinity,
      workerData,
      // the heap of a batch run's workers (src/batch/pool.ts): bounded, with the same young generation
      resourceLimits: workerLimits(heapMb),
    });
    this.watch = new Watch(maxSeconds * 1000, () => this.pool.threads);
    this.ready = this.pool.run('ping').then(() => undefined);
    this.ready.catch(() => undefined);
  }

  async run(job: ArticleJob): Promise<JobOutcome> {
    const timed = await this.watch.time((clock) => this.pool.run({ task: job, clock }) as Promise<JobOutcome>);
    if (timed.result) return timed.result;
    if (timed.overdue) {
      const { failure } = overBudget(job.file, job.line ?? undefined, this.maxSeconds);
      return { ok: false, failure };
    }
    throw timed.error;
  }

  async close(): Promise<void> {
    this.watch.stop();
    await this.pool.destroy();
  }
}
