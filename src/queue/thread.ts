// A worker thread of `sitrep worker --concurrency N`: builds the pipeline once, then runs one
// job per call, packing its return value here rather than in the worker's main thread. Loaded through thread.js, which registers tsx first.
import { threadId, workerData } from 'node:worker_threads';
import { startClock, type Timed } from '../batch/budget.js';
import { createPipeline } from '../index.js';
import { useSharedTables } from '../stages/places/geo-cache.js';
import { extractJob, type ArticleJob, type JobOutcome } from './extract.js';

export interface ThreadData {
  lexicons: string[];
  published: string | null;
  /** the GeoNames tables in shared memory (geo-cache.ts), or null: each thread reads its own */
  geo: Uint8Array | null;
}

const data = workerData as ThreadData;
useSharedTables(data.geo);
const pipeline = createPipeline({ lexicons: data.lexicons });

/** "ping" answers once the pipeline is built. */
export default function run(timed: Timed<ArticleJob> | 'ping'): JobOutcome | 'pong' {
  if (timed === 'ping') return 'pong';
  startClock(timed.clock, threadId);
  return extractJob(pipeline, timed.task, data.published);
}
