// From tokenised text to what the tagger reads: sentences of tokens with wink's parts of speech,
// lexicon memberships and the document's context. Training and evaluation (CoNLL's tokens, whose
// sentences wink re-reads for parts of speech) and the pipeline (wink's own tokens, which carry
// their part of speech already) meet here.
import { readFileSync } from 'node:fs';
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
  return docs;
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
