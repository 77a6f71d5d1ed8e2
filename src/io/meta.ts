// Metadata values as inputs write them, made into what a DocInput holds.

import { MONTHS } from '../text.js';

/**
 * A publication date as written in metadata → YYYY-MM-DD, or null. Takes ISO dates and
 * timestamps (the date as written, whatever the offset: "2024-03-16T23:30:00-05:00" is
 * 2024-03-16), "16 March 2024", "March 16, 2024" and RFC 2822 dates ("Sat, 16 Mar 2024 …");
 * never asks the machine's time zone, so every machine reads the same date.
 */
export function isoDate(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return null;
  const s = value.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})(?:$|T)/.exec(s);
  if (m) return valid(m[1]!, m[2]!, m[3]!);
  m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})\b/.exec(s);
  if (m) return valid(m[1]!, m[2]!, m[3]!);
  m = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+(\d{4})\b/i.exec(s);
  if (m) return month(m[3]!, m[2]!, m[1]!);
  m = /\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/i.exec(s);
  if (m) return month(m[3]!, m[1]!, m[2]!);
  return null;
}

function month(year: string, name: string, day: string): string | null {
  const prefix = name.slice(0, 3).toLowerCase();
  const index = MONTHS.findIndex((m) => m.slice(0, 3) === prefix);
  if (index < 0) return null;
  return valid(year, String(index + 1), day);
}

function valid(year: string, monthValue: string, day: string): string | null {
  const y = Number(year);
  const mo = Number(monthValue);
  const d = Number(day);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1000) return null;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1) return null; // 31 April
  return `${year.padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A metadata value as a string: strings trimmed, numbers written out, anything else null. */
export function metaString(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}
