// The article view and the dataset report as built in Node: what the pages carry (checked and
// trimmed record data, event columns, places on the map, packed documents), the map's view,
// reading a dataset folder, and hostile articles that must not become markup.
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../src/index.js';
import { InputError, UsageError } from '../src/io/errors.js';
import { datasetFiles } from '../src/io/dataset.js';
import { articleData, articlePage, safeUrl } from '../src/view/article.js';
import { readDataset } from '../src/view/dataset.js';
import { drawMap, MAP_HEIGHT, MAP_WIDTH } from '../src/view/map.js';
import { DOCS_PER_PART, packDocs, reportData, reportPage, unpackDocs } from '../src/view/report.js';
import { pipeline } from './helpers.js';

const ATTACKS = ['<script>window.__pwned=1</script>', '<img src=x onerror="window.__pwned=2">', '</textarea>', '</script><script>window.__pwned=3</script>'];

/** The page without its JSON blocks: what the browser parses as markup. */
const markup = (html: string) => html.replace(/<script type="application\/json"[^>]*>[\s\S]*?<\/script>/g, '');
const block = (html: string, id: string) => JSON.parse(new RegExp(`<script type="application/json" id="${id}">([\\s\\S]*?)</script>`).exec(html)![1]!) as unknown;

const process = (text: string, extra: Partial<DocumentRecord['doc']> & { published?: string } = {}) => pipeline().process({ text, ...extra });

describe('articleData', () => {
  it('keeps the facts the page shows, spans as [start, end)', () => {
    const record = process('Russian forces shelled Kherson on Thursday, killing two civilians, the governor said.', { published: '2024-05-10' });
    const data = articleData(record);
    expect(data.text).toBe(record.text);
    expect(data.events).toHaveLength(record.events.length);
    const event = data.events[0]!;
    expect(event.type).toBe('SHELLING');
    expect(data.text.slice(...event.trigger)).toBe('shelled');
    expect(event.casualties.killed).toBe(2);
    const kherson = data.entities.find((e) => e.name === 'Kherson')!;
    expect(kherson.kb.lat).toBeTypeOf('number');
    expect(kherson.mentions.map((m) => data.text.slice(...m))).toEqual(['Kherson']);
    expect(data.quantities.map((q) => data.text.slice(...q.range))).toContain('two civilians');
  });

  it('drops what a tampered record could use: spans outside the text, odd kb values, links that are not http(s)', () => {
    const record = process('Russian forces shelled Kherson on Thursday.');
    record.doc.url = 'javascript:alert(1)';
    record.entities[0]!.mentions.push({ text: 'x', start: 5, end: 9999 }, { text: 'y', start: -1, end: 2 }, { text: 'z', start: 3, end: 3 });
    record.entities[0]!.kb = { ok: 'yes', n: 1, bad: { nested: '<b>' }, list: ['a'], inf: Number.POSITIVE_INFINITY } as never;
    (record.events[0]!.trigger as { start: unknown }).start = '0';
    const data = articleData(record);
    expect(data.doc.url).toBeNull();
    expect(data.entities[0]!.mentions.every(([s, e]) => s >= 0 && e <= data.text.length && s < e)).toBe(true);
    expect(data.entities[0]!.kb).toEqual({ ok: 'yes', n: 1 });
    expect(data.events).toHaveLength(record.events.length - 1); // an event without a usable trigger is left out
    expect(safeUrl('https://example.com/a?b=<c>')).toBe('https://example.com/a?b=%3Cc%3E');
    expect(safeUrl('data:text/html,<script>')).toBeNull();
    expect(safeUrl(' JAVASCRIPT:alert(1)')).toBeNull();
  });
});

describe('articlePage', () => {
  it('carries the record data in a JSON block that reads back whole', () => {
    const record = process('Ukrainian forces repelled an attack near Pokrovsk on Friday, the General Staff said.', { published: '2024-11-22' });
    const html = articlePage(record, { generator: 'sitrep test' });
    expect(block(html, 'sitrep-article')).toEqual(articleData(record));
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('Made by sitrep test');
    expect(html).not.toMatch(/<link|src=|https?:\/\/(?!www\.w3\.org)/); // nothing loaded from anywhere
  });

  it('turns a hostile article into text: its markup never reaches the page as markup', () => {
    const text = `Russian forces shelled Kherson. ${ATTACKS.join(' ')} The governor said it.`;
    const record = pipeline().process({ text, title: ATTACKS[0], source: ATTACKS[1] });
    const html = articlePage(record);
    const parsed = markup(html);
    for (const attack of ATTACKS) expect(parsed).not.toContain(attack);
    expect(parsed).toContain('<title>&lt;script&gt;window.__pwned=1&lt;/script&gt; · sitrep</title>');
    expect((block(html, 'sitrep-article') as { text: string }).text).toContain(ATTACKS.join(' '));
    expect(parsed.match(/<script/g)).toHaveLength(1);
  });
});

describe('the map', () => {
  it('shows the world for places spread over it, and a region for places close together', () => {
    const world = drawMap([{ lat: 50.45, lon: 30.52 }, { lat: 19.43, lon: -99.13 }, { lat: -1.29, lon: 36.82 }]);
    expect(world.view).toBe('world');
    const region = drawMap([{ lat: 50.45, lon: 30.52 }, { lat: 46.64, lon: 32.61 }, { lat: 50.6, lon: 36.58 }]);
    expect(region.view).toBe('region');
    for (const map of [world, region]) {
      for (const xy of map.positions) {
        expect(xy).not.toBeNull();
        expect(xy![0]).toBeGreaterThan(0);
        expect(xy![0]).toBeLessThan(MAP_WIDTH);
        expect(xy![1]).toBeGreaterThan(0);
        expect(xy![1]).toBeLessThan(MAP_HEIGHT);
      }
      expect(map.svg).toMatch(/<path class="country lit" d="M/);
      expect(map.svg).not.toMatch(/NaN/);
    }
    // Kyiv lies west of Belgorod on the regional map
    expect(region.positions[0]![0]).toBeLessThan(region.positions[2]![0]);
    expect(drawMap([]).view).toBe('world');
  });
});

describe('reportData', () => {
  let records: DocumentRecord[];
  beforeAll(() => {
    records = [
      process('Russian forces shelled Kherson on Thursday, killing two civilians, the governor said.', { published: '2024-05-10' }),
      process('Israeli aircraft struck Rafah overnight, the health ministry said.', { published: '2024-05-12' }),
      process('Protesters gathered in Nairobi on Tuesday.'),
    ];
  });

  it('has one entry per event in every column, strings shared in one table', () => {
    const { report, docs } = reportData({ name: 'test', records, run: { seconds: 1.5 }, failed: 2 });
    const events = records.reduce((n, r) => n + r.events.length, 0);
    expect(report.rows.n).toBe(events);
    for (const [name, column] of Object.entries(report.rows.cols)) expect(column, name).toHaveLength(events);
    expect(report.summary).toEqual({ documents: 3, events, failed: 2, seconds: 1.5 });
    expect(report.title).toBe('sitrep report: test');
    expect(docs).toHaveLength(3);
    const s = (i: number) => report.strings[i];
    const shelling = report.rows.cols.type.findIndex((t) => s(t) === 'SHELLING');
    expect(s(report.rows.cols.location[shelling]!)).toBe('Kherson');
    expect(s(report.rows.cols.date[shelling]!)).toBe('2024-05-09');
    expect(report.rows.cols.dated[shelling]).toBe(1);
    expect(report.rows.cols.killed[shelling]).toBe(2);
    expect(report.rows.cols.actors[shelling]!.map(s)).toContain('Military Forces of Russia');
    const place = report.places[report.rows.cols.place[shelling]!]!;
    expect(s(place.name)).toBe('Kherson');
    expect(place.x).toBeTypeOf('number');
    // an event without a date of its own is dated by its article, or not at all
    for (let i = 0; i < events; i++) {
      if (report.rows.cols.dated[i] === 0) expect(report.rows.cols.date[i]).toBe(-1);
    }
  });

  it('carries the incidents of a linked dataset, the most reported first, with every source', () => {
    const none = reportData({ name: 'test', records, run: null, failed: 0 });
    expect(none.report.incidents).toBeNull();
    const place = (name: string, lat: number, lon: number) => ({ name, country: 'UKR', lat, lon });
    const incidents = [
      { id: 'i1', event_type: 'Battles', event_date: '2024-05-09', places: [place('Kherson', 46.64, 32.61)], sources: ['a.example'], documents: 1, events: [{}], killed: { value: null, min: null, max: null } },
      { id: 'i2', event_type: 'Explosions/Remote violence', event_date: '2024-05-10', places: [place('Kharkiv', 49.99, 36.23)], sources: ['b.example', 'c.example'], documents: 2, events: [{}, {}], killed: { value: null, min: 3, max: 5 } },
    ];
    const { report, incidentMapSvg } = reportData({ name: 'test', records, run: null, failed: 0, incidents });
    expect(report.incidents).toMatchObject({ total: 2, events: 3, multi: 1, listed: 2 });
    expect(report.incidents!.items[0]).toMatchObject({ id: 'i2', sources: ['b.example', 'c.example'], killed: '3–5', documents: 2 });
    expect(report.incidents!.items[0]!.x).toBeTypeOf('number');
    expect(incidentMapSvg).toContain('<path');
  });

  it('packs the documents in gzipped parts that unpack to the same data', () => {
    const docs = records.map(articleData);
    const many = Array.from({ length: DOCS_PER_PART + 5 }, (_, i) => docs[i % docs.length]!);
    const packed = packDocs(many);
    expect(packed.parts).toHaveLength(2);
    expect(packed.parts.join('')).toMatch(/^[A-Za-z0-9+/=]+$/);
    expect(unpackDocs(packed)).toEqual(many);
  });

  it('builds a page whose markup holds no string of a hostile dataset', () => {
    const record = pipeline().process({ text: `Russian forces shelled Kherson. ${ATTACKS.join(' ')} The governor said it.`, title: ATTACKS[3] });
    record.entities.forEach((e) => (e.name = ATTACKS[0]!));
    const html = reportPage({ name: ATTACKS[2]!, records: [record], run: null, failed: 0 }, { title: ATTACKS[1] });
    const parsed = markup(html);
    for (const attack of ATTACKS) expect(parsed).not.toContain(attack);
    expect(parsed).toContain('<h1>&lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt;</h1>');
    const report = block(html, 'sitrep-report') as { strings: string[]; rows: { n: number } };
    expect(report.rows.n).toBeGreaterThan(0);
    expect(report.strings).toContain(ATTACKS[0]);
    const docs = unpackDocs(block(html, 'sitrep-docs') as { perPart: number; parts: string[] });
    expect(docs[0]!.doc.title).toBe(ATTACKS[3]);
  });
});

describe('readDataset', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'sitrep-view-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('reads the records, run.json and errors.jsonl of a folder written by extract', async () => {
    const dir = join(tmp, 'ok');
    mkdirSync(dir);
    const records = [process('Russian forces shelled Kherson on Thursday.'), process('Protesters gathered in Nairobi.')];
    const files = datasetFiles(records, [new InputError('bad.txt', 'the file is empty')], { seconds: 0.5, options: {} });
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
    const dataset = await readDataset(dir);
    expect(dataset.records).toHaveLength(2);
    expect(dataset.failed).toBe(1);
    expect(dataset.run?.seconds).toBe(0.5);
    expect(dataset.name).toBe('ok');
    expect((await readDataset(join(dir, 'documents.jsonl'))).records).toHaveLength(2);
  });

  it('says what is wrong with what it was given', async () => {
    await expect(readDataset(join(tmp, 'nowhere'))).rejects.toThrow(UsageError);
    mkdirSync(join(tmp, 'empty'));
    await expect(readDataset(join(tmp, 'empty'))).rejects.toThrow(/has no documents\.jsonl; sitrep report takes a dataset folder written by sitrep extract/);
    mkdirSync(join(tmp, 'bad'));
    writeFileSync(join(tmp, 'bad', 'documents.jsonl'), `${JSON.stringify(process('Kyiv.'))}\n{"text": "an article, not a record"}\n`);
    const error = await readDataset(join(tmp, 'bad')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).where).toMatch(/documents\.jsonl:2$/);
  });
});
