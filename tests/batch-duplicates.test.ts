// One duplicate policy (issue 17): a document whose doc.id an earlier document of the input
// already has is reported with code "duplicate", naming both sources, and left out; run.json
// counts it. (queue add does the same: tests/queue-cluster.test.ts.)
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBatch } from '../src/batch/run.js';
import { DEFAULT_LIMITS } from '../src/io/formats.js';
import { OUTPUTS } from '../src/io/outputs/index.js';

let tmp: string;
let corpus: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'sitrep-dup-'));
  corpus = join(tmp, 'corpus');
  mkdirSync(corpus);
  const story = 'Rebels attacked a police post near the border town on Friday, killing four officers, the army said.\n';
  writeFileSync(join(corpus, 'a.txt'), story);
  writeFileSync(join(corpus, 'b.txt'), story); // the same text: the same doc.id
  writeFileSync(join(corpus, 'c.txt'), 'A different story: protesters marched in the capital on Sunday.\n');
  writeFileSync(join(corpus, 'd.jsonl'), `${JSON.stringify({ id: 'wire-1', text: 'Troops withdrew from the village.' })}\n${JSON.stringify({ id: 'wire-1', text: 'Another text under the same id.' })}\n`);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('duplicate doc.ids', () => {
  it('keeps the first document of each id, reports the others naming both sources, and counts them in run.json', async () => {
    const out = join(tmp, 'out');
    const result = await runBatch({ paths: [corpus], out, limits: DEFAULT_LIMITS, concurrency: 0 });
    expect(result.counts).toMatchObject({ documents: 3, failed: 2, errors: { duplicate: 2 } });
    const ids = readFileSync(join(out, 'documents.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l).doc.id as string);
    expect(new Set(ids).size).toBe(ids.length);
    const errors = readFileSync(join(out, 'errors.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatchObject({ file: join(corpus, 'b.txt'), code: 'duplicate' });
    expect(errors[0].reason).toContain(join(corpus, 'a.txt'));
    expect(errors[1]).toMatchObject({ file: join(corpus, 'd.jsonl'), line: 2, code: 'duplicate' });
    expect(errors[1].reason).toContain(`${join(corpus, 'd.jsonl')}:1`);
    const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
    expect(run).toMatchObject({ documents: 3, failed: 2, errors: { duplicate: 2 } });
  });

  it('leaves duplicates out of standard output too', async () => {
    const chunks: string[] = [];
    const { Writable } = await import('node:stream');
    const stdout = new Writable({ write: (chunk, _e, done) => (chunks.push(String(chunk)), done()) });
    const failures: string[] = [];
    await runBatch({ paths: [corpus], limits: DEFAULT_LIMITS, concurrency: 0, stdout, onFailure: (f) => failures.push(f.code) });
    expect(chunks.join('').trim().split('\n')).toHaveLength(3);
    expect(failures).toEqual(['duplicate', 'duplicate']);
  });

  it('writes only the outputs asked for', async () => {
    const out = join(tmp, 'some');
    await runBatch({ paths: [join(corpus, 'c.txt')], out, outputs: ['events.csv'], limits: DEFAULT_LIMITS, concurrency: 0 });
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(out).sort()).toEqual(['errors.jsonl', 'events.csv', 'run.json']);
    expect(readFileSync(join(out, 'events.csv'), 'utf8').startsWith(OUTPUTS.find((o) => o.name === 'events.csv')!.header!)).toBe(true);
    await expect(runBatch({ paths: [corpus], out: join(tmp, 'bad'), outputs: ['nope.xml'], limits: DEFAULT_LIMITS, concurrency: 0 })).rejects.toThrow('there is no output "nope.xml"');
  });
});
