// The benchmark corpus: real news text from ../shared/data (the Giveme5W1H articles and the
// PLOVER sentences, eight to a document) and corpus/, varied (sentences shuffled per copy,
// with a fixed seed) so that documents differ while the language stays the same.
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;

export function baseTexts(): string[] {
  const texts: string[] = [];
  const data = `${root}../shared/data`;
  const lines = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { text: string }) : []);
  for (const a of lines(`${data}/giveme5w1h.jsonl`)) texts.push(a.text);
  const plover = lines(`${data}/plover-gsr.jsonl`).map((r) => r.text);
  for (let i = 0; i < plover.length; i += 8) texts.push(plover.slice(i, i + 8).join(' '));
  for (const f of readdirSync(`${root}corpus`)) if (f.endsWith('.txt')) texts.push(readFileSync(`${root}corpus/${f}`, 'utf8'));
  return texts;
}

/** n documents: the texts themselves first, then copies with their sentences in another order. */
export function corpus(texts: string[], n: number): string[] {
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const out: string[] = [];
  for (let i = 0; out.length < n; i++) {
    const text = texts[i % texts.length]!;
    if (i < texts.length) {
      out.push(text);
      continue;
    }
    const sentences = text.split(/(?<=[.!?])\s+/);
    for (let k = sentences.length - 1; k > 0; k--) {
      const j = Math.floor(random() * (k + 1));
      [sentences[k], sentences[j]] = [sentences[j]!, sentences[k]!];
    }
    out.push(sentences.join(' '));
  }
  return out;
}
