import { describe, expect, it } from 'vitest';
import { TAGS, allowed, bilouSpans, bioToBilou } from '../src/models/ner/tags.js';
import { constrain, viterbi } from '../src/models/ner/model.js';

describe('BIO to BILOU', () => {
  it('marks one-word names U and the last word of longer names L', () => {
    expect(bioToBilou(['B-PER', 'I-PER', 'O', 'B-LOC', 'B-LOC', 'I-ORG'])).toEqual(['B-PER', 'L-PER', 'O', 'U-LOC', 'U-LOC', 'U-ORG']);
    expect(bioToBilou(['I-ORG', 'I-ORG', 'I-ORG'])).toEqual(['B-ORG', 'I-ORG', 'L-ORG']);
  });
});

describe('BILOU constraints', () => {
  it('lets a name continue only with its own type', () => {
    expect(allowed('B-PER', 'L-PER')).toBe(true);
    expect(allowed('B-PER', 'L-ORG')).toBe(false);
    expect(allowed('B-PER', 'O')).toBe(false);
    expect(allowed('U-PER', 'B-LOC')).toBe(true);
    expect(allowed(null, 'I-LOC')).toBe(false);
    expect(allowed('I-LOC', null)).toBe(false);
    expect(allowed('L-LOC', null)).toBe(true);
  });
});

describe('BILOU repair', () => {
  it('reads well-formed sequences as written', () => {
    expect(bilouSpans(['B-PER', 'I-PER', 'L-PER', 'O', 'U-LOC'])).toEqual([
      { type: 'PER', start: 0, end: 3 },
      { type: 'LOC', start: 4, end: 5 },
    ]);
  });
  it('closes a name whose last word is missing', () => {
    expect(bilouSpans(['B-PER', 'I-PER', 'O'])).toEqual([{ type: 'PER', start: 0, end: 2 }]);
  });
  it('opens a name whose first word is missing', () => {
    expect(bilouSpans(['O', 'I-ORG', 'L-ORG'])).toEqual([{ type: 'ORG', start: 1, end: 3 }]);
  });
  it('splits where the type changes', () => {
    expect(bilouSpans(['B-PER', 'L-LOC'])).toEqual([
      { type: 'PER', start: 0, end: 1 },
      { type: 'LOC', start: 1, end: 2 },
    ]);
  });
  it('ends a name at L and U even when I follows', () => {
    expect(bilouSpans(['U-LOC', 'I-LOC', 'L-LOC'])).toEqual([
      { type: 'LOC', start: 0, end: 1 },
      { type: 'LOC', start: 1, end: 3 },
    ]);
  });
});

describe('Viterbi under the constraints', () => {
  it('never returns an ill-formed sequence, even when the scores prefer one', () => {
    const T = TAGS.length;
    const n = 3;
    const emission = new Float32Array(n * T);
    // each word alone prefers B-PER, which cannot be followed by another B or end a sentence
    for (let i = 0; i < n; i++) emission[i * T + TAGS.indexOf('B-PER')] = 5;
    emission[T + TAGS.indexOf('I-PER')] = 1;
    emission[2 * T + TAGS.indexOf('L-PER')] = 1;
    const trans = constrain(new Float32Array((T + 1) * T), TAGS);
    const final = Float32Array.from(TAGS, (t) => (allowed(t, null) ? 0 : -Infinity));
    const tags = Array.from(viterbi(emission, n, T, trans, final), (y) => TAGS[y]!);
    for (let i = 1; i < n; i++) expect(allowed(tags[i - 1]!, tags[i]!)).toBe(true);
    expect(allowed(null, tags[0]!)).toBe(true);
    expect(allowed(tags[n - 1]!, null)).toBe(true);
    expect(tags).toEqual(['B-PER', 'I-PER', 'L-PER']);
  });
  it('gives O to the words it is told can only be O, and keeps the rest well formed around them', () => {
    const T = TAGS.length;
    const n = 4;
    const emission = new Float32Array(n * T);
    // words 0 and 1 prefer a two-word name, word 3 a one-word name; word 1 may only be O
    emission[TAGS.indexOf('B-ORG')] = 5;
    emission[T + TAGS.indexOf('L-ORG')] = 5;
    emission[3 * T + TAGS.indexOf('U-LOC')] = 5;
    emission.fill(-Infinity, T + 1, 2 * T);
    const trans = constrain(new Float32Array((T + 1) * T), TAGS);
    const final = Float32Array.from(TAGS, (t) => (allowed(t, null) ? 0 : -Infinity));
    const onlyO = Uint8Array.from([0, 1, 0, 0]);
    const tags = Array.from(viterbi(emission, n, T, trans, final, undefined, onlyO), (y) => TAGS[y]!);
    expect(tags[1]).toBe('O');
    expect(tags[0]).not.toBe('B-ORG');
    expect(tags[3]).toBe('U-LOC');
  });
});
