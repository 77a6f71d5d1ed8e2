// SpanIndex (src/spans.ts) answers as a scan of every item would, in the same order.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SpanIndex } from '../src/spans.js';

type Item = { start: number; end: number; n: number };

describe('SpanIndex', () => {
  it('finds the overlapping and containing items a scan finds, in the order they were added, after adds and removes', () => {
    const span = fc.tuple(fc.nat(3000), fc.nat(700)).map(([start, length]) => ({ start, end: start + length }));
    fc.assert(
      fc.property(fc.array(span, { maxLength: 60 }), fc.array(fc.nat(59), { maxLength: 20 }), fc.array(span, { maxLength: 20 }), (spans, removals, queries) => {
        const items: Item[] = spans.map((s, n) => ({ ...s, n }));
        const index = new SpanIndex(items);
        let live = [...items];
        for (const r of removals) {
          const gone = items[r];
          if (!gone) continue;
          index.remove(gone);
          live = live.filter((x) => x !== gone);
        }
        for (const q of queries) {
          expect(index.overlapping(q.start, q.end)).toEqual(live.filter((x) => x.start < q.end && x.end > q.start));
          expect(index.containing(q.start, q.end)).toEqual(live.filter((x) => x.start <= q.start && x.end >= q.end));
        }
        expect(index.all()).toEqual([...live].sort((a, b) => a.start - b.start));
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
