// Noun phrases around a trigger, read from parts of speech and the phrases already known:
// "a military post", "the Sudanese army", "Russian jets", "Houthi targets",
// "Fighters of the Arakan Army", "US and British warplanes". A phrase takes its
// reference from the most telling entity inside it.
import type { Token } from '../../doc.js';
import { ageEnd, isMonthMay, isMonthOrWeekday } from '../../text.js';
import { PREPOSITIONS } from './cues.js';
import type { Phrase, PhraseKind } from './phrases.js';

const SKIP_LEFT = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'some', 'several', 'many', 'so-called', '"', '“']);
const NP_POS = new Set(['ADJ', 'NOUN', 'PROPN', 'NUM']);
const NOUN_POS = new Set(['NOUN', 'PROPN']);
const QUANTIFIER_AFTER_NOUN = /^(several|many|multiple|numerous|few|two|three|four|five|six)$/;
const RANK: Record<PhraseKind, number> = { actor: 0, people: 1, equipment: 2, facility: 3, place: 4, date: 9, other: 8 };

export interface NounPhraseContext {
  phrases: Phrase[];
  actorNouns: Set<string>;
  people: Set<string>;
}

const inPhrase = (ctx: NounPhraseContext, i: number) => ctx.phrases.filter((p) => p.first <= i && p.last >= i);

/** "Monday", "March" written as names (not "May", also the verb at a sentence's start) */
const calendarName = (w: string) => w !== 'May' && isMonthOrWeekday(w) && w === `${w[0]!.toUpperCase()}${w.slice(1).toLowerCase()}`;
const isGlue = (t: Token) => t.text === '-' || t.lower === "'s" || t.text === "'" || t.text === '’';

/** Is token i part of a noun phrase (a known phrase, or an adjective, noun, number…)? */
function npToken(toks: Token[], ctx: NounPhraseContext, i: number): boolean {
  const t = toks[i];
  if (!t) return false;
  // a hyphen or a possessive joins two words of a phrase: "Greek-owned tanker", "doctors' committee"
  if (isGlue(t)) return i > 0 && !isGlue(toks[i - 1]!) && !!toks[i + 1] && !isGlue(toks[i + 1]!) && wordOfPhrase(toks, ctx, i - 1) && wordOfPhrase(toks, ctx, i + 1);
  return wordOfPhrase(toks, ctx, i);
}

function wordOfPhrase(toks: Token[], ctx: NounPhraseContext, i: number): boolean {
  const t = toks[i]!;
  const around = inPhrase(ctx, i);
  if (around.some((p) => p.kind === 'date')) return false;
  if (around.length) return true;
  if (isGlue(t)) return false;
  if (calendarName(t.text)) return false; // "agreed on Wednesday": a day is no target
  if (ctx.actorNouns.has(t.lower) || ctx.people.has(t.lower)) return true; // "a war monitor/VERB said"
  // "displaced people", "armed men": a participle before a noun, not a verb after its subject
  if (t.pos === 'VERB') {
    const prev = toks[i - 1];
    return /ed$/.test(t.lower) && ['NOUN', 'ADJ'].includes(toks[i + 1]?.pos ?? '') && (!prev || ['DET', 'ADJ', 'ADP', 'PUNCT', 'CCONJ'].includes(prev.pos));
  }
  // (a small number alone is a day or a clock time; one that opens an age is a modifier: "10-year-old Kathina")
  return NP_POS.has(t.pos) && (!/^\d{1,2}(:\d\d)?$/.test(t.text) || ageEnd(toks, i) >= 0);
}

export function phraseOf(toks: Token[], ctx: NounPhraseContext, first: number, last: number): Phrase {
  const inner = ctx.phrases.filter((p) => p.first >= first && p.last <= last && p.kind !== 'date');
  // the head decides the kind: "Russian jets" is equipment, "Houthi targets" a thing
  const head = toks[last]!;
  const atHead = inner.filter((p) => p.last === last).sort((a, b) => RANK[a.kind] - RANK[b.kind])[0];
  let kind: PhraseKind = atHead?.kind ?? (ctx.actorNouns.has(head.lower) ? 'actor' : ctx.people.has(head.lower) ? 'people' : 'other');
  if (kind === 'place' && inner.some((p) => p.kind === 'place' && p.last < last) && atHead?.first !== first) kind = 'place';
  const best = atHead ?? [...inner].sort((a, b) => RANK[a.kind] - RANK[b.kind])[0];
  const refPhrase = kind === 'actor' || kind === 'people' ? best : atHead;
  // wink keeps some full stops on the word ("in."): a phrase never ends in punctuation, "U.S." aside
  const end = /[.,;:!?]$/.test(head.text) && head.text.length > 1 && !/\.\p{L}\.$/u.test(head.text) ? head.end - 1 : head.end;
  return {
    first,
    last,
    start: toks[first]!.start,
    end,
    kind,
    ref: refPhrase?.ref ?? null,
    entityType: refPhrase?.entityType ?? null,
    quantity: inner.find((p) => p.quantity)?.quantity,
  };
}

/** Tokens written together with a hyphen belong together: "commander-in-chief", "Greek-owned". */
function glueLeft(toks: Token[], first: number): number {
  while (first > 0 && toks[first - 1]!.end === toks[first]!.start && (toks[first - 1]!.text === '-' || toks[first]!.text === '-')) first--;
  return first;
}

function glueRight(toks: Token[], last: number): number {
  while (last + 1 < toks.length && toks[last]!.end === toks[last + 1]!.start && (toks[last + 1]!.text === '-' || toks[last]!.text === '-')) last++;
  return last;
}

/** The noun phrase that starts at or just after token k (determiners skipped). */
export function npRight(toks: Token[], ctx: NounPhraseContext, k: number): Phrase | null {
  let first = k;
  while (toks[first] && SKIP_LEFT.has(toks[first]!.lower) && !inPhrase(ctx, first).length) first++;
  if (!npToken(toks, ctx, first)) return null;
  let last = glueRight(toks, first);
  // ("shot Reid several times": a quantifier after a noun opens no word of its phrase)
  while (npToken(toks, ctx, last + 1) && !(QUANTIFIER_AFTER_NOUN.test(toks[last + 1]!.lower) && NOUN_POS.has(toks[last]!.pos))) last = glueRight(toks, last + 1);
  // a phrase that started inside must end inside: extend to its end
  for (const p of inPhrase(ctx, last)) last = Math.max(last, p.last);
  // the head is the last noun: "a military post in" → post
  while (last > first && !['NOUN', 'PROPN'].includes(toks[last]!.pos) && !inPhrase(ctx, last).length) last--;
  if (!['NOUN', 'PROPN'].includes(toks[last]!.pos) && !inPhrase(ctx, last).length && !ctx.actorNouns.has(toks[last]!.lower) && !ctx.people.has(toks[last]!.lower)) return null; // "penetrated deep"
  // "Fighters of the Arakan Army": an actor after "of" is who the phrase is
  if (toks[last + 1]?.lower === 'of') {
    const after = npRight(toks, ctx, last + 2);
    if (after && after.kind === 'actor' && after.ref && ctx.actorNouns.has(toks[last]!.lower)) return phraseOf(toks, ctx, first, after.last);
  }
  return phraseOf(toks, ctx, first, last);
}

/** The noun phrase that ends at token k, read leftwards; "US and British warplanes" keeps its coordinated modifiers. */
export function npLeft(toks: Token[], ctx: NounPhraseContext, k: number): Phrase | null {
  if (!npToken(toks, ctx, k) && !(toks[k]?.end === toks[k + 1]?.start)) return null;
  let last = k;
  for (const p of inPhrase(ctx, last)) last = Math.max(last, p.last);
  let first = k;
  for (const p of inPhrase(ctx, first)) first = Math.min(first, p.first);
  first = glueLeft(toks, first);
  while (first > 0 && npToken(toks, ctx, first - 1)) {
    first = glueLeft(toks, first - 1);
    for (const p of inPhrase(ctx, first)) first = Math.min(first, p.first);
  }
  // "US and British warplanes", "Israeli and Egyptian officials"
  if (toks[first - 1]?.lower === 'and' && first >= 2) {
    const before = inPhrase(ctx, first - 2).find((p) => p.kind === 'place' || (p.kind === 'actor' && p.entityType === 'NORP'));
    if (before && (inPhrase(ctx, first).some((p) => p.entityType === 'NORP' || p.kind === 'place'))) first = before.first;
  }
  // "Fighters of the Arakan Army" read from the right
  const ofAt = first - 1;
  if (toks[ofAt]?.lower === 'of' && ofAt > 0 && ctx.actorNouns.has(toks[ofAt - 1]!.lower)) {
    const head = npLeft(toks, ctx, ofAt - 1);
    if (head) first = head.first;
  }
  return phraseOf(toks, ctx, first, last);
}

/**
 * "John Smith, 25, was arrested", "Hamas, the militant group, attacked": an aside between
 * commas or dashes that holds no verb stands beside the subject before it. Returns the token
 * that ends the subject (the one before the aside), or -1 when the comma at `close` ends no
 * such aside.
 */
function beforeApposition(toks: Token[], close: number): number {
  let verb = false;
  for (let j = close - 1; j >= 0 && close - j <= 14; j--) {
    const t = toks[j]!;
    if (/^[,–—]$/.test(t.text)) {
      if (t.text !== toks[close]!.text || j === 0 || j >= close - 1) return -1;
      // an aside with a verb in it is a noun phrase with its own clause ("Al Shabaab, the al
      // Qaeda-linked group fighting to topple the government, claimed …"), not a clause of its own
      return !verb || /^(the|a|an)$/.test(toks[j + 1]!.lower) ? j - 1 : -1;
    }
    if (/^(and|or)$/.test(t.lower)) return -1;
    // a relative clause is a verb of the aside: "Hayat Tahrir al-Sham, the jihadist group that
    // controls much of Idlib, said …" (the aside must then open with an article, as above)
    if (t.pos === 'VERB' || t.pos === 'AUX' || /^(who|which|that)$/.test(t.lower)) verb = true;
    if (!verb && close - j > 9) return -1;
  }
  return -1;
}

/** The subject of the verb at token k: skip auxiliaries, adverbs and control verbs ("denied shelling", "threatened to attack"). */
/** Participles of working a weapon, whose "by" names who did the deed the weapon's verb tells. */
const OPERATED = /^(operated|launched|fired|flown|piloted|planted|laid|dropped|driven|detonated|triggered|controlled)$/;

/** Verbs of an attribution set inside a relative clause: "who police say shot", "that officials believe planted". */
const ATTRIBUTION_IN_CLAUSE = /^(say|says|said|allege|alleged|believe|believed|suspect|suspected)$/;

export function subjectBefore(toks: Token[], np: NounPhraseContext, k: number): Phrase | null {
  let i = k - 1;
  while (i >= 0) {
    const t = toks[i]!;
    if (['AUX', 'ADV', 'PART'].includes(t.pos) || /^(had|has|have|was|were|is|are|been|be|to|not|n't|also|reportedly|allegedly|then|later|again|could|would|may|might|will)$/.test(t.lower) && !isMonthMay(t)) i--;
    else if (t.pos === 'VERB' && /^(deny|threaten|vow|try|attempt|continue|begin|start|plan|refuse|fail|claim|appear|seem|prepare|resume|intend|need|want|agree|decide|manage|tend)$/.test(t.lemma)) i--;
    else break;
  }
  // "the commission, which accused police": the subject of a relative clause is the one "which" or "who" stands for
  if (i > 1 && /^(which|who)$/.test(toks[i]!.lower)) return npLeft(toks, np, toks[i - 1]!.text === ',' ? i - 2 : i - 1);
  // "a man who police say shot": an attribution inside a relative clause is an aside; the subject is the one "who" stands for
  const speaker = i > 0 && ATTRIBUTION_IN_CLAUSE.test(toks[i]!.lower) ? npLeft(toks, np, i - 1) : null;
  if (speaker && /^(who|that)$/.test(toks[speaker.first - 1]?.lower ?? '') && speaker.first >= 2) i = speaker.first - 2;
  // "residents of Mavivi (Beni, North Kivu) lynched", "the Arakan Army (AA) seized": what a
  // bracket adds before the verb (a place, an acronym) is an aside; the subject stands before it
  if (i > 0 && toks[i]!.text === ')') {
    let open = i - 1;
    while (open >= 0 && toks[open]!.text !== '(' && toks[open]!.text !== ')') open--;
    if (open > 0 && toks[open]!.text === '(') i = open - 1;
  }
  if (i >= 0 && /^[,–—]$/.test(toks[i]!.text)) {
    // "the spokeswoman, Maria Lopez, said": a name in the aside is who is meant (a place there is
    // the region of the place before it: "young men in Maradi, Niger, burned tyres")
    const head = beforeApposition(toks, i);
    const aside = head >= 0 ? npLeft(toks, np, i - 1) : null;
    i = aside?.ref && aside.entityType !== 'NORP' && aside.kind !== 'place' && aside.first === head + 2 ? i - 1 : head;
  }
  if (i < 0 || toks[i]!.text === ',') return null;
  const p = npLeft(toks, np, i);
  if (!p) return null;
  // the word before the phrase and its article: "backed by the Giants Brigades retook" has no subject there
  const before = /^(the|a|an)$/.test(toks[p.first - 1]?.lower ?? '') ? p.first - 2 : p.first - 1;
  const prep = toks[before]?.lower ?? '';
  // "Fighters of the Arakan Army clashed", "members of a Zawiya militia traded fire": the actor after "of" is who the subject is
  if (prep === 'of' && p.kind === 'actor') return p;
  // "a drone operated by a government task force struck", "a mine laid by Houthi forces exploded": who worked the weapon
  if (prep === 'by' && OPERATED.test(toks[before - 1]?.lower ?? '')) return p;
  if (PREPOSITIONS.has(prep)) {
    // "the defence ministry in Berlin said": the speaker stands before the place
    if (!/^(in|at|from|of|for)$/.test(prep) || before < 1) return null;
    // "a journalist working for a television channel was shot": the head before the participle
    const end = toks[before - 1]!.pos === 'VERB' && /ing$/.test(toks[before - 1]!.lower) ? before - 2 : before - 1;
    const head = end >= 0 ? npLeft(toks, np, end) : null;
    return head && !PREPOSITIONS.has(toks[head.first - 1]?.lower ?? '') ? head : null;
  }
  return p;
}
