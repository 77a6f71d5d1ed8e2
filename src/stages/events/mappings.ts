// RECORD.md's taxonomy: each sitrep event type with its ACLED event/sub-event type and
// PLOVER category. A few depend on what the text says about the target or the agent.
import type { Event, EventType } from '../../doc.js';

type Mapping = Event['mappings'];
const m = (event_type: string, sub_event_type: string, plover: string): Mapping => ({ acled: { event_type, sub_event_type }, plover });

const BASE: Record<EventType, Mapping> = {
  ATTACK: m('Battles', 'Armed clash', 'ASSAULT'),
  CLASH: m('Battles', 'Armed clash', 'FIGHT'),
  INCURSION: m('Battles', 'Armed clash', 'FIGHT'),
  AIRSTRIKE: m('Explosions/Remote violence', 'Air/drone strike', 'FIGHT'),
  DRONE_STRIKE: m('Explosions/Remote violence', 'Air/drone strike', 'FIGHT'),
  SHELLING: m('Explosions/Remote violence', 'Shelling/artillery/missile attack', 'FIGHT'),
  EXPLOSION: m('Explosions/Remote violence', 'Remote explosive/landmine/IED', 'ASSAULT'),
  DESTRUCTION: m('Strategic developments', 'Looting/property destruction', 'FIGHT'),
  CAPTURE: m('Violence against civilians', 'Abduction/forced disappearance', 'COERCE'),
  KILLING: m('Battles', 'Armed clash', 'ASSAULT'),
  SEIZE: m('Battles', 'Non-state actor overtakes territory', 'FIGHT'),
  WITHDRAWAL: m('Strategic developments', 'Non-violent transfer of territory', 'RETREAT'),
  ARREST: m('Strategic developments', 'Arrests', 'COERCE'),
  PROTEST: m('Protests', 'Peaceful protest', 'PROTEST'),
  CRASH: m('Strategic developments', 'Other', 'ACCIDENT'),
  STATEMENT: m('Strategic developments', 'Other', 'CONSULT'),
  AGREEMENT: m('Strategic developments', 'Agreement', 'AGREE'),
  SUPPLY: m('Strategic developments', 'Other', 'AID'),
};

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

export function mappingsFor(type: EventType, ctx: MappingContext): Mapping {
  const base = BASE[type];
  switch (type) {
    case 'ATTACK':
    case 'KILLING':
      return ctx.civilianTarget ? m('Violence against civilians', 'Attack', 'ASSAULT') : base;
    case 'CAPTURE':
      return ctx.militaryTarget ? m('Battles', 'Armed clash', 'COERCE') : base;
    case 'SEIZE':
      return ctx.stateAgent ? m('Battles', 'Government regains territory', 'FIGHT') : base;
    case 'DESTRUCTION':
      return ctx.militaryTarget ? m('Battles', 'Armed clash', 'FIGHT') : base;
    case 'PROTEST':
      return /riot/.test(ctx.lemma) ? m('Riots', 'Violent demonstration', 'PROTEST') : base;
    case 'STATEMENT':
      return m('Strategic developments', 'Other', statementKind(ctx.lemma));
    default:
      return base;
  }
}

/**
 * What a statement does, in PLOVER's categories as RECORD.md names them (the POLECAT
 * edition): a denial REJECTs, an accusation or a condemnation ACCUSEs (DISAPPROVE in the
 * 2018 edition), a threat THREATENs, a call or an urging is a REQUEST (DEMAND in 2018),
 * praise SUPPORTs; anything else is CONSULT.
 */
function statementKind(lemma: string): string {
  if (/^(deny|denied|denial|reject|refut|dismiss|refus)/.test(lemma)) return 'REJECT';
  if (/^(accus|alleg|condemn|blame|denounc|critici[sz]|slam)/.test(lemma)) return 'ACCUSE';
  if (/^(threat|warn)/.test(lemma)) return 'THREATEN';
  if (/^(demand|urge|urged|call)/.test(lemma)) return 'REQUEST';
  if (/^(prais|welcom|endors)/.test(lemma)) return 'SUPPORT';
  return 'CONSULT';
}
