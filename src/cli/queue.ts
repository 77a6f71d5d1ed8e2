// sitrep queue add|collect|status: distributed extraction on Redis (src/queue). `add` queues
// one job per document, `collect` writes the finished ones as a dataset folder, `status`
// counts them; `sitrep worker` (src/cli/worker.ts) does the work.
import { join } from 'node:path';
import { DEFAULT_LIMITS, parseSize, type Limits } from '../io/formats.js';
import { datasetExtras, writeExtras } from './export.js';
import { UsageError } from '../io/errors.js';
import { addToQueue } from '../queue/add.js';
import { collectQueue } from '../queue/collect.js';
import { queueTarget, shownUrl } from '../queue/connection.js';
import { queueStatus } from '../queue/status.js';

export interface QueueOptions {
  redis?: string;
  queue?: string;
  quiet?: boolean;
}

export interface QueueAddOptions extends QueueOptions {
  lexicon: string[];
  published?: string;
  include?: string[];
  exclude?: string[];
  maxSize?: string;
  maxUnzipped?: string;
}

export interface QueueCollectOptions extends QueueOptions {
  out: string;
  wait?: boolean;
  outputs?: string[];
  allowErrors?: boolean;
  format?: string[];
  link?: boolean;
}

const nf = (n: number) => n.toLocaleString('en-US');
const plural = (n: number, word: string) => `${nf(n)} ${word}${n === 1 ? '' : 's'}`;

export async function queueAdd(paths: string[], options: QueueAddOptions): Promise<number> {
  if (paths.filter((p) => p === '-').length > 1) throw new UsageError('- (standard input) can be given only once');
  const target = queueTarget(options.redis, options.queue);
  const limits: Limits = {
    maxSize: options.maxSize === undefined ? DEFAULT_LIMITS.maxSize : parseSize(options.maxSize, '--max-size'),
    maxUnzipped: options.maxUnzipped === undefined ? DEFAULT_LIMITS.maxUnzipped : parseSize(options.maxUnzipped, '--max-unzipped'),
  };
  const result = await addToQueue({
    target,
    paths,
    include: options.include,
    exclude: options.exclude,
    lexicons: options.lexicon,
    published: options.published ?? null,
    limits,
    stdin: paths.includes('-') ? await readStdin() : undefined,
    onFailure: options.quiet ? undefined : (error) => process.stderr.write(`sitrep: ${error.where}: ${error.message}\n`),
  });
  if (!options.quiet) {
    const unreadable = result.unreadable ? ` and ${plural(result.unreadable, 'unreadable input')}` : '';
    process.stderr.write(
      `sitrep: queued ${plural(result.queued, 'document')}${unreadable} on queue "${target.name}" at ${shownUrl(target.url)}; ` +
        `${nf(result.already)} already queued or done, in ${result.seconds.toFixed(1)} s\n`,
    );
  }
  return 0;
}

export async function queueCollect(options: QueueCollectOptions): Promise<number> {
  const extras = datasetExtras(options, options.out);
  const target = queueTarget(options.redis, options.queue);
  const result = await collectQueue({ target, out: options.out, wait: options.wait, outputs: options.outputs });
  if (!options.quiet) {
    const kinds = Object.entries(result.errors)
      .sort(([, a], [, b]) => b - a)
      .map(([code, n]) => `${nf(n)} ${code}`)
      .join(', ');
    const failed = result.failed ? `${nf(result.failed)} failed (${kinds}; see ${join(options.out, 'errors.jsonl')})` : '0 failed';
    const pending = result.pending ? `; ${nf(result.pending)} not finished yet (run collect again later, or with --wait)` : '';
    process.stderr.write(
      `sitrep: collected ${plural(result.documents, 'document')} (${nf(result.entities)} entities, ${nf(result.events)} events) into ${options.out}/, ${failed}${pending}\n`,
    );
  }
  await writeExtras(options.out, extras, options.quiet);
  return result.failed > 0 && !options.allowErrors ? 1 : 0;
}

export async function queueStatusCommand(options: QueueOptions & { json?: boolean }): Promise<number> {
  const target = queueTarget(options.redis, options.queue);
  const status = await queueStatus(target);
  if (options.json) {
    process.stdout.write(`${JSON.stringify(status)}\n`);
    return 0;
  }
  const width = String(Math.max(status.waiting, status.active, status.done, status.failed)).length;
  const row = (label: string, n: number, note = '') => `  ${label.padEnd(8)}${String(n).padStart(width)}${note}\n`;
  process.stdout.write(
    `queue "${status.queue}" at ${shownUrl(target.url)}${status.config ? ` (pipeline configuration ${status.config}, sitrep ${status.sitrep})` : ', empty'}\n` +
      row('waiting', status.waiting, status.retrying ? ` (${nf(status.retrying)} to be tried again)` : '') +
      row('active', status.active, ` (${plural(status.workers, 'worker')} connected)`) +
      row('done', status.done) +
      row('failed', status.failed),
  );
  return 0;
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
