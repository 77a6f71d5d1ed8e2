// Casualties: how many people a sentence says were killed, injured or captured, from the
// counted people near "killed", "wounded", "captured" ("killing two civilians", "25 soldiers
// were captured", "killed a Palestinian man"), and which of the sentence's events they belong
// to: the deaths of an attack are the attack's ("…, killing two civilians"), not an event of
// their own.
import type { Casualties, Doc, Token } from '../../doc.js';
import type { Draft, SentenceView } from './frame.js';
import type { Phrase } from './phrases.js';
import type { DocIndex } from './doc-index.js';
import { numberWordValue } from '../quantities/numbers.js';

/**
 * The events of a sentence that stand (a KILLING beside a violent event folds into it), with
 * the sentence's casualties given to the first of them that can carry casualties (the
 * captured to a CAPTURE when there is one), and the killed as its casualties arguments.
 */
export function settleCasualties(view: SentenceView, made: Draft[]): Draft[] {
  const { taxonomy } = view;
  const sentence = view.doc.sentences[view.s]!;
  // a war-wide or period toll is no event, nor are the plural deeds it sums ("Air strikes have
  // killed 1,200 civilians this year"), and its dead are no incident's
  if (isPeriodToll(view.doc.text.slice(sentence.start, sentence.end))) return made.filter((d) => d.event.type !== 'KILLING' && !(d.nominal && /s$/i.test(d.event.trigger.text)));
  const violent = made.filter((d) => taxonomy.is(d.event.type, 'absorbsKilling'));
  const kept = made.filter((d) => !(d.event.type === 'KILLING' && violent.length > 0));
  const primary = kept.find((d) => taxonomy.is(d.event.type, 'casualties'));
  if (!primary) return kept;
  const casualties = countCasualties(view.doc, view.know.people, view.toks, view.phrases, view.cues.casualty, { index: view.index, s: view.s });
  const killingTarget = made.find((d) => d.event.type === 'KILLING')?.event.args.filter((a) => a.role === 'target') ?? [];
  for (const key of ['killed', 'injured', 'captured'] as const) {
    if (casualties[key] !== null) {
      const owner = key === 'captured' ? kept.find((d) => d.event.type === 'CAPTURE') ?? primary : primary;
      owner.event.casualties[key] = casualties[key];
    }
  }
  if (primary.event.type !== 'KILLING') for (const a of killingTarget) if (!primary.event.args.some((b) => b.start === a.start)) primary.event.args.push({ ...a, role: 'casualties' });
  return kept;
}

/**
 * A toll over a period rather than an incident: "More than 330,000 people have been killed
 * since the conflict began", "Air strikes have killed 1,200 civilians this year", "the death
 * toll of the war". It counts over a span of time (since, so far, this year, in total, over the
 * past …) in the perfect ("have been killed", "has claimed") or as a toll.
 */
export function isPeriodToll(sentence: string): boolean {
  const period = /\b(since|so far|to date|this year|last year|in total|altogether|over the (past|last)|during the (war|conflict|uprising|fighting)|of the (war|conflict))\b/i;
  const perfect = /\b(have|has|had)\s+(now\s+)?(been\s+)?(killed|died|claimed|left|wounded|injured)\b|\bdeath toll\b|\btoll\b/i;
  return period.test(sentence) && perfect.test(sentence);
}

/**
 * Numbers of people killed, injured and captured in a sentence. A count belongs to the
 * casualty word that governs it: the verb it is the object of ("killed 12 civilians",
 * "wounding at least 30"), or the passive or intransitive verb it is the subject of ("At least
 * 14 civilians … were killed", "two people died", "30 wounded"). A count that is the object of
 * another verb ("displaced 5,000 people") or a part of another count ("including three
 * children") counts no casualties.
 */
/** cues.json's casualty words: word → what it says happened to the people counted near it */
type CasualtyWords = ReadonlyMap<string, keyof Casualties>;

/** `at`: the sentence's place in the run's index, so dates and quantities are looked up there rather than across the document */
export function countCasualties(doc: Doc, people: Set<string>, toks: Token[], phrases: Phrase[], casualty: CasualtyWords, at?: { index: DocIndex; s: number }): Casualties {
  const out: Casualties = { killed: null, injured: null, captured: null };
  for (const c of peopleCounts(doc, people, toks, phrases, casualty, at)) {
    if (isSubset(toks, c.first)) continue;
    const verb = c.subjectOnly ? undefined : governingVerb(toks, c.first, casualty);
    const key = verb === undefined ? predicate(toks, c.last, casualty, !c.subjectOnly) : verb;
    if (key && out[key] === null) out[key] = c.value;
  }
  return out;
}

/** Counted people in a sentence: "12 civilians", "a Palestinian man", and bare numbers next to a casualty word ("killing two", "30 wounded"). */
function peopleCounts(doc: Doc, people: Set<string>, toks: Token[], phrases: Phrase[], casualty: CasualtyWords, at?: { index: DocIndex; s: number }): PeopleCount[] {
  const counts: PeopleCount[] = [];
  for (const p of phrases) {
    if (p.kind !== 'people' || !p.quantity) continue;
    const q = at ? at.index.quantity(p.quantity) : doc.quantities.find((x) => x.id === p.quantity);
    if (q && q.value !== null && Number.isInteger(q.value)) counts.push({ first: p.first, last: p.last, value: q.value });
  }
  // a named person: "Ronald Munn, 28, was shot" (only as the subject of a casualty verb, below)
  for (const p of phrases) {
    if (p.entityType === 'PERSON' && !covers(counts, p.first)) counts.push({ first: p.first, last: p.last, value: 1, subjectOnly: true });
  }
  // "killed a Palestinian man", "an 18-year-old man was shot", "the victim died": one person
  for (let i = 0; i < toks.length; i++) {
    if (!/^(a|an|one|the)$/.test(toks[i]!.lower) || covers(counts, i)) continue;
    let k = i + 1;
    while (k < toks.length && k <= i + 5 && !people.has(toks[k]!.lower) && (/^(ADJ|PROPN|NOUN|NUM)$/.test(toks[k]!.pos) || toks[k]!.text === '-')) k++;
    const head = toks[k];
    if (head && people.has(head.lower) && !/s$/.test(head.lower)) counts.push({ first: i, last: k, value: 1, subjectOnly: toks[i]!.lower === 'the' });
  }
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (covers(counts, i)) continue;
    if (t.pos !== 'NUM' && !/^\d[\d,]*$/.test(t.text)) continue;
    if (at ? at.index.insideDate(at.s, t.start, t.end) : doc.entities.some((e) => e.type === 'DATE' && e.mentions.some((m) => m.start <= t.start && m.end >= t.end))) continue;
    const value = Number(t.text.replace(/,/g, '')) || numberWordValue(t.lower);
    if (!value || !Number.isInteger(value)) continue; // people are counted in whole numbers
    if (casualtyAt(toks, i - 1, casualty) || /^(least|than|about|nearly|some|to)$/.test(toks[i - 1]?.lower ?? '') || casualtyAt(toks, i + 1, casualty) || /^(people|others|more)$/.test(toks[i + 1]?.lower ?? '')) {
      counts.push({ first: i, last: i, value });
    }
  }
  return counts.sort((a, b) => a.first - b.first);
}

/** Counted people at tokens first…last; `subjectOnly`: a name or "the man", which counts only as the subject of a casualty verb. */
interface PeopleCount {
  first: number;
  last: number;
  value: number;
  subjectOnly?: boolean;
}

const QUANTIFIER = /^(at|least|most|more|than|about|around|nearly|almost|some|up|to|over|another|further|roughly|approximately|an|estimated)$/;

/** "including three children", "among them two medics": part of a count already made. */
function isSubset(toks: Token[], first: number): boolean {
  for (let i = first - 1; i >= 0 && i >= first - 3; i--) {
    const w = toks[i]!.lower;
    if (/^(including|includes|included|among)$/.test(w)) return true;
    if (!QUANTIFIER.test(w) && w !== 'them') return false;
  }
  return false;
}

/**
 * The verb a count is the object of: "killed 12", "wounding at least 30"; null when another
 * verb governs it ("displaced 5,000"), which makes it no casualty count; undefined when no verb does.
 */
function governingVerb(toks: Token[], first: number, casualty: CasualtyWords): keyof Casualties | null | undefined {
  let i = first - 1;
  while (i >= 0 && QUANTIFIER.test(toks[i]!.lower)) i--;
  if (i < 0) return undefined;
  // "the capture of 25 soldiers", "the deaths of 12 civilians"
  if (toks[i]!.lower === 'of' && casualtyAt(toks, i - 1, casualty)) return casualtyAt(toks, i - 1, casualty);
  const key = casualtyAt(toks, i, casualty);
  if (key) return key;
  return toks[i]!.pos === 'VERB' && !/^(say|said|says|reported|report|were|was)$/.test(toks[i]!.lower) ? null : undefined;
}

/** The casualty word a count is the subject of: "were killed", "was shot and killed", "died", "30 wounded" (`adjacent`: a count right before the word), "left six people dead". */
function predicate(toks: Token[], last: number, casualty: CasualtyWords, adjacent: boolean): keyof Casualties | null {
  for (let i = last + 1; i < toks.length && i <= last + 8; i++) {
    const w = toks[i]!.lower;
    const age = toks[i - 1]?.text === ',' && toks[i + 1]?.text === ','; // "Ronald Munn, 28, was shot"
    if (w === '.' || w === ';' || (toks[i]!.pos === 'NUM' && !isSubset(toks, i) && !age)) return null;
    const key = casualtyAt(toks, i, casualty);
    if (!key) continue;
    if (i === last + 1 && adjacent) return key; // "30 wounded", "12 dead" (a name before a verb is its subject: "Bandits kidnapped")
    const prev = toks[i - 1]!.lower;
    const passive = /^(was|were|been|being|is|are|got|get|left|fatally|critically|seriously|badly|slightly|mortally)$/.test(prev) || (prev === 'and' && !!casualtyAt(toks, i - 2, casualty));
    if (passive || /^(died|dies|die|dead)$/.test(w)) return key;
    return null;
  }
  return null;
}

/** The casualty a word names: "killed", "wounded", "captured", and "shot", which is injured unless "shot dead", "shot and killed", "fatally shot". */
function casualtyAt(toks: Token[], i: number, casualty: CasualtyWords): keyof Casualties | null {
  const t = toks[i];
  if (!t) return null;
  if (t.lower === 'shot' || t.lower === 'gunned') {
    const next = toks[i + 1]?.lower ?? '';
    const after = toks[i + 2]?.lower ?? '';
    if (next === 'dead' || (next === 'to' && after === 'death') || (next === 'and' && /^(killed|died)$/.test(after)) || toks[i - 1]?.lower === 'fatally') return 'killed';
    if (next === 'down' || next === 'at') return null;
    return /^(was|were|been|being|is|are|got)$/.test(toks[i - 1]?.lower ?? '') ? 'injured' : null;
  }
  return casualty.get(t.lower) ?? null;
}

function covers(counts: ReadonlyArray<{ first: number; last: number }>, i: number): boolean {
  for (const c of counts) if (c.first <= i && c.last >= i) return true;
  return false;
}
