// The word lists the event stage reads: which words introduce actors, places, speech, claims,
// denials, attempts and hypotheticals, and a few helpers over token lists.
import type { Casualties, Token } from '../../doc.js';

export const ACTOR_NOUNS = [
  'militants', 'militant', 'rebels', 'rebel', 'insurgents', 'insurgent', 'gunmen', 'gunman', 'fighters', 'militias', 'militia',
  'groups', 'group', 'forces', 'troops', 'soldiers', 'army', 'military', 'police', 'protesters', 'protestors', 'demonstrators',
  'attackers', 'jihadists', 'terrorists', 'separatists', 'authorities', 'officials', 'official', 'government', 'ministry',
  'governor', 'spokesman', 'spokeswoman', 'spokesperson', 'commander', 'commanders', 'mayor', 'president', 'minister',
  'residents', 'witnesses', 'medics', 'doctors', 'paramilitaries', 'mercenaries', 'units', 'unit', 'brigade', 'battalion',
  'squad', 'guards', 'occupiers', 'invaders', 'raiders', 'extremists', 'assailants', 'bandits', 'pirates', 'navy', 'leader',
  'leaders', 'corps', 'legion', 'command', 'staff', 'service', 'office', 'agency', 'observatory', 'monitor', 'statement',
];
export const PREPOSITIONS = new Set(['in', 'of', 'on', 'into', 'from', 'near', 'at', 'against', 'with', 'by', 'for', 'to', 'over', 'across', 'outside', 'inside', 'around', 'towards', 'toward', 'through', 'throughout', 'within', 'between', 'amid', 'amidst', 'behind', 'about', 'via', 'under', 'during', 'including']);
export const LOCATION_PREPS = new Set(['in', 'near', 'at', 'into', 'outside', 'across', 'over', 'on', 'through', 'beyond', 'past', 'off', 'behind', 'around', 'inside', 'within', 'throughout', 'to', 'towards', 'toward', 'onto', 'off', 'along', 'north', 'south', 'east', 'west']);
export const SUPPORT_VERBS = new Set(['launch', 'carry', 'conduct', 'stage', 'mount', 'make', 'continue', 'intensify', 'step', 'begin', 'start', 'unleash', 'resume', 'undertake', 'perform', 'claim', 'report', 'announce', 'hold']);
export const SPEECH = new Set(['say', 'said', 'tell', 'told', 'report', 'reported', 'announce', 'announced', 'claim', 'claimed', 'state', 'stated', 'confirm', 'confirmed', 'allege', 'alleged', 'assert', 'insist', 'add', 'added', 'write', 'wrote', 'post', 'posted', 'publish', 'published', 'deny', 'denied', 'accuse', 'accused', 'warn', 'warned', 'clarify', 'clarified']);
export const CLAIM_CUES = new Set(['claim', 'claimed', 'claiming', 'claims', 'allege', 'alleged', 'alleging', 'assert', 'asserted', 'asserting']);
export const DENY_CUES = new Set(['deny', 'denied', 'denies', 'denying', 'refute', 'refuted', 'dismiss', 'dismissed']);
export const ATTEMPT_CUES = new Set(['thwart', 'thwarted', 'foil', 'foiled', 'repel', 'repelled', 'repelling', 'repulse', 'repulsed', 'prevent', 'prevented', 'avert', 'averted', 'attempt', 'attempted', 'try', 'tried', 'fail', 'failed', 'unsuccessful', 'abortive', 'foiling', 'thwarting']);
export const HYPOTHETICAL_CUES = new Set(['could', 'would', 'may', 'might', 'will', 'shall', "'ll", 'threaten', 'threatened', 'threatens', 'threatening', 'plan', 'plans', 'planned', 'planning', 'vow', 'vowed', 'intend', 'intends', 'prepare', 'prepares', 'preparing', 'if', 'possible', 'potential', 'threat', 'risk', 'imminent', 'expected', 'warn', 'warned']);
export const NEGATION = new Set(['not', "n't", 'never', 'no']);
export const ANAPHORIC = new Set(['the', 'these', 'this', 'those', 'that', 'such', 'its', 'their', 'ensuing', 'subsequent', 'latest', 'same']);
export const AID_WORDS = new Set(['aid', 'assistance', 'supplies', 'supply', 'food', 'fuel', 'medicine', 'medicines', 'weapons', 'arms', 'ammunition', 'munitions', 'shells', 'equipment', 'package', 'humanitarian', 'military', 'vehicles', 'missiles', 'rockets', 'drones', 'jets', 'tanks']);
export const SETTLEMENT_WORDS = new Set(['village', 'villages', 'town', 'towns', 'city', 'cities', 'settlement', 'settlements', 'position', 'positions', 'territory', 'territories', 'hill', 'district', 'neighbourhood', 'neighborhood', 'area', 'areas', 'region', 'bridgehead', 'stronghold', 'base', 'outpost', 'airport', 'airfield', 'port', 'capital', 'province', 'oblast', 'border', 'crossing', 'trenches', 'trench', 'outskirts', 'suburbs', 'centre', 'center', 'edge', 'heart', 'streets']);
/** "the village of X", "for control of X", "pulled out of X": an "of" that locates */
export const OF_PLACE = /^(villages?|towns?|city|cities|settlements?|regions?|provinces?|districts?|neighbou?rhoods?|outskirts|suburbs|centre|center|control|out|north|south|east|west|heart|parts?|areas?|territory|streets)$/;
export const CASUALTY_WORDS: Array<[RegExp, keyof Casualties]> = [
  [/^(kill|killed|killing|dead|die|died|dying|death|deaths|slain|massacre|massacred|fatalities|toll|executed|lifeless)$/, 'killed'],
  [/^(wound|wounded|wounding|injure|injured|injuring|injury|injuries|hurt|maimed)$/, 'injured'],
  [/^(capture|captured|capturing|captive|captives|prisoner|prisoners|pow|pows|abduct|abducted|abducting|kidnap|kidnapped|kidnapping|hostage|hostages|seized)$/, 'captured'],
];
/** First words of trigger phrases that make the phrase a verb: "shot dead", "set fire", "took control". */
export const VERBAL_PHRASE_HEADS = new Set(['shoot', 'shot', 'set', 'blow', 'blew', 'take', 'took', 'taken', 'fall', 'fell', 'open', 'pull', 'push', 'cross', 'knock', 'wipe', 'burn', 'burnt', 'gun', 'round', 'exchange', 'fire', 'carry', 'launch', 'reach', 'strike', 'struck', 'sign', 'call', 'claim', 'gain', 'seize', 'seized', 'crash-land']);
export const CONTINUATION = /^(this|these|that|those|it|they)\s+(included|includes|include|comprised|involved)\b/i;

export const WORD_NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30,
  forty: 40, fifty: 50, hundred: 100, dozens: 24, dozen: 12, hundreds: 200,
};

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

