// The lock of a dataset folder (src/batch/lock.ts): one owner at a time, a live owner named
// in the refusal, a dead owner's lock taken over.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCK_FILE, lockDataset } from '../src/batch/lock.js';

let out: string;
beforeEach(() => {
  out = mkdtempSync(join(tmpdir(), 'sitrep-lock-'));
});
afterEach(() => rmSync(out, { recursive: true, force: true }));

describe('dataset lock', () => {
  it('refuses a second owner while the first lives, naming its pid', () => {
    const lock = lockDataset(out, 'test');
    expect(JSON.parse(readFileSync(join(out, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });
    expect(() => lockDataset(out)).toThrow(`pid ${process.pid}`);
    lock.release();
    expect(existsSync(join(out, LOCK_FILE))).toBe(false);
    lockDataset(out).release();
  });

  it('takes over the lock of a process that died', () => {
    const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    const pid = Number(dead.stdout.trim());
    writeFileSync(join(out, LOCK_FILE), JSON.stringify({ pid, host: hostname(), since: '2024-01-01T00:00:00Z', command: 'sitrep extract' }));
    const lock = lockDataset(out);
    expect(JSON.parse(readFileSync(join(out, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('takes over a lock file that is not a lock, and refuses one from another host', () => {
    writeFileSync(join(out, LOCK_FILE), 'garbage');
    lockDataset(out).release();
    writeFileSync(join(out, LOCK_FILE), JSON.stringify({ pid: 1, host: 'elsewhere', since: '2024-01-01T00:00:00Z', command: 'sitrep' }));
    expect(() => lockDataset(out)).toThrow(/pid 1 on host elsewhere.*delete/);
  });

  it('removes the files a run killed while taking the lock left, but not those of live runs or other hosts', () => {
    const dead = Number(spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' }).stdout.trim());
    const owner = (pid: number, host: string) => JSON.stringify({ pid, host, since: '2024-01-01T00:00:00Z', command: 'sitrep extract' });
    const parent = process.ppid; // alive while this test runs
    writeFileSync(join(out, `${LOCK_FILE}.${dead}.tmp`), owner(dead, hostname()));
    writeFileSync(join(out, `${LOCK_FILE}.${dead}.stale`), owner(dead, hostname()));
    writeFileSync(join(out, `${LOCK_FILE}.${parent}.tmp`), owner(parent, hostname()));
    writeFileSync(join(out, `${LOCK_FILE}.${dead + 1_000_000}.tmp`), owner(dead + 1_000_000, 'elsewhere'));
    const lock = lockDataset(out);
    const left = spawnSync('ls', ['-A', out], { encoding: 'utf8' }).stdout.trim().split('\n').sort();
    expect(left).toEqual([LOCK_FILE, `${LOCK_FILE}.${dead + 1_000_000}.tmp`, `${LOCK_FILE}.${parent}.tmp`].sort());
    lock.release();
  });

  it('leaves no temporary files behind', () => {
    lockDataset(out).release();
    expect(spawnSync('ls', ['-A', out], { encoding: 'utf8' }).stdout.trim()).toBe('');
  });
});
