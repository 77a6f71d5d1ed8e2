// The command line as a user meets it: `node bin/sitrep.js …` in a child process. Each spawn
// costs about a second, so each one checks several things at once.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../src/index.js';

const ROOT = new URL('..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

function sitrep(args: string[], input?: string): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ['bin/sitrep.js', ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: '1' },
  });
}

const lines = (s: string) => s.split('\n').filter((l) => l.trim());

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'sitrep-cli-'));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('sitrep --help, --version', () => {
  it('--help exits 0 and lists the extract command', () => {
    const r = sitrep(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\bextract\b/);
    expect(r.stdout).toMatch(/Usage: sitrep/);
  });

  it('--version prints the version of package.json', () => {
    const r = sitrep(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });
});

describe('sitrep extract to stdout', () => {
  it('prints one JSONL record per article of a folder, in sorted order', () => {
    const r = sitrep(['extract', 'fixtures/articles']);
    expect(r.status, r.stderr).toBe(0);
    const out = lines(r.stdout);
    expect(out).toHaveLength(2);
    const records = out.map((l) => JSON.parse(l) as DocumentRecord);
    for (const record of records) {
      expect(record.schema).toBe('sitrep.document/1');
      expect(record.doc.id).toMatch(/^[0-9a-f]{16}$/);
      expect(record.text.length).toBeGreaterThan(100);
    }
    expect(records[0]!.doc.id).not.toBe(records[1]!.doc.id);
    expect(records.map((x) => x.doc.source)).toEqual(['fixtures/articles/000_49e5a31c79cda5c8.txt', 'fixtures/articles/002_714127bd9c241300.txt']);
    // the second fixture carries its own date header: "date 2024-03-16 In a daring…"
    expect(records[1]!.doc.published).toBe('2024-03-16');
    expect(records[1]!.text.startsWith('In a daring')).toBe(true);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('reads one article from stdin with -, applies --published and indents with --pretty', () => {
    const r = sitrep(['extract', '-', '--published', '2024-03-16', '--pretty'], 'Russian forces shelled Kharkiv on Sunday, killing two civilians.\n');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^\{\n {2}"schema": "sitrep\.document\/1",\n/);
    const record = JSON.parse(r.stdout) as DocumentRecord;
    expect(record.doc.source).toBeNull();
    expect(record.doc.published).toBe('2024-03-16');
    expect(record.text).toBe('Russian forces shelled Kharkiv on Sunday, killing two civilians.');
    // Saturday 2024-03-16: "on Sunday" is 2024-03-10
    const sunday = record.entities.find((e) => e.type === 'DATE' && e.mentions.some((m) => m.text.includes('Sunday')));
    expect(sunday?.kb?.value).toBe('2024-03-10');
  });
});

describe('sitrep extract: bad inputs', () => {
  it('reports a bad JSONL line, a line without text, a binary file and an empty file, and goes on', () => {
    const jsonl = join(tmp, 'file.jsonl');
    writeFileSync(
      jsonl,
      [
        JSON.stringify({ id: 'good-1', text: 'Russian forces shelled Kherson on Tuesday.', published: '2024-03-16', title: 'Kherson shelled' }),
        '{"id": "bad-2", "text": "unterminated',
        JSON.stringify({ id: 'notext-3', title: 'No text here' }),
      ].join('\n') + '\n',
    );
    const binary = join(tmp, 'binary.txt');
    writeFileSync(binary, Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x10]));
    const empty = join(tmp, 'empty.txt');
    writeFileSync(empty, '');

    const r = sitrep(['extract', jsonl, binary, empty]);
    expect(r.status).toBe(1);
    const out = lines(r.stdout).map((l) => JSON.parse(l) as DocumentRecord);
    expect(out).toHaveLength(1);
    expect(out[0]!.doc.id).toBe('good-1');
    expect(out[0]!.doc.title).toBe('Kherson shelled');
    expect(out[0]!.doc.published).toBe('2024-03-16');

    const err = r.stderr;
    expect(err).toMatch(/file\.jsonl:2\b.*(not valid JSON|JSON)/i);
    expect(err).toMatch(/file\.jsonl:3\b.*text/i);
    expect(err).not.toMatch(/file\.jsonl:1\b/);
    expect(err).toMatch(/binary\.txt\b.*(binary|not a text file)/i);
    expect(err).toMatch(/empty\.txt\b.*empty/i);
    expect(err).not.toContain('    at ');
  });

  it('exits 2 on an unknown option, printing no records', () => {
    const r = sitrep(['extract', '--bogus', 'fixtures/articles']);
    expect(r.status).toBe(2);
    expect(r.stdout.trim()).toBe('');
    expect(r.stderr).toMatch(/unknown option/i);
  });

  it('exits 2 on a path that does not exist, naming it', () => {
    const r = sitrep(['extract', 'no/such/folder']);
    expect(r.status).toBe(2);
    expect(r.stdout.trim()).toBe('');
    expect(r.stderr).toContain('no/such/folder');
    expect(r.stderr).not.toContain('    at ');
  });
});

describe('sitrep extract --out', () => {
  it('writes documents.jsonl, events.jsonl, errors.jsonl and run.json into the folder', () => {
    const out = join(tmp, 'dataset');
    const r = sitrep(['extract', 'fixtures/articles', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe('');
    for (const name of ['documents.jsonl', 'events.jsonl', 'events.csv', 'errors.jsonl', 'run.json']) expect(existsSync(join(out, name)), name).toBe(true);
    const docs = lines(readFileSync(join(out, 'documents.jsonl'), 'utf8')).map((l) => JSON.parse(l) as DocumentRecord);
    expect(docs).toHaveLength(2);
    expect(docs.every((d) => d.schema === 'sitrep.document/1')).toBe(true);
    expect(readFileSync(join(out, 'errors.jsonl'), 'utf8').trim()).toBe('');
    const events = lines(readFileSync(join(out, 'events.jsonl'), 'utf8')).map((l) => JSON.parse(l) as { doc_id: string });
    expect(events.length).toBe(docs.reduce((n, d) => n + d.events.length, 0));
    for (const e of events) expect(docs.map((d) => d.doc.id)).toContain(e.doc_id);
    const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as Record<string, unknown>;
    expect(run).toMatchObject({ sitrep: pkg.version, documents: 2, failed: 0, events: events.length });
  });

  it('takes --include, --exclude and --allow-errors; reports failures by kind in the summary', () => {
    const dir = join(tmp, 'mixed');
    mkdirSync(join(dir, 'drafts'), { recursive: true });
    writeFileSync(join(dir, 'a.md'), '---\ntitle: Kherson\ndate: 2024-03-16\n---\nRussian forces shelled Kherson on Tuesday.\n');
    writeFileSync(join(dir, 'b.html'), '<html><head><title>Kharkiv</title></head><body><nav>Home</nav><p>Drones hit Kharkiv on Monday.</p></body></html>');
    writeFileSync(join(dir, 'drafts', 'c.md'), 'Not ready.\n');
    writeFileSync(join(dir, 'empty.txt'), '');
    const out = join(tmp, 'mixed-out');
    const r = sitrep(['extract', dir, '--out', out, '--include', '*.md', '--include', '*.html', '--include', '*.txt', '--exclude', 'drafts', '--allow-errors', '-j', '1']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/empty\.txt: the file is empty/);
    expect(r.stderr).toMatch(/2 documents extracted .* 1 failed \(1 empty; see .*errors\.jsonl\)/);
    const docs = lines(readFileSync(join(out, 'documents.jsonl'), 'utf8')).map((l) => JSON.parse(l) as DocumentRecord);
    expect(docs.map((d) => d.doc.title)).toEqual(['Kherson', 'Kharkiv']);
    expect(docs[1]!.text).toBe('Drones hit Kharkiv on Monday.');
  });

  it('exits 2 on misused batch options, saying what to give', () => {
    for (const [args, message] of [
      [['--concurrency', '0'], /--concurrency takes a whole number/],
      [['--max-size', 'big'], /--max-size takes a size like 10MB/],
      [['--resume'], /--resume needs --out/],
    ] as const) {
      const r = sitrep(['extract', 'fixtures/articles', ...args]);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });
});
