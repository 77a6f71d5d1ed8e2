// The gold readers, format detection, text alignment and the scorer on small samples: the
// files in tests/data/eval/ (written for these tests) and a few lines quoted inline.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Entity, Event } from '../src/index.js';
import { InputError } from '../src/io/errors.js';
import { alignTexts } from '../src/eval/gold/align.js';
import { detectFormat } from '../src/eval/gold/detect.js';
import { pairRecords } from '../src/eval/gold/pair.js';
import { emptyRecord } from '../src/eval/gold/predicted.js';
import { nerName } from '../src/eval/gold/score-spans.js';
import { readGold } from '../src/eval/gold/read.js';
import { Scorer } from '../src/eval/gold/scorer.js';
import { actorName, tokenOverlap } from '../src/eval/gold/text-match.js';
import type { GoldSet } from '../src/eval/gold/types.js';
import type { DocumentRecord } from '../src/record/record.js';

const DATA = new URL('./data/eval/', import.meta.url).pathname;

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'sitrep-eval-gold-'));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

function file(name: string, content: string): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}

/** The InputError a read throws, for its line and message. */
function failure(read: () => unknown): InputError {
  try {
    read();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

const slice = (set: GoldSet, doc: number) => (s: { start: number; end: number }) => set.docs[doc]!.text.slice(s.start, s.end);

describe('sitrep gold (JSONL)', () => {
  it('reads text, entities, quantities and events', () => {
    const set = readGold(join(DATA, 'gold.jsonl'));
    expect(set.format).toBe('sitrep');
    expect(set.docs.map((d) => d.id)).toEqual(['g1', 'g2']);
    const [g1, g2] = set.docs;
    expect(g1!.published).toBe('2024-05-10');
    expect(g1!.entities!.map(slice(set, 0))).toEqual(['Russian forces', 'Kherson', 'Thursday']);
    expect(g1!.quantities).toEqual([{ value: 2, item: 'civilian', start: 52, end: 65 }]);
    expect(g1!.events![0]).toMatchObject({ type: 'SHELLING', trigger: { start: 15, end: 22 }, date: '2024-05-09', killed: 2 });
    expect(g1!.events![0]!.args).toEqual([{ role: 'agent', text: 'Russian forces' }, { role: 'target', text: 'Kherson' }]);
    expect(g2!.events).toEqual([{ type: 'PROTEST' }]);
    expect(g2!.quantities).toBeUndefined();
  });

  it('names the line of a line that fails the schema, that is not JSON, or whose span text is wrong', () => {
    const good = JSON.stringify({ text: 'Kyiv was hit.' });
    let e = failure(() => readGold(file('schema.jsonl', `${good}\n${JSON.stringify({ text: 'Kyiv was hit.', entities: [{ type: 'CITY', start: 0, end: 4 }] })}\n`)));
    expect(e.where).toMatch(/schema\.jsonl:2$/);
    expect(e.message).toMatch(/\/entities\/0\/type: must be equal to one of the allowed values/);
    e = failure(() => readGold(file('typo.jsonl', `${JSON.stringify({ text: 'x', entites: [] })}\n`)));
    expect(e.message).toMatch(/must NOT have additional properties \(entites\)/);
    e = failure(() => readGold(file('broken.jsonl', `${good}\n\n{"text": "unterminated\n`), 'sitrep'));
    expect(e.where).toMatch(/broken\.jsonl:3$/);
    expect(e.message).toMatch(/not valid JSON/);
    e = failure(() => readGold(file('span.jsonl', `${JSON.stringify({ text: 'Kyiv.', entities: [{ type: 'GPE', start: 0, end: 4, text: 'Kiev' }] })}\n`)));
    expect(e.line).toBe(1);
    expect(e.message).toContain('text "Kiev" but text.slice(0, 4) is "Kyiv"');
    e = failure(() => readGold(file('range.jsonl', `${JSON.stringify({ text: 'Kyiv.', entities: [{ type: 'GPE', start: 2, end: 40 }] })}\n`)));
    expect(e.message).toMatch(/bad span \[2, 40\)/);
  });
});

describe('CoNLL BIO', () => {
  it('rebuilds the text from the tokens, one document per -DOCSTART-, with exact spans (4 columns)', () => {
    const set = readGold(join(DATA, 'news.conll'));
    expect(set.format).toBe('conll');
    expect(set.entityScheme).toBe('conll');
    expect(set.docs).toHaveLength(2);
    expect(set.docs[0]!.text).toBe('Ukrainian drones struck an oil depot in Belgorod .\nGovernor Vyacheslav Gladkov said two people were wounded .');
    expect(set.docs[0]!.where).toMatch(/news\.conll:1$/);
    expect(set.docs[0]!.entities!.map((e) => `${e.type} ${slice(set, 0)(e)}`)).toEqual(['MISC Ukrainian', 'LOC Belgorod', 'PER Vyacheslav Gladkov']);
    expect(set.docs[1]!.entities!.map((e) => `${e.type} ${slice(set, 1)(e)}`)).toEqual(['ORG United Nations', 'LOC Kharkiv']);
  });

  it('reads two columns without -DOCSTART- as one document, and IOB1', () => {
    // IOB1: I- opens a span; B- only separates two touching spans of one type
    const set = readGold(file('iob1.txt', 'Talks O\nbetween O\nJoe I-PER\nBiden I-PER\nXi B-PER\nJinping I-PER\n\nin O\nSan I-LOC\nFrancisco I-LOC\n'), 'conll');
    expect(set.docs).toHaveLength(1);
    expect(set.docs[0]!.text).toBe('Talks between Joe Biden Xi Jinping\nin San Francisco');
    expect(set.docs[0]!.entities!.map(slice(set, 0))).toEqual(['Joe Biden', 'Xi Jinping', 'San Francisco']);
  });

  it('cuts a copy without -DOCSTART- before each story, whose headline its dateline follows', () => {
    const story = (headline: string, place: string, body: string) =>
      `${headline.split(' ').map((w) => `${w} O`).join('\n')}\n\n${place} B-LOC\n2024-03-16 O\n\n${body.split(' ').map((w) => `${w} O`).join('\n')}\n\n`;
    const text = story('FLOODS CUT ROADS', 'DHAKA', 'Floods cut two roads .') + story('TALKS END', 'GENEVA', 'Talks ended on Friday .');
    const set = readGold(file('stories.txt', text), 'conll');
    expect(set.docs.map((d) => d.text)).toEqual(['FLOODS CUT ROADS\nDHAKA 2024-03-16\nFloods cut two roads .', 'TALKS END\nGENEVA 2024-03-16\nTalks ended on Friday .']);
    expect(set.docs[1]!.where).toMatch(/stories\.txt:14$/);
    expect(set.docs[1]!.entities!.map(slice(set, 1))).toEqual(['GENEVA']);
  });

  it('names the line of a bad tag or a line without a tag', () => {
    let e = failure(() => readGold(file('bad-tag.conll', 'Peace O\nTalks X-ORG\n')));
    expect(e.where).toMatch(/bad-tag\.conll:2$/);
    expect(e.message).toMatch(/bad tag "X-ORG"/);
    e = failure(() => readGold(file('gpe.conll', '-DOCSTART- O\n\nKyiv B-GPE\n')));
    expect(e.line).toBe(3);
    expect(e.message).toMatch(/PER, ORG, LOC, MISC/);
    e = failure(() => readGold(file('one-column.conll', 'Kyiv B-LOC\nstruck\n')));
    expect(e.line).toBe(2);
    expect(e.message).toMatch(/expected "token TAG"/);
  });
});

describe('coded event tables', () => {
  it('reads CSV with quoted commas, quotes and line breaks, naming each row by its first line', () => {
    const set = readGold(join(DATA, 'coded-events.csv'));
    expect(set.format).toBe('events');
    expect(set.columns).toEqual(['event_type', 'sub_event_type', 'event_date', 'location', 'admin1', 'fatalities', 'actor1', 'actor2']);
    expect(set.docs.map((d) => [d.id, d.where.replace(/^.*\//, '')])).toEqual([
      ['UKR1001', 'coded-events.csv:2'],
      ['UKR1002', 'coded-events.csv:3'],
      ['UKR1003', 'coded-events.csv:5'],
    ]);
    expect(set.docs[1]!.text).toBe('On 14 March 2024, about 200 people protested in Kyiv,\ndemanding the release of prisoners of war.');
    expect(set.docs[2]!.text).toContain('the "Tavria" group said');
    expect(set.docs[0]!.coded).toEqual({
      acled: { event_type: 'Explosions/Remote violence', sub_event_type: 'Shelling/artillery/missile attack' },
      date: '2024-03-12',
      killed: 2,
      location: 'Kupiansk',
      admin1: 'Kharkiv',
      actor1: 'Military Forces of Russia (2000-)',
      actor2: 'Civilians (Ukraine)',
    });
    // an empty fatalities cell is not coded; an empty actor2 neither
    expect(set.docs[2]!.coded!.killed).toBeUndefined();
    expect(set.docs[1]!.coded!.actor2).toBeUndefined();
  });

  it('reads JSON lines with a sentence column', () => {
    const set = readGold(file('rows.jsonl', `${JSON.stringify({ sentence: 'Rebels attacked Goma.', event_type: 'Battles', fatalities: 3 })}\n`));
    expect(set.format).toBe('events');
    expect(set.docs[0]).toMatchObject({ text: 'Rebels attacked Goma.', coded: { acled: { event_type: 'Battles' }, killed: 3 } });
  });

  it('names the problem: no text column, a bad count, a broken quote', () => {
    let e = failure(() => readGold(file('no-text.csv', 'event_type,body\nBattles,hello\n')));
    expect(e.line).toBe(1);
    expect(e.message).toMatch(/no text column \(columns: event_type, body\).*text, notes, sentence/);
    e = failure(() => readGold(file('count.csv', 'notes,fatalities\n"Rebels attacked Goma.",3\n"Troops fired.",two\n')));
    expect(e.line).toBe(3);
    expect(e.message).toMatch(/"fatalities" must be a whole number, not "two"/);
    e = failure(() => readGold(file('quote.csv', 'notes,event_type\n"ok",Battles\n"bad"x,Battles\n')));
    expect(e.line).toBe(3);
    expect(e.message).toMatch(/not a valid CSV table/);
  });
});

describe('PLOVER gold records', () => {
  // Three records of the PLOVER gold standard (Open Event Data Alliance, repository
  // openeventdata/PLOVER, gold_standard_records/PLOVER_GSR_CAMEO.txt), CC BY-SA 4.0, as
  // converted in ../shared/data/plover-gsr.jsonl (lines 1, 109 and 303).
  const LINES = [
    '{"id": "PLOVER-GSR01-AGREE-0001", "text": "Senior Hungarian and Romanian officials agreed on Wednesday that their countries should cooperate to encourage Romanian refugees in Hungary to return home.", "event": "AGREE", "mode": null, "context": "refugees", "source": [{"actorText": "Hungarian", "code": "HUN", "sector": "GOV"}, {"actorText": "Romanian", "code": "ROU", "sector": "GOV"}], "target": null, "eventLoc": null, "dead": null, "injured": null, "size": null}',
    '{"id": "PLOVER-GSR01-INVESTIGATE-0006", "text": "A US national has been put under investigation in Italy for her possible role in rioting during a G8 summit in Genoa last month, Ansa news agency reported.", "event": "INVESTIGATE", "mode": "", "context": "legal", "source": [{"actorText": "Italy", "code": "ITL"}], "target": [{"actorText": "US national", "code": "USA", "sector": "CVL"}], "eventLoc": {"name": "Genoa"}, "dead": null, "injured": null, "size": null}',
    '{"id": "PLOVER-GSR01-ASSAULT-0011", "text": "A roadside bombing near the town of Samarra on Sunday killed one U.S. soldier and wounded two others, the military said.", "event": "ASSAULT", "mode": "explosives", "context": "military", "source": [{"actorText": "Samarra", "code": "IRQ", "sector": "UAF"}], "target": [{"actorText": "U.S. soldier", "code": "USA", "sector": "MIL"}], "eventLoc": {"name": "Samarra"}, "dead": "1", "injured": "2", "size": null}',
  ];

  it('reads the type, actors (CAMEO country codes as ISO), place and counts', () => {
    const set = readGold(file('plover.jsonl', `${LINES.join('\n')}\n`));
    expect(set.format).toBe('plover');
    const [agree, investigate, assault] = set.docs.map((d) => d.coded!);
    expect(agree).toEqual({ plover: 'AGREE', sourceActors: [{ text: 'Hungarian', country: 'HUN', sector: 'GOV' }, { text: 'Romanian', country: 'ROU', sector: 'GOV' }] });
    // "ITL" is CAMEO's code for Italy
    expect(investigate!.sourceActors).toEqual([{ text: 'Italy', country: 'ITA' }]);
    expect(investigate!.location).toBe('Genoa');
    expect(assault).toMatchObject({ plover: 'ASSAULT', killed: 1, injured: 2, location: 'Samarra' });
  });

  it('names the line of a record without an event or with a bad count', () => {
    let e = failure(() => readGold(file('no-event.jsonl', `${LINES[0]}\n${JSON.stringify({ text: 'x', event: null, source: [] })}\n`), 'plover'));
    expect(e.line).toBe(2);
    expect(e.message).toMatch(/no "event"/);
    e = failure(() => readGold(file('dead.jsonl', `${JSON.stringify({ text: 'x', event: 'FIGHT', source: null, dead: 'many' })}\n`)));
    expect(e.message).toMatch(/"dead" must be a whole number/);
  });
});

describe('Giveme5W1H', () => {
  it('reads who, when and where phrases, with the title before the text', () => {
    const line = {
      id: 'a1',
      title: 'Storm hits Lagos',
      published: '2016-11-10',
      text: 'A storm hit Lagos on Thursday, officials said.',
      gold: { who: [{ text: 'officials', coders: 2, parsed: null }, { text: null, coders: 1, parsed: null }], when: [{ text: 'on Thursday', coders: 3, parsed: '2016-11-10' }], where: [{ text: 'Lagos', coders: 3, parsed: null }], what: [], why: [], how: [] },
    };
    const set = readGold(file('5w.jsonl', `${JSON.stringify(line)}\n`));
    expect(set.format).toBe('giveme5w1h');
    expect(set.docs[0]).toMatchObject({ id: 'a1', published: '2016-11-10', text: 'Storm hits Lagos\n\nA storm hit Lagos on Thursday, officials said.' });
    expect(set.docs[0]!.w).toEqual({ who: [{ text: 'officials', coders: 2 }], when: [{ text: 'on Thursday', coders: 3, date: '2016-11-10' }], where: [{ text: 'Lagos', coders: 3 }] });
  });
});

describe('detectFormat', () => {
  it('tells the formats apart by extension and first line', () => {
    expect(detectFormat('x.conll', [])).toBe('conll');
    expect(detectFormat('x.csv', ['a,b'])).toBe('events');
    expect(detectFormat('x.txt', ['-DOCSTART- -X- -X- O', '', 'EU NNP B-NP B-ORG'])).toBe('conll');
    expect(detectFormat('x.txt', ['notes,event_type'])).toBe('events');
    expect(detectFormat('x.jsonl', ['{"text": "x", "event": "FIGHT", "source": null}'])).toBe('plover');
    expect(detectFormat('x.jsonl', ['{"text": "x", "gold": {"who": []}}'])).toBe('giveme5w1h');
    expect(detectFormat('x.jsonl', ['{"notes": "x", "event_type": "Battles"}'])).toBe('events');
    expect(detectFormat('x.jsonl', ['{"text": "x", "entities": []}'])).toBe('sitrep');
    expect(detectFormat('x.jsonl', ['{"title": "x"}'])).toBeNull();
    expect(detectFormat('x.txt', ['Just some prose.'])).toBeNull();
  });
});

describe('alignTexts', () => {
  it('maps spans of the normalized text onto the gold text', () => {
    const gold = 'KYIV, March 12 (Reuters) -  Russian  forces\tshelled Kherson.';
    const record = 'Russian forces shelled Kherson.';
    const map = alignTexts(record, gold);
    const kherson = map({ start: 23, end: 30 })!;
    expect(gold.slice(kherson.start, kherson.end)).toBe('Kherson');
    const forces = map({ start: 8, end: 14 })!;
    expect(gold.slice(forces.start, forces.end)).toBe('forces');
    const russian = map({ start: 0, end: 7 })!;
    expect(gold.slice(russian.start, russian.end)).toBe('Russian');
  });
});

describe('text matching', () => {
  it('reduces ACLED actor names and measures token overlap', () => {
    expect(actorName('Military Forces of Russia (2000-)')).toBe('russia');
    expect(actorName('Police Forces of Ukraine (2019-) Border Guard')).toBe('ukraine border guard');
    // shared content words over the shorter phrase: {trump} / {trump} = 1
    expect(tokenOverlap('Donald Trump', 'Trump')).toBe(1);
    // {president} shared of 2 each: .5
    expect(tokenOverlap('President Obama', 'the President Putin')).toBe(0.5);
    expect(tokenOverlap("Moscow's troops", 'Moscow')).toBe(1);
    expect(tokenOverlap('the', 'of the')).toBe(0);
  });
});

// ---- the scorer on hand-made records ----------------------------------------------------------

function record(text: string, entities: Entity[], events: Event[] = []): DocumentRecord {
  return { ...emptyRecord('r', text), entities, events };
}

function event(type: Event['type'], trigger: string, text: string, fields: Partial<Event> = {}): Event {
  const start = text.indexOf(trigger);
  return {
    id: 'v1',
    type,
    trigger: { text: trigger, start, end: start + trigger.length },
    sentence: 0,
    modality: 'asserted',
    source: null,
    args: [],
    date: null,
    casualties: { killed: null, injured: null, captured: null },
    mappings: { acled: { event_type: 'Battles', sub_event_type: 'Armed clash' }, plover: 'FIGHT' },
    ...fields,
  };
}

const entity = (id: string, type: Entity['type'], text: string, name: string, at: string, kb?: Entity['kb']): Entity => {
  const start = text.indexOf(name);
  return { id, type, name: at, mentions: [{ text: name, start, end: start + name.length }], ...(kb ? { kb } : {}) };
};

describe('Scorer', () => {
  it('scores CoNLL entities with our types mapped, descriptions (unnamed sources, nominal mentions) and EQUIPMENT left out', () => {
    const set = readGold(join(DATA, 'news.conll'));
    const doc = set.docs[0]!;
    const ours = record(doc.text, [
      entity('e1', 'NORP', doc.text, 'Ukrainian', 'Ukrainian'),
      entity('e2', 'GPE', doc.text, 'Belgorod', 'Belgorod'),
      entity('e3', 'PERSON', doc.text, 'Gladkov', 'Vyacheslav Gladkov'),
      entity('e4', 'EQUIPMENT', doc.text, 'drones', 'drone'),
      entity('e5', 'PERSON', doc.text, 'Governor', 'governor', { description: true }),
      { ...entity('e6', 'FACILITY', doc.text, 'oil depot', 'oil depot'), mentions: [{ ...entity('e6', 'FACILITY', doc.text, 'oil depot', 'oil depot').mentions[0]!, nominal: true }] },
    ]);
    const scorer = new Scorer(set);
    const errors = scorer.add(doc, ours);
    scorer.add(set.docs[1]!, emptyRecord('x', set.docs[1]!.text));
    // doc 1: MISC and LOC right, PER "Gladkov" wrong span (1 fp, 1 fn); doc 2: ORG and LOC missed
    // tp 2 fp 1 fn 3: p .6667 r .4 f 4/8 = .5
    const s = scorer.scores().entities;
    expect(s).toMatchObject({ tp: 2, fp: 1, fn: 3, f: 0.5 });
    expect(errors.missed).toEqual(['entity PER "Vyacheslav Gladkov"@60']);
    expect(errors.spurious).toEqual(['entity PER "Gladkov"@71']);
  });

  it("scores the people's word a nominal mention opens with as CoNLL's MISC, in the description's place", () => {
    const set = readGold(join(DATA, 'news.conll'));
    const doc = set.docs[0]!;
    const start = doc.text.indexOf('Ukrainian drones');
    const described = { text: 'Ukrainian drones', start, end: start + 'Ukrainian drones'.length, nominal: true as const };
    const withInner = { ...described, inner_name: { text: 'Ukrainian', start, end: start + 'Ukrainian'.length, type: 'NORP' as const } };
    const score = (mention: typeof described) => {
      const scorer = new Scorer({ ...set, docs: [doc] });
      scorer.add(doc, record(doc.text, [{ id: 'e1', type: 'ORG', name: 'Military Forces of Ukraine', mentions: [mention] }]));
      return scorer.scores().entities;
    };
    // the gold's MISC "Ukrainian" found, and no ORG "Ukrainian drones" counted against us
    expect(score(withInner)).toMatchObject({ tp: 1, fp: 0 });
    expect(score(described)).toMatchObject({ tp: 0, fp: 0 });
  });

  it("reads a place's name without the word of its kind that the record's mention keeps", () => {
    const text = 'Floods hit the Guangdong province and mainland China.';
    const at = (t: string) => ({ text: t, start: text.indexOf(t), end: text.indexOf(t) + t.length });
    expect(nerName(at('Guangdong province'), 'GPE')).toEqual({ ...at('Guangdong'), type: 'GPE' });
    expect(nerName(at('mainland China'), 'GPE')).toEqual({ ...at('China'), type: 'GPE' });
    // an organisation's name is left as it is, and so is a place without such a word
    expect(nerName(at('Guangdong province'), 'ORG')).toEqual({ ...at('Guangdong province'), type: 'ORG' });
    expect(nerName(at('China'), 'GPE')).toEqual({ ...at('China'), type: 'GPE' });
  });

  it('scores coded columns and PLOVER codings against the primary event', () => {
    const text = 'On 12 March 2024, Russian forces shelled Kupiansk, killing two civilians, the governor said.';
    const gold: GoldSet = {
      path: 'inline',
      format: 'events',
      entityScheme: 'sitrep',
      docs: [
        {
          id: 'd1',
          where: 'inline:1',
          text,
          coded: {
            acled: { event_type: 'Explosions/Remote violence', sub_event_type: 'Air/drone strike' },
            date: '2024-03-12',
            location: 'Kupiansk',
            killed: 2,
            actor1: 'Military Forces of Russia (2000-)',
            actor2: 'Civilians (Ukraine)',
            plover: 'FIGHT',
            sourceActors: [{ text: 'Russian forces', country: 'RUS' }],
          },
        },
      ],
    };
    const forces = entity('e1', 'ORG', text, 'Russian forces', 'Military Forces of Russia', { country: 'RUS' });
    const place = entity('e2', 'GPE', text, 'Kupiansk', 'Kupiansk');
    const statement = event('STATEMENT', 'said', text, { mappings: { acled: { event_type: 'Strategic developments', sub_event_type: 'Other' }, plover: 'CONSULT' } });
    const shelling = event('SHELLING', 'shelled', text, {
      date: '2024-03-12',
      casualties: { killed: 2, injured: null, captured: null },
      args: [{ role: 'agent', text: 'Russian forces', start: 18, end: 32, ref: 'e1' }],
      mappings: { acled: { event_type: 'Explosions/Remote violence', sub_event_type: 'Shelling/artillery/missile attack' }, plover: 'FIGHT' },
    });
    const scorer = new Scorer(gold);
    const errors = scorer.add(gold.docs[0]!, record(text, [forces, place], [statement, shelling]));
    const s = scorer.scores();
    // the primary event is the SHELLING (the STATEMENT comes first but is passed over)
    expect(s.columns!.event_type).toMatchObject({ accuracy: 1, support: 1 });
    expect(s.columns!.sub_event_type).toMatchObject({ accuracy: 0, support: 1 });
    expect(s.columns!.event_date).toEqual({ accuracy: 1, correct: 1, support: 1 });
    expect(s.columns!.location).toEqual({ accuracy: 1, correct: 1, support: 1 });
    expect(s.columns!.fatalities).toEqual({ accuracy: 1, correct: 1, support: 1 });
    // "Military Forces of Russia (2000-)" → "russia", found in our agent's entity name
    expect(s.columns!.actor1).toEqual({ accuracy: 1, correct: 1, support: 1 });
    // no target argument: the two dead of a shelling are ACLED's civilians of the place's country
    expect(s.columns!.actor2).toEqual({ accuracy: 1, correct: 1, support: 1 });
    expect(s.plover!.type).toMatchObject({ accuracy: 1 });
    expect(s.plover!.source).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(s.plover!.country).toEqual({ accuracy: 1, correct: 1, support: 1 });
    expect(scorer.confusions().acled!.count('Explosions/Remote violence', 'Explosions/Remote violence')).toBe(1);
    expect(errors.missed).toEqual(['sub_event_type "Air/drone strike"']);
  });

  it('finds an ACLED actor by the name our ACLED export gives a described actor', () => {
    const text = 'On 3 May 2024, several hundred demonstrators marched in Nairobi against the tax bill.';
    const gold: GoldSet = {
      path: 'inline',
      format: 'events',
      entityScheme: 'sitrep',
      docs: [{ id: 'd1', where: 'inline:1', text, coded: { acled: { event_type: 'Protests', sub_event_type: 'Peaceful protest' }, actor1: 'Protesters (Kenya)' } }],
    };
    const place = entity('e1', 'GPE', text, 'Nairobi', 'Nairobi', { country: 'KEN' });
    const march = event('PROTEST', 'marched', text, {
      args: [
        { role: 'agent', text: 'several hundred demonstrators', start: 15, end: 44, ref: null, kb: { sector: 'protesters' } } as Event['args'][number],
        { role: 'location', text: 'Nairobi', start: 56, end: 63, ref: 'e1' },
      ],
      mappings: { acled: { event_type: 'Protests', sub_event_type: 'Peaceful protest' }, plover: 'PROTEST' },
    });
    const scorer = new Scorer(gold);
    scorer.add(gold.docs[0]!, record(text, [place], [march]));
    // "demonstrators" shares no word with "Protesters"; the export names the crowd "Protesters (Kenya)"
    expect(scorer.scores().columns!.actor1).toEqual({ accuracy: 1, correct: 1, support: 1 });
  });
});

describe('pairRecords', () => {
  it('pairs by id, then by text, then by order, and says which', () => {
    const gold = readGold(join(DATA, 'gold.jsonl')).docs;
    const byText = { ...emptyRecord('other', `  ${gold[1]!.text.replace(/ /g, '  ')}`) };
    let pairing = pairRecords(gold, [byText, emptyRecord('g1', 'different')]);
    expect(pairing.pairs.map((p) => p.by)).toEqual(['id', 'text']);
    expect(pairing.pairs[1]!.record).toBe(byText);
    pairing = pairRecords(gold, [emptyRecord('x', 'a'), emptyRecord('y', 'b')]);
    expect(pairing.matchedBy).toEqual({ id: 0, text: 0, order: 2, none: 0 });
    pairing = pairRecords(gold, [emptyRecord('x', 'a')]);
    expect(pairing.matchedBy).toEqual({ id: 0, text: 0, order: 0, none: 2 });
    expect(pairing.unused).toBe(1);
  });
});
