// Stage 4: dates. chrono-node parses each sentence (much faster than whole documents: see
// docs/PERFORMANCE-NOTES.md) with doc.published as the reference; news reports the past, so a bare weekday or a
// month-day falls on or before publication. Expressions chrono lacks ("earlier this
// month", "in 2014", "last year") are added as small parsers of our own.
import * as chrono from 'chrono-node';
import type { Doc } from '../../doc.js';
import type { PipelineContext, Stage } from '../../pipeline.js';
import { alternation, MONTH_ABBREVIATIONS, MONTHS } from '../../text.js';

export type Precision = 'day' | 'month' | 'year';

export interface ResolvedDate {
  start: number;
  end: number;
  value: string;
  precision: Precision;
}

const MONTH_NAMES = new RegExp(`^(${alternation([...MONTHS, ...MONTH_ABBREVIATIONS])})\\.?$`, 'i');
/** month names that are English words too ("forces may", "a protest march"): read only with their capital */
const AMBIGUOUS_MONTHS = new Set(['march', 'may', 'mar']);
const BEFORE_BARE_MONTH = /\b(in|since|until|till|by|during|through|from|of|early|late|mid|last|next|this|since early|since late)\s*-?$/i;

/** Words without which an expression names no day, month or year. */
const DATEISH = new RegExp(String.raw`\d|\b(${alternation(MONTHS.map((m) => m.slice(0, 3)))})[a-z]*\b|` + /\b(mon|tues?|wed(nes)?|thu(rs)?|fri|sat(ur)?|sun)(day)?\b|\b(today|tonight|yesterday|tomorrow|week|weekend|month|year|ago|night|morning|evening|afternoon)\b/.source, 'i');

/**
 * Can the sentence hold a date? A speed trick: chrono is slow, and most news sentences with a
 * number count people or things, so it only reads sentences with one of:
 * - a month or a weekday as a whole word, "May" and "March" with their capital ("forces may",
 *   "a protest march"), or a word of relative time ("yesterday", "last week", "two years ago");
 * - digits shaped like a date: a year, digits around a slash, dot or dash ("3/16", "16.03.2024",
 *   "2024-03-16"), or a count of time units ("48 hours before", "in 5 days").
 */
export function mayHoldDate(sentence: string): boolean {
  return DATE_WORDS.test(sentence) || CAPITAL_MONTHS.test(sentence) || DATE_DIGITS.test(sentence);
}
const DATE_WORDS = new RegExp(
  String.raw`\b(?:(?:${alternation(MONTH_ABBREVIATIONS.filter((m) => !AMBIGUOUS_MONTHS.has(m)))})\.?|${alternation(MONTHS.filter((m) => !AMBIGUOUS_MONTHS.has(m)))}|` +
    String.raw`(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?|today|tonight|yesterday|tomorrow|weeks?|weekends?|months?|years?|ago|night|morning|evening|afternoon)\b`,
  'i',
);
const CAPITAL_MONTHS = /\b(?:May|MAY|Mar|March|MARCH)\b/;
const DATE_DIGITS = /\b(?:1\d|20)\d\d\b|\d\s*[-/.–]\s*\d|\d\s*-?\s*(?:sec|min|hour|hr|day|week|month|year|decade|quarter)/i;

/** A sentence about what is to come: its weekdays lie ahead of publication. */
const FUTURE = /\b(will|shall|(is|are) expected|(is|are) due|(is|are) scheduled|plans? to|forecasts?|forecasters|upcoming|set to)\b/i;

function makeParser(): chrono.Chrono {
  const parser = chrono.casual.clone();
  // "earlier this month", "late last year", "this week": month or year precision
  parser.parsers.push({
    pattern: () => /\b(?:(earlier|later|late|early|mid)[- ])?(this|last|past|previous)\s+(week|month|year)\b/i,
    extract: (context, match) => {
      const ref = context.reference.instant;
      const unit = match[3]!.toLowerCase();
      const last = /last|past|previous/i.test(match[2]!);
      const d = new Date(Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth(), ref.getUTCDate(), 12));
      if (unit === 'year') {
        const year = d.getUTCFullYear() - (last ? 1 : 0);
        return { year } as never;
      }
      if (unit === 'month') {
        if (last) d.setUTCMonth(d.getUTCMonth() - 1, 1);
        return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 } as never;
      }
      if (last) d.setUTCDate(d.getUTCDate() - 7);
      return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: 12 } as never;
    },
  });
  // "in 2014", "since 2022", "the 2008 war"
  parser.parsers.push({
    pattern: () => /\b(?:in|since|of|during|until|by|from)\s+((?:19|20)\d{2})\b(?![-/.]\d)/i,
    extract: (_context, match) => ({ year: Number(match[1]) }) as never,
  });
  return parser;
}

export function datesStage(_ctx: PipelineContext): Stage {
  const parser = makeParser();
  return {
    name: 'dates',
    requires: ['text', 'sentences', 'meta', 'entities'],
    assigns: ['entities', 'warnings'],
    run(doc) {
      const published = doc.meta.published ? new Date(`${doc.meta.published}T12:00:00Z`) : null;
      if (!published) doc.warn('no-published-date', 'no publication date: relative dates ("on Sunday") are left unresolved');
      const dates: ResolvedDate[] = [];
      const reference = { instant: published ?? new Date(0), timezone: 0 };
      for (const s of doc.sentences) {
        const sentence = doc.text.slice(s.start, s.end);
        if (!mayHoldDate(sentence)) continue;
        const results = parser.parse(sentence, reference, { forwardDate: false });
        for (const r of results.map((x) => dayOfPart(parser, withoutCount(parser, x, reference), reference))) {
          const resolved = resolve(doc, s.start, sentence, r, published);
          if (resolved) dates.push(resolved);
        }
      }
      addDateEntities(doc, dates);
    },
  };
}

/**
 * "the morning of 1 March 2019": chrono reads the part of the day and takes the date after "of"
 * into it, certain of no day; the date is read again from the words after "of".
 */
function dayOfPart(parser: chrono.Chrono, r: Reading, reference: chrono.ParsingReference): Reading {
  const part = PART_OF_DAY.exec(r.text);
  if (!part || r.start.isCertain('day') || r.start.isCertain('month') || r.start.isCertain('year')) return r;
  return reread(parser, r, part[0].length, r.text.length, reference) ?? r;
}

/**
 * "In June, 40 people died", "Last month, 11 people were killed": chrono takes the count after
 * the comma for a year or a day (June 2040); the date is read again without it. A year written
 * in four figures stays ("June 5, 2024").
 */
function withoutCount(parser: chrono.Chrono, r: chrono.ParsedResult, reference: chrono.ParsingReference): Reading {
  const count = /,\s*\d{1,3}$/.exec(r.text);
  if (!count || /\d{4}/.test(r.text)) return r;
  return reread(parser, r, 0, count.index, reference) ?? r;
}

/** The date chrono reads in part of a result's text (start…end), placed in the sentence; null when it reads none. */
function reread(parser: chrono.Chrono, r: Reading, start: number, end: number, reference: chrono.ParsingReference): Reading | null {
  const again = parser.parse(r.text.slice(start, end), reference, { forwardDate: false })[0];
  return again ? { text: again.text, index: r.index + start + again.index, start: again.start } : null;
}

/** What resolve reads of a chrono result. */
type Reading = Pick<chrono.ParsedResult, 'text' | 'index' | 'start'>;
const PART_OF_DAY = /^(?:(?:early|late)\s+)?(?:morning|afternoon|evening|night)\s+of\s+/i;

function resolve(doc: Doc, offset: number, sentence: string, r: Reading, published: Date | null): ResolvedDate | null {
  let text = r.text;
  let index = r.index;
  // chrono includes clock times and prepositions, "at 5 p.m. on Friday", and an age before them,
  // "Ahmed Musa, 12, on Monday": keep the date words
  const lead = /^(?:\d{1,3},\s+)?(?:(?:on|at|in|since|by|from|during|until|of)\s+)+/i.exec(text);
  if (lead) {
    text = text.slice(lead[0].length);
    index += lead[0].length;
  }
  const start = r.start;
  const known = (c: chrono.Component) => start.isCertain(c);
  const hasDay = known('day') || known('weekday') || /\b(yesterday|today|tonight|last night)\b/i.test(text);
  const hasMonth = known('month') || hasDay;
  const hasYear = known('year');
  if (!hasDay && !hasMonth && !hasYear) return null; // a clock time alone
  // "now" is no date, and "USA TODAY" is a newspaper
  if (/^(now|right now|just now)$/i.test(text.trim()) || (/^[A-Z]{3,}$/.test(text.trim()) && !MONTH_NAMES.test(text.trim()))) return null;
  // a weekday abbreviation is a date only with its capital: "Sat" or "Sat.", not "sat out", "wed to"
  if (/^(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?$/i.test(text.trim()) && !/^\p{Lu}/u.test(text)) return null;
  // a bare month name must look like a date: "in May", not "forces may", "protesters march"
  if (MONTH_NAMES.test(text.trim())) {
    if (!/^\p{Lu}/u.test(text) || !BEFORE_BARE_MONTH.test(sentence.slice(0, index))) return null;
  }
  // without a publication date only a date that names its year can be resolved
  if (!published && !/\b\d{4}\b/.test(text)) return null;
  // "for a second", "in a minute": durations, not dates
  if (!DATEISH.test(text)) return null;
  let date = start.date();
  // news reports what happened: a weekday or "March 12" without a year lies on or before publication
  const future = /\b(next|coming|tomorrow)\b/i.test(text) || FUTURE.test(sentence);
  if (published && !hasYear && date.getTime() > published.getTime() + 36e5 * 12 && !future) {
    if (known('weekday') && !known('day')) date = new Date(date.getTime() - 7 * 864e5);
    else if (known('month')) date = new Date(Date.UTC(date.getUTCFullYear() - 1, date.getUTCMonth(), date.getUTCDate(), 12));
  }
  const iso = date.toISOString();
  const precision: Precision = hasDay ? 'day' : hasMonth ? 'month' : 'year';
  const value = precision === 'day' ? iso.slice(0, 10) : precision === 'month' ? iso.slice(0, 7) : iso.slice(0, 4);
  const trimmed = text.replace(/[\s,.;:]+$/, '');
  return { start: offset + index, end: offset + index + trimmed.length, value, precision };
}

function addDateEntities(doc: Doc, dates: ResolvedDate[]): void {
  const byValue = new Map<string, number>();
  for (const d of dates) {
    // a date inside a name is no date ("Theresa May"), but one inside a name of another kind stays ("the 2014 World Cup")
    if (doc.entities.some((e) => e.type !== 'MISC' && e.mentions.some((m) => m.start < d.end && m.end > d.start))) continue;
    const mention = doc.mention(d.start, d.end);
    const existing = byValue.get(d.value);
    if (existing !== undefined) {
      doc.entities[existing]!.mentions.push(mention);
      continue;
    }
    byValue.set(d.value, doc.entities.length);
    doc.entities.push({ id: doc.newEntityId(), type: 'DATE', name: d.value, mentions: [mention], kb: { value: d.value, precision: d.precision } });
  }
  // the entities stay in order of first mention across all types (the record numbers them in this order)
  doc.entities.sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
}
