// One coded event per document (a row of an ACLED-style table, a PLOVER record) against our
// primary event (predicted.ts). Each coded column is scored as an accuracy over the documents
// that code it; event types also per type (P/R/F) with a confusion matrix. Names (location,
// admin1, actors) are compared by token overlap (text-match.ts); counts treat "no number" as 0.
import type { Event, EventArg } from '../../doc.js';
import type { DocumentRecord } from '../../record/record.js';
import { Accuracy, LabelScore, PRF, type AccuracyJSON, type LabelJSON, type PRFJSON } from '../score.js';
import type { DocErrors } from './doc-errors.js';
import { codeEvent, type CodedActor } from '../../export/coded.js';
import { argNames, argsOf, countryOf, entityNames, entityOf, primaryEvent } from './predicted.js';
import { actorName, foundAmong, OVERLAP_THRESHOLD, tokenOverlap } from './text-match.js';
import type { GoldActor, GoldDoc, GoldEvent } from './types.js';

/** The coded columns, by ACLED's names (PLOVER's dead and eventLoc are read as fatalities and location). */
export const COLUMNS = ['event_type', 'sub_event_type', 'event_date', 'location', 'admin1', 'fatalities', 'injured', 'actor1', 'actor2'] as const;
export type Column = (typeof COLUMNS)[number];

/** Which columns a coded event gives. */
export function columnsOf(coded: GoldEvent): Column[] {
  const has: Record<Column, boolean> = {
    event_type: coded.acled?.event_type !== undefined,
    sub_event_type: coded.acled?.sub_event_type !== undefined,
    event_date: coded.date !== undefined,
    location: coded.location !== undefined,
    admin1: coded.admin1 !== undefined,
    fatalities: coded.killed !== undefined,
    injured: coded.injured !== undefined,
    actor1: coded.actor1 !== undefined,
    actor2: coded.actor2 !== undefined,
  };
  return COLUMNS.filter((c) => has[c]);
}

/** the entity types a coded location or admin1 is looked for among */
/** Accuracy per coded column; the two type columns also per type. */
export type ColumnsJSON = Partial<Record<'event_type' | 'sub_event_type', LabelJSON>> & Partial<Record<Exclude<Column, 'event_type' | 'sub_event_type'>, AccuracyJSON>>;

export interface PloverJSON {
  type: LabelJSON;
  any: AccuracyJSON;
  source: PRFJSON;
  target: PRFJSON;
  country: AccuracyJSON;
}

const PLACE_TYPES = ['GPE', 'LOC'] as const;

export class ColumnScore {
  readonly eventType = new LabelScore();
  readonly subEventType = new LabelScore();
  readonly accuracy = new Map<Column, Accuracy>();

  /** @param columns the columns the gold file has: each is reported, null where no row fills it */
  constructor(readonly columns: readonly Column[]) {
    for (const c of columns) if (c !== 'event_type' && c !== 'sub_event_type') this.accuracy.set(c, new Accuracy());
  }

  add(gold: GoldDoc, record: DocumentRecord, errors: DocErrors): void {
    const coded = gold.coded;
    if (!coded) return;
    const primary = primaryEvent(record);
    const wrong = (column: string, want: unknown, got: unknown) => {
      errors.missed.push(`${column} ${JSON.stringify(want)}`);
      errors.spurious.push(`${column} ${got === undefined ? '(nothing)' : JSON.stringify(got)}`);
    };
    const label = (score: LabelScore, column: string, want: string | undefined, got: string | null) => {
      if (want === undefined) return;
      score.add(want, got);
      if (want !== got) wrong(column, want, got ?? undefined);
    };
    label(this.eventType, 'event_type', coded.acled?.event_type, primary?.mappings.acled?.event_type ?? null);
    label(this.subEventType, 'sub_event_type', coded.acled?.sub_event_type, primary?.mappings.acled?.sub_event_type ?? null);

    const check = (column: Column, want: unknown, ok: boolean, got: unknown) => {
      if (want === undefined) return;
      (this.accuracy.get(column) ?? this.accuracy.set(column, new Accuracy()).get(column)!).add(ok);
      if (!ok) wrong(column, want, got);
    };
    const places = entityNames(record, PLACE_TYPES);
    const admin1s = record.entities
      .filter((e) => (PLACE_TYPES as readonly string[]).includes(e.type))
      .map((e) => e.kb?.admin1)
      .filter((a): a is string => typeof a === 'string');
    const killed = primary?.casualties.killed ?? 0;
    const injured = primary?.casualties.injured ?? 0;
    check('event_date', coded.date, primary?.date === coded.date, primary?.date ?? undefined);
    const placeList = places.length ? [...new Set(places)].join(' | ') : undefined;
    check('location', coded.location, coded.location !== undefined && foundAmong(coded.location, places), placeList);
    check('admin1', coded.admin1, coded.admin1 !== undefined && foundAmong(coded.admin1, [...places, ...admin1s]), placeList);
    check('fatalities', coded.killed, killed === coded.killed, killed);
    check('injured', coded.injured, injured === coded.injured, injured);
    // the actors as our ACLED export names them ("Protesters (Kenya)", "Military Forces of Russia"),
    // and by the words the text names them with ("SDF" of "an SDF checkpoint"), count too
    const ours = primary ? codeEvent(record, primary) : null;
    const named = (actors: CodedActor[] | undefined) => (actors ?? []).flatMap((a) => [a.name, a.text]);
    check('actor1', coded.actor1, coded.actor1 !== undefined && actorFound(coded.actor1, record, argsOf(primary, 'agent'), named(ours?.actors1)), argTexts(primary, 'agent'));
    check('actor2', coded.actor2, coded.actor2 !== undefined && actorFound(coded.actor2, record, argsOf(primary, 'target'), named(ours?.actors2)), argTexts(primary, 'target'));
  }

  toJSON(): ColumnsJSON {
    const out: ColumnsJSON = {};
    for (const c of this.columns) {
      if (c === 'event_type') out[c] = this.eventType.toJSON();
      else if (c === 'sub_event_type') out[c] = this.subEventType.toJSON();
      else out[c] = this.accuracy.get(c)!.toJSON();
    }
    return out;
  }
}

function argTexts(event: Event | null, role: EventArg['role']): string | undefined {
  const texts = argsOf(event, role).map((a) => a.text);
  return texts.length ? texts.join(' | ') : undefined;
}

/** An ACLED actor name against our arguments and their ACLED names, all reduced by actorName(). */
function actorFound(actor: string, record: DocumentRecord, args: EventArg[], acledNames: string[]): boolean {
  return foundAmong(actorName(actor), [...args.flatMap((a) => argNames(record, a)), ...acledNames].map(actorName));
}

/**
 * PLOVER codings: the event type of our primary event (accuracy, P/R/F per type, confusion),
 * whether any of our events has it, the source and target actors against the primary event's
 * agents and targets (P/R/F: a gold actor is found when one of our arguments names it, and one
 * argument may name several; an argument that names no gold actor is spurious), and the
 * country codes of the actors found as the entity an argument refers to.
 */
export class PloverScore {
  readonly type = new LabelScore();
  readonly any = new Accuracy();
  readonly source = new PRF();
  readonly target = new PRF();
  readonly country = new Accuracy();

  add(gold: GoldDoc, record: DocumentRecord, errors: DocErrors): void {
    const coded = gold.coded;
    if (!coded?.plover) return;
    const primary = primaryEvent(record);
    const got = primary?.mappings.plover ?? null;
    this.type.add(coded.plover, got);
    const anyHit = record.events.some((e) => e.mappings.plover === coded.plover);
    this.any.add(anyHit);
    if (got !== coded.plover) {
      errors.missed.push(`plover ${coded.plover}`);
      errors.spurious.push(`plover ${got ?? '(no event)'}${anyHit ? ' (another event has it)' : ''}`);
    }
    if (coded.sourceActors) this.actors('source', coded.sourceActors, argsOf(primary, 'agent'), record, this.source, errors);
    if (coded.targetActors) this.actors('target', coded.targetActors, argsOf(primary, 'target'), record, this.target, errors);
  }

  private actors(side: string, gold: GoldActor[], args: EventArg[], record: DocumentRecord, prf: PRF, errors: DocErrors): void {
    const names = (a: EventArg) => argNames(record, a);
    const used = new Set<EventArg>();
    for (const actor of gold) {
      // one argument may name several actors ("Hungarian and Romanian officials")
      const arg = args.find((a) => names(a).some((n) => tokenOverlap(actor.text, n) >= OVERLAP_THRESHOLD));
      if (!arg) {
        prf.add({ tp: 0, fp: 0, fn: 1 });
        errors.missed.push(`${side} actor ${JSON.stringify(actor.text)}`);
        continue;
      }
      used.add(arg);
      prf.add({ tp: 1, fp: 0, fn: 0 });
      // the country is compared when the actor is the entity the argument refers to
      const entity = entityOf(record, arg.ref);
      const ours = countryOf(entity);
      const isEntity = entity && [entity.name, ...entity.mentions.map((m) => m.text)].some((n) => tokenOverlap(actor.text, n) >= OVERLAP_THRESHOLD);
      if (actor.country && ours && isEntity) {
        this.country.add(actor.country === ours);
        if (actor.country !== ours) {
          errors.missed.push(`${side} actor ${JSON.stringify(actor.text)} country ${actor.country}`);
          errors.spurious.push(`${side} actor ${JSON.stringify(entity.name)} country ${ours}`);
        }
      }
    }
    for (const a of args) {
      if (used.has(a)) continue;
      prf.add({ tp: 0, fp: 1, fn: 0 });
      errors.spurious.push(`${side} actor ${JSON.stringify(a.text)}`);
    }
  }

  toJSON(): PloverJSON {
    return { type: this.type.toJSON(), any: this.any.toJSON(), source: this.source.toJSON(), target: this.target.toJSON(), country: this.country.toJSON() };
  }
}
