// Casualties: how many people a sentence says were killed, injured or captured, from the
// counted people near "killed", "wounded", "captured" ("killing two civilians", "25 soldiers
// were captured", "killed a Palestinian man"), and which of the sentence's events they belong
// to: the deaths of an attack are the attack's ("…, killing two civilians"), not an event of
// their own.
import type { Casualties, Doc, Token } from '../../doc.js';
import { CASUALTY_WORDS, WORD_NUMBERS } from './cues.js';
import type { Draft, SentenceView } from './frame.js';
import type { Phrase } from './phrases.js';

/**
 * The events of a sentence that stand (a KILLING beside a violent event folds into it), with
 * the sentence's casualties given to the first of them that can carry casualties (the
 * captured to a CAPTURE when there is one), and the killed as its casualties arguments.
 */
export function settleCasualties(view: SentenceView, made: Draft[]): Draft[] {
  const { taxonomy } = view;
  const violent = made.filter((d) => taxonomy.is(d.event.type, 'absorbsKilling'));
  const kept = made.filter((d) => !(d.event.type === 'KILLING' && violent.length > 0));
  const primary = kept.find((d) => taxonomy.is(d.event.type, 'casualties'));
  if (!primary) return kept;
  const casualties = countCasualties(view.doc, view.know.people, view.toks, view.phrases);
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
 * Numbers of people killed, injured and captured in a sentence. A count belongs to the
 * casualty word that governs it: the verb it is the object of ("killed 12 civilians",
 * "wounding at least 30"), or the passive or intransitive verb it is the subject of ("At least
 * 14 civilians … were killed", "two people died", "30 wounded"). A count that is the object of
 * another verb ("displaced 5,000 people") or a part of another count ("including three
 * children") counts no casualties.
 */
export function countCasualties(doc: Doc, people: Set<string>, toks: Token[], phrases: Phrase[]): Casualties {
  const out: Casualties = { killed: null, injured: null, captured: null };
  for (const c of peopleCounts(doc, people, toks, phrases)) {
    if (isSubset(toks, c.first)) continue;
    const verb = governingVerb(toks, c.first);
    const key = verb === undefined ? predicate(toks, c.last) : verb;
    if (key && out[key] === null) out[key] = c.value;
  }
  return out;
}

/** Counted people in a sentence: "12 civilians", "a Palestinian man", and bare numbers next to a casualty word ("killing two", "30 wounded"). */
function peopleCounts(doc: Doc, people: Set<string>, toks: Token[], phrases: Phrase[]): Array<{ first: number; last: number; value: number }> {
  const counts: Array<{ first: number; last: number; value: number }> = [];
  for (const p of phrases) {
    if (p.kind !== 'people' || !p.quantity) continue;
    const q = doc.quantities.find((x) => x.id === p.quantity);
    if (q && q.value !== null && Number.isInteger(q.value)) counts.push({ first: p.first, last: p.last, value: q.value });
  }
  // "killed a Palestinian man", "an 18-year-old man was shot": one person
  for (let i = 0; i < toks.length; i++) {
    if (!/^(a|an|one)$/.test(toks[i]!.lower) || covers(counts, i)) continue;
    let k = i + 1;
    while (k < toks.length && k <= i + 5 && !people.has(toks[k]!.lower) && (/^(ADJ|PROPN|NOUN|NUM)$/.test(toks[k]!.pos) || toks[k]!.text === '-')) k++;
    const head = toks[k];
    if (head && people.has(head.lower) && !/s$/.test(head.lower)) counts.push({ first: i, last: k, value: 1 });
  }
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (covers(counts, i)) continue;
    if (t.pos !== 'NUM' && !/^\d[\d,]*$/.test(t.text)) continue;
    if (doc.entities.some((e) => e.type === 'DATE' && e.mentions.some((m) => m.start <= t.start && m.end >= t.end))) continue;
    const value = Number(t.text.replace(/,/g, '')) || WORD_NUMBERS[t.lower];
    if (!value) continue;
    if (casualtyAt(toks, i - 1) || /^(least|than|about|nearly|some|to)$/.test(toks[i - 1]?.lower ?? '') || casualtyAt(toks, i + 1) || /^(people|others|more)$/.test(toks[i + 1]?.lower ?? '')) {
      counts.push({ first: i, last: i, value });
    }
  }
  return counts.sort((a, b) => a.first - b.first);
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
function governingVerb(toks: Token[], first: number): keyof Casualties | null | undefined {
  let i = first - 1;
  while (i >= 0 && QUANTIFIER.test(toks[i]!.lower)) i--;
  if (i < 0) return undefined;
  // "the capture of 25 soldiers", "the deaths of 12 civilians"
  if (toks[i]!.lower === 'of' && casualtyAt(toks, i - 1)) return casualtyAt(toks, i - 1);
  const key = casualtyAt(toks, i);
  if (key) return key;
  return toks[i]!.pos === 'VERB' && !/^(say|said|says|reported|report|were|was)$/.test(toks[i]!.lower) ? null : undefined;
}

/** The casualty word a count is the subject of: "were killed", "was shot and killed", "died", "30 wounded", "left six people dead". */
function predicate(toks: Token[], last: number): keyof Casualties | null {
  for (let i = last + 1; i < toks.length && i <= last + 8; i++) {
    const w = toks[i]!.lower;
    if (w === '.' || w === ';' || (toks[i]!.pos === 'NUM' && !isSubset(toks, i))) return null;
    const key = casualtyAt(toks, i);
    if (!key) continue;
    if (i === last + 1) return key; // "30 wounded", "12 dead"
    const prev = toks[i - 1]!.lower;
    const passive = /^(was|were|been|being|is|are|got|get|left|fatally|critically|seriously|badly|slightly|mortally)$/.test(prev) || (prev === 'and' && !!casualtyAt(toks, i - 2));
    if (passive || /^(died|dies|die|dead)$/.test(w)) return key;
    return null;
  }
  return null;
}

/** The casualty a word names: "killed", "wounded", "captured", and "shot", which is injured unless "shot dead", "shot and killed", "fatally shot". */
function casualtyAt(toks: Token[], i: number): keyof Casualties | null {
  const t = toks[i];
  if (!t) return null;
  if (t.lower === 'shot' || t.lower === 'gunned') {
    const next = toks[i + 1]?.lower ?? '';
    const after = toks[i + 2]?.lower ?? '';
    if (next === 'dead' || (next === 'to' && after === 'death') || (next === 'and' && /^(killed|died)$/.test(after)) || toks[i - 1]?.lower === 'fatally') return 'killed';
    if (next === 'down' || next === 'at') return null;
    return /^(was|were|been|being|is|are|got)$/.test(toks[i - 1]?.lower ?? '') ? 'injured' : null;
  }
  for (const [re, key] of CASUALTY_WORDS) if (re.test(t.lower)) return key;
  return null;
}

function covers(counts: ReadonlyArray<{ first: number; last: number }>, i: number): boolean {
  for (const c of counts) if (c.first <= i && c.last >= i) return true;
  return false;
}
