// Places that news names through other names, on sentences written for these tests: a site
// named for the town it stands at ("the Haditha Dam"), a town of the article's country rather
// than a province of a country it never names, and a local report whose only clue to the region
// is the city its organisations are named for.
import { describe, expect, it } from 'vitest';
import type { DocumentRecord, Entity } from '../src/index.js';
import { pipeline } from './helpers.js';

const run = (text: string) => pipeline().process({ text, published: '2024-03-16' });
const place = (r: DocumentRecord, name: string): Entity | undefined => r.entities.find((e) => (e.type === 'GPE' || e.type === 'LOC') && e.name === name);

describe('places: a site named for its town lies at that town', () => {
  it('puts a dam at the town the article names on its own', () => {
    const r = run('Engineers inspected the Haditha Dam on Tuesday after fighters shelled Haditha overnight.');
    expect(place(r, 'Haditha Dam')?.kb).toMatchObject({ kind: 'site', resolved: true, resolution: 'town in its name', admin1Code: 'IQ.01', geo_precision: 2 });
    expect(place(r, 'Haditha Dam')?.kb?.geonames).toBeUndefined(); // the town's id is not the dam's
  });

  it('puts a dam at a town of its name in the region the article is about', () => {
    const r = run('Troops guarded the Haditha Dam, officials in Ramadi and Fallujah said.');
    expect(place(r, 'Haditha Dam')?.kb).toMatchObject({ resolved: true, admin1Code: 'IQ.01' });
  });

  it('does not place a bar by a small town of its name far from the article', () => {
    // Union, New Jersey is a town of 56,000; this bar is in Colorado Springs
    const r = run('Police said three people were hurt near the Union Station bar in Colorado Springs.');
    expect(place(r, 'Union Station')).toBeDefined();
    expect(place(r, 'Union Station')?.kb?.admin1Code).not.toBe('US.NJ');
  });

  it('does not place a street or a county by a town of its name', () => {
    // Baltimore Avenue is a street of Philadelphia; this Washington County is Oregon's
    const street = run('A man was shot on Baltimore Avenue in Philadelphia, a week after a shooting in Baltimore.');
    expect(place(street, 'Baltimore Avenue')).toBeDefined();
    expect(place(street, 'Baltimore Avenue')?.kb?.admin1Code).not.toBe('US.MD');
    const jail = run('He was booked into the Washington County Jail in Hillsboro, Oregon, a day after he had flown back from Washington.');
    expect(place(jail, 'Washington County Jail')).toBeDefined();
    expect(place(jail, 'Washington County Jail')?.kb?.admin1Code).not.toBe('US.DC');
  });
});

describe('places: a town of the article\'s country over a region of another', () => {
  it('reads "Darien" in a report on Chicago as the town in Illinois, not the Panamanian province', () => {
    const r = run('Two men were shot in Darien on Friday. Chicago police said the gunman fled.');
    expect(place(r, 'Darien')?.kb).toMatchObject({ resolved: true, iso2: 'US', admin1Code: 'US.IL' });
  });
});

describe('places: the region of a local report from the city its organisations are named for', () => {
  it('puts a neighbourhood no gazetteer lists in the region of the city of the paper and the coroner', () => {
    const r = run('A woman, 31, died Monday after being shot in Sunland Heights, the Los Angeles Times reported, citing coroner records.');
    expect(place(r, 'Sunland Heights')?.kb).toMatchObject({ resolved: false, admin1Code: 'US.CA', precision: 'admin1' });
  });

  it('does not when the article names a country', () => {
    const r = run('A woman was shot in Kharbat Sulaym, according to the New York Times, which cited a Syrian monitor.');
    expect(place(r, 'Kharbat Sulaym')?.kb?.admin1Code).toBeUndefined();
  });
});
