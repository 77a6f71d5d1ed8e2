// Incidents across articles: which reports are one incident and which are not, what an
// incident keeps of its reports, and that the result does not depend on the input order.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import type { CodedActor, CodedEvent } from '../src/export/coded.js';
import { ACLED_COLUMNS } from '../src/export/acled.js';
import { km, linkEvents } from '../src/link/link.js';
import { INCIDENT_COLUMNS, linkDataset } from '../src/link/files.js';
import { syntheticEvents } from '../bench/link.js';

const actor = (name: string, inter = 2, named = true): CodedActor => ({ name, text: name, start: 0, end: name.length, country: 'NGA', sector: 'rebels', inter, entity: named ? 'e1' : null });

let n = 0;
function report(o: { doc?: string; date?: string | null; precision?: number | null; published?: string; type?: string; lat?: number; lon?: number; place?: string | null; actor?: CodedActor; killed?: number | null; source?: string }): CodedEvent {
  const doc = o.doc ?? `doc${++n}`;
  const place = o.place === null ? [] : [{ name: o.place ?? 'Maiduguri', entity: null, geo_precision: 1 as const, lat: o.lat ?? 11.85, lon: o.lon ?? 13.16, country: 'NGA', admin1: 'Borno', admin2: null, geonames: null, rank: 1, start: 0 }];
  return {
    id: `${doc}-v1`, doc_id: doc, event_id: 'v1', type: 'ATTACK', modality: 'asserted',
    event_date: o.date === undefined ? '2024-05-02' : o.date, time_precision: o.precision === undefined ? 1 : o.precision, published: o.published ?? '2024-05-03',
    disorder_type: 'Political violence', event_type: o.type ?? 'Battles', sub_event_type: 'Armed clash', plover: 'FIGHT',
    actors1: o.actor ? [o.actor] : [], actors2: [], places: place, sources: [o.source ?? `${doc}.example`], notes: `${doc} says so.`,
    sentence: { start: 0, end: 10 }, trigger: { text: 'attack', start: 0, end: 6 }, killed: o.killed ?? null, injured: null, captured: null,
  };
}

describe('linkEvents', () => {
  it('joins two reports a day apart, 10 km apart, and keeps each source’s death toll apart', () => {
    const a = report({ date: '2024-05-02', killed: 5, source: 'premiumtimesng.com', actor: actor('Boko Haram') });
    const b = report({ date: '2024-05-03', lat: 11.9, lon: 13.24, killed: 7, source: 'reuters.com', published: '2024-05-04', actor: actor('Boko Haram') });
    expect(km({ lat: 11.85, lon: 13.16 }, { lat: 11.9, lon: 13.24 })).toBeLessThan(25);
    const [incident, ...rest] = linkEvents([b, a]);
    expect(rest).toHaveLength(0);
    expect(incident!.events.map((e) => e.doc_id)).toEqual([a.doc_id, b.doc_id]);
    expect(incident!.killed).toMatchObject({ value: null, min: 5, max: 7 });
    expect(incident!.killed.figures.map((f) => [f.source, f.value])).toEqual([['premiumtimesng.com', 5], ['reuters.com', 7]]);
    expect(incident!.sources).toEqual(['premiumtimesng.com', 'reuters.com']);
    expect(incident!.earliest_report).toEqual({ doc_id: a.doc_id, published: '2024-05-03' });
    expect(incident!.event_date).toBe('2024-05-02');
  });

  it('keeps apart reports of another type, two days apart, 60 km apart, or by two different named groups', () => {
    const base = report({});
    expect(linkEvents([base, report({ type: 'Riots' })])).toHaveLength(2);
    expect(linkEvents([base, report({ date: '2024-05-04' })])).toHaveLength(2);
    expect(linkEvents([base, report({ place: 'Gajiram', lat: 12.35, lon: 13.3 })])).toHaveLength(2); // about 57 km north
    expect(linkEvents([report({ actor: actor('Boko Haram') }), report({ actor: actor('ISWAP') })])).toHaveLength(2);
  });

  it('lets an undated report join when its article came out within two days, and not later', () => {
    const dated = report({ date: '2024-05-02' });
    expect(linkEvents([dated, report({ date: '2024-05-04', precision: 2, published: '2024-05-04' })])).toHaveLength(1);
    expect(linkEvents([dated, report({ date: '2024-05-05', precision: 2, published: '2024-05-05' })])).toHaveLength(2);
  });

  it('joins a report placed in a region with one placed in a town of that region', () => {
    const town = report({});
    const region = report({ place: 'Borno', lat: 11.5, lon: 13.0 });
    region.places[0] = { ...region.places[0]!, rank: 3, geo_precision: 3, admin1: 'Borno' };
    expect(linkEvents([town, region])).toHaveLength(1);
  });

  it('gives the same incidents whatever the order of the events', () => {
    const { events } = syntheticEvents(3000, 11);
    const ids = (xs: CodedEvent[]) => linkEvents(xs).map((i) => `${i.id}:${i.events.map((e) => e.doc_id).join(',')}`);
    expect(ids([...events].reverse())).toEqual(ids(events));
  });

  it('finds the incidents of a synthetic archive with repeated reports', () => {
    const { events, incidents } = syntheticEvents(5000, 3);
    const found = linkEvents(events);
    expect(Math.abs(found.length - incidents) / incidents).toBeLessThan(0.02);
  });
});

describe('linkDataset', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'sitrep-link-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('writes incidents.jsonl, incidents.csv and incidents-acled.csv with every source', async () => {
    const dir = join(tmp, 'ds');
    mkdirSync(dir);
    const text = 'Gunmen attacked Maiduguri on Thursday, killing five people.';
    const record = (id: string, published: string, url: string) => ({
      schema: 'sitrep.document/1', doc: { id, source: null, title: null, published, url, dateline: null }, text,
      sentences: [{ start: 0, end: text.length, heading: false }],
      entities: [{ id: 'e1', type: 'GPE', name: 'Maiduguri', mentions: [{ text: 'Maiduguri', start: 16, end: 25 }], kb: { kind: 'city', country: 'NGA', admin1: 'Borno', lat: 11.85, lon: 13.16 } }],
      quantities: [],
      events: [{ id: 'v1', type: 'ATTACK', trigger: { text: 'attacked', start: 7, end: 15 }, sentence: 0, modality: 'asserted', source: null,
        args: [{ role: 'agent', text: 'Gunmen', start: 0, end: 6, ref: null, kb: { sector: 'rebels' } }, { role: 'location', text: 'Maiduguri', start: 16, end: 25, ref: 'e1' }],
        date: '2024-05-02', event_date: '2024-05-02', time_precision: 1, casualties: { killed: 5, injured: null, captured: null }, mappings: { acled: { event_type: 'Battles', sub_event_type: 'Armed clash' }, plover: 'ASSAULT' } }],
      warnings: [],
    });
    writeFileSync(join(dir, 'documents.jsonl'), [record('a', '2024-05-03', 'https://www.premiumtimesng.com/x'), record('b', '2024-05-04', 'https://reuters.com/y')].map((r) => JSON.stringify(r)).join('\n') + '\n');
    const counts = await linkDataset(dir, { acled: true });
    expect(counts).toMatchObject({ events: 2, incidents: 1, linked_events: 2 });
    const incidents = readFileSync(join(dir, 'incidents.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(incidents[0]).toMatchObject({ id: 'i1', documents: 2, sources: ['premiumtimesng.com', 'reuters.com'], killed: { value: 5 } });
    const [header, row] = parse(readFileSync(join(dir, 'incidents.csv'), 'utf8')) as string[][];
    expect(header).toEqual([...INCIDENT_COLUMNS]);
    expect(row![INCIDENT_COLUMNS.indexOf('event_ids')]).toBe('a-v1; b-v1');
    const acled = parse(readFileSync(join(dir, 'incidents-acled.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(acled[0]!)).toEqual([...ACLED_COLUMNS]);
    expect(acled).toHaveLength(1);
    expect(acled[0]!.source).toBe('premiumtimesng.com; reuters.com');
    expect(acled[0]!.fatalities).toBe('5');
    expect(acled[0]!.location).toBe('Maiduguri');
  });
});
