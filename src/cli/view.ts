// sitrep view ARTICLE: one article as a self-contained HTML page, its entities, quantities,
// dates and event triggers highlighted and its events in a table (src/view/article.ts).
// ARTICLE is an article (.txt, .md, .html, or - for standard input), which the pipeline extracts
// first, or a document record (.json), or a JSONL file of articles or records (such as a
// dataset's documents.jsonl) with --doc ID to pick one.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { DocInput } from '../doc.js';
import { InputError, UsageError } from '../io/errors.js';
import { readArticles } from '../io/read.js';
import type { DocumentRecord } from '../record/record.js';
import { articlePage } from '../view/article.js';

export interface ViewOptions {
  out?: string;
  doc?: string;
  lexicon: string[];
  published?: string;
}

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

export async function view(article: string, options: ViewOptions): Promise<number> {
  const record = await recordOf(article, options);
  const html = articlePage(record, { generator: `sitrep ${pkg.version}` });
  if (options.out) {
    writeFileSync(options.out, html);
    process.stderr.write(`sitrep: wrote ${options.out} (${record.events.length} event${record.events.length === 1 ? '' : 's'}, ${kb(html)}); open it in a browser\n`);
  } else {
    process.stdout.write(html);
  }
  return 0;
}

const kb = (text: string) => `${Math.max(1, Math.round(Buffer.byteLength(text) / 1024)).toLocaleString('en')} KB`;

const isRecord = (value: unknown): value is DocumentRecord =>
  !!value && typeof value === 'object' && typeof (value as DocumentRecord).text === 'string' && Array.isArray((value as DocumentRecord).entities) && Array.isArray((value as DocumentRecord).events);

async function recordOf(article: string, options: ViewOptions): Promise<DocumentRecord> {
  const ext = article === '-' ? '-' : extname(article).toLowerCase();
  if (ext === '.json' || ext === '.jsonl') {
    const text = readText(article);
    const items: Array<{ value: unknown; line: number }> = [];
    if (ext === '.json') items.push({ value: parseJson(text, article), line: 0 });
    else {
      text.split(/\r?\n/).forEach((line, i) => {
        if (line.trim()) items.push({ value: parseJson(line, article, i + 1), line: i + 1 });
      });
    }
    const idOf = (value: unknown) => {
      const v = value as { doc?: { id?: unknown }; id?: unknown };
      return String(v?.doc?.id ?? v?.id ?? '');
    };
    let chosen = items;
    if (options.doc !== undefined) chosen = items.filter((item) => idOf(item.value) === options.doc);
    if (chosen.length === 0) {
      const ids = items.slice(0, 5).map((item) => idOf(item.value)).join(', ');
      throw new UsageError(`${article} holds no document with id ${options.doc}; its ids begin ${ids || '(none)'}`);
    }
    if (chosen.length > 1) {
      const ids = chosen.slice(0, 5).map((item) => idOf(item.value)).join(', ');
      throw new UsageError(`${article} holds ${chosen.length} documents; pick one with --doc ID (ids: ${ids}${chosen.length > 5 ? ', …' : ''})`);
    }
    const { value, line } = chosen[0]!;
    if (isRecord(value)) return value;
    const input = value as Partial<DocInput> & { id?: unknown };
    if (typeof input?.text !== 'string') {
      throw new InputError(article, 'neither a document record (with text, entities and events) nor an article (with text)', line || undefined);
    }
    return extractOne({ ...input, text: input.text, id: typeof input.id === 'string' ? input.id : null, source: line ? `${article}:${line}` : article }, options);
  }
  if (options.doc !== undefined) throw new UsageError('--doc picks a document from a .json or .jsonl file; an article file holds only one');
  if (article !== '-') mustBeFile(article);
  const stdin = article === '-' ? await readStdin() : undefined;
  const results = await readArticles(article, stdin);
  const first = results[0];
  if (!first) throw new InputError(article, 'no article in it');
  if (first instanceof InputError) throw first;
  return extractOne(first.input, options);
}

async function extractOne(input: DocInput, options: ViewOptions): Promise<DocumentRecord> {
  const { createPipeline } = await import('../index.js');
  const pipeline = createPipeline({ lexicons: options.lexicon });
  return pipeline.process({ ...input, defaultPublished: options.published ?? null });
}

function mustBeFile(file: string): void {
  let stat;
  try {
    stat = statSync(file);
  } catch {
    throw new UsageError(`cannot find ${file}: no such file`);
  }
  if (stat.isDirectory()) throw new UsageError(`${file} is a folder; sitrep view shows one article (sitrep report DIR shows a dataset)`);
}

function parseJson(text: string, file: string, line?: number): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(file, `not valid JSON (${(error as Error).message}); sitrep view reads a record (.json), a JSONL file of records or articles, or an article (.txt, .md)`, line);
  }
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`cannot find ${file}: no such file`);
    if (code === 'EISDIR') throw new UsageError(`${file} is a folder; sitrep view shows one article (sitrep report DIR shows a dataset)`);
    throw new InputError(file, `cannot read it: ${code ?? (error as Error).message}`);
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
