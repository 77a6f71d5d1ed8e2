// Time: an event's date is the date phrase of its sentence nearest its trigger, unless that
// date only tells when something was said ("the ministry said on Saturday"), which dates a
// statement but not the deed it reports, or opens a span ("since 2015"), which dates no deed.
import type { EventType, Token } from '../../doc.js';
import { addArg, type Frame } from './frame.js';
import type { Phrase } from './phrases.js';

/** Add the event's time argument; its value (ISO, as precise as the text) or null. */
export function eventTime(f: Frame, type: EventType): string | null {
  const determiner = f.isNoun ? governingDeterminer(f.toks, f.hit.first) : -1;
  const dates = f.phrases
    .filter((p) => p.kind === 'date' && !spanStart(p, f.toks) && !inSinceClause(p, f.toks, f.hit.last) && !inSubjectsClause(p, f.hit.first, f.toks) && (determiner < 0 || ownDate(p, f.toks, f.hit, determiner)))
    .filter((p) => type === 'STATEMENT' || !datesSpeech(p, f.toks, f.cues.speech));
  dates.sort((a, b) => Math.abs(a.first - f.hit.first) - Math.abs(b.first - f.hit.first));
  const nearest = dates[0];
  if (!nearest) return null;
  addArg(f, 'time', nearest);
  const value = f.doc.entities.find((e) => e.id === nearest.ref)?.kb?.value;
  return typeof value === 'string' ? value : null;
}

/**
 * "identified him in court Friday as the man who rented the truck used in the bombing of the
 * federal building": a deed named as known ("the", a possessive) inside a prepositional phrase
 * is what another verb is about; the sentence's dates are that verb's unless they are the
 * noun's own (ownDate). The determiner's index, or -1 where the noun is not so governed.
 */
function governingDeterminer(toks: Token[], first: number): number {
  let i = first - 1;
  while (i >= 0 && /^(ADJ|NOUN|PROPN|NUM)$/.test(toks[i]!.pos) && i >= first - 4) i--;
  if (!/^(the|its|their|his|her)$/.test(toks[i]?.lower ?? '')) return -1;
  const preposition = toks[i - 1]?.lower ?? '';
  // ("five people were killed on Monday in the attack": the dead of the deed share its day)
  if (/^(in|during|amid)$/.test(preposition) && toks.slice(Math.max(0, i - 9), i - 1).some((t) => CASUALTY_VERBS.test(t.lower))) return -1;
  return /^(in|over|for|of|after|about|behind|into|with|to)$/.test(preposition) ? i : -1;
}
const CASUALTY_VERBS = /^(killed|wounded|injured|hurt|died|dead|shot|slain|lost|missing|kidnapped|abducted|captured)$/;

/** "the bombing on April 19", "the attack of 11 December", "the 2015 attacks": a date within the noun's own phrase, after its determiner. */
function ownDate(p: Phrase, toks: Token[], hit: { first: number; last: number }, determiner: number): boolean {
  if (p.last < hit.first) return p.first > determiner;
  if (p.first <= hit.last) return false;
  return p.first - hit.last <= 6 && !toks.slice(hit.last + 1, p.first).some((t) => t.pos === 'VERB' || t.pos === 'AUX' || /^[,;:]$/.test(t.text));
}

/**
 * "said on Saturday", "announced Monday": the date right after a verb of speech dates the speech.
 * "As reported on 17 April 2021, a truck hit a landmine" is the event reports' own way of dating
 * what was reported when no other day is known: that date is the event's.
 */
export function datesSpeech(p: Phrase, toks: Token[], speech: ReadonlySet<string>): boolean {
  for (let i = p.first - 1; i >= 0 && i >= p.first - 2; i--) {
    if ((speech.has(toks[i]!.lower) || speech.has(toks[i]!.lemma)) && toks[i]!.pos === 'VERB') return !(i === 1 && toks[0]!.lower === 'as');
    if (toks[i]!.lower !== 'on') return false;
  }
  return false;
}

/**
 * "The junta that seized power in a coup in 2022 has vowed to retake …": a date inside a relative
 * clause on a noun before the trigger dates that clause's verb, not the trigger. ("Officials said
 * that troops attacked the village on Monday and killed five": "that" after a verb opens what is
 * said, and its date stays the deed's.)
 */
function inSubjectsClause(p: Phrase, trigger: number, toks: Token[]): boolean {
  if (p.last >= trigger) return false;
  for (let i = p.first - 1; i > 0; i--) {
    if (!/^(who|that|which)$/.test(toks[i]!.lower)) continue;
    const antecedent = toks[i - 1]!.text === ',' ? toks[i - 2] : toks[i - 1];
    return !!antecedent && /^(NOUN|PROPN)$/.test(antecedent.pos) && toks.slice(i + 1, p.first).some((t) => t.pos === 'VERB');
  }
  return false;
}

/** "since 2015", "since March 2011": the start of a span of time, the date of no single deed. */
/**
 * "The raid was the latest … since the group announced its spring offensive in April": a date
 * after the trigger inside a "since" clause dates the start of the span, the clause's own verb,
 * not the trigger.
 */
function inSinceClause(p: Phrase, toks: Token[], last: number): boolean {
  if (p.first <= last) return false;
  for (let i = p.first - 1; i > last; i--) {
    if (toks[i]!.lower === 'since') return true;
    if (/^[,;:]$/.test(toks[i]!.text)) return false;
  }
  return false;
}

function spanStart(p: Phrase, toks: Token[]): boolean {
  return toks[p.first - 1]?.lower === 'since' || toks[p.first]?.lower === 'since';
}
