// The files of a dataset folder (sitrep extract --out DIR): documents.jsonl with the full
// records, events.jsonl with one flat row per event, errors.jsonl, and run.json.
import { readFileSync } from 'node:fs';
import type { DocumentRecord } from '../record/record.js';
import type { InputError } from './errors.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

export interface RunInfo {
  seconds: number;
  options: Record<string, unknown>;
}

export function eventRows(record: DocumentRecord): Array<Record<string, unknown>> {
  const entity = (id: string | null | undefined) => record.entities.find((e) => e.id === id);
  return record.events.map((event) => {
    const first = (role: string) => event.args.find((a) => a.role === role);
    const name = (role: string) => {
      const arg = first(role);
      return arg ? entity(arg.ref)?.name ?? arg.text : null;
    };
    const place = entity(first('location')?.ref);
    const sentence = record.sentences[event.sentence]!;
    return {
      doc_id: record.doc.id,
      source: record.doc.source,
      published: record.doc.published,
      event_id: event.id,
      type: event.type,
      acled_event_type: event.mappings.acled.event_type,
      acled_sub_event_type: event.mappings.acled.sub_event_type,
      plover: event.mappings.plover,
      date: event.date,
      location: name('location'),
      country: (place?.kb?.country as string | undefined) ?? null,
      admin1: (place?.kb?.admin1 as string | undefined) ?? (place?.kb?.kind === 'admin1' ? place.name : null),
      lat: (place?.kb?.lat as number | undefined) ?? null,
      lon: (place?.kb?.lon as number | undefined) ?? null,
      agent: name('agent'),
      target: name('target'),
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

export function datasetFiles(records: DocumentRecord[], errors: InputError[], run: RunInfo): Record<string, string> {
  const jsonl = (rows: unknown[]) => rows.map((r) => `${JSON.stringify(r)}\n`).join('');
  const events = records.flatMap(eventRows);
  return {
    'documents.jsonl': jsonl(records),
    'events.jsonl': jsonl(events),
    'errors.jsonl': jsonl(errors.map((e) => ({ file: e.file, line: e.line ?? null, reason: e.message }))),
    'run.json': `${JSON.stringify(
      {
        sitrep: pkg.version,
        documents: records.length,
        failed: errors.length,
        events: events.length,
        entities: records.reduce((n, r) => n + r.entities.length, 0),
        seconds: Number(run.seconds.toFixed(2)),
        options: run.options,
      },
      null,
      2,
    )}\n`,
  };
}
