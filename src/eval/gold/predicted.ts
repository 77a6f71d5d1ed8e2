// What the scorers read from one of our records: the primary event, an event's arguments with
// the names of the entities they refer to, and the names of entities of some types.
import type { Entity, EntityType, Event, EventArg } from '../../doc.js';
import type { DocumentRecord } from '../../record/record.js';
import { OPENING_TIME_CLAUSE } from '../../text.js';

/**
 * The event a one-event coding (a table row, a PLOVER record) is compared with: the first event
 * when it is a speech act of its own kind (an accusation, a demand, a rejection: a STATEMENT whose
 * PLOVER category is not CONSULT), else the first event that is not a STATEMENT and not
 * background, else the first that is not a STATEMENT, else the first event. Background is an event told inside a time clause that opens its sentence ("A day
 * after a soldier was killed in a PKK attack on a base, a Turkish drone struck …"): the report is
 * about the main clause's event.
 */
export function primaryEvent(record: DocumentRecord): Event | null {
  const deeds = record.events.filter((e) => e.type !== 'STATEMENT');
  // a speech act told first is the report's event ("Palestinians blamed Israel for the bombing",
  // "Poland's parliament demanded an admission"); a plain statement reports another one
  const first = record.events.find((e) => !inOpeningTimeClause(record, e));
  if (first && first.type === 'STATEMENT' && first.mappings.plover !== 'CONSULT' && first.modality === 'asserted') return first;
  return deeds.find((e) => !inOpeningTimeClause(record, e)) ?? deeds[0] ?? record.events[0] ?? null;
}

/** "After …,", "Two days after …,", "A week before …,", "Following …,": the words before the trigger open such a clause and hold no comma. */
function inOpeningTimeClause(record: DocumentRecord, event: Event): boolean {
  const sentence = record.sentences[event.sentence];
  if (!sentence) return false;
  const before = record.text.slice(sentence.start, event.trigger.start);
  return OPENING_TIME_CLAUSE.test(before) && !before.includes(',');
}

/** A record with nothing extracted: what an unmatched gold document is scored against. */
export function emptyRecord(id: string, text: string): DocumentRecord {
  return {
    schema: 'sitrep.document/1',
    doc: { id, source: null, title: null, published: null, url: null, dateline: null },
    text,
    sentences: [],
    entities: [],
    quantities: [],
    events: [],
    warnings: [],
  };
}

export function entityOf(record: DocumentRecord, id: string | null): Entity | undefined {
  return id ? record.entities.find((e) => e.id === id) : undefined;
}

/** An argument as the phrases that may name it: its text, and its entity's name and mentions. */
export function argNames(record: DocumentRecord, arg: EventArg): string[] {
  const entity = entityOf(record, arg.ref);
  return entity ? [arg.text, entity.name, ...entity.mentions.map((m) => m.text)] : [arg.text];
}

export function argsOf(event: Event | null, role: EventArg['role']): EventArg[] {
  return event ? event.args.filter((a) => a.role === role) : [];
}

/** Names and mention texts of the entities of these types. */
export function entityNames(record: DocumentRecord, types: readonly EntityType[]): string[] {
  return record.entities.filter((e) => types.includes(e.type)).flatMap((e) => [e.name, ...e.mentions.map((m) => m.text)]);
}

/** The country an actor entity stands for: kb.country, or IGO/NGO for international and non-governmental organisations. */
export function countryOf(entity: Entity | undefined): string | undefined {
  const kb = entity?.kb ?? {};
  if (typeof kb.country === 'string') return kb.country;
  if (kb.sector === 'igo' || kb.sector === 'ngo') return kb.sector.toUpperCase();
  return undefined;
}
