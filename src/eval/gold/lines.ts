// Reading a gold file: UTF-8 text, JSON lines with their line numbers, and the small value
// checks the readers share. Every problem is an InputError naming the file and the line.
import { readFileSync } from 'node:fs';
import { InputError, UsageError } from '../../io/errors.js';
import { MONTHS } from '../../text.js';

/** The file as text; a missing file is a usage error, a binary or non-UTF-8 one an input error. */
export function readTextFile(path: string, what = 'gold file'): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`cannot find the ${what} ${path}`);
    if (code === 'EISDIR') throw new UsageError(`${path} is a folder; sitrep eval reads one ${what}`);
    throw new InputError(path, `cannot read it: ${code ?? (error as Error).message}`);
  }
  if (bytes.includes(0)) throw new InputError(path, `not a text file (binary content at byte ${bytes.indexOf(0)})`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(path, 'not valid UTF-8 text; convert it to UTF-8 first');
  }
}

export interface JsonLine {
  /** 1-based */
  line: number;
  value: Record<string, unknown>;
}

/** Each non-blank line parsed as a JSON object. */
export function jsonLines(path: string, text: string): JsonLine[] {
  const out: JsonLine[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (!raw.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      throw new InputError(path, `line is not valid JSON (${(error as Error).message})`, i + 1);
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new InputError(path, 'line is not a JSON object', i + 1);
    out.push({ line: i + 1, value: value as Record<string, unknown> });
  });
  if (out.length === 0) throw new InputError(path, 'the file holds no gold documents');
  return out;
}

/** A non-empty string, a number as a string, or undefined. */
export function optionalString(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const s = value.trim();
  return s ? s : undefined;
}

/** A whole number ≥ 0 from a number or a numeric string; undefined when empty; an error otherwise. */
export function optionalCount(value: unknown, field: string, fail: (message: string) => never): number | undefined {
  if (value === null || value === undefined) return undefined;
  const s = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : null;
  if (s === '') return undefined;
  if (s === null || !/^\d+$/.test(s)) fail(`"${field}" must be a whole number, not ${JSON.stringify(value)}`);
  return Number(s);
}

/**
 * A coded date as YYYY-MM-DD: "2024-03-12", "12 March 2024" (ACLED's export), "March 12, 2024",
 * "2024-03-12T…"; YYYY and YYYY-MM pass through. Undefined when it is none of these.
 */
export function isoDay(value: string): string | undefined {
  const s = value.trim();
  const iso = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ].*)?$/.exec(s);
  if (iso) return [iso[1], iso[2], iso[3]].filter(Boolean).join('-');
  const month = (name: string) => MONTHS.findIndex((m) => m.startsWith(name.toLowerCase().replace(/\.$/, '')) && name.length >= 3) + 1;
  const pad = (n: number) => String(n).padStart(2, '0');
  let m = /^(\d{1,2})\s+([A-Za-z]+\.?),?\s+(\d{4})$/.exec(s);
  if (m && month(m[2]!)) return `${m[3]}-${pad(month(m[2]!))}-${pad(Number(m[1]))}`;
  m = /^([A-Za-z]+\.?)\s+(\d{1,2}),?\s+(\d{4})$/.exec(s);
  if (m && month(m[1]!)) return `${m[3]}-${pad(month(m[1]!))}-${pad(Number(m[2]))}`;
  return undefined;
}
