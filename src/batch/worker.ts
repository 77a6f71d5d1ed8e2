// A worker thread of the pool: builds the pipeline once, when the thread starts, then works
// one unit per call. Loaded through worker.js, which registers tsx first.
import { workerData } from 'node:worker_threads';
import { createPipeline } from '../index.js';
import type { Task } from './units.js';
import type { Outcome, WorkOptions } from './outcome.js';
import { work } from './work.js';

export interface WorkerData {
  lexicons: string[];
  options: WorkOptions;
}

const data = workerData as WorkerData;
const pipeline = createPipeline({ lexicons: data.lexicons });

/** "ping" answers once the pipeline is built: the pool uses it to know the workers can start. */
export default function run(task: Task | 'ping'): Promise<Outcome> | 'pong' {
  if (task === 'ping') return 'pong';
  return work(pipeline, task, data.options);
}
