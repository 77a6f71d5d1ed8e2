// Dates as they appear in metadata headers: ISO ("2024-03-16", "2024/03/16",
// "2024-03-16T09:30:00Z") or written out ("March 16, 2024", "16 March 2024").
import { MONTHS } from '../../text.js';

const MONTH_PREFIXES: string[] = MONTHS.map((m) => m.slice(0, 3));
const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?/;
const MDY = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})/;
const DMY = /^(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})/;

export interface HeaderDate { iso: string; length: number }

export function parseHeaderDate(text: string): HeaderDate | null {
  let m = ISO.exec(text);
  if (m) return build(+m[1]!, +m[2]!, +m[3]!, m[0].length);
  m = MDY.exec(text);
  if (m) return build(+m[3]!, monthOf(m[1]!), +m[2]!, m[0].length);
  m = DMY.exec(text);
  if (m) return build(+m[3]!, monthOf(m[2]!), +m[1]!, m[0].length);
  return null;
}

function monthOf(name: string): number {
  return MONTH_PREFIXES.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

function build(year: number, month: number, day: number, length: number): HeaderDate | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null; // 31 February
  return { iso: date.toISOString().slice(0, 10), length };
}
