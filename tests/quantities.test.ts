// Quantities through the whole pipeline: a number bound to the thing it counts, as a coder
// would record it ("six tanks" = 6 × tank), and never a year, a date, a clock time, an
// ordinal, a percentage or a number inside a name.
import { describe, expect, it } from 'vitest';
import { createPipeline, type DocumentRecord, type Quantity } from '../src/index.js';

const pipeline = createPipeline();
const run = (text: string) => pipeline.process({ text, published: '2024-03-16' });

function quantity(record: DocumentRecord, text: string): Quantity {
  const q = record.quantities.find((x) => x.text === text);
  if (!q) throw new Error(`no quantity "${text}"; got ${JSON.stringify(record.quantities.map((x) => x.text))}`);
  expect(record.text.slice(q.start, q.end)).toBe(q.text);
  return q;
}

/** Quantities whose span overlaps the first occurrence of `part`. */
function quantitiesOver(record: DocumentRecord, part: string): Quantity[] {
  const start = record.text.indexOf(part);
  if (start < 0) throw new Error(`"${part}" is not in the text`);
  const end = start + part.length;
  return record.quantities.filter((q) => q.start < end && q.end > start);
}

const entityOf = (record: DocumentRecord, q: Quantity) => record.entities.find((e) => e.id === q.entity);

describe('quantities: counted things', () => {
  it('"six tanks" is 6 × tank, counting the tank equipment', () => {
    const r = run('Ukrainian forces destroyed six tanks near Avdiivka.');
    const q = quantity(r, 'six tanks');
    expect(q).toMatchObject({ value: 6, approximate: false, item: 'tank' });
    expect(entityOf(r, q)?.type).toBe('EQUIPMENT');
  });

  it('"25 Russian soldiers" is 25 × soldier', () => {
    const r = run('The Legion said it had captured 25 Russian soldiers.');
    expect(quantity(r, '25 Russian soldiers')).toMatchObject({ value: 25, approximate: false, item: 'soldier' });
  });

  it('"twenty-five soldiers", spelled out, is 25 × soldier', () => {
    const r = run('The Legion said twenty-five soldiers were captured.');
    expect(quantity(r, 'twenty-five soldiers')).toMatchObject({ value: 25, approximate: false, item: 'soldier' });
  });

  it('"at least 12 civilians" is approximately 12 × civilian', () => {
    const r = run('At least 12 civilians were killed in the shelling of Kherson.');
    expect(quantity(r, 'At least 12 civilians')).toMatchObject({ value: 12, approximate: true, item: 'civilian' });
  });

  it('"more than 1,000 troops" is approximately 1000 × troop', () => {
    const r = run('Moscow moved more than 1,000 troops to the border.');
    expect(quantity(r, 'more than 1,000 troops')).toMatchObject({ value: 1000, approximate: true, item: 'troop' });
  });

  it('"dozens of drones" is about 24 × drone', () => {
    const r = run('Russia launched dozens of drones at Odesa overnight.');
    const q = r.quantities.find((x) => x.text.startsWith('dozens of drones'));
    expect(q, JSON.stringify(r.quantities)).toBeDefined();
    expect(q).toMatchObject({ value: 24, approximate: true, item: 'drone' });
  });

  it('"two Su-25 jets" counts 2 of the Su-25 equipment', () => {
    const r = run('Ukraine said it shot down two Su-25 jets over the Donetsk region.');
    const q = r.quantities.find((x) => x.text.startsWith('two Su-25'));
    expect(q, JSON.stringify(r.quantities)).toBeDefined();
    expect(q).toMatchObject({ value: 2, approximate: false });
    const e = entityOf(r, q!);
    expect(e?.type).toBe('EQUIPMENT');
    expect(e!.mentions.some((m) => m.text.includes('Su-25'))).toBe(true);
  });

  it('"a French Caesar howitzer" is 1 × howitzer, counting French-made equipment', () => {
    const r = run('A Russian drone hit a French Caesar howitzer near Bakhmut.');
    const q = quantity(r, 'a French Caesar howitzer');
    expect(q).toMatchObject({ value: 1, approximate: false, item: 'howitzer' });
    const e = entityOf(r, q);
    expect(e?.type).toBe('EQUIPMENT');
    expect(e!.kb?.origin).toBe('FRA');
  });
});

describe('quantities: numbers that count nothing', () => {
  it('an age is no quantity, and the people it describes are counted: "two 17-year-old boys" = 2 × boy', () => {
    const r = run('Two 17-year-old boys were wounded and a 30 year old man was killed.');
    expect(quantity(r, 'Two 17-year-old boys')).toMatchObject({ value: 2, item: 'boy' });
    expect(quantitiesOver(r, '30 year old')).toEqual([]);
    expect(r.quantities.some((q) => q.value === 17 || q.value === 30)).toBe(false);
  });

  it('a year is not a quantity: "in 2014", "the 2022 invasion"', () => {
    const r = run('Russia annexed Crimea in 2014. Since the 2022 invasion, millions have fled.');
    expect(quantitiesOver(r, '2014')).toEqual([]);
    expect(quantitiesOver(r, '2022')).toEqual([]);
  });

  it('a date is not a quantity: "March 12"', () => {
    const r = run('On March 12 the militias crossed the border.');
    expect(quantitiesOver(r, '12')).toEqual([]);
  });

  it('a day and month is no quantity in an article without a publication date, where it makes no DATE', () => {
    const r = pipeline.process({ text: 'A bomb went off on 3 May, wounding 13 people. Four more were hurt on Dec. 9 and on the 21st of June.' });
    expect(quantitiesOver(r, '3 May')).toEqual([]);
    expect(quantitiesOver(r, '9')).toEqual([]);
    expect(quantitiesOver(r, '21st')).toEqual([]);
    expect(r.quantities.map((q) => [q.value, q.item])).toContainEqual([13, 'people']);
    expect(r.events.find((e) => e.casualties.injured !== null)?.casualties.injured).toBe(13);
  });

  it('a clock time is not a quantity: "at 5 p.m."', () => {
    const r = run('The air raid alert sounded at 5 p.m. in Kyiv.');
    expect(quantitiesOver(r, '5 p.m.')).toEqual([]);
  });

  it('an ordinal is not a quantity: "the 47th Brigade", "third"', () => {
    const r = run('The 47th Brigade said it had repelled a third assault on the village.');
    expect(quantitiesOver(r, '47th')).toEqual([]);
    expect(quantitiesOver(r, 'third')).toEqual([]);
  });

  it('a number inside a name is not a quantity: "Su-25", "T-72"', () => {
    const r = run('Crews of T-72 tanks and Su-25 pilots were resupplied with fuel.');
    expect(r.quantities.filter((q) => q.value === 72 || q.value === 25)).toEqual([]);
    expect(quantitiesOver(r, 'T-72')).toEqual([]);
    expect(quantitiesOver(r, 'Su-25')).toEqual([]);
  });

  it('a percentage is not a quantity: "40 percent"', () => {
    const r = run('About 40 percent of the city was without power.');
    expect(quantitiesOver(r, '40 percent')).toEqual([]);
  });

  it('"a man" is not a quantity: an article counts only known equipment', () => {
    const r = run('Police said a man was detained near the base.');
    expect(quantitiesOver(r, 'a man')).toEqual([]);
  });
});

describe('quantities: spans', () => {
  it('every quantity slices to its text', () => {
    const r = run('At least 12 civilians were killed and dozens of drones were launched. Ukraine destroyed six tanks and two Su-25 jets.');
    expect(r.quantities.length).toBeGreaterThanOrEqual(4);
    for (const q of r.quantities) expect(r.text.slice(q.start, q.end)).toBe(q.text);
  });
});

describe('quantities: cases fixed after the first review', () => {
  it('"two Su-25 jets" is 2 × jet, the jets being Su-25s', () => {
    const r = run('Ukraine said it shot down two Su-25 jets over the Donetsk region.');
    const q = r.quantities.find((x) => x.text === 'two Su-25 jets');
    expect(q).toMatchObject({ value: 2, item: 'jet' });
    expect(r.entities.find((e) => e.id === q!.entity)?.name).toBe('Su-25');
  });

  it('a calibre is not a quantity: "155mm shells", "152-mm rounds"', () => {
    const r = run('The army fired 155mm shells and 152-mm rounds at the town.');
    expect(r.quantities.filter((q) => /155|152/.test(q.text))).toEqual([]);
  });

  it('people are counted in whole numbers: "3.5 civilians" gives no casualty count', () => {
    const r = run('Russian forces captured 3.5 civilians.');
    for (const e of r.events) expect(e.casualties.captured).toBeNull();
  });
});

describe('ranges', () => {
  it('count their lower figure, approximately, over the whole span', () => {
    const r = run('The strike killed between 12 and 15 civilians, 4 to 6 soldiers and two or three children.');
    expect(quantity(r, 'between 12 and 15 civilians')).toMatchObject({ value: 12, approximate: true, item: 'civilian' });
    expect(quantity(r, '4 to 6 soldiers')).toMatchObject({ value: 4, approximate: true, item: 'soldier' });
    expect(quantity(r, 'two or three children')).toMatchObject({ value: 2, approximate: true, item: 'child' });
  });
  it('but a change from one figure to another is the second', () => {
    const r = run('The price of bread rose from 5 to 7 dollars.');
    expect(quantity(r, '7 dollars')).toMatchObject({ value: 7, approximate: false });
  });
});
