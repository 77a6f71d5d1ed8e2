// The ACLED, PLOVER and GeoJSON exports, each checked by its real consumer: the ACLED CSV by a
// CSV parser against ACLED's column list (and round-tripped), the GeoJSON by the GeoJSON JSON
// Schema (geojson/schema), the PLOVER lines against PLOVER's field list; and one ACLED row of the
// source articles checked fact by fact against the article.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import AjvModule from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetFiles } from '../src/io/dataset.js';
import { eventDate } from '../src/record/event-date.js';
import { eventPlaces, geoPrecision } from '../src/record/places.js';
import type { DocumentRecord } from '../src/record/record.js';
import { ACLED_COLUMNS } from '../src/export/acled.js';
import { interaction, interCode } from '../src/export/coded.js';
import { acledCountry } from '../src/export/countries.js';
import { exportDataset, FORMATS } from '../src/export/formats.js';
import { PLOVER_FIELDS } from '../src/export/plover.js';
import type { Entity } from '../src/doc.js';
import { pipeline } from './helpers.js';

const ROOT = new URL('..', import.meta.url).pathname;
const Ajv = ((AjvModule as unknown as { default?: unknown }).default ?? AjvModule) as typeof AjvModule.default;
const article = (name: string) => readFileSync(join(ROOT, 'fixtures/articles', name), 'utf8');

let tmp: string;
let records: DocumentRecord[];
let dir: string;
beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'sitrep-export-'));
  records = ['000_49e5a31c79cda5c8.txt', '002_714127bd9c241300.txt'].map((name) => pipeline().process({ text: article(name), source: `fixtures/articles/${name}` }));
  dir = join(tmp, 'dataset');
  mkdirSync(dir);
  for (const [name, content] of Object.entries(datasetFiles(records, [], { seconds: 0.1, options: {} }))) writeFileSync(join(dir, name), content);
  await exportDataset(dir, [FORMATS.acled!, FORMATS.plover!, FORMATS.geojson!]);
}, 60_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('event_date and time_precision', () => {
  it('takes the event’s own date, else the publication date at week precision, and dates only what happened', () => {
    expect(eventDate({ date: '2024-03-12', modality: 'asserted' }, '2024-03-16')).toEqual({ event_date: '2024-03-12', time_precision: 1 });
    expect(eventDate({ date: null, modality: 'claimed' }, '2024-03-16')).toEqual({ event_date: '2024-03-16', time_precision: 2 });
    expect(eventDate({ date: '2024-03', modality: 'asserted' }, '2024-03-16')).toEqual({ event_date: '2024-03-16', time_precision: 3 });
    expect(eventDate({ date: '2023-11', modality: 'asserted' }, '2024-03-16')).toEqual({ event_date: '2023-11-15', time_precision: 3 });
    expect(eventDate({ date: '2014', modality: 'asserted' }, '2024-03-16')).toEqual({ event_date: '2014-07-01', time_precision: 3 });
    expect(eventDate({ date: null, modality: 'asserted' }, null)).toEqual({ event_date: null, time_precision: null });
    expect(eventDate({ date: '2024-03-12', modality: 'attempted' }, '2024-03-16')).toEqual({ event_date: null, time_precision: null });
  });

  it('every asserted or claimed event of a dated article has one', () => {
    const dated = records.find((r) => r.doc.published)!;
    for (const e of dated.events.filter((x) => x.modality === 'asserted' || x.modality === 'claimed')) {
      expect(e.event_date, e.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect([1, 2, 3]).toContain(e.time_precision);
    }
  });
});

describe('places of an event', () => {
  const place = (id: string, name: string, kb: Record<string, unknown>, type: Entity['type'] = 'GPE'): Entity => ({ id, type, name, mentions: [{ text: name, start: 0, end: name.length }], kb });
  const entities = new Map<string, Entity>([
    ['e1', place('e1', 'Russia', { kind: 'country', country: 'RUS', lat: 61.5, lon: 105.3 })],
    ['e2', place('e2', 'Kursk Oblast', { kind: 'admin1', country: 'RUS', lat: 51.7, lon: 36.1 })],
    ['e3', place('e3', 'Sudzha', { kind: 'town', country: 'RUS', admin1: 'Kursk Oblast', lat: 51.19, lon: 35.27 })],
    ['e4', place('e4', 'Glushkovo', { kind: 'village', country: 'RUS', geo_precision: 2, lat: 51.34, lon: 34.64 })],
  ]);
  const loc = (ref: string, start: number) => ({ role: 'location' as const, text: ref, start, end: start + 1, ref });

  it('keeps every location, the most precise first, and flags countries at precision 3', () => {
    const places = eventPlaces({ args: [loc('e1', 0), loc('e2', 10), loc('e3', 20)] }, entities);
    expect(places.map((p) => p.name)).toEqual(['Sudzha', 'Kursk Oblast', 'Russia']);
    expect(places.map((p) => p.geo_precision)).toEqual([1, 3, 3]);
  });

  it('reads kb.geo_precision when the places stage set it', () => {
    expect(geoPrecision(entities.get('e4'))).toBe(2);
    expect(geoPrecision(entities.get('e1'))).toBe(3);
  });
});

describe('ACLED codes', () => {
  it('countries: ISO 3166 numeric, ACLED’s names and regions', () => {
    expect(acledCountry('RUS')).toEqual({ iso: 643, country: 'Russia', region: 'Europe' });
    expect(acledCountry('AFG')).toEqual({ iso: 4, country: 'Afghanistan', region: 'South Asia' });
    expect(acledCountry('SYR')?.region).toBe('Middle East');
    expect(acledCountry('IRN')?.region).toBe('Middle East');
    expect(acledCountry('GEO')?.region).toBe('Caucasus and Central Asia');
    expect(acledCountry('MOZ')?.region).toBe('Southern Africa');
    expect(acledCountry('COD')?.region).toBe('Middle Africa');
    expect(acledCountry('SSD')?.region).toBe('Eastern Africa');
    expect(acledCountry('MEX')?.region).toBe('Central America');
    expect(acledCountry('XXX')).toBeNull();
  });

  it('inter codes and interaction as ACLED computes them', () => {
    expect(interCode('military', 'RUS', 'RUS', 'Battles')).toBe(1);
    expect(interCode('military', 'RUS', 'UKR', 'Battles')).toBe(8); // a state's forces abroad
    expect(interCode('rebels', null, 'NGA', 'Battles')).toBe(2);
    expect(interCode('militia', null, null, 'Battles')).toBe(3);
    expect(interCode('protesters', null, null, 'Riots')).toBe(5);
    expect(interCode('protesters', null, null, 'Protests')).toBe(6);
    expect(interCode('civilians', null, null, 'Violence against civilians')).toBe(7);
    expect(interCode(null, null, null, 'Battles')).toBeNull();
    expect(interaction(2, 1)).toBe(12);
    expect(interaction(1, 7)).toBe(17);
    expect(interaction(6, null)).toBe(60);
    expect(interaction(null, null)).toBeNull();
  });
});

describe('events-acled.csv', () => {
  const text = () => readFileSync(join(dir, 'events-acled.csv'), 'utf8');
  const rows = () => parse(text(), { columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;

  it('has ACLED’s 31 columns, in order, and a CSV parser reads every row back', () => {
    const [header, ...body] = parse(text(), { relax_column_count: false }) as string[][];
    expect(header).toEqual([...ACLED_COLUMNS]);
    expect(header).toHaveLength(31);
    expect(body.length).toBeGreaterThan(0);
    for (const row of body) expect(row).toHaveLength(31);
  });

  it('round-trips: written again from the parsed rows, it is the same bytes', () => {
    const [header, ...body] = parse(text()) as string[][];
    const field = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    expect([header!, ...body].map((r) => `${r.map(field).join(',')}\r\n`).join('')).toBe(text());
  });

  it('holds only asserted or claimed events, with the modality in tags, and no statements', () => {
    const all = records.flatMap((r) => r.events.map((e) => ({ doc: r.doc.id, e })));
    for (const row of rows()) {
      expect(['asserted', 'claimed']).toContain(row.tags);
      const [doc, id] = row.event_id_cnty!.split('-');
      const event = all.find((x) => x.doc === doc && x.e.id === id)!.e;
      expect(event.modality).toBe(row.tags);
      expect(event.type).not.toBe('STATEMENT');
    }
    const attempted = all.filter((x) => x.e.modality === 'attempted');
    expect(attempted.length).toBeGreaterThan(0); // article 000's thwarted attack and incursion
    for (const x of attempted) expect(rows().some((r) => r.event_id_cnty === `${x.doc}-${x.e.id}`)).toBe(false);
  });

  it('codes the March 12 raids as an ACLED coder would, fact by fact against the article', () => {
    // 002: "pro-Ukrainian militias, including the Russian Volunteer Corps and the Freedom of Russia
    // Legion, have penetrated deep into Russian territories. On March 12, these groups launched
    // coordinated raids into the Kursk and Belgorod oblasts from Ukraine" (published 2024-03-16)
    const raid = rows().find((r) => r.event_id_cnty === 'e95f8e0cb3ddcab5-v1')!;
    expect(raid.event_date).toBe('2024-03-12'); // "On March 12", in the year of publication
    expect(raid.year).toBe('2024');
    expect(raid.time_precision).toBe('1');
    expect(raid.disorder_type).toBe('Political violence');
    expect(raid.event_type).toBe('Battles'); // armed groups crossing into Russia and fighting there
    expect(raid.sub_event_type).toBe('Armed clash');
    expect(raid.actor1).toBe('Russian Volunteer Corps'); // the militias, named by "including"
    expect(raid.assoc_actor_1).toBe('Freedom of Russia Legion');
    expect(raid.inter1).toBe('2'); // a rebel group
    expect(raid.actor2).toBe(''); // the sentence names no opponent: left empty, not guessed
    expect(raid.iso).toBe('643');
    expect(raid.region).toBe('Europe');
    expect(raid.country).toBe('Russia');
    expect(raid.admin1).toBe('Kursk Oblast'); // "into the Kursk and Belgorod oblasts"
    expect(raid.location).toBe('Kursk Oblast'); // the oblast is the most precise place the text gives
    expect(Number(raid.latitude)).toBeCloseTo(51.7, 0); // Kursk Oblast lies around 51.7° N, 36.1° E
    expect(Number(raid.longitude)).toBeCloseTo(36.1, 0);
    expect(raid.geo_precision).toBe('3'); // a region, not a town
    expect(raid.fatalities).toBe('0'); // the article reports no deaths in the raids
    expect(raid.notes).toContain('have penetrated deep into Russian territories');
    expect(raid.tags).toBe('asserted');
  });
});

describe('events.geojson', () => {
  const geojson = () => JSON.parse(readFileSync(join(dir, 'events.geojson'), 'utf8')) as { type: string; features: Array<{ geometry: { coordinates: number[] }; properties: Record<string, unknown> }> };

  it('is a valid GeoJSON FeatureCollection by the GeoJSON JSON Schema', () => {
    const schema = createRequire(import.meta.url)('geojson-schema/FeatureCollection.json') as object;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const doc = geojson();
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc.features.length).toBeGreaterThan(0);
  });

  it('puts [longitude, latitude] in WGS 84 ranges, with the ACLED columns as properties', () => {
    for (const f of geojson().features) {
      const [lon, lat] = f.geometry.coordinates as [number, number];
      expect(lon).toBe(f.properties.longitude);
      expect(lat).toBe(f.properties.latitude);
      expect(Math.abs(lat)).toBeLessThanOrEqual(90);
      expect(Math.abs(lon)).toBeLessThanOrEqual(180);
      for (const c of ACLED_COLUMNS) expect(f.properties).toHaveProperty(c);
    }
  });

  it('leaves out the events without coordinates and counts them in run.json', () => {
    const run = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')) as { exports: Record<string, { rows: number; unlocated?: number }> };
    const acledRows = run.exports.acled!.rows;
    expect(run.exports.geojson!.rows).toBe(geojson().features.length);
    expect(run.exports.geojson!.rows + run.exports.geojson!.unlocated!).toBe(acledRows);
  });
});

describe('events-plover.jsonl', () => {
  const lines = () => readFileSync(join(dir, 'events-plover.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, any>);

  it('has PLOVER’s fields and no others, with their inner fields', () => {
    expect(lines().length).toBeGreaterThan(0);
    for (const e of lines()) {
      expect(Object.keys(e)).toEqual([...PLOVER_FIELDS]);
      expect(e.event).toMatch(/^[A-Z]+$/);
      expect(Array.isArray(e.context)).toBe(true);
      for (const a of [e.actor, e.recipient]) if (a) expect(Object.keys(a)).toEqual(expect.arrayContaining(['code', 'sector', 'entity_text']));
      if (e.event_loc) expect(Object.keys(e.event_loc)).toEqual(expect.arrayContaining(['geonameid', 'lat', 'lon', 'country_code', 'resolution']));
      expect(Object.keys(e.size)).toEqual(['dead', 'injured', 'arrested']);
    }
  });

  it('gives character offsets that index the record’s text', () => {
    const byId = new Map(records.map((r) => [r.doc.id, r]));
    for (const e of lines()) {
      const text = byId.get(e.text_info.doc_id)!.text;
      expect(text.slice(e.text_info.trigger_start, e.text_info.trigger_end)).toBe(e.text_info.trigger);
      if (e.actor) expect(text.slice(e.actor.start, e.actor.end)).toBe(e.actor.entity_text);
    }
  });

  it('codes the Legion’s engagement with Russian forces: actor, recipient and sectors', () => {
    const fight = lines().find((e) => e.id === 'e95f8e0cb3ddcab5-v7')!;
    expect(fight.event).toBe('FIGHT');
    expect(fight.actor).toMatchObject({ entity_text: 'Freedom of Russia Legion', sector: 'REB' });
    expect(fight.recipient).toMatchObject({ entity_text: 'Russian forces', code: 'RUS', sector: 'MIL' });
  });
});

describe('sitrep export', () => {
  const sitrep = (args: string[]) => spawnSync(process.execPath, ['bin/sitrep.js', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });

  it('writes each format asked for into the dataset folder and says what it wrote', () => {
    const copy = join(tmp, 'copy');
    mkdirSync(copy);
    writeFileSync(join(copy, 'documents.jsonl'), readFileSync(join(dir, 'documents.jsonl')));
    const r = sitrep(['export', copy, '--format', 'acled,geojson']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/events-acled\.csv \(\d+ rows\)/);
    expect(r.stderr).toMatch(/events\.geojson \(\d+ features; \d+ events without coordinates left out\)/);
    expect(readFileSync(join(copy, 'events-acled.csv'), 'utf8')).toBe(readFileSync(join(dir, 'events-acled.csv'), 'utf8'));
  });

  it('extract --out --format … --link writes sitrep’s own files, then the formats and the incidents', () => {
    const out = join(tmp, 'extracted');
    const r = sitrep(['extract', 'fixtures/articles', '--out', out, '--format', 'acled', '--format', 'geojson,plover', '--link']);
    expect(r.status, r.stderr).toBe(0);
    for (const file of ['documents.jsonl', 'events.csv', 'events-acled.csv', 'events.geojson', 'events-plover.jsonl', 'incidents.jsonl', 'incidents.csv', 'incidents-acled.csv']) {
      expect(readFileSync(join(out, file), 'utf8').length, file).toBeGreaterThan(0);
    }
    expect(readFileSync(join(out, 'events-acled.csv'), 'utf8')).toBe(readFileSync(join(dir, 'events-acled.csv'), 'utf8'));
    const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as { exports: object; link: { incidents: number } };
    expect(Object.keys(run.exports)).toEqual(['acled', 'geojson', 'plover']);
    expect(run.link.incidents).toBeGreaterThan(0);
    const bad = sitrep(['extract', 'fixtures/articles', '--format', 'acled']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--format and --link need --out DIR');
  }, 60_000);

  it('refuses an unknown format and a folder without documents.jsonl, naming the problem', () => {
    const bad = sitrep(['export', dir, '--format', 'kml']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--format takes acled, plover, geojson');
    const empty = join(tmp, 'empty');
    mkdirSync(empty);
    const none = sitrep(['export', empty, '--format', 'acled']);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('has no documents.jsonl');
    expect(none.stderr).not.toMatch(/\n\s+at /);
  });
});
