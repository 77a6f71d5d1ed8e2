// Stage 2: sentences and tokens from wink-nlp, with character offsets into doc.text.
// wink works on token indices; we rebuild offsets by walking each token through the
// paragraph, so `text.slice(start, end) === token.text` always holds.
import type { Sentence, Token } from '../../doc.js';
import type { PipelineContext, Stage } from '../../pipeline.js';
import { fold } from '../../text.js';

/**
 * A line is a heading when it is marked as one (Markdown's "## Clash at the border", wiki
 * markup's "== The attack =="), or when it is short and does not end like a sentence.
 */
export function isHeading(line: string): boolean {
  if (MARKED_HEADING.test(line)) return true;
  if (/[.!?:;,"”’'…)\]]$/.test(line) || /[.!?]\s+\p{Lu}/u.test(line)) return false; // a heading is one phrase, not sentences
  if (!/^[\p{Lu}\p{N}"“'‘]/u.test(line)) return false;
  return wordCount(line, 14) <= 14; // it starts with a letter or digit, so it has a word
}

const MARKED_HEADING = /^\s*(#{1,6}\s|={2,}\s*\S.*={2,}\s*$)/;

/** Words (runs of non-space) in a line, counted up to one more than `max`. */
function wordCount(line: string, max: number): number {
  const word = /\S+/g;
  let n = 0;
  while (n <= max && word.test(line)) n++;
  return n;
}

export function sentencesStage(ctx: PipelineContext): Stage {
  const nlp = ctx.wink;
  const its = nlp.its;
  return {
    name: 'sentences',
    requires: ['text'],
    assigns: ['sentences', 'tokens'],
    run(doc) {
      const text = doc.text;
      const lines = text.split('\n');
      let lineStart = 0;
      for (const line of lines) {
        const base = lineStart;
        lineStart += line.length + 1;
        if (!line.trim()) continue;
        const heading = isHeading(line);
        // what wink reads: the line with the same offsets, its pathological and odd characters evened out
        const seen = forWink(line);
        const wdoc = nlp.readDoc(seen);
        const words = wdoc.tokens().out() as string[];
        const pos = wdoc.tokens().out(its.pos) as string[];
        const lemma = wdoc.tokens().out(its.lemma as unknown as typeof its.pos) as string[];
        const kinds = wdoc.tokens().out(its.type) as string[];
        const starts: number[] = [];
        const ends: number[] = [];
        let cursor = 0;
        for (const word of words) {
          let at = seen.indexOf(word, cursor);
          const gap = skipSpace(seen, cursor); // only white space may lie between two tokens
          if (at < 0 || gap < at) at = gap;
          const end = Math.min(line.length, at < 0 ? cursor : at + word.length);
          starts.push(base + Math.max(at, cursor));
          ends.push(base + end);
          cursor = end;
        }
        const spans: Array<[number, number]> = heading
          ? [[0, words.length - 1]]
          : (wdoc.sentences().out(its.span) as unknown as Array<[number, number]>);
        for (const [first, last] of spans) {
          const index = doc.sentences.length;
          const firstToken = doc.tokens.length;
          for (let t = first; t <= last; t++) {
            const start = starts[t]!;
            const end = ends[t]!;
            if (end <= start) continue;
            // wink's own string for the token when it is the text's (almost always): no copy
            const word = words[t]!;
            const surface = word.length === end - start && text.startsWith(word, start) ? word : text.slice(start, end);
            doc.tokens.push({
              start,
              end,
              text: surface,
              lower: fold(surface),
              lemma: lemma[t] ?? surface.toLowerCase(),
              pos: pos[t] ?? 'X',
              kind: kinds[t] ?? 'word',
              sentence: index,
            });
          }
          const endToken = doc.tokens.length;
          if (endToken === firstToken) continue;
          const sentence: Sentence = {
            start: doc.tokens[firstToken]!.start,
            end: doc.tokens[endToken - 1]!.end,
            heading,
            firstToken,
            endToken,
          };
          doc.sentences.push(sentence);
        }
      }
    },
  };
}

/**
 * The longest run of non-space characters wink is given. wink's tokenizer takes time growing
 * with the square of a token's length (a 200,000-character token took 90 s), and no word is
 * that long: a longer run is cut by a space every MAX_RUN characters. The space replaces a
 * character, so offsets into the line still hold (the token texts are sliced from the line).
 */
export const MAX_RUN = 256;

/**
 * What wink splits words at though they belong to them: letters past Latin-1 ("Erdoğan",
 * "Łódź", "Shāh" came out as "Erdo" + "ğ" + "an"), combining marks after a letter, and
 * zero-width (non-)joiners between letters. wink reads a plain letter in their place (an
 * upper-case one for an upper-case letter, so capitals still count), with the same length and
 * offsets; the token's text, sliced from the line, keeps the real characters.
 */
const IN_WORD = /(?![\u0000-\u00FF])\p{L}|(?<=\p{L}\p{M}*)\p{M}|(?<=\p{L}\p{M}*)[\u200C\u200D](?=\p{L})/gu;

function forWink(line: string): string {
  const broken = breakLongRuns(line);
  if (!/[\u0100-\uFFFF]/.test(broken)) return broken;
  return broken.replace(IN_WORD, (m) => (/\p{Lu}/u.test(m) ? 'X' : 'x').repeat(m.length));
}

function breakLongRuns(line: string): string {
  if (line.length <= MAX_RUN) return line;
  let out: string[] | null = null;
  let from = 0;
  for (const m of line.matchAll(/\S{257,}/g)) {
    out ??= [];
    for (let at = m.index + MAX_RUN; at < m.index + m[0].length; at += MAX_RUN + 1) {
      out.push(line.slice(from, at), ' ');
      from = at + 1;
    }
  }
  if (!out) return line;
  out.push(line.slice(from));
  return out.join('');
}

/** The first character at or after `from` that is not white space; a speed trick: ASCII is decided by character code. */
function skipSpace(line: string, from: number): number {
  let i = from;
  for (; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) continue;
    if (c < 128 || !/\s/.test(line[i]!)) break;
  }
  return i;
}

export type { Token };
