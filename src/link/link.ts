// Incidents across articles: the events that several documents report of one real incident,
// joined. Two events are one incident when their ACLED event types are the same; their dates
// are within a day (or, when one is undated, its article appeared within two days of the
// other); their places are within 25 km, in the same admin2, or one lies inside the other's
// region (a place unknown on either side, or only a country, needs a shared named actor or
// the same article instead); and no actor conflicts. Events are blocked by type, day and country, so each is compared with the
// few incidents of the days around it, never with all the others; the order they are taken
// in is fixed (day, document, event), so the result does not depend on the input order.
import type { CodedActor, CodedEvent } from '../export/coded.js';
import type { EventPlace } from '../record/places.js';
import { distanceKm } from '../stages/places/resolver.js';

export interface LinkOptions {
  /** most kilometres between two places of one incident (25) */
  km?: number;
  /**
   * events with no date at all (no own date, no publication date): kept apart (the default: a
   * dataset's articles have publication dates), or compared among themselves as if their dates
   * agreed (for corpora that give no dates, such as ECB+)
   */
  undated?: 'apart' | 'together';
}

interface Item {
  event: CodedEvent;
  /** days since 1970 of the date it is compared on; null when there is none */
  day: number | null;
  /** its own date is known to the day */
  dated: boolean;
  place: EventPlace | undefined;
  country: string | null;
  names: Set<string>;
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

const DAY_MS = 86_400_000;
const dayOf = (date: string | null) => (date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS) : null);

function item(event: CodedEvent): Item {
  const dated = event.time_precision === 1;
  const day = dated ? dayOf(event.event_date) : dayOf(event.published) ?? dayOf(event.event_date);
  // a whole country says too little to match places on: such an event counts as unplaced (its country still blocks)
  const precise = event.places.filter((p) => p.rank < 4);
  const place = precise.find((p) => p.lat !== null && p.lon !== null) ?? precise[0];
  // named actors only: "Civilians" or "Police" in two reports says nothing about their being one incident
  const names = new Set([...event.actors1, ...event.actors2].filter((a) => a.entity).map((a) => a.name.toLowerCase()));
  return { event, day, dated, place, country: place?.country ?? event.places[0]?.country ?? null, names };
}

/** Kilometres between two points on the sphere (haversine), as the places stage measures them. */
export const km = distanceKm;

function datesAgree(a: Item, b: Item, undated: boolean): boolean {
  if (a.day === null || b.day === null) return undated && a.day === null && b.day === null;
  return Math.abs(a.day - b.day) <= (a.dated && b.dated ? 1 : 2);
}

const shared = (a: Item, b: Item) => [...a.names].filter((n) => b.names.has(n)).length;

/** A region contains the places in it. */
function contains(big: EventPlace, small: EventPlace): boolean {
  if (big.country && small.country && big.country !== small.country) return false;
  if (big.rank >= 3) return big.name === small.admin1 || (big.admin1 !== null && big.admin1 === small.admin1);
  return false;
}

function placesAgree(a: Item, b: Item, maxKm: number): boolean {
  const p = a.place;
  const q = b.place;
  // a place unknown on either side: a shared actor, or one article telling of both, stands for it
  if (!p || !q) return shared(a, b) > 0 || a.event.doc_id === b.event.doc_id;
  if (p.lat !== null && p.lon !== null && q.lat !== null && q.lon !== null && km({ lat: p.lat, lon: p.lon }, { lat: q.lat, lon: q.lon }) <= maxKm) return true;
  if (p.admin2 && p.admin2 === q.admin2 && p.country === q.country) return true;
  if (p.name === q.name && p.country === q.country) return true;
  return contains(p, q) || contains(q, p);
}

/** Two events' actors conflict when each names a different main actor that the other does not name at all. */
function actorsConflict(a: Item, b: Item): boolean {
  const x = a.event.actors1[0];
  const y = b.event.actors1[0];
  if (!x || !y) return false;
  if (x.name.toLowerCase() === y.name.toLowerCase() || a.names.has(y.name.toLowerCase()) || b.names.has(x.name.toLowerCase())) return false;
  // two named actors, or two actors of different kinds (a state's forces against rebels)
  if (x.entity && y.entity) return true;
  return x.inter !== null && y.inter !== null && x.inter !== y.inter && !b.event.actors2.some((t) => t.inter === x.inter) && !a.event.actors2.some((t) => t.inter === y.inter);
}

/** Both places known, and too far apart to be one incident's. */
function placesConflict(a: Item, b: Item, maxKm: number): boolean {
  return Boolean(a.place && b.place) && !placesAgree(a, b, maxKm);
}

function compatible(a: Item, b: Item, maxKm: number, undated: boolean): boolean {
  return a.event.event_type === b.event.event_type && datesAgree(a, b, undated) && placesAgree(a, b, maxKm) && !actorsConflict(a, b);
}

interface Cluster {
  index: number;
  members: Item[];
  minDay: number;
  maxDay: number;
}

/** How many members of a large incident a new event is checked against (the first ones). */
const MEMBER_CHECKS = 50;

export function linkEvents(events: readonly CodedEvent[], options: LinkOptions = {}): Incident[] {
  const maxKm = options.km ?? 25;
  const undated = options.undated === 'together';
  const items = events.map(item).sort((a, b) => (a.day ?? Infinity) - (b.day ?? Infinity) || cmp(a.event.doc_id, b.event.doc_id) || cmp(a.event.event_id, b.event.event_id));
  const clusters: Cluster[] = [];
  const byPlace = new Map<string, Cluster[]>(); // type|day|country
  const byDay = new Map<string, Cluster[]>(); // type|day
  const add = (map: Map<string, Cluster[]>, key: string, c: Cluster) => {
    const list = map.get(key);
    if (!list) map.set(key, [c]);
    else if (list[list.length - 1] !== c && !list.includes(c)) list.push(c);
  };
  for (const it of items) {
    let best: { cluster: Cluster; score: number } | null = null;
    if (it.day !== null || undated) {
      const seen = new Set<Cluster>();
      const days = it.day === null ? ['none'] : [it.day - 2, it.day - 1, it.day, it.day + 1, it.day + 2];
      for (const d of days) {
        const keys = it.country ? [byPlace.get(`${it.event.event_type}|${d}|${it.country}`), byPlace.get(`${it.event.event_type}|${d}|?`)] : [byDay.get(`${it.event.event_type}|${d}`)];
        for (const list of keys) {
          for (const c of list ?? []) {
            if (seen.has(c)) continue;
            seen.add(c);
            if (it.day !== null && (it.day - c.minDay > 2 || c.maxDay - it.day > 2)) continue; // no chains: every report within two days of every other
            const checked = c.members.slice(0, MEMBER_CHECKS);
            if (!checked.some((m) => compatible(it, m, maxKm, undated)) || checked.some((m) => actorsConflict(it, m) || placesConflict(it, m, maxKm))) continue;
            const score = Math.max(...checked.map((m) => shared(it, m))) * 10 - Math.min(...checked.map((m) => Math.abs((m.day ?? 0) - (it.day ?? 0))));
            if (!best || score > best.score || (score === best.score && c.index < best.cluster.index)) best = { cluster: c, score };
          }
        }
      }
    }
    const cluster = best?.cluster ?? { index: clusters.length, members: [], minDay: it.day ?? 0, maxDay: it.day ?? 0 };
    if (!best) clusters.push(cluster);
    cluster.members.push(it);
    if (it.day !== null) {
      cluster.minDay = Math.min(cluster.minDay, it.day);
      cluster.maxDay = Math.max(cluster.maxDay, it.day);
    }
    if (it.day !== null || undated) {
      const d = it.day ?? 'none';
      add(byPlace, `${it.event.event_type}|${d}|${it.country ?? '?'}`, cluster);
      add(byDay, `${it.event.event_type}|${d}`, cluster);
    }
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
