// The files `sitrep link` writes into a dataset folder: incidents.jsonl (one incident a line,
// with its events, every source's casualty figures and the earliest report), incidents.csv (one
// flat row per incident) and, with --format acled, incidents-acled.csv (ACLED's columns, one row
// per incident, `source` listing every source).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvField } from '../io/dataset.js';
import { codedEvents, type CodedActor } from '../export/coded.js';
import { ACLED_HEADER, acledLine, acledRow, primaryPlace } from '../export/acled.js';
import { datasetRecords, noteInRunJson } from '../export/formats.js';
import { placeColumns, type EventPlace } from '../record/places.js';
import { linkEvents, type Figure, type Incident, type LinkOptions } from './link.js';

const place = (p: EventPlace) => ({ name: p.name, country: p.country, admin1: p.admin1, admin2: p.admin2, lat: p.lat, lon: p.lon, geo_precision: p.geo_precision, geonames: p.geonames });
const actor = (a: CodedActor) => ({ name: a.name, country: a.country, sector: a.sector, inter: a.inter });

/** An incidents.jsonl line. */
export function incidentLine(i: Incident): string {
  const { merged: _merged, ...rest } = i;
  return `${JSON.stringify({ ...rest, places: i.places.map(place), actors1: i.actors1.map(actor), actors2: i.actors2.map(actor) })}\n`;
}

export const INCIDENT_COLUMNS = [
  'incident_id', 'event_type', 'sub_event_type', 'event_date', 'time_precision', 'location', 'country', 'admin1', 'lat', 'lon', 'geo_precision',
  'actor1', 'actor2', 'events', 'documents', 'sources', 'killed', 'killed_min', 'killed_max', 'injured', 'captured', 'earliest_doc_id', 'earliest_published', 'event_ids',
] as const;

/** "7", or "5-9" when the sources disagree */
const figureText = (f: Figure) => (f.min === null ? null : f.value !== null ? String(f.value) : `${f.min}-${f.max}`);

export function incidentCsvLine(i: Incident): string {
  const p = primaryPlace(i.places);
  const row: Record<(typeof INCIDENT_COLUMNS)[number], string | number | null> = {
    incident_id: i.id,
    event_type: i.event_type,
    sub_event_type: i.sub_event_type,
    event_date: i.event_date,
    time_precision: i.time_precision,
    ...placeColumns(p),
    actor1: i.actors1.map((a) => a.name).join('; ') || null,
    actor2: i.actors2.map((a) => a.name).join('; ') || null,
    events: i.events.length,
    documents: i.documents,
    sources: i.sources.join('; ') || null,
    killed: figureText(i.killed),
    killed_min: i.killed.min,
    killed_max: i.killed.max,
    injured: figureText(i.injured),
    captured: figureText(i.captured),
    earliest_doc_id: i.earliest_report.doc_id,
    earliest_published: i.earliest_report.published,
    event_ids: i.events.map((e) => `${e.doc_id}-${e.event_id}`).join('; '),
  };
  return `${INCIDENT_COLUMNS.map((c) => csvField(row[c])).join(',')}\r\n`;
}

/** The ACLED row of an incident: its merged event, every source, the lowest fatality figure (ACLED's rule when reports differ), each report's sentence in the notes. */
export function incidentAcledLine(i: Incident): string {
  const notes = [...new Set(i.events.map((e) => e.notes))].join(' | ');
  return acledLine(acledRow(i.merged, { id: i.id, sources: i.sources, notes, fatalities: i.killed.min }));
}

export interface LinkCounts {
  events: number;
  incidents: number;
  linked_events: number;
  seconds: number;
}

/** Links the events of a dataset folder and writes the incident files into it. */
export async function linkDataset(dir: string, options: LinkOptions & { acled?: boolean } = {}): Promise<LinkCounts> {
  const started = performance.now();
  const events = [];
  for await (const record of datasetRecords(dir)) events.push(...codedEvents(record));
  const incidents = linkEvents(events, options);
  writeFileSync(join(dir, 'incidents.jsonl'), incidents.map(incidentLine).join(''));
  writeFileSync(join(dir, 'incidents.csv'), `${INCIDENT_COLUMNS.join(',')}\r\n${incidents.map(incidentCsvLine).join('')}`);
  if (options.acled) writeFileSync(join(dir, 'incidents-acled.csv'), ACLED_HEADER + incidents.map(incidentAcledLine).join(''));
  const counts = {
    events: events.length,
    incidents: incidents.length,
    linked_events: incidents.filter((i) => i.events.length > 1).reduce((n, i) => n + i.events.length, 0),
    seconds: Number(((performance.now() - started) / 1000).toFixed(2)),
  };
  noteInRunJson(dir, 'link', { events: counts.events, incidents: counts.incidents, linked_events: counts.linked_events });
  return counts;
}
