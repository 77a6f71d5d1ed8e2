// `sitrep eval` as a user meets it, in a child process. Each spawn costs about a second, so
// there are five, each checking several things. Thresholds are 0 or above 1 so that these
// tests do not move when the extractor gets better or worse.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPipeline } from '../src/index.js';
import { readGold } from '../src/eval/gold/read.js';
import { Scorer, type ScoresJSON } from '../src/eval/gold/scorer.js';
import type { EvalReport } from '../src/cli/eval.js';

const ROOT = new URL('..', import.meta.url).pathname;
const GOLD = 'tests/data/eval/gold.jsonl';

function sitrep(args: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ['bin/sitrep.js', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
}

let tmp: string;
let pred: string;
let expectedScores: ScoresJSON;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'sitrep-eval-cli-'));
  // records of the gold texts, in reverse order and with other ids, so they pair by text
  const set = readGold(join(ROOT, GOLD));
  const pipeline = createPipeline();
  const records = set.docs.map((d) => pipeline.process({ text: d.text, id: `other-${d.id}`, published: d.published ?? null }));
  pred = join(tmp, 'pred.jsonl');
  writeFileSync(pred, records.reverse().map((r) => JSON.stringify(r)).join('\n') + '\n');
  const scorer = new Scorer(set);
  set.docs.forEach((d, i) => scorer.add(d, records[records.length - 1 - i]!));
  expectedScores = scorer.scores();
}, 60_000); // runs the pipeline over the gold texts: slow on a shared machine
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

/** The lines of the block that starts with `title`, up to the next blank line. */
function block(out: string, title: string): string[] {
  const lines = out.split('\n');
  const at = lines.findIndex((l) => l.startsWith(title));
  expect(at, `no "${title}" in:\n${out}`).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((l, i) => i > at && l.trim() === '');
  return lines.slice(at + 1, end < 0 ? undefined : end);
}

describe('sitrep eval', () => {
  it('prints aligned tables of 3-digit scores, speed and the worst documents', () => {
    const r = sitrep(['eval', GOLD, '--errors', '2', '--min', 'entities.f=0', '--min', 'entities.GPE.f=0']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^sitrep eval tests\/data\/eval\/gold\.jsonl \(sitrep, 2 documents, records from the pipeline\)\n/);
    const entities = block(r.stdout, 'Entity mentions');
    expect(entities[0]).toMatch(/^ {2}type\s+p\s+r\s+f\s+support$/);
    // right-aligned columns: every row ends where the header does
    expect(new Set(entities.map((l) => l.length)).size).toBe(1);
    expect(entities.find((l) => l.trimStart().startsWith('GPE'))).toMatch(/^ {2}GPE\s+(\d\.\d{3}|—)\s+(\d\.\d{3}|—)\s+(\d\.\d{3}|—)\s+2$/);
    expect(entities.some((l) => /^ {2}micro\s+\d\.\d{3}/.test(l))).toBe(true);
    expect(entities.some((l) => /^ {2}macro\s/.test(l))).toBe(true);
    expect(block(r.stdout, 'Event types')[0]).toMatch(/type\s+p\s+r\s+f\s+support/);
    expect(r.stdout).toMatch(/\nConfusion of event types: gold \(rows\) × ours \(columns\)/);
    expect(r.stdout).toMatch(/\nSpeed: 2 documents, 22 words in \d+\.\d\d s: [\d,]+ words\/s/);
    expect(r.stdout).toMatch(/documents? with the most errors\n {2}g\d \(gold\.jsonl:\d[^\n]*\n {4}"/);
  });

  it('--pred pairs records by text, --json gives the documented shape, --min below exits 1', () => {
    const r = sitrep(['eval', GOLD, '--pred', pred, '--json', '--errors', '1', '--min', 'events.type.f=1.01', '--min', 'entities.f=0']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^sitrep: events\.type\.f is \d\.\d{3}, below the minimum 1\.01\n$/);
    const report = JSON.parse(r.stdout) as EvalReport;
    expect(Object.keys(report)).toEqual(['gold', 'format', 'documents', 'predictions', 'speed', 'scores', 'confusion', 'errors']);
    expect(report).toMatchObject({ gold: GOLD, format: 'sitrep', documents: 2, speed: null });
    expect(report.predictions).toEqual({ from: pred, matchedBy: { id: 0, text: 2, order: 0, none: 0 }, unused: 0 });
    // the same scores as scoring the same records in process
    expect(report.scores).toEqual(expectedScores);
    expect(Object.keys(report.scores)).toEqual(['entities', 'quantities', 'events']);
    expect(report.scores.entities).toMatchObject({ p: expect.any(Number), r: expect.any(Number), f: expect.any(Number), tp: expect.any(Number), macro: { types: 3 } });
    expect(Object.keys(report.confusion)).toEqual(['events']);
    expect(report.confusion.events!.labels).toContain('SHELLING');
    expect(report.errors!.length).toBeLessThanOrEqual(1);
  });

  it('exits 2 on an unknown --min key, listing keys that exist', () => {
    const r = sitrep(['eval', GOLD, '--pred', pred, '--min', 'entities.nope=0.5']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/no score "entities\.nope".*entities\.f/);
    expect(r.stderr).not.toContain('    at ');
  });

  it('exits 1 on a malformed gold file, naming file and line, without a stack trace', () => {
    const bad = join(tmp, 'bad.conll');
    writeFileSync(bad, '-DOCSTART- -X- -X- O\n\nKyiv NNP B-NP B-LOC\nwas VBD B-VP O\nhit VBN I-VP B-TARGET\n');
    const r = sitrep(['eval', bad]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/bad\.conll:5: bad tag "B-TARGET"/);
    expect(r.stderr).not.toContain('    at ');
  });

  it('scores a coded event table column by column', () => {
    const r = sitrep(['eval', 'tests/data/eval/coded-events.csv', '--min', 'columns.event_type.accuracy=0', '--min', 'columns.fatalities.accuracy=0']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\(events, 3 documents, records from the pipeline\)/);
    const columns = block(r.stdout, 'Coded fields against our primary event');
    expect(columns[0]).toMatch(/^\s+accuracy\s+correct\s+support$/);
    expect(columns.map((l) => l.trim().split(/\s+/)[0])).toEqual(['accuracy', 'event_type', 'sub_event_type', 'event_date', 'location', 'admin1', 'fatalities', 'actor1', 'actor2']);
    // supports: 3 rows code every column but fatalities (2) and actor2 (2)
    expect(columns.map((l) => l.trim().split(/\s+/).at(-1))).toEqual(['support', '3', '3', '3', '3', '3', '2', '3', '2']);
    expect(r.stdout).toMatch(/\nConfusion of ACLED event types/);
  });
});
