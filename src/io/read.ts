// Reading articles: files, folders (walked recursively, in sorted order), and "-" for
// standard input. Formats by extension (src/io/formats.ts): .txt (plain text), .md (Markdown
// with YAML front matter), .html/.htm (the page's main text and its meta tags), .json (one
// record or an array of them), .jsonl (one {id, text, title?, published?, url?} per line),
// and any of these gzip-compressed (.txt.gz, …). Text is UTF-8, with or without a BOM, or
// UTF-16 with a BOM. Failures come back as InputErrors that say what to do, never thrown.
import type { DocInput } from '../doc.js';
import { readBytes, readJsonRecords } from './bytes.js';
import { decodeText } from './decode.js';
import { InputError } from './errors.js';
import { DEFAULT_LIMITS, formatOf, type Format, type Limits } from './formats.js';
import { fromHtml } from './html.js';
import { articleFromLine, articleFromRecord, type Article } from './json.js';
import { readLines } from './lines.js';
import { fromMarkdown } from './markdown.js';
import { originOf, walkPaths } from './walk.js';

export { readBytes, readJsonRecords } from './bytes.js';
export { fromMarkdown } from './markdown.js';
export type { Article } from './json.js';

/** The extensions sitrep reads (each also gzip-compressed, with .gz after it). */
export const FORMATS = ['.txt', '.md', '.html', '.htm', '.json', '.jsonl'] as const;

export type ReadResult = Article | InputError;

/** Expand the paths given on the command line into a list of files (or "-"), skipping what cannot be read. */
export function expandPaths(paths: string[]): string[] {
  return walkPaths(paths).flatMap((entry) => (entry instanceof InputError ? [] : [entry.path]));
}

/** Decoded text → the article of a one-document format (.txt, .md, .html). */
export function parseDocument(text: string, format: Exclude<Format, 'json' | 'jsonl'>, origin: string, source: string | null): ReadResult {
  if (!text) return new InputError(origin, 'the file is empty', undefined, 'empty');
  if (!text.trim()) return new InputError(origin, 'the file is blank (only white space)', undefined, 'blank');
  let input: Omit<DocInput, 'source'>;
  if (format === 'md') input = fromMarkdown(text);
  else if (format === 'html') input = fromHtml(text);
  else input = { text };
  if (!input.text.trim()) {
    return new InputError(origin, format === 'html' ? 'the page holds no article text' : 'the file holds no article text, only metadata', undefined, 'empty');
  }
  return { origin, input: { ...input, source } };
}

/** One file of a one-document format → its article or an InputError. */
export async function readDocument(path: string, origin: string, format: Exclude<Format, 'json' | 'jsonl'>, gzip: boolean, limits: Limits = DEFAULT_LIMITS): Promise<ReadResult> {
  try {
    const text = decodeText(await readBytes(path, origin, gzip, limits), origin);
    return parseDocument(text, format, origin, origin);
  } catch (error) {
    if (error instanceof InputError) return error;
    return new InputError(origin, `cannot read it: ${(error as Error).message}`, undefined, 'unreadable');
  }
}

/**
 * Read one file (or stdin text) into articles, in the order they appear; failures come back
 * as InputErrors, never thrown. Reads the whole file: batch runs stream JSONL instead.
 */
export async function readArticles(file: string, stdin?: string, limits: Limits = DEFAULT_LIMITS): Promise<ReadResult[]> {
  if (file === '-') return [parseDocument(stdin ?? '', 'txt', '-', null)];
  const origin = originOf(file);
  const kind = formatOf(file);
  if (!kind) return [new InputError(origin, `not a format sitrep reads; sitrep reads ${FORMATS.join(', ')} (and .gz of each)`, undefined, 'format')];
  if (kind.format === 'jsonl') {
    const out: ReadResult[] = [];
    for await (const item of readLines(file, origin, kind.gzip, limits)) {
      out.push(item instanceof InputError ? item : articleFromLine(item.text, origin, item.line));
    }
    return out;
  }
  if (kind.format === 'json') {
    const records = await readJsonRecords(file, origin, kind.gzip, limits);
    if (records instanceof InputError) return [records];
    return records.map(({ value, line }) => articleFromRecord(value, origin, line));
  }
  return [await readDocument(file, origin, kind.format, kind.gzip, limits)];
}
