// Batch runs (src/batch) in this process: the dataset files, their determinism whatever the
// number of threads, output kept inside --out, and interrupted runs resumed to the same bytes.
// The kill -9 of a real child process is in batch-resume.test.ts.
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Writable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORK_FOLDER } from '../src/batch/journal.js';
import { Progress, secondHalfRate } from '../src/batch/progress.js';
import { runBatch, type BatchOptions } from '../src/batch/run.js';
import { DATA_FILES, EVENT_COLUMNS } from '../src/io/dataset.js';
import { UsageError } from '../src/io/errors.js';
import { DEFAULT_LIMITS } from '../src/io/formats.js';
import type { DocumentRecord } from '../src/index.js';
import { datasetFiles } from './dataset-files.js';

const PLACES = ['Kherson', 'Kharkiv', 'Belgorod', 'Avdiivka', 'Rafah', 'Donetsk', 'Zaporizhzhia', 'Sumy'];
const SENTENCES = [
  (p: string, n: number) => `Russian forces shelled ${p} on Tuesday, killing ${n} civilians, the governor said.`,
  (p: string, n: number) => `Ukrainian drones struck an oil depot near ${p} overnight, officials said, and ${n} people were injured.`,
  (p: string) => `Protesters gathered in ${p} on Sunday against the new law.`,
  (p: string, n: number) => `The army said it had captured ${n} soldiers near ${p}.`,
  (p: string) => `Two tanks were destroyed in a clash near ${p}, according to the ministry.`,
];

/** An article that differs from its neighbours: places, numbers and sentence order vary with i. */
export function article(i: number): string {
  const out: string[] = [];
  for (let k = 0; k < 4; k++) out.push(SENTENCES[(i + k * 2) % SENTENCES.length]!(PLACES[(i * 3 + k) % PLACES.length]!, 2 + ((i + k) % 17)));
  return out.join(' ');
}

/** A small corpus of every format, gzip included, and a few bad inputs. */
function writeCorpus(root: string, n: number): void {
  mkdirSync(join(root, 'html'), { recursive: true });
  mkdirSync(join(root, 'md'), { recursive: true });
  for (let i = 0; i < n; i++) {
    const name = String(i).padStart(4, '0');
    const date = `2024-03-${String(1 + (i % 28)).padStart(2, '0')}`;
    switch (i % 6) {
      case 0:
        writeFileSync(join(root, `${name}.txt`), `date ${date}\n${article(i)}\n`);
        break;
      case 1:
        writeFileSync(join(root, 'md', `${name}.md`), `---\ntitle: Report ${i}\ndate: ${date}\n---\n# Report ${i}\n\n${article(i)}\n`);
        break;
      case 2:
        writeFileSync(
          join(root, 'html', `${name}.html`),
          `<html><head><title>Report ${i} | News</title><meta property="article:published_time" content="${date}T10:00:00Z"></head>` +
            `<body><nav><a href="/">Home</a></nav><article><h1>Report ${i}</h1><p>${article(i)}</p><p>${article(i + 1)}</p></article><footer>© News</footer></body></html>`,
        );
        break;
      case 3:
        writeFileSync(join(root, `${name}.txt.gz`), gzipSync(`${article(i)}\n`));
        break;
      default:
        break; // the JSON and JSONL files below hold these
    }
  }
  const records = Array.from({ length: n }, (_, i) => i).filter((i) => i % 6 >= 4);
  const line = (i: number) => JSON.stringify({ id: `r${i}`, text: article(i), published: `2024-04-${String(1 + (i % 28)).padStart(2, '0')}` });
  const jsonl = records.filter((i) => i % 6 === 4).map(line);
  jsonl.splice(3, 0, '{"id": "broken", "text": ');
  writeFileSync(join(root, 'feed.jsonl'), `${jsonl.join('\n')}\n`);
  writeFileSync(join(root, 'feed2.jsonl.gz'), gzipSync(`${records.filter((i) => i % 6 === 5).map(line).join('\n')}\n`));
  writeFileSync(join(root, 'array.json'), JSON.stringify([{ id: 'a1', text: article(1000) }, { id: 'a2' }, { id: 'a3', text: article(1001) }], null, 1));
  writeFileSync(join(root, 'empty.txt'), '');
  writeFileSync(join(root, 'binary.txt'), Buffer.from([0x00, 0x01, 0x02, 0xff]));
  writeFileSync(join(root, 'latin1.txt'), Buffer.from('Kyiv caf\xe9', 'latin1'));
  symlinkSync(join(root, 'nowhere.txt'), join(root, 'dangling.txt'));
  symlinkSync(root, join(root, 'md', 'loop'));
}

let tmp: string;
let corpus: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'sitrep-batch-'));
  corpus = join(tmp, 'corpus');
  mkdirSync(corpus);
  writeCorpus(corpus, 90);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const run = (out: string | undefined, extra: Partial<BatchOptions> = {}) =>
  runBatch({ paths: [corpus], out, limits: DEFAULT_LIMITS, concurrency: 0, ...extra });

const dataset = datasetFiles;

describe('a dataset run', () => {
  let clean: Record<string, string>;

  it('writes documents, events (JSONL and CSV), errors and run.json, in input order', async () => {
    const out = join(tmp, 'clean');
    const result = await run(out);
    clean = dataset(out);
    expect(Object.keys(clean)).toEqual(['documents.jsonl', 'errors.jsonl', 'events.csv', 'events.jsonl', 'run.json']);
    const docs = clean['documents.jsonl']!.trim().split('\n').map((l) => JSON.parse(l) as DocumentRecord);
    expect(docs.length).toBe(92); // 90 articles, and the two items of array.json that have a text
    expect(result.counts.documents).toBe(docs.length);
    // ordered by path, then line: the walk's sorted order
    const sources = docs.map((d) => relative(corpus, d.doc.source!));
    expect(sources.slice(0, 3)).toEqual(['0000.txt', '0003.txt.gz', '0006.txt']);
    expect(sources.filter((s) => s.startsWith('feed.jsonl')).slice(0, 4)).toEqual(['feed.jsonl:1', 'feed.jsonl:2', 'feed.jsonl:3', 'feed.jsonl:5']);
    expect(sources.indexOf('array.json:2')).toBeLessThan(sources.indexOf('feed.jsonl:1'));
    expect(sources.at(-1)).toBe('md/0085.md');
    expect(docs.find((d) => d.doc.source?.endsWith('html/0002.html'))?.doc).toMatchObject({ title: 'Report 2', published: '2024-03-03' });
    expect(docs.find((d) => d.doc.source?.endsWith('md/0001.md'))?.doc).toMatchObject({ title: 'Report 1', published: '2024-03-02' });

    const errors = clean['errors.jsonl']!.trim().split('\n').map((l) => JSON.parse(l) as { file: string; line: number | null; code: string; reason: string });
    expect(errors.map((e) => `${relative(corpus, e.file)}${e.line ? `:${e.line}` : ''} ${e.code}`)).toEqual([
      'array.json:6 json',
      'binary.txt binary',
      'dangling.txt not-found',
      'empty.txt empty',
      'feed.jsonl:4 json',
      'latin1.txt encoding',
      'md/loop symlink-loop',
    ]);
    for (const e of errors) expect(Object.keys(e)).toEqual(['file', 'line', 'code', 'reason']);

    const events = clean['events.jsonl']!.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(events.length).toBe(docs.reduce((n, d) => n + d.events.length, 0));
    expect(Object.keys(events[0]!)).toEqual([...EVENT_COLUMNS]);
    const csv = clean['events.csv']!.split('\r\n');
    expect(csv[0]).toBe(EVENT_COLUMNS.join(','));
    expect(csv.length - 2).toBe(events.length); // the header, and an empty string after the last CRLF

    const info = JSON.parse(clean['run.json']!) as Record<string, unknown>;
    expect(info).toMatchObject({ documents: 92, failed: 7, events: events.length, errors: { binary: 1, empty: 1, encoding: 1, json: 2, 'not-found': 1, 'symlink-loop': 1 } });
    const timing = (JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as { timing: Record<string, unknown> }).timing;
    expect(Object.keys(timing)).toEqual(['seconds', 'documents_per_second', 'first_record_seconds', 'second_half_documents_per_second', 'concurrency', 'resumed', 'peak_rss_mb', 'cpu_seconds']);
    expect(timing.second_half_documents_per_second).toBeNull(); // 92 documents: too few to tell
    expect(existsSync(join(out, WORK_FOLDER))).toBe(false);
  });

  it('writes the same bytes on a second run, and with a pool of worker threads', async () => {
    const again = join(tmp, 'again');
    await run(again);
    expect(dataset(again)).toEqual(clean);
    const pooled = join(tmp, 'pooled');
    const result = await run(pooled, { concurrency: 2 });
    expect(result.counts.documents).toBe(92);
    expect(dataset(pooled)).toEqual(clean);
    expect((JSON.parse(readFileSync(join(pooled, 'run.json'), 'utf8')) as { timing: { concurrency: number } }).timing.concurrency).toBe(2);
  });

  it('fails only the document that exhausts a worker, not those that shared the worker with it', async () => {
    const input = join(tmp, 'oom');
    mkdirSync(input);
    for (let i = 0; i < 5; i++) writeFileSync(join(input, `ok-${i}.txt`), `${article(i)}\n`);
    // one line of 1.5 million words: more than a 112 MB worker heap can hold as tokens
    const words = ['Troops', 'shelled', 'the', 'village', 'near', 'Kharkiv', 'on', 'Monday', 'officials', 'said'];
    writeFileSync(join(input, 'huge.txt'), Array.from({ length: 1_500_000 }, (_, k) => words[(k * 7) % words.length]).join(' '));
    const limits = { ...DEFAULT_LIMITS, maxSize: 20 * 2 ** 20 };
    // one worker holding two documents at a time: the huge one and its neighbour die together
    const out = join(tmp, 'oom-out');
    const result = await runBatch({ paths: [input], out, limits, concurrency: 1, heapMb: 112 });
    const errors = readFileSync(join(out, 'errors.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { file: string; code: string; reason: string });
    expect(errors.map((e) => [relative(input, e.file), e.code])).toEqual([['huge.txt', 'crash']]);
    expect(errors[0]!.reason).toMatch(/more memory than a worker thread has \(112 MB/);
    expect(result.counts).toMatchObject({ documents: 5, failed: 1 });
    // the five articles are extracted as they are without the huge one beside them
    rmSync(join(input, 'huge.txt'));
    const alone = join(tmp, 'oom-alone');
    await runBatch({ paths: [input], out: alone, limits, concurrency: 0 });
    expect(readFileSync(join(out, 'documents.jsonl'), 'utf8')).toBe(readFileSync(join(alone, 'documents.jsonl'), 'utf8'));
  }, 120_000);

  it('writes only inside --out, and does not read its own output when --out is inside the input', async () => {
    const listing = (root: string): string[] =>
      readdirSync(root, { withFileTypes: true }).flatMap((d) => {
        const path = join(root, d.name);
        if (d.isSymbolicLink()) return [path];
        return d.isDirectory() ? [`${path}/`, ...listing(path)] : [`${path} ${statSync(path).size} ${statSync(path).mtimeMs}`];
      });
    const cwd = process.cwd();
    const before = listing(tmp);
    const cwdBefore = readdirSync(cwd).sort();
    const out = join(corpus, 'dataset'); // inside the folder it reads
    await run(out);
    const first = dataset(out);
    const after = listing(tmp).filter((l) => !l.startsWith(`${out}/`) && !l.startsWith(`${out} `));
    expect(after).toEqual(before);
    expect(readdirSync(cwd).sort()).toEqual(cwdBefore);
    // a second run over the same folder passes over the dataset it wrote
    await run(out);
    expect(dataset(out)).toEqual(first);
    expect(first).toEqual(clean);
    rmSync(out, { recursive: true });
  });

  it('prints records to stdout in input order, indented with pretty', async () => {
    let text = '';
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        text += chunk.toString();
        done();
      },
    });
    const failures: string[] = [];
    const result = await run(undefined, { paths: [join(corpus, 'feed.jsonl')], pretty: true, stdout: sink, onFailure: (f) => failures.push(`${f.line} ${f.code}`) });
    expect(failures).toEqual(['4 json']);
    expect(text.startsWith('{\n  "schema": "sitrep.document/1",')).toBe(true);
    expect(result.counts.documents).toBe(clean['documents.jsonl']!.split('\n').filter((l) => l.includes('feed.jsonl:')).length);
  });
});

describe('interrupted runs', () => {
  let clean: Record<string, string>;
  beforeAll(async () => {
    await run(join(tmp, 'reference'));
    clean = dataset(join(tmp, 'reference'));
  });

  it('stops cleanly on its signal and resumes to the same bytes, even after damage a kill leaves', async () => {
    const out = join(tmp, 'stopped');
    const controller = new AbortController();
    // abort once the journal holds a checkpoint past the first one
    const watch = setInterval(() => {
      const journal = join(out, WORK_FOLDER, 'journal.jsonl');
      if (existsSync(journal) && readFileSync(journal, 'utf8').split('\n').length > 3) controller.abort();
    }, 5);
    const stopped = await run(out, { signal: controller.signal, checkpointUnits: 5 });
    clearInterval(watch);
    expect(stopped.interrupted).toBe(true);
    expect(stopped.counts.documents).toBeGreaterThan(0);
    expect(stopped.counts.documents).toBeLessThan(92);
    expect(existsSync(join(out, 'run.json'))).toBe(false);
    expect(existsSync(join(out, WORK_FOLDER))).toBe(true);

    // what a kill between a write and its checkpoint leaves: bytes past the checkpoint, a torn journal line
    appendFileSync(join(out, WORK_FOLDER, 'documents.jsonl'), '{"schema":"sitrep.document/1","doc":{"id":"torn');
    appendFileSync(join(out, WORK_FOLDER, 'events.csv'), 'x,y,z\r\n');
    appendFileSync(join(out, WORK_FOLDER, 'journal.jsonl'), '{"units":99999,"bytes":{"documents.jso');

    // a new run cannot start over an interrupted one by mistake
    await expect(run(out)).rejects.toThrow(/interrupted run.*--resume/);
    // resumed, and stopped again at its first failure
    const again = new AbortController();
    const second = await run(out, { resume: true, signal: again.signal, onFailure: () => again.abort(), checkpointUnits: 5 });
    expect(second.interrupted).toBe(true);
    expect(second.counts.documents).toBeGreaterThanOrEqual(stopped.counts.documents);
    const journal = readFileSync(join(out, WORK_FOLDER, 'journal.jsonl'), 'utf8');
    expect(journal.endsWith('\n')).toBe(true);
    for (const line of journal.trim().split('\n')) expect(() => JSON.parse(line) as unknown).not.toThrow();
    const resumed = await run(out, { resume: true, concurrency: 2 });
    expect(resumed.resumed).toBe(true);
    expect(dataset(out)).toEqual(clean);
    expect(existsSync(join(out, WORK_FOLDER))).toBe(false);
    expect((JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as { timing: { resumed: boolean } }).timing.resumed).toBe(true);
  });

  it('refuses to resume when the input or the options changed', async () => {
    const out = join(tmp, 'changed');
    const controller = new AbortController();
    controller.abort();
    const stopped = await run(out, { signal: controller.signal });
    expect(stopped.interrupted).toBe(true);
    await expect(run(out, { resume: true, published: '2024-01-01' })).rejects.toThrow(UsageError);
    await expect(run(out, { resume: true, published: '2024-01-01' })).rejects.toThrow(/the options changed/);
    writeFileSync(join(corpus, 'new.txt'), article(5000));
    await expect(run(out, { resume: true })).rejects.toThrow(/the input files changed/);
    rmSync(join(corpus, 'new.txt'));
    await run(out, { resume: true });
    expect(dataset(out)).toEqual(clean);
  });

  it('finishes a run killed while finishing, and starts afresh when there is nothing to resume', async () => {
    const out = join(tmp, 'finishing');
    await run(out);
    // as if killed after the data files moved but before run.json and the cleanup
    const work = join(out, WORK_FOLDER);
    mkdirSync(work);
    const bytes = Object.fromEntries(DATA_FILES.map((f) => [f, statSync(join(out, f)).size]));
    writeFileSync(join(work, 'journal.jsonl'), `${JSON.stringify({ journal: 'sitrep.journal/1' })}\n${JSON.stringify({ units: 97, bytes, counts: { documents: 92, failed: 7, events: 0, entities: 0, errors: {} }, seconds: 1, done: true })}\n`);
    rmSync(join(out, 'run.json'));
    await run(out, { resume: true });
    expect(existsSync(work)).toBe(false);
    expect(JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'))).toMatchObject({ documents: 92, failed: 7 });
    const fresh = join(tmp, 'fresh');
    await run(fresh, { resume: true });
    expect(dataset(fresh)).toEqual(clean);
  });
});

describe('progress without a terminal', () => {
  it('prints a plain line now and then: documents, failures, share of the input, rate and time left', async () => {
    let text = '';
    const stream = { write: (s: string) => ((text += s), true) } as unknown as NodeJS.WriteStream;
    const progress = new Progress({ mode: 'lines', totalBytes: 1000, stream, interval: 0.05 });
    progress.start();
    for (let i = 0; i < 4; i++) progress.update(100, i !== 2);
    await new Promise((resolve) => setTimeout(resolve, 120));
    progress.stop();
    const line = text.split('\n')[0]!;
    expect(line).toMatch(/^sitrep: 3 documents, 1 failed, 40% of the input, \d+ docs\/s, about \d+s left$/);
  });
});

describe("run.json's rate over the second half", () => {
  it('leaves out the slow start: the clock marked every 250 documents, a first 500 that took 10 s, then 250 a second', () => {
    // 2,000 documents: marks at 500 (10 s), 750 (11 s), … 2,000 (16 s); the second half starts at 1,000 (12 s)
    expect(secondHalfRate([5, 10, 11, 12, 13, 14, 15, 16])).toBe(250);
    expect(secondHalfRate([1, 2, 3, 4])).toBe(250); // 1,000 documents at a steady 250/s
  });

  it('says nothing below 1,000 documents', () => {
    expect(secondHalfRate([])).toBeNull();
    expect(secondHalfRate([1, 2, 3])).toBeNull();
  });
});

describe('heap flags of sitrep extract and sitrep worker', () => {
  it('sets the heap growth and turns pretenuring off, unless node was given either flag', async () => {
    const { heapFlags, HEAP_GROWING_PERCENT } = await import('../src/batch/pool.js');
    expect(heapFlags([])).toEqual([`--heap-growing-percent=${HEAP_GROWING_PERCENT}`, '--no-allocation-site-pretenuring']);
    // a user's own choice wins, in any spelling node accepts
    expect(heapFlags(['--allocation-site-pretenuring'])).toEqual([`--heap-growing-percent=${HEAP_GROWING_PERCENT}`]);
    expect(heapFlags(['--heap_growing_percent=30', '--no-allocation_site_pretenuring'])).toEqual([]);
    // other arguments and empty NODE_OPTIONS words change nothing
    expect(heapFlags(['', '--enable-source-maps', 'bin/sitrep.js'])).toHaveLength(2);
  });
});
