// The golden files pin the whole record of each source article (fixtures/articles/ →
// fixtures/golden/). Each was checked fact by fact against its article before it was
// committed (fixtures/golden/README.md); `npm run golden:update` rewrites them and prints
// what changed, fact by fact, for the same check.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkGolden, goldenPairs, report } from '../src/eval/golden.js';
import { pipeline } from './helpers.js';

const root = new URL('../fixtures/', import.meta.url).pathname;
const pairs = goldenPairs(`${root}articles`, `${root}golden`);

describe('golden records of the source articles', () => {
  it('has a golden file for every article', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(2);
    for (const pair of pairs) expect(existsSync(pair.golden), pair.golden).toBe(true);
  });

  for (const pair of pairs) {
    it(pair.article.split('/').pop()!, async () => {
      const result = await checkGolden(pipeline(), pair);
      expect(result.status, report(result)).toBe('same');
    });
  }
});
