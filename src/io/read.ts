// Reading articles: files, folders (walked recursively, in sorted order), and "-" for
// standard input. Formats by extension: .txt (plain text), .md (Markdown with optional
// YAML-style front matter), .jsonl (one {id, text, title?, published?, url?} per line).
import { readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import type { DocInput } from '../doc.js';
import { InputError, UsageError } from './errors.js';

export const FORMATS = ['.txt', '.md', '.jsonl'] as const;

export interface Article {
  /** where it came from: the path as given, "path:line" for JSONL, or "-" */
  origin: string;
  input: DocInput;
}

export type ReadResult = Article | InputError;

/** Expand the paths given on the command line into a sorted list of files (or "-"). */
export function expandPaths(paths: string[]): string[] {
  const files: string[] = [];
  for (const path of paths) {
    if (path === '-') {
      files.push('-');
      continue;
    }
    let stat;
    try {
      stat = statSync(path);
    } catch {
      throw new UsageError(`cannot find ${path}: no such file or folder`);
    }
    if (stat.isDirectory()) files.push(...walk(path, new Set()));
    else files.push(path);
  }
  return files;
}

function walk(dir: string, seen: Set<string>): string[] {
  const real = statSync(dir);
  const key = `${real.dev}:${real.ino}`;
  if (seen.has(key)) return []; // a symlink loop
  seen.add(key);
  const out: string[] = [];
  const names = readdirSync(dir).sort();
  for (const name of names) {
    if (name.startsWith('.') || name === 'README.md') continue;
    const path = join(dir, name);
    let stat;
    try {
      stat = statSync(path);
    } catch {
      continue; // a dangling link
    }
    if (stat.isDirectory()) out.push(...walk(path, seen));
    else if ((FORMATS as readonly string[]).includes(extname(name).toLowerCase())) out.push(path);
  }
  return out;
}

/** Read one file (or stdin text) into articles; failures come back as InputErrors, never thrown. */
export async function readArticles(file: string, stdin?: string): Promise<ReadResult[]> {
  const origin = file === '-' ? '-' : relative(process.cwd(), file) || file;
  if (file === '-') return parseArticles(origin, '.txt', stdin ?? '', null);
  let text: string;
  try {
    text = decode(await readFile(file), origin);
  } catch (error) {
    if (error instanceof InputError) return [error];
    return [new InputError(origin, `cannot read it: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)];
  }
  return parseArticles(origin, extname(file).toLowerCase(), text, origin);
}

function parseArticles(origin: string, ext: string, text: string, source: string | null): ReadResult[] {
  if (ext === '.jsonl') return readJsonl(text, origin);
  if (!(FORMATS as readonly string[]).includes(ext)) {
    return [new InputError(origin, `not a format sitrep reads (${ext || 'no extension'}); sitrep reads ${FORMATS.join(', ')}`)];
  }
  if (!text.trim()) return [new InputError(origin, 'the file is empty')];
  if (ext === '.md') return [{ origin, input: { ...fromMarkdown(text), source } }];
  return [{ origin, input: { text, source } }];
}

function decode(bytes: Buffer, origin: string): string {
  if (bytes.includes(0)) {
    const at = bytes.indexOf(0);
    throw new InputError(origin, `not a text file (binary content at byte ${at}); sitrep reads ${FORMATS.join(', ')}`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new InputError(origin, 'not valid UTF-8 text; convert it to UTF-8 first');
  }
}

function readJsonl(text: string, origin: string): ReadResult[] {
  const out: ReadResult[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const where = `${origin}:${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      out.push(new InputError(origin, `line is not valid JSON (${(error as Error).message})`, i + 1));
      return;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      out.push(new InputError(origin, 'line is not a JSON object; each line holds {"id", "text", …}', i + 1));
      return;
    }
    const row = value as Record<string, unknown>;
    if (typeof row.text !== 'string' || !row.text.trim()) {
      out.push(new InputError(origin, 'line has no "text" string', i + 1));
      return;
    }
    const str = (k: string) => (typeof row[k] === 'string' ? (row[k] as string) : typeof row[k] === 'number' ? String(row[k]) : null);
    const published = str('published') ?? str('date');
    if (published !== null && !/^\d{4}-\d{2}-\d{2}/.test(published)) {
      out.push(new InputError(origin, `"published" must be an ISO date (YYYY-MM-DD), not ${JSON.stringify(published)}`, i + 1));
      return;
    }
    out.push({
      origin: where,
      input: { text: row.text, id: str('id'), title: str('title'), published: published?.slice(0, 10) ?? null, url: str('url'), source: where },
    });
  });
  if (out.length === 0) out.push(new InputError(origin, 'the file holds no JSON lines'));
  return out;
}

/** Markdown: front matter gives title and date; markup is reduced to its text. */
export function fromMarkdown(md: string): Omit<DocInput, 'source'> {
  let body = md.replace(/^\uFEFF/, '');
  let title: string | null = null;
  let published: string | null = null;
  const front = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(body);
  if (front) {
    for (const line of front[1]!.split(/\r?\n/)) {
      const m = /^(\w+)\s*:\s*(.*)$/.exec(line);
      if (!m) continue;
      const value = m[2]!.trim().replace(/^["']|["']$/g, '');
      const key = m[1]!.toLowerCase();
      if (key === 'title') title = value;
      if ((key === 'date' || key === 'published') && /^\d{4}-\d{2}-\d{2}/.test(value)) published = value.slice(0, 10);
    }
    body = body.slice(front[0].length);
  }
  const text = body
    .replace(/```[\s\S]*?```/g, '')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_]([^*_\n]+)[*_](?=[^\w*]|$)/g, '$1$2')
    .replace(/^>\s?/gm, '')
    .replace(/^\s*[-*+]\s+/gm, '');
  return { text, title, published };
}
