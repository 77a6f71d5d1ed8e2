// A worker thread of the pool: builds the pipeline once, when the thread starts, then works
// one unit per call. Loaded through worker.js, which registers tsx first.
import { threadId, workerData } from 'node:worker_threads';
import { startClock, type Timed } from './budget.js';
import { createPipeline } from '../index.js';
import { useSharedTables } from '../stages/places/geo-cache.js';
import type { Task } from './units.js';
import type { Outcome, WorkOptions } from './outcome.js';
import { work } from './work.js';

export interface WorkerData {
  lexicons: string[];
  options: WorkOptions;
  /** the GeoNames tables in shared memory (geo-cache.ts), or null: each thread reads its own */
  geo: Uint8Array | null;
}

const data = workerData as WorkerData;
useSharedTables(data.geo);
const pipeline = createPipeline({ lexicons: data.lexicons });

/** "ping" answers once the pipeline is built: the pool uses it to know the workers can start. */
export default function run(timed: Timed<Task> | 'ping'): Promise<Outcome> | 'pong' {
  if (timed === 'ping') return 'pong';
  startClock(timed.clock, threadId);
  return work(pipeline, timed.task, data.options);
}
