// Reading articles (src/io): every format sitrep reads, each kind of bad input, the limits,
// and the folder walk. No pipeline runs here: what is tested is what the readers hand it.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeText } from '../src/io/decode.js';
import { InputError } from '../src/io/errors.js';
import { formatOf, parseSize, MB } from '../src/io/formats.js';
import { fromHtml } from '../src/io/html.js';
import { arrayElementLines } from '../src/io/json.js';
import { fromMarkdown } from '../src/io/markdown.js';
import { isoDate } from '../src/io/meta.js';
import { readArticles, type ReadResult } from '../src/io/read.js';
import { walkPaths } from '../src/io/walk.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-io-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SENTENCE = 'Russian forces shelled Kherson on Tuesday, killing two civilians, the governor said.';
const write = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  return path;
};
const ok = (results: ReadResult[]) => {
  for (const r of results) if (r instanceof InputError) throw new Error(`unexpected error: ${r.where}: ${r.message}`);
  return results as Exclude<ReadResult, InputError>[];
};
const fails = (results: ReadResult[]) => results.filter((r): r is InputError => r instanceof InputError);

const HTML = `<!doctype html>
<html><head>
<title>Drones hit Kyiv | Example News</title>
<meta property="og:title" content="Drones hit Kyiv overnight">
<meta property="article:published_time" content="2024-03-16T08:00:00+02:00">
<link rel="canonical" href="https://news.example/kyiv-drones">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<header><div class="promo">Subscribe now for unlimited access</div></header>
<main><article>
<h1>Drones hit Kyiv overnight</h1>
<p>Russian forces launched 30 drones at Kyiv on Friday night, the air force said. Air defences shot down 28 of them over the capital and the surrounding region.</p>
<p>Two people were injured in the Darnytskyi district, according to the city administration, and a warehouse caught fire after debris fell on it.</p>
<p>Officials said repairs to the damaged power line would start on Monday.</p>
</article></main>
<aside><h2>Most read</h2><ul><li><a href="/a">Celebrity wedding</a></li><li><a href="/b">Football results</a></li></ul></aside>
<footer><p>© 2024 Example News. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>`;

describe('formats', () => {
  it('.txt: the text as it is, named by its path', async () => {
    const [a] = ok(await readArticles(write('plain.txt', `${SENTENCE}\n`)));
    expect(a!.input.text).toBe(`${SENTENCE}\n`);
    expect(a!.input.source).toBe(a!.origin);
    expect(a!.origin).toMatch(/plain\.txt$/);
  });

  it('.md: YAML front matter gives title, date, url and id; markup is reduced to text', async () => {
    const md = ['---', 'title: "Kherson shelled"', 'date: 2024-03-16T09:30:00Z', 'url: https://news.example/k', 'id: md-1', 'tags: [war, ukraine]', '---', '# Kherson shelled', '', `**Russian forces** shelled [Kherson](https://x.example) on Tuesday.`, '', '- one', '- two', ''].join('\n');
    const [a] = ok(await readArticles(write('front.md', md)));
    expect(a!.input).toMatchObject({ title: 'Kherson shelled', published: '2024-03-16', url: 'https://news.example/k', id: 'md-1' });
    expect(a!.input.text).toBe('Kherson shelled\n\nRussian forces shelled Kherson on Tuesday.\n\none\ntwo\n');
  });

  it('.md: front matter that is not valid YAML is read line by line', () => {
    const input = fromMarkdown('---\ntitle: Attack: five dead\ndate: 16 March 2024\n---\nText.');
    expect(input).toMatchObject({ title: 'Attack: five dead', published: '2024-03-16', text: 'Text.' });
  });

  it('.html: the article text without navigation, header, aside or footer; title, date and URL from meta tags', async () => {
    const [a] = ok(await readArticles(write('page.html', HTML)));
    expect(a!.input.title).toBe('Drones hit Kyiv overnight');
    expect(a!.input.published).toBe('2024-03-16');
    expect(a!.input.url).toBe('https://news.example/kyiv-drones');
    const text = a!.input.text;
    expect(text).toContain('Russian forces launched 30 drones at Kyiv on Friday night');
    expect(text).toContain('Officials said repairs');
    // paragraphs stay apart
    expect(text).toMatch(/surrounding region\.\n\nTwo people/);
    for (const furniture of ['Home', 'Subscribe', 'Most read', 'Celebrity', 'All rights reserved', 'Privacy']) expect(text).not.toContain(furniture);
  });

  it('.htm with no article falls back to the body without its furniture; JSON-LD and <time> dates are read', () => {
    const input = fromHtml(
      '<html><head><title>Short</title><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2023-11-02T10:00:00Z","headline":"Short"}</script></head>' +
        '<body><nav>Menu</nav><p>Shelling hit Donetsk.</p><footer>Footer</footer></body></html>',
    );
    expect(input.text).toBe('Shelling hit Donetsk.');
    expect(input.published).toBe('2023-11-02');
    expect(input.title).toBe('Short');
  });

  it('.json: one record, or an array of records each named by the line it starts on', async () => {
    const [single] = ok(await readArticles(write('one.json', JSON.stringify({ id: 'j1', text: SENTENCE, title: 'T', published: '2024-03-16', url: 'https://x.example' }))));
    expect(single!.input).toMatchObject({ id: 'j1', title: 'T', published: '2024-03-16', url: 'https://x.example', text: SENTENCE });
    expect(single!.origin).toMatch(/one\.json$/);
    const array = `[\n  {"id": "a", "text": "First."},\n  {\n    "id": "b",\n    "text": "Second, with a ] and a \\" inside."\n  },\n  {"id": "c", "text": "Third."}\n]\n`;
    const results = await readArticles(write('many.json', array));
    expect(ok(results).map((r) => [r.input.id, r.origin.replace(/.*many/, 'many')])).toEqual([
      ['a', 'many.json:2'],
      ['b', 'many.json:3'],
      ['c', 'many.json:7'],
    ]);
    expect(arrayElementLines('[1,\n[2,3],\n"x,y"]')).toEqual([1, 2, 3]);
  });

  it('.jsonl: one record per line, named path:line; blank lines are skipped but counted', async () => {
    const lines = [JSON.stringify({ id: 'l1', text: 'First.', date: 'March 16, 2024' }), '', JSON.stringify({ id: 'l3', text: 'Third.' })].join('\r\n');
    const results = ok(await readArticles(write('feed.jsonl', lines)));
    expect(results.map((r) => [r.input.id, r.origin.replace(/.*feed/, 'feed'), r.input.published])).toEqual([
      ['l1', 'feed.jsonl:1', '2024-03-16'],
      ['l3', 'feed.jsonl:3', null],
    ]);
  });

  it('.gz of each format reads like the uncompressed file', async () => {
    const files: Array<[string, string]> = [
      ['z.txt', SENTENCE],
      ['z.md', `---\ntitle: Z\n---\n${SENTENCE}`],
      ['z.html', HTML],
      ['z.htm', HTML],
      ['z.json', JSON.stringify([{ id: 'z1', text: SENTENCE }])],
      ['z.jsonl', `${JSON.stringify({ id: 'z2', text: SENTENCE })}\n`],
    ];
    for (const [name, content] of files) {
      const plain = ok(await readArticles(write(`gz/${name}`, content)));
      const zipped = ok(await readArticles(write(`gz/${name}.gz`, gzipSync(content))));
      expect(zipped.map((r) => r.input.text), name).toEqual(plain.map((r) => r.input.text));
      expect(zipped.map((r) => r.input.title), name).toEqual(plain.map((r) => r.input.title));
    }
  });

  it('UTF-8 with a BOM, UTF-16 LE and BE with a BOM', async () => {
    const text = `${SENTENCE} Café, Zaporizhzhia — “quoted”.`;
    const utf16be = Buffer.from(text, 'utf16le').swap16();
    const cases: Array<[string, Buffer]> = [
      ['bom8.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
      ['le16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
      ['be16.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be])],
    ];
    for (const [name, bytes] of cases) {
      const [a] = ok(await readArticles(write(name, bytes)));
      expect(a!.input.text, name).toBe(text);
    }
    const jsonl16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${JSON.stringify({ id: 'u', text })}\n`, 'utf16le')]);
    const [j] = ok(await readArticles(write('u16.jsonl', jsonl16)));
    expect(j!.input.text).toBe(text);
  });

  it('tells formats by extension, case-insensitively, with .gz after any of them', () => {
    expect(formatOf('a/B.HTM')).toEqual({ format: 'html', gzip: false });
    expect(formatOf('x.jsonl.gz')).toEqual({ format: 'jsonl', gzip: true });
    expect(formatOf('x.pdf')).toBeNull();
    expect(formatOf('x.gz')).toBeNull();
    expect(formatOf('README')).toBeNull();
  });

  it('reads dates as written, on every machine', () => {
    expect(isoDate('2024-03-16T23:30:00-05:00')).toBe('2024-03-16');
    expect(isoDate('Sat, 16 Mar 2024 23:30:00 +0200')).toBe('2024-03-16');
    expect(isoDate('March 16th, 2024')).toBe('2024-03-16');
    expect(isoDate('2024/3/6')).toBe('2024-03-06');
    expect(isoDate('2024-02-30')).toBeNull();
    expect(isoDate('yesterday')).toBeNull();
  });
});

describe('bad input: each is an InputError with a reason, never an exception', () => {
  it('empty files, white space only, markup without text', async () => {
    expect(fails(await readArticles(write('bad/empty.txt', '')))[0]).toMatchObject({ code: 'empty', message: expect.stringMatching(/empty/) });
    expect(fails(await readArticles(write('bad/blank.md', ' \n\t\n')))[0]?.code).toBe('blank');
    expect(fails(await readArticles(write('bad/front-only.md', '---\ntitle: x\n---\n')))[0]?.code).toBe('empty');
    expect(fails(await readArticles(write('bad/no-text.html', '<html><body><nav>Menu</nav></body></html>')))[0]?.code).toBe('empty');
    expect(fails(await readArticles(write('bad/blank.jsonl', '\n\n')))[0]).toMatchObject({ code: 'empty', message: expect.stringMatching(/no JSON lines/) });
    expect(fails(await readArticles(write('bad/empty.json', '[]')))[0]?.code).toBe('empty');
  });

  it('binary files, named by what they look like', async () => {
    const [nul] = fails(await readArticles(write('bad/binary.txt', Buffer.from([0x48, 0x69, 0x00, 0x01, 0xff, 0x00]))));
    expect(nul).toMatchObject({ code: 'binary', message: expect.stringMatching(/not a text file \(binary content at byte 2\)/) });
    const [pdf] = fails(await readArticles(write('bad/report.txt', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'))));
    expect(pdf).toMatchObject({ code: 'binary', message: expect.stringMatching(/PDF/) });
    const [gz] = fails(await readArticles(write('bad/secretly-gzip.txt', gzipSync(SENTENCE))));
    expect(gz!.message).toMatch(/gzip.*\.gz/);
    const [noise] = fails(await readArticles(write('bad/noise.txt', Buffer.from(Array.from({ length: 400 }, (_, i) => ((i * 7919) % 251) + 1)))));
    expect(noise!.code).toBe('binary');
    const [jsonl] = fails(await readArticles(write('bad/binary.jsonl', Buffer.from([0x7b, 0x00, 0x7d, 0x0a]))));
    expect(jsonl!.code).toBe('binary');
    const [utf16] = fails(await readArticles(write('bad/utf16-no-bom.txt', Buffer.from(SENTENCE, 'utf16le'))));
    expect(utf16!.message).toMatch(/UTF-16 text without a byte-order mark/);
  });

  it('invalid UTF-8, with the offset of the first bad byte, and invalid UTF-16', async () => {
    const [latin1] = fails(await readArticles(write('bad/latin1.txt', Buffer.from('Kyiv caf\xe9 attack', 'latin1'))));
    expect(latin1).toMatchObject({ code: 'encoding', message: expect.stringMatching(/not valid UTF-8 .*0xE9 at offset 8.*iconv/) });
    expect(() => decodeText(Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]), 'x')).toThrow(/UTF-16LE.*unpaired surrogate/);
    expect(() => decodeText(Buffer.from([0xff, 0xfe, 0x41]), 'x')).toThrow(/odd number of bytes/);
    const lines = Buffer.concat([Buffer.from(`${JSON.stringify({ id: 'a', text: 'Fine.' })}\n{"id": "b", "text": "caf`), Buffer.from([0xe9]), Buffer.from(`"}\n`)]);
    const results = await readArticles(write('bad/latin1.jsonl', lines));
    expect(ok(results.slice(0, 1))[0]!.input.id).toBe('a');
    expect(fails(results)[0]).toMatchObject({ line: 2, code: 'encoding' });
  });

  it('unreadable: a folder named like a file, a link to nothing', async () => {
    mkdirSync(join(dir, 'bad/folder.txt'), { recursive: true });
    const [folder] = fails(await readArticles(join(dir, 'bad/folder.txt')));
    expect(folder).toMatchObject({ code: 'unreadable', message: expect.stringMatching(/folder, not a file/) });
    symlinkSync(join(dir, 'bad/missing-target.txt'), join(dir, 'bad/dangling.txt'));
    const [dangling] = fails(await readArticles(join(dir, 'bad/dangling.txt')));
    expect(dangling!.code).toBe('not-found');
    const [jsonl] = fails(await readArticles(join(dir, 'bad/no-such.jsonl')));
    expect(jsonl!.code).toBe('not-found');
  });

  it('a file over --max-size is refused without being read; so is a JSONL line over it', async () => {
    const big = write('bad/big.txt', '');
    truncateSync(big, 50 * MB); // 50 MB of zeros, sparse: refused by its size before any byte is read
    const [tooBig] = fails(await readArticles(big));
    expect(tooBig).toMatchObject({ code: 'too-large', message: expect.stringMatching(/50 MB, over the 10 MB limit.*--max-size/) });
    const limits = { maxSize: 1000, maxUnzipped: 10 * MB };
    const [small] = fails(await readArticles(write('bad/over.md', 'x'.repeat(1001)), undefined, limits));
    expect(small!.code).toBe('too-large');
    const long = [JSON.stringify({ id: 'a', text: 'Short.' }), JSON.stringify({ id: 'b', text: 'y'.repeat(5000) }), JSON.stringify({ id: 'c', text: 'Short too.' })].join('\n');
    const results = await readArticles(write('bad/long.jsonl', long), undefined, limits);
    expect(ok(results.filter((r) => !(r instanceof InputError))).map((r) => r.input.id)).toEqual(['a', 'c']);
    expect(fails(results)[0]).toMatchObject({ line: 2, code: 'too-large' });
  });

  it('a gzip bomb is refused, whatever the format, without decompressing it all', async () => {
    const bomb = gzipSync(Buffer.alloc(64 * MB, 0x61), { level: 9 }); // 64 KB that would become 64 MB
    expect(bomb.length).toBeLessThan(200 * 1024);
    const started = performance.now();
    const [txt] = fails(await readArticles(write('bad/bomb.txt.gz', bomb)));
    expect(txt).toMatchObject({ code: 'unzip-limit', message: expect.stringMatching(/decompresses to more than 10 MB.*compression bomb/) });
    const lines = gzipSync(Buffer.from(`${JSON.stringify({ id: 'a', text: 'Fine.' })}\n`.repeat(2000)));
    const results = await readArticles(write('bad/bomb.jsonl.gz', lines), undefined, { maxSize: 10 * MB, maxUnzipped: 50_000 });
    expect(ok(results.filter((r) => !(r instanceof InputError))).length).toBeGreaterThan(100);
    expect(fails(results)).toEqual([expect.objectContaining({ code: 'unzip-limit', message: expect.stringMatching(/--max-unzipped/) })]);
    const [corrupt] = fails(await readArticles(write('bad/corrupt.txt.gz', gzipSync(SENTENCE).subarray(0, 20))));
    expect(corrupt!.code).toBe('gzip');
    expect(performance.now() - started).toBeLessThan(60_000); // a guard against decompressing it all, generous for a busy machine
  });

  it('malformed JSONL lines are reported by number, and the other lines are read', async () => {
    const lines = [
      JSON.stringify({ id: 'good-1', text: SENTENCE }),
      '{"id": "bad-2", "text": "unterminated',
      JSON.stringify({ id: 'notext-3', title: 'No text here' }),
      '[1, 2]',
      JSON.stringify({ id: 'date-5', text: SENTENCE, published: 'last week' }),
      JSON.stringify({ id: 'good-6', text: SENTENCE }),
    ].join('\n');
    const results = await readArticles(write('bad/mixed.jsonl', lines));
    expect(results.map((r) => (r instanceof InputError ? `${r.line}:${r.code}` : r.input.id))).toEqual(['good-1', '2:json', '3:json', '4:json', '5:json', 'good-6']);
    expect(fails(results)[1]!.message).toMatch(/no "text"/);
    expect(fails(results)[3]!.message).toMatch(/"published" must be a date/);
  });

  it('sizes parse with units', () => {
    expect(parseSize('10MB', '--max-size')).toBe(10 * MB);
    expect(parseSize('512 kb', '--max-size')).toBe(512 * 1024);
    expect(parseSize('1.5G', '--max-size')).toBe(1.5 * 2 ** 30);
    expect(() => parseSize('lots', '--max-size')).toThrow(/--max-size takes a size like 10MB/);
  });
});

describe('walking folders', () => {
  it('walks in sorted order, passes over hidden files, README.md and other formats, and applies --include and --exclude', () => {
    const root = join(dir, 'walk');
    for (const name of ['b.txt', 'a.md', 'c.pdf', '.hidden.txt', 'README.md', 'sub/d.html', 'sub/e.jsonl.gz', 'drafts/f.txt', '.git/g.txt', 'Z.txt']) {
      write(`walk/${name}`, SENTENCE);
    }
    const names = (entries: ReturnType<typeof walkPaths>) => entries.map((e) => (e instanceof InputError ? `!${e.code}` : e.origin.slice(e.origin.indexOf('walk/') + 5)));
    expect(names(walkPaths([root]))).toEqual(['Z.txt', 'a.md', 'b.txt', 'drafts/f.txt', 'sub/d.html', 'sub/e.jsonl.gz']);
    expect(names(walkPaths([root], { exclude: ['drafts'] }))).toEqual(['Z.txt', 'a.md', 'b.txt', 'sub/d.html', 'sub/e.jsonl.gz']);
    expect(names(walkPaths([root], { include: ['*.txt'] }))).toEqual(['Z.txt', 'b.txt', 'drafts/f.txt']);
    expect(names(walkPaths([root], { include: ['sub/**'], exclude: ['*.gz'] }))).toEqual(['sub/d.html']);
    // a file given by name is read whatever its extension says: a wrong one is an error
    expect(names(walkPaths([join(root, 'c.pdf')]))).toEqual(['!format']);
  });

  it('reports a folder link that loops back, and a link to itself, and reads a folder reached twice once', () => {
    const root = join(dir, 'loops');
    write('loops/a/one.txt', SENTENCE);
    symlinkSync(root, join(root, 'a', 'up')); // a/up → loops: a loop
    symlinkSync(join(root, 'a'), join(root, 'b')); // b → a: the same folder again
    symlinkSync(join(root, 'self.txt'), join(root, 'self.txt')); // a link to itself
    symlinkSync(join(root, 'gone.txt'), join(root, 'z-dangling.txt'));
    const entries = walkPaths([root]);
    const shown = entries.map((e) => (e instanceof InputError ? `${e.code} ${e.file.slice(e.file.indexOf('loops/'))}` : e.origin.slice(e.origin.indexOf('loops/'))));
    expect(shown).toEqual(['loops/a/one.txt', 'symlink-loop loops/a/up', 'symlink-loop loops/self.txt', 'not-found loops/z-dangling.txt']);
  });

  it('leaves out the folders it is told to skip (the run\'s own output)', () => {
    write('skip/in.txt', SENTENCE);
    write('skip/out/documents.jsonl', '{}');
    const entries = walkPaths([join(dir, 'skip')], { skip: [join(dir, 'skip', 'out')] });
    expect(entries.map((e) => (e instanceof InputError ? e.code : e.origin.slice(-6)))).toEqual(['in.txt']);
  });
});
