// sitrep queue add: the units of the input (src/batch/units.ts, the same walk and order as
// `extract`) read here, each document's doc.id computed (from its id, or its normalized
// text), and one BullMQ job per document, with doc.id as the job id: a document already
// queued, running, done or failed is not queued again. Each job's place in the dataset goes
// into a sorted set, so `collect` writes the records in input order, add after add.
import type { Redis } from 'ioredis';
import { Queue } from 'bullmq';
import { lexiconVersions } from '../batch/run.js';
import { unitsOf, type Task } from '../batch/units.js';
import { readTask } from '../batch/work.js';
import { InputError, UsageError } from '../io/errors.js';
import { EXTENSION_LIST, type Limits } from '../io/formats.js';
import type { ReadResult } from '../io/read.js';
import { walkPaths } from '../io/walk.js';
import { loadLexicons } from '../lexicons/load.js';
import { createPipeline } from '../index.js';
import { whereOf, type Origin } from '../batch/outcome.js';
import { configDifferences, pipelineConfig } from './config.js';
import { bullConnection, connect, jobKey, shownUrl, sitrepKeys, type QueueTarget } from './connection.js';
import { failureJobIdOf, JOB_NAME, JOB_OPTIONS, jobIdOf, type DocumentJob } from './jobs.js';
import { claimMeta } from './meta.js';

export interface AddOptions {
  target: QueueTarget;
  paths: string[];
  include?: string[];
  exclude?: string[];
  lexicons?: string[];
  published?: string | null;
  limits: Limits;
  /** what standard input held, when a path is "-" */
  stdin?: Buffer;
  /** called for each input that cannot be read (it is queued as a failed document) */
  onFailure?: (error: InputError) => void;
  /** jobs sent to Redis at once */
  batch?: number;
}

export interface AddResult {
  /** documents queued now */
  queued: number;
  /** inputs that cannot be read, queued now to be recorded as failed */
  unreadable: number;
  /** documents (or unreadable inputs) already in the queue, queued by an earlier add or twice in this one */
  already: number;
  seconds: number;
}

interface Pending {
  id: string;
  data: DocumentJob;
}

export async function addToQueue(options: AddOptions): Promise<AddResult> {
  const started = performance.now();
  const lexiconFiles = options.lexicons ?? [];
  const published = options.published ?? null;
  loadLexicons(lexiconFiles); // a bad lexicon is misuse, found before Redis is touched
  const entries = walkPaths(options.paths, { include: options.include, exclude: options.exclude });
  if (entries.length === 0) {
    throw new UsageError(`no articles found in ${options.paths.join(', ')}; sitrep reads ${EXTENSION_LIST}${options.include?.length || options.exclude?.length ? ' matching --include and not --exclude' : ''}`);
  }
  const { hash, config } = pipelineConfig({ lexicons: lexiconFiles, published });
  // doc.id as the workers' pipeline gives it: the input's id, or a hash of the normalized text,
  // so the normalize stage alone is enough
  const pipeline = createPipeline({ lexicons: lexiconFiles, stages: ['normalize'] });

  const { target } = options;
  const redis = await connect(target);
  const queue = new Queue<DocumentJob>(target.name, { connection: bullConnection(target) });
  try {
    const meta = await claimMeta(redis, target, {
      config: hash,
      pipeline: config,
      options: {
        paths: options.paths,
        include: options.include ?? [],
        exclude: options.exclude ?? [],
        lexicon: lexiconFiles,
        published,
        max_size: options.limits.maxSize,
        max_unzipped: options.limits.maxUnzipped,
      },
      lexicons: lexiconVersions(lexiconFiles),
    });
    if (meta.config !== hash) {
      throw new UsageError(
        `queue "${target.name}" at ${shownUrl(target.url)} holds documents added with another pipeline configuration ` +
          `(${configDifferences(meta.pipeline, config).join('; ')}); add with the same options, or use another --queue`,
      );
    }

    const result: AddResult = { queued: 0, unreadable: 0, already: 0, seconds: 0 };
    const seen = new Set<string>();
    /** doc.id → where its document came from, in this add */
    const sources = new Map<string, string>();
    let pending: Pending[] = [];
    const flush = async () => {
      const batch = pending;
      pending = [];
      if (batch.length > 0) await send(redis, queue, target, batch, result);
    };
    const push = async (id: string, data: DocumentJob) => {
      if (seen.has(id)) {
        result.already++;
        return;
      }
      seen.add(id);
      pending.push({ id, data });
      if (pending.length >= (options.batch ?? 200)) await flush();
    };

    for await (const unit of unitsOf(entries, options.limits, options.stdin)) {
      const read: ReadResult | InputError = unit.error ?? (await readTask(unit.task!, options.limits));
      if (read instanceof InputError) {
        options.onFailure?.(read);
        await push(failureJobIdOf(read), { config: hash, file: read.file, line: read.line ?? null, failure: { code: read.code, message: read.message } });
        continue;
      }
      const docId = pipeline.documentId({ ...read.input, defaultPublished: published });
      const origin = originOf(unit.task!);
      const first = sources.get(docId);
      if (first !== undefined) {
        // one document per doc.id, as in extract: a later one is recorded as a failed duplicate
        const error = new InputError(origin.file, `duplicate of ${first}: both have doc.id ${docId}; this one is left out`, origin.line ?? undefined, 'duplicate');
        options.onFailure?.(error);
        await push(failureJobIdOf(error), { config: hash, file: error.file, line: error.line ?? null, failure: { code: error.code, message: error.message } });
        continue;
      }
      sources.set(docId, whereOf(origin));
      await push(jobIdOf(docId), { config: hash, ...origin, input: read.input });
    }
    await flush();
    result.seconds = (performance.now() - started) / 1000;
    return result;
  } finally {
    await queue.close();
    await redis.quit().catch(() => undefined);
  }
}

/** Send a batch: skip the jobs already there, give the others their places, add them. */
async function send(redis: Redis, queue: Queue<DocumentJob>, target: QueueTarget, batch: Pending[], result: AddResult): Promise<void> {
  const exists = await redis.pipeline(batch.map((p) => ['exists', jobKey(target, p.id)])).exec();
  const fresh = batch.filter((_, i) => exists?.[i]?.[1] !== 1);
  result.already += batch.length - fresh.length;
  if (fresh.length === 0) return;
  const keys = sitrepKeys(target);
  const last = await redis.incrby(keys.next, fresh.length);
  // NX: a document added again (by a concurrent add) keeps its first place
  await redis.zadd(keys.order, 'NX', ...fresh.flatMap((p, i) => [last - fresh.length + 1 + i, p.id]));
  await queue.addBulk(fresh.map((p) => ({ name: JOB_NAME, data: p.data, opts: { ...JOB_OPTIONS, jobId: p.id } })));
  for (const p of fresh) {
    if (p.data.failure) result.unreadable++;
    else result.queued++;
  }
}

/** Where a unit's failure is reported: as src/batch/work.ts names it. */
function originOf(task: Task): Origin {
  switch (task.kind) {
    case 'file':
      return { file: task.origin, line: null };
    case 'line':
      return { file: task.file, line: task.line };
    case 'record':
      return { file: task.file, line: task.line };
    case 'text':
      return { file: '-', line: null };
  }
}

