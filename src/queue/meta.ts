// What a queue records about itself when documents are first added: its pipeline
// configuration (which workers must match) and the options run.json reports, as in a batch run.
import type { Redis } from 'ioredis';
import type { PipelineConfig } from './config.js';
import { sitrepKeys, type QueueTarget } from './connection.js';

/** The options a dataset's run.json records (src/batch/run.ts), from the adds. */
export interface RunOptions {
  paths: string[];
  include: string[];
  exclude: string[];
  lexicon: string[];
  published: string | null;
  max_size: number;
  max_unzipped: number;
}

export interface QueueMeta {
  config: string;
  pipeline: PipelineConfig;
  options: RunOptions;
  /** lexiconVersions() of the first add, for run.json */
  lexicons: unknown;
}

export async function readMeta(redis: Redis, target: QueueTarget): Promise<QueueMeta | null> {
  const fields = await redis.hgetall(sitrepKeys(target).meta);
  if (!fields.config || !fields.pipeline || !fields.options || !fields.lexicons) return null;
  return {
    config: fields.config,
    pipeline: JSON.parse(fields.pipeline) as PipelineConfig,
    options: JSON.parse(fields.options) as RunOptions,
    lexicons: JSON.parse(fields.lexicons) as unknown,
  };
}

/**
 * Record the configuration of a first add, or return the one already recorded (which the
 * caller compares with its own). Later adds append their paths to the options.
 */
export async function claimMeta(redis: Redis, target: QueueTarget, meta: QueueMeta): Promise<QueueMeta> {
  const key = sitrepKeys(target).meta;
  // HSETNX on the hash itself makes the first add's configuration win a race between two adds
  const created = await redis.hsetnx(key, 'config', meta.config);
  if (created) {
    await redis.hset(key, { pipeline: JSON.stringify(meta.pipeline), options: JSON.stringify(meta.options), lexicons: JSON.stringify(meta.lexicons) });
    return meta;
  }
  let existing = await readMeta(redis, target);
  for (let i = 0; !existing && i < 50; i++) {
    await new Promise((resolve) => setTimeout(resolve, 20)); // the first add is writing the rest
    existing = await readMeta(redis, target);
  }
  if (!existing) throw new Error(`the queue's record ${key} is incomplete; delete that key and add again`);
  if (existing.config === meta.config) {
    const paths = [...existing.options.paths, ...meta.options.paths.filter((p) => !existing.options.paths.includes(p))];
    if (paths.length !== existing.options.paths.length) {
      existing.options.paths = paths;
      await redis.hset(key, 'options', JSON.stringify(existing.options));
    }
  }
  return existing;
}
