// sitrep golden update|check on a folder of a user's own articles: the files written, a
// clean check, a check after an article changed, and a missing golden file. Four spawns
// (about a second each), run in order on one temp folder.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goldenPairs } from '../src/eval/golden.js';
import { UsageError } from '../src/io/errors.js';
import type { DocumentRecord } from '../src/index.js';

const SHELLING = 'date 2024-03-16\nRussian forces shelled Kharkiv on Sunday, killing two civilians, the governor said.\n';
const PROTEST = '---\ntitle: Protest in Tbilisi\ndate: 2024-05-01\n---\nThousands of protesters rallied in Tbilisi on Tuesday, the interior ministry said.\n';

const sitrep = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/sitrep.js', 'golden', ...args], { cwd: new URL('..', import.meta.url).pathname, encoding: 'utf8', timeout: 60_000 });

let root: string;
let dir: string;
let golden: string;
let shelling: string;
let protest: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'sitrep-golden-'));
  dir = join(root, 'corpus');
  golden = join(root, 'golden');
  mkdirSync(dir);
  shelling = join(dir, 'shelling.txt');
  protest = join(dir, 'georgia', 'protest.md');
  mkdirSync(join(dir, 'georgia'));
  writeFileSync(shelling, SHELLING);
  writeFileSync(protest, PROTEST);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('sitrep golden', () => {
  it('update writes a stable golden file for each article in golden/ beside the corpus, subfolders included', () => {
    const r = sitrep('update', dir);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`+ ${shelling}\n  + entity ORG "Military Forces of Russia"`);
    expect(r.stdout).toContain(`+ ${protest}\n`);
    const file = readFileSync(join(golden, 'shelling.json'), 'utf8');
    expect(file).toMatch(/^\{\n {2}"schema": "sitrep\.document\/1",\n[\s\S]*\n\}\n$/);
    const record = JSON.parse(file) as DocumentRecord;
    expect(record.doc.source).toBeNull();
    expect(record.events.map((e) => e.type)).toContain('SHELLING');
    const md = JSON.parse(readFileSync(join(golden, 'georgia', 'protest.json'), 'utf8')) as DocumentRecord;
    expect(md.doc.title).toBe('Protest in Tbilisi');
  });

  it('check exits 0 when the records match', () => {
    const r = sitrep('check', dir);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`= ${protest}\n= ${shelling}\n`); // sorted: georgia/ before shelling.txt
    expect(r.stderr).toContain('all 2 articles match their golden files');
  });

  it('check exits 1 after an article changed, showing the difference as sitrep diff does', () => {
    writeFileSync(shelling, SHELLING.replace('two civilians', 'three civilians'));
    const r = sitrep('check', dir);
    writeFileSync(shelling, SHELLING);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toContain(`~ ${shelling}\n`);
    expect(r.stdout).toContain('  - quantity "two civilians"@50 = 2 × civilian\n  + quantity "three civilians"@50 = 3 × civilian');
    expect(r.stdout).toContain('      casualties.killed: 2 → 3');
    expect(r.stdout).toMatch(/^quantities\s+2\s+2\s+1\s+1\s+0$/m);
    expect(r.stderr).toContain(`1 changed and 0 have no golden file; if the new records are right, pin them with: sitrep golden update ${dir}`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('check exits 1 when a golden file is missing', () => {
    rmSync(join(golden, 'georgia', 'protest.json'));
    const r = sitrep('check', dir);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toContain(`+ ${protest}: no golden file ${join(golden, 'georgia', 'protest.json')}; run sitrep golden update to write it\n= ${shelling}\n`);
    expect(r.stderr).toContain('0 changed and 1 have no golden file');
  });
});

describe('golden files and extract', () => {
  it('extract reads only the articles after a golden update, and never a *.golden.json', () => {
    writeFileSync(join(dir, 'old.golden.json'), JSON.stringify({ text: 'a golden file of the old layout' }));
    const r = spawnSync(process.execPath, ['bin/sitrep.js', 'extract', dir], { cwd: new URL('..', import.meta.url).pathname, encoding: 'utf8', timeout: 60_000 });
    rmSync(join(dir, 'old.golden.json'));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(2);
    expect(r.stderr).toContain('2 documents extracted, 0 failed');
  });
});

describe('golden file layout', () => {
  it('mirrors the folders as name.json in --golden-dir', () => {
    expect(goldenPairs(dir, '/pinned').map((p) => p.golden)).toEqual(['/pinned/georgia/protest.json', '/pinned/shelling.json']);
  });

  it('refuses two articles that would share a golden file', () => {
    writeFileSync(join(dir, 'shelling.md'), 'Some text.\n');
    expect(() => goldenPairs(dir)).toThrow(UsageError);
    expect(() => goldenPairs(dir)).toThrow(/shelling\.md and .*shelling\.txt would both be pinned in .*shelling\.golden\.json; rename one of them/);
  });
});
