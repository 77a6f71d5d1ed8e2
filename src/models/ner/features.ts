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

import { WORD_MEMO_LIMIT, remembered } from '../../memo.js';

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
  /**
   * for each lower-cased word the document writes with a capital outside a headline, the words
   * next to it anywhere in the document ("<in", ">said"), the first NEIGHBOURS of each side
   */
  neighbours: ReadonlyMap<string, readonly string[]>;
}

/** Neighbours kept per side for each capitalised word (documentContext). */
const NEIGHBOURS = 4;

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
  'lexicon|short-shape', 'length', 'doc-neighbours',
] as const;

const VERSION_SALT = 'ner-features-4';
const NONE: readonly string[] = [];
const NO_PARTS: readonly never[] = [];
const FNV_OFFSET = 0x811c9dc5;

/** A hash of the template list: stored in the weights, compared by the loader and the tests. */
export const FEATURE_VERSION = hashHex(`${VERSION_SALT}:${TEMPLATES.join(',')}`);

/** FNV-1a over UTF-16 code units, never 0 (the split of re3d's documents uses it too). */
export function hashFeature(s: string): number {
  return fnv(FNV_OFFSET, s) >>> 0 || 1;
}


/** FNV-1a continued over s from state h: the hash of a concatenation is its parts' in turn. */
function fnv(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

function hashHex(s: string): string {
  return hashFeature(s).toString(16).padStart(8, '0');
}

/** "Erdoğan" → "Xxxxx", "F-16" → "X-dd", "al-Assad" → "xx-Xxxxx": letters and digits by class, runs kept up to four. */
export function shape(word: string): string {
  let out = '';
  let last = '';
  let run = 0;
  for (let i = 0; i < word.length; i++) {
    const c = classAt(word, i);
    if (word.charCodeAt(i) >= 0xd800 && word.charCodeAt(i) < 0xdc00) i++; // a character outside the Basic Multilingual Plane takes two code units
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
  for (let i = 0; i < word.length; i++) {
    const c = classAt(word, i);
    if (word.charCodeAt(i) >= 0xd800 && word.charCodeAt(i) < 0xdc00) i++;
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

/** The class of the character at i (ASCII decided without a regular expression). */
function classAt(word: string, i: number): string {
  const c = word.charCodeAt(i);
  if (c < 128) {
    if (c >= 65 && c <= 90) return 'X';
    if (c >= 97 && c <= 122) return 'x';
    if (c >= 48 && c <= 57) return 'd';
    return word[i]!;
  }
  const point = word.codePointAt(i)!;
  let cls = NON_ASCII_CLASS.get(point);
  if (cls === undefined) {
    cls = charClass(String.fromCodePoint(point));
    NON_ASCII_CLASS.set(point, cls);
  }
  return cls;
}
/** The classes of the non-ASCII characters met so far: news repeats its few (’, “, —, é), and a Unicode property test costs more than a look-up. */
const NON_ASCII_CLASS = new Map<number, string>();

function charClass(ch: string): string {
  if (/\p{Lu}|\p{Lt}/u.test(ch)) return 'X';
  if (/\p{L}/u.test(ch)) return 'x';
  if (/\p{N}/u.test(ch)) return 'd';
  if (/['’‘`]/.test(ch)) return "'";
  if (/[‐-―]/.test(ch)) return '-';
  return ch;
}

/** Lower case with typographic apostrophes and dashes folded, so news and CoNLL spell words alike. */
export function normalizeWord(word: string): string {
  const lower = word.toLowerCase();
  return NEEDS_FOLDING.test(lower) ? lower.replace(/[’‘`´]/g, "'").replace(/[‐-―]/g, '-').replace(/\d/g, '0') : lower;
}
const NEEDS_FOLDING = /[’‘`´‐-―\d]/;

function startsWithCapital(word: string): boolean {
  const c = word.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : /^\p{Lu}/u.test(word);
}

function hasLetter(word: string): boolean {
  let ascii = true;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    const c = code | 32;
    if (c >= 97 && c <= 122) return true;
    if (code >= 128) ascii = false;
  }
  // punctuation and numbers, most of the tokens without a letter, need no Unicode test
  return !ascii && /\p{L}/u.test(word);
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
  const neighbours = new Map<string, string[]>();
  for (const s of sentences) {
    const headline = capitalsSentence(s.tokens);
    s.tokens.forEach((t, i) => {
      if (!hasLetter(t.text)) return;
      const lower = normalizeWord(t.text);
      if (!startsWithCapital(t.text)) {
        if (/^\p{Ll}/u.test(t.text)) lowercase.add(lower);
        return;
      }
      if (!headline) addNeighbours(neighbours, lower, s.tokens, i);
      if (headline || i === 0 || t.text === t.text.toUpperCase() && t.text.length > 1) return;
      const prev = s.tokens[i - 1]!.text;
      if (/^["“”'‘’:(\[-]+$/.test(prev)) return;
      capitalised.add(lower);
    });
  }
  return { capitalised, lowercase, neighbours };
}

/**
 * Context aggregation (Ratinov and Roth 2009): a capitalised word's neighbours wherever the
 * document writes it, so that "Dabiq" read once as "the town of Dabiq" or "in Dabiq" tells its
 * other mentions what it is. The words on each side, first seen first, NEIGHBOURS at most.
 */
function addNeighbours(neighbours: Map<string, string[]>, lower: string, tokens: readonly { text: string }[], i: number): void {
  let list = neighbours.get(lower);
  if (!list) neighbours.set(lower, (list = []));
  const left = `<${i > 0 ? normalizeWord(tokens[i - 1]!.text) : ''}`;
  const right = `>${i + 1 < tokens.length ? normalizeWord(tokens[i + 1]!.text) : ''}`;
  const count = (side: string) => list!.reduce((n, x) => n + (x[0] === side ? 1 : 0), 0);
  if (!list.includes(left) && count('<') < NEIGHBOURS) list.push(left);
  if (!list.includes(right) && count('>') < NEIGHBOURS) list.push(right);
}

/**
 * A feature template: its name as the strings show it, and its hash, where the hashes of a
 * feature's parts are combined (combine) rather than a string made and hashed. Each word is
 * hashed once per sentence instead of once for each of the dozen templates that use it.
 */
interface Template {
  text: string;
  hash: number;
}

function template(text: string): Template {
  return { text, hash: fnv(FNV_OFFSET, text) };
}

const T = {
  bias: template('b'), word: template('w='), lower: template('l='), shape: template('sh='), short: template('ss='),
  prefix: ['', 'p1=', 'p2=', 'p3=', 'p4='].map(template), suffix: ['', 's1=', 's2=', 's3=', 's4='].map(template),
  hyphenFirst: template('hy<='), hyphenLast: template('hy>='), length: template('len='),
  pos: template('pos='), posLeft: template('pp='), posRight: template('pn='),
  left2: template('l-2='), left1: template('l-1='), right1: template('l+1='), right2: template('l+2='), lowerLeft: template('ll='), lowerRight: template('lr='),
  shortLeft: template('sl='), shortRight: template('sr='), first: template('first|'),
  docCapital: template('dc|'), docLower: template('dl|'), docNeighbour: template('dn='), headline: template('hl|'),
  lex: template('x='), lexShort: template('xs='), lexLeft: template('x-1='), lexRight: template('x+1='),
};

/** Murmur3's step: mixes the hash of one more part into a feature's hash. */
function combine(h: number, part: number): number {
  let k = Math.imul(part, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  h ^= Math.imul(k, 0x1b873593);
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/**
 * Where the features of one token go: as strings (tests, inspection) or as hashes (the model).
 * V is what a sink takes a part as: the string, or its hash (value() turns one into the other).
 */
interface Sink<V> {
  value(s: string): V;
  /** one feature: the template with no, one or two parts */
  add(t: Template, a?: V, b?: V): void;
}

class StringSink implements Sink<string> {
  readonly out: string[] = [];
  value(s: string): string {
    return s;
  }
  add(t: Template, a?: string, b?: string): void {
    this.out.push(a === undefined ? t.text : b === undefined ? t.text + a : `${t.text}${a}|${b}`);
  }
}

/**
 * Each feature's hash from its template's and its parts' (never 0, which marks an empty slot in
 * the model's table), written into a buffer that is reused token after token: the tagger reads
 * a dozen features per token, and a fresh array for each was a tenth of what a document allocates.
 */
class HashSink implements Sink<number> {
  out = new Uint32Array(64);
  /** how many hashes `out` holds */
  count = 0;
  value(s: string): number {
    return fnv(FNV_OFFSET, s);
  }
  reset(): void {
    this.count = 0;
  }
  add(t: Template, a?: number, b?: number): void {
    let h = t.hash;
    if (a !== undefined) h = combine(h, a);
    if (b !== undefined) h = combine(h, b);
    if (this.count === this.out.length) {
      const grown = new Uint32Array(this.out.length * 2);
      grown.set(this.out);
      this.out = grown;
    }
    this.out[this.count++] = h >>> 0 || 1;
  }
}

/** The features that depend on the word alone (and on whether its sentence is a headline). */
function wordFeatures<V>(sink: Sink<V>, text: string, w: string, ss: V, headline: boolean): void {
  sink.add(T.bias);
  sink.add(T.word, sink.value(headline ? w : text));
  sink.add(T.lower, sink.value(w));
  sink.add(T.shape, sink.value(headline ? shape(w) : shape(text)));
  sink.add(T.short, ss);
  for (let k = 1; k <= 4 && k <= w.length; k++) {
    sink.add(T.prefix[k]!, sink.value(w.slice(0, k)));
    sink.add(T.suffix[k]!, sink.value(w.slice(-k)));
  }
  const dash = text.search(DASH);
  if (dash > 0 && dash < text.length - 1) {
    const parts = w.split('-');
    sink.add(T.hyphenFirst, sink.value(parts[0]!));
    sink.add(T.hyphenLast, sink.value(parts[parts.length - 1]!));
  }
  sink.add(T.length, sink.value(LENGTH[Math.min(text.length, 8)]!));
}
const LENGTH = ['0', '1', '2', '3', '4', '5', '6', '7', '8'];
const DASH = /[-‐-―]/;

/** A sentence's words, shapes, parts of speech and lexicon entries as a sink takes them, each made once. */
interface Parts<V> {
  lower: V[];
  short: V[];
  pos: V[];
  lex: V[][];
  start: V;
  end: V;
}

function partsOf<V>(sink: Sink<V>, p: Prepared): Parts<V> {
  return {
    lower: p.lower.map((w) => sink.value(w)),
    short: p.short.map((x) => sink.value(x)),
    pos: p.toks.map((t) => sink.value(t.pos)),
    lex: p.toks.map((t) => (t.lex.length === 0 ? [] : t.lex.map((x) => sink.value(x)))),
    start: sink.value('<s>'),
    end: sink.value('</s>'),
  };
}

/** The features of each token that depend on its context: parts of speech, window, document, lexicons. */
function contextFeatures<V>(sink: Sink<V>, p: Prepared, v: Parts<V>, i: number, doc: DocumentContext): void {
  const n = p.toks.length;
  const t = p.toks[i]!;
  const w = v.lower[i]!;
  const ss = v.short[i]!;
  const l1 = i >= 1 ? v.lower[i - 1]! : v.start;
  const r1 = i + 1 < n ? v.lower[i + 1]! : v.end;
  sink.add(T.pos, v.pos[i]);
  sink.add(T.posLeft, i > 0 ? v.pos[i - 1]! : v.start, v.pos[i]);
  sink.add(T.posRight, v.pos[i], i + 1 < n ? v.pos[i + 1]! : v.end);
  sink.add(T.left2, i >= 2 ? v.lower[i - 2]! : v.start);
  sink.add(T.left1, l1);
  sink.add(T.right1, r1);
  sink.add(T.right2, i + 2 < n ? v.lower[i + 2]! : v.end);
  sink.add(T.lowerLeft, l1, w);
  sink.add(T.lowerRight, w, r1);
  sink.add(T.shortLeft, i >= 1 ? v.short[i - 1]! : v.start, ss);
  sink.add(T.shortRight, ss, i + 1 < n ? v.short[i + 1]! : v.end);
  if (i === 0) sink.add(T.first, ss);
  if (hasLetter(t.text)) {
    const word = p.lower[i]!;
    if (doc.capitalised.has(word)) sink.add(T.docCapital, ss);
    if (doc.lowercase.has(word)) sink.add(T.docLower, ss);
    if (!p.headline && startsWithCapital(t.text)) {
      const near = doc.neighbours.get(word) ?? NONE;
      for (let k = 0; k < near.length; k++) sink.add(T.docNeighbour, sink.value(near[k]!));
    }
  }
  if (p.headline) {
    sink.add(T.headline, w);
    sink.add(T.headline, ss);
  }
  // indexed loops: an iterator per token was a twentieth of what the tagger allocates
  const lex = v.lex[i]!;
  for (let k = 0; k < lex.length; k++) {
    sink.add(T.lex, lex[k]);
    sink.add(T.lexShort, lex[k], ss);
  }
  const left: readonly V[] = i > 0 ? v.lex[i - 1]! : NO_PARTS;
  for (let k = 0; k < left.length; k++) sink.add(T.lexLeft, left[k]);
  const right: readonly V[] = i + 1 < n ? v.lex[i + 1]! : NO_PARTS;
  for (let k = 0; k < right.length; k++) sink.add(T.lexRight, right[k]);
}

interface Prepared {
  toks: readonly FeatureToken[];
  lower: string[];
  short: string[];
  headline: boolean;
}

function prepared(sentence: FeatureSentence): Prepared {
  const toks = sentence.tokens;
  const headline = capitalsSentence(toks);
  const lower = toks.map((t) => normalizeWord(t.text));
  // in a headline the case of a word is the headline's, not the word's
  const short = toks.map((t, i) => (headline ? shortShape(lower[i]!) : shortShape(t.text)));
  return { toks, lower, short, headline };
}

/**
 * The features of every token of a sentence, as strings: the word's own features (bias first),
 * then those of its context. Templates that do not apply (no hyphen, no lexicon entry) emit
 * nothing.
 */
export function sentenceFeatures(sentence: FeatureSentence, doc: DocumentContext): string[][] {
  const p = prepared(sentence);
  const sink = new StringSink();
  const v = partsOf(sink, p);
  return p.toks.map((t, i) => {
    sink.out.length = 0;
    wordFeatures(sink, t.text, p.lower[i]!, p.short[i]!, p.headline);
    contextFeatures(sink, p, v, i, doc);
    return [...sink.out];
  });
}

/**
 * The features of a sentence as hashes, one for each of sentenceFeatures' strings, in the same
 * order: the form the model looks them up in. `cache` keeps the hashes of the word-only features
 * of words already seen: news repeats its words, and these are a third of the features.
 */
export function sentenceFeatureHashes(sentence: FeatureSentence, doc: DocumentContext, cache?: Map<string, number[]>): Uint32Array[] {
  const out: Uint32Array[] = [];
  forEachTokenHashes(sentence, doc, (_, key, ownHashes, context) => {
    const own = cache ? remembered(cache, key, WORD_MEMO_LIMIT, () => Array.from(ownHashes())) : Array.from(ownHashes());
    const all = new Uint32Array(own.length + context.length);
    all.set(own);
    all.set(context, own.length);
    out.push(all);
  });
  return out;
}

/**
 * Which words of a sentence are plainly outside any name: a word in lower case (no capital, no
 * digit: not "al-Assad", not "iPhone") or a mark of punctuation, in no gazetteer name, between
 * two such words or a sentence's edge. No name of the news is made of them (a name's "of" or
 * "al" stands next to a capitalised word), so the tagger gives them O without reading their
 * features: they are over half the words of an article, and their features most of its time.
 * Null when no word of the sentence is plain.
 */
export function plainWords(sentence: FeatureSentence): Uint8Array | null {
  const toks = sentence.tokens;
  const n = toks.length;
  const lower = new Uint8Array(n); // words in lower case, and punctuation
  for (let i = 0; i < n; i++) if (isLowerOrPunctuation(toks[i]!.text)) lower[i] = 1;
  let out: Uint8Array | null = null;
  for (let i = 0; i < n; i++) {
    if (lower[i] !== 1 || (i > 0 && lower[i - 1] !== 1) || (i + 1 < n && lower[i + 1] !== 1) || toks[i]!.lex.some(inGazetteerName)) continue;
    out ??= new Uint8Array(n);
    out[i] = 1;
  }
  return out;
}

/** Is this lexicon feature a gazetteer name the word is part of (lexicon.ts: "gz:ARMED_GROUP:B", "gk:actor:U")? Parts of speech and word lists are not. */
const inGazetteerName = (feature: string) => feature.startsWith('gz:') || feature.startsWith('gk:');

/** A word with letters all in lower case, or a mark of the sentence's punctuation. */
function isLowerOrPunctuation(word: string): boolean {
  if (word.length === 1 && PUNCTUATION.has(word)) return true;
  let letter = false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 97 && c <= 122) letter = true;
    else if (c >= 65 && c <= 90) return false;
    else if (c >= 48 && c <= 57) return false;
    else if (c >= 128) return /^[\p{Ll}'’-]+$/u.test(word);
  }
  return letter;
}
const PUNCTUATION = new Set([',', '.', ';', ':', '!', '?', '"', '“', '”', '(', ')']);

/**
 * The same hashes, token by token, without gathering them: `visit` gets the key of the
 * word-only features (the word, marked when in a headline: equal keys, equal features), a
 * function that hashes them when the caller has not kept them, and the context features'
 * hashes (views of buffers reused once visit returns).
 */
export function forEachTokenHashes(sentence: FeatureSentence, doc: DocumentContext, visit: (i: number, key: string, ownHashes: () => Uint32Array, context: Uint32Array) => void, skip?: Uint8Array): void {
  const p = prepared(sentence);
  const sink = new HashSink();
  const words = new HashSink();
  const v = partsOf(sink, p);
  let at = 0; // the token ownHashes hashes
  const ownHashes = () => {
    words.reset();
    wordFeatures(words, p.toks[at]!.text, p.lower[at]!, v.short[at]!, p.headline);
    return words.out.subarray(0, words.count);
  };
  for (let i = 0; i < p.toks.length; i++) {
    if (skip !== undefined && skip[i] === 1) continue;
    const text = p.toks[i]!.text;
    at = i;
    sink.reset();
    contextFeatures(sink, p, v, i, doc);
    visit(i, p.headline ? `\u0001${text}` : text, ownHashes, sink.out.subarray(0, sink.count));
  }
}
