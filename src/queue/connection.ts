// Where a queue lives: a Redis URL and a queue name, the keys sitrep keeps there beside
// BullMQ's own, and a client that fails fast with a message that says what to do.
import { Redis } from 'ioredis';
import { UsageError } from '../io/errors.js';

export const DEFAULT_QUEUE = 'sitrep';
/** BullMQ's key prefix: a queue's keys are bull:NAME:… */
export const PREFIX = 'bull';

export interface QueueTarget {
  url: string;
  name: string;
}

/** The --redis and --queue options, checked. */
export function queueTarget(url: string | undefined, name: string = DEFAULT_QUEUE): QueueTarget {
  if (!url) throw new UsageError('give the Redis server with --redis URL (or SITREP_REDIS), e.g. --redis redis://127.0.0.1:6379');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`--redis takes a URL such as redis://127.0.0.1:6379 or redis://:password@host:6379/2, not "${url}"`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new UsageError(`--redis takes a redis:// or rediss:// URL, not "${shownUrl(url)}"`);
  }
  if (!/^[A-Za-z0-9_.-]{1,100}$/.test(name)) {
    throw new UsageError(`--queue takes a name of letters, digits, ".", "_" and "-" (up to 100), not "${name}"`);
  }
  return { url, name };
}

/** A Redis URL for messages: its password hidden. */
export function shownUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return url;
  }
}

/** The keys sitrep keeps beside the queue's own (removed with it by BullMQ's obliterate). */
export function sitrepKeys(target: QueueTarget) {
  const base = `${PREFIX}:${target.name}:sitrep`;
  return {
    /** hash: config (the hash), pipeline (its parts), options (what run.json records) */
    meta: `${base}:meta`,
    /** sorted set: job id → its place in the dataset (input order, add after add) */
    order: `${base}:order`,
    /** counter: the last place given */
    next: `${base}:next`,
  };
}

/** The Redis key of a BullMQ job's hash, and of the sets of finished jobs. */
export const jobKey = (target: QueueTarget, id: string) => `${PREFIX}:${target.name}:${id}`;
export const stateKey = (target: QueueTarget, state: 'completed' | 'failed') => `${PREFIX}:${target.name}:${state}`;

/** BullMQ's connection options for a queue or a worker (a worker's blocking connection retries forever). */
export const bullConnection = (target: QueueTarget) => ({ url: target.url, maxRetriesPerRequest: null });

/** A client for sitrep's own commands; a server that cannot be reached is a UsageError (exit 2) naming the URL. */
export async function connect(target: QueueTarget): Promise<Redis> {
  const redis = new Redis(target.url, {
    lazyConnect: true,
    connectTimeout: 5000,
    maxRetriesPerRequest: 3,
    retryStrategy: (times) => (times > 3 ? null : 200 * times),
  });
  let last: Error | null = null;
  redis.on('error', (error: Error) => {
    last = error;
  });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    redis.disconnect();
    const reason = (last as Error | null)?.message ?? (error as Error).message;
    throw new UsageError(`cannot reach Redis at ${shownUrl(target.url)} (${reason}); is redis-server running there? Check --redis`);
  }
  return redis;
}
