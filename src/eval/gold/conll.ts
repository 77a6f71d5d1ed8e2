// CoNLL BIO named-entity gold: one "token TAG" per line, or CoNLL-2003's four columns
// "token POS CHUNK TAG" (the first column is the token, the last the tag); a blank line between
// sentences; "-DOCSTART-" lines start documents. A copy without them (as some releases of
// CoNLL-2003 are) is cut before each Reuters story's headline, which its dateline follows
// ("LONDON 1996-08-30"), so that a story is scored as the article it is, not as part of one
// text of fifty thousand words.
// Tags are O, B-X and I-X with X one of PER, ORG, LOC, MISC; IOB1 (a span opened by I-, B- only
// between two touching spans of one type) is read as well as IOB2.
//
// The text is rebuilt: tokens joined by one space, sentences by a line break, so every offset
// is exact. Our entity types are mapped onto CoNLL's labels by CONLL_LABEL.
import { InputError } from '../../io/errors.js';
import type { GoldDoc, GoldSet, GoldSpan } from './types.js';

export const CONLL_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;

/** Our entity type → the CoNLL label it is scored as; EQUIPMENT and DATE have none and are not scored. */
export const CONLL_LABEL: Readonly<Record<string, string | null>> = {
  PERSON: 'PER',
  ORG: 'ORG',
  ARMED_GROUP: 'ORG',
  GPE: 'LOC',
  LOC: 'LOC',
  FACILITY: 'LOC',
  NORP: 'MISC',
  MISC: 'MISC',
  EQUIPMENT: null,
  DATE: null,
};

const TAG = /^(?:O|([BI])-(PER|ORG|LOC|MISC))$/;

interface Builder {
  where: string;
  parts: string[];
  length: number;
  spans: GoldSpan[];
  open: GoldSpan | null;
  sentenceStarted: boolean;
}

export function readConll(path: string, text: string): GoldSet {
  const docs: GoldDoc[] = [];
  let doc: Builder | null = null;
  const start = (line: number): Builder => ({ where: `${path}:${line}`, parts: [], length: 0, spans: [], open: null, sentenceStarted: false });
  const close = (b: Builder) => {
    if (b.open) b.spans.push(b.open);
    b.open = null;
  };
  const finish = () => {
    if (!doc) return;
    close(doc);
    if (doc.length > 0) docs.push({ id: `${docs.length + 1}`, where: doc.where, text: doc.parts.join(''), entities: doc.spans });
    doc = null;
  };

  const lines = text.split(/\r?\n/);
  const storyStarts = lines.some((l) => l.trimStart().startsWith('-DOCSTART-')) ? new Set<number>() : headlineLines(lines);
  lines.forEach((raw, i) => {
    const line = i + 1;
    const fields = raw.trim().split(/\s+/).filter(Boolean);
    if (storyStarts.has(i)) finish();
    if (fields.length === 0) {
      if (doc) {
        close(doc);
        doc.sentenceStarted = false;
      }
      return;
    }
    if (fields[0] === '-DOCSTART-') {
      finish();
      doc = start(line);
      return;
    }
    if (fields.length < 2) throw new InputError(path, `expected "token TAG" (or "token POS CHUNK TAG"), not ${JSON.stringify(raw.trim())}`, line);
    const token = fields[0]!;
    const tag = fields[fields.length - 1]!;
    const m = TAG.exec(tag);
    if (!m) throw new InputError(path, `bad tag ${JSON.stringify(tag)}; CoNLL gold uses O, B-X and I-X with X one of ${CONLL_TYPES.join(', ')}`, line);
    const b: Builder = doc ?? (doc = start(line));
    // separator: a space inside a sentence, a line break between sentences
    if (b.length > 0) {
      const sep = b.sentenceStarted ? ' ' : '\n';
      b.parts.push(sep);
      b.length += sep.length;
    }
    b.sentenceStarted = true;
    const from = b.length;
    b.parts.push(token);
    b.length += token.length;
    const [, bio, type] = m;
    if (!bio) close(b);
    else if (bio === 'I' && b.open && b.open.type === type) b.open.end = b.length;
    else {
      // B-, or I- opening a span (IOB1, or a stray I- after O or another type)
      close(b);
      b.open = { type: type!, start: from, end: b.length };
    }
  });
  finish();
  if (docs.length === 0) throw new InputError(path, 'the file holds no tokens');
  return { path, format: 'conll', entityScheme: 'conll', docs };
}

const DATELINE = /^\d{4}-\d{2}-\d{2}$/;

/** The first line of each story's headline after the first story: the sentence before a dateline sentence (or the dateline itself after another). */
function headlineLines(lines: readonly string[]): Set<number> {
  const sentences: Array<{ first: number; tokens: string[] }> = [];
  let current: { first: number; tokens: string[] } | null = null;
  lines.forEach((raw, i) => {
    const token = raw.trim().split(/\s+/)[0];
    if (!token) current = null;
    else (current ??= sentences[sentences.push({ first: i, tokens: [] }) - 1]!).tokens.push(token);
  });
  const isDateline = (k: number) => sentences[k]!.tokens.length <= 8 && DATELINE.test(sentences[k]!.tokens[sentences[k]!.tokens.length - 1]!);
  const starts = new Set<number>();
  let last = 0;
  sentences.forEach((_, k) => {
    if (!isDateline(k)) return;
    const start = k > 0 && !isDateline(k - 1) ? k - 1 : k;
    if (start > last) starts.add(sentences[start]!.first);
    last = Math.max(last, start);
  });
  return starts;
}
