// RECORD.md's taxonomy, read from lexicons/taxonomy.json: each sitrep event type with the
// groups the event stage sorts it into (violent, strike, effect…), the roles it looks for,
// and its ACLED event/sub-event type and PLOVER category. A few mappings depend on what the
// text says about the target or the agent, or on the trigger's lemma.
import type { Event, EventType } from '../../doc.js';
import type { TaxonomyRow } from '../../lexicons/load.js';

export type Mapping = Event['mappings'];
export type TypeGroup = 'violent' | 'absorbsKilling' | 'strike' | 'effect' | 'casualties';
export type OptionalRole = TaxonomyRow['roles'][number];

export interface MappingContext {
  /** the trigger's lemma */
  lemma: string;
  /** the target is civilians (or the casualties are) */
  civilianTarget: boolean;
  /** the target is soldiers, forces or military equipment */
  militaryTarget: boolean;
  /** the agent is a state's forces or government */
  stateAgent: boolean;
}

const mapping = (acled: [string, string], plover: string): Mapping => ({ acled: { event_type: acled[0], sub_event_type: acled[1] }, plover });

export class Taxonomy {
  private rows = new Map<EventType, TaxonomyRow>();
  /** the rows' lemma patterns, compiled once */
  private patterns = new Map<string, RegExp>();

  constructor(rows: readonly TaxonomyRow[]) {
    for (const row of rows) {
      this.rows.set(row.type, row);
      for (const source of [...(row.when ?? []).flatMap((w) => (w.lemma === undefined ? [] : [w.lemma])), ...(row.ploverByLemma ?? []).map(([re]) => re)]) this.patterns.set(source, new RegExp(source));
    }
  }

  private row(type: EventType): TaxonomyRow {
    const row = this.rows.get(type);
    if (!row) throw new Error(`event type ${type} has no row in the taxonomy (src/lexicons/taxonomy.json)`);
    return row;
  }

  /** Is the type in the group? ("violent", "strike", …: see taxonomy.json's "about") */
  is(type: EventType, group: TypeGroup): boolean {
    return this.row(type)[group] === true;
  }

  /** Does the event stage look for this role of the type? (agent and target it always looks for) */
  hasRole(type: EventType, role: OptionalRole): boolean {
    return this.row(type).roles.includes(role);
  }

  /** What the type's instrument is: a weapon used, the vehicle that crashed, or none. */
  instrument(type: EventType): 'weapon' | 'vehicle' | null {
    return this.hasRole(type, 'instrument') ? this.row(type).instrument ?? 'weapon' : null;
  }

  /** The ACLED and PLOVER codes of an event of this type, given what the text says about it. */
  mapping(type: EventType, ctx: MappingContext): Mapping {
    const row = this.row(type);
    const special = row.when?.find((w) => (w.if ? ctx[w.if] : w.lemma !== undefined && this.patterns.get(w.lemma)!.test(ctx.lemma)));
    if (special) return mapping(special.acled, special.plover);
    const byLemma = row.ploverByLemma?.find(([re]) => this.patterns.get(re)!.test(ctx.lemma));
    return mapping(row.acled, byLemma?.[1] ?? row.plover);
  }
}
