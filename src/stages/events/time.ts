// Time: an event's date is the date phrase of its sentence nearest its trigger, unless that
// date only tells when something was said ("the ministry said on Saturday"), which dates a
// statement but not the deed it reports, or opens a span ("since 2015"), which dates no deed.
import type { EventType, Token } from '../../doc.js';
import { addArg, type Frame } from './frame.js';
import type { Phrase } from './phrases.js';

/** Add the event's time argument; its value (ISO, as precise as the text) or null. */
export function eventTime(f: Frame, type: EventType): string | null {
  const dates = f.phrases.filter((p) => p.kind === 'date' && !spanStart(p, f.toks) && !inSubjectsClause(p, f.hit.first, f.toks)).filter((p) => type === 'STATEMENT' || !datesSpeech(p, f.toks, f.cues.speech));
  dates.sort((a, b) => Math.abs(a.first - f.hit.first) - Math.abs(b.first - f.hit.first));
  const nearest = dates[0];
  if (!nearest) return null;
  addArg(f, 'time', nearest);
  const value = f.doc.entities.find((e) => e.id === nearest.ref)?.kb?.value;
  return typeof value === 'string' ? value : null;
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
function spanStart(p: Phrase, toks: Token[]): boolean {
  return toks[p.first - 1]?.lower === 'since' || toks[p.first]?.lower === 'since';
}
