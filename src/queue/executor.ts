// Where a worker runs the pipeline: in its main thread (--concurrency 1), or in a pool of
// worker threads, one pipeline each, so that one worker process uses every core it is given.
import { Piscina } from 'piscina';
import { DEFAULT_HEAP_MB, workerLimits } from '../batch/pool.js';
import { createPipeline, type Pipeline } from '../index.js';
import { extractJob, type ArticleJob, type JobOutcome } from './extract.js';
import type { ThreadData } from './thread.js';

export interface ArticleExecutor {
  /** resolves once a pipeline is built; rejects when none can be */
  readonly ready: Promise<void>;
  /** rejects when the thread running the job died */
  run(job: ArticleJob): Promise<JobOutcome>;
  close(): Promise<void>;
}

/** `heapMb`: the old-generation heap of each thread (--max-memory); a document that needs more kills its thread, and its job fails as a crash */
export function createArticleExecutor(threads: number, lexicons: string[], published: string | null, heapMb = DEFAULT_HEAP_MB): ArticleExecutor {
  return threads <= 1 ? new MainThread(lexicons, published) : new ThreadPool(threads, { lexicons, published }, heapMb);
}

class MainThread implements ArticleExecutor {
  private pipeline: Pipeline | null = null;
  readonly ready: Promise<void>;

  constructor(
    lexicons: string[],
    private readonly published: string | null,
  ) {
    this.ready = Promise.resolve().then(() => {
      this.pipeline = createPipeline({ lexicons });
    });
  }

  async run(job: ArticleJob): Promise<JobOutcome> {
    await this.ready;
    // let timers run (BullMQ renews its job locks on them) between documents
    await new Promise((resolve) => setImmediate(resolve));
    return extractJob(this.pipeline!, job, this.published);
  }

  async close(): Promise<void> {
    this.pipeline = null;
  }
}

class ThreadPool implements ArticleExecutor {
  private readonly pool: Piscina<ArticleJob | 'ping', JobOutcome | 'pong'>;
  readonly ready: Promise<void>;

  constructor(threads: number, workerData: ThreadData, heapMb: number) {
    this.pool = new Piscina({
      filename: new URL('./thread.js', import.meta.url).href,
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: Infinity,
      workerData,
      // the heap of a batch run's workers (src/batch/pool.ts): bounded, with the same young generation
      resourceLimits: workerLimits(heapMb),
    });
    this.ready = this.pool.run('ping').then(() => undefined);
    this.ready.catch(() => undefined);
  }

  async run(job: ArticleJob): Promise<JobOutcome> {
    return (await this.pool.run(job)) as JobOutcome;
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
