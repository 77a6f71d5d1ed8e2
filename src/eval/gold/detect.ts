// Which gold format a file holds, from its extension and its first lines.
import { extname } from 'node:path';
import { TEXT_COLUMNS } from './events.js';
import type { GoldFormat } from './types.js';

const CONLL_LINE = /^\S+(?:\s+\S+)*\s+(?:O|[BI]-[A-Z]+)$/;
const CODED_FIELDS = ['event_type', 'sub_event_type', 'event_date', 'fatalities', 'actor1', 'actor2', 'notes', 'admin1'];

/** The format of a gold file, or null when neither the name nor the first lines tell. */
export function detectFormat(path: string, firstLines: string[]): GoldFormat | null {
  const ext = extname(path).toLowerCase();
  const lines = firstLines.map((l) => l.trim()).filter(Boolean);
  if (['.conll', '.bio', '.iob', '.iob1', '.iob2'].includes(ext)) return 'conll';
  if (ext === '.csv' || ext === '.tsv') return 'events';
  const first = lines[0];
  if (first === undefined) return null;
  if (first.startsWith('{')) return jsonFormat(first);
  if (lines.every((l) => l.startsWith('-DOCSTART-') || CONLL_LINE.test(l))) return 'conll';
  const header = first.toLowerCase().split(/[,\t]/).map((h) => h.trim().replace(/^"|"$/g, ''));
  if (header.length > 1 && header.some((h) => (TEXT_COLUMNS as readonly string[]).includes(h))) return 'events';
  return null;
}

function jsonFormat(line: string): GoldFormat | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const row = value as Record<string, unknown>;
  const gold = row.gold as Record<string, unknown> | undefined;
  if (gold && typeof gold === 'object' && ('who' in gold || 'where' in gold || 'when' in gold)) return 'giveme5w1h';
  if (typeof row.event === 'string' && ('source' in row || 'target' in row)) return 'plover';
  const keys = Object.keys(row).map((k) => k.toLowerCase());
  if (keys.some((k) => CODED_FIELDS.includes(k))) return 'events';
  if ('text' in row) return 'sitrep';
  return null;
}
