// A worker thread of `sitrep worker --concurrency N`: builds the pipeline once, then runs one
// job per call, packing its return value here rather than in the worker's main thread. Loaded through thread.js, which registers tsx first.
import { workerData } from 'node:worker_threads';
import { createPipeline } from '../index.js';
import { extractJob, type ArticleJob, type JobOutcome } from './extract.js';

export interface ThreadData {
  lexicons: string[];
  published: string | null;
}

const data = workerData as ThreadData;
const pipeline = createPipeline({ lexicons: data.lexicons });

/** "ping" answers once the pipeline is built. */
export default function run(job: ArticleJob | 'ping'): JobOutcome | 'pong' {
  if (job === 'ping') return 'pong';
  return extractJob(pipeline, job, data.published);
}
