// JSON and JSONL articles: each record is {"id", "text", "title"?, "published"?, "url"?};
// a .json file holds one record or an array of them, a .jsonl file one record per line.
import type { DocInput } from '../doc.js';
import { InputError } from './errors.js';
import { isoDate, metaString } from './meta.js';

export interface Article {
  /** where it came from: the path as given, "path:line" for JSONL and JSON arrays, or "-" */
  origin: string;
  input: DocInput;
}

/** One parsed record → an article, or the InputError that says what is wrong with it. */
export function articleFromRecord(value: unknown, file: string, line: number | undefined, what = 'record'): Article | InputError {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return new InputError(file, `${what} is not a JSON object; each record holds {"id", "text", …}`, line, 'json');
  }
  const row = value as Record<string, unknown>;
  if (typeof row.text !== 'string') return new InputError(file, `${what} has no "text" string`, line, 'json');
  if (!row.text) return new InputError(file, `${what} has an empty "text"`, line, 'empty');
  if (!row.text.trim()) return new InputError(file, `${what} has a blank "text" (only white space)`, line, 'blank');
  const nul = row.text.indexOf('\u0000');
  // as in a .txt file: a NUL character is not text
  if (nul >= 0) return new InputError(file, `${what}'s "text" holds a NUL character (at character ${nul}); it is not text`, line, 'binary');
  const rawPublished = row.published ?? row.date ?? null;
  const published = rawPublished === null ? null : isoDate(rawPublished);
  if (rawPublished !== null && published === null) {
    return new InputError(file, `"published" must be a date such as 2024-03-16, not ${JSON.stringify(rawPublished)}`, line, 'json');
  }
  const origin = line ? `${file}:${line}` : file;
  return {
    origin,
    input: { text: row.text, id: metaString(row.id), title: metaString(row.title), published, url: metaString(row.url), source: origin },
  };
}

/** One JSONL line → an article or an error naming the line. */
export function articleFromLine(text: string, file: string, line: number): Article | InputError {
  // as in a .txt file: a NUL byte is not text (a JSON string cannot hold one raw anyway)
  const nul = text.indexOf('\u0000');
  if (nul >= 0) return new InputError(file, `line holds a NUL byte (at character ${nul}); it is not text`, line, 'binary');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return new InputError(file, `line is not valid JSON (${(error as Error).message})`, line, 'json');
  }
  return articleFromRecord(value, file, line, 'line');
}

/**
 * A .json file's records: an array of records (each named by the line where it starts) or a
 * single record (named by the file).
 */
export function recordsOfJson(text: string, file: string): Array<{ value: unknown; line: number | undefined }> | InputError {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return new InputError(file, `not valid JSON (${(error as Error).message})`, undefined, 'json');
  }
  if (!Array.isArray(value)) return [{ value, line: undefined }];
  if (value.length === 0) return new InputError(file, 'the file holds an empty array', undefined, 'empty');
  const lines = arrayElementLines(text);
  return value.map((v, i) => ({ value: v, line: lines[i] ?? 1 }));
}

/** The line (1-based) on which each element of a top-level JSON array starts. */
export function arrayElementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expectValue = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 32 || c === 9 || c === 10 || c === 13) continue;
    if (depth === 1 && expectValue) {
      lines.push(line);
      expectValue = false;
    }
    if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      depth++;
      if (depth === 1 && c === 91) expectValue = true;
    } else if (c === 93 || c === 125) depth--;
    else if (c === 44 && depth === 1) expectValue = true;
  }
  return lines;
}
