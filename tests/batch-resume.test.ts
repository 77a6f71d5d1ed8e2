// Kill and resume, end to end (slow): a real `node bin/sitrep.js extract DIR --out OUT` is
// killed with SIGKILL once its first records are on disk, resumed and stopped with SIGINT
// (Ctrl-C), then resumed to the end; every file must match a clean run byte for byte.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORK_FOLDER } from '../src/batch/journal.js';
import { LOCK_FILE } from '../src/batch/lock.js';
import { runBatch } from '../src/batch/run.js';
import { DEFAULT_LIMITS } from '../src/io/formats.js';
import { datasetFiles } from './dataset-files.js';

const ROOT = new URL('..', import.meta.url).pathname;
const PLACES = ['Kherson', 'Kharkiv', 'Belgorod', 'Avdiivka', 'Rafah', 'Donetsk', 'Sumy', 'Odesa', 'Mariupol'];
const VERBS = ['shelled', 'struck', 'attacked', 'bombed'];

function article(i: number): string {
  const out: string[] = [];
  for (let k = 0; k < 8; k++) {
    const place = PLACES[(i * 5 + k) % PLACES.length]!;
    out.push(k % 2 ? `Protesters gathered in ${place} on Sunday, police said.` : `Russian forces ${VERBS[(i + k) % VERBS.length]} ${place} on Tuesday, killing ${2 + ((i * 3 + k) % 13)} civilians, the governor said.`);
  }
  // every article its own text: the same text twice would be one document and a duplicate
  return `${out.join(' ')} (Report ${i}.)`;
}

let tmp: string;
let corpus: string;
/** the files of an uninterrupted run, which every interrupted run must end with */
let expected: Record<string, string>;
beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'sitrep-resume-'));
  corpus = join(tmp, 'corpus');
  for (let i = 0; i < 200; i++) {
    const dir = join(corpus, `batch-${Math.floor(i / 50)}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${String(i).padStart(4, '0')}.txt`), `date 2024-05-${String(1 + (i % 28)).padStart(2, '0')}\n${article(i)}\n`);
  }
  const lines = Array.from({ length: 60 }, (_, i) => JSON.stringify({ id: `line-${i}`, text: article(1000 + i) }));
  lines.splice(20, 0, '{"id": "broken"');
  writeFileSync(join(corpus, 'feed.jsonl'), `${lines.join('\n')}\n`);
  writeFileSync(join(corpus, 'empty.txt'), '');
  const clean = join(tmp, 'clean');
  await runBatch({ paths: [corpus], out: clean, limits: DEFAULT_LIMITS, concurrency: 0 });
  expected = datasetFiles(clean);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Child {
  code: Promise<number | null>;
  stderr: () => string;
  kill: (signal: NodeJS.Signals) => void;
}

function start(args: string[]): Child & { pid: number } {
  const child = spawn(process.execPath, ['bin/sitrep.js', 'extract', ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return {
    code: new Promise((resolve) => child.on('close', (code, signal) => resolve(signal ? -1 : code))),
    stderr: () => stderr,
    kill: (signal) => child.kill(signal),
    pid: child.pid!,
  };
}

const size = (path: string) => (existsSync(path) ? statSync(path).size : 0);

async function until(what: () => boolean, child: Child, timeout = 150_000): Promise<void> {
  const started = Date.now();
  let exited = false;
  void child.code.then(() => (exited = true));
  while (!what()) {
    if (exited) throw new Error(`the run ended before it could be interrupted:\n${child.stderr()}`);
    if (Date.now() - started > timeout) throw new Error('timed out waiting for the run');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const dataset = datasetFiles;

describe('kill -9, Ctrl-C and --resume (slow)', () => {
  it('ends with exactly the files of an uninterrupted run', async () => {
    expect(expected['documents.jsonl']!.split('\n').length - 1).toBe(260);

    const out = join(tmp, 'out');
    const documents = join(out, WORK_FOLDER, 'documents.jsonl');

    // 1. SIGKILL as soon as the first records are on disk
    const first = start([corpus, '--out', out, '--quiet']);
    await until(() => size(documents) > 0, first);
    first.kill('SIGKILL');
    expect(await first.code).toBe(-1);
    expect(existsSync(join(out, 'run.json'))).toBe(false);
    const atKill = size(documents);

    // 2. resume, then Ctrl-C once it has written more
    const second = start([corpus, '--out', out, '--resume']);
    await until(() => size(documents) > atKill, second);
    second.kill('SIGINT');
    expect(await second.code).toBe(130);
    expect(second.stderr()).toMatch(/interrupted after [\d,]+ documents/);
    expect(second.stderr()).toContain(`to finish, run: sitrep extract ${corpus} --out ${out} --resume`);
    expect(existsSync(join(out, 'run.json'))).toBe(false);

    // 3. resume to the end
    const third = start([corpus, '--out', out, '--resume', '--allow-errors']);
    expect(await third.code, second.stderr() + third.stderr()).toBe(0);
    expect(third.stderr()).toMatch(/260 documents extracted .* 2 failed .*\(resumed\)/);
    expect(existsSync(join(out, WORK_FOLDER))).toBe(false);
    const resumed = dataset(out);
    expect(Object.keys(resumed)).toEqual(Object.keys(expected));
    for (const name of Object.keys(expected)) expect(resumed[name], name).toBe(expected[name]);
  }, 300_000);
});

describe('one writer per dataset, and kills at every stage of a run (slow)', () => {
  it('refuses a second run on a live run\'s folder, takes over a dead one\'s lock, and ends with the files of a clean run', async () => {
    const out = join(tmp, 'out-2');
    const work = join(out, WORK_FOLDER);
    const lock = join(out, LOCK_FILE);
    const journalLines = () => (existsSync(join(work, 'journal.jsonl')) ? readFileSync(join(work, 'journal.jsonl'), 'utf8').split('\n').length - 1 : 0);
    const args = [corpus, '--out', out, '--resume', '--quiet', '--allow-errors'];

    // startup: killed before it has done anything
    const first = start(args);
    first.kill('SIGKILL');
    await first.code;

    // walking: killed as soon as it holds the lock
    const second = start(args);
    await until(() => existsSync(lock), second);
    second.kill('SIGKILL');
    expect(await second.code).toBe(-1);
    expect(existsSync(lock), 'a killed run leaves its lock behind').toBe(true);

    // mid-run: a second run on the live run's folder is refused, naming its pid; then the owner is killed
    const third = start(args);
    await until(() => journalLines() >= 3 && readFileSync(lock, 'utf8').includes(`"pid":${third.pid}`), third);
    const intruder = start(args);
    expect(await intruder.code).toBe(2);
    expect(intruder.stderr()).toContain(`is being written by another sitrep run (pid ${third.pid}`);
    const plain = start([corpus, '--out', out, '--quiet']);
    expect(await plain.code).toBe(2);
    expect(plain.stderr()).toContain(`pid ${third.pid}`);
    third.kill('SIGKILL');
    expect(await third.code).toBe(-1);

    // finishing: killed once the last checkpoint is written (or as near as the polling gets)
    const fourth = start(args);
    const finishing = () => existsSync(join(work, 'journal.jsonl')) && readFileSync(join(work, 'journal.jsonl'), 'utf8').includes('"done":true');
    await until(finishing, fourth).catch(() => undefined);
    fourth.kill('SIGKILL');
    await fourth.code;

    // the stale lock is taken over and the run finished
    const last = start(args);
    expect(await last.code, last.stderr()).toBe(0);
    expect(existsSync(lock), 'a finished run releases its lock').toBe(false);
    expect(existsSync(work)).toBe(false);
    const resumed = dataset(out);
    expect(Object.keys(resumed)).toEqual(Object.keys(expected));
    for (const name of Object.keys(expected)) expect(resumed[name], name).toBe(expected[name]);
  }, 300_000);
});
