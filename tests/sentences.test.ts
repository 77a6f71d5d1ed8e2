// Passages of conflict and security news written for these tests (tests/cases/sentences.json),
// each with the facts a careful coder would record: event types and arguments, modality,
// claimants, casualties, quantities, resolved dates and entities.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pipeline, unmetFacts, type Expectations } from './helpers.js';

interface Case {
  id: string;
  published: string;
  text: string;
  expect: Expectations;
}

const cases = JSON.parse(readFileSync(new URL('./cases/sentences.json', import.meta.url), 'utf8')) as Case[];

describe('news passages', () => {
  it('cover every event type of the taxonomy at least twice', () => {
    const types = cases.flatMap((c) => c.expect.events ?? []).map((e) => e.type);
    for (const type of ['ATTACK', 'CLASH', 'INCURSION', 'AIRSTRIKE', 'DRONE_STRIKE', 'SHELLING', 'EXPLOSION', 'DESTRUCTION', 'CAPTURE', 'KILLING', 'SEIZE', 'WITHDRAWAL', 'ARREST', 'PROTEST', 'CRASH', 'STATEMENT', 'AGREEMENT', 'SUPPLY']) {
      expect(types.filter((t) => t === type).length, type).toBeGreaterThanOrEqual(2);
    }
  });

  for (const c of cases) {
    it(c.id, () => {
      const record = pipeline().process({ text: c.text, published: c.published });
      expect(unmetFacts(record, c.expect)).toEqual([]);
    });
  }
});
