// sitrep queue status: how many documents wait, run, are done and failed, and how many
// workers are connected.
import { Queue } from 'bullmq';
import { bullConnection, connect, type QueueTarget } from './connection.js';
import { readMeta } from './meta.js';

export interface JobCounts {
  /** waiting to be taken, including those waiting to be tried again */
  waiting: number;
  /** of which: failed once, to be tried again after a pause */
  retrying: number;
  active: number;
  done: number;
  failed: number;
}

export interface QueueStatus extends JobCounts {
  queue: string;
  /** the pipeline configuration hash of the queue's jobs, null before the first add */
  config: string | null;
  sitrep: string | null;
  workers: number;
}

export async function countJobs(queue: Queue): Promise<JobCounts> {
  const c = await queue.getJobCounts('waiting', 'prioritized', 'delayed', 'active', 'completed', 'failed');
  const n = (key: string) => c[key] ?? 0;
  return { waiting: n('waiting') + n('prioritized') + n('delayed'), retrying: n('delayed'), active: n('active'), done: n('completed'), failed: n('failed') };
}

export async function queueStatus(target: QueueTarget): Promise<QueueStatus> {
  const redis = await connect(target);
  const queue = new Queue(target.name, { connection: bullConnection(target) });
  try {
    const meta = await readMeta(redis, target);
    const counts = await countJobs(queue);
    const workers = await queue.getWorkersCount();
    return { queue: target.name, config: meta?.config ?? null, sitrep: meta?.pipeline.sitrep ?? null, ...counts, workers };
  } finally {
    await queue.close();
    await redis.quit().catch(() => undefined);
  }
}
