// sitrep extract PATH... : articles in, document records out (JSONL on stdout, or a
// dataset folder with --out). The work is a batch run (src/batch/run.ts) on every core; a
// bad article is reported with its file and reason and never stops the others.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { runBatch } from '../batch/run.js';
import { tuneHeap, maxMemory, maxSecondsOf } from '../batch/pool.js';
import { duration } from '../batch/progress.js';
import { outFolderError, UsageError } from '../io/errors.js';
import { datasetExtras, writeExtras } from './export.js';
import { WORK_FOLDER } from '../batch/journal.js';
import { existsSync } from 'node:fs';
import { DEFAULT_LIMITS, MB, parseSize, type Limits } from '../io/formats.js';
import { loadLexicons } from '../lexicons/load.js';
import type { Failure } from '../batch/outcome.js';

export interface ExtractOptions {
  out?: string;
  outputs?: string[];
  pretty?: boolean;
  lexicon: string[];
  published?: string;
  quiet?: boolean;
  include?: string[];
  exclude?: string[];
  concurrency?: string | number;
  resume?: boolean;
  force?: boolean;
  allowErrors?: boolean;
  /** export formats written beside the dataset (--format) */
  format?: string[];
  /** join the events into incidents after the run (--link) */
  link?: boolean;
  maxSize?: string;
  maxUnzipped?: string;
  maxMemory?: string;
  maxSeconds?: string;
}

const nf = (n: number) => n.toLocaleString('en-US');


export async function extract(paths: string[], options: ExtractOptions): Promise<number> {
  if (paths.filter((p) => p === '-').length > 1) throw new UsageError('- (standard input) can be given only once');
  if (options.resume && !options.out) throw new UsageError('--resume needs --out DIR: only a dataset folder keeps the journal a run resumes from');
  if (options.resume && paths.includes('-')) throw new UsageError('--resume cannot read standard input again; save it to a file first');
  const extras = datasetExtras(options, options.out);
  const limits: Limits = {
    maxSize: options.maxSize === undefined ? DEFAULT_LIMITS.maxSize : parseSize(options.maxSize, '--max-size'),
    maxUnzipped: options.maxUnzipped === undefined ? DEFAULT_LIMITS.maxUnzipped : parseSize(options.maxUnzipped, '--max-unzipped'),
  };
  const concurrency = options.concurrency === undefined ? availableParallelism() : Number(options.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new UsageError(`--concurrency takes a whole number of threads, 1 or more, not "${options.concurrency}"`);
  const heapMb = maxMemory(options.maxMemory);
  const maxSeconds = maxSecondsOf(options.maxSeconds);
  loadLexicons(options.lexicon); // a bad lexicon is misuse (exit 2), found before any worker starts
  tuneHeap();

  const stderr = process.stderr;
  const bar = Boolean(options.out && !options.quiet && stderr.isTTY);
  const printFailure = (f: Failure) => stderr.write(`sitrep: ${f.line ? `${f.file}:${f.line}` : f.file}: ${f.message}\n`);

  const controller = new AbortController();
  let stops = 0;
  const stop = () => {
    stops++;
    if (stops > 1) {
      stderr.write('\nsitrep: stopped at once; what was saved at the last checkpoint is kept\n');
      process.exit(130);
    }
    stderr.write('\nsitrep: stopping; the documents in progress are left for --resume\n');
    controller.abort();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  const again = ['sitrep', ...process.argv.slice(2).filter((a) => a !== '--resume'), '--resume'].map(quote).join(' ');
  let result;
  try {
    result = await runBatch({
      paths,
      out: options.out,
      outputs: options.outputs,
      pretty: options.pretty,
      include: options.include,
      exclude: options.exclude,
      lexicons: options.lexicon,
      published: options.published ?? null,
      limits,
      concurrency,
      heapMb,
      maxSeconds,
      resume: options.resume,
      force: options.force,
      progress: options.quiet || !options.out ? 'off' : bar ? 'bar' : 'lines',
      stdin: paths.includes('-') ? await readStdin() : undefined,
      signal: controller.signal,
      onFailure: bar ? undefined : printFailure,
    });
  } catch (error) {
    const plain = options.out ? outFolderError(error, options.out, existsSync(join(options.out, WORK_FOLDER)) ? again : null) : null;
    throw plain ?? error;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
  const { counts } = result;
  if (result.finished) {
    if (!options.quiet) {
      stderr.write(
        `sitrep: ${options.out}/ holds a finished dataset (${nf(counts.documents)} documents, ${nf(counts.failed)} failed; see ${join(options.out!, 'run.json')}); ` +
          `there is nothing to resume. To extract it all again, add --force\n`,
      );
    }
    return 0;
  }
  if (options.resume && !result.resumed && !options.quiet) stderr.write(`sitrep: there was no interrupted run in ${options.out}/ to resume; this was a new run\n`);

  if (result.interrupted) {
    if (options.out) {
      stderr.write(`sitrep: interrupted after ${nf(counts.documents)} documents (${nf(counts.failed)} failed); ${options.out}/ keeps the work so far.\nsitrep: to finish, run: ${again}\n`);
    } else stderr.write(`sitrep: interrupted after ${nf(counts.documents)} documents\n`);
    return 130;
  }
  if (bar) for (const f of result.failures) printFailure(f);
  if (!options.quiet) {
    const kinds = Object.entries(counts.errors)
      .sort(([, a], [, b]) => b - a)
      .map(([code, n]) => `${nf(n)} ${code}`)
      .join(', ');
    const failed = counts.failed > 0 ? `${nf(counts.failed)} failed (${kinds}${options.out ? `; see ${join(options.out, 'errors.jsonl')}` : ''})` : '0 failed';
    const rate = result.seconds > 0 ? `, ${nf(Math.round(counts.documents / result.seconds))} docs/s` : '';
    stderr.write(
      options.out
        ? `sitrep: ${nf(counts.documents)} document${counts.documents === 1 ? '' : 's'} extracted (${nf(counts.entities)} entities, ${nf(counts.events)} events) into ${options.out}/, ${failed}, in ${took(result.seconds)}${rate}${result.resumed ? ' (resumed)' : ''}\n`
        : `sitrep: ${nf(counts.documents)} document${counts.documents === 1 ? '' : 's'} extracted, ${failed}, in ${took(result.seconds)}\n`,
    );
  }
  if (options.out) await writeExtras(options.out, extras, options.quiet);
  return counts.failed > 0 && !options.allowErrors ? 1 : 0;
}

const took = (seconds: number) => (seconds < 60 ? `${seconds.toFixed(1)} s` : duration(seconds));

function quote(arg: string): string {
  return /^[\w./:=@%+,-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
