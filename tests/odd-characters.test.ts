// Odd input a newcomer meets (issue 17): zero-width joiners and combining marks stay inside
// words and mentions, a white-space-only file is "blank" (not "empty"), and a NUL is refused
// alike in every format.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../src/io/errors.js';
import { articleFromLine } from '../src/io/json.js';
import { readDocument } from '../src/io/read.js';
import { readLines } from '../src/io/lines.js';
import { DEFAULT_LIMITS } from '../src/io/formats.js';
import { pipeline } from './helpers.js';

const mentions = (text: string) => pipeline().process({ text }).entities.flatMap((e) => e.mentions.map((m) => m.text));

describe('joiners and combining marks', () => {
  it('keeps a zero-width joiner inside an emoji sequence and a non-joiner inside a word', () => {
    const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';
    expect(pipeline().process({ text: `The ${family} family left the city on Monday.` }).text).toContain(family);
    const word = 'می\u200Cخواهم';
    expect(pipeline().process({ text: `He wrote ${word} in the letter.` }).text).toContain(word);
  });

  it('drops a joiner that joins nothing', () => {
    expect(pipeline().process({ text: 'Troops \u200D withdrew\u200D from the town.' }).text).toBe('Troops withdrew from the town.');
  });

  it('a mention runs through combining marks and letters beyond Latin-1', () => {
    expect(mentions('Mayor Ahmad Sha\u0304h\u0332 spoke in Kabul on Monday.')).toContain('Ahmad Sh\u0101h\u0332'); // NFC composes a + macron
    expect(mentions('President Recep Tayyip Erdoğan spoke in Ankara on Monday.')).toContain('Recep Tayyip Erdoğan');
    for (const text of ['Mayor Ahmad Sha\u0304h\u0332 spoke.', 'Officials met in Łódź.']) {
      const record = pipeline().process({ text });
      for (const e of record.entities) for (const m of e.mentions) expect(/\p{M}/u.test(record.text[m.end] ?? ''), m.text).toBe(false);
    }
  });
});

describe('blank and NUL', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'sitrep-odd-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  const read = async (name: string, content: string | Buffer, format: 'txt' | 'md' | 'html' = 'txt') => {
    writeFileSync(join(tmp, name), content);
    return readDocument(join(tmp, name), name, format, false, DEFAULT_LIMITS);
  };

  it('a file of white space only is blank, an empty one empty', async () => {
    expect(await read('blank.txt', ' \n\t \n')).toMatchObject({ code: 'blank', message: 'the file is blank (only white space)' });
    expect(await read('empty.txt', '')).toMatchObject({ code: 'empty' });
    expect(articleFromLine(JSON.stringify({ text: '  \n ' }), 'f.jsonl', 1)).toMatchObject({ code: 'blank' });
  });

  it('a NUL is refused as binary in a .txt, an .md, a JSONL line and a JSON string alike', async () => {
    expect(await read('nul.txt', 'Shelling hit the town.\u0000 Two died.')).toMatchObject({ code: 'binary' });
    expect(await read('nul.md', '# Title\n\nShelling\u0000 hit the town.', 'md')).toMatchObject({ code: 'binary' });
    expect(articleFromLine(JSON.stringify({ text: 'Shelling\u0000 hit the town.' }), 'f.jsonl', 3)).toMatchObject({ code: 'binary', line: 3 });
    expect(articleFromLine(`{"text": "Shelling\u0000 hit the town."}`, 'f.jsonl', 4)).toMatchObject({ code: 'binary', line: 4 });
    // a NUL far into a JSONL file, past the first chunk that is sniffed for binary content
    const lines = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ id: `n${i}`, text: `Report number ${i} of shelling in the town.` }));
    lines.push(JSON.stringify({ id: 'late', text: 'Late\u0000 report.' }));
    writeFileSync(join(tmp, 'feed.jsonl'), `${lines.join('\n')}\n`);
    const items = [];
    for await (const item of readLines(join(tmp, 'feed.jsonl'), 'feed.jsonl', false, DEFAULT_LIMITS)) items.push(item);
    const last = items.at(-1)!;
    const parsed = last instanceof InputError ? last : articleFromLine(last.text, 'feed.jsonl', last.line);
    expect(parsed).toMatchObject({ code: 'binary', line: 3001 });
  });
});
