// The normalize stage (src/stages/normalize/normalize.ts, header-date.ts) with the sentence
// stage after it: the text every offset indexes. White space and invisible characters are
// folded, page furniture is dropped, metadata headers and wire datelines move into doc.meta,
// and what remains is the article a reader would read, split into sentences and headings.
import { describe, expect, it } from 'vitest';
import type { Doc } from '../src/doc.js';
import { buildPipeline, createContext } from '../src/pipeline.js';

const pipeline = buildPipeline(createContext(), ['normalize', 'sentences']);
const run = (text: string, published?: string) => pipeline.process({ text, published: published ?? null });
const sentenceTexts = (doc: Doc) => doc.sentences.map((s) => doc.text.slice(s.start, s.end));

/** Every token and sentence offset indexes doc.text and gives back its own text. */
function expectSoundOffsets(doc: Doc): void {
  for (const t of doc.tokens) {
    expect(t.start).toBeGreaterThanOrEqual(0);
    expect(t.end).toBeLessThanOrEqual(doc.text.length);
    expect(t.end).toBeGreaterThan(t.start);
    expect(doc.text.slice(t.start, t.end)).toBe(t.text);
  }
  let previousEnd = 0;
  for (const s of doc.sentences) {
    const text = doc.text.slice(s.start, s.end);
    expect(text.length).toBeGreaterThan(0);
    expect(text).toBe(text.trim());
    expect(s.start).toBeGreaterThanOrEqual(previousEnd);
    previousEnd = s.end;
    const tokens = doc.tokens.slice(s.firstToken, s.endToken);
    expect(tokens.length).toBeGreaterThan(0);
    expect(tokens[0]!.start).toBe(s.start);
    expect(tokens[tokens.length - 1]!.end).toBe(s.end);
  }
}

describe('normalize: white space and invisible characters', () => {
  it('turns CRLF and lone CR line ends into \\n', () => {
    const doc = run('Russian forces shelled Kherson.\r\nTwo civilians were killed.\rRescue teams arrived.');
    expect(doc.text).toBe('Russian forces shelled Kherson.\nTwo civilians were killed.\nRescue teams arrived.');
    expect(doc.text).not.toContain('\r');
    expect(sentenceTexts(doc)).toEqual(['Russian forces shelled Kherson.', 'Two civilians were killed.', 'Rescue teams arrived.']);
  });

  it('turns no-break spaces and tabs into single spaces', () => {
    const doc = run('Russian\u00A0forces\tshelled\t\tKherson on\u202FTuesday.');
    expect(doc.text).toBe('Russian forces shelled Kherson on Tuesday.');
  });

  it('removes zero-width characters, soft hyphens and a byte-order mark', () => {
    const doc = run('\uFEFFRussian forces shelled Kher\u200Bson and Mykola\u00ADiv.\u200D');
    expect(doc.text).toBe('Russian forces shelled Kherson and Mykolaiv.');
    expect(doc.tokens.map((t) => t.text)).toContain('Kherson');
  });

  it('trims lines and collapses runs of blank lines into one paragraph break', () => {
    const doc = run('   First paragraph here.   \n\n\n\n\nSecond paragraph here.  ');
    expect(doc.text).toBe('First paragraph here.\n\nSecond paragraph here.');
  });
});

describe('normalize: boilerplate lines', () => {
  const article = [
    'Russian forces shelled Kherson overnight, officials said.',
    'Advertisement',
    'Two civilians were killed in the attack.',
    'Advertisment',
    'Read more: Ukraine says it downed 20 drones',
    'Share this article',
    'Follow us on Twitter',
    'An advertisement urging men to join the army was posted in the city.',
  ].join('\n');

  it('drops page furniture and warns that it did', () => {
    const doc = run(article);
    expect(doc.text).toBe(
      'Russian forces shelled Kherson overnight, officials said.\n' +
        'Two civilians were killed in the attack.\n' +
        'An advertisement urging men to join the army was posted in the city.',
    );
    const warning = doc.warnings.find((w) => w.code === 'boilerplate');
    expect(warning).toBeDefined();
    expect(warning!.message).toMatch(/5/); // five lines dropped
  });

  it('keeps a sentence that merely contains the word "advertisement"', () => {
    const doc = run('An advertisement urging men to join the army was posted in the city.');
    expect(doc.text).toBe('An advertisement urging men to join the army was posted in the city.');
    expect(doc.warnings.filter((w) => w.code === 'boilerplate')).toEqual([]);
  });

  it('gives no boilerplate warning when nothing was dropped', () => {
    const doc = run('Russian forces shelled Kherson overnight, officials said.');
    expect(doc.warnings).toEqual([]);
  });
});

describe('normalize: metadata headers', () => {
  it('takes an inline "date 2024-03-16" prefix as the publication date', () => {
    const doc = run(' date 2024-03-16 In a daring series of operations, militias entered Russian territory.');
    expect(doc.meta.published).toBe('2024-03-16');
    expect(doc.text.startsWith('In a daring')).toBe(true);
    expect(doc.text).not.toContain('2024-03-16');
  });

  it('takes "Title: …" and "Published: …" header lines into the metadata', () => {
    const doc = run('Title: Clash at the Border\nPublished: March 16, 2024\nRussian forces repelled an attack near Belgorod.');
    expect(doc.meta.title).toBe('Clash at the Border');
    expect(doc.meta.published).toBe('2024-03-16');
    expect(doc.text).toBe('Russian forces repelled an attack near Belgorod.');
  });

  it('leaves a first sentence that only starts with a header word alone', () => {
    const doc = run('Date palms were burned in the shelling.\nResidents fled.');
    expect(doc.meta.published).toBeNull();
    expect(doc.text).toBe('Date palms were burned in the shelling.\nResidents fled.');
  });
});

describe('normalize: wire datelines', () => {
  it('moves "KYIV, March 12 (Reuters) -" into doc.meta.dateline', () => {
    const doc = run('KYIV, March 12 (Reuters) - Russian forces launched a missile attack on the capital.');
    expect(doc.meta.dateline).toBe('KYIV, March 12 (Reuters)');
    expect(doc.text).toBe('Russian forces launched a missile attack on the capital.');
  });

  it('moves "GAZA CITY (AP) —" into doc.meta.dateline', () => {
    const doc = run('GAZA CITY (AP) — Israeli airstrikes hit the southern city overnight.');
    expect(doc.meta.dateline).toBe('GAZA CITY (AP)');
    expect(doc.text).toBe('Israeli airstrikes hit the southern city overnight.');
  });

  it('moves "KHARKIV, Ukraine (AP) —" with its country into the dateline', () => {
    const doc = run('KHARKIV, Ukraine (AP) — Russian missiles struck the city center.');
    expect(doc.meta.dateline).toBe('KHARKIV, Ukraine (AP)');
    expect(doc.text).toBe('Russian missiles struck the city center.');
  });

  it('takes the publication date from a dateline that has a year', () => {
    const doc = run('MOSCOW, March 12, 2024 (TASS) - The Defense Ministry said air defenses downed seven drones.');
    expect(doc.meta.published).toBe('2024-03-12');
    expect(doc.text.startsWith('The Defense Ministry said')).toBe(true);
  });

  it('keeps an all-caps first word that is not a dateline', () => {
    const nato = run('NATO said on Tuesday it would send more troops to the eastern flank.');
    expect(nato.meta.dateline).toBeNull();
    expect(nato.text).toBe('NATO said on Tuesday it would send more troops to the eastern flank.');
    const us = run('US-made armored vehicles were destroyed near the border.');
    expect(us.meta.dateline).toBeNull();
    expect(us.text).toBe('US-made armored vehicles were destroyed near the border.');
  });
});

describe('sentences after normalize: headings', () => {
  it('marks short lines without closing punctuation as headings, and real sentences not', () => {
    const doc = run(
      'Clash at the Border\n\nThe attempted incursion into Russian territory was met with a robust response. Fighting continued.\n\nStrategic Incursions and Captures\n\nThe group said it had captured 25 soldiers.',
    );
    const rows = doc.sentences.map((s) => [doc.text.slice(s.start, s.end), s.heading]);
    expect(rows).toEqual([
      ['Clash at the Border', true],
      ['The attempted incursion into Russian territory was met with a robust response.', false],
      ['Fighting continued.', false],
      ['Strategic Incursions and Captures', true],
      ['The group said it had captured 25 soldiers.', false],
    ]);
  });

  it('marks a line of wiki markup ("== The attack ==") as a heading whatever its first character', () => {
    const doc = run('The bombing killed 13 people in Madrid.\n\n== The attack ==\n\nThe explosion destroyed two cars.');
    expect(doc.sentences.map((s) => [doc.text.slice(s.start, s.end), s.heading])).toEqual([
      ['The bombing killed 13 people in Madrid.', false],
      ['== The attack ==', true],
      ['The explosion destroyed two cars.', false],
    ]);
  });
});

describe('offsets', () => {
  it('every token and sentence slices to its own text after all the folding', () => {
    const messy = [
      '\uFEFFTitle: Raid on the “border” villages',
      'date 2024-03-16\tIn a daring raid, pro-Ukrainian militias crossed into Russia’s Belgorod\u00A0region.',
      'Advertisement',
      '',
      'Kher\u200Bson was shelled again;\u00A0two people were killed — officials said.\r\n',
      'Share this article',
      'Clash at the Border',
      '“We will not stop,” the Legion’s spokesman said… 😀 Residents fled!',
    ].join('\r\n');
    const doc = run(messy);
    expect(doc.meta.title).toBe('Raid on the “border” villages');
    expect(doc.meta.published).toBe('2024-03-16');
    expect(doc.text.startsWith('In a daring raid')).toBe(true);
    expect(doc.text).not.toMatch(/[\r\t\u00A0\u200B\uFEFF]/);
    expect(doc.text).not.toContain('Advertisement');
    expect(doc.text).not.toContain('Share this article');
    expect(doc.sentences.length).toBeGreaterThanOrEqual(4);
    expectSoundOffsets(doc);
  });

  it('holds for a wire story with a dateline', () => {
    const doc = run('KYIV, March 12 (Reuters) - Russian forces launched 40 drones. Ukraine’s air force said it downed 36.\n\nMore to follow');
    expectSoundOffsets(doc);
    expect(sentenceTexts(doc)[0]).toBe('Russian forces launched 40 drones.');
  });
});

describe('normalize: publication dates given with the input', () => {
  it('reduces a timestamp or a written date to the day', () => {
    expect(run('Troops withdrew.', '2024-03-16T10:00:00Z').meta.published).toBe('2024-03-16');
    expect(run('Troops withdrew.', 'March 16, 2024').meta.published).toBe('2024-03-16');
  });

  it('ignores a date that is not a day, with a warning', () => {
    for (const bad of ['', '2024-03', 'yesterday']) {
      const doc = run('Troops withdrew.', bad);
      expect(doc.meta.published, bad).toBeNull();
      expect(doc.warnings.map((w) => w.code), bad).toContain('bad-published');
    }
  });
});
