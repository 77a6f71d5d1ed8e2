// The files of a dataset folder (sitrep extract --out DIR): documents.jsonl with the full
// records, events.jsonl and events.csv with one flat row per event, errors.jsonl with one line
// per input that failed, and run.json. Each record is serialized on its own (the batch runner
// writes them as they come); datasetFiles() gives a whole small dataset at once.
import { readFileSync } from 'node:fs';
import type { DocumentRecord } from '../record/record.js';
import { eventPlaces, placeColumns } from '../record/places.js';
import type { InputError } from './errors.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

export const SITREP_VERSION = pkg.version;

/** The data files of a dataset, in the order they are listed to users. */
export const DATA_FILES = ['documents.jsonl', 'events.jsonl', 'events.csv', 'errors.jsonl'] as const;
export type DataFile = (typeof DATA_FILES)[number];

/** The columns of events.jsonl and events.csv, in order. */
export const EVENT_COLUMNS = [
  'doc_id', 'source', 'published', 'event_id', 'type', 'acled_event_type', 'acled_sub_event_type', 'plover', 'date',
  'event_date', 'time_precision', 'location', 'country', 'admin1', 'lat', 'lon', 'geo_precision', 'locations',
  'agent', 'agent_country', 'agent_sector', 'target', 'target_country', 'target_sector', 'instrument', 'killed', 'injured', 'captured',
  'modality', 'claimant', 'trigger', 'start', 'end', 'sentence',
] as const;

export type EventRow = Record<(typeof EVENT_COLUMNS)[number], string | number | null>;

export interface RunInfo {
  seconds: number;
  options: Record<string, unknown>;
}

export function eventRows(record: DocumentRecord): EventRow[] {
  const entities = new Map(record.entities.map((e) => [e.id, e]));
  const entity = (id: string | null | undefined) => (id ? entities.get(id) : undefined);
  return record.events.map((event) => {
    const first = (role: string) => event.args.find((a) => a.role === role);
    const name = (role: string) => {
      const arg = first(role);
      return arg ? entity(arg.ref)?.name ?? arg.text : null;
    };
    // the most precise place is the event's location; the others follow it in `locations`
    const places = eventPlaces(event, entities);
    const place = places[0];
    const code = (role: string) => first(role)?.kb;
    const sentence = record.sentences[event.sentence]!;
    return {
      doc_id: record.doc.id,
      source: record.doc.source,
      published: record.doc.published,
      event_id: event.id,
      type: event.type,
      acled_event_type: event.mappings.acled?.event_type ?? '',
      acled_sub_event_type: event.mappings.acled?.sub_event_type ?? '',
      plover: event.mappings.plover,
      date: event.date,
      event_date: event.event_date ?? null,
      time_precision: event.time_precision ?? null,
      ...placeColumns(place),
      locations: places.length ? places.map((p) => p.name).join('; ') : null,
      agent: name('agent'),
      agent_country: code('agent')?.country ?? null,
      agent_sector: code('agent')?.sector ?? null,
      target: name('target'),
      target_country: code('target')?.country ?? null,
      target_sector: code('target')?.sector ?? null,
      instrument: name('instrument'),
      killed: event.casualties.killed,
      injured: event.casualties.injured,
      captured: event.casualties.captured,
      modality: event.modality,
      claimant: entity(event.source)?.name ?? null,
      trigger: event.trigger.text,
      start: event.trigger.start,
      end: event.trigger.end,
      sentence: record.text.slice(sentence.start, sentence.end),
    };
  });
}

/** The header line of events.csv. */
export const CSV_HEADER = `${EVENT_COLUMNS.join(',')}\r\n`;

/** One CSV field (RFC 4180): null is empty, a field with a comma, quote or line break is quoted. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvLine = (row: EventRow) => `${EVENT_COLUMNS.map((c) => csvField(row[c])).join(',')}\r\n`;

/** An errors.jsonl line. */
export function errorLine(error: InputError): string {
  return `${JSON.stringify({ file: error.file, line: error.line ?? null, code: error.code, reason: error.message })}\n`;
}

/** What a record adds to each data file of a dataset. */
export function recordLines(record: DocumentRecord): { documents: string; events: string; csv: string } {
  const rows = eventRows(record);
  return {
    documents: `${JSON.stringify(record)}\n`,
    events: rows.map((r) => `${JSON.stringify(r)}\n`).join(''),
    csv: rows.map(csvLine).join(''),
  };
}

/** A whole dataset at once, for small runs and tests; the batch runner writes the same bytes as it goes. */
export function datasetFiles(records: DocumentRecord[], errors: InputError[], run: RunInfo): Record<string, string> {
  const lines = records.map(recordLines);
  const events = records.reduce((n, r) => n + r.events.length, 0);
  return {
    'documents.jsonl': lines.map((l) => l.documents).join(''),
    'events.jsonl': lines.map((l) => l.events).join(''),
    'events.csv': CSV_HEADER + lines.map((l) => l.csv).join(''),
    'errors.jsonl': errors.map(errorLine).join(''),
    'run.json': `${JSON.stringify(
      {
        sitrep: pkg.version,
        documents: records.length,
        failed: errors.length,
        events,
        entities: records.reduce((n, r) => n + r.entities.length, 0),
        seconds: Number(run.seconds.toFixed(2)),
        options: run.options,
      },
      null,
      2,
    )}\n`,
  };
}
