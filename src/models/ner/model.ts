// The named-entity tagger: a linear model over hashed features (features.ts) with BILOU tags
// and tag-to-tag transition weights, decoded by Viterbi under the BILOU constraints (tags.ts).
// The weights (weights.bin.gz, written by scripts/train-ner.ts) are read once per thread into
// one typed array: a hash table whose slots hold each feature hash with its 16-bit weights, a few
// megabytes outside the garbage-collected heap.
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { FEATURE_VERSION, forEachTokenHashes, plainWords, type DocumentContext, type FeatureSentence } from './features.js';
import { TAGS, allowed, bilouSpans, type TagSpan } from './tags.js';
import { WORD_MEMO_LIMIT } from '../../memo.js';

export const WEIGHTS_URL = new URL('./weights.bin.gz', import.meta.url);

export interface NerWeights {
  /** FEATURE_VERSION of the features the weights were trained on */
  version: string;
  tags: string[];
  /** what the training script recorded: data, seed, epochs, dev figures */
  meta: Record<string, unknown>;
  /** feature hashes, one per row of `weights` */
  keys: Uint32Array;
  /** rows × tags, each to be multiplied by `scale` */
  weights: Int16Array;
  scale: number;
  /** transition weights: (tags + 1) × tags, the last row from the sentence start */
  transitions: Float32Array;
  /** weight of ending the sentence after each tag */
  final: Float32Array;
}

export class NerModelError extends Error {}

const MAGIC = 'sitrep-ner';

/** The weights as one gzipped buffer: a JSON header, then the typed arrays, each 4-byte aligned. */
export function encodeWeights(w: NerWeights): Buffer {
  const header = Buffer.from(JSON.stringify({ magic: MAGIC, version: w.version, tags: w.tags, meta: w.meta, rows: w.keys.length, scale: w.scale }));
  const pad = (n: number) => (4 - (n % 4)) % 4;
  const headLen = Buffer.alloc(4);
  headLen.writeUInt32LE(header.length);
  const parts = [headLen, header, Buffer.alloc(pad(header.length)),
    Buffer.from(w.keys.buffer, w.keys.byteOffset, w.keys.byteLength),
    Buffer.from(w.weights.buffer, w.weights.byteOffset, w.weights.byteLength), Buffer.alloc(pad(w.weights.byteLength)),
    Buffer.from(w.transitions.buffer, w.transitions.byteOffset, w.transitions.byteLength),
    Buffer.from(w.final.buffer, w.final.byteOffset, w.final.byteLength)];
  return gzipSync(Buffer.concat(parts), { level: 9 });
}

export function decodeWeights(gz: Buffer, where: string): NerWeights {
  let raw: Buffer;
  try {
    raw = gunzipSync(gz);
  } catch (error) {
    throw new NerModelError(`cannot read the NER model ${where}: not a gzip file (${(error as Error).message}); run \`npm run train:ner\` to write it again`);
  }
  const headLen = raw.readUInt32LE(0);
  const header = JSON.parse(raw.subarray(4, 4 + headLen).toString('utf8')) as { magic: string; version: string; tags: string[]; meta: Record<string, unknown>; rows: number; scale: number };
  if (header.magic !== MAGIC) throw new NerModelError(`${where} is not a sitrep NER model`);
  let at = 4 + headLen;
  at += (4 - (at % 4)) % 4;
  const T = header.tags.length;
  // copied out of the decompressed buffer, so each array starts aligned and the buffer can go
  const take = <A>(Ctor: { new (b: ArrayBuffer): A }, bytes: number): A => {
    const copy = new Uint8Array(bytes);
    copy.set(raw.subarray(at, at + bytes));
    at += bytes;
    at += (4 - (at % 4)) % 4;
    return new Ctor(copy.buffer);
  };
  const keys = take(Uint32Array, header.rows * 4);
  const weights = take(Int16Array, header.rows * T * 2);
  const transitions = take(Float32Array, (T + 1) * T * 4);
  const final = take(Float32Array, T * 4);
  return { version: header.version, tags: header.tags, meta: header.meta, keys, weights, scale: header.scale, transitions, final };
}

export interface NerPrediction {
  tags: string[];
  spans: TagSpan[];
}

export class NerModel {
  readonly tags: readonly string[];
  readonly version: string;
  readonly meta: Record<string, unknown>;
  private readonly T: number;
  /**
   * Open addressing with each feature's weights in its slot: slot s holds the feature hash at
   * int32 STRIDE·s (0: empty) and the tags' 16-bit weights right after it, so a look-up reads
   * one place in memory instead of a slot and then a row elsewhere (the tagger makes some 40
   * look-ups a word, and their cache misses were most of its time).
   */
  private readonly keys: Int32Array;
  private readonly cells: Int16Array;
  private readonly stride: number;
  private readonly mask: number;
  private readonly scale: number;
  /** transitions with the BILOU constraints applied (forbidden: -Infinity) */
  private readonly trans: Float32Array;
  private readonly preds: Int32Array[];
  private readonly final: Float32Array;
  /**
   * The summed weights of the word-only features of words seen (features.ts): a pure function of
   * the word, so no state of any document. Each word's T sums are a row of one slab: a typed array
   * per word cost some 400 bytes beside its 4·T of numbers (an ArrayBuffer, its backing store
   * outside the heap and the bookkeeping of both).
   */
  private readonly wordRows = new Map<string, number>();
  private readonly wordSlab: Float32Array;

  constructor(w: NerWeights) {
    this.tags = w.tags;
    this.version = w.version;
    this.meta = w.meta;
    const T = (this.T = w.tags.length);
    this.scale = w.scale;
    this.stride = 1 + Math.ceil(T / 2);
    let capacity = 1;
    while (capacity < w.keys.length * 1.5) capacity <<= 1;
    this.mask = capacity - 1;
    this.keys = new Int32Array(capacity * this.stride);
    this.cells = new Int16Array(this.keys.buffer);
    w.keys.forEach((key, row) => {
      let s = mix(key) & this.mask;
      while (this.keys[s * this.stride] !== 0) s = (s + 1) & this.mask;
      this.keys[s * this.stride] = key | 0;
      this.cells.set(w.weights.subarray(row * T, row * T + T), (s * this.stride + 1) * 2);
    });
    this.trans = constrain(w.transitions, w.tags);
    this.preds = predecessors(this.trans, T);
    this.final = Float32Array.from(w.final, (v, t) => (allowed(w.tags[t]!, null) ? v : -Infinity));
    this.wordSlab = new Float32Array(WORD_MEMO_LIMIT * T);
  }

  /** Where a feature hash's weights start in `cells`, or -1 when the model has no weights for it. */
  private cell(key: number): number {
    const k32 = key | 0;
    const stride = this.stride;
    let s = mix(key) & this.mask;
    for (;;) {
      const k = this.keys[s * stride]!;
      if (k === k32) return (s * stride + 1) * 2;
      if (k === 0) return -1;
      s = (s + 1) & this.mask;
    }
  }

  /** Each token's score for each tag (tokens × tags). */
  emissions(hashes: readonly Uint32Array[]): Float32Array {
    const T = this.T;
    const out = new Float32Array(hashes.length * T);
    hashes.forEach((features, i) => {
      this.addRows(out, i * T, features);
      for (let y = 0; y < T; y++) out[i * T + y]! *= this.scale;
    });
    return out;
  }

  /** The best tags of one sentence, and the spans they make. */
  predict(sentence: FeatureSentence, doc: DocumentContext): NerPrediction {
    const n = sentence.tokens.length;
    if (n === 0) return { tags: [], spans: [] };
    const T = this.T;
    const emission = new Float32Array(n * T);
    // plain words (features.ts) are O: every other tag is ruled out, and their features never read
    const plain = plainWords(sentence);
    if (plain !== null) {
      for (let i = 0; i < n; i++) if (plain[i] === 1) emission.fill(-Infinity, i * T + 1, i * T + T);
    }
    forEachTokenHashes(sentence, doc, (i, key, ownHashes, context) => {
      // memo.ts's `remembered` by hand: its maker would be a closure made for every token
      let row = this.wordRows.get(key);
      if (row === undefined) {
        if (this.wordRows.size >= WORD_MEMO_LIMIT) this.wordRows.clear();
        row = this.wordRows.size * T;
        this.wordSlab.fill(0, row, row + T);
        this.addRows(this.wordSlab, row, ownHashes());
        this.wordRows.set(key, row);
      }
      const base = i * T;
      for (let y = 0; y < T; y++) emission[base + y] = this.wordSlab[row + y]!;
      this.addRows(emission, base, context);
      for (let y = 0; y < T; y++) emission[base + y]! *= this.scale;
    }, plain ?? undefined);
    const path = viterbi(emission, n, T, this.trans, this.final, this.preds, plain);
    const tags = Array.from(path, (y) => this.tags[y]!);
    return { tags, spans: bilouSpans(tags) };
  }

  /** Adds the weights of the features to out[base, base + T). */
  private addRows(out: Float32Array, base: number, keys: ArrayLike<number>): void {
    const T = this.T;
    const cells = this.cells;
    for (let k = 0; k < keys.length; k++) {
      const at = this.cell(keys[k]!);
      if (at < 0) continue;
      for (let y = 0; y < T; y++) out[base + y]! += cells[at + y]!;
    }
  }

  /** The best tags of a sentence given its tokens' feature hashes. */
  predictHashes(hashes: readonly Uint32Array[]): string[] {
    if (hashes.length === 0) return [];
    const path = viterbi(this.emissions(hashes), hashes.length, this.T, this.trans, this.final, this.preds);
    return Array.from(path, (y) => this.tags[y]!);
  }
}

/** Transition weights with the transitions that make ill-formed BILOU sequences forbidden. */
export function constrain(transitions: Float32Array, tags: readonly string[]): Float32Array {
  const T = tags.length;
  const out = Float32Array.from(transitions);
  for (let a = 0; a <= T; a++) {
    for (let b = 0; b < T; b++) if (!allowed(a === T ? null : tags[a]!, tags[b]!)) out[a * T + b] = -Infinity;
  }
  return out;
}

/**
 * The predecessors each tag may have under the transitions (forbidden ones weigh -Infinity):
 * under BILOU an I- or L- tag has two, so most of the T × T pairs need no look.
 */
export function predecessors(trans: Float32Array, T: number): Int32Array[] {
  const preds: Int32Array[] = [];
  for (let y = 0; y < T; y++) {
    const list: number[] = [];
    for (let p = 0; p < T; p++) if (trans[p * T + y] !== -Infinity) list.push(p);
    preds.push(Int32Array.from(list));
  }
  return preds;
}

/**
 * Viterbi over a first-order chain: emissions (n × T), transitions ((T + 1) × T, the last row
 * from the start) and final weights (T). Ties go to the lower tag index, so decoding is
 * deterministic. A model passes its predecessors (predecessors()) once worked out; training,
 * whose transitions change, lets them be worked out per call. Tokens marked in `onlyFirst` can
 * only take tag 0 (O: the plain words of features.ts), so only its score is worked out there.
 */
export function viterbi(emission: Float32Array, n: number, T: number, trans: Float32Array, final: Float32Array, preds = predecessors(trans, T), onlyFirst: Uint8Array | null = null): Int32Array {
  if (lattice.score.length < n * T) lattice = { score: new Float64Array(n * T * 2), back: new Int32Array(n * T * 2) };
  const { score, back } = lattice; // every cell read below is written first
  for (let y = 0; y < T; y++) score[y] = trans[T * T + y]! + emission[y]!;
  for (let i = 1; i < n; i++) {
    const prev = (i - 1) * T;
    const tags = onlyFirst !== null && onlyFirst[i] === 1 ? 1 : T;
    if (tags === 1) score.fill(-Infinity, i * T + 1, i * T + T);
    for (let y = 0; y < tags; y++) {
      let best = -Infinity;
      let arg = 0;
      const list = preds[y]!;
      for (let k = 0; k < list.length; k++) {
        const p = list[k]!;
        const s = score[prev + p]! + trans[p * T + y]!;
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[i * T + y] = best + emission[i * T + y]!;
      back[i * T + y] = arg;
    }
  }
  let best = -Infinity;
  let arg = 0;
  for (let y = 0; y < T; y++) {
    const s = score[(n - 1) * T + y]! + final[y]!;
    if (s > best) {
      best = s;
      arg = y;
    }
  }
  const path = new Int32Array(n);
  path[n - 1] = arg;
  for (let i = n - 1; i > 0; i--) path[i - 1] = back[i * T + path[i]!]!;
  return path;
}

/** Viterbi's scores and back-pointers, reused from sentence to sentence (one thread runs one decoding at a time). */
let lattice = { score: new Float64Array(4096), back: new Int32Array(4096) };

/** Spreads a feature hash over the table (FNV's low bits alone cluster). */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x45d9f3b);
  h ^= h >>> 16;
  return h >>> 0;
}

let shared: NerModel | null = null;

/** The committed model, read once per thread. */
export function sharedNerModel(): NerModel {
  shared ??= loadNerModel(WEIGHTS_URL);
  return shared;
}

export function loadNerModel(url: URL): NerModel {
  let gz: Buffer;
  try {
    gz = readFileSync(url);
  } catch (error) {
    throw new NerModelError(`cannot read the NER model ${url.pathname}: ${(error as Error).message}; run \`npm run train:ner\` to write it`);
  }
  const weights = decodeWeights(gz, url.pathname);
  if (weights.version !== FEATURE_VERSION) {
    throw new NerModelError(`the NER model ${url.pathname} was trained on features ${weights.version}, but features.ts is ${FEATURE_VERSION}; run \`npm run train:ner\``);
  }
  if (weights.tags.join() !== TAGS.join()) throw new NerModelError(`the NER model ${url.pathname} has tags ${weights.tags.join(' ')}, not sitrep's BILOU tags`);
  return new NerModel(weights);
}
