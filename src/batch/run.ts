// A batch run: the units of the input (src/batch/units.ts) worked on every core
// (src/batch/pool.ts), their outcomes written in input order to a dataset folder through a
// crash-safe work folder (src/batch/journal.ts), or to stdout.
//
// Flow and memory: units are produced lazily (JSONL is streamed) and at most `window` of them
// are in flight at once; the oldest is awaited and written before another is taken, so a
// slow document holds the reading back instead of letting results pile up, and memory stays
// flat whatever the size of the corpus. Writes are buffered and go through a queue that makes
// the run wait when the disk falls behind.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { sourcesHash } from '../sources.js';
import { SITREP_VERSION } from '../io/dataset.js';
import { InputError, UsageError } from '../io/errors.js';
import { EXTENSION_LIST, type Limits } from '../io/formats.js';
import { DEFAULT_OUTPUTS, outputsNamed } from '../io/outputs/index.js';
import { isStdin, walkPaths, type WalkEntry } from '../io/walk.js';
import { ERRORS_FILE, IDS_FILE, completeFinishedRun, emptyCounts, finishedCheckpoint, RunFolder, type Counts, type Identity } from './journal.js';
import { lockDataset } from './lock.js';
import { createExecutor, DEFAULT_HEAP_MB, DEFAULT_MAX_SECONDS, TASKS_PER_WORKER } from './pool.js';
import { MARK_EVERY, Progress, secondHalfRate, type ProgressMode } from './progress.js';
import { unitsOf, type Unit } from './units.js';
import { failure, whereOf, type Failure, type Outcome, type WorkOptions } from './outcome.js';

export interface BatchOptions {
  paths: string[];
  /** the dataset folder; without it records go to stdout as JSONL */
  out?: string;
  /** the output formats of the dataset, by name (src/io/outputs; default all) */
  outputs?: string[];
  pretty?: boolean;
  include?: string[];
  exclude?: string[];
  lexicons?: string[];
  published?: string | null;
  limits: Limits;
  /** worker threads; 0 works in the main thread (for tests and library callers: no time budget, no stopping mid-document) */
  concurrency: number;
  /** the time budget of one document, in seconds (default 60) */
  maxSeconds?: number;
  /** the old-generation heap of each worker thread, in MB */
  heapMb?: number;
  resume?: boolean;
  progress?: ProgressMode;
  /** seconds between plain progress lines */
  progressInterval?: number;
  /** what standard input held, when a path is "-" */
  stdin?: Buffer;
  /** stops the run cleanly: outcomes in flight are written, then a checkpoint */
  signal?: AbortSignal;
  /** called for each failure, in input order (stdout mode prints them) */
  onFailure?: (failure: Failure) => void;
  /** where stdout records go (tests); process.stdout by default */
  stdout?: NodeJS.WritableStream;
  /** checkpoint after this many units at most (default 2000; also every second) */
  checkpointUnits?: number;
}

export interface BatchResult {
  counts: Counts;
  /** the run was stopped before its end (signal) */
  interrupted: boolean;
  /** the run picked up an interrupted one */
  resumed: boolean;
  seconds: number;
  /** the first failures, for the summary */
  failures: Failure[];
  /** units found in the input, this session */
  units: number;
}

/**
 * Worker threads for a run: the concurrency asked for, or one when the input is so small
 * (fewer than 50 files and 256 KB) that starting more would take longer than the work itself.
 * Even one document runs in a worker thread, never in the main thread: only a thread can be
 * stopped in the middle of a document, when it goes over its time budget or the run is
 * stopped (Ctrl-C, SIGTERM).
 */
function threadsFor(entries: WalkEntry[], concurrency: number): number {
  let files = 0;
  let bytes = 0;
  for (const e of entries) {
    if (e instanceof InputError || isStdin(e)) continue;
    files++;
    bytes += e.gzip ? e.size * 5 : e.size;
  }
  if (concurrency < 1) return 0;
  return files < 50 && bytes < 256 * 1024 ? 1 : concurrency;
}

/** Checkpoint when this many seconds or units have passed since the last one. */
const CHECKPOINT_SECONDS = 1;
const CHECKPOINT_UNITS = 2000;

export async function runBatch(options: BatchOptions): Promise<BatchResult> {
  const started = performance.now();
  const entries = walkPaths(options.paths, { include: options.include, exclude: options.exclude, skip: options.out ? [options.out] : [] });
  if (entries.length === 0) {
    throw new UsageError(`no articles found in ${options.paths.join(', ')}; sitrep reads ${EXTENSION_LIST}${options.include?.length || options.exclude?.length ? ' matching --include and not --exclude' : ''}`);
  }
  const work: WorkOptions = {
    limits: options.limits,
    defaultPublished: options.published ?? null,
    output: options.out ? 'dataset' : options.pretty ? 'pretty' : 'jsonl',
    outputs: [...(options.outputs ?? DEFAULT_OUTPUTS)],
  };
  outputsNamed(work.outputs); // an unknown name is misuse, found before anything starts
  const identity = runIdentity(entries, options);
  // one writer per dataset folder: taken before anything in it is read or written
  const lock = options.out ? lockDataset(prepareOut(options.out), 'sitrep extract') : null;
  try {
    return await runLocked(options, entries, work, identity, started);
  } finally {
    lock?.release();
  }
}

/** The output folder, created if missing; a file there is misuse. */
function prepareOut(out: string): string {
  if (existsSync(out) && !statSync(out).isDirectory()) throw new UsageError(`--out ${out} is a file; give a folder (it is created if missing)`);
  mkdirSync(out, { recursive: true });
  return out;
}

async function runLocked(options: BatchOptions, entries: WalkEntry[], work: WorkOptions, identity: Identity, started: number): Promise<BatchResult> {
  const lexicons = options.lexicons ?? [];
  const elapsed = () => (performance.now() - started) / 1000;

  if (options.out && options.resume) {
    // killed while finishing: only the finishing is left to do
    const finished = finishedCheckpoint(options.out);
    if (finished) {
      completeFinishedRun(options.out, finished, runJson(options, finished.counts, { seconds: finished.seconds, firstRecord: null, resumed: true, secondHalf: null }));
      return { counts: finished.counts, interrupted: false, resumed: true, seconds: finished.seconds, failures: [], units: finished.units };
    }
  }
  const outputs = outputsNamed(work.outputs);
  const folder = options.out ? await RunFolder.open(options.out, identity, options.resume ?? false, outputs) : null;
  /** doc.id → where its document came from, for every document written */
  const seen = folder?.seenIds() ?? new Map<string, string>();
  const skip = folder?.units ?? 0;
  const counts = folder?.counts ?? emptyCounts();
  const failures: Failure[] = [];
  const totalBytes = entries.reduce((n, e) => n + (e instanceof InputError || isStdin(e) ? 0 : e.size), 0);
  const progress = new Progress({ mode: options.progress ?? 'off', totalBytes, interval: options.progressInterval });
  const executor = createExecutor({
    threads: threadsFor(entries, options.concurrency),
    heapMb: options.heapMb ?? DEFAULT_HEAP_MB,
    lexicons,
    work,
    maxSeconds: options.maxSeconds ?? DEFAULT_MAX_SECONDS,
  });
  const stdout = options.stdout ?? process.stdout;
  // what the workers hold, and as much again three times over waiting in the pool's queue, so
  // that one long document at the head does not leave the other workers without work
  const window = Math.max(16, options.concurrency * TASKS_PER_WORKER * 4);
  const inflight: Array<{ unit: Unit; outcome: Promise<Outcome> }> = [];
  let lastCheckpoint = performance.now();
  let sinceCheckpoint = 0;
  let firstRecord: number | null = null;
  /** the session's clock at every MARK_EVERY documents written, for the rate of the second half */
  const marks: number[] = [];
  let sessionDocuments = 0;
  let units = 0;
  let interrupted = false;

  const write = async (unit: Unit, done: Outcome) => {
    let outcome = done;
    if (outcome.ok) {
      // one document per doc.id: a later one with an id already seen is reported and left out
      const first = seen.get(outcome.id);
      if (first === undefined) seen.set(outcome.id, whereOf(outcome));
      else outcome = duplicateOf(outcome, first);
    }
    if (!outcome.ok && outcome.failure.code === 'crash') {
      // a pool whose workers cannot start at all is a fatal error, not a failure per document
      await executor.ready.catch((error: Error) => {
        throw new Error(`cannot start the pipeline: ${error.message}`);
      });
    }
    if (outcome.ok) {
      counts.documents++;
      counts.events += outcome.eventCount;
      counts.entities += outcome.entityCount;
      firstRecord ??= elapsed();
      if (++sessionDocuments % MARK_EVERY === 0) marks.push(elapsed());
      if (folder) {
        const lines: Record<string, Uint8Array | string> = { [IDS_FILE]: `${outcome.id}\t${whereOf(outcome)}\n` };
        outputs.forEach((o, i) => (lines[o.name] = outcome.bytes.subarray(i ? outcome.ends[i - 1] : 0, outcome.ends[i])));
        await folder.append(lines);
      } else if (!stdout.write(outcome.bytes)) await new Promise((resolve) => stdout.once('drain', resolve));
    } else {
      counts.failed++;
      counts.errors[outcome.failure.code] = (counts.errors[outcome.failure.code] ?? 0) + 1;
      if (failures.length < 5) failures.push(outcome.failure);
      options.onFailure?.(outcome.failure);
      if (folder) await folder.append({ [ERRORS_FILE]: outcome.line });
    }
    progress.update(unit.bytes, outcome.ok);
    if (folder && (++sinceCheckpoint >= (options.checkpointUnits ?? CHECKPOINT_UNITS) || performance.now() - lastCheckpoint > CHECKPOINT_SECONDS * 1000)) {
      await folder.checkpoint(elapsed());
      lastCheckpoint = performance.now();
      sinceCheckpoint = 0;
    }
  };
  const writeOldest = async () => {
    const { unit, outcome } = inflight.shift()!;
    const done = await outcome;
    // stopped: what was in flight is not written; a resumed run does it again
    if (options.signal?.aborted) return;
    await write(unit, done);
  };

  progress.start();
  const onAbort = () => {
    // the caller's message about stopping must not land inside the progress bar
    progress.stop();
    // the documents in progress end now, however long they would take
    void executor.cancel();
  };
  if (options.signal?.aborted) onAbort();
  else options.signal?.addEventListener('abort', onAbort, { once: true });
  let failed = true;
  try {
    for await (const unit of unitsOf(entries, options.limits, options.stdin, skip)) {
      units++;
      if (options.signal?.aborted) {
        interrupted = true;
        break;
      }
      if (unit.seq < skip) {
        progress.resumed(unit.bytes);
        continue;
      }
      const outcome: Promise<Outcome> = unit.error ? Promise.resolve(failure(unit.error)) : executor.run(unit.task!);
      inflight.push({ unit, outcome });
      if (inflight.length >= window) await writeOldest();
    }
    while (inflight.length > 0) await writeOldest();
    if (options.signal?.aborted) interrupted = true;
    failed = false;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    progress.stop();
    await executor.close();
    if (folder && (interrupted || failed)) {
      // what is written stays written: --resume goes on from here
      await folder.checkpoint(elapsed()).catch(() => undefined);
      await folder.close();
    }
  }

  const seconds = (folder?.earlierSeconds ?? 0) + elapsed();
  if (folder && !interrupted) {
    await folder.checkpoint(elapsed(), true);
    await folder.finish(runJson(options, counts, { seconds, firstRecord, resumed: folder.resumed, secondHalf: secondHalfRate(marks) }));
  }
  return { counts, interrupted, resumed: folder?.resumed ?? false, seconds, failures, units };
}

/** What identifies a run for --resume: its input files (names, sizes, times) and its options. */
function runIdentity(entries: WalkEntry[], options: BatchOptions): Identity {
  const inputs = createHash('sha256');
  for (const e of entries) {
    if (e instanceof InputError) inputs.update(`!${e.where}\t${e.code}\n`);
    else if (isStdin(e)) inputs.update('-\n');
    else inputs.update(`${e.origin}\t${e.size}\t${e.mtimeMs}\n`);
  }
  const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 32);
  return { inputs: inputs.digest('hex').slice(0, 32), options: hash(outputOptions(options)), code: hash([lexiconVersions(options.lexicons ?? []), codeVersion()]) };
}

/** The options that shape the output (and so are recorded in run.json). */
function outputOptions(options: BatchOptions): Record<string, unknown> {
  return {
    paths: options.paths,
    include: options.include ?? [],
    exclude: options.exclude ?? [],
    lexicon: options.lexicons ?? [],
    published: options.published ?? null,
    max_size: options.limits.maxSize,
    max_unzipped: options.limits.maxUnzipped,
    ...(options.outputs && options.outputs.join() !== DEFAULT_OUTPUTS.join() ? { outputs: options.outputs } : {}),
  };
}

/** The failure of a document whose doc.id an earlier one has: named with both sources. */
function duplicateOf(outcome: Extract<Outcome, { ok: true }>, first: string): Outcome {
  return failure(new InputError(outcome.file, `duplicate of ${first}: both have doc.id ${outcome.id}; this one is left out`, outcome.line ?? undefined, 'duplicate'));
}

/**
 * A hash of sitrep's own sources and data: a resumed run must be finished by the same code.
 * Always of src/, so a run from the compiled dist/ and one from the sources agree.
 */
function codeVersion(): string {
  return `${SITREP_VERSION}+${sourcesHash(new URL('../../src/', import.meta.url))}`;
}

let bundledVersion: string | null = null;

/** Versions of the lexicons: a hash of the bundled files, and of each file added. */
export function lexiconVersions(added: string[]): { bundled: string; added: Array<{ file: string; sha256: string }> } {
  if (!bundledVersion) {
    const dir = new URL('../lexicons/', import.meta.url);
    const hash = createHash('sha256');
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) hash.update(name).update(readFileSync(new URL(name, dir)));
    bundledVersion = hash.digest('hex').slice(0, 16);
  }
  return {
    bundled: bundledVersion,
    added: added.map((file) => {
      let sha256 = 'unreadable';
      try {
        sha256 = createHash('sha256').update(readFileSync(resolve(file))).digest('hex').slice(0, 16);
      } catch {
        // the pipeline reports it
      }
      return { file, sha256 };
    }),
  };
}

function runJson(options: BatchOptions, counts: Counts, timing: { seconds: number; firstRecord: number | null; resumed: boolean; secondHalf: number | null }): string {
  const errors = Object.fromEntries(Object.entries(counts.errors).sort(([a], [b]) => (a < b ? -1 : 1)));
  return `${JSON.stringify(
    {
      sitrep: SITREP_VERSION,
      schema: 'sitrep.document/1',
      lexicons: lexiconVersions(options.lexicons ?? []),
      options: outputOptions(options),
      documents: counts.documents,
      failed: counts.failed,
      errors,
      events: counts.events,
      entities: counts.entities,
      // timing: the only part that differs between two runs over the same input
      timing: {
        seconds: Number(timing.seconds.toFixed(2)),
        documents_per_second: timing.seconds > 0 ? Number((counts.documents / timing.seconds).toFixed(1)) : null,
        first_record_seconds: timing.firstRecord === null ? null : Number(timing.firstRecord.toFixed(2)),
        second_half_documents_per_second: timing.secondHalf,
        concurrency: options.concurrency,
        resumed: timing.resumed,
        peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
        cpu_seconds: Number(((process.cpuUsage().user + process.cpuUsage().system) / 1e6).toFixed(1)),
      },
    },
    null,
    2,
  )}\n`;
}
