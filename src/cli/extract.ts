// sitrep extract PATH... : articles in, document records out (JSONL on stdout, or a
// dataset folder with --out). A bad article is reported with its file and reason and
// never stops the others.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPipeline } from '../index.js';
import { InputError, UsageError } from '../io/errors.js';
import PQueue from 'p-queue';
import { expandPaths, readArticles, type ReadResult } from '../io/read.js';
import type { DocumentRecord } from '../record/record.js';
import { datasetFiles } from '../io/dataset.js';

/** how many files are read ahead of the pipeline */
const READ_AHEAD = 8;

export interface ExtractOptions {
  out?: string;
  pretty?: boolean;
  lexicon: string[];
  published?: string;
  quiet?: boolean;
}

export async function extract(paths: string[], options: ExtractOptions): Promise<number> {
  const started = performance.now();
  const files = expandPaths(paths);
  if (files.length === 0) throw new UsageError(`no articles found in ${paths.join(', ')}; sitrep reads .txt, .md and .jsonl files`);
  if (files.filter((f) => f === '-').length > 1) throw new UsageError('- (standard input) can be given only once');
  const pipeline = createPipeline({ lexicons: options.lexicon });
  const stdin = files.includes('-') ? await readStdin() : undefined;

  const records: DocumentRecord[] = [];
  const errors: InputError[] = [];
  // files are read ahead on a bounded queue while the pipeline works, and used in input order
  const reads = new PQueue({ concurrency: READ_AHEAD });
  const pending = new Map<number, Promise<ReadResult[]>>();
  let nextToRead = 0;
  const readAhead = (upTo: number) => {
    for (; nextToRead < Math.min(files.length, upTo); nextToRead++) {
      const file = files[nextToRead]!;
      pending.set(nextToRead, reads.add(() => readArticles(file, stdin)) as Promise<ReadResult[]>);
    }
  };
  for (let index = 0; index < files.length; index++) {
    readAhead(index + READ_AHEAD * 2);
    const items = await pending.get(index)!;
    pending.delete(index);
    for (const item of items) {
      if (item instanceof InputError) {
        errors.push(item);
        process.stderr.write(`sitrep: ${item.where}: ${item.message}\n`);
        continue;
      }
      try {
        const record = pipeline.process({ ...item.input, defaultPublished: options.published ?? null });
        if (options.out) records.push(record);
        else process.stdout.write(`${JSON.stringify(record, null, options.pretty ? 2 : undefined)}\n`);
        if (options.out) continue;
      } catch (error) {
        const failure = new InputError(item.origin, `extraction failed: ${(error as Error).message}`);
        errors.push(failure);
        process.stderr.write(`sitrep: ${failure.where}: ${failure.message}\n`);
      }
    }
  }
  const seconds = (performance.now() - started) / 1000;
  if (options.out) {
    mkdirSync(options.out, { recursive: true });
    const dataset = datasetFiles(records, errors, { seconds, options: { lexicon: options.lexicon, published: options.published ?? null } });
    for (const [name, content] of Object.entries(dataset)) writeFileSync(join(options.out, name), content);
  }
  if (!options.quiet) {
    const events = records.reduce((n, r) => n + r.events.length, 0);
    const entities = records.reduce((n, r) => n + r.entities.length, 0);
    const done = options.out ? records.length : undefined;
    process.stderr.write(
      `sitrep: ${done ?? 'all'} document${done === 1 ? '' : 's'} extracted` +
        (options.out ? ` (${entities} entities, ${events} events) into ${options.out}/` : '') +
        `, ${errors.length} failed, in ${seconds.toFixed(1)} s\n`,
    );
  }
  return errors.length > 0 ? 1 : 0;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
