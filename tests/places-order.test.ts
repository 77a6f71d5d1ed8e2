// The places stage judges each place on the same evidence, whatever order the text names places
// in or the stage meets them: a region one place was given, or the order in which the tagger
// found two names, is no evidence about another place. Sentences written for these tests; the
// neighbourhoods and villages are invented, so that no gazetteer lists them.
import { describe, expect, it } from 'vitest';
import type { DocumentRecord, Entity } from '../src/index.js';
import { pipeline } from './helpers.js';

const run = (text: string) => pipeline().process({ text, published: '2024-03-16' });
const place = (r: DocumentRecord, name: string): Entity | undefined => r.entities.find((e) => (e.type === 'GPE' || e.type === 'LOC') && e.name === name);

describe('places: unlisted places of one local report take one region', () => {
  it.each([
    ['Verdugo Terrace', 'Tujunga Flats'],
    ['Tujunga Flats', 'Verdugo Terrace'],
  ])('puts %s and then %s in the region of the city the paper and the coroner are named for', (first, second) => {
    // the first place given California once made the article "name" the United States, so the second got nothing
    const r = run(`A woman was shot in ${first} on Monday, the Los Angeles Times reported, citing Los Angeles County coroner records. A second woman was wounded hours later in ${second}.`);
    for (const name of [first, second]) {
      expect(place(r, name)?.kb).toMatchObject({ resolved: false, admin1Code: 'US.CA', precision: 'admin1' });
      expect(place(r, name)?.kb?.reason).toMatch(/organisations are named for/);
    }
  });

  it('gives a village the region of the places the article names whether the other country comes first or last', () => {
    // Boston, Quincy and Somerville lie in Massachusetts; Mexico is named as often as the United States
    const mexicoFirst = run("A man who had flown in from Mexico was stabbed on Saturday in the town of Harlowe. He was to be deported to Mexico, and Mexico's consulate was told. Police in Boston, Quincy and Somerville were looking for his attacker.");
    const mexicoLast = run("Police in Boston, Quincy and Somerville were looking for the attacker of a man stabbed on Saturday in the town of Harlowe. The man had flown in from Mexico, was to be deported to Mexico, and Mexico's consulate was told.");
    for (const r of [mexicoFirst, mexicoLast]) expect(place(r, 'Harlowe')?.kb).toMatchObject({ resolved: false, admin1Code: 'US.MA', precision: 'admin1' });
  });

  it('does not take the region of a place listed with another village as the article\'s', () => {
    // Brankford takes Massachusetts from its list; Harlowe and Tarrowdale are judged alike
    const r = run("A man who had flown in from Mexico was stabbed on Saturday in the town of Harlowe. He was to be deported to Mexico, and Mexico's consulate was told. Later, shots were fired in Brankford, Quincy and Somerville. Another man was wounded in the town of Tarrowdale.");
    expect(place(r, 'Brankford')?.kb).toMatchObject({ admin1Code: 'US.MA' });
    expect(place(r, 'Harlowe')?.kb?.admin1Code).toBe(place(r, 'Tarrowdale')?.kb?.admin1Code);
  });
});

describe('places: a bare region name and a town of that name, whichever comes first', () => {
  it.each([
    'Two men were shot in Darien on Friday night. One of them had moved there from Vermont last year.',
    'A man from Vermont was visiting friends. Two men were shot in Darien on Friday night.',
  ])('reads Darien as a town of the United States beside Vermont: %s', (text) => {
    // Darien is a province of Panama and a town in several US states; Vermont a state (and a small town)
    const r = run(text);
    expect(place(r, 'Vermont')?.kb).toMatchObject({ kind: 'admin1', admin1Code: 'US.VT' });
    expect(place(r, 'Darien')?.kb).toMatchObject({ resolved: true, iso2: 'US' });
    expect(place(r, 'Darien')?.kb?.kind).not.toBe('admin1');
  });
});
