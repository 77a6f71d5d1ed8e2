// The dataset folder from a newcomer's side (issue 17): plain messages for file-system errors
// on --out, with the resume command where the work so far is kept, and --resume on a
// finished dataset saying so instead of extracting it all again.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outFolderError } from '../src/io/errors.js';

const ROOT = new URL('..', import.meta.url).pathname;
const sitrep = (...args: string[]) => spawnSync(process.execPath, ['bin/sitrep.js', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
const errno = (code: string, path: string) => Object.assign(new Error(`${code}: raw message, '${path}'`), { code, path });

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'sitrep-out-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('file-system errors on --out', () => {
  it('say what happened and what to do, with the resume command when the work is kept', () => {
    const resume = 'sitrep extract in --out o --resume';
    expect(outFolderError(errno('EACCES', 'o/.sitrep-lock'), 'o', null)?.message).toBe(
      'cannot write the dataset in o: permission denied (o/.sitrep-lock); give an --out folder you can write to, or change its permissions',
    );
    expect(outFolderError(errno('ENOSPC', 'o/.sitrep-run/documents.jsonl'), 'o', resume)?.message).toMatch(/the disk is full \(o\/.sitrep-run\/documents.jsonl\); free some space .*kept: once fixed, run sitrep extract in --out o --resume$/);
    expect(outFolderError(errno('EROFS', 'o'), 'o', null)?.message).toContain('the file system is read-only (o)');
    expect(outFolderError(new Error('something else'), 'o', null)).toBeNull();
  });

  it('a folder the system refuses is a plain message, not a stack trace', () => {
    // /sys refuses new folders even to root (EPERM), as a folder without write permission does to a user
    const r = sitrep('extract', 'fixtures/articles', '--out', '/sys/sitrep-test-out');
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/^sitrep: cannot write the dataset in \/sys\/sitrep-test-out: permission denied/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('--resume on a finished dataset', () => {
  it('says there is nothing to resume and exits 0, unless --force', () => {
    const out = join(tmp, 'done');
    expect(sitrep('extract', 'fixtures/articles', '--out', out, '--quiet').status).toBe(0);
    const before = statSync(join(out, 'documents.jsonl')).mtimeMs;
    const again = sitrep('extract', 'fixtures/articles', '--out', out, '--resume');
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toContain(`${out}/ holds a finished dataset (2 documents, 0 failed`);
    expect(again.stderr).toContain('nothing to resume. To extract it all again, add --force');
    expect(statSync(join(out, 'documents.jsonl')).mtimeMs).toBe(before);
    const forced = sitrep('extract', 'fixtures/articles', '--out', out, '--resume', '--force');
    expect(forced.status, forced.stderr).toBe(0);
    expect(forced.stderr).toContain('2 documents extracted');
  });
});
