// The evidence `sitrep link` weighs beyond its rule: the words reports share, the trigger, and
// the limits no wording overrides (places far apart, a protest beside a shooting, two named armed
// groups). The reports are written for these tests.
import { describe, expect, it } from 'vitest';
import type { CodedActor, CodedEvent } from '../src/export/coded.js';
import { FEATURES, pairFeatures, prepareAll, sameName, stemWord, tokens } from '../src/link/features.js';
import { defaultModel, linkEvents } from '../src/link/link.js';

interface Report {
  doc: string;
  notes: string;
  trigger?: string;
  type?: [string, string, string];
  date?: string | null;
  place?: { name: string; lat: number; lon: number; admin1: string } | null;
  actor?: CodedActor;
}

const armed = (name: string): CodedActor => ({ name, text: name, start: 0, end: name.length, country: 'NGA', sector: 'rebels', inter: 2, entity: `e-${name}` });

function event(r: Report): CodedEvent {
  const [disorder_type, event_type, sub_event_type] = r.type ?? ['Political violence', 'Violence against civilians', 'Attack'];
  const p = r.place;
  return {
    id: `${r.doc}-v1`, doc_id: r.doc, event_id: 'v1', type: 'ATTACK', modality: 'asserted',
    event_date: r.date ?? null, time_precision: r.date ? 1 : null, published: r.date ?? null,
    disorder_type, event_type, sub_event_type, plover: 'ASSAULT',
    actors1: r.actor ? [r.actor] : [], actors2: [],
    places: p ? [{ name: p.name, entity: null, geo_precision: 1, lat: p.lat, lon: p.lon, country: 'NGA', admin1: p.admin1, admin2: null, geonames: null, rank: 1, start: 0 }] : [],
    sources: [`${r.doc}.example`], notes: r.notes, sentence: { start: 0, end: r.notes.length },
    trigger: { text: r.trigger ?? 'shooting', start: 0, end: 8 }, killed: null, injured: null, captured: null,
  };
}

const groups = (events: CodedEvent[], undated: 'apart' | 'together' = 'apart') =>
  linkEvents(events, { undated }).map((i) => i.events.map((e) => e.doc_id).sort().join('+')).sort();

describe('words', () => {
  it('stems the inflections of one word alike, and keeps short stems whole', () => {
    expect(['shooting', 'shootings', 'shoots'].map(stemWord)).toEqual(['shoot', 'shoot', 'shoot']);
    expect(stemWord('bus')).toBe('bus');
    expect(tokens('A gunman, 34, opened fire at 3 pm.')).toEqual(['gunman', 'open', 'fire']);
  });

  it('takes a surname, or a name less its last word, for the full name', () => {
    expect(sameName('gigante', 'vincent gigante')).toBe(true);
    expect(sameName('staunton police', 'staunton police department')).toBe(true);
    expect(sameName('boko haram', 'iswap')).toBe(false);
  });

  it('weighs the words a few articles share above the words every article has', () => {
    const [a, b, c] = prepareAll([
      event({ doc: 'a', notes: 'The gunman fired at shoppers in the Lakeview mall food court.' }),
      event({ doc: 'b', notes: 'Shoppers fled the Lakeview mall food court when the gunman fired.' }),
      event({ doc: 'c', notes: 'The gunman fired at drinkers outside a bar in Riverton.' }),
    ]);
    const sentence = FEATURES.indexOf('sentence_similarity');
    expect(pairFeatures(a!, b!, 25)[sentence]).toBeGreaterThan(2 * pairFeatures(a!, c!, 25)[sentence]!);
  });

  it('has a weight for every feature', () => {
    expect(defaultModel.features).toEqual([...FEATURES]);
    expect(defaultModel.weights).toHaveLength(FEATURES.length);
  });
});

describe('linkEvents with the pair model', () => {
  const mall1 = { doc: 'mall1', notes: 'A gunman opened fire in the food court of the Lakeview mall, killing two shoppers and wounding a security guard.' };
  const mall2 = { doc: 'mall2', notes: 'Two shoppers were killed and a security guard wounded when a gunman opened fire at the Lakeview mall food court.' };
  const bar = { doc: 'bar', notes: 'Police said a man was shot dead outside a Riverton bar after an argument over a parking space.' };

  it('joins undated reports that tell one story in the same distinctive words, and not a third story (undated together)', () => {
    expect(groups([event(mall1), event(mall2), event(bar)], 'together')).toEqual(['bar', 'mall1+mall2']);
  });

  it('keeps undated reports apart in a dataset (undated apart, the default)', () => {
    expect(groups([event(mall1), event(mall2)])).toEqual(['mall1', 'mall2']);
  });

  it('joins dated reports of one day in one town on their words alone, when no actor is named', () => {
    const town = { name: 'Lakeview', lat: 9.05, lon: 7.49, admin1: 'FCT' };
    expect(groups([event({ ...mall1, date: '2024-05-02', place: town }), event({ ...mall2, date: '2024-05-02', place: null })])).toEqual(['mall1+mall2']);
  });

  it('keeps apart reports in the same words of two towns 200 km apart', () => {
    const a = event({ ...mall1, date: '2024-05-02', place: { name: 'Lakeview', lat: 9.05, lon: 7.49, admin1: 'FCT' } });
    const b = event({ ...mall2, date: '2024-05-02', place: { name: 'Hillside', lat: 10.5, lon: 8.5, admin1: 'Kaduna' } });
    expect(groups([a, b])).toEqual(['mall1', 'mall2']);
  });

  it('keeps a protest apart from the shooting it is about, however alike the sentences', () => {
    const shooting = event({ doc: 'shot', date: '2024-05-02', notes: 'Police shot dead a teenager during a raid in Lakeview on Thursday.' });
    const protest = event({ doc: 'march', date: '2024-05-02', trigger: 'protest', type: ['Demonstrations', 'Protests', 'Peaceful protest'], notes: 'Hundreds protest after police shot dead a teenager during a raid in Lakeview on Thursday.' });
    expect(groups([shooting, protest])).toEqual(['march', 'shot']);
  });

  it('keeps apart reports naming two different armed groups as the attackers', () => {
    const a = event({ ...mall1, date: '2024-05-02', actor: armed('Boko Haram') });
    const b = event({ ...mall2, date: '2024-05-02', actor: armed('ISWAP') });
    expect(groups([a, b])).toEqual(['mall1', 'mall2']);
    expect(groups([a, { ...b, actors1: [armed('Boko Haram')] }])).toEqual(['mall1+mall2']);
  });
});
