// Facts of the two source articles, each read off the article by a person: what a coder
// of this news would record. They hold whatever else in the golden files changes.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../src/index.js';
import { pipeline } from './helpers.js';

const article = (name: string) => readFileSync(new URL(`../fixtures/articles/${name}`, import.meta.url), 'utf8');
let belgorod: DocumentRecord; // 000: the thwarted attack in the Belgorod region
let raids: DocumentRecord; // 002: the March 12 raids into Kursk and Belgorod

beforeAll(() => {
  belgorod = pipeline().process({ text: article('000_49e5a31c79cda5c8.txt') });
  raids = pipeline().process({ text: article('002_714127bd9c241300.txt') });
});

const entity = (r: DocumentRecord, id: string | null) => r.entities.find((e) => e.id === id);
const headingIndexes = (r: DocumentRecord) => r.sentences.flatMap((s, i) => (s.heading ? [i] : []));

describe('the Belgorod article (000)', () => {
  it('counts six tanks', () => {
    const q = belgorod.quantities.find((x) => x.text === 'six tanks');
    expect(q).toMatchObject({ value: 6, item: 'tank', approximate: false });
    expect(entity(belgorod, q!.entity ?? null)?.type).toBe('EQUIPMENT');
  });

  it('counts one French Caesar, a CAESAR howitzer of French origin', () => {
    const q = belgorod.quantities.find((x) => x.text === 'a French Caesar artillery mount');
    expect(q).toMatchObject({ value: 1, approximate: false });
    const caesar = entity(belgorod, q!.entity ?? null);
    expect(caesar).toMatchObject({ type: 'EQUIPMENT', name: 'CAESAR howitzer' });
    expect(caesar!.kb).toMatchObject({ category: 'artillery', origin: 'FRA' });
  });

  it('reads the thwarted attack by anti-Kremlin militants in the Belgorod region', () => {
    const attack = belgorod.events.find((e) => e.type === 'ATTACK');
    expect(attack).toMatchObject({ modality: 'attempted', trigger: { text: 'attack' } });
    expect(attack!.args).toEqual(expect.arrayContaining([
      expect.objectContaining({ role: 'agent', text: 'anti-Kremlin militants' }),
      expect.objectContaining({ role: 'location', text: 'Belgorod region' }),
    ]));
    expect(entity(belgorod, attack!.args.find((a) => a.role === 'location')!.ref)?.name).toBe('Belgorod Oblast');
  });

  it('tells the destruction of the equipment once, with what was destroyed', () => {
    const destruction = belgorod.events.filter((e) => e.type === 'DESTRUCTION');
    expect(destruction).toHaveLength(1);
    const targets = destruction[0]!.args.filter((a) => a.role === 'target').map((a) => a.text);
    expect(targets).toEqual(expect.arrayContaining(['US-made armored personnel carriers', 'six tanks', 'a French Caesar artillery mount']));
  });

  it('takes "US" out of "US-made" without the hyphen, and gives the carriers US origin', () => {
    const us = belgorod.entities.find((e) => e.name === 'United States');
    expect(us?.mentions.map((m) => m.text)).toEqual(['US', 'US']);
    expect(belgorod.entities.find((e) => e.name === 'armored personnel carrier')?.kb).toMatchObject({ origin: 'USA' });
  });

  it('records the plane crash in the Ivanovo region without inventing a death toll', () => {
    const crash = belgorod.events.find((e) => e.type === 'CRASH');
    expect(crash?.args.find((a) => a.role === 'location')?.text).toBe('Ivanovo region');
    expect(crash?.casualties).toEqual({ killed: null, injured: null, captured: null });
  });

  it('finds no event in its headings', () => {
    expect(belgorod.sentences.filter((s) => s.heading).map((s) => belgorod.text.slice(s.start, s.end))).toEqual(['Clash at the Border', 'Broader Implications', 'Continuing Tensions']);
    const headings = headingIndexes(belgorod);
    expect(belgorod.events.filter((e) => headings.includes(e.sentence))).toEqual([]);
  });
});

describe('the raids article (002)', () => {
  it('takes the publication date from the "date" header and keeps it out of the text', () => {
    expect(raids.doc.published).toBe('2024-03-16');
    expect(raids.text.startsWith('In a daring series')).toBe(true);
  });

  it('drops the "Advertisment" lines', () => {
    expect(raids.text).not.toMatch(/Advertis/);
  });

  it('resolves "On March 12" to 2024-03-12', () => {
    const date = raids.entities.find((e) => e.type === 'DATE' && e.mentions.some((m) => m.text === 'March 12'));
    expect(date?.kb).toEqual({ value: '2024-03-12', precision: 'day' });
  });

  it('reads "a video circulated by the corps" as the Russian Volunteer Corps', () => {
    const corps = raids.entities.find((e) => e.name === 'Russian Volunteer Corps');
    expect(corps?.mentions.map((m) => m.text)).toContain('corps');
  });

  it('knows the two raiding groups as armed groups', () => {
    const groups = raids.entities.filter((e) => e.type === 'ARMED_GROUP').map((e) => e.name);
    expect(groups).toEqual(expect.arrayContaining(['Russian Volunteer Corps', 'Freedom of Russia Legion']));
  });

  it('reads the raids of March 12 into the Kursk and Belgorod oblasts from Ukraine as one incursion', () => {
    const incursions = raids.events.filter((e) => e.type === 'INCURSION');
    expect(incursions).toHaveLength(1);
    const [raid] = incursions;
    expect(raid!.date).toBe('2024-03-12');
    const places = raid!.args.filter((a) => a.role === 'location').map((a) => entity(raids, a.ref)?.name);
    expect(places).toEqual(expect.arrayContaining(['Kursk Oblast', 'Belgorod Oblast']));
    expect(entity(raids, raid!.args.find((a) => a.role === 'origin')?.ref ?? null)?.name).toBe('Ukraine');
  });

  it('has the Russian Volunteer Corps claim the capture of 25 Russian soldiers', () => {
    const capture = raids.events.filter((e) => e.type === 'CAPTURE');
    expect(capture).toHaveLength(1); // "the ensuing capture of Russian soldiers" retells it
    expect(capture[0]).toMatchObject({ modality: 'claimed', casualties: { captured: 25 } });
    expect(entity(raids, capture[0]!.source)?.name).toBe('Russian Volunteer Corps');
  });

  it('has the Russian Defense Ministry claim it repelled the incursions', () => {
    const repelled = raids.events.find((e) => e.type === 'CLASH' && e.trigger.text === 'repelling');
    expect(repelled?.modality).toBe('claimed');
    expect(entity(raids, repelled!.source)?.name).toBe('Ministry of Defence of Russia');
  });

  it('has the Freedom of Russia Legion report its own fighting and destruction', () => {
    for (const type of ['CLASH', 'DESTRUCTION'] as const) {
      const event = raids.events.find((e) => e.type === type && e.sentence === raids.events.find((x) => x.trigger.text === 'engaging')!.sentence);
      expect(event?.modality, type).toBe('claimed');
      expect(entity(raids, event!.source)?.name, type).toBe('Freedom of Russia Legion');
    }
  });

  it('names Andrii Yusov and Putin as the people making statements', () => {
    const speakers = raids.events.filter((e) => e.type === 'STATEMENT').map((e) => entity(raids, e.source)?.name);
    expect(speakers).toEqual(expect.arrayContaining(['Andrii Yusov', 'Putin']));
  });

  it('keeps "Kursk and Belgorod oblasts" as two regions and "Russia\'s" as Russia', () => {
    expect(raids.entities.find((e) => e.name === 'Kursk Oblast')?.mentions.map((m) => m.text)).toEqual(['Kursk']);
    expect(raids.entities.find((e) => e.name === 'Belgorod Oblast')?.mentions.map((m) => m.text)).toEqual(['Belgorod oblasts']);
    expect(raids.entities.find((e) => e.name === 'Russia')?.mentions.some((m) => m.text === 'Russia' && raids.text.slice(m.end, m.end + 2) === "'s")).toBe(true);
  });

  it('finds no event in its headings', () => {
    const headings = headingIndexes(raids);
    expect(headings.length).toBe(3);
    expect(raids.events.filter((e) => headings.includes(e.sentence))).toEqual([]);
  });
});
