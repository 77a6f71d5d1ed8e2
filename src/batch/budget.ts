// The time budget of one document (--max-seconds), shared by batch runs (src/batch/pool.ts)
// and queue workers: a clock each task carries into its worker thread, and a watch in the
// main thread that terminates a thread whose task went over its budget.
/** What a pool worker receives: the task, and a clock it sets when it starts on it (see Watch). */
export interface Timed<T> {
  task: T;
  /** Float64Array over it: [0] the time (ms since the epoch) the worker started, [1] its threadId */
  clock: SharedArrayBuffer;
}

/** In a worker: note that work on this task starts now, and in which thread. */
export function startClock(clock: SharedArrayBuffer, threadId: number): void {
  const view = new Float64Array(clock);
  view[1] = threadId;
  view[0] = Date.now();
}

/**
 * The time budget of each task (--max-seconds), measured from the moment its worker starts
 * on it, not from when it was queued. A task over its budget has its worker thread
 * terminated: the expensive libraries (linkedom, Readability, wink) cannot be interrupted
 * from inside, so the thread is the unit that can be stopped. One timer checks every task in
 * flight; the tasks that shared the thread are tried again (the executor's quarantine).
 */
export class Watch {
  private readonly running = new Set<{ view: Float64Array; overdue: boolean }>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly budgetMs: number,
    private readonly threads: () => ReadonlyArray<{ threadId: number; terminate(): Promise<number> }>,
  ) {}

  /** Run `run(clock)` under the budget; returns whether the task went over it, with its result or error. */
  async time<R>(run: (clock: SharedArrayBuffer) => Promise<R>): Promise<{ overdue: boolean; result?: R; error?: unknown }> {
    const clock = new SharedArrayBuffer(16);
    const entry = { view: new Float64Array(clock), overdue: false };
    this.running.add(entry);
    this.timer ??= setInterval(() => this.check(), Math.min(250, Math.max(10, this.budgetMs / 4))).unref();
    try {
      return { overdue: false, result: await run(clock) };
    } catch (error) {
      return { overdue: entry.overdue, error };
    } finally {
      this.running.delete(entry);
      if (this.running.size === 0 && this.timer) {
        clearInterval(this.timer);
        this.timer = null;
      }
    }
  }

  private check(): void {
    const now = Date.now();
    for (const entry of this.running) {
      const started = entry.view[0]!;
      if (entry.overdue || started === 0 || now - started <= this.budgetMs) continue;
      entry.overdue = true;
      const thread = this.threads().find((t) => t.threadId === entry.view[1]);
      void thread?.terminate();
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

