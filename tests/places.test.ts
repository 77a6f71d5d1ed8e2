// Places resolved to the world (src/stages/places) and actors coded (src/stages/events/actors.ts):
// the facts a dataset needs to be put on a map and in a chart.
import { describe, expect, it } from 'vitest';
import type { DocumentRecord, Entity } from '../src/index.js';
import { pipeline } from './helpers.js';

const run = (text: string) => pipeline().process({ text, published: '2024-03-16' });
const place = (r: DocumentRecord, mention: string): Entity | undefined => r.entities.find((e) => e.mentions.some((m) => m.text === mention));

describe('places: aliases and transliterations', () => {
  it.each([
    ['Kyiv', 'Kiev'],
    ['Kharkiv', 'Kharkov'],
    ['Zaporizhzhia', 'Zaporozhye'],
    ['Sievierodonetsk', 'Severodonetsk'],
    ['Mykolaiv', 'Nikolaev'],
  ])('%s and %s are one city with its GeoNames facts', (a, b) => {
    const r = run(`Officials in ${a} said the shelling of ${b} continued.`);
    const city = place(r, a);
    expect(city).toBeDefined();
    expect(place(r, b)).toBe(city);
    expect(city!.kb).toMatchObject({ country: 'UKR', resolved: true });
    expect(city!.kb!.geonames).toEqual(expect.any(Number));
    expect(city!.kb!.admin1Code).toMatch(/^UA\.\d\d$/);
  });

  it('reads oblast, region and province alike, and "Russian territory" as Russia', () => {
    const r = run('Drones hit the Belgorod region. Belgorod Oblast officials said Belgorod province had no power. The raid reached Russian territory.');
    const belgorod = r.entities.filter((e) => e.name === 'Belgorod Oblast');
    expect(belgorod).toHaveLength(1);
    expect(belgorod[0]!.mentions.map((m) => m.text)).toEqual(['Belgorod region', 'Belgorod Oblast', 'Belgorod province']);
    expect(belgorod[0]!.kb).toMatchObject({ kind: 'admin1', country: 'RUS', admin1Code: 'RU.09' });
    expect(place(r, 'Russian territory')?.name).toBe('Russia');
  });

  it('knows the Donbas and Crimea', () => {
    const r = run('Fighting continued in the Donbas and in Crimea.');
    expect(place(r, 'Donbas')).toMatchObject({ type: 'LOC' });
    expect(place(r, 'Crimea')).toMatchObject({ type: 'GPE', kb: { kind: 'admin1' } });
  });

  it('keeps coordinated regions apart: "Kursk and Belgorod oblasts"', () => {
    const r = run('Raiders entered the Kursk and Belgorod oblasts.');
    expect(place(r, 'Kursk')?.kb).toMatchObject({ kind: 'admin1', admin1Code: 'RU.41' });
    expect(place(r, 'Belgorod oblasts')?.kb).toMatchObject({ kind: 'admin1', admin1Code: 'RU.09' });
  });
});

describe('places: ambiguity settled by context', () => {
  it('reads Ivanovo as the Russian city in an article about Russia', () => {
    const r = run('A military cargo plane crashed near Ivanovo, the Russian defence ministry said.');
    expect(place(r, 'Ivanovo')?.kb).toMatchObject({ country: 'RUS' });
  });

  it('reads Ivanovo as the Bulgarian village in an article about Bulgaria', () => {
    const r = run('Bulgarian police said a storm damaged houses in Ivanovo, in the Ruse province of Bulgaria.');
    expect(place(r, 'Ivanovo')?.kb).toMatchObject({ country: 'BGR', resolution: 'region named' });
  });

  it('finds a town the lexicons lack where the text says it is a place', () => {
    const r = run('Fighting broke out near Kyaukme in Myanmar on Monday.');
    expect(place(r, 'Kyaukme')).toMatchObject({ type: 'GPE', kb: { country: 'MMR', resolved: true } });
  });
});

describe('places: one referent per name', () => {
  it('makes a bare name the tagger took for a person the place a cue named elsewhere in the article', () => {
    const r = run('Kurdish-led forces captured the village of Baghuz on Saturday. Thousands of women who left Baghuz are being held at a camp.');
    const baghuz = r.entities.filter((e) => e.name === 'Baghuz');
    expect(baghuz.map((e) => e.type)).toEqual(['GPE']);
    expect(baghuz[0]!.mentions).toHaveLength(2);
  });

  it('reads a house-style acronym of the actor lexicon as the actor anywhere in a sentence', () => {
    const r = run('Analysts warn that Isis remains a threat in the desert.');
    expect(r.entities.find((e) => e.mentions.some((m) => m.text === 'Isis'))?.type).toBe('ARMED_GROUP');
  });
});

describe('places: cues and names around them', () => {
  it('reads the city, not the region, where a city named like its region stands alone', () => {
    const r = run('Debris damaged a building in the Kyiv region. Kyiv says Russia has launched more missiles this week.');
    expect(place(r, 'Kyiv')?.kb?.kind).toBe('city');
    expect(place(r, 'Kyiv region')?.kb?.kind).toBe('admin1');
  });

  it('finds a village told with its region after "in" and a region word, after a verb of places', () => {
    const r = run('Gunmen on motorcycles stormed Ogossagou in the Mopti region on Sunday morning.');
    expect(place(r, 'Ogossagou')?.type).toBe('GPE');
    expect(place(run('Officials met Putin in the Moscow region on Friday.'), 'Putin')?.type).toBe('PERSON');
  });

  it('makes no place of a messaging app', () => {
    const r = run('A strike killed five people in Khan Younis, officials said. The governor said on Telegram that two women were hurt.');
    expect(place(r, 'Telegram')?.type).toBe('ORG');
  });
});

describe('places: what cannot be resolved', () => {
  it('keeps an unknown village as a place, unresolved with a reason, tied to the region named after it', () => {
    const r = run('Russian shelling hit Zmiivka village, Kherson, on Sunday.');
    const village = place(r, 'Zmiivka');
    expect(village).toMatchObject({ type: 'GPE', kb: { resolved: false, reason: 'not in the gazetteer', admin1: 'Kherson Oblast' } });
    const shelling = r.events.find((e) => e.type === 'SHELLING');
    expect(shelling?.args.find((a) => a.role === 'location')?.ref).toBe(village!.id);
  });

  it('does not take capitalised words after "in" for places', () => {
    const r = run('The talks in Good Faith ended in March, in Washington.');
    expect(r.entities.filter((e) => e.type === 'GPE').map((e) => e.name)).toEqual(['Washington']);
  });
});

describe('actors coded for datasets', () => {
  it('codes state forces, armed groups and civilians with country and sector', () => {
    const r = run("Moscow's troops shelled two villages, killing two civilians. The Freedom of Russia Legion attacked Russian soldiers near Kursk.");
    const codes = r.events.flatMap((e) => e.args.filter((a) => a.role === 'agent' || a.role === 'target').map((a) => [a.text, a.kb]));
    expect(codes).toEqual(expect.arrayContaining([
      ["Moscow's troops", { country: 'RUS', sector: 'military' }],
      ['Freedom of Russia Legion', { country: 'RUS', sector: 'rebels' }],
      ['Russian soldiers', { country: 'RUS', sector: 'military' }],
    ]));
    expect(r.entities.find((e) => e.mentions.some((m) => m.text === "Moscow's troops" || m.text === 'troops'))?.name).toBe('Military Forces of Russia');
  });

  it('codes descriptions by their head noun: militants are rebels, residents civilians', () => {
    const r = run('Militants attacked residents of the village, police said.');
    const attack = r.events.find((e) => e.type === 'ATTACK')!;
    expect(attack.args.find((a) => a.role === 'agent')?.kb).toEqual({ sector: 'rebels' });
    expect(attack.args.find((a) => a.role === 'target')?.kb).toEqual({ sector: 'civilians' });
  });

  it('resolves "these groups" to the groups named before', () => {
    const r = run('Pro-Ukrainian militias, including the Russian Volunteer Corps, have penetrated into Russia. On Tuesday, these groups launched raids into Belgorod.');
    const agents = r.events.flatMap((e) => e.args.filter((a) => a.role === 'agent'));
    const these = agents.find((a) => a.text === 'these groups');
    if (these) expect(these.kb?.refersTo).toBe('Pro-Ukrainian militias');
    else expect(agents.map((a) => a.text)).toContain('Pro-Ukrainian militias'); // the raids were read as the same incursion
  });
});

describe('a part of a continent', () => {
  it('is a region, not a namesake village', () => {
    const r = run('The group has cells in North Africa and Central Africa, and its leaders hide in South Asia.');
    for (const name of ['North Africa', 'Central Africa', 'South Asia']) expect(place(r, name)?.kb).toMatchObject({ kind: 'region', resolved: true });
  });
});

describe('a part of a country', () => {
  it('is the country, whatever town shares the words', () => {
    const r = run('Troops advanced in Northern Syria on Monday, and rockets hit Southern Iraq.');
    expect(place(r, 'Northern Syria')?.kb).toMatchObject({ country: 'SYR', kind: 'country' });
    expect(place(r, 'Southern Iraq')?.kb).toMatchObject({ country: 'IRQ', kind: 'country' });
  });
});
