// Dates through the whole pipeline: DATE entities resolved against the publication date the
// way a reader of the article would resolve them. News reports the past, so "on Sunday" in a
// Saturday paper is six days earlier; a forecast looks ahead. The expected days are computed
// with calendar arithmetic here, not copied from the code's output.
import { describe, expect, it } from 'vitest';
import { createPipeline, type DocumentRecord, type Entity } from '../src/index.js';
import { mayHoldDate } from '../src/stages/dates/dates.js';

const pipeline = createPipeline();

const DAY = 864e5;
const toDate = (iso: string) => new Date(`${iso}T12:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const weekday = (day: string) => toDate(day).getUTCDay(); // 0 Sunday … 6 Saturday
const addDays = (day: string, n: number) => iso(new Date(toDate(day).getTime() + n * DAY));
/** The last day strictly before `day` that falls on `wd`. */
function previous(day: string, wd: number): string {
  let d = addDays(day, -1);
  while (weekday(d) !== wd) d = addDays(d, -1);
  return d;
}
/** The first day strictly after `day` that falls on `wd`. */
function next(day: string, wd: number): string {
  let d = addDays(day, 1);
  while (weekday(d) !== wd) d = addDays(d, 1);
  return d;
}

const SUNDAY = 0;
const MONDAY = 1;
const TUESDAY = 2;
const SATURDAY = 6;
const PUBLISHED = '2024-03-16';

const dates = (r: DocumentRecord) => r.entities.filter((e) => e.type === 'DATE');

/** The DATE entity with a mention containing `words`. */
function dateOf(r: DocumentRecord, words: string): Entity {
  const hit = dates(r).find((e) => e.mentions.some((m) => m.text.toLowerCase().includes(words.toLowerCase())));
  if (!hit) throw new Error(`no DATE mentioning "${words}"; got ${JSON.stringify(dates(r).map((e) => [e.mentions.map((m) => m.text), e.kb]))}`);
  for (const m of hit.mentions) expect(r.text.slice(m.start, m.end)).toBe(m.text);
  return hit;
}

describe('the calendar these tests rely on', () => {
  it('2024-03-16 is a Saturday and 2024-03-18 a Monday', () => {
    expect(weekday(PUBLISHED)).toBe(SATURDAY);
    expect(weekday('2024-03-18')).toBe(MONDAY);
    expect(previous(PUBLISHED, SUNDAY)).toBe('2024-03-10');
    expect(next(PUBLISHED, TUESDAY)).toBe('2024-03-19');
  });
});

describe('dates resolved against the publication date', () => {
  it('"On March 12" in an article of 2024-03-16 is 2024-03-12, to the day', () => {
    const r = pipeline.process({ text: 'On March 12, Russian forces shelled Kharkiv.', published: PUBLISHED });
    const d = dateOf(r, 'March 12');
    expect(d.kb).toMatchObject({ value: '2024-03-12', precision: 'day' });
    expect(d.mentions.map((m) => m.text)).toEqual(['March 12']);
  });

  it('"on Sunday" in a Saturday article is the Sunday six days before', () => {
    const r = pipeline.process({ text: 'Russian forces shelled Kharkiv on Sunday, the governor said.', published: PUBLISHED });
    expect(dateOf(r, 'Sunday').kb).toMatchObject({ value: previous(PUBLISHED, SUNDAY), precision: 'day' });
  });

  it('"on Sunday night" is that same Sunday', () => {
    const r = pipeline.process({ text: 'Drones attacked Belgorod on Sunday night, officials said.', published: PUBLISHED });
    expect(dateOf(r, 'Sunday').kb).toMatchObject({ value: previous(PUBLISHED, SUNDAY), precision: 'day' });
  });

  it('"the morning of 2 February 2019" is that day, though chrono reads it as a time of day', () => {
    const r = pipeline.process({ text: 'On the morning of 2 February 2019, gunmen attacked a police post near the border.', published: PUBLISHED });
    const d = dateOf(r, 'February');
    expect(d.kb).toMatchObject({ value: '2019-02-02', precision: 'day' });
    expect(d.mentions.map((m) => m.text)).toEqual(['2 February 2019']);
    const evening = pipeline.process({ text: 'Militants stormed a hotel on the evening of March 9.', published: PUBLISHED });
    expect(dateOf(evening, 'March 9').kb).toMatchObject({ value: '2024-03-09', precision: 'day' });
  });

  it('"last Tuesday" in a Monday article is the Tuesday six days before', () => {
    const published = '2024-03-18';
    const r = pipeline.process({ text: 'The militias crossed the border last Tuesday, the Legion said.', published });
    expect(dateOf(r, 'Tuesday').kb).toMatchObject({ value: previous(published, TUESDAY), precision: 'day' });
    expect(previous(published, TUESDAY)).toBe('2024-03-12');
  });

  it('"yesterday" is the day before publication', () => {
    const r = pipeline.process({ text: 'A missile struck an apartment block in Odesa yesterday.', published: PUBLISHED });
    expect(dateOf(r, 'yesterday').kb).toMatchObject({ value: addDays(PUBLISHED, -1), precision: 'day' });
  });

  it('"earlier this month" is the month of publication, to the month', () => {
    const r = pipeline.process({ text: 'The offensive began earlier this month, analysts said.', published: PUBLISHED });
    expect(dateOf(r, 'this month').kb).toMatchObject({ value: '2024-03', precision: 'month' });
  });

  it('"in 2014" is the year 2014, to the year', () => {
    const r = pipeline.process({ text: 'Russia annexed Crimea in 2014.', published: PUBLISHED });
    const d = dateOf(r, '2014');
    expect(d.kb).toMatchObject({ value: '2014', precision: 'year' });
    expect(d.mentions.map((m) => m.text)).toEqual(['2014']);
  });

  it('a forecast looks ahead: "rain is expected on Tuesday" is the coming Tuesday', () => {
    const r = pipeline.process({ text: 'Heavy rain is expected on Tuesday, forecasters said.', published: PUBLISHED });
    expect(dateOf(r, 'Tuesday').kb).toMatchObject({ value: next(PUBLISHED, TUESDAY), precision: 'day' });
  });
});

describe('words that are not dates', () => {
  it('a count after a date and a comma is no year nor day of it: "In June, 40 people died", "Last month, 11 people"', () => {
    const june = dateOf(pipeline.process({ text: 'In June, 40 people died in the floods.', published: PUBLISHED }), 'June');
    expect(june.kb).toMatchObject({ value: '2023-06', precision: 'month' });
    expect(june.mentions.map((m) => m.text)).toEqual(['June']);
    const month = dateOf(pipeline.process({ text: 'Last month, 11 people were killed in a similar attack.', published: PUBLISHED }), 'Last month');
    expect(month.mentions.map((m) => m.text)).toEqual(['Last month']);
    expect(dateOf(pipeline.process({ text: 'On June 5, 2023, rebels attacked.', published: PUBLISHED }), 'June 5').kb).toMatchObject({ value: '2023-06-05' });
  });

  it('an age between commas is no part of the date after it: "Ahmed Musa, 12, on Monday"', () => {
    const r = pipeline.process({ text: 'Gunmen killed Ahmed Musa, 12, on Monday.', published: PUBLISHED });
    const d = dateOf(r, 'Monday');
    expect(d.mentions.map((m) => m.text)).toEqual(['Monday']);
    expect(d.kb).toMatchObject({ value: previous(PUBLISHED, MONDAY), precision: 'day' });
  });

  it('"may" the verb and "march" the verb are not months', () => {
    const r = pipeline.process({
      text: 'Russian forces may strike again, officials warned. Thousands of protesters march through Tbilisi.',
      published: PUBLISHED,
    });
    expect(dates(r)).toEqual([]);
  });

  it('"sat out" and "wed" the verbs are not Saturday and Wednesday; "Sat." with its capital is', () => {
    const r = pipeline.process({
      text: 'The brigade sat out the battle for the town. The couple wed in secret. Rebels shelled the port on Sat. 9 March.',
      published: PUBLISHED,
    });
    expect(dates(r).map((e) => e.mentions[0]!.text)).toEqual(['Sat. 9 March']);
  });
});

describe('which sentences chrono reads', () => {
  it('reads every shape of date the stage resolves, whatever the case of the text', () => {
    const sentences = [
      'Shelling resumed on 3/16 near the bridge.',
      'The report is dated 16.03.2024.',
      'The order, signed 2024-03-16, took effect at once.',
      'The front has barely moved since 2022.',
      'Just 48 hours before the vote, the border closed.',
      'The ceasefire ends in 5 days.',
      'Two years ago the town fell.',
      'Troops withdrew last week.',
      'Drones struck the port on Sunday.',
      'The attack came on Sept. 4.',
      'The raid came in May.',
      'THE RAID CAME ON MARCH 12',
      'Fighting flared again this morning.',
    ];
    expect(sentences.filter((s) => !mayHoldDate(s))).toEqual([]);
  });

  it('skips sentences whose numbers count people and things, and the verb "may" and the noun "march"', () => {
    const sentences = [
      'At least 12 people were killed and 30 wounded.',
      'Six tanks and 1,200 soldiers crossed the river.',
      'Russian forces may strike again, officials warned.',
      'Thousands joined the protest march through Tbilisi.',
      'The decision marks a turning point for the Marines.',
    ];
    expect(sentences.filter((s) => mayHoldDate(s))).toEqual([]);
  });

  it('a skipped sentence loses no date: "12 people" and "30 wounded" resolve to nothing, the date beside them does', () => {
    const r = pipeline.process({ text: 'At least 12 people were killed and 30 wounded. The strike came on Sunday.', published: PUBLISHED });
    expect(dates(r).map((e) => e.mentions.map((m) => m.text))).toEqual([['Sunday']]);
  });
});

describe('without a publication date', () => {
  it('warns, leaves "on Sunday" unresolved and still resolves "March 12, 2023"', () => {
    const r = pipeline.process({ text: 'Russian forces shelled Kharkiv on Sunday. The first raid came on March 12, 2023.' });
    expect(r.doc.published).toBeNull();
    expect(r.warnings.some((w) => w.code === 'no-published-date')).toBe(true);
    expect(dates(r).some((e) => e.mentions.some((m) => /sunday/i.test(m.text)))).toBe(false);
    expect(dateOf(r, 'March 12').kb).toMatchObject({ value: '2023-03-12', precision: 'day' });
  });

  it('does not warn when the article has a publication date', () => {
    const r = pipeline.process({ text: 'Russian forces shelled Kharkiv on Sunday.', published: PUBLISHED });
    expect(r.warnings.some((w) => w.code === 'no-published-date')).toBe(false);
  });
});
