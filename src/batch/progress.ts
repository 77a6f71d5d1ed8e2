// Progress of a run on stderr: a bar on a terminal (documents/s, ETA, failures so far), a
// plain line now and then when stderr is a file or a pipe, nothing with --quiet; and the rate
// over a run's second half that run.json gives (extract and queue collect alike).
import cliProgress from 'cli-progress';

export type ProgressMode = 'bar' | 'lines' | 'off';

export interface ProgressOptions {
  mode: ProgressMode;
  /** bytes of input in all, when known (0 when not) */
  totalBytes: number;
  stream?: NodeJS.WriteStream;
  /** seconds between plain lines */
  interval?: number;
}

export class Progress {
  private bytes = 0;
  private documents = 0;
  private failed = 0;
  private readonly started = performance.now();
  /** (time, documents) samples of the last ten seconds, for the rate */
  private window: Array<[number, number]> = [];
  private bar: cliProgress.SingleBar | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly stream: NodeJS.WriteStream;
  private resumedBytes = 0;

  constructor(private readonly options: ProgressOptions) {
    this.stream = options.stream ?? process.stderr;
  }

  start(): void {
    if (this.options.mode === 'bar') {
      this.bar = new cliProgress.SingleBar(
        {
          stream: this.stream,
          format: 'sitrep |{bar}| {percentage}% | {documents} documents | {rate} docs/s | ETA {eta_formatted} | {failed} failed',
          barsize: 24,
          hideCursor: true,
          clearOnComplete: true,
          etaBuffer: 200,
          fps: 5,
        },
        cliProgress.Presets.shades_classic,
      );
      this.bar.start(Math.max(1, this.options.totalBytes), this.bytes, this.payload());
    } else if (this.options.mode === 'lines') {
      this.timer = setInterval(() => this.stream.write(`${this.line()}\n`), (this.options.interval ?? 10) * 1000);
      this.timer.unref();
    }
  }

  /** Units done by an earlier session of a resumed run. */
  resumed(bytes: number): void {
    this.bytes += bytes;
    this.resumedBytes += bytes;
  }

  update(bytes: number, ok: boolean): void {
    this.bytes += bytes;
    if (ok) this.documents++;
    else this.failed++;
    this.bar?.update(Math.min(this.bytes, this.options.totalBytes), this.payload());
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.bar?.stop();
    this.bar = null;
  }

  /** Documents per second over the last ten seconds or so. */
  rate(): number {
    const now = performance.now();
    const last = this.window.at(-1);
    if (!last || now - last[0] > 250) this.window.push([now, this.documents]);
    while (this.window.length > 2 && now - this.window[0]![0] > 10_000) this.window.shift();
    const [t0, d0] = this.window[0]!;
    const seconds = (now - t0) / 1000;
    if (seconds < 0.5) {
      const total = (now - this.started) / 1000;
      return total > 0 ? this.documents / total : 0;
    }
    return (this.documents - d0) / seconds;
  }

  private payload() {
    return { documents: this.documents.toLocaleString('en-US'), rate: this.rate().toFixed(0), failed: this.failed };
  }

  line(): string {
    const rate = this.rate();
    const { totalBytes } = this.options;
    const share = totalBytes > 0 ? this.bytes / totalBytes : 0;
    const elapsed = (performance.now() - this.started) / 1000;
    const doneNow = this.bytes - this.resumedBytes;
    const left = share > 0 && doneNow > 0 ? ((totalBytes - this.bytes) / doneNow) * elapsed : NaN;
    return (
      `sitrep: ${this.documents.toLocaleString('en-US')} documents, ${this.failed} failed` +
      (totalBytes > 0 ? `, ${(share * 100).toFixed(0)}% of the input` : '') +
      `, ${rate.toFixed(0)} docs/s` +
      (Number.isFinite(left) ? `, about ${duration(left)} left` : '')
    );
  }
}

export function duration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** Documents between two marks of the clock (run.json's second-half rate). */
export const MARK_EVERY = 250;

/**
 * Documents per second over the second half of what a session wrote (up to its last mark, so
 * that finishing the run is left out): the rate once every worker is warm. Each worker thread
 * compiles the pipeline's code while it works (V8's optimizing compiler, about 7 CPU seconds a
 * worker), so the first few thousand documents of a run go slower than the rest, and the overall
 * rate of a short run understates what a long one sustains. To a tenth; null below 1,000 documents.
 */
export function secondHalfRate(marks: number[]): number | null {
  if (marks.length < 4) return null;
  // marks[i]: when (i + 1) * MARK_EVERY documents were written
  const half = Math.floor(marks.length / 2);
  const seconds = marks.at(-1)! - marks[half - 1]!;
  return seconds > 0 ? Number((((marks.length - half) * MARK_EVERY) / seconds).toFixed(1)) : null;
}
