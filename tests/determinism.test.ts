// A record depends on its own document alone: not on which documents the same pipeline (and
// the same wink-nlp instance, which learns every new word it reads) processed before it. Batch
// runs split the work between threads differently each time, so without this their datasets
// would differ from run to run.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedWink } from '../src/stages/sentences/wink.js';
import { pipeline } from './helpers.js';

// wink splits "Macron's" in the first text, unless it has read the second, where it takes the
// word whole ("Macron's," ends in punctuation) and learns it
const possessive = "Officials said President Emmanuel Macron would visit Kyiv. The delegation met Macron's senior staff on Tuesday.";
const learnsIt = "The decision was Macron's, officials in Paris said.";
const passages = [
  { text: possessive, published: '2024-05-06' },
  ...(JSON.parse(readFileSync(new URL('./cases/sentences.json', import.meta.url), 'utf8')) as Array<{ text: string; published: string }>),
  { text: learnsIt, published: '2024-05-06' },
];

describe('history independence', () => {
  it('wink splits a possessive the same before and after it has read the word whole', () => {
    const nlp = sharedWink();
    const text = possessive;
    const before = nlp.readDoc(text).tokens().out();
    nlp.readDoc(learnsIt);
    expect(nlp.readDoc(text).tokens().out()).toEqual(before);
    expect(before.slice(-6)).toEqual(['Macron', "'s", 'senior', 'staff', 'on', 'Tuesday', '.'].slice(-6));
    expect(before).toContain("'s");
  });

  it('tags a new number as a number even when another document first met it glued to a month', () => {
    // made-up four-digit numbers that no vocabulary holds: the first is met only where it
    // stands alone, the second first glued to a month ("Sep.0846": wink's tokenizer splits it
    // off as a word), then alone
    const nlp = sharedWink();
    const tagOf = (text: string, word: string) => {
      const doc = nlp.readDoc(text);
      const words = doc.tokens().out();
      return [doc.tokens().out(nlp.its.type)[words.indexOf(word)], doc.tokens().out(nlp.its.pos)[words.indexOf(word)]];
    };
    const fresh = tagOf('The convoy left the base at 0917 yesterday.', '0917');
    expect(fresh).toEqual(['number', 'NUM']);
    tagOf('Trading in the shares stopped on Sep.0846 at noon.', '0846');
    expect(tagOf('The convoy left the base at 0846 yesterday.', '0846')).toEqual(fresh);
  });

  it('gives every passage the same record whether read first, last or after the others', () => {
    const p = pipeline();
    const read = (i: number) => JSON.stringify(p.process(passages[i]!));
    const forward = passages.map((_, i) => read(i));
    const reversed = passages.map((_, i) => passages.length - 1 - i).map((i) => [i, read(i)] as const);
    for (const [i, record] of reversed) expect(record, `passage ${i}`).toBe(forward[i]);
  });
});
