// ACLED and PLOVER codes of an event: the taxonomy's (lexicons/taxonomy.json), chosen the way
// ACLED's codebook chooses them, by what the report says about the event: the weapon ("a
// suicide bomber", "fired a missile"), who acted and who was hit (civilians attacked are
// "Violence against civilians", soldiers firing on protesters "Excessive force against
// protesters"), and what followed ("Police dispersed them with tear gas.").
import type { Doc, Event, EventArg } from '../../doc.js';
import type { ActorCode } from './actors.js';
import { ARMED_SECTORS, type EventCues } from './cues.js';
import type { CueTest, Mapping, MappingContext, Taxonomy } from './taxonomy.js';

/** The cue words (cues.json) that tell a civilian or a military target, and ACLED's sub-event cues. */
export type TargetCues = Pick<EventCues, 'civilianTarget' | 'militaryTarget' | 'acled' | 'acledNotInside' | 'sectors'>;

/** The sectors of actor coding (cues.json's sectors) that are unarmed people: ACLED's civilians. */
const UNARMED = new Set(['civilians', 'protesters', 'media', 'business']);
/** Those of a state's forces, and the words that make forces a state's when no country is named. */
const STATE_SECTORS = new Set(['military', 'police', 'government']);
const STATE_WORDS = /\b(government|regime|army|national|state|federal|pro-government)\b/i;

type CodedArg = EventArg & { kb?: ActorCode };

/**
 * What the mappings depend on: the trigger's lemma, who the targets are, who the agent is (with
 * their sectors from actors.ts, so codeActors runs first), and ACLED's cues in the event's
 * sentences: its own, those of the mentions merged into it, and the sentence after each, where a
 * report tells what followed ("Police dispersed them with tear gas.").
 */
export function mappingContext(doc: Doc, event: Event, lemma: string, cues: TargetCues): MappingContext {
  const entityOf = (id: string | null) => (id ? doc.entities.find((e) => e.id === id) : undefined);
  const targets = event.args.filter((a) => a.role === 'target' || a.role === 'casualties') as CodedArg[];
  const agentArg = event.args.find((a) => a.role === 'agent') as CodedArg | undefined;
  const agent = entityOf(agentArg?.ref ?? null);
  // targets carry actor coding's sector; the counted casualties are coded here, by their words
  const targetSectors = new Set(targets.flatMap((a) => {
    const sector = a.kb?.sector ?? cues.sectors.find(([re]) => re.test(a.text.toLowerCase()))?.[1];
    return sector ? [sector] : [];
  }));
  const civilianTarget = targets.some((a) => cues.civilianTarget.test(a.text)) || [...targetSectors].some((s) => UNARMED.has(s));
  const militaryTarget = targets.some((a) => cues.militaryTarget.test(a.text) || entityOf(a.ref)?.type === 'EQUIPMENT');
  const hurt = (event.casualties.killed ?? 0) + (event.casualties.injured ?? 0) > 0;
  // (an organisation no lexicon knows, "SNA factions", is no state's: it has neither sector nor country)
  const stateAgent = !!agent && (agent.kb?.sector === 'military' || agent.kb?.sector === 'government' || (agent.type === 'ORG' && (agent.kb?.sector === undefined ? typeof agent.kb?.country === 'string' : STATE_SECTORS.has(agent.kb.sector as string))));
  const armedAgent = (agentArg?.kb?.sector !== undefined && ARMED_SECTORS.has(agentArg.kb.sector)) || agent?.type === 'ARMED_GROUP';
  // a cue is looked for when a rule of the event's type asks for it, once: most types ask for few
  const found = (text: () => string): CueTest => {
    let plain: string | null = null;
    const seen = new Map<string, boolean>();
    return {
      has(name) {
        let hit = seen.get(name);
        if (hit === undefined) {
          plain ??= text().toLowerCase().replace(cues.acledNotInside, (m) => ' '.repeat(m.length));
          hit = cues.acled.get(name)?.test(plain) ?? false;
          seen.set(name, hit);
        }
        return hit;
      },
    };
  };
  // (the dead counted may be the attackers' own: "two attackers were killed" makes no battle)
  const armedTarget = targets.some((a) => a.role === 'target' && a.kb?.sector !== undefined && ARMED_SECTORS.has(a.kb.sector));
  return {
    lemma,
    civilianTarget,
    militaryTarget,
    armedTarget,
    stateAgent,
    stateForces: stateAgent || (STATE_SECTORS.has(agentArg?.kb?.sector ?? '') && (agentArg?.kb?.country !== undefined || STATE_WORDS.test(agentArg?.text ?? ''))),
    civilianHarmed: civilianTarget && hurt,
    unarmedVictims: armedAgent && (hurt || event.type === 'KILLING') && targets.length > 0 && !militaryTarget && ![...targetSectors].some((s) => ARMED_SECTORS.has(s)),
    cues: found(() => eventSentences(doc, event)),
    // the weapon may be named by the trigger itself: "a missile strike" is a missile's (ACLED: Shelling/artillery/missile attack), "an air strike" an aircraft's
    weapons: found(() => [event.trigger.text, ...event.args.filter((a) => a.role === 'agent' || a.role === 'instrument').map((a) => a.text)].join('\n')),
    agentSector: agentArg?.kb?.sector,
    targetSectors,
  };
}

/** The text of the event's sentences and of the sentence after each. */
function eventSentences(doc: Doc, event: Event): string {
  const indexes = new Set<number>();
  for (const s of [event.sentence, ...(event.mentions ?? []).map((m) => m.sentence)]) {
    indexes.add(s);
    if (s + 1 < doc.sentences.length) indexes.add(s + 1);
  }
  return [...indexes].sort((a, b) => a - b).map((i) => doc.text.slice(doc.sentences[i]!.start, doc.sentences[i]!.end)).join('\n');
}

export function mappingsFor(taxonomy: Taxonomy, doc: Doc, event: Event, lemma: string, cues: TargetCues): Mapping {
  return taxonomy.mapping(event.type, mappingContext(doc, event, lemma, cues));
}
