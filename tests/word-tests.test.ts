// compromise's lexicon as sitrep reads it: the table in src/stages/entities/compromise-words.json
// is compromise's own (so an upgrade of compromise that changes it is caught here), and the
// word tests read it the way compromise tags words.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { wordTests } from '../src/stages/entities/word-tests.js';
import { compromiseWords, COMPROMISE_WORDS_FILE } from './compromise-words.js';

describe('compromise-words.json', () => {
  it("holds the installed compromise's lexicon, word for word (`npm run words:compromise` writes it again)", () => {
    expect(JSON.parse(readFileSync(COMPROMISE_WORDS_FILE, 'utf8'))).toEqual(compromiseWords());
  });
});

describe('word tests', () => {
  const tests = wordTests();

  it('tells ordinary words from names', () => {
    expect(tests.isCommonWord('Meanwhile')).toBe(true);
    expect(tests.isCommonWord('however')).toBe(true);
    expect(tests.isCommonWord('Mary')).toBe(false);
    expect(tests.isFirstName('Mary')).toBe(true);
    expect(tests.isFirstName('John')).toBe(true);
    expect(tests.isFirstName('Meanwhile')).toBe(false);
  });

  it('knows surnames, and knows when it knows nothing of a word', () => {
    expect(tests.isLastName('Smith')).toBe(true);
    expect(tests.isUnknown('Zaluzhnyi')).toBe(true);
    expect(tests.isUnknown('constructor')).toBe(true); // a word, not a property of the table
    expect(tests.isUnknown('Johnson')).toBe(false);
  });

  it('knows cities and regions by name, case aside', () => {
    expect(tests.placeKind('chicago')).toBe('city');
    expect(tests.placeKind('Texas')).toBe('region');
    expect(tests.placeKind('however')).toBeNull();
  });
});
