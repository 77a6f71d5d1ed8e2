// Coded event tables: one event per row, coded the ACLED way, as CSV (RFC 4180, with a header
// row; quoted fields may hold commas, quotes and line breaks), TSV, or JSON lines with the same
// field names. Each row gives the text the event was coded from (`text`, ACLED's `notes`, or
// `sentence`) and any of the coded columns below; the row is the document, and its coding is
// scored against our primary event. A file whose first character is "{" is read as JSON lines.
import { parse } from 'csv-parse/sync';
import { InputError } from '../../io/errors.js';
import { isoDay, jsonLines, optionalCount, optionalString } from './lines.js';
import type { GoldDoc, GoldEvent, GoldSet } from './types.js';

/** the columns a row's text may come from, in order of preference */
export const TEXT_COLUMNS = ['text', 'notes', 'sentence'] as const;
/** the coded columns that are read (any subset) */
export const CODED_COLUMNS = ['event_type', 'sub_event_type', 'event_date', 'location', 'admin1', 'fatalities', 'actor1', 'actor2'] as const;
/** where a row's id comes from, in order of preference */
const ID_COLUMNS = ['id', 'event_id_cnty', 'event_id', 'data_id'] as const;

interface Row {
  line: number;
  fields: Record<string, unknown>;
}

export function readEventTable(path: string, text: string): GoldSet {
  const rows = text.trimStart().startsWith('{') ? jsonLines(path, text).map(({ line, value }) => ({ line, fields: lowerKeys(value) })) : csvRows(path, text);
  if (rows.length === 0) throw new InputError(path, 'the table has no rows');
  const docs = rows.map((row) => toDoc(path, row));
  const columns = CODED_COLUMNS.filter((c) => rows.some((r) => c in r.fields));
  return { path, format: 'events', entityScheme: 'sitrep', columns, docs };
}

function csvRows(path: string, text: string): Row[] {
  let records: Array<{ record: Record<string, string>; info: { lines: number }; raw: string }>;
  try {
    records = parse(text, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      delimiter: /\.tsv$/i.test(path) ? '\t' : ',',
      bom: true,
      skip_empty_lines: true,
      info: true,
      raw: true,
    }) as typeof records;
  } catch (error) {
    const e = error as Error & { lines?: number };
    throw new InputError(path, `not a valid CSV table: ${e.message.replace(/\s+at line \d+.*$/, '')}`, e.lines);
  }
  const header = records[0] ? Object.keys(records[0].record) : firstLineColumns(text);
  if (!TEXT_COLUMNS.some((c) => header.includes(c))) {
    throw new InputError(path, `no text column (columns: ${header.join(', ')}); a coded event table needs one of ${TEXT_COLUMNS.join(', ')}`, 1);
  }
  // info.lines is the line the record ends on; a quoted field may have spanned several
  return records.map(({ record, info, raw }) => ({ line: info.lines - (raw.replace(/\r?\n$/, '').match(/\n/g)?.length ?? 0), fields: record }));
}

function firstLineColumns(text: string): string[] {
  return (text.split(/\r?\n/)[0] ?? '').split(',').map((h) => h.trim().toLowerCase());
}

function lowerKeys(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.toLowerCase(), v]));
}

function toDoc(path: string, { line, fields }: Row): GoldDoc {
  const fail = (message: string): never => {
    throw new InputError(path, message, line);
  };
  const textColumn = TEXT_COLUMNS.find((c) => typeof fields[c] === 'string' && (fields[c] as string).trim());
  if (!textColumn) {
    const has = TEXT_COLUMNS.filter((c) => c in fields);
    fail(has.length ? `the ${has.join('/')} column is empty` : `no text column; a coded event needs one of ${TEXT_COLUMNS.join(', ')}`);
  }
  const get = (column: string) => optionalString(fields[column]);
  const coded: GoldEvent = {};
  const eventType = get('event_type');
  const subEventType = get('sub_event_type');
  if (eventType || subEventType) coded.acled = { ...(eventType ? { event_type: eventType } : {}), ...(subEventType ? { sub_event_type: subEventType } : {}) };
  const date = get('event_date');
  if (date) coded.date = isoDay(date) ?? fail(`"event_date" must be a date like 2024-03-12 or 12 March 2024, not ${JSON.stringify(date)}`);
  const killed = optionalCount(fields.fatalities, 'fatalities', fail);
  if (killed !== undefined) coded.killed = killed;
  for (const column of ['location', 'admin1', 'actor1', 'actor2'] as const) {
    const value = get(column);
    if (value) coded[column] = value;
  }
  const published = get('published');
  const id = ID_COLUMNS.map(get).find(Boolean);
  return {
    id: id ?? `${path}:${line}`,
    where: `${path}:${line}`,
    text: fields[textColumn!] as string,
    ...(published ? { published: isoDay(published) ?? fail(`"published" must be a date like 2024-03-16, not ${JSON.stringify(published)}`) } : {}),
    coded,
  };
}
