// The event stage's cues. The words of the genre (who acts, what reports speech, what makes
// an event claimed, denied, attempted or hypothetical, what counts casualties) are data, in
// lexicons/cues.json and place-words.json, compiled here into sets; the grammar (prepositions,
// determiners, negation) stays below as code, with a few helpers over token lists.
import type { Casualties, Token } from '../../doc.js';
import { OTHER_SENSE_LISTS, type Lexicons, type OtherSenseList } from '../../lexicons/load.js';
import { alternation } from '../../text.js';

/** The cue words of cues.json and place-words.json, as sets. */
export interface EventCues {
  actorNouns: Set<string>;
  speech: Set<string>;
  claim: Set<string>;
  deny: Set<string>;
  attempt: Set<string>;
  hypothetical: Set<string>;
  /** words of plan, threat or promise that put an event ahead (cues.json `future`) */
  future: Set<string>;
  /** right after an event noun: "a strike expected within days" */
  plannedAfter: Set<string>;
  supportVerbs: Set<string>;
  /** verbs whose subject is the time or place of an event their object names: "the weekend saw heavy fighting" */
  occasionVerbs: Set<string>;
  /** words of habit or of a span of time, which make a verb in the past a habit or a sum: "every week", "throughout the war" */
  habitWords: Set<string>;
  verbalPhraseHeads: Set<string>;
  aidWords: Set<string>;
  /** word → what it says happened to the people counted near it */
  casualty: Map<string, keyof Casualties>;
  /** lemmas of verbs whose subject is the target, as a passive's is: "two soldiers died" */
  victimSubjectVerbs: Set<string>;
  /** singular nouns of one victim besides the people nouns ("her husband", "a neighbor"), for counting casualties */
  victimNouns: Set<string>;
  /** where the wounded and the dead are taken: "taken to a hospital" is no capture */
  careDestinations: Set<string>;
  /** what is drawn, not withdrawn: "pulled out a gun" is no withdrawal */
  drawnWeapons: Set<string>;
  /** words that tell a trigger word's other sense ("struck by a bus", "damage to its image"), by list */
  otherSenses: Record<OtherSenseList, Set<string>>;
  /** "is hospitalized", "Man critical after": hit, fate open */
  careStates: Set<string>;
  /** "in critical condition": hit, fate open */
  conditions: Set<string>;
  /** a sentence that may count casualties: a casualty word, a care state, "condition" or "shot" */
  casualtyText: RegExp;
  /** nouns of places and ground: "villages", "positions" */
  placeNouns: Set<string>;
  /** words before "of" that locate: "the village of", "control of" */
  ofPlace: Set<string>;
  /** a description's sector by its words, tried in order: "two civilians" → civilians */
  sectors: Array<[RegExp, string]>;
  /** a word of the armed sectors (ARMED_SECTORS): "troops", "riot police", "gunmen" */
  armedWord: RegExp;
  /** what makes an event's target civilian or military for its mappings (matched inside words) */
  civilianTarget: RegExp;
  militaryTarget: RegExp;
  /** ACLED's sub-event cues by name (cues.json's acledCues), each a whole-word pattern of lower-case text */
  acled: ReadonlyMap<string, RegExp>;
  /** the phrases a cue word inside of is no cue (global, to blank them all out) */
  acledNotInside: RegExp;
}

export function eventCues(lex: Pick<Lexicons, 'cues' | 'placeWords'>): EventCues {
  const { cues, placeWords } = lex;
  const casualty = new Map<string, keyof Casualties>();
  for (const key of ['killed', 'injured', 'captured'] as const) for (const w of cues.casualties[key]) if (!casualty.has(w)) casualty.set(w, key);
  const sectors = Object.entries(cues.sectors).map(([sector, words]): [RegExp, string] => [new RegExp(`\\b(${alternation(words)})\\b`), sector]);
  const armed = Object.entries(cues.sectors).flatMap(([sector, words]) => (ARMED_SECTORS.has(sector) ? words : []));
  return {
    actorNouns: new Set(cues.actorNouns),
    speech: new Set(cues.speech),
    claim: new Set(cues.claim),
    deny: new Set(cues.deny),
    attempt: new Set(cues.attempt),
    hypothetical: new Set(cues.hypothetical),
    future: new Set(cues.future),
    plannedAfter: new Set(cues.plannedAfter),
    supportVerbs: new Set(cues.supportVerbs),
    occasionVerbs: new Set(cues.occasionVerbs ?? []),
    habitWords: new Set(cues.habitWords ?? []),
    verbalPhraseHeads: new Set(cues.verbalPhraseHeads),
    aidWords: new Set(cues.aidWords),
    casualty,
    victimSubjectVerbs: new Set(cues.victimSubjectVerbs ?? []),
    victimNouns: new Set(cues.victimNouns),
    careDestinations: new Set(cues.careDestinations),
    drawnWeapons: new Set(cues.drawnWeapons ?? []),
    otherSenses: Object.fromEntries(OTHER_SENSE_LISTS.map((k) => [k, new Set(cues.otherSenses?.[k] ?? [])])) as Record<OtherSenseList, Set<string>>,
    careStates: new Set(cues.careStates),
    conditions: new Set(cues.conditions),
    casualtyText: new RegExp(`\\b(shot|condition|${alternation([...casualty.keys(), ...cues.careStates])})\\b`, 'i'),
    placeNouns: new Set(placeWords.placeNouns),
    ofPlace: new Set(placeWords.ofPlace),
    sectors,
    armedWord: new RegExp(`\\b(${alternation(armed)})\\b`),
    civilianTarget: new RegExp(alternation(cues.civilianTargets), 'i'),
    militaryTarget: new RegExp(alternation(cues.militaryTargets), 'i'),
    acled: new Map(Object.entries(cues.acledCues).map(([name, words]) => [name, wholeWords(words)])),
    acledNotInside: new RegExp(wholeWords(cues.acledNotInside).source, 'gu'),
  };
}

/** Any of the words or phrases, as whole words (a phrase's spaces match any run of spaces). */
function wholeWords(words: readonly string[]): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(${alternation(words).replace(/ +/g, '\\s+')})(?![\\p{L}\\p{N}])`, 'u');
}

export const PREPOSITIONS = new Set(['in', 'of', 'on', 'into', 'from', 'near', 'at', 'against', 'with', 'by', 'for', 'to', 'over', 'across', 'outside', 'inside', 'around', 'towards', 'toward', 'through', 'throughout', 'within', 'between', 'amid', 'amidst', 'behind', 'about', 'via', 'under', 'during', 'including']);
export const LOCATION_PREPS = new Set(['in', 'near', 'at', 'into', 'outside', 'across', 'over', 'on', 'through', 'beyond', 'past', 'off', 'behind', 'around', 'inside', 'within', 'throughout', 'to', 'towards', 'toward', 'onto', 'off', 'along', 'north', 'south', 'east', 'west']);
/** The sectors of actor coding (cues.json's sectors) whose actors are armed: state forces, rebels, militias. */
export const ARMED_SECTORS: ReadonlySet<string> = new Set(['military', 'police', 'militia', 'rebels']);
export const NEGATION = new Set(['not', "n't", 'never', 'no']);
/** Words that name no one: "Nobody claimed", "none of the groups". */
export const NOBODY = /^(nobody|none|neither)$/;

/**
 * Is the word at `i` negated by the few words before it: "did not claim", "has never
 * commented", "No group has claimed", "Nobody claimed"? (A negation further back belongs to
 * another clause.)
 */
export function negatedBefore(toks: readonly { lower: string }[], i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    const w = toks[k]!.lower;
    if (NEGATION.has(w) || NOBODY.test(w)) return true;
    if (/^[,;:"“”]$/.test(w)) return false;
  }
  return false;
}
export const ANAPHORIC = new Set(['the', 'these', 'this', 'those', 'that', 'such', 'its', 'their', 'ensuing', 'subsequent', 'latest', 'same']);
/** The forms of "see" and "leave", whose object a participle or a count describes: "fighting that saw 120 soldiers killed", "left four people dead". */
export const SEE_OR_LEAVE = /^(saw|seen|seeing|sees|see|left|leaving|leaves|leave)$/;
export const CONTINUATION = /^(this|these|that|those|it|they)\s+(included|includes|include|comprised|involved)\b/i;

/** Asides that hold no subject of the main verb: ", including A and B," ", which …," */
export function parentheticals(toks: Token[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i < toks.length; i++) {
    if (toks[i]!.text !== ',' || !/^(including|such|among|which|who|whose|like|notably|especially|particularly|namely)$/.test(toks[i + 1]?.lower ?? '')) continue;
    const close = toks.findIndex((t, k) => k > i + 1 && t.text === ',');
    if (close > 0) out.push([i, close]);
  }
  return out;
}

export function lastIndex(toks: Token[], before: number, test: (t: Token) => boolean): number {
  for (let i = before - 1; i >= 0; i--) if (test(toks[i]!)) return i;
  return -1;
}

export function nextIndex(toks: Token[], after: number, test: (t: Token) => boolean): number {
  for (let i = after + 1; i < toks.length; i++) if (test(toks[i]!)) return i;
  return toks.length;
}

