// Property: whatever article-like text comes in — curly quotes, odd spaces, CRLF, zero-width
// characters, emoji, boilerplate and heading lines, metadata headers — process() does not
// throw, the record validates against the JSON Schema, and every span indexes the text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DocInput } from '../src/index.js';
import { checkSpans, validateRecord } from '../src/record/validate.js';
import { pipeline } from './helpers.js';

const ACTORS = [
  'Russian forces', 'Ukrainian troops', 'the Russian Defense Ministry', "Ukraine's General Staff", 'the Sudanese army',
  'the Rapid Support Forces', 'RSF fighters', 'Hamas', 'the Israel Defense Forces', 'Houthi rebels', 'the Freedom of Russia Legion',
  'the Russian Volunteer Corps', 'Wagner Group mercenaries', 'anti-Kremlin militants', 'pro-Ukrainian militias', 'the regional governor',
  'Kremlin spokesman Dmitry Peskov', 'President Volodymyr Zelensky', 'Lt. Gen. Oleksandr Syrskyi', 'U.S. officials', 'the U.N.',
  'NATO', 'the Pentagon', 'police', 'protesters', 'local authorities', "Moscow's troops", 'the militants', 'a spokesperson',
];
const ACTIONS = [
  'shelled', 'attacked', 'launched a drone strike on', 'repelled an attack by', 'captured', 'destroyed', 'shot down',
  'withdrew from', 'killed', 'wounded', 'arrested', 'protested in', 'said', 'claimed', 'denied shelling', 'agreed to a ceasefire in',
  'delivered', 'raided', 'took control of', 'fired rockets at', 'struck', 'thwarted an attempted incursion into', 'clashed with',
  'crashed near', 'detained', 'took prisoner', 'blew up', 'exchanged prisoners with', 'were hit by', 'was damaged in',
];
const PLACES = [
  'Kherson', 'the Belgorod region', 'Kursk Oblast', 'Donetsk', 'Avdiivka', 'Bakhmut', 'Kyiv', 'Kharkiv', 'Zaporizhzhia', 'Odesa',
  'Crimea', 'Sevastopol', 'Mariupol', 'Omdurman', 'Khartoum', 'El Fasher', 'Darfur', 'Gaza', 'Rafah', 'Khan Younis', 'the Red Sea',
  'Hodeidah', 'Aden', 'Idlib', 'Aleppo', 'St. Petersburg', 'the U.S.', 'the U.K.', 'Russia', 'Ukraine', 'Sudan', 'Israel', 'Yemen',
  'Syria', 'the border village of Tyotkino', 'Moscow', 'Washington', 'Sumy', "Belgorod's outskirts",
];
const WEAPONS = [
  'tanks', 'a T-72 tank', 'Leopard 2 tanks', 'a CAESAR howitzer', 'HIMARS launchers', 'Bayraktar TB2 drones', 'Shahed drones',
  'Storm Shadow missiles', 'ATACMS', 'armored personnel carriers', 'US-made armored personnel carriers', 'an M113', 'Bradley fighting vehicles',
  'a Kalibr cruise missile', 'an Su-34', 'a Ka-52 helicopter', 'FPV drones', 'Grad rockets', 'mortars', 'artillery', 'a drone', 'ballistic missiles',
];
const NUMBERS = [
  'two', 'three', 'five', 'twelve', 'dozens of', 'hundreds of', 'at least 12', 'more than 40', 'a dozen', 'some 300', '25', '1,200',
  '3.5', '10,000', 'one', 'seven', 'nearly two dozen', 'about 60', '0', '2', 'forty-two', 'thousands of', '½', '100%',
];
const THINGS = [
  'civilians', 'soldiers', 'people', 'servicemen', 'fighters', 'children', 'km', 'kilometers', 'tanks', 'drones', 'missiles', 'houses',
  'prisoners', 'police officers', 'miles', 'tonnes of aid', 'vehicles', 'saboteurs',
];
const DATES = [
  'on Thursday', 'on March 12', 'last week', 'on 12 March 2024', '2024-03-14', 'in February', 'yesterday', 'since 2014', 'at 3 a.m.',
  'on Sunday night', 'in early March', 'on Feb. 29', 'in 2023', 'today', 'on Monday morning', 'March 2024', 'late on Tuesday', '16.03.2024',
];
const CLAUSES = [
  'the ministry said', 'according to the regional governor', 'officials said', 'the army claimed', 'Reuters reported',
  'which could not be independently verified', 'killing two civilians and wounding five', 'the statement read', 'it added',
  'in what Moscow called a terrorist attack', 'witnesses told AFP', 'a source said', 'he wrote on Telegram', 'local media reported',
];
const ODD = [
  '“', '”', '‘', '’', '"', "'s", '’s', "''", '’’', '``', '„', '(', ')', '—', '–', '-', '…', '...', ':', ';', ',', '!', '?', '%', '/', '&', '#', '*', '•',
  '\u00A0', '\t', '\u200B', '\u200D', '\uFEFF', '\u00AD', '\u2009', '\u202F', '\u3000', '\u2028', '🚀', '🇺🇦', '💥', '😀', '𝕏', '𝔘',
  '👩‍👩‍👧', 'e\u0301', 'Café', 'Zürich', 'Київ', 'Белгород', 'الخرطوم', '$', '€5m', '[1]', 'http://example.com/a?b=1', '@MoD_Russia',
];
const HEADINGS = [
  'Clash at the Border', 'Advertisement', 'ADVERTISEMENT', 'Read more', 'Key developments', 'UPDATE', 'Kherson', 'Photo: Reuters',
  'Share this article', 'Russia-Ukraine war: day 752', 'What we know', 'Related', 'Live updates', 'Sign up for our newsletter', '—',
  'Drone attack', 'The Battle for Avdiivka', 'By Jane Doe', 'Advertisement Advertisement',
];
const HEADERS = [
  'date 2024-03-16 ', 'date 2024-03-16\n', 'Date: 2024-03-16\n', 'published 16 March 2024 ', 'Title: Attack on Kherson\n',
  'KYIV, March 12 (Reuters) - ', 'MOSCOW (AP) — ', 'KHARTOUM, Sudan, June 3 (Reuters) - ', 'URL: https://example.com/x\n', 'date 2024-3-16 ',
];
const SEPARATORS = [' ', ' ', ' ', ' ', ' ', '  ', '\u00A0', '\t', ' \u200B', ', ', ' — ', ' – ', '\u2009', '\u202F', ' (', ') ', ' "', '" ', ' ‘', '’ '];
const ENDINGS = ['.', '.', '.', '.', '!', '?', '…', '."', '.”', ':', '', ' ', '. 🚀', ';', '.\u200B'];

const pick = (xs: readonly string[]) => fc.constantFrom(...xs);

const numberPhrase = fc.tuple(pick(NUMBERS), pick(THINGS)).map(([n, t]) => `${n} ${t}`);
const digits = fc.oneof(fc.integer({ min: 0, max: 100_000 }).map(String), fc.double({ min: 0, max: 1000, noNaN: true }).map((x) => x.toFixed(1)));
const fragment = fc.oneof(
  { weight: 4, arbitrary: pick(ACTORS) },
  { weight: 4, arbitrary: pick(ACTIONS) },
  { weight: 4, arbitrary: pick(PLACES) },
  { weight: 3, arbitrary: pick(WEAPONS) },
  { weight: 3, arbitrary: numberPhrase },
  { weight: 1, arbitrary: digits },
  { weight: 3, arbitrary: pick(DATES) },
  { weight: 2, arbitrary: pick(CLAUSES) },
  { weight: 3, arbitrary: pick(ODD) },
);

/** A grammatical-ish sentence: actor, action, object, place, date, attribution. */
const templated = fc
  .tuple(
    pick(ACTORS),
    pick(ACTIONS),
    fc.oneof(pick(WEAPONS), numberPhrase, pick(ACTORS), pick(PLACES)),
    fc.option(pick(PLACES), { nil: undefined }),
    fc.option(pick(DATES), { nil: undefined }),
    fc.option(pick(CLAUSES), { nil: undefined }),
    pick(ENDINGS),
  )
  .map(([actor, action, object, place, date, clause, end]) => {
    let s = `${actor[0]!.toUpperCase()}${actor.slice(1)} ${action} ${object}`;
    if (place) s += ` in ${place}`;
    if (date) s += ` ${date}`;
    if (clause) s += `, ${clause}`;
    return s + end;
  });

/** A random jumble of fragments and separators. */
const jumble = fc
  .array(fc.tuple(fragment, pick(SEPARATORS)), { minLength: 1, maxLength: 14 })
  .chain((parts) => pick(ENDINGS).map((end) => parts.map(([f, s], i) => (i === parts.length - 1 ? f : f + s)).join('') + end));

const sentence = fc.oneof({ weight: 3, arbitrary: templated }, { weight: 2, arbitrary: jumble });
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 4 }).chain((ss) => pick([' ', '  ', '\u00A0', ' \u200B']).map((sep) => ss.join(sep)));
const line = fc.oneof(
  { weight: 8, arbitrary: paragraph },
  { weight: 2, arbitrary: pick(HEADINGS) },
  { weight: 2, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.constantFrom('   ', '\t', '\u00A0', '\u200B') },
  { weight: 1, arbitrary: paragraph.map((p) => `“${p}”`) },
  { weight: 1, arbitrary: paragraph.map((p) => `• ${p}`) },
  { weight: 1, arbitrary: paragraph.map((p) => `\t${p}  `) },
);

const article = fc
  .record({
    header: fc.option(pick(HEADERS), { nil: undefined }),
    bom: fc.boolean(),
    lines: fc.array(fc.tuple(line, pick(['\n', '\n', '\r\n', '\r\n', '\n\n', '\r\n\r\n', '\r'])), { minLength: 1, maxLength: 10 }),
    trailing: pick(['', '\n', '\r\n', '  \n\n', '\u200B']),
    published: fc.option(pick(['2024-03-16', '2024-05-10', '2023-11-02', '2022-02-24']), { nil: undefined }),
    title: fc.option(pick(['Attack on Kherson', 'Clash at the Border']), { nil: undefined }),
  })
  .map(({ header, bom, lines, trailing, published, title }): DocInput => {
    const body = lines.map(([l, eol]) => l + eol).join('');
    const text = `${bom ? '\uFEFF' : ''}${header ?? ''}${body}${trailing}`;
    const input: DocInput = { text };
    if (published !== undefined) input.published = published;
    if (title !== undefined) input.title = title;
    return input;
  });

/** Inputs that once broke a span or the pipeline, run before the generated ones. */
const EXAMPLES: DocInput[] = [
  { text: "Tanks '' shelled the village." },
  { text: 'tanks ’’ shelled 0.' },
  { text: 'They agreed to a ceasefire in. Denied shelling.', published: '2024-03-16' },
  { text: 'date 2024-03-16 Protesters protested in. Police said two men were arrested.\r\n\r\nAdvertisement\r\n' },
  { text: 'Troops saw a T-72 tank\nBayraktar TB2 drones struck.' },
  { text: '\uFEFFKYIV, March 12 (Reuters) - Russian forces\u00A0shelled\tKherson\u200B on Thursday, killing two civilians 💥.' },
];

describe('spans, property-based', () => {
  it('every generated article processes into a valid record with sound spans', () => {
    const p = pipeline();
    fc.assert(
      fc.property(article, (input) => {
        let record;
        try {
          record = p.process(input);
        } catch (error) {
          throw new Error(`process() threw ${(error as Error).stack ?? String(error)}\ninput: ${JSON.stringify(input)}`);
        }
        const result = validateRecord(record);
        const problems = [...(result.valid ? [] : result.errors.map((e) => `schema ${e}`)), ...checkSpans(record)];
        if (problems.length) throw new Error(`${problems.join('\n')}\ninput: ${JSON.stringify(input)}`);
      }),
      { numRuns: 400, seed: 20240316, examples: EXAMPLES.map((input) => [input] as [DocInput]) },
    );
    expect(true).toBe(true);
  });
});
