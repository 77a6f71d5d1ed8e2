// Entities through the whole pipeline: one entity per real-world referent, with every
// mention of it, each mention exactly the words that name it (no possessive 's, no trailing
// punctuation), and no entity for a word that only looks like a name.
import { describe, expect, it } from 'vitest';
import { createPipeline, type DocumentRecord, type Entity } from '../src/index.js';
import { recordMention } from '../src/record/record.js';

const pipeline = createPipeline();
const run = (text: string) => pipeline.process({ text, published: '2024-03-16' });

/** Every entity whose mentions include exactly `text`. */
const withMention = (r: DocumentRecord, text: string) => r.entities.filter((e) => e.mentions.some((m) => m.text === text));

function one(r: DocumentRecord, text: string, type: string): Entity {
  const hits = withMention(r, text).filter((e) => e.type === type);
  const summary = r.entities.map((e) => `${e.type} ${e.name}: ${e.mentions.map((m) => m.text).join(' / ')}`);
  expect(hits.length, `${type} "${text}" in ${JSON.stringify(summary)}`).toBe(1);
  return hits[0]!;
}

function expectSoundMentions(r: DocumentRecord): void {
  for (const e of r.entities) for (const m of e.mentions) expect(r.text.slice(m.start, m.end)).toBe(m.text);
}

describe('places', () => {
  it('Kyiv and Kiev are one GPE entity with both mentions', () => {
    const r = run('Russian missiles struck Kyiv overnight. Residents of Kiev spent hours in shelters.');
    const kyiv = one(r, 'Kyiv', 'GPE');
    expect(kyiv.mentions.map((m) => m.text)).toEqual(['Kyiv', 'Kiev']);
    expect(withMention(r, 'Kiev')).toEqual([kyiv]);
    expectSoundMentions(r);
  });

  it('Kharkiv and Kharkov are one GPE entity with both mentions', () => {
    const r = run('Shelling hit Kharkiv on Sunday. Officials in Kharkov said two people were hurt.');
    const kharkiv = one(r, 'Kharkiv', 'GPE');
    expect(kharkiv.mentions.map((m) => m.text)).toEqual(['Kharkiv', 'Kharkov']);
  });

  it('"Kursk and Belgorod oblasts" are two GPE entities, Kursk Oblast and Belgorod Oblast', () => {
    const r = run('The groups launched raids into the Kursk and Belgorod oblasts from Ukraine.');
    const kursk = one(r, 'Kursk', 'GPE');
    expect(kursk.name).toBe('Kursk Oblast');
    const belgorod = r.entities.find((e) => e.type === 'GPE' && e.name === 'Belgorod Oblast');
    expect(belgorod, JSON.stringify(r.entities)).toBeDefined();
    expect(belgorod!.mentions).toHaveLength(1);
    expect(belgorod!.mentions[0]!.text.startsWith('Belgorod')).toBe(true);
    expect(belgorod).not.toBe(kursk);
    expectSoundMentions(r);
  });

  it('"the Belgorod region" is a mention "Belgorod region" of Belgorod Oblast', () => {
    const r = run('Russian forces repelled an attack in the Belgorod region.');
    expect(one(r, 'Belgorod region', 'GPE').name).toBe('Belgorod Oblast');
  });

  it('"Russia\'s" is a mention "Russia", without the possessive; "Russia." without the period', () => {
    const r = run("Russia's defence budget has tripled. Kyiv blamed Russia.");
    const russia = one(r, 'Russia', 'GPE');
    expect(russia.mentions.map((m) => m.text)).toEqual(['Russia', 'Russia']);
    expect(r.entities.flatMap((e) => e.mentions).some((m) => /['’.]|\s$/.test(m.text))).toBe(false);
  });

  it('"US-made armored personnel carriers": GPE "US" and equipment of US origin', () => {
    const r = run('The strike destroyed US-made armored personnel carriers near the border.');
    const us = one(r, 'US', 'GPE');
    expect(us.kb?.country).toBe('USA');
    expect(withMention(r, 'US-')).toEqual([]);
    const apc = r.entities.find((e) => e.type === 'EQUIPMENT' && e.mentions.some((m) => m.text.includes('armored personnel carrier')));
    expect(apc, JSON.stringify(r.entities)).toBeDefined();
    expect(apc!.kb?.origin).toBe('USA');
  });
});

describe('actors', () => {
  it('"anti-Kremlin militants" does not mention the Kremlin', () => {
    const r = run('Russian forces thwarted an attack by anti-Kremlin militants.');
    expect(r.entities.some((e) => e.name === 'Kremlin' || e.mentions.some((m) => m.text.includes('Kremlin')))).toBe(false);
  });

  it('"the Kremlin" on its own is the Kremlin', () => {
    const r = run('The Kremlin denied the report.');
    expect(one(r, 'Kremlin', 'ORG').name).toBe('Kremlin');
  });

  it('"Russian forces" and "Moscow\'s troops" are one ORG, the Military Forces of Russia', () => {
    const r = run("Russian forces advanced near Avdiivka. Moscow's troops also shelled Kherson.");
    const forces = r.entities.filter((e) => e.type === 'ORG' && e.name === 'Military Forces of Russia');
    expect(forces, JSON.stringify(r.entities)).toHaveLength(1);
    const mentions = forces[0]!.mentions.map((m) => m.text);
    expect(mentions).toHaveLength(2);
    expect(mentions[0]).toBe('Russian forces');
    expect(mentions[1]).toMatch(/troops$/);
    expectSoundMentions(r);
  });

  it('"Russian Defense Ministry" and "Russian Defence Ministry" are one ORG', () => {
    const r = run('The Russian Defense Ministry said seven drones were downed. The Russian Defence Ministry later raised the number.');
    const ministry = one(r, 'Russian Defense Ministry', 'ORG');
    expect(ministry.mentions.map((m) => m.text)).toEqual(['Russian Defense Ministry', 'Russian Defence Ministry']);
  });

  it('"the UN" is an ORG; "un-" and a lowercase "un" are not', () => {
    const un = run('The UN condemned the strike on the hospital.');
    expect(one(un, 'UN', 'ORG').name).toBe('United Nations');
    const lower = run("An un-named official said the banner read 'un peuple, un but, une foi'.");
    expect(lower.entities.filter((e) => e.mentions.some((m) => /^un-?$/i.test(m.text)))).toEqual([]);
    expect(lower.entities.some((e) => e.name === 'United Nations')).toBe(false);
  });
});

describe('the ends of names', () => {
  it('a company\'s abbreviated last word keeps its full stop: "Brennan Holdings Inc."', () => {
    const r = run('Shares of Halvorsen Shipping Corp. rose 4 percent, said an analyst at Brennan Holdings Inc. in Boston.');
    expect(withMention(r, 'Halvorsen Shipping Corp.').map((e) => e.type)).toEqual(['ORG']);
    expect(withMention(r, 'Brennan Holdings Inc.').map((e) => e.type)).toEqual(['ORG']);
  });
});

describe('lines of names', () => {
  it('a results line of names alone is no headline: its names need no other mention to count', () => {
    const r = run('Results of the women\'s 400 metres on Sunday :\n1 .\nZofia Wrzesniewska ( Poland ) 50.21\n2 .\nHalyna Dmytrenko ( Ukraine ) 50.48');
    expect(withMention(r, 'Halyna Dmytrenko').map((e) => e.type)).toEqual(['PERSON']);
    expect(withMention(r, 'Zofia Wrzesniewska').map((e) => e.type)).toEqual(['PERSON']);
  });

  it('a team that opens a line of a league table is an organisation, as it stands', () => {
    const r = run('Standings after Saturday\'s matches (played, won, drawn, lost, goals for, against, points):\nVardar 4 3 1 0 9 2 10\nPelister 4 2 1 1 6 4 7\nSloga 4 1 0 3 3 8 3');
    for (const team of ['Vardar', 'Pelister', 'Sloga']) expect(withMention(r, team).map((e) => e.type), team).toEqual(['ORG']);
  });

  it('a title-case headline with ordinary words still needs its names corroborated', () => {
    const r = run('Clash Near The Border\n\nSoldiers and rebels exchanged fire near the border on Sunday, officials said.');
    expect(r.entities.filter((e) => e.mentions.some((m) => m.text === 'Clash' || m.text === 'Border'))).toEqual([]);
  });
});

describe('peoples and languages', () => {
  it('peoples and faiths of no country of their own are NORP, not persons or villages: "Sunni tribes", "Alawite officers", "the Yazidis"', () => {
    const r = run('Sunni tribes and Alawite officers met in the town, and the Yazidis and Hausa traders who fled said Muslim clerics had mediated.');
    for (const word of ['Sunni', 'Alawite', 'Yazidis', 'Hausa', 'Muslim']) expect(withMention(r, word).map((e) => e.type), word).toEqual(['NORP']);
  });
  it('a people\'s word that opens a sentence is a NORP, and a plural noun there is no name: "Kurdish forces", "Videos released by"', () => {
    const r = run('Kurdish forces pushed into the town on Monday. Videos released by the fighters showed the streets.');
    expect(withMention(r, 'Kurdish').map((e) => e.type)).toEqual(['NORP']);
    expect(withMention(r, 'Videos')).toEqual([]);
  });

  it('a language after "in" is no place: "published in English"', () => {
    const r = run('The statement was published in English on the group\'s channel on Friday.');
    expect(withMention(r, 'English').filter((e) => e.type === 'GPE' || e.type === 'LOC')).toEqual([]);
  });
});

describe('people', () => {
  it('"spokesperson, Andrii Yusov," is a PERSON, and a later "Yusov said" mentions him again', () => {
    const r = run(
      "Ukraine's military intelligence spokesperson, Andrii Yusov, said the raid had succeeded. Yusov said more raids would follow.",
    );
    const yusov = one(r, 'Andrii Yusov', 'PERSON');
    expect(yusov.mentions.map((m) => m.text)).toEqual(['Andrii Yusov', 'Yusov']);
    expect(withMention(r, 'Yusov')).toEqual([yusov]);
    expectSoundMentions(r);
  });
});

describe('equipment', () => {
  it('"Leopard 2 tanks" is one EQUIPMENT mention', () => {
    const r = run('Germany has delivered 18 Leopard 2 tanks to Ukraine.');
    const equipmentMentions = r.entities.filter((e) => e.type === 'EQUIPMENT').flatMap((e) => e.mentions);
    expect(equipmentMentions.map((m) => m.text)).toEqual(['Leopard 2 tanks']);
  });

  it('a lowercase "leopard", the animal, is not equipment', () => {
    const r = run('Villagers said a leopard had been seen near the river.');
    expect(r.entities.filter((e) => e.type === 'EQUIPMENT')).toEqual([]);
  });
});

describe('names as news writes them (CoNLL-2003 dev error classes)', () => {
  it('"the Xinhua news agency" is the organisation Xinhua, whose description is not its name, and is the claimant', () => {
    const r = run('A bomb killed 35 people in a market on Friday, the Xinhua news agency said.');
    const xinhua = one(r, 'Xinhua', 'ORG');
    expect(withMention(r, 'Xinhua news agency')).toEqual([]);
    expect(r.events[0]?.source).toBe(xinhua.id);
  });

  it('"the eastern province of Zhejiang" names the province, a region no cue of settlements covers', () => {
    const r = run('Police in the eastern province of Zhejiang detained the dissident on Friday.');
    expect(one(r, 'Zhejiang', 'GPE').kb).toMatchObject({ kind: 'admin1', country: 'CHN' });
  });

  it('"the Department of Justice" is no region: the region word must be written in lower case', () => {
    expect(withMention(run('The Department of Justice said it would appeal.'), 'Justice').filter((e) => e.type === 'GPE')).toEqual([]);
  });

  it('a line of results is no headline: its names stand without another mention in the article', () => {
    const r = run('Total ( eight wickets , 50 overs ) 241\nFall of wickets : 1-14 2-40 3-88 4-120 5-131\n6-150 7-199 8-230 .\nBowling : Okonjo 8-1-30-2 , de Vries 6-0-41-0 , Talwarkar\n9-0-45-1 , Brannigan 10-1-38-3 .\n');
    for (const name of ['Okonjo', 'de Vries', 'Talwarkar', 'Brannigan']) one(r, name, 'PERSON');
  });
});

describe('names and descriptions', () => {
  /** Each mention's text with "nominal" when the record marks it a description. */
  const marks = (r: DocumentRecord) => new Map(r.entities.flatMap((e) => e.mentions.map((m) => [m.text, m.nominal === true] as const)));

  it('marks a mention whose last word has no capital as a description of its entity', () => {
    const r = run('Iraqi forces shelled the village on Monday, the Iraqi Defence Ministry said. The ministry said police had arrested two men.');
    const m = marks(r);
    expect(m.get('Iraqi forces')).toBe(true);
    expect(m.get('Iraqi Defence Ministry')).toBe(false);
    for (const [text, nominal] of m) if (/^[\p{Lu}]/u.test(text.split(' ').at(-1)!)) expect(nominal, text).toBe(false);
  });
  it('keeps a place named with its kind in lower case a name', () => {
    const r = run('Drones struck the Belgorod region overnight, and shelling hit the al-Hol camp in Syria.');
    const m = marks(r);
    expect(m.get('Belgorod region') ?? m.get('Belgorod')).toBe(false);
    expect(m.get('Syria')).toBe(false);
    expectSoundMentions(r);
  });
  it('reads the last word of the mention, without a possessive or a full stop', () => {
    const at = (text: string) => ({ text, start: 0, end: text.length });
    expect(recordMention(at('Kursk oblast'), 'GPE').nominal).toBeUndefined();
    expect(recordMention(at('al-Hol camp'), 'FACILITY').nominal).toBeUndefined();
    expect(recordMention(at('the city'), 'GPE').nominal).toBe(true);
    expect(recordMention(at('Russian territory'), 'GPE').nominal).toBe(true);
    expect(recordMention(at('Salomon Bros .'), 'ORG').nominal).toBeUndefined();
    expect(recordMention(at("Boatmen 's"), 'ORG').nominal).toBeUndefined();
    expect(recordMention(at('Syrian government'), 'ORG').nominal).toBe(true);
    expect(recordMention(at('Hizb ut-Tahrir'), 'ORG').nominal).toBeUndefined();
    expect(recordMention(at('tanks'), 'EQUIPMENT').nominal).toBeUndefined();
  });
  it('never marks dates or equipment, which have no names to tell them from', () => {
    const r = run('Russian tanks and drones attacked Kharkiv last week.');
    expect(r.entities.some((e) => e.type === 'EQUIPMENT')).toBe(true);
    for (const e of r.entities.filter((x) => x.type === 'DATE' || x.type === 'EQUIPMENT')) for (const x of e.mentions) expect(x.nominal).toBeUndefined();
  });
});

describe('names of other kinds (MISC)', () => {
  it('records the name of an event, a war or a prize as MISC, beside the places and events of the sentence', () => {
    const r = run('Fans packed the stadium for the World Cup final in Doha on Sunday.');
    expect(one(r, 'World Cup', 'MISC').name).toBe('World Cup');
    one(r, 'Doha', 'GPE');
    const war = run('Veterans of the Korean War and the Cold War gathered in Seoul, where police arrested two men on Saturday.');
    one(war, 'Korean War', 'MISC');
    one(war, 'Cold War', 'MISC');
    one(war, 'Seoul', 'GPE');
    // a MISC name is no actor, place or weapon of an event: the arrest is Seoul's, by the police
    const arrest = war.events.find((e) => e.type === 'ARREST')!;
    const misc = new Set(war.entities.filter((e) => e.type === 'MISC').map((e) => e.id));
    expect(arrest.args.filter((a) => a.ref && misc.has(a.ref))).toEqual([]);
    expectSoundMentions(war);
  });
  it('makes no MISC of a word that only holds a name, nor of an Arabic name with its article', () => {
    const r = run('Anti-war and anti-Kremlin activists marched in Moscow, and pro-Moscow forces held the road.');
    expect(r.entities.filter((e) => e.type === 'MISC' && /^(?:anti|pro)-/i.test(e.name))).toEqual([]);
  });
  it('gives a name the tagger read as MISC to the place a cue names, in every mention', () => {
    const r = run('Israeli troops demolished a house in the West Bank village of al-Ram on Monday. Later, soldiers returned to al-Ram and arrested two men.');
    const ram = withMention(r, 'al-Ram');
    expect(ram.map((e) => e.type)).toEqual(['GPE']);
    expect(ram[0]!.mentions).toHaveLength(2);
  });
});

describe("a description's people's word", () => {
  it('tells the nationality a description of a state\'s forces or territory opens with, and only there', () => {
    const r = run('Iraqi troops shelled the town on Monday, Russian territory was hit, and the Iraqi Army said nothing.');
    const mention = (text: string) => r.entities.flatMap((e) => e.mentions).find((m) => m.text === text)!;
    expect(mention('Iraqi troops').inner_name).toMatchObject({ text: 'Iraqi', type: 'NORP' });
    expect(mention('Russian territory').inner_name).toMatchObject({ text: 'Russian', type: 'NORP' });
    // a name is no description, and tells none
    expect(mention('Iraqi Army').inner_name).toBeUndefined();
    for (const m of r.entities.flatMap((e) => e.mentions)) if (m.inner_name) expect(r.text.slice(m.inner_name.start, m.inner_name.end)).toBe(m.inner_name.text);
  });
  it("tells the country's name a description of its forces opens with", () => {
    const r = run('The president ordered the U.S. military to ready itself, and the flag was lowered over U.S. army headquarters in Berlin.');
    const mention = (text: string) => r.entities.flatMap((e) => e.mentions).find((m) => m.text === text)!;
    expect(mention('U.S. military').inner_name).toMatchObject({ text: 'U.S.', type: 'GPE' });
    expect(mention('U.S. army').inner_name).toMatchObject({ text: 'U.S.', type: 'GPE' });
  });
});

describe('an acronym defined in brackets', () => {
  it('is the name it follows wherever the article writes it', () => {
    const r = run('The Syrian National Army (SNA) shelled the town. SNA fighters then withdrew. Hayat Tahrir al-Sham (HTS) took the road.');
    const sna = r.entities.find((e) => e.name === 'Syrian National Army')!;
    expect(sna.mentions.map((m) => m.text)).toEqual(['Syrian National Army', 'SNA', 'SNA']);
    expect(r.entities.find((e) => e.mentions.some((m) => m.text === 'HTS'))?.name).toBe('Hayat Tahrir al-Sham');
  });
});
