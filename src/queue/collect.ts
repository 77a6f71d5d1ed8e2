// sitrep queue collect: the finished jobs of a queue written as a dataset folder, the same
// files and bytes as `extract --out` (src/batch/journal.ts writes them: the work folder,
// then an atomic move into OUT, so OUT holds a whole dataset at every moment). Jobs are taken
// in the order `queue add` gave them (the input order), completed ones as their records'
// lines, failed ones as errors.jsonl lines; jobs still waiting or running are left out, so
// collect can run while workers are busy, and again later for the rest.
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { RunFolder, WORK_FOLDER, type Identity } from '../batch/journal.js';
import { lockDataset, type DatasetLock } from '../batch/lock.js';
import { MARK_EVERY, secondHalfRate } from '../batch/progress.js';
import { errorLine, SITREP_VERSION } from '../io/dataset.js';
import { outputsNamed } from '../io/outputs/index.js';
import { InputError, UsageError } from '../io/errors.js';
import { SCHEMA } from '../record/record.js';
import { bullConnection, connect, jobKey, shownUrl, sitrepKeys, stateKey, type QueueTarget } from './connection.js';
import { parseFailedReason, unpackLines, type DocumentJob, type DocumentResult } from './jobs.js';
import { readMeta, type QueueMeta } from './meta.js';
import { countJobs, type JobCounts } from './status.js';

export interface CollectOptions {
  target: QueueTarget;
  out: string;
  /** wait until no job is waiting or running before collecting */
  wait?: boolean;
  /** ms between looks at the queue while waiting */
  pollInterval?: number;
  /** jobs read from Redis at once */
  page?: number;
  /** the output formats to write, by name (default all) */
  outputs?: string[];
}

export interface CollectResult {
  documents: number;
  failed: number;
  events: number;
  entities: number;
  errors: Record<string, number>;
  /** jobs not finished yet (waiting, running or waiting to be tried again), left out */
  pending: number;
  seconds: number;
}

/** What the journal of a collect's work folder says it is (src/batch/journal.ts Identity). */
const COLLECT_CODE = 'sitrep queue collect';

export async function collectQueue(options: CollectOptions): Promise<CollectResult> {
  const started = performance.now();
  const { target, out } = options;
  const outputs = outputsNamed(options.outputs);
  const redis = await connect(target);
  const queue = new Queue(target.name, { connection: bullConnection(target) });
  let lock: DatasetLock | null = null;
  try {
    const meta = await readMeta(redis, target);
    if (!meta) throw new UsageError(`queue "${target.name}" at ${shownUrl(target.url)} holds no documents; add them with sitrep queue add PATH... --redis URL`);
    if (options.wait) {
      let counts: JobCounts;
      while (((counts = await countJobs(queue)), counts.waiting + counts.active > 0)) {
        await new Promise((resolve) => setTimeout(resolve, options.pollInterval ?? 1000));
      }
    }
    if (existsSync(out) && !statSync(out).isDirectory()) throw new UsageError(`--out ${out} is a file; give a folder (it is created if missing)`);
    mkdirSync(out, { recursive: true });
    // one writer per dataset folder, as for extract --out
    lock = lockDataset(out, 'sitrep queue collect');
    clearInterruptedCollect(out);
    const identity: Identity = { inputs: `queue:${target.name}`, options: meta.config, code: COLLECT_CODE };
    const folder = await RunFolder.open(out, identity, false, outputs);
    const result: CollectResult = { documents: 0, failed: 0, events: 0, entities: 0, errors: {}, pending: 0, seconds: 0 };
    const span = { start: Infinity, end: -Infinity, firstRecord: Infinity, busy: 0, finished: [] as number[] };
    let closed = false;
    try {
      const keys = sitrepKeys(target);
      const page = options.page ?? 500;
      for (let start = 0; ; start += page) {
        const ids = await redis.zrange(keys.order, String(start), String(start + page - 1));
        if (ids.length === 0) break;
        const replies = await redis
          .pipeline(
            ids.flatMap((id) => [
              ['zscore', stateKey(target, 'completed'), id],
              ['zscore', stateKey(target, 'failed'), id],
              ['hmget', jobKey(target, id), 'returnvalue', 'failedReason', 'processedOn', 'finishedOn'],
            ]),
          )
          .exec();
        const failedIds: number[] = [];
        const rows = ids.map((id, i) => {
          const completed = replies?.[i * 3]?.[1] !== null;
          const failed = replies?.[i * 3 + 1]?.[1] !== null;
          const [returnvalue, reason, processedOn, finishedOn] = (replies?.[i * 3 + 2]?.[1] ?? []) as Array<string | null>;
          if (failed && !completed) failedIds.push(i);
          return { id, completed, failed, returnvalue, reason, processedOn: Number(processedOn ?? NaN), finishedOn: Number(finishedOn ?? NaN) };
        });
        // a failed job's file and line are in its data: read only for those
        const data = failedIds.length ? await redis.pipeline(failedIds.map((i) => ['hget', jobKey(target, ids[i]!), 'data'])).exec() : [];
        const dataOf = new Map(failedIds.map((i, k) => [i, JSON.parse(String(data?.[k]?.[1] ?? 'null')) as DocumentJob | null]));

        for (const [i, row] of rows.entries()) {
          if (row.completed && row.returnvalue) {
            const value = JSON.parse(row.returnvalue) as DocumentResult;
            const lines = unpackLines(value.lines);
            await folder.append(Object.fromEntries(outputs.map((o) => [o.name, lines[o.name] ?? ''])));
            result.documents++;
            result.events += value.eventCount;
            result.entities += value.entityCount;
            span.firstRecord = Math.min(span.firstRecord, row.finishedOn);
            if (Number.isFinite(row.finishedOn)) span.finished.push(row.finishedOn);
          } else if (row.failed) {
            const job = dataOf.get(i);
            const { code, message } = parseFailedReason(row.reason);
            await folder.append({ 'errors.jsonl': errorLine(new InputError(job?.file ?? row.id, message, job?.line ?? undefined, code)) });
            result.failed++;
            result.errors[code] = (result.errors[code] ?? 0) + 1;
          } else {
            result.pending++;
            continue;
          }
          if (Number.isFinite(row.processedOn)) span.start = Math.min(span.start, row.processedOn);
          if (Number.isFinite(row.finishedOn)) span.end = Math.max(span.end, row.finishedOn);
          if (row.finishedOn >= row.processedOn) span.busy += row.finishedOn - row.processedOn;
        }
      }
      await folder.checkpoint((performance.now() - started) / 1000, true);
      await folder.finish(runJson(meta, result, span));
      closed = true;
    } finally {
      if (!closed) {
        await folder.close().catch(() => undefined);
        rmSync(join(out, WORK_FOLDER), { recursive: true, force: true });
      }
    }
    result.seconds = (performance.now() - started) / 1000;
    return result;
  } finally {
    lock?.release();
    await queue.close();
    await redis.quit().catch(() => undefined);
  }
}

/**
 * OUT's work folder: one left by a collect that was killed is removed (collect starts over
 * each time); one left by an interrupted `extract --out` is not ours to remove.
 */
function clearInterruptedCollect(out: string): void {
  const dir = join(out, WORK_FOLDER);
  if (!existsSync(dir)) return;
  let code: unknown = null;
  try {
    code = (JSON.parse(readFileSync(join(dir, 'journal.jsonl'), 'utf8').split('\n')[0] ?? '') as { code?: unknown }).code;
  } catch {
    // not a journal we can read: leave it to its owner
  }
  if (code !== COLLECT_CODE) {
    throw new UsageError(`${out} holds an interrupted extract run (${dir}); finish it with sitrep extract --resume, or collect into another folder`);
  }
  rmSync(dir, { recursive: true, force: true });
}

/** The second-half rate of extract's run.json, from the jobs' finishing times (by any worker). */
function secondHalfOf(finished: number[]): number | null {
  const times = Float64Array.from(finished).sort();
  return secondHalfRate(Array.from(times.filter((_, i) => (i + 1) % MARK_EVERY === 0), (t) => t / 1000));
}

/**
 * run.json as a batch run writes it (src/batch/run.ts runJson, which is not exported: keep the
 * two in step), with the options of the adds; its timing is the queue's: from the first job
 * started to the last finished, by any worker.
 */
function runJson(meta: QueueMeta, result: CollectResult, span: { start: number; end: number; firstRecord: number; busy: number; finished: number[] }): string {
  const errors = Object.fromEntries(Object.entries(result.errors).sort(([a], [b]) => (a < b ? -1 : 1)));
  const seconds = Number.isFinite(span.start) && span.end >= span.start ? (span.end - span.start) / 1000 : 0;
  return `${JSON.stringify(
    {
      sitrep: SITREP_VERSION,
      schema: SCHEMA,
      lexicons: meta.lexicons,
      options: meta.options,
      documents: result.documents,
      failed: result.failed,
      errors,
      events: result.events,
      entities: result.entities,
      timing: {
        seconds: Number(seconds.toFixed(2)),
        documents_per_second: seconds > 0 ? Number((result.documents / seconds).toFixed(1)) : null,
        first_record_seconds: Number.isFinite(span.firstRecord) && Number.isFinite(span.start) ? Number(((span.firstRecord - span.start) / 1000).toFixed(2)) : null,
        second_half_documents_per_second: secondHalfOf(span.finished),
        concurrency: null,
        resumed: false,
        peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
        // the workers' time on the jobs (their last tries), added up
        cpu_seconds: Number((span.busy / 1000).toFixed(1)),
      },
    },
    null,
    2,
  )}\n`;
}
