// The noun phrases an event's arguments are drawn from, per sentence: entity mentions,
// quantities, and descriptions of actors the lexicons cannot name ("anti-Kremlin
// militants", "these groups", "the regional governor"). Positions are token indices
// into the sentence, so argument rules can look at the words around a phrase.
import type { Doc, EntityType, Token } from '../../doc.js';
import type { DocIndex } from './doc-index.js';

export type PhraseKind = 'actor' | 'place' | 'equipment' | 'facility' | 'people' | 'date' | 'other';

export interface Phrase {
  first: number;
  last: number;
  start: number;
  end: number;
  kind: PhraseKind;
  ref: string | null;
  entityType: EntityType | null;
  /** for quantities: the quantity id */
  quantity?: string;
}

const DETERMINERS = new Set(['the', 'a', 'an']);
const DEMONSTRATIVES = new Set(['these', 'those', 'this', 'such']); // not "that": "said that Soviet forces…"
const KIND_OF: Record<EntityType, PhraseKind> = {
  PERSON: 'actor', ORG: 'actor', ARMED_GROUP: 'actor', NORP: 'actor', GPE: 'place', LOC: 'place',
  FACILITY: 'facility', EQUIPMENT: 'equipment', DATE: 'date', MISC: 'other',
};

export interface PhraseContext {
  actorNouns: Set<string>;
  people: Set<string>;
  /** the document's mentions and quantities by sentence */
  index: DocIndex;
}

export function sentencePhrases(doc: Doc, sentence: number, toks: Token[], ctx: PhraseContext): Phrase[] {
  const tokenAt = (offset: number, edge: 'start' | 'end') => {
    const i = edge === 'start' ? toks.findIndex((t) => t.end > offset) : findLast(toks, (t) => t.start < offset);
    return i;
  };
  const phrases: Phrase[] = [];
  for (const { entity: e, mention: m } of ctx.index.sentenceMentions(sentence)) {
    phrases.push({ first: tokenAt(m.start, 'start'), last: tokenAt(m.end, 'end'), start: m.start, end: m.end, kind: KIND_OF[e.type], ref: e.id, entityType: e.type });
  }
  for (const q of ctx.index.sentenceQuantities(sentence)) {
    const last = tokenAt(q.end, 'end');
    const head = toks[last];
    if (!head) continue;
    const counted = ctx.index.entity(q.entity);
    // "25 Russian soldiers" counts people; "four tanks" counts equipment; "nearly 300 homes" things
    const kind: PhraseKind = ctx.people.has(head.lower) ? 'people' : counted?.type === 'EQUIPMENT' ? 'equipment' : 'other';
    phrases.push({ first: tokenAt(q.start, 'start'), last, start: q.start, end: q.end, kind, ref: kind === 'people' ? q.id : counted?.id ?? null, entityType: kind === 'equipment' ? 'EQUIPMENT' : null, quantity: q.id });
  }
  // descriptions: "Islamist militants", "pro-government militias", "these groups", "the regional governor"
  const covered = (i: number) => phrases.some((p) => p.first <= i && p.last >= i && p.kind !== 'actor');
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (!ctx.actorNouns.has(t.lower) || covered(i) || t.pos === 'VERB') continue;
    if (phrases.some((p) => p.kind === 'actor' && p.first <= i && p.last >= i)) continue; // "Russian forces" is an entity already
    const next = toks[i + 1];
    if (next && next.pos === 'NOUN' && /^\p{Ll}/u.test(next.text) && !/ed$/.test(next.lower) && !/(s|men)$/.test(t.lower)) continue; // the head is further right: "military assets"
    let first = i;
    while (first > 0) {
      const prev = toks[first - 1]!;
      // "Kachin Independence Army (KIA) fighters": the name before its acronym in brackets
      if (prev.text === ')' && first === i) {
        const open = first - 3 >= 0 && toks[first - 3]!.text === '(' ? first - 3 : -1;
        const named = open > 0 ? phrases.find((p) => p.kind === 'actor' && p.ref && p.last === open - 1) : undefined;
        if (named) first = named.first;
        break;
      }
      if (DETERMINERS.has(prev.lower) || (prev.kind === 'punctuation' && !hyphenAt(toks, first - 1))) break;
      if (DEMONSTRATIVES.has(prev.lower)) {
        first--;
        break;
      }
      // a named actor before the noun whatever wink tags its words ("IS militants": IS/AUX)
      const named = phrases.find((p) => p.kind === 'actor' && p.ref && p.last === first - 1);
      if (named) {
        first = named.first;
        continue;
      }
      if (!['ADJ', 'PROPN', 'NOUN'].includes(prev.pos) && !hyphenAt(toks, first - 1) && !/^(anti|pro)-/.test(prev.lower)) break;
      if (/ing$/.test(prev.lower) && prev.pos !== 'ADJ') break;
      if (phrases.some((p) => p.last === first - 1 && p.kind !== 'actor')) break;
      first--;
    }
    const inner = phrases.filter((p) => p.first >= first && p.last <= i);
    const ref = inner.find((p) => p.kind === 'actor')?.ref ?? null;
    // a forces entity already covers "Russian forces": keep it
    if (phrases.some((p) => p.kind === 'actor' && p.first <= first && p.last >= i)) continue;
    for (const p of inner) phrases.splice(phrases.indexOf(p), 1);
    phrases.push({ first, last: i, start: toks[first]!.start, end: t.end, kind: 'actor', ref, entityType: null });
  }
  // "Russia's Defence Ministry", "Moscow's troops": one actor phrase, owned by the institution
  for (const owner of phrases.filter((p) => p.kind === 'place' && toks[p.last + 1]?.lower === "'s")) {
    const actor = phrases.find((q) => q.kind === 'actor' && q.first === owner.last + 2 && q.ref);
    if (!actor) continue;
    actor.first = owner.first;
    actor.start = owner.start;
    phrases.splice(phrases.indexOf(owner), 1);
  }
  return phrases.filter((p) => p.first >= 0 && p.last >= p.first).sort((a, b) => a.first - b.first || b.last - a.last);
}

function findLast<T>(xs: T[], test: (x: T) => boolean): number {
  for (let i = xs.length - 1; i >= 0; i--) if (test(xs[i]!)) return i;
  return -1;
}

/** A hyphen inside a word ("Turkish-backed"), not a dash between words ("(Reuters) - Gunmen …"). */
function hyphenAt(toks: readonly Token[], k: number): boolean {
  const t = toks[k]!;
  return t.text === '-' && toks[k - 1]?.end === t.start && toks[k + 1]?.start === t.end;
}
