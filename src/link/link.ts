// Incidents across articles: the events that several documents report of one real incident,
// joined. Some pairs can never be one incident: dates more than a day apart (two when one is
// dated only by its article), two countries, two located places more than 25 km apart (and not
// in one admin2, nor one inside the other's region), a demonstration beside an act of
// violence, or two different named armed groups as the main actors. Of the rest, a pair is one
// incident when it meets the analyst's rule (the same ACLED type, dates known and agreeing,
// places near, or a shared named actor when a place is unknown), or when the pair model
// (features.ts, weights.json) scores it above its threshold: types, dates, places, actors,
// death tolls, the trigger word and the distinctive words of the sentences and articles.
// An event joins the incident with its best-scoring member (the first 50 checked).
// Events are blocked by day and country, so each is compared with the few incidents of the
// days around it, never with all the others; the order they are taken in is fixed (day,
// document, event), so the result does not depend on the input order.
import { readFileSync } from 'node:fs';
import type { CodedActor, CodedEvent } from '../export/coded.js';
import type { EventPlace } from '../record/places.js';
import { PairFacts, pairFeatures, prepareAll, sharedNames, type Prepared } from './features.js';

export interface LinkOptions {
  /** most kilometres between two places of one incident (25) */
  km?: number;
  /**
   * events with no date at all (no own date, no publication date): kept apart (the default: a
   * dataset's articles have publication dates), or compared among themselves as if their dates
   * agreed (for corpora that give no dates, such as ECB+)
   */
  undated?: 'apart' | 'together';
  /** the pair model (weights.json by default) */
  model?: LinkModel;
}

export interface IncidentEvent {
  doc_id: string;
  event_id: string;
  event_date: string | null;
  time_precision: number | null;
  published: string | null;
  sources: string[];
  location: string | null;
  killed: number | null;
  injured: number | null;
  captured: number | null;
  notes: string;
}

export interface Figure {
  /** the one figure every source gives, or null when they disagree or none gives one */
  value: number | null;
  min: number | null;
  max: number | null;
  /** every source's figure, apart */
  figures: Array<{ doc_id: string; event_id: string; source: string; value: number }>;
}

export interface Incident {
  id: string;
  event_type: string;
  sub_event_type: string;
  event_date: string | null;
  time_precision: number | null;
  /** the most precise place any report gives, then the others */
  places: EventPlace[];
  actors1: CodedActor[];
  actors2: CodedActor[];
  sources: string[];
  documents: number;
  earliest_report: { doc_id: string; published: string | null };
  killed: Figure;
  injured: Figure;
  captured: Figure;
  events: IncidentEvent[];
  /** the incident as one coded event: its first report, with the merged places and actors */
  merged: CodedEvent;
}

/** The model's weights (FEATURES order) and the score above which an event joins an incident. */
export interface LinkModel {
  features: readonly string[];
  weights: number[];
  threshold: number;
}

/** weights.json beside this file: trained by scripts/train-link.ts on ECB+'s training topics */
export const defaultModel: LinkModel = JSON.parse(readFileSync(new URL('./weights.json', import.meta.url), 'utf8'));

/** The pair's score: the model's log-odds that the two are one incident. */
export function pairScore(a: Prepared, b: Prepared, maxKm: number, model: LinkModel = defaultModel, facts = new PairFacts(a, b, maxKm)): number {
  const f = pairFeatures(a, b, maxKm, facts);
  let z = 0;
  for (let i = 0; i < f.length; i++) z += f[i]! * (model.weights[i] ?? 0);
  return z;
}

/** ACLED's demonstration event types */
const DEMONSTRATIONS = new Set(['Protests', 'Riots']);

const located = (p: EventPlace | undefined) => Boolean(p && p.lat !== null && p.lon !== null);

/** What rules out one incident whatever else agrees: dates too far apart, two countries, two places too far apart, a demonstration beside violence, or two named armed main actors. */
export function ruledOut(a: Prepared, b: Prepared, undated: boolean, maxKm: number, facts = new PairFacts(a, b, maxKm)): boolean {
  if (a.day === null || b.day === null) {
    if (!undated) return true;
  } else if (Math.abs(a.day - b.day) > (a.dated && b.dated ? 1 : 2)) return true;
  if (a.country && b.country && a.country !== b.country) return true;
  // a demonstration and an act of violence are two incidents, however alike their reports (a protest against a shooting)
  if (DEMONSTRATIONS.has(a.event.event_type) !== DEMONSTRATIONS.has(b.event.event_type)) return true;
  // two different named armed groups or forces (other conflicts of actors only weigh against, in the model)
  if (facts.conflict === 'armed') return true;
  // two located places too far apart (a place the gazetteer could not locate says nothing)
  return located(a.place) && located(b.place) && !facts.near;
}

interface Cluster {
  index: number;
  members: Prepared[];
  /** the first and last day of its dated members; null while it has none */
  minDay: number | null;
  maxDay: number | null;
}

/** What the rule adds to the threshold: a pair the rule joins outscores a model score just above the threshold */
const RULE_MARGIN = 1;

/** How many members of an incident a new event is scored against (the first ones). */
const MEMBER_CHECKS = 50;

/** The clusters a new event may join: those of the days around it in its country (or of unknown country); in 'together' mode undated events meet every cluster. */
class Blocks {
  private byKey = new Map<string, Cluster[]>();
  private all: Cluster[] = [];

  constructor(private undated: boolean) {}

  candidates(it: Prepared): Cluster[] {
    if (it.day === null) return this.undated ? this.all.filter((c) => !it.country || c.members.some((m) => !m.country || m.country === it.country)) : [];
    const days: Array<number | 'none'> = [it.day - 2, it.day - 1, it.day, it.day + 1, it.day + 2];
    if (this.undated) days.push('none');
    const out = new Set<Cluster>();
    for (const d of days) for (const country of it.country ? [it.country, '?'] : ['*']) for (const c of this.byKey.get(`${d}|${country}`) ?? []) out.add(c);
    return [...out];
  }

  add(it: Prepared, c: Cluster): void {
    if (c.members.length === 1) this.all.push(c);
    const d = it.day ?? 'none';
    for (const key of [`${d}|${it.country ?? '?'}`, `${d}|*`]) {
      const list = this.byKey.get(key);
      if (!list) this.byKey.set(key, [c]);
      else if (!list.includes(c)) list.push(c);
    }
  }
}

/**
 * The rule an analyst codes by (issue 22): the same ACLED event type, dates known and agreeing
 * (ruledOut has checked how near), places within reach (or, with a place unknown, a shared
 * named actor), and no conflicting actors. A pair that meets it is one incident whatever the
 * model says: the model (trained on ECB+, where dates, places and actors are scarce) decides
 * the pairs the rule cannot.
 */
export function ruleJoins(a: Prepared, b: Prepared, maxKm: number, facts = new PairFacts(a, b, maxKm)): boolean {
  if (a.event.event_type !== b.event.event_type || facts.conflict) return false;
  if (a.day === null || b.day === null) return false;
  if (!a.place || !b.place) return sharedNames(a, b) > 0;
  return facts.near;
}

/**
 * The incident's score for a new event: its best pair score with the first members (one report
 * that tells the same story is enough; on ECB+'s dev topics the best beat the mean), or null when
 * any of them rules it out.
 */
function clusterScore(it: Prepared, c: Cluster, maxKm: number, undated: boolean, model: LinkModel): number | null {
  if (it.day !== null && c.minDay !== null && c.maxDay !== null && (it.day - c.minDay > 2 || c.maxDay - it.day > 2)) return null; // no chains: every report within two days of every other
  const checked = c.members.slice(0, MEMBER_CHECKS);
  let best = -Infinity;
  let rule = false;
  for (const m of checked) {
    // the limits, the model and the rule read the same facts of the pair: worked out once
    const facts = new PairFacts(it, m, maxKm);
    if (ruledOut(it, m, undated, maxKm, facts)) return null;
    best = Math.max(best, pairScore(it, m, maxKm, model, facts));
    rule ||= ruleJoins(it, m, maxKm, facts);
  }
  return Math.max(best, rule ? model.threshold + RULE_MARGIN : -Infinity);
}

export function linkEvents(events: readonly CodedEvent[], options: LinkOptions = {}): Incident[] {
  const maxKm = options.km ?? 25;
  const undated = options.undated === 'together';
  const model = options.model ?? defaultModel;
  const items = prepareAll(events).sort((a, b) => (a.day ?? Infinity) - (b.day ?? Infinity) || cmp(a.event.doc_id, b.event.doc_id) || cmp(a.event.event_id, b.event.event_id));
  const clusters: Cluster[] = [];
  const blocks = new Blocks(undated);
  for (const it of items) {
    let best: { cluster: Cluster; score: number } | null = null;
    for (const c of blocks.candidates(it)) {
      const score = clusterScore(it, c, maxKm, undated, model);
      if (score === null || score <= model.threshold) continue;
      if (!best || score > best.score || (score === best.score && c.index < best.cluster.index)) best = { cluster: c, score };
    }
    const cluster = best?.cluster ?? { index: clusters.length, members: [], minDay: null, maxDay: null };
    if (!best) clusters.push(cluster);
    cluster.members.push(it);
    if (it.day !== null) {
      cluster.minDay = Math.min(cluster.minDay ?? it.day, it.day);
      cluster.maxDay = Math.max(cluster.maxDay ?? it.day, it.day);
    }
    if (it.day !== null || undated) blocks.add(it, cluster);
  }
  return clusters.map((c) => incident(c.members.map((m) => m.event))).sort(byDate).map((inc, i) => ({ ...inc, id: `i${i + 1}` }));
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byDate = (a: Incident, b: Incident) => cmp(a.event_date ?? '9999', b.event_date ?? '9999') || cmp(a.events[0]!.doc_id, b.events[0]!.doc_id) || cmp(a.events[0]!.event_id, b.events[0]!.event_id);

function figure(events: readonly CodedEvent[], key: 'killed' | 'injured' | 'captured'): Figure {
  const figures = events.flatMap((e) => (e[key] === null ? [] : [{ doc_id: e.doc_id, event_id: e.event_id, source: e.sources.join('; ') || e.doc_id, value: e[key]! }]));
  if (!figures.length) return { value: null, min: null, max: null, figures };
  const values = figures.map((f) => f.value);
  const min = Math.min(...values);
  const max = Math.max(...values);
  return { value: min === max ? min : null, min, max, figures };
}

function mergeActors(lists: CodedActor[][]): CodedActor[] {
  const out: CodedActor[] = [];
  for (const list of lists) for (const a of list) if (!out.some((b) => b.name === a.name)) out.push(a);
  return out;
}

/** One incident from its events: the events ordered by report, the best date and place, every source. */
export function incident(members: readonly CodedEvent[]): Incident {
  const events = [...members].sort((a, b) => cmp(a.published ?? '9999', b.published ?? '9999') || cmp(a.doc_id, b.doc_id) || cmp(a.event_id, b.event_id));
  const first = events[0]!;
  const dated = [...events].filter((e) => e.event_date).sort((a, b) => (a.time_precision ?? 9) - (b.time_precision ?? 9) || cmp(a.event_date!, b.event_date!))[0];
  const places: EventPlace[] = [];
  for (const e of events) for (const p of e.places) if (!places.some((q) => q.name === p.name && q.country === p.country)) places.push(p);
  /** ACLED's demonstration event types */
const DEMONSTRATIONS = new Set(['Protests', 'Riots']);

const located = (p: EventPlace) => (p.lat !== null && p.lon !== null ? 0 : 1);
  places.sort((a, b) => a.rank - b.rank || located(a) - located(b));
  const sources: string[] = [];
  for (const e of events) for (const s of e.sources.length ? e.sources : [e.doc_id]) if (!sources.includes(s)) sources.push(s);
  const actors1 = mergeActors(events.map((e) => e.actors1));
  const actors2 = mergeActors(events.map((e) => e.actors2)).filter((a) => !actors1.some((b) => b.name === a.name));
  const killed = figure(events, 'killed');
  const injured = figure(events, 'injured');
  const captured = figure(events, 'captured');
  const merged: CodedEvent = {
    ...first,
    event_date: dated?.event_date ?? null,
    time_precision: dated?.time_precision ?? null,
    actors1,
    actors2,
    places,
    sources,
    killed: killed.min,
    injured: injured.min,
    captured: captured.min,
  };
  return {
    id: '',
    event_type: first.event_type,
    sub_event_type: first.sub_event_type,
    event_date: merged.event_date,
    time_precision: merged.time_precision,
    places,
    actors1,
    actors2,
    sources,
    documents: new Set(events.map((e) => e.doc_id)).size,
    earliest_report: { doc_id: first.doc_id, published: first.published },
    killed,
    injured,
    captured,
    events: events.map((e) => ({
      doc_id: e.doc_id,
      event_id: e.event_id,
      event_date: e.event_date,
      time_precision: e.time_precision,
      published: e.published,
      sources: e.sources,
      location: e.places[0]?.name ?? null,
      killed: e.killed,
      injured: e.injured,
      captured: e.captured,
      notes: e.notes,
    })),
    merged,
  };
}
