// ACLED and PLOVER codes of an event: the taxonomy's (lexicons/taxonomy.json), chosen by what
// the text says about the event's target and agent: civilians attacked are "Violence against
// civilians", a state's forces taking ground "Government regains territory".
import type { Doc, Event } from '../../doc.js';
import type { Mapping, MappingContext, Taxonomy } from './taxonomy.js';

const CIVILIAN = /civilian|resident|villager|child|women|people|passenger|worker|journalist|protester/i;
const MILITARY = /soldier|troop|forces|army|military|fighter|militant|tank|vehicle|equipment|carrier|howitzer|artillery|asset|jet|helicopter|drone|missile|launcher|system/i;

/** What the mappings depend on: the trigger's lemma, who the targets are, who the agent is. */
export function mappingContext(doc: Doc, event: Event, lemma: string): MappingContext {
  const entityOf = (id: string | null) => (id ? doc.entities.find((e) => e.id === id) : undefined);
  const targets = event.args.filter((a) => a.role === 'target' || a.role === 'casualties');
  const agent = entityOf(event.args.find((a) => a.role === 'agent')?.ref ?? null);
  return {
    lemma,
    civilianTarget: targets.some((a) => CIVILIAN.test(a.text)),
    militaryTarget: targets.some((a) => MILITARY.test(a.text) || entityOf(a.ref)?.type === 'EQUIPMENT'),
    stateAgent: !!agent && (agent.kb?.sector === 'military' || agent.kb?.sector === 'government' || agent.type === 'ORG'),
  };
}

export function mappingsFor(taxonomy: Taxonomy, doc: Doc, event: Event, lemma: string): Mapping {
  return taxonomy.mapping(event.type, mappingContext(doc, event, lemma));
}
