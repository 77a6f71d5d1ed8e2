// Stage 5: quantities. A number bound to the thing it counts: "four tanks" → 4 × tank,
// "at least 12 civilians", "dozens of drones", "a French Caesar howitzer" (an article
// counts only when the thing is known equipment). Dates, years, clock times, ordinals,
// percentages and numbers inside names ("Su-25", "47th Brigade") are never quantities.
import type { Entity, Mention, Quantity, Token } from '../../doc.js';
import { SpanIndex } from '../../spans.js';
import type { PipelineContext, Stage } from '../../pipeline.js';
import { APPROXIMATORS, parseNumber, startsNumber, type ParsedNumber } from './numbers.js';
import { ageEnd, isDayOfMonth } from '../../text.js';

const TIME_UNITS = /^(second|minute|hour|day|night|week|weekend|month|year|decade|century|a\.m\.|p\.m\.|am|pm|o'clock|percent|per|%|bn|times?)s?$/;
const NOUNISH = new Set(['NOUN', 'PROPN']);
const MODIFIER = new Set(['ADJ', 'NOUN', 'PROPN', 'NUM', 'VERB']);
const APPROX = APPROXIMATORS.map((a) => a.split(' ')).sort((a, b) => b.length - a.length);
const APPROX_FIRST = new Set(APPROX.map((a) => a[0]!));

export function quantitiesStage(ctx: PipelineContext): Stage {
  const people = ctx.knowledge.people;
  return {
    name: 'quantities',
    requires: ['tokens', 'sentences', 'entities'],
    assigns: ['quantities'],
    run(doc) {
      const dates = new SpanIndex(doc.entities.filter((e) => e.type === 'DATE').flatMap((e) => e.mentions));
      const days = new Set<Token>();
      const inDate = (t: Token) => days.has(t) || dates.containing(t.start, t.end).length > 0;
      // doc.entityAt, by index: the first mention (in the order of doc.entities) that holds a token
      // (a name of another kind, "Windows 95", "the 2014 World Cup", counts nothing: left out)
      const mentions = new SpanIndex(doc.entities.filter((entity) => entity.type !== 'MISC').flatMap((entity) => entity.mentions.map((mention) => ({ entity, mention, start: mention.start, end: mention.end }))));
      const spans: Spans = {
        text: doc.text,
        entityAt: (start, end) => mentions.containing(start, end)[0] ?? null,
        within: (start, end) => mentions.overlapping(start, end).filter((m) => m.start >= start && m.end <= end),
      };
      for (const s of doc.sentences) {
        const toks = doc.tokens.slice(s.firstToken, s.endToken);
        toks.forEach((t, i) => isDayOfMonth(toks, i) && days.add(t));
        const words = toks.map((t) => t.lower);
        let i = 0;
        while (i < toks.length) {
          const found = quantityAt(spans, toks, words, i, inDate, people);
          if (found) {
            doc.quantities.push({ ...found.quantity, id: `q${doc.quantities.length + 1}` });
            i = found.next;
          } else i++;
        }
      }
    },
  };
}

/** The document's text and its entity mentions, found by span (each in the order of doc.entities, then of its mentions). */
interface Spans {
  text: string;
  /** the first mention that holds [start, end) */
  entityAt(start: number, end: number): { entity: Entity; mention: Mention } | null;
  /** the mentions that lie inside [start, end) */
  within(start: number, end: number): Array<{ entity: Entity; mention: Mention }>;
}

function quantityAt(
  spans: Spans,
  toks: Token[],
  words: string[],
  i: number,
  inDate: (t: Token) => boolean,
  people: Set<string>,
): { quantity: Omit<Quantity, 'id'>; next: number } | null {
  const found = numberAt(toks, words, i, inDate);
  if (!found) return null;
  const { number, approximate, j } = found;
  // the noun phrase counted: modifiers, then the head noun (or a known equipment mention)
  const counted = countedHead(spans.entityAt, toks, j, inDate, people);
  if (!counted) return null;
  const { head } = counted;
  let entity = counted.entity;
  const headToken = toks[head]!;
  if (headToken.pos === 'VERB' && !entity && !people.has(headToken.lower)) return null;
  if (TIME_UNITS.test(headToken.lower)) return null;
  if (number.article && (!entity || entity.type !== 'EQUIPMENT')) return null;
  const startToken = toks[i]!;
  const start = startToken.start;
  const end = headToken.end;
  if (!entity) {
    // the last entity named inside the phrase, or the first equipment or people named there
    for (const { entity: e } of spans.within(toks[j]?.start!, end)) {
      if (e.type === 'DATE') continue;
      entity = e;
      if (e.type === 'EQUIPMENT' || e.type === 'NORP') break;
    }
  }
  return {
    quantity: {
      text: spans.text.slice(start, end),
      start,
      end,
      value: number.value,
      approximate: approximate || number.approximate,
      item: itemOf(headToken, people),
      entity: entity?.id ?? null,
    },
    next: head + 1,
  };
}

/** The number starting at token i ("at least 12", "dozens of"), unless it is part of a name, a date, a measure or a label; j is the first token after it. */
function numberAt(toks: Token[], words: string[], i: number, inDate: (t: Token) => boolean): { number: ParsedNumber; approximate: boolean; j: number } | null {
  // "between 12 and 15 civilians"
  const between = words[i] === 'between' && startsNumber(words[i + 1] ?? '');
  if (!between && !APPROX_FIRST.has(words[i]!) && !startsNumber(words[i]!)) return null;
  let at = between ? i + 1 : i;
  let approximate = between;
  if (!between) for (const phrase of APPROX) {
    if (phrase.every((p, k) => words[i + k] === p)) {
      at = i + phrase.length;
      approximate = true;
      break;
    }
  }
  const first = toks[at];
  if (!first || !startsNumber(first.lower) || inDate(first)) return null;
  // a number glued to letters is part of a name or an ordinal: Su-25, 47th, 155mm
  if (/\d/.test(first.text) && !/^[\d.,]+$/.test(first.text)) return null;
  const number = parseNumber(words, at);
  if (!number) return null;
  // a calibre or a measure written solid: "155mm", "152-mm", "5km"
  const unit = toks[at + number.length];
  const glued = unit && unit.start === toks[at + number.length - 1]!.end;
  if (glued && (/^\p{L}/u.test(unit.text) || (unit.text === '-' && /^\p{L}/u.test(toks[at + number.length + 1]?.text ?? '')))) return null;
  if (approximate && number.article) return null;
  let j = at + number.length;
  // a range counts its lower figure, as ACLED codes one ("between 12 and 15 civilians", "12 to 15", "two or three"): approximate
  const upper = words[i - 1] === 'from' ? null : rangeEnd(words, j, between); // ("rose from 5 to 7" is a change)
  if (upper === null && between) return null;
  if (upper !== null) {
    j = upper;
    approximate = true;
  }
  if (words[j] === 'of') j++;
  const previous = toks[i - 1];
  if (previous && /^(no\.|number|#|the|page|article|chapter|resolution|route|highway)$/i.test(previous.text) && !number.article) return null;
  // a four-digit year is a date, whatever follows
  if (number.value !== null && Number.isInteger(number.value) && number.value >= 1900 && number.value <= 2100 && /^\d{4}$/.test(first.text)) return null;
  return { number, approximate, j };
}

/** After a range's first figure at j ("and 15" after "between 12", "to 15", "or three"), the token after its second figure; null when no range goes on there. */
function rangeEnd(words: string[], j: number, between: boolean): number | null {
  const link = words[j];
  if (!(between ? link === 'and' : link === 'to' || link === 'or')) return null;
  const second = startsNumber(words[j + 1] ?? '') ? parseNumber(words, j + 1) : null;
  if (!second || second.value === null || second.article || second.approximate) return null;
  return j + 1 + second.length;
}

/** The head of the noun phrase counted from token j: modifiers, then the head noun, or a known equipment mention. */
function countedHead(entityAt: Spans['entityAt'], toks: Token[], j: number, inDate: (t: Token) => boolean, people: Set<string>): { head: number; entity: Entity | null } | null {
  let head = -1;
  let entity: Entity | null = null;
  for (let k = j; k < toks.length && k < j + 6; k++) {
    const t = toks[k]!;
    if (inDate(t)) break;
    const equipment = entityAt(t.start, t.end);
    if (equipment && equipment.entity.type === 'EQUIPMENT') {
      entity = equipment.entity;
      while (k + 1 < toks.length && toks[k + 1]!.end <= equipment.mention.end) k++;
      head = k;
      break;
    }
    if (t.text === '-' && k > j) continue;
    // "two 17-year-old boys": the age is a modifier of the people counted
    const age = ageEnd(toks, k);
    if (age >= 0) {
      k = age - 1;
      continue;
    }
    if (people.has(t.lower) && t.pos !== 'VERB') {
      head = k;
      if (!(toks[k + 1] && people.has(toks[k + 1]!.lower))) break;
      continue;
    }
    if (!MODIFIER.has(t.pos) || (t.pos === 'VERB' && !/ed$|ing$/.test(t.lower) && k > j)) break;
    if (NOUNISH.has(t.pos) || t.pos === 'VERB') head = k;
    const next = toks[k + 1];
    if (NOUNISH.has(t.pos) && next && (!MODIFIER.has(next.pos) || next.pos === 'VERB' || next.pos === 'ADJ')) break;
  }
  return head < 0 ? null : { head, entity };
}

function itemOf(t: Token, people: Set<string>): string {
  let lemma = t.lemma && t.lemma !== t.lower && !/[A-Z]/.test(t.lemma) ? t.lemma : t.lower;
  // wink leaves capitalised plurals alone: "Palestinians", "Israelis"
  if (lemma === t.lower && /[^s]s$/.test(lemma) && (/^\p{Lu}/u.test(t.text) || people.has(lemma.slice(0, -1)))) lemma = lemma.slice(0, -1);
  return lemma.replace(/['’]s$/, '');
}
