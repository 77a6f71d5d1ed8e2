// One writer per dataset folder. A run that writes OUT (extract --out, queue collect) first
// takes OUT/.sitrep-lock, a small JSON file naming its pid and host. The file is written whole
// under a temporary name and then hard-linked to its place: link() fails when the name exists,
// so exactly one process gets the lock, and a reader never sees a half-written one.
//
// A lock whose owner is alive (same host, and the pid answers signal 0) refuses the run with
// a message naming the pid. A lock left by a process that died (SIGKILL, a power cut) is
// stale and taken over: it is first renamed to a name of our own, and taken over only if the
// renamed file is still the stale one we read (two runs racing for a stale lock cannot both
// win). A lock from another host cannot be checked, so it is refused with the way out.
import { linkSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../io/errors.js';
import { writeSynced } from './journal.js';

export const LOCK_FILE = '.sitrep-lock';

export interface LockOwner {
  pid: number;
  host: string;
  /** ISO time the lock was taken */
  since: string;
  /** the command, for the refusal message */
  command: string;
}

export interface DatasetLock {
  readonly path: string;
  /** remove the lock (only if it is still ours); safe to call twice */
  release(): void;
}

/** Whether a process with this pid lives on this machine (EPERM: it lives, under another user). */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(path: string): { text: string; owner: LockOwner | null } | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const owner = JSON.parse(text) as LockOwner;
    return { text, owner: Number.isInteger(owner?.pid) && typeof owner.host === 'string' ? owner : null };
  } catch {
    return { text, owner: null };
  }
}

/**
 * Take the lock of the dataset folder `out` (which must exist), or throw a UsageError naming
 * the run that holds it. The lock is released by release(), and at the latest when the
 * process exits normally.
 */
export function lockDataset(out: string, command = 'sitrep'): DatasetLock {
  const path = join(out, LOCK_FILE);
  const mine: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString(), command };
  const text = `${JSON.stringify(mine)}\n`;
  const temporary = join(out, `${LOCK_FILE}.${process.pid}.tmp`);
  writeSynced(temporary, text);
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(temporary, path);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const held = readOwner(path);
      if (!held) continue; // released meanwhile: try again
      const { owner } = held;
      if (owner && owner.host !== mine.host) {
        throw new UsageError(
          `${out} is being written by another sitrep run (pid ${owner.pid} on host ${owner.host}, since ${owner.since}); ` +
            `wait for it to end, or, if that run is gone, delete ${path}`,
        );
      }
      if (owner && processAlive(owner.pid)) {
        throw new UsageError(
          `${out} is being written by another sitrep run (pid ${owner.pid}, since ${owner.since}: ${owner.command}); ` +
            `wait for it to end, or stop it (kill ${owner.pid}) and run --resume`,
        );
      }
      if (attempt > 10) throw new UsageError(`cannot take the lock ${path}: other runs keep taking it`);
      // stale: its owner is dead (or the file is not a lock at all)
      const aside = join(out, `${LOCK_FILE}.${process.pid}.stale`);
      try {
        renameSync(path, aside);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw error;
      }
      const moved = readOwner(aside);
      if (moved && moved.text !== held.text) {
        // another run took the stale lock between our read and our rename: give it back
        try {
          linkSync(aside, path);
        } catch {
          // a third run holds it now; ours to try again either way
        }
      }
      rmSync(aside, { force: true });
    }
  } finally {
    rmSync(temporary, { force: true });
  }
  removeLeftovers(out);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    const held = readOwner(path);
    if (held?.text === text) rmSync(path, { force: true });
  };
  process.on('exit', release);
  return { path, release };
}

/**
 * The temporary and set-aside lock files of runs killed while they took the lock (between
 * writing their file and removing it). Only a run that holds the lock removes them, and only
 * those of processes no longer alive, so a run taking the lock at this moment keeps its own.
 */
function removeLeftovers(out: string): void {
  const pattern = new RegExp(`^${LOCK_FILE.replace(/\./g, '\\.')}\\.(\\d+)\\.(?:tmp|stale)$`);
  for (const name of readdirSync(out)) {
    const pid = Number(pattern.exec(name)?.[1] ?? NaN);
    if (Number.isNaN(pid) || pid === process.pid || processAlive(pid)) continue;
    // a run on another host sharing the folder may be taking the lock under the same pid
    const owner = readOwner(join(out, name))?.owner;
    if (!owner || owner.host === hostname()) rmSync(join(out, name), { force: true });
  }
}
