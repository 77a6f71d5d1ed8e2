// The evidence an analyst weighs before calling two reports one incident, as numbers: whether
// their types agree, how far apart their dates and places are, whether they name the same
// actors or conflicting ones, whether their death tolls agree, whether the trigger is the same
// word, and how many distinctive words their sentences (and their articles' event sentences)
// share. The linker scores a pair by a linear model over these (weights.json, trained by
// scripts/train-link.ts); hard limits of date and place stay rules (link.ts).
import type { CodedEvent } from '../export/coded.js';
import type { EventPlace } from '../record/places.js';
import { distanceKm } from '../stages/places/resolver.js';

/** An event with what the pair features read, computed once. */
export interface Prepared {
  event: CodedEvent;
  /** days since 1970 of the date it is compared on; null when there is none */
  day: number | null;
  /** its own date is known to the day */
  dated: boolean;
  place: EventPlace | undefined;
  country: string | null;
  names: Set<string>;
  stem: string;
  /** TF-IDF vector of its sentence, unit length */
  words: Map<string, number>;
  /** TF-IDF vector of every event sentence of its article, unit length (shared by the article's events) */
  article: Map<string, number>;
}

export const FEATURES = [
  'bias', 'same_sub_event_type', 'same_event_type', 'same_disorder_type',
  'same_day', 'days_apart', 'date_unknown',
  'place_near', 'same_admin1', 'place_unknown',
  'shared_actor', 'actor_conflict', 'killed_agree', 'killed_differ',
  'same_trigger', 'sentence_similarity', 'article_similarity', 'same_article',
] as const;

const DAY_MS = 86_400_000;
export const dayOf = (date: string | null) => (date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS) : null);

/** Words of a text, lower-cased and stemmed, without numbers and one- or two-letter words; stems are remembered per call of prepareAll. */
export function tokens(text: string, stems = new Map<string, string>()): string[] {
  const out: string[] = [];
  for (const w of text.toLowerCase().match(/\p{L}[\p{L}'’-]*\p{L}/gu) ?? []) {
    if (w.length < 3) continue;
    let s = stems.get(w);
    if (s === undefined) stems.set(w, (s = stemWord(w)));
    out.push(s);
  }
  return out;
}

/** A crude English stem, so that "shooting", "shootings" and "shoot" meet. */
export function stemWord(w: string): string {
  const s = w.replace(/['’]s$/, '');
  for (const suffix of ['ings', 'ing', 'ers', 'ed', 'es', 'er', 's']) {
    if (s.endsWith(suffix) && s.length - suffix.length >= 3) return s.slice(0, -suffix.length);
  }
  return s;
}

function unit(v: Map<string, number>): Map<string, number> {
  let norm = 0;
  for (const x of v.values()) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  for (const [k, x] of v) v.set(k, x / norm);
  return v;
}

function tfidf(words: readonly string[], idf: Map<string, number>): Map<string, number> {
  const v = new Map<string, number>();
  for (const w of words) v.set(w, (v.get(w) ?? 0) + (idf.get(w) ?? 0));
  return unit(v);
}

export function cosine(a: Map<string, number>, b: Map<string, number>): number {
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [k, x] of small) dot += x * (big.get(k) ?? 0);
  return dot;
}

/** Prepares every event; word weights are the inverse document frequency over these events' articles. */
export function prepareAll(events: readonly CodedEvent[]): Prepared[] {
  const docWords = new Map<string, string[]>();
  const stems = new Map<string, string>();
  const words = events.map((e) => tokens(e.notes, stems));
  events.forEach((e, i) => {
    const list = docWords.get(e.doc_id);
    if (list) list.push(...words[i]!);
    else docWords.set(e.doc_id, [...words[i]!]);
  });
  const df = new Map<string, number>();
  for (const ws of docWords.values()) for (const w of new Set(ws)) df.set(w, (df.get(w) ?? 0) + 1);
  const n = docWords.size;
  // smoothed: a word in every article weighs little, a word of one article most (it still counts in the sentence's length)
  const idf = new Map([...df].map(([w, d]) => [w, Math.log((n + 1) / d)]));
  const articles = new Map([...docWords].map(([doc, ws]) => [doc, tfidf(ws, idf)]));
  return events.map((e, i) => prepare(e, tfidf(words[i]!, idf), articles.get(e.doc_id)!));
}

function prepare(event: CodedEvent, words: Map<string, number>, article: Map<string, number>): Prepared {
  const dated = event.time_precision === 1;
  const day = dated ? dayOf(event.event_date) : dayOf(event.published) ?? dayOf(event.event_date);
  // a whole country says too little to match places on: such an event counts as unplaced (its country still blocks)
  const precise = event.places.filter((p) => p.rank < 4);
  const place = precise.find((p) => p.lat !== null && p.lon !== null) ?? precise[0];
  // named actors only: "Civilians" or "Police" in two reports says nothing about their being one incident
  const names = new Set([...event.actors1, ...event.actors2].filter((a) => a.entity).map((a) => a.name.toLowerCase()));
  const stem = stemWord(event.trigger.text.toLowerCase().trim().split(/\s+/)[0] ?? '');
  return { event, day, dated, place, country: place?.country ?? event.places[0]?.country ?? null, names, stem, words, article };
}

/** Two names of one actor: the same words, or one's words all in the other ("Gigante", "Vincent Gigante"; "Staunton Police", "Staunton Police Department"). */
export function sameName(x: string, y: string): boolean {
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  const words = new Set(long.split(/\s+/));
  return short.split(/\s+/).every((w) => words.has(w));
}

const named = (names: Set<string>, name: string) => names.has(name) || [...names].some((n) => sameName(n, name));

export const sharedNames = (a: Prepared, b: Prepared) => [...a.names].filter((n) => named(b.names, n)).length;

/** A region contains the places in it. */
function contains(big: EventPlace, small: EventPlace): boolean {
  if (big.country && small.country && big.country !== small.country) return false;
  if (big.rank >= 3) return big.name === small.admin1 || (big.admin1 !== null && big.admin1 === small.admin1);
  return false;
}

/** Both places known and one incident's: within maxKm, in one admin2, of one name, or one inside the other. */
export function placesNear(p: EventPlace, q: EventPlace, maxKm: number): boolean {
  if (p.lat !== null && p.lon !== null && q.lat !== null && q.lon !== null && distanceKm({ lat: p.lat, lon: p.lon }, { lat: q.lat, lon: q.lon }) <= maxKm) return true;
  if (p.admin2 && p.admin2 === q.admin2 && p.country === q.country) return true;
  if (p.name === q.name && p.country === q.country) return true;
  return contains(p, q) || contains(q, p);
}

/** ACLED's inter codes of armed actors: state forces, rebels, political militias, identity militias, external forces */
const ARMED = new Set([1, 2, 3, 4, 8]);

/**
 * Two events' main actors conflict when each names a different one that the other does not name
 * at all: 'armed' when both are named armed groups or forces (Boko Haram against ISWAP), 'named'
 * when both are named otherwise (people: a shooter in one report is often the victim in
 * another's reading), 'kind' when they are of different kinds (a state's forces against rebels).
 */
export function actorsConflict(a: Prepared, b: Prepared): 'armed' | 'named' | 'kind' | null {
  const x = a.event.actors1[0];
  const y = b.event.actors1[0];
  if (!x || !y) return null;
  if (sameName(x.name.toLowerCase(), y.name.toLowerCase()) || named(a.names, y.name.toLowerCase()) || named(b.names, x.name.toLowerCase())) return null;
  if (x.entity && y.entity) return ARMED.has(x.inter ?? 0) && ARMED.has(y.inter ?? 0) ? 'armed' : 'named';
  const kinds = x.inter !== null && y.inter !== null && x.inter !== y.inter && !b.event.actors2.some((t) => t.inter === x.inter) && !a.event.actors2.some((t) => t.inter === y.inter);
  return kinds ? 'kind' : null;
}

/**
 * What the pair's limits, rule and features all read: whether its actors conflict and whether
 * its places are near (both places known), each worked out once, when first asked for.
 */
export class PairFacts {
  private conflictOf?: { value: ReturnType<typeof actorsConflict> };
  private nearOf?: boolean;

  constructor(
    readonly a: Prepared,
    readonly b: Prepared,
    readonly maxKm: number,
  ) {}

  get conflict(): ReturnType<typeof actorsConflict> {
    return (this.conflictOf ??= { value: actorsConflict(this.a, this.b) }).value;
  }

  get near(): boolean {
    return (this.nearOf ??= Boolean(this.a.place && this.b.place && placesNear(this.a.place, this.b.place, this.maxKm)));
  }
}

/** The pair's features, in the order of FEATURES. */
export function pairFeatures(a: Prepared, b: Prepared, maxKm: number, facts = new PairFacts(a, b, maxKm)): number[] {
  const x = a.event;
  const y = b.event;
  const days = a.day !== null && b.day !== null ? Math.abs(a.day - b.day) : null;
  const near = facts.near;
  const admin1 = Boolean(a.place?.admin1 && a.place.admin1 === b.place?.admin1 && a.place.country === b.place?.country);
  const killed = x.killed !== null && y.killed !== null;
  return [
    1,
    Number(x.sub_event_type !== '' && x.sub_event_type === y.sub_event_type),
    Number(x.event_type === y.event_type),
    Number(x.disorder_type !== '' && x.disorder_type === y.disorder_type),
    Number(days === 0),
    days === null ? 0 : Math.min(days, 3) / 3,
    Number(days === null),
    Number(near),
    Number(admin1 && !near),
    Number(!a.place || !b.place),
    Math.min(sharedNames(a, b), 2) / 2,
    Number(facts.conflict !== null),
    Number(killed && x.killed === y.killed),
    Number(killed && x.killed !== y.killed),
    Number(a.stem !== '' && a.stem === b.stem),
    cosine(a.words, b.words),
    x.doc_id === y.doc_id ? 0 : cosine(a.article, b.article),
    Number(x.doc_id === y.doc_id),
  ];
}
