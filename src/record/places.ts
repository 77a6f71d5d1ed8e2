// Where an event happened, the way an analyst files it: every place an event names, with the
// geo precision of each on ACLED's scale (1 the town itself, 2 near it or part of a region,
// 3 a region or a whole country), the most precise first. The places stage may set
// kb.geo_precision itself; otherwise it follows from the kind of place.
import type { Entity, Event } from '../doc.js';

export type GeoPrecision = 1 | 2 | 3;

export interface EventPlace {
  /** the place as the text names it, or its entity's canonical name */
  name: string;
  entity: Entity | null;
  geo_precision: GeoPrecision | null;
  lat: number | null;
  lon: number | null;
  /** ISO 3166 alpha-3 */
  country: string | null;
  admin1: string | null;
  admin2: string | null;
  /** GeoNames id */
  geonames: number | null;
  /** finer than geo_precision, for ordering: settlement 1, district 2, region 3, sea or area 3.5, country 4 */
  rank: number;
  start: number;
}

const KIND_RANK: Record<string, number> = {
  city: 1, town: 1, village: 1, settlement: 1, neighborhood: 1, neighbourhood: 1, facility: 1,
  admin2: 2, district: 2, county: 2,
  admin1: 3, region: 3, province: 3, state: 3,
  country: 4,
};

function kindOf(entity: { type: string; kb?: Record<string, unknown> }): string | null {
  const kind = entity.kb?.kind;
  if (typeof kind === 'string') return kind;
  return entity.type === 'FACILITY' ? 'facility' : null;
}

/** The geo precision of a place entity: its own kb.geo_precision, else from its kind. */
export function geoPrecision(entity: Entity | null | undefined): GeoPrecision | null {
  if (!entity) return null;
  const own = entity.kb?.geo_precision;
  if (own === 1 || own === 2 || own === 3) return own;
  const rank = placeRank(entity);
  return rank === null ? null : rank <= 1 ? 1 : rank <= 2 ? 2 : 3;
}

/** How precise a place is, finer than geo_precision (see EventPlace.rank), or null for an entity that is no place. */
export function placeRank(entity: { type: string; kb?: Record<string, unknown> }): number | null {
  const kind = kindOf(entity);
  if (kind && KIND_RANK[kind] !== undefined) return KIND_RANK[kind]!;
  if (entity.type === 'LOC') return 3.5;
  const own = entity.kb?.geo_precision;
  return typeof own === 'number' ? own : null;
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown) => (typeof v === 'string' && v ? v : null);

/** Every location of an event, the most precise first (then the located before the unlocated, then in text order). */
export function eventPlaces(event: Pick<Event, 'args'>, entities: ReadonlyMap<string, Entity>): EventPlace[] {
  const places: EventPlace[] = [];
  const seen = new Set<string>();
  for (const arg of event.args) {
    if (arg.role !== 'location') continue;
    const entity = arg.ref ? entities.get(arg.ref) ?? null : null;
    const key = entity ? entity.id : `@${arg.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const kb = entity?.kb ?? {};
    const own = entity ? placeRank(entity) : null;
    const precision = geoPrecision(entity);
    places.push({
      name: entity?.name ?? arg.text,
      entity,
      geo_precision: precision,
      lat: num(kb.lat),
      lon: num(kb.lon),
      country: str(kb.country),
      admin1: str(kb.admin1) ?? (kb.kind === 'admin1' && entity ? entity.name : null),
      admin2: str(kb.admin2),
      geonames: num(kb.geonames),
      rank: own ?? (precision ?? 5),
      start: arg.start,
    });
  }
  const located = (p: EventPlace) => (p.lat !== null && p.lon !== null ? 0 : 1);
  return places.sort((a, b) => a.rank - b.rank || located(a) - located(b) || a.start - b.start);
}

/** The columns of a flat row (events.csv, incidents.csv) for the place an event is filed under. */
export function placeColumns(p: EventPlace | undefined): Pick<EventPlace, 'country' | 'admin1' | 'lat' | 'lon' | 'geo_precision'> & { location: string | null } {
  return {
    location: p?.name ?? null,
    country: p?.country ?? null,
    admin1: p?.admin1 ?? null,
    lat: p?.lat ?? null,
    lon: p?.lon ?? null,
    geo_precision: p?.geo_precision ?? null,
  };
}
