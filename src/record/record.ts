// Doc → the document record of RECORD.md (schema "sitrep.document/1").
import { createHash } from 'node:crypto';
import type { Doc, Entity, EntityMention, EntityType, Event, Quantity, Warning } from '../doc.js';
import { placeKindWords } from '../lexicons/load.js';
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

/** The types whose mentions are names or descriptions of what they name (not EQUIPMENT or DATE, which are never names). */
const NAMED_TYPES: ReadonlySet<EntityType> = new Set(['PERSON', 'ORG', 'ARMED_GROUP', 'GPE', 'LOC', 'FACILITY', 'NORP', 'MISC']);

/**
 * A mention as the record gives it, marked `nominal` when it describes its referent instead of
 * naming it: its last word has no capital ("Iraqi forces", "the ministry", "police", "the
 * Syrian government"), where a name's has ("Iraqi Army", "Interior Ministry", "Jabhat
 * al-Nusra"). A place's name followed by its kind is a name in lower-case house style
 * ("Belgorod region", "al-Hol camp"). Analysts coding actors tell a named group from a
 * description of one, and NER scorers compare names with names (sitrep eval leaves nominal
 * mentions out against CoNLL's names).
 */
export function recordMention(m: EntityMention, type: EntityType): EntityMention {
  if (!NAMED_TYPES.has(type)) return m;
  // the words with a letter or a digit, without a possessive "'s" ("Boatmen 's", "Salomon Bros .")
  const words = m.text.split(/\s+/).filter((w) => /[\p{L}\d]/u.test(w) && !/^['’]s$/i.test(w));
  const named = (w: string) => /[\p{Lu}\p{Lt}\d]/u.test(w);
  const last = words[words.length - 1];
  // (a people's word inside a mention is told only where the mention describes: "Iraqi troops", not "Iraqi Army")
  const { inner_name, ...name } = m;
  if (last === undefined || named(last)) return name;
  const placeName = PLACE_TYPES.has(type) && words.length > 1 && named(words[words.length - 2]!) && placeKindWords().has(last);
  return placeName ? name : { ...name, nominal: true, ...(inner_name && { inner_name }) };
}
const PLACE_TYPES: ReadonlySet<EntityType> = new Set(['GPE', 'LOC', 'FACILITY']);

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
  if (ids.size !== doc.entities.length) {
    const seen = new Set<string>();
    const twice = doc.entities.find((e) => seen.size === seen.add(e.id).size);
    throw new Error(`two entities share the id ${JSON.stringify(twice?.id)}: a stage made an entity without doc.newEntityId()`);
  }
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
    entities: doc.entities.map((e) => ({ ...e, id: ids.get(e.id)!, mentions: [...e.mentions].sort((a, b) => a.start - b.start).map((m) => recordMention(m, e.type)) })),
    quantities: doc.quantities.map((q): Quantity => ({ ...q, entity: idOf(q.entity) })),
    events: doc.events.map((e) =>
      recordEvent(
        { ...e, source: idOf(e.source), args: e.args.map((a) => ({ ...a, ref: idOf(a.ref) })), ...(e.casualty_claims ? { casualty_claims: e.casualty_claims.map((c) => ({ ...c, source: idOf(c.source) })) } : {}) },
        doc.meta.published,
      ),
    ),
    warnings: doc.warnings,
  };
}

/** The event with its filing date placed after its own date, as RECORD.md lists the fields. */
function recordEvent(event: Event, published: string | null): RecordEvent {
  const { casualties, mappings, mentions, casualty_claims, ...head } = event;
  return { ...head, ...eventDate(event, published), casualties, ...(casualty_claims?.length ? { casualty_claims } : {}), mappings, ...(mentions?.length ? { mentions } : {}) };
}
