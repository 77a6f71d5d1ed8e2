// Where units are worked: a pool of worker threads (piscina), each building the pipeline once
// and holding up to two units (one running, the next waiting), or the main thread itself for
// small inputs (and for callers that ask for no threads).
import { setFlagsFromString } from 'node:v8';
import { Piscina } from 'piscina';
import type { Pipeline } from '../index.js';
import type { Task } from './units.js';
import { Watch, type Timed } from './budget.js';
import { failure, type Failed, type Outcome, type WorkOptions } from './outcome.js';
import type { WorkerData } from './worker.js';
import { InputError, UsageError } from '../io/errors.js';
import { MB, parseSize } from '../io/formats.js';
import { sharedTableBytes } from '../stages/places/geo-cache.js';

export interface Executor {
  /** resolves once a pipeline is built and working; rejects when none can start */
  readonly ready: Promise<void>;
  /** never rejects: a worker that dies is the failure of its unit */
  run(task: Task): Promise<Outcome>;
  /** stop at once: the tasks in flight end now (their outcomes are not to be written) */
  cancel(): Promise<void>;
  close(): Promise<void>;
}

export interface ExecutorOptions {
  /** worker threads; 0 works in the main thread */
  threads: number;
  /** the old-generation heap of each worker, in MB */
  heapMb: number;
  lexicons: string[];
  work: WorkOptions;
  /** the time budget of one document, in seconds (--max-seconds) */
  maxSeconds: number;
}

/** The time budget of one document by default, in seconds (--max-seconds). */
export const DEFAULT_MAX_SECONDS = 60;

/**
 * The young generation of a worker thread that runs a pipeline, in MB. V8 splits it in three
 * (two semi-spaces and room for large new objects); the semi-spaces must hold a whole
 * document's allocations, or each scavenge copies the document in progress.
 * docs/PERFORMANCE.md ("Tuning constants") has the measurements behind the figure.
 */
export const WORKER_YOUNG_GENERATION_MB = 24;

/**
 * Tasks a worker thread holds at once: one running, the rest waiting in its port, so that a
 * pause of the main thread (its garbage collections) does not leave the worker without work.
 * docs/PERFORMANCE.md ("Tuning constants") has the measurements behind the figure.
 */
export const TASKS_PER_WORKER = 4;

/** The old-generation heap of each worker thread, in MB (--max-memory). */
export const DEFAULT_HEAP_MB = 384;

/** --max-memory of extract and worker, as given ("512MB"): the old-generation heap of each worker thread, in MB. */
export function maxMemory(value: string | undefined): number {
  const heapMb = value === undefined ? DEFAULT_HEAP_MB : Math.round(parseSize(value, '--max-memory') / MB);
  if (heapMb < 160) throw new UsageError(`--max-memory must be at least 160MB: a pipeline alone holds about 60 MB, and a long article needs room beside it`);
  return heapMb;
}

/** --max-seconds of extract and worker, as given: the time budget of one document, in seconds. */
export function maxSecondsOf(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MAX_SECONDS;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError(`--max-seconds takes a number of seconds above 0, not "${value}"`);
  return seconds;
}

/**
 * How far a V8 heap may grow past what survived its last full collection before the next one, in
 * percent (V8's --heap-growing-percent). Left to itself, V8 lets a worker's heap grow by a third
 * and more, and the pages it fills stay held; the next collection then comes a few MB later
 * instead, for a little more collector time. docs/PERFORMANCE.md ("Two workers' peak") has the
 * measurements behind the figure.
 */
export const HEAP_GROWING_PERCENT = 10;

/**
 * Sets V8's heap flags for every heap of the process, the worker threads' included, before
 * the threads start: HEAP_GROWING_PERCENT, and no allocation-site pretenuring. V8 moves
 * the objects of an allocation site straight to the old generation once most of them have
 * survived a scavenge; a scavenge that falls in the middle of a document finds nearly all of
 * that document's tokens, features and spans alive, so V8 pretenured those sites, and every
 * later document's short-lived objects then died in the old generation, which only full
 * collections (with their concurrent marking, on the same core) free: one every 70 documents.
 * Without it, a pinned worker spends 10–20% less CPU a document (docs/PERFORMANCE.md, "The
 * fifth session"). V8's flags are the whole process's, so only sitrep's own commands call it
 * (a program that uses sitrep as a library keeps its settings), and each flag is left alone
 * when node was given it.
 */
export function tuneHeap(): void {
  for (const flag of heapFlags([...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)])) setFlagsFromString(flag);
}

/** The flags tuneHeap sets, less those node was given (`given`: its arguments and NODE_OPTIONS) in either form. */
export function heapFlags(given: readonly string[]): string[] {
  const nameOf = (arg: string) => arg.replace(/_/g, '-').replace(/^--(no-)?/, '').replace(/=.*/, '');
  const named = new Set(given.filter((arg) => arg.startsWith('--')).map(nameOf));
  return [`--heap-growing-percent=${HEAP_GROWING_PERCENT}`, '--no-allocation-site-pretenuring'].filter((flag) => !named.has(nameOf(flag)));
}

/** The heap limits of a worker thread that runs a pipeline (batch runs and queue workers alike). */
export function workerLimits(heapMb: number): { maxOldGenerationSizeMb: number; maxYoungGenerationSizeMb: number } {
  return { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB };
}

/**
 * The executor for a run. Each worker thread holds its own pipeline (about 55 MB live) and a
 * bounded heap (workerLimits): 384 MB of old generation by default, room for a long article.
 * A worker holds TASKS_PER_WORKER tasks at a time, so that the next documents are already
 * waiting when one is done instead of a round trip through the main thread.
 */
export function createExecutor(options: ExecutorOptions): Executor {
  return options.threads < 1 ? new MainThread(options.lexicons, options.work) : new WorkerPool(options);
}

/** One pipeline in the main thread; yields to the event loop between units so signals and timers run. */
class MainThread implements Executor {
  private pipeline: Pipeline | null = null;
  private work: typeof import('./work.js').work | null = null;
  readonly ready: Promise<void>;

  constructor(
    private readonly lexicons: string[],
    private readonly options: WorkOptions,
  ) {
    // imported here, not at the top: a run on worker threads keeps the pipeline out of the main thread
    this.ready = Promise.all([import('../index.js'), import('./work.js')]).then(([{ createPipeline }, { work }]) => {
      this.pipeline ??= createPipeline({ lexicons: this.lexicons });
      this.work = work;
    });
    this.ready.catch(() => undefined);
  }

  async run(task: Task): Promise<Outcome> {
    try {
      await this.ready;
      await new Promise((resolve) => setImmediate(resolve));
      return await this.work!(this.pipeline!, task, this.options);
    } catch (error) {
      return failure(new InputError(taskOrigin(task)[0], `the pipeline failed: ${(error as Error).message}`, taskOrigin(task)[1], 'crash'));
    }
  }

  async cancel(): Promise<void> {
    await this.close();
  }

  async close(): Promise<void> {
    this.pipeline = null;
  }
}

/** The failure of a task that went over its time budget. */
export function overBudget(file: string, line: number | undefined, seconds: number): Failed {
  return failure(new InputError(file, `processing took longer than ${seconds} s, the time budget of one document (raise it with --max-seconds)`, line, 'timeout'));
}

class WorkerPool implements Executor {
  private readonly pool: Piscina<Timed<Task> | 'ping', Outcome | 'pong'>;
  /** one worker, one task at a time: where a task is tried again after its worker died */
  private quarantine: Piscina<Timed<Task> | 'ping', Outcome | 'pong'> | null = null;
  private readonly watch: Watch;
  private cancelled = false;
  readonly ready: Promise<void>;

  /** the GeoNames tables, read once into shared memory for all the workers (geo-cache.ts) */
  private readonly geo = sharedTableBytes();

  constructor(private readonly options: ExecutorOptions) {
    this.pool = this.newPool(options.threads, TASKS_PER_WORKER);
    this.watch = new Watch(options.maxSeconds * 1000, () => [...this.pool.threads, ...(this.quarantine?.threads ?? [])]);
    this.ready = this.pool.run('ping').then(() => undefined);
    this.ready.catch(() => undefined);
  }

  private newPool(threads: number, tasksPerWorker: number): Piscina<Timed<Task> | 'ping', Outcome | 'pong'> {
    const workerData: WorkerData = { lexicons: this.options.lexicons, options: this.options.work, geo: this.geo };
    return new Piscina({
      filename: new URL('./worker.js', import.meta.url).href,
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: 60_000,
      concurrentTasksPerWorker: tasksPerWorker,
      workerData,
      resourceLimits: workerLimits(this.options.heapMb),
    });
  }

  async run(task: Task): Promise<Outcome> {
    const [file, line] = taskOrigin(task);
    const first = await this.watch.time((clock) => this.pool.run({ task, clock }) as Promise<Outcome>);
    if (first.result) return first.result;
    if (this.cancelled) return cancelled(file, line);
    if (first.overdue) return overBudget(file, line, this.options.maxSeconds);
    // a worker holds several tasks, and when one kills it the others die too: each is tried
    // again alone, so that only the document that kills a worker counts as failed
    this.quarantine ??= this.newPool(1, 1);
    const quarantine = this.quarantine;
    const second = await this.watch.time((clock) => quarantine.run({ task, clock }) as Promise<Outcome>);
    if (second.result) return second.result;
    if (this.cancelled) return cancelled(file, line);
    if (second.overdue) return overBudget(file, line, this.options.maxSeconds);
    const error = second.error as NodeJS.ErrnoException;
    const reason =
      error?.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? `the document needs more memory than a worker thread has (${this.options.heapMb} MB; raise it with --max-memory)`
        : `the worker processing it died: ${error?.message ?? String(error)}`;
    return failure(new InputError(file, reason, line, 'crash'));
  }

  async cancel(): Promise<void> {
    this.cancelled = true;
    await this.close();
  }

  private closing: Promise<void> | null = null;

  close(): Promise<void> {
    this.watch.stop();
    this.closing ??= Promise.all([this.pool.destroy(), this.quarantine?.destroy()]).then(() => undefined);
    return this.closing;
  }
}

/** The outcome of a task whose run was stopped: never written (a resumed run does it again). */
function cancelled(file: string, line: number | undefined): Failed {
  return failure(new InputError(file, 'the run was stopped before this document was done', line, 'crash'));
}

/** The file (and line) a task reads, for its error. */
function taskOrigin(task: Task): [string, number | undefined] {
  if (task.kind === 'file') return [task.origin, undefined];
  if (task.kind === 'text') return ['-', undefined];
  return [task.file, task.line ?? undefined];
}
