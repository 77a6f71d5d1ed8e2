// ACLED and PLOVER codes of an event: the taxonomy's (lexicons/taxonomy.json), chosen by what
// the text says about the event's target and agent: civilians attacked are "Violence against
// civilians", a state's forces taking ground "Government regains territory".
import type { Doc, Event } from '../../doc.js';
import type { EventCues } from './cues.js';
import type { Mapping, MappingContext, Taxonomy } from './taxonomy.js';

/** The cue words (cues.json) that tell a civilian or a military target. */
export type TargetCues = Pick<EventCues, 'civilianTarget' | 'militaryTarget'>;

/** What the mappings depend on: the trigger's lemma, who the targets are, who the agent is. */
export function mappingContext(doc: Doc, event: Event, lemma: string, cues: TargetCues): MappingContext {
  const entityOf = (id: string | null) => (id ? doc.entities.find((e) => e.id === id) : undefined);
  const targets = event.args.filter((a) => a.role === 'target' || a.role === 'casualties');
  const agent = entityOf(event.args.find((a) => a.role === 'agent')?.ref ?? null);
  return {
    lemma,
    civilianTarget: targets.some((a) => cues.civilianTarget.test(a.text)),
    militaryTarget: targets.some((a) => cues.militaryTarget.test(a.text) || entityOf(a.ref)?.type === 'EQUIPMENT'),
    stateAgent: !!agent && (agent.kb?.sector === 'military' || agent.kb?.sector === 'government' || agent.type === 'ORG'),
  };
}

export function mappingsFor(taxonomy: Taxonomy, doc: Doc, event: Event, lemma: string, cues: TargetCues): Mapping {
  return taxonomy.mapping(event.type, mappingContext(doc, event, lemma, cues));
}
