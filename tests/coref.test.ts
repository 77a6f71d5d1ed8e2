// The coreference scorer against figures worked out by hand from the metrics' definitions.
import { describe, expect, it } from 'vitest';
import { corefScores, maxAssignment } from '../src/eval/coref.js';

describe('corefScores', () => {
  it('scores a perfect partition 1 everywhere', () => {
    const gold = [['a', 'b', 'c'], ['d'], ['e', 'f']];
    const s = corefScores(gold, gold);
    expect([s.muc.f, s.b3.f, s.ceafe.f, s.conll]).toEqual([1, 1, 1, 1]);
  });

  it('MUC: Vilain et al.’s example, key {A B C D}, response {A B} {C D}', () => {
    const s = corefScores([['A', 'B', 'C', 'D']], [['A', 'B'], ['C', 'D']]);
    expect(s.muc.r).toBeCloseTo(2 / 3); // 4 − 2 partitions over 4 − 1
    expect(s.muc.p).toBe(1);
  });

  it('B³ and CEAF-e on a split cluster', () => {
    // gold {a b c} {d}; response {a b} {c d}
    const s = corefScores([['a', 'b', 'c'], ['d']], [['a', 'b'], ['c', 'd']]);
    // B³ recall: a, b 2/3 each, c 1/3, d 1 → (2/3 + 2/3 + 1/3 + 1) / 4 = 2/3
    expect(s.b3.r).toBeCloseTo(2 / 3);
    // B³ precision: a, b 1, c 1/2, d 1/2 → 3/4
    expect(s.b3.p).toBeCloseTo(3 / 4);
    // CEAF-e: best alignment {a b c}↔{a b} φ4 = 4/5, {d}↔{c d} φ4 = 2/3; recall and precision over 2 entities
    expect(s.ceafe.r).toBeCloseTo((4 / 5 + 2 / 3) / 2);
    expect(s.ceafe.p).toBeCloseTo((4 / 5 + 2 / 3) / 2);
  });

  it('all singletons against one cluster: MUC recall 0, and CoNLL F the mean of the three', () => {
    const s = corefScores([['a', 'b', 'c']], [['a'], ['b'], ['c']]);
    expect(s.muc.r).toBe(0);
    expect(s.conll).toBeCloseTo(((s.muc.f ?? 0) + s.b3.f! + s.ceafe.f!) / 3);
  });
});

describe('maxAssignment', () => {
  it('finds the best one-to-one matching, not the greedy one', () => {
    expect(maxAssignment([[3, 2], [2, 0]])).toBe(4); // greedy 3 + 0; best 2 + 2
    expect(maxAssignment([[1, 0, 0], [0, 1, 0]])).toBe(2);
  });
});
