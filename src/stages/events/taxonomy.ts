// RECORD.md's taxonomy, read from lexicons/taxonomy.json: each sitrep event type with the
// groups the event stage sorts it into (violent, strike, effect…), the roles it looks for,
// and its ACLED event/sub-event type and PLOVER category. The `when` rules replace a type's
// codes by what the text says of the event (mappings.ts): its weapon, its agent's and targets'
// sectors, what followed it, the trigger's lemma.
import type { Event, EventType } from '../../doc.js';
import type { MappingRule, TaxonomyRow } from '../../lexicons/load.js';

export type Mapping = Event['mappings'];
export type TypeGroup = 'violent' | 'absorbsKilling' | 'strike' | 'effect' | 'casualties';
export type OptionalRole = TaxonomyRow['roles'][number];

export interface MappingContext {
  /** the trigger's lemma */
  lemma: string;
  /** the target is civilians or other unarmed people (or the casualties are) */
  civilianTarget: boolean;
  /** the target is soldiers, forces or military equipment */
  militaryTarget: boolean;
  /** a target (not the people counted as casualties) is an armed side by its sector: soldiers, police, rebels or militia */
  armedTarget: boolean;
  /** the agent is a state's forces or government */
  stateAgent: boolean;
  /** the agent is a state's soldiers or police: a named state actor, or a description with a country ("Russian troops") or a word of the state ("government forces", "the army") */
  stateForces: boolean;
  /** unarmed targets, some of them killed or injured */
  civilianHarmed: boolean;
  /** an armed agent killed or hurt people of no armed sector ("gunmen shot dead a tribal elder") */
  unarmedVictims: boolean;
  /** cues.json's ACLED cues, by name: is the cue in the event's sentences? */
  cues: CueTest;
  /** the same, in its agent or instrument */
  weapons: CueTest;
  /** the agent's sector (actors.ts: "police", "protesters", "rebels" …) */
  agentSector: string | undefined;
  /** the targets' sectors */
  targetSectors: ReadonlySet<string>;
}

/** Is the named cue in the text? (A test rather than a set: a cue is looked for only when a rule asks for it.) */
export interface CueTest {
  has(name: string): boolean;
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

  /** Does every condition the rule gives hold? (a rule with none never does) */
  private holds(rule: MappingRule, ctx: MappingContext): boolean {
    // the conditions in turn, the cheap ones first, so that a cue is looked for only when the rest hold
    const conditions = [
      rule.if === undefined ? undefined : () => ctx[rule.if!],
      rule.agent === undefined ? undefined : () => ctx.agentSector !== undefined && rule.agent!.includes(ctx.agentSector),
      rule.target === undefined ? undefined : () => rule.target!.some((s) => ctx.targetSectors.has(s)),
      rule.lemma === undefined ? undefined : () => this.patterns.get(rule.lemma!)!.test(ctx.lemma),
      rule.weapon === undefined ? undefined : () => ctx.weapons.has(rule.weapon!),
      rule.cue === undefined ? undefined : () => (typeof rule.cue === 'string' ? [rule.cue] : rule.cue!).every((c) => ctx.cues.has(c)),
    ].filter((c) => c !== undefined);
    return conditions.length > 0 && conditions.every((c) => c());
  }

  /** The ACLED and PLOVER codes of an event of this type, given what the text says about it: the first `when` rule that holds, else the row's own. */
  mapping(type: EventType, ctx: MappingContext): Mapping {
    const row = this.row(type);
    const special = row.when?.find((w) => this.holds(w, ctx));
    if (special) return mapping(special.acled, special.plover ?? row.plover);
    const byLemma = row.ploverByLemma?.find(([re]) => this.patterns.get(re)!.test(ctx.lemma));
    return mapping(row.acled, byLemma?.[1] ?? row.plover);
  }
}
