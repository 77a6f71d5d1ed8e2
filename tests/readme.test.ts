// The README's examples run verbatim (issue 17): every fenced ```sh block that calls
// `npx sitrep` is run as it is written, in a scratch folder that holds the repository's
// fixtures/, corpus/ and tests/data/, with `npx sitrep` standing for this checkout's
// bin/sitrep.js; every command must exit 0. Blocks that need a Redis server (--redis) are
// left out here; tests/queue-cluster.test.ts runs those commands against a real one.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = new URL('..', import.meta.url).pathname;
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/^```(?:sh|bash)\n([\s\S]*?)^```$/gm)].map((m) => m[1]!).filter((b) => b.includes('npx sitrep'));

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'sitrep-readme-'));
  for (const name of ['fixtures', 'corpus']) symlinkSync(join(ROOT, name), join(scratch, name));
  mkdirSync(join(scratch, 'tests'));
  symlinkSync(join(ROOT, 'tests', 'data'), join(scratch, 'tests', 'data'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the README examples', () => {
  it('has examples to run', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(4);
  });

  for (const [i, block] of blocks.entries()) {
    const first = block.split('\n')[0]!;
    it.skipIf(block.includes('--redis'))(`block ${i + 1}: ${first}`, () => {
      const script = `set -e\nsitrep() { node ${JSON.stringify(join(ROOT, 'bin', 'sitrep.js'))} "$@"; }\n${block.replace(/npx sitrep/g, 'sitrep')}`;
      const run = spawnSync('bash', ['-c', script], { cwd: scratch, encoding: 'utf8', timeout: 240_000 });
      expect(run.status, `${block}\n${run.stderr.slice(-2000)}`).toBe(0);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }, 300_000);
  }
});
