// From tokenised text to what the tagger reads: sentences of tokens with wink's parts of speech,
// lexicon memberships and the document's context. Training and evaluation (CoNLL's tokens, whose
// sentences wink re-reads for parts of speech) and the pipeline (wink's own tokens, which carry
// their part of speech already) meet here.
import { readFileSync } from 'node:fs';
import type { Doc } from '../../doc.js';
import type { Wink } from '../../stages/sentences/wink.js';
import { documentContext, type DocumentContext, type FeatureSentence, type FeatureToken } from './features.js';
import { lexiconFeatures, type LexiconSources, type LexToken } from './lexicon.js';
import { bioToBilou, type TagSpan } from './tags.js';
import type { GazetteerMatch } from '../../stages/entities/gazetteer.js';

export interface TokenisedSentence {
  /** tokens with character offsets into the document's text */
  tokens: LexToken[];
  /** parts of speech, when the tokeniser gave them (wink's tokens in the pipeline) */
  pos?: string[];
  /** gold BILOU tags, when known */
  gold?: string[];
}

export interface TokenisedDoc {
  /** where the document starts in its file, for messages */
  where: string;
  text: string;
  sentences: TokenisedSentence[];
}

export class NerDataError extends Error {}

/**
 * CoNLL-2003 ("token TAG" or "token POS CHUNK TAG", blank lines between sentences, -DOCSTART-
 * lines between documents) as documents whose text is the tokens joined by spaces and the
 * sentences by line breaks; tags become BILOU.
 */
export function readConllDocs(path: string): TokenisedDoc[] {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (error) {
    throw new NerDataError(`cannot read ${path}: ${(error as Error).message}`);
  }
  const docs: TokenisedDoc[] = [];
  let doc: { where: string; parts: string[]; length: number; sentences: TokenisedSentence[] } | null = null;
  let words: string[] = [];
  let tags: string[] = [];
  const endSentence = () => {
    if (!words.length) return;
    doc ??= { where: `${path}:1`, parts: [], length: 0, sentences: [] };
    if (doc.length > 0) {
      doc.parts.push('\n');
      doc.length++;
    }
    const tokens: LexToken[] = [];
    words.forEach((w, i) => {
      if (i > 0) {
        doc!.parts.push(' ');
        doc!.length++;
      }
      tokens.push({ start: doc!.length, end: doc!.length + w.length, text: w });
      doc!.parts.push(w);
      doc!.length += w.length;
    });
    doc.sentences.push({ tokens, gold: bioToBilou(tags) });
    words = [];
    tags = [];
  };
  const endDoc = () => {
    endSentence();
    if (doc && doc.sentences.length) docs.push({ where: doc.where, text: doc.parts.join(''), sentences: doc.sentences });
    doc = null;
  };
  raw.split(/\r?\n/).forEach((line, i) => {
    const fields = line.trim().split(/\s+/).filter(Boolean);
    if (!fields.length) return endSentence();
    if (fields[0] === '-DOCSTART-') {
      endDoc();
      doc = { where: `${path}:${i + 1}`, parts: [], length: 0, sentences: [] };
      return;
    }
    const tag = fields[fields.length - 1]!;
    if (fields.length < 2 || !/^(O|[BI]-(PER|ORG|LOC|MISC))$/.test(tag)) {
      throw new NerDataError(`${path}:${i + 1}: expected "token TAG" with TAG one of O, B-X, I-X (X: PER, ORG, LOC, MISC), not ${JSON.stringify(line.trim())}`);
    }
    words.push(fields[0]!);
    tags.push(tag);
  });
  endDoc();
  if (!docs.length) throw new NerDataError(`${path} holds no tokens`);
  return docs.length === 1 ? splitAtDatelines(docs[0]!) : docs;
}

const DATELINE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A copy of CoNLL-2003 without its -DOCSTART- lines is one long text, and the document-level
 * features would then see the whole corpus as one article. Every Reuters story in it opens with
 * a headline and then a dateline ("LONDON 1996-08-30"): a document is cut before each headline.
 */
export function splitAtDatelines(doc: TokenisedDoc): TokenisedDoc[] {
  const isDateline = (s: TokenisedSentence) => s.tokens.length <= 8 && DATELINE.test(s.tokens[s.tokens.length - 1]!.text);
  const starts = [0];
  doc.sentences.forEach((s, i) => {
    const start = i > 0 && !isDateline(doc.sentences[i - 1]!) ? i - 1 : i;
    if (isDateline(s) && start > starts[starts.length - 1]!) starts.push(start);
  });
  return starts.map((first, k) => {
    const sentences = doc.sentences.slice(first, starts[k + 1] ?? doc.sentences.length);
    const base = sentences[0]!.tokens[0]!.start;
    const last = sentences[sentences.length - 1]!;
    const text = doc.text.slice(base, last.tokens[last.tokens.length - 1]!.end);
    return {
      where: `${doc.where} (document ${k + 1}, cut at its dateline)`,
      text,
      sentences: sentences.map((s) => ({ ...s, tokens: s.tokens.map((t) => ({ ...t, start: t.start - base, end: t.end - base })) })),
    };
  });
}

/**
 * wink cuts a word at some letters outside ASCII ("Erdo" "ğ" "an") and at hyphens ("al" "-"
 * "Assad"); CoNLL, which the tagger learnt from, keeps such words whole. The tagger's words are
 * runs of tokens with nothing between them that join letter to letter or across a hyphen
 * between letters or digits: [first, end) token indices of each.
 */
export function wordPieces(text: string, tokens: readonly { start: number; end: number }[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let first = 0;
  for (let i = 1; i <= tokens.length; i++) {
    if (i < tokens.length && tokens[i]!.start === tokens[i - 1]!.end && joins(text, tokens, i)) continue;
    out.push([first, i]);
    first = i;
  }
  return out;
}

const ALNUM = /[\p{L}\p{N}]/u;
const HYPHEN = /[-‐‑]/;

function joins(text: string, tokens: readonly { start: number; end: number }[], i: number): boolean {
  const before = text[tokens[i]!.start - 1] ?? '';
  const after = text[tokens[i]!.start] ?? '';
  if (ALNUM.test(before) && ALNUM.test(after)) return true;
  // "al" "-" "Assad": the hyphen joins when letters stand on both its sides
  if (HYPHEN.test(after) && tokens[i]!.end - tokens[i]!.start === 1 && ALNUM.test(before)) return ALNUM.test(text[tokens[i]!.end] ?? '') && tokens[i + 1]?.start === tokens[i]!.end;
  if (HYPHEN.test(before) && ALNUM.test(after)) return i >= 2 && ALNUM.test(text[tokens[i - 1]!.start - 1] ?? '') && tokens[i - 1]!.start === tokens[i - 2]!.end;
  return false;
}

/** wink's part of speech for each token of a sentence it did not tokenise itself: the tag of the wink token where each token starts. */
export function alignedPos(nlp: Wink, line: string, tokens: readonly { start: number; end: number }[], base: number): string[] {
  const wdoc = nlp.readDoc(line);
  const words = wdoc.tokens().out() as string[];
  const pos = wdoc.tokens().out(nlp.its.pos) as string[];
  const starts: number[] = [];
  let cursor = 0;
  for (const w of words) {
    const at = line.indexOf(w, cursor);
    starts.push(at < 0 ? cursor : at);
    if (at >= 0) cursor = at + w.length;
  }
  const out: string[] = [];
  let k = 0;
  for (const t of tokens) {
    const s = t.start - base;
    while (k + 1 < starts.length && starts[k + 1]! <= s) k++;
    out.push(pos[k] ?? 'X');
  }
  return out;
}

export interface PreparedDoc {
  sentences: FeatureSentence[];
  context: DocumentContext;
}

/**
 * The tagger's input for a document. Sentences without parts of speech are read by wink one
 * line at a time; gazetteer matches may be passed in when the caller has found them already.
 */
export function prepareDoc(doc: TokenisedDoc, src: LexiconSources, nlp: Wink | null, matches?: readonly GazetteerMatch[]): PreparedDoc {
  const all = doc.sentences.flatMap((s) => s.tokens);
  const lex = lexiconFeatures(doc.text, all, src, matches);
  let k = 0;
  const sentences = doc.sentences.map((s) => {
    let pos = s.pos;
    if (!pos) {
      if (!nlp) throw new NerDataError(`${doc.where}: tokens without parts of speech need wink`);
      const first = s.tokens[0]!;
      const last = s.tokens[s.tokens.length - 1]!;
      pos = alignedPos(nlp, doc.text.slice(first.start, last.end), s.tokens, first.start);
    }
    const tokens: FeatureToken[] = s.tokens.map((t, i) => ({ text: t.text, pos: pos![i] ?? 'X', lex: lex[k + i]! }));
    k += s.tokens.length;
    return { tokens };
  });
  return { sentences, context: documentContext(sentences) };
}

/** Character spans of token spans. */
export function charSpans(sentence: TokenisedSentence, spans: readonly TagSpan[]): Array<{ type: string; start: number; end: number }> {
  return spans.map((s) => ({ type: s.type, start: sentence.tokens[s.start]!.start, end: sentence.tokens[s.end - 1]!.end }));
}

/**
 * The pipeline's sentences as the tagger's words (wordPieces), each with the part of speech of
 * its first token; `pieces` gives, per sentence, each word's [first, end) indices in doc.tokens.
 */
export function tokenisedFromDoc(doc: Doc): { tokenised: TokenisedDoc; pieces: Array<Array<[number, number]>> } {
  const pieces: Array<Array<[number, number]>> = [];
  const sentences = doc.sentences.map((s) => {
    const toks = doc.tokens.slice(s.firstToken, s.endToken);
    const words = wordPieces(doc.text, toks);
    pieces.push(words.map(([a, b]) => [s.firstToken + a, s.firstToken + b]));
    return {
      tokens: words.map(([a, b]) => ({ start: toks[a]!.start, end: toks[b - 1]!.end, text: doc.text.slice(toks[a]!.start, toks[b - 1]!.end) })),
      pos: words.map(([a]) => toks[a]!.pos),
    };
  });
  return { tokenised: { where: doc.meta.id ?? 'document', text: doc.text, sentences }, pieces };
}
