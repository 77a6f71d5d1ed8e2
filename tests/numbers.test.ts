// parseNumber (src/stages/quantities/numbers.ts): how many, as news writes it. The input is a
// list of lower-cased words (as the tokenizer gives them); the answer is the value a reader
// would write down, whether it is approximate, and how many words the number took.
import { describe, expect, it } from 'vitest';
import { parseNumber } from '../src/stages/quantities/numbers.js';

/** Words of a phrase, lower-cased and split on white space. */
const words = (phrase: string) => phrase.toLowerCase().split(/\s+/).filter(Boolean);

describe('parseNumber: digits', () => {
  it('reads plain digits, thousands separators and decimals', () => {
    expect(parseNumber(['25', 'soldiers'], 0)).toMatchObject({ value: 25, approximate: false, length: 1, article: false });
    expect(parseNumber(['1,000', 'troops'], 0)).toMatchObject({ value: 1000, length: 1 });
    expect(parseNumber(['1,234,567'], 0)).toMatchObject({ value: 1234567, length: 1 });
    expect(parseNumber(['12.5', 'tonnes'], 0)).toMatchObject({ value: 12.5, length: 1 });
  });

  it('multiplies a scale word: "3.5 million", "2 billion"', () => {
    expect(parseNumber(words('3.5 million people'), 0)).toMatchObject({ value: 3_500_000, approximate: false, length: 2 });
    expect(parseNumber(words('2 billion dollars'), 0)).toMatchObject({ value: 2_000_000_000, length: 2 });
    expect(parseNumber(words('1,200 thousand'), 0)).toMatchObject({ value: 1_200_000, length: 2 });
  });

  it('starts at the index it is given', () => {
    expect(parseNumber(words('they killed 25 soldiers'), 2)).toMatchObject({ value: 25, length: 1 });
    expect(parseNumber(words('they killed 25 soldiers'), 1)).toBeNull();
  });
});

describe('parseNumber: spelled numbers', () => {
  it('reads single number words', () => {
    expect(parseNumber(['six', 'tanks'], 0)).toMatchObject({ value: 6, length: 1, approximate: false });
    expect(parseNumber(['twelve'], 0)).toMatchObject({ value: 12, length: 1 });
    expect(parseNumber(['zero'], 0)).toMatchObject({ value: 0, length: 1 });
    expect(parseNumber(['ninety'], 0)).toMatchObject({ value: 90, length: 1 });
  });

  it('reads "twenty-five" written as one hyphenated word', () => {
    expect(parseNumber(['twenty-five', 'soldiers'], 0)).toMatchObject({ value: 25, length: 1, article: false });
  });

  it('reads "forty eight" without a hyphen', () => {
    expect(parseNumber(words('forty eight hours'), 0)).toMatchObject({ value: 48, length: 2 });
  });

  it('reads hundreds and thousands with "and"', () => {
    expect(parseNumber(words('one hundred and twenty civilians'), 0)).toMatchObject({ value: 120, length: 4, approximate: false });
    expect(parseNumber(words('three hundred soldiers'), 0)).toMatchObject({ value: 300, length: 2 });
    expect(parseNumber(words('two thousand five hundred troops'), 0)).toMatchObject({ value: 2500, length: 4 });
    expect(parseNumber(words('five million people'), 0)).toMatchObject({ value: 5_000_000, length: 2 });
  });

  it('reads "a hundred" and "a thousand" as numbers, not as articles', () => {
    expect(parseNumber(words('a hundred soldiers'), 0)).toMatchObject({ value: 100, length: 2, article: false });
    expect(parseNumber(words('a thousand drones'), 0)).toMatchObject({ value: 1000, length: 2, article: false });
  });

  it('does not run two separate numbers together: "two three" is 2, then 3', () => {
    expect(parseNumber(['two', 'three'], 0)).toMatchObject({ value: 2, length: 1 });
  });
});

describe('parseNumber: dozens, vague amounts, "both", articles', () => {
  it('reads "a dozen" as exactly 12', () => {
    expect(parseNumber(words('a dozen drones'), 0)).toMatchObject({ value: 12, approximate: false, length: 2, article: false });
  });

  it('reads "dozens of" as about two dozen, approximate, without swallowing the noun', () => {
    const w = words('dozens of drones');
    const n = parseNumber(w, 0);
    expect(n).toMatchObject({ value: 24, approximate: true, article: false });
    expect(n!.length).toBeGreaterThanOrEqual(1);
    expect(n!.length).toBeLessThanOrEqual(2); // "dozens" or "dozens of", never "drones"
  });

  it('reads "tens of thousands of" as an approximate amount in the tens of thousands', () => {
    const w = words('tens of thousands of people');
    const n = parseNumber(w, 0);
    expect(n).not.toBeNull();
    expect(n!.approximate).toBe(true);
    expect(n!.article).toBe(false);
    if (n!.value !== null) {
      expect(n!.value).toBeGreaterThanOrEqual(10_000);
      expect(n!.value).toBeLessThan(100_000);
    }
    expect(n!.length).toBeGreaterThanOrEqual(3); // tens of thousands
    expect(n!.length).toBeLessThanOrEqual(4); // … of, but never "people"
  });

  it('reads "hundreds of thousands" as an approximate amount in the hundreds of thousands', () => {
    const n = parseNumber(words('hundreds of thousands of refugees'), 0);
    expect(n!.approximate).toBe(true);
    if (n!.value !== null) {
      expect(n!.value).toBeGreaterThanOrEqual(100_000);
      expect(n!.value).toBeLessThan(1_000_000);
    }
  });

  it('reads "both" as 2', () => {
    expect(parseNumber(words('both soldiers'), 0)).toMatchObject({ value: 2, approximate: false, length: 1, article: false });
  });

  it('marks "a" and "an" as an article worth 1', () => {
    expect(parseNumber(words('a tank'), 0)).toMatchObject({ value: 1, length: 1, article: true });
    expect(parseNumber(words('an armored vehicle'), 0)).toMatchObject({ value: 1, length: 1, article: true });
  });

  it('marks a real number as no article', () => {
    expect(parseNumber(words('two tanks'), 0)!.article).toBe(false);
    expect(parseNumber(words('25 tanks'), 0)!.article).toBe(false);
  });

  it('finds no number where there is none', () => {
    expect(parseNumber(words('the tanks'), 0)).toBeNull();
    expect(parseNumber(words('tanks'), 0)).toBeNull();
    expect(parseNumber([], 0)).toBeNull();
    expect(parseNumber(words('soldiers said'), 0)).toBeNull();
  });
});

// Plain English cardinals from Microsoft Recognizers-Text, Specs/Number/English/NumberModel.json
// (MIT; https://github.com/microsoft/Recognizers-Text), as copied into
// /work/shared/data/recognizers-number-en.json. Only whole-phrase cardinals of the kind news
// uses to count things; fractions, ordinals, exponents, "10k" and the like are out of scope.
const RECOGNIZERS: Array<[input: string, value: number]> = [
  ['sixteen', 16],
  ['three', 3],
  ['seventy', 70],
  ['fifty-two', 52],
  ['fifty   two', 52],
  ['one hundred and six', 106],
  ['one hundred and sixteen', 116],
  ['Three hundred  and  thirty one', 331],
  ['two hundred and two thousand', 202000],
  ['two  thousand  and  two hundred', 2200],
  ['a dozen', 12],
  ['1,234,567', 1234567],
  ['2 million', 2000000],
];

describe('parseNumber: Recognizers-Text cardinals', () => {
  for (const [input, value] of RECOGNIZERS) {
    it(`"${input}" = ${value}`, () => {
      const w = words(input);
      expect(parseNumber(w, 0)).toMatchObject({ value, approximate: false, length: w.length });
    });
  }
});

describe('parseNumber: spelled numbers split by the tokenizer', () => {
  it('reads ["twenty", "-", "five"] as 25 over three words', () => {
    expect(parseNumber(['twenty', '-', 'five', 'soldiers'], 0)).toMatchObject({ value: 25, length: 3 });
  });

  it('reads "two hundred and forty - eight" as 248', () => {
    expect(parseNumber(['two', 'hundred', 'and', 'forty', '-', 'eight'], 0)).toMatchObject({ value: 248, length: 6 });
  });

  it('reads "one hundred and sixty-one" as 161 (Recognizers-Text, NumberModel.json, MIT)', () => {
    expect(parseNumber(['one', 'hundred', 'and', 'sixty-one'], 0)).toMatchObject({ value: 161, length: 4 });
  });
});
