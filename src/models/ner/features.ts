// The named-entity tagger's features: what it sees of a word, its neighbours, its sentence
// and its document. Pure: the lexicon memberships (lexicon.ts) and the parts of speech come in
// with the tokens, so the same function serves training (CoNLL tokens) and the pipeline (wink's
// tokens), and can be tested on its own.
//
// The templates are the ones that won CoNLL-2003 for linear models (Ratinov and Roth 2009,
// Stanford's CRF): the word, its shape and affixes, a window of two words each side, parts of
// speech, lexicon membership as features rather than verdicts, and document-level consistency
// (is this word written with a capital elsewhere in the article, where a capital means a name?).
// The previous tags are not features here: the decoder's tag-to-tag transition weights carry them.

export interface FeatureToken {
  text: string;
  /** wink-nlp's universal part of speech */
  pos: string;
  /** lexicon memberships of this token, e.g. "geo:B", "gz:GPE:U", "cp:FirstName" (lexicon.ts) */
  lex: readonly string[];
}

export interface FeatureSentence {
  tokens: readonly FeatureToken[];
}

/** What the rest of the document says about each word (documentContext). */
export interface DocumentContext {
  /** lower-cased words the document writes with a capital in the middle of an ordinary sentence */
  capitalised: ReadonlySet<string>;
  /** lower-cased words the document writes in lower case */
  lowercase: ReadonlySet<string>;
}

/**
 * The feature templates, in the order features are emitted. Their list is hashed into the
 * model's version (FEATURE_VERSION): change a template, and the committed weights no longer
 * match until `npm run train:ner` is run again (tests/ner-model.test.ts checks this).
 */
export const TEMPLATES = [
  'bias', 'word', 'lower', 'shape', 'short-shape', 'prefix1-4', 'suffix1-4', 'pos', 'pos-1|pos', 'pos|pos+1',
  'lower-2', 'lower-1', 'lower+1', 'lower+2', 'lower-1|lower', 'lower|lower+1', 'short-shape-1|short-shape',
  'short-shape|short-shape+1', 'first|short-shape', 'doc-capitalised|short-shape', 'doc-lowercase|short-shape',
  'capitals-sentence|lower', 'capitals-sentence|short-shape', 'capitals-sentence-caseless', 'hyphen-parts',
  'lexicon(gazetteer,geonames,acronyms,names,compromise)', 'lexicon-1', 'lexicon+1',
  'lexicon|short-shape', 'length',
] as const;

const VERSION_SALT = 'ner-features-3';

/** A hash of the template list: stored in the weights, compared by the loader and the tests. */
export const FEATURE_VERSION = hashHex(`${VERSION_SALT}:${TEMPLATES.join(',')}`);

/** FNV-1a over UTF-16 code units, never 0 (0 marks an empty slot in the model's table). */
export function hashFeature(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0 || 1;
}

function hashHex(s: string): string {
  return hashFeature(s).toString(16).padStart(8, '0');
}

/** "Erdoğan" → "Xxxxx", "F-16" → "X-dd", "al-Assad" → "xx-Xxxxx": letters and digits by class, runs kept up to four. */
export function shape(word: string): string {
  let out = '';
  let last = '';
  let run = 0;
  for (const ch of word) {
    const c = charClass(ch);
    if (c === last) {
      run++;
      if (run > 4) continue;
    } else {
      last = c;
      run = 1;
    }
    out += c;
  }
  return out;
}

/** Each run of one class written once: "Erdoğan" → "Xx", "F-16" → "X-d", "U.S." → "X.X." */
export function shortShape(word: string): string {
  let out = '';
  let last = '';
  for (const ch of word) {
    const c = charClass(ch);
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

function charClass(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c < 128) {
    if (c >= 65 && c <= 90) return 'X';
    if (c >= 97 && c <= 122) return 'x';
    if (c >= 48 && c <= 57) return 'd';
    return ch;
  }
  if (/\p{Lu}|\p{Lt}/u.test(ch)) return 'X';
  if (/\p{L}/u.test(ch)) return 'x';
  if (/\p{N}/u.test(ch)) return 'd';
  if (/['’‘`]/.test(ch)) return "'";
  if (/[‐-―]/.test(ch)) return '-';
  return ch;
}

/** Lower case with typographic apostrophes and dashes folded, so news and CoNLL spell words alike. */
export function normalizeWord(word: string): string {
  return word.toLowerCase().replace(/[’‘`´]/g, "'").replace(/[‐-―]/g, '-').replace(/\d/g, '0');
}

function startsWithCapital(word: string): boolean {
  const c = word.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : /^\p{Lu}/u.test(word);
}

function hasLetter(word: string): boolean {
  return /\p{L}/u.test(word);
}

/**
 * Is the sentence a headline written in capitals ("SOCCER - JAPAN GET LUCKY WIN") or in title
 * case ("Clash at the Border": every word of four letters or more capitalised, and no full stop
 * at the end)? Either way a capital says nothing about a name, and the words are shown to the
 * model without their case, so that a title-case headline looks like the wire headlines it
 * learnt from.
 */
export function capitalsSentence(tokens: readonly { text: string }[]): boolean {
  let words = 0;
  let upper = 0;
  let long = 0;
  let longCapital = 0;
  for (const t of tokens) {
    if (!hasLetter(t.text)) continue;
    words++;
    if (t.text === t.text.toUpperCase()) upper++;
    if (t.text.length >= 4) {
      long++;
      if (startsWithCapital(t.text)) longCapital++;
    }
  }
  if (words < 2) return false;
  if (upper === words) return true;
  const last = tokens[tokens.length - 1]?.text ?? '';
  return long >= 2 && longCapital === long && !/^[.!?:;,"”’']$/.test(last);
}

/**
 * What the document says about its words: which it writes with a capital in the middle of an
 * ordinary sentence (not first, not after a quote or colon, not in a capitals headline), and
 * which it writes in lower case.
 */
export function documentContext(sentences: readonly { tokens: readonly { text: string }[] }[]): DocumentContext {
  const capitalised = new Set<string>();
  const lowercase = new Set<string>();
  for (const s of sentences) {
    const headline = capitalsSentence(s.tokens);
    s.tokens.forEach((t, i) => {
      if (!hasLetter(t.text)) return;
      const lower = normalizeWord(t.text);
      if (!startsWithCapital(t.text)) {
        if (/^\p{Ll}/u.test(t.text)) lowercase.add(lower);
        return;
      }
      if (headline || i === 0 || t.text === t.text.toUpperCase() && t.text.length > 1) return;
      const prev = s.tokens[i - 1]!.text;
      if (/^["“”'‘’:(\[-]+$/.test(prev)) return;
      capitalised.add(lower);
    });
  }
  return { capitalised, lowercase };
}

/**
 * The features of every token of a sentence, as strings. A token's list starts with the bias
 * feature; templates that do not apply (no hyphen, no lexicon entry) emit nothing.
 */
export function sentenceFeatures(sentence: FeatureSentence, doc: DocumentContext): string[][] {
  const toks = sentence.tokens;
  const n = toks.length;
  const lower = toks.map((t) => normalizeWord(t.text));
  const headline = capitalsSentence(toks);
  // in a headline the case of a word is the headline's, not the word's
  const short = toks.map((t) => (headline ? shortShape(normalizeWord(t.text)) : shortShape(t.text)));
  const at = <T>(xs: readonly T[], i: number, none: T): T => (i >= 0 && i < n ? xs[i]! : none);
  const out: string[][] = [];
  for (let i = 0; i < n; i++) {
    const t = toks[i]!;
    const w = lower[i]!;
    const ss = short[i]!;
    const f: string[] = ['b', `w=${headline ? w : t.text}`, `l=${w}`, `sh=${headline ? shape(w) : shape(t.text)}`, `ss=${ss}`];
    for (let k = 1; k <= 4 && k <= w.length; k++) f.push(`p${k}=${w.slice(0, k)}`, `s${k}=${w.slice(-k)}`);
    const pos = t.pos;
    f.push(`pos=${pos}`, `pp=${at(toks, i - 1, null)?.pos ?? '<s>'}|${pos}`, `pn=${pos}|${at(toks, i + 1, null)?.pos ?? '</s>'}`);
    f.push(`l-2=${at(lower, i - 2, '<s>')}`, `l-1=${at(lower, i - 1, '<s>')}`, `l+1=${at(lower, i + 1, '</s>')}`, `l+2=${at(lower, i + 2, '</s>')}`);
    f.push(`ll=${at(lower, i - 1, '<s>')}|${w}`, `lr=${w}|${at(lower, i + 1, '</s>')}`);
    f.push(`sl=${at(short, i - 1, '<s>')}|${ss}`, `sr=${ss}|${at(short, i + 1, '</s>')}`);
    if (i === 0) f.push(`first|${ss}`);
    if (hasLetter(t.text)) {
      if (doc.capitalised.has(w)) f.push(`dc|${ss}`);
      if (doc.lowercase.has(w)) f.push(`dl|${ss}`);
    }
    if (headline) f.push(`hl|${w}`, `hl|${ss}`);
    const dash = t.text.search(/[-‐-―]/);
    if (dash > 0 && dash < t.text.length - 1) {
      const parts = w.split('-');
      f.push(`hy<=${parts[0]}`, `hy>=${parts[parts.length - 1]}`);
    }
    for (const x of t.lex) f.push(`x=${x}`, `xs=${x}|${ss}`);
    for (const x of at(toks, i - 1, null)?.lex ?? []) f.push(`x-1=${x}`);
    for (const x of at(toks, i + 1, null)?.lex ?? []) f.push(`x+1=${x}`);
    f.push(`len=${Math.min(t.text.length, 8)}`);
    out.push(f);
  }
  return out;
}

/** The features of a sentence as hashes, the form the model looks them up in. */
export function sentenceFeatureHashes(sentence: FeatureSentence, doc: DocumentContext): Uint32Array[] {
  return sentenceFeatures(sentence, doc).map((f) => Uint32Array.from(f, hashFeature));
}
