// Kill and resume, end to end (slow): a real `node bin/sitrep.js extract DIR --out OUT` is
// killed with SIGKILL once its first records are on disk, resumed and stopped with SIGINT
// (Ctrl-C), then resumed to the end; every file must match a clean run byte for byte.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORK_FOLDER } from '../src/batch/journal.js';
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
  return out.join(' ');
}

let tmp: string;
let corpus: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'sitrep-resume-'));
  corpus = join(tmp, 'corpus');
  for (let i = 0; i < 500; i++) {
    const dir = join(corpus, `batch-${Math.floor(i / 100)}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${String(i).padStart(4, '0')}.txt`), `date 2024-05-${String(1 + (i % 28)).padStart(2, '0')}\n${article(i)}\n`);
  }
  const lines = Array.from({ length: 150 }, (_, i) => JSON.stringify({ id: `line-${i}`, text: article(1000 + i) }));
  lines.splice(40, 0, '{"id": "broken"');
  writeFileSync(join(corpus, 'feed.jsonl'), `${lines.join('\n')}\n`);
  writeFileSync(join(corpus, 'empty.txt'), '');
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Child {
  code: Promise<number | null>;
  stderr: () => string;
  kill: (signal: NodeJS.Signals) => void;
}

function start(args: string[]): Child {
  const child = spawn(process.execPath, ['bin/sitrep.js', 'extract', ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return {
    code: new Promise((resolve) => child.on('close', (code, signal) => resolve(signal ? -1 : code))),
    stderr: () => stderr,
    kill: (signal) => child.kill(signal),
  };
}

const size = (path: string) => (existsSync(path) ? statSync(path).size : 0);

async function until(what: () => boolean, child: Child, timeout = 60_000): Promise<void> {
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
    const clean = join(tmp, 'clean');
    await runBatch({ paths: [corpus], out: clean, limits: DEFAULT_LIMITS, concurrency: 0 });
    const expected = dataset(clean);
    expect(expected['documents.jsonl']!.split('\n').length - 1).toBe(650);

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
    expect(third.stderr()).toMatch(/650 documents extracted .* 2 failed .*\(resumed\)/);
    expect(existsSync(join(out, WORK_FOLDER))).toBe(false);
    const resumed = dataset(out);
    expect(Object.keys(resumed)).toEqual(Object.keys(expected));
    for (const name of Object.keys(expected)) expect(resumed[name], name).toBe(expected[name]);
  }, 240_000); // five batch runs of 650 documents: minutes on a shared two-core machine
});
