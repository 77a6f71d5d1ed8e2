// Doc → the document record of RECORD.md (schema "sitrep.document/1").
import { createHash } from 'node:crypto';
import type { Doc, Entity, Event, Quantity, Warning } from '../doc.js';
import { eventDate, type EventDate } from './event-date.js';

export const SCHEMA = 'sitrep.document/1';

/** An event as the record gives it: the pipeline's event and the date an analyst files it under (absent from records written before these fields existed). */
export type RecordEvent = Event & Partial<EventDate>;

export interface DocumentRecord {
  schema: typeof SCHEMA;
  doc: {
    id: string;
    source: string | null;
    title: string | null;
    published: string | null;
    url: string | null;
    dateline: string | null;
  };
  text: string;
  sentences: Array<{ start: number; end: number; heading: boolean }>;
  entities: Entity[];
  quantities: Quantity[];
  events: RecordEvent[];
  warnings: Warning[];
}

/** A stable id from the normalized text: the same article gets the same id wherever it is read from. */
export function documentId(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/**
 * The record of a processed Doc. Entities are numbered e1, e2, … in the order of doc.entities
 * (by first mention, the speakers the event stage described last), whichever stages ran, and
 * every reference to an entity (a quantity's entity, an argument's ref, an event's source)
 * takes its number.
 */
export function toRecord(doc: Doc): DocumentRecord {
  const ids = new Map<string, string>();
  doc.entities.forEach((e, i) => ids.set(e.id, `e${i + 1}`));
  const idOf = (ref: string | null): string | null => (ref === null ? null : ids.get(ref) ?? ref);
  return {
    schema: SCHEMA,
    doc: {
      id: doc.meta.id ?? documentId(doc.text),
      source: doc.meta.source,
      title: doc.meta.title,
      published: doc.meta.published,
      url: doc.meta.url,
      dateline: doc.meta.dateline,
    },
    text: doc.text,
    sentences: doc.sentences.map((s) => ({ start: s.start, end: s.end, heading: s.heading })),
    entities: doc.entities.map((e) => ({ ...e, id: ids.get(e.id)!, mentions: [...e.mentions].sort((a, b) => a.start - b.start) })),
    quantities: doc.quantities.map((q): Quantity => ({ ...q, entity: idOf(q.entity) })),
    events: doc.events.map((e) => recordEvent({ ...e, source: idOf(e.source), args: e.args.map((a) => ({ ...a, ref: idOf(a.ref) })) }, doc.meta.published)),
    warnings: doc.warnings,
  };
}

/** The event with its filing date placed after its own date, as RECORD.md lists the fields. */
function recordEvent(event: Event, published: string | null): RecordEvent {
  const { casualties, mappings, ...head } = event;
  return { ...head, ...eventDate(event, published), casualties, mappings };
}
