// `sitrep view` and `sitrep report` as a user meets them: `node bin/sitrep.js …` in a child
// process (about a second each, so each spawn checks several things).
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetFiles } from '../src/io/dataset.js';
import { pipeline } from './helpers.js';

const ROOT = new URL('..', import.meta.url).pathname;

function sitrep(args: string[], input?: string): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ['bin/sitrep.js', ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
}

let tmp: string;
let dataset: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'sitrep-view-cli-'));
  dataset = join(tmp, 'dataset');
  mkdirSync(dataset);
  const records = [
    pipeline().process({ text: 'Russian forces shelled Kherson on Thursday, killing two civilians.', published: '2024-05-10', id: 'kherson' }),
    pipeline().process({ text: 'Israeli aircraft struck Rafah overnight.', published: '2024-05-12', id: 'rafah' }),
  ];
  for (const [name, content] of Object.entries(datasetFiles(records, [], { seconds: 0.1, options: {} }))) writeFileSync(join(dataset, name), content);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('sitrep view', () => {
  it('writes the article view of an article file with --out, and says where', () => {
    const out = join(tmp, 'view.html');
    const r = sitrep(['view', 'corpus/000_49e5a31c79cda5c8.txt', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^sitrep: wrote .*view\.html \(\d+ events, \d+ KB\); open it in a browser\n$/);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('http-equiv="Content-Security-Policy"');
    expect(html).toContain('id="sitrep-article"');
    expect(html).toContain('Belgorod');
  });

  it('shows a record from a JSONL file with --doc, on stdout; several without --doc is misuse', () => {
    const ok = sitrep(['view', join(dataset, 'documents.jsonl'), '--doc', 'rafah']);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^<!doctype html>/);
    expect(ok.stdout).toContain('Rafah');
    const many = sitrep(['view', join(dataset, 'documents.jsonl')]);
    expect(many.status).toBe(2);
    expect(many.stderr).toMatch(/holds 2 documents; pick one with --doc ID \(ids: kherson, rafah\)/);
  });

  it('reads an article from standard input, and names a missing file', () => {
    const stdin = sitrep(['view', '-', '--published', '2024-05-10'], 'Ukrainian drones struck a refinery in Ryazan on Sunday.');
    expect(stdin.status, stdin.stderr).toBe(0);
    expect(stdin.stdout).toContain('Ryazan');
    const missing = sitrep(['view', 'no/such/article.txt']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('sitrep: cannot find no/such/article.txt: no such file\n');
  });
});

describe('sitrep report', () => {
  it('writes the report of a dataset folder, and names a folder that is not one', () => {
    const out = join(tmp, 'report.html');
    const r = sitrep(['report', dataset, '--out', out, '--title', 'Two articles']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^sitrep: wrote .*report\.html \(2 documents, \d+ events, \d+ KB\); open it in a browser\n$/);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<title>Two articles</title>');
    expect(html).toContain('id="sitrep-report"');
    expect(html).toMatch(/<path class="country lit"/);

    const missing = sitrep(['report', join(tmp, 'nowhere')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^sitrep: cannot find .*nowhere: no such folder; sitrep report takes a dataset folder written by sitrep extract ARTICLES --out DIR\n$/);
  });

  it('is listed in the help', () => {
    const r = sitrep(['--help']);
    expect(r.stdout).toMatch(/\bview \[options\] <article>/);
    expect(r.stdout).toMatch(/\breport \[options\] <dir>/);
  });
});
