// The scorer's arithmetic on cases worked out by hand (the numbers in the comments).
import { describe, expect, it } from 'vitest';
import { Accuracy, Confusion, LabelScore, PRF, PerType, Throughput, countWords, macro, matchKeys, scoreAt, scoreKeys, spanKey } from '../src/eval/score.js';

describe('PRF', () => {
  it('computes p, r and f from counts', () => {
    // tp 3 fp 1 fn 2: p = 3/4 = .75, r = 3/5 = .6, f = 2·3 / (2·3 + 1 + 2) = 6/9 = .6667
    const s = new PRF(3, 1, 2);
    expect(s.p).toBe(0.75);
    expect(s.r).toBe(0.6);
    expect(s.f).toBeCloseTo(0.6667, 4);
    expect(s.toJSON()).toEqual({ p: 0.75, r: 0.6, f: 2 / 3, tp: 3, fp: 1, fn: 2 });
  });

  it('is null where there is nothing to score, never an epsilon', () => {
    // nothing at all: p, r and f are all undefined
    expect(new PRF().toJSON()).toEqual({ p: null, r: null, f: null, tp: 0, fp: 0, fn: 0 });
    // gold but no prediction: p undefined (0/0), r = 0/4 = 0, f = 0 / (0 + 0 + 4) = 0
    expect(new PRF(0, 0, 4).toJSON()).toMatchObject({ p: null, r: 0, f: 0 });
    // predictions but no gold: p = 0/2 = 0, r undefined, f = 0
    expect(new PRF(0, 2, 0).toJSON()).toMatchObject({ p: 0, r: null, f: 0 });
  });

  it('adds counts', () => {
    // (1, 0, 1) + (2, 1, 1) = (3, 1, 2)
    const s = new PRF(1, 0, 1).add(new PRF(2, 1, 1));
    expect([s.tp, s.fp, s.fn]).toEqual([3, 1, 2]);
    expect(s.support).toBe(5);
  });
});

describe('micro and macro averages', () => {
  // A: tp 8 fp 2 fn 0 → p .8, r 1, f 16/18 = .8889
  // B: tp 1 fp 0 fn 3 → p 1, r .25, f 2/5 = .4
  // C: tp 0 fp 1 fn 0 → no gold item: left out of the macro average
  const scores = () => new PerType().add('A', { tp: 8, fp: 2 }).add('B', { tp: 1, fn: 3 }).add('C', { fp: 1 });

  it('micro pools the counts of every type', () => {
    // tp 9 fp 3 fn 3: p = 9/12 = .75, r = 9/12 = .75, f = 18/24 = .75
    const json = scores().toJSON();
    expect(json).toMatchObject({ tp: 9, fp: 3, fn: 3, p: 0.75, r: 0.75, f: 0.75 });
    expect(json.types.C).toEqual({ p: 0, r: null, f: 0, tp: 0, fp: 1, fn: 0 });
  });

  it('macro is the mean over the types with support', () => {
    // p = (.8 + 1) / 2 = .9, r = (1 + .25) / 2 = .625, f = (.8889 + .4) / 2 = .6444
    const m = scores().toJSON().macro;
    expect(m.types).toBe(2);
    expect(m.p).toBeCloseTo(0.9, 10);
    expect(m.r).toBeCloseTo(0.625, 10);
    expect(m.f).toBeCloseTo(0.6444, 4);
  });

  it('macro counts a type with support but no prediction as p 0, and is null without support', () => {
    // A: tp 1 fn 1 → p 1, r .5, f .6667; B: fn 2 → p null (as 0), r 0, f 0
    const m = macro([new PRF(1, 0, 1), new PRF(0, 0, 2)]);
    expect(m.p).toBe(0.5);
    expect(m.r).toBe(0.25);
    expect(m.f).toBeCloseTo(0.3333, 4);
    expect(macro([new PRF(0, 3, 0)])).toEqual({ p: null, r: null, f: null, types: 0 });
  });
});

describe('Accuracy', () => {
  it('is correct / support, null without support', () => {
    const a = new Accuracy().add(true).add(false).add(true).add(true);
    // 3 of 4
    expect(a.toJSON()).toEqual({ accuracy: 0.75, correct: 3, support: 4 });
    expect(new Accuracy().toJSON()).toEqual({ accuracy: null, correct: 0, support: 0 });
  });
});

describe('LabelScore and the confusion matrix', () => {
  // gold → ours: A→A, A→B, B→B, B→(none), (no gold)→A
  const score = () => new LabelScore().add('A', 'A').add('A', 'B').add('B', 'B').add('B', null).add(null, 'A');

  it('scores accuracy over the gold items and P/R/F per label', () => {
    const json = score().toJSON();
    // 4 gold items, 2 right
    expect(json).toMatchObject({ accuracy: 0.5, correct: 2, support: 4 });
    // A: tp 1 (A→A), fn 1 (A→B), fp 1 (none→A): p .5 r .5 f .5
    expect(json.types.A).toEqual({ p: 0.5, r: 0.5, f: 0.5, tp: 1, fp: 1, fn: 1 });
    // B: tp 1 (B→B), fp 1 (A→B), fn 1 (B→none)
    expect(json.types.B).toEqual({ p: 0.5, r: 0.5, f: 0.5, tp: 1, fp: 1, fn: 1 });
    // micro: tp 2 fp 2 fn 2
    expect(json).toMatchObject({ tp: 2, fp: 2, fn: 2, f: 0.5 });
  });

  it('counts gold × predicted, NONE for a missing side', () => {
    const c = score().confusion;
    expect(c.count('A', 'A')).toBe(1);
    expect(c.count('A', 'B')).toBe(1);
    expect(c.count('B', 'A')).toBe(0);
    expect(c.count('B', null)).toBe(1);
    expect(c.count(null, 'A')).toBe(1);
    expect(c.total).toBe(5);
    expect(c.toJSON()).toEqual({
      labels: ['A', 'B', 'NONE'],
      matrix: { A: { A: 1, B: 1 }, B: { B: 1, NONE: 1 }, NONE: { A: 1 } },
    });
  });

  it('keeps an empty matrix empty', () => {
    expect(new Confusion().toJSON()).toEqual({ labels: [], matrix: {} });
  });
});

describe('matchKeys', () => {
  it('matches labelled spans exactly, as multisets', () => {
    const gold = [spanKey('PER', 0, 5), spanKey('LOC', 10, 16), spanKey('LOC', 10, 16)];
    const pred = [spanKey('PER', 0, 5), spanKey('LOC', 10, 16), spanKey('ORG', 10, 16), spanKey('PER', 0, 4)];
    // PER|0|5 and one LOC|10|16 match; the second LOC is missed; ORG and PER|0|4 are spurious
    expect(matchKeys(gold, pred)).toEqual({ matched: ['PER|0|5', 'LOC|10|16'], missed: ['LOC|10|16'], spurious: ['ORG|10|16', 'PER|0|4'] });
  });
});

describe('score keys', () => {
  const scores = { entities: { f: 0.5, macro: { f: 0.25, types: 2 }, types: { PER: { f: 1 }, LOC: { f: null } } }, columns: { event_type: { accuracy: 0.75 } } };

  it('resolves dotted keys, with or without "types"', () => {
    expect(scoreAt(scores, 'entities.f')).toBe(0.5);
    expect(scoreAt(scores, 'entities.PER.f')).toBe(1);
    expect(scoreAt(scores, 'entities.types.PER.f')).toBe(1);
    expect(scoreAt(scores, 'entities.LOC.f')).toBeNull();
    expect(scoreAt(scores, 'entities.macro.types')).toBe(2);
    expect(scoreAt(scores, 'columns.event_type.accuracy')).toBe(0.75);
    expect(scoreAt(scores, 'entities.MISC.f')).toBeUndefined();
    expect(scoreAt(scores, 'entities')).toBeUndefined();
  });

  it('lists every key in the short form', () => {
    expect(scoreKeys(scores)).toEqual(['entities.f', 'entities.macro.f', 'entities.macro.types', 'entities.PER.f', 'entities.LOC.f', 'columns.event_type.accuracy']);
  });
});

describe('Throughput', () => {
  it('counts documents and words and the time spent on them', () => {
    const t = new Throughput();
    expect(t.wordsPerSecond).toBeNull();
    expect(t.time('Russian forces shelled  Kherson.\n', () => 42)).toBe(42);
    t.time('two words', () => null);
    expect(t.documents).toBe(2);
    // 4 + 2 words
    expect(t.words).toBe(6);
    expect(t.seconds).toBeGreaterThanOrEqual(0);
    if (t.seconds > 0) expect(t.wordsPerSecond).toBeCloseTo(6 / t.seconds, 6);
    expect(countWords('  ')).toBe(0);
  });
});
