// The lexicons are data a user can extend: the bundled files must be consistent, and a user's
// file (--lexicon) must add knowledge or fail with a message that names the file.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPipeline } from '../src/index.js';
import { LexiconError, loadLexicons } from '../src/lexicons/load.js';
import { placeCuePatterns } from '../src/stages/places/cues.js';
import { eventCues } from '../src/stages/events/cues.js';

const lex = loadLexicons();
const CATEGORIES = ['armor', 'ifv', 'apc', 'artillery', 'rocket_artillery', 'air_defense', 'aircraft', 'helicopter', 'uav', 'missile', 'munition', 'ship', 'submarine', 'small_arms', 'vehicle', 'radar', 'electronic_warfare', 'engineering', 'other'];

function sharedAliases(entries: Array<{ name: string; aliases?: string[] }>): string[] {
  const owner = new Map<string, string>();
  const shared: string[] = [];
  for (const e of entries) {
    for (const alias of new Set(e.aliases ?? [])) {
      const key = alias.toLowerCase();
      const other = owner.get(key);
      if (other !== undefined && other !== e.name) shared.push(`${alias}: ${other} / ${e.name}`);
      owner.set(key, e.name);
    }
  }
  return shared;
}

describe('bundled lexicons', () => {
  it('are broad enough for the genre', () => {
    expect(lex.equipment.length).toBeGreaterThan(300);
    expect(lex.places.length).toBeGreaterThan(1000);
    expect(lex.actors.length).toBeGreaterThan(300);
    expect(new Set(lex.triggers.map((t) => t.type)).size).toBe(18);
  });

  it('give each equipment alias to one system, with a known category and an ISO origin', () => {
    expect(sharedAliases(lex.equipment)).toEqual([]);
    for (const e of lex.equipment) {
      expect(CATEGORIES, e.name).toContain(e.category);
      if (e.origin) expect(e.origin, e.name).toMatch(/^[A-Z]{3}$/);
    }
  });

  it('give each actor alias to one actor, typed ORG or ARMED_GROUP', () => {
    expect(sharedAliases(lex.actors)).toEqual([]);
    for (const a of lex.actors) expect(['ORG', 'ARMED_GROUP'], a.name).toContain(a.type);
  });

  it('give places a kind and ISO alpha-3 countries, countries their demonyms and capitals', () => {
    for (const p of lex.places) {
      expect(['country', 'admin1', 'admin2', 'city', 'town', 'village', 'region', 'water'], p.name).toContain(p.kind);
      if (p.country) expect(p.country, p.name).toMatch(/^[A-Z]{3}$/);
    }
    const ukraine = lex.places.find((p) => p.kind === 'country' && p.country === 'UKR');
    expect(ukraine).toMatchObject({ demonyms: expect.arrayContaining(['Ukrainian']), capital: 'Kyiv' });
  });
});

describe('user lexicons', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-lexicon-'));

  it('add actors and equipment the bundled lexicons lack', () => {
    const file = join(dir, 'extra.json');
    writeFileSync(file, JSON.stringify({
      actors: [{ name: 'Northern Shield Brigade', type: 'ARMED_GROUP', aliases: ['Northern Shield Brigade', 'NSB'], country: 'SDN', sector: 'rebels' }],
      equipment: [{ name: 'Zarya-7 drone', aliases: ['Zarya-7'], category: 'uav', origin: 'UKR' }],
    }));
    const text = 'The NSB said its Zarya-7 drones struck a depot near Kassala.';
    const plain = createPipeline().process({ text });
    const extended = createPipeline({ lexicons: [file] }).process({ text });
    expect(plain.entities.some((e) => e.name === 'Northern Shield Brigade')).toBe(false);
    expect(extended.entities.find((e) => e.name === 'Northern Shield Brigade')).toMatchObject({ type: 'ARMED_GROUP', kb: { country: 'SDN' } });
    expect(extended.entities.find((e) => e.name === 'Zarya-7 drone')).toMatchObject({ type: 'EQUIPMENT', kb: { category: 'uav', origin: 'UKR' } });
  });

  it('add words to the word lists of names, cues and place words', () => {
    const file = join(dir, 'words.json');
    writeFileSync(file, JSON.stringify({
      names: { armedHeads: ['Sentinels'] },
      cues: { speech: ['tweeted'], casualties: { killed: ['perished'] } },
      placeWords: { settlements: ['kebele'] },
    }));
    const extended = loadLexicons([file]);
    expect(extended.names.armedHeads).toContain('Sentinels');
    expect(extended.cues.speech).toContain('tweeted');
    expect(extended.cues.casualties.killed).toContain('perished');
    expect(loadLexicons().cues.speech).not.toContain('tweeted'); // the bundled lists are not changed
    const text = 'Fighters of the Tana Valley Sentinels raided a market on Sunday.';
    const group = (lexicons: string[]) => createPipeline({ lexicons }).process({ text }).entities.find((e) => e.name === 'Tana Valley Sentinels');
    expect(group([])?.type).not.toBe('ARMED_GROUP');
    expect(group([file])?.type).toBe('ARMED_GROUP');
    const unknown = join(dir, 'unknown-list.json');
    writeFileSync(unknown, JSON.stringify({ cues: { rumours: ['allegedly'] } }));
    expect(() => loadLexicons([unknown])).toThrow(/unknown-list\.json: section "cues" has no list "rumours"; its lists are actorNouns, speech/);
    const notStrings = join(dir, 'not-strings.json');
    writeFileSync(notStrings, JSON.stringify({ names: { titles: [3] } }));
    expect(() => loadLexicons([notStrings])).toThrow(/"titles" must be an array of strings/);
  });

  it("steer the places stage's cues: a user's settlement kind, near word and region abbreviation are read", () => {
    const file = join(dir, 'place-words.json');
    writeFileSync(file, JSON.stringify({
      placeWords: { settlements: ['kishlak'], nearWords: ['in the hills above'] },
      regionAbbreviations: { Bdk: 'AF.01' },
    }));
    // the cues compile from the lexicon: "the kishlak of X" is a strong cue only with the user's kind
    const cues = (lexicons: string[]) => placeCuePatterns(loadLexicons(lexicons).placeWords);
    expect(cues([]).strongBefore.test('houses in the kishlak of ')).toBe(false);
    expect(cues([file]).strongBefore.exec('houses in the kishlak of ')?.[2]).toBe('kishlak');
    expect(cues([file]).kindAfter.test(' kishlak where')).toBe(true);
    // and the places stage reads them: a town "in the hills above" it is near the town (precision 2), not in it
    const precision = (lexicons: string[]) =>
      createPipeline({ lexicons }).process({ text: 'Gunmen burned houses in the hills above Kandahar on Monday.' }).entities.find((e) => e.name === 'Kandahar')?.kb?.geo_precision;
    expect(precision([])).toBe(1);
    expect(precision([file])).toBe(2);
    expect(loadLexicons([file]).regionAbbreviations).toMatchObject({ Bdk: 'AF.01', Ore: 'US.OR' });
    const bad = join(dir, 'bad-abbreviation.json');
    writeFileSync(bad, JSON.stringify({ regionAbbreviations: { Bdk: 'Badakhshan' } }));
    expect(() => loadLexicons([bad])).toThrow(/bad-abbreviation\.json: "regionAbbreviations" must map abbreviations to GeoNames admin1 codes/);
  });

  it('give actor sectors and target kinds from cues.json, and a user file adds to them', () => {
    const sectorOf = (cues: ReturnType<typeof eventCues>, text: string) => cues.sectors.find(([re]) => re.test(text))?.[1];
    const bundled = eventCues(lex);
    expect(sectorOf(bundled, 'two civilians')).toBe('civilians');
    expect(sectorOf(bundled, 'riot police')).toBe('police');
    expect(sectorOf(bundled, 'the ferrymen')).toBeUndefined();
    expect(bundled.civilianTarget.test('Villagers')).toBe(true);
    expect(bundled.militaryTarget.test('an armoured vehicle')).toBe(true);
    const file = join(dir, 'sectors.json');
    writeFileSync(file, JSON.stringify({ cues: { sectors: { civilians: ['ferrymen'] }, militaryTargets: ['warship'] } }));
    const extended = eventCues(loadLexicons([file]));
    expect(sectorOf(extended, 'the ferrymen')).toBe('civilians');
    expect(extended.militaryTarget.test('a Warship')).toBe(true);
  });

  it('fail with the file named when they are broken', () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ "actors": [ { "name": "X" ');
    expect(() => loadLexicons([broken])).toThrow(LexiconError);
    expect(() => loadLexicons([broken])).toThrow(/broken\.json/);
    const wrong = join(dir, 'wrong.json');
    writeFileSync(wrong, JSON.stringify({ actors: [{ name: 'X', type: 'GANG', aliases: ['X'] }] }));
    expect(() => loadLexicons([wrong])).toThrow(/wrong\.json.*ORG or ARMED_GROUP/);
    const empty = join(dir, 'empty.json');
    writeFileSync(empty, JSON.stringify({ people: [] }));
    expect(() => loadLexicons([empty])).toThrow(/none of the sections/);
    expect(() => loadLexicons([join(dir, 'missing.json')])).toThrow(/cannot read lexicon .*missing\.json/);
  });
});
