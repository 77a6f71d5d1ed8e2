// The scorer's arithmetic, the spaCy way: a PRF of true positives, false positives and false
// negatives; accuracy with its support; labels scored per type with micro and macro averages and
// a confusion matrix; throughput. A score is null where there is nothing to score, never an
// epsilon. Nothing here knows about gold formats or records.

export interface PRFJSON {
  p: number | null;
  r: number | null;
  f: number | null;
  tp: number;
  fp: number;
  fn: number;
}

/** Precision, recall and F1 from counts. */
export class PRF {
  constructor(
    public tp = 0,
    public fp = 0,
    public fn = 0,
  ) {}

  add(other: { tp: number; fp: number; fn: number }): this {
    this.tp += other.tp;
    this.fp += other.fp;
    this.fn += other.fn;
    return this;
  }

  /** gold items: what recall is measured against */
  get support(): number {
    return this.tp + this.fn;
  }

  /** tp / (tp + fp); null when nothing was predicted */
  get p(): number | null {
    return this.tp + this.fp > 0 ? this.tp / (this.tp + this.fp) : null;
  }

  /** tp / (tp + fn); null when there is nothing in the gold */
  get r(): number | null {
    return this.tp + this.fn > 0 ? this.tp / (this.tp + this.fn) : null;
  }

  /** 2tp / (2tp + fp + fn), the harmonic mean of p and r (0 when either is 0 or undefined but the other side has items); null when there is nothing at all */
  get f(): number | null {
    const d = 2 * this.tp + this.fp + this.fn;
    return d > 0 ? (2 * this.tp) / d : null;
  }

  toJSON(): PRFJSON {
    return { p: this.p, r: this.r, f: this.f, tp: this.tp, fp: this.fp, fn: this.fn };
  }
}

export interface AccuracyJSON {
  accuracy: number | null;
  correct: number;
  support: number;
}

/** The share of gold items we got right; null when there is no gold item. */
export class Accuracy {
  correct = 0;
  support = 0;

  add(ok: boolean): this {
    this.support++;
    if (ok) this.correct++;
    return this;
  }

  get accuracy(): number | null {
    return this.support > 0 ? this.correct / this.support : null;
  }

  toJSON(): AccuracyJSON {
    return { accuracy: this.accuracy, correct: this.correct, support: this.support };
  }
}

/** Counts of gold label × predicted label; `null` on either side is written NONE (nothing there). */
export class Confusion {
  static readonly NONE = 'NONE';
  private readonly counts = new Map<string, Map<string, number>>();

  add(gold: string | null, pred: string | null): this {
    const g = gold ?? Confusion.NONE;
    const p = pred ?? Confusion.NONE;
    const row = this.counts.get(g) ?? new Map<string, number>();
    row.set(p, (row.get(p) ?? 0) + 1);
    this.counts.set(g, row);
    return this;
  }

  count(gold: string | null, pred: string | null): number {
    return this.counts.get(gold ?? Confusion.NONE)?.get(pred ?? Confusion.NONE) ?? 0;
  }

  get total(): number {
    let n = 0;
    for (const row of this.counts.values()) for (const c of row.values()) n += c;
    return n;
  }

  /** every label seen on either side, sorted, NONE last */
  labels(): string[] {
    const set = new Set<string>();
    for (const [g, row] of this.counts) {
      set.add(g);
      for (const p of row.keys()) set.add(p);
    }
    return [...set].sort((a, b) => (a === Confusion.NONE ? 1 : b === Confusion.NONE ? -1 : a.localeCompare(b)));
  }

  toJSON(): ConfusionJSON {
    const labels = this.labels();
    const matrix: Record<string, Record<string, number>> = {};
    for (const g of labels) {
      const row = this.counts.get(g);
      if (!row) continue;
      matrix[g] = Object.fromEntries(labels.filter((p) => row.has(p)).map((p) => [p, row.get(p)!]));
    }
    return { labels, matrix };
  }
}

export interface ConfusionJSON {
  /** every label of either side, NONE last */
  labels: string[];
  /** gold label → our label → count; zero cells left out */
  matrix: Record<string, Record<string, number>>;
}

export interface MacroJSON {
  p: number | null;
  r: number | null;
  f: number | null;
  /** how many types had support (gold items) and were averaged */
  types: number;
}

/**
 * The unweighted mean over the types with support (at least one gold item) of each type's p, r
 * and f. A type with support but no prediction has p null, counted as 0 here (as scikit-learn
 * does with zero_division=0). Null when no type has support.
 */
export function macro(perType: Iterable<PRF>): MacroJSON {
  const supported = [...perType].filter((s) => s.support > 0);
  if (supported.length === 0) return { p: null, r: null, f: null, types: 0 };
  const mean = (pick: (s: PRF) => number | null) => supported.reduce((sum, s) => sum + (pick(s) ?? 0), 0) / supported.length;
  return { p: mean((s) => s.p), r: mean((s) => s.r), f: mean((s) => s.f), types: supported.length };
}

export type PerTypeJSON = PRFJSON & { macro: MacroJSON; types: Record<string, PRFJSON> };
export type LabelJSON = AccuracyJSON & PerTypeJSON;

/** A micro PRF over every item plus one PRF per type. */
export class PerType {
  readonly micro = new PRF();
  readonly types = new Map<string, PRF>();

  type(label: string): PRF {
    let prf = this.types.get(label);
    if (!prf) this.types.set(label, (prf = new PRF()));
    return prf;
  }

  add(label: string, counts: { tp?: number; fp?: number; fn?: number }): this {
    const c = { tp: counts.tp ?? 0, fp: counts.fp ?? 0, fn: counts.fn ?? 0 };
    this.type(label).add(c);
    this.micro.add(c);
    return this;
  }

  toJSON(): PerTypeJSON {
    const labels = [...this.types.keys()].sort();
    return {
      ...this.micro.toJSON(),
      macro: macro(this.types.values()),
      types: Object.fromEntries(labels.map((l) => [l, this.types.get(l)!.toJSON()])),
    };
  }
}

/**
 * One label per gold item against one predicted label (or none): accuracy, PRF per label and a
 * confusion matrix, all from the same pairs. A right label is a tp of its type; a wrong one is
 * a fn of the gold type and a fp of the predicted type; a missing prediction is a fn; a
 * prediction without gold item (gold null) is a fp.
 */
export class LabelScore {
  readonly accuracy = new Accuracy();
  readonly perType = new PerType();
  readonly confusion = new Confusion();

  add(gold: string | null, pred: string | null): this {
    this.confusion.add(gold, pred);
    if (gold !== null) this.accuracy.add(gold === pred);
    if (gold !== null && gold === pred) this.perType.add(gold, { tp: 1 });
    else {
      if (gold !== null) this.perType.add(gold, { fn: 1 });
      if (pred !== null) this.perType.add(pred, { fp: 1 });
    }
    return this;
  }

  toJSON(): LabelJSON {
    return { ...this.accuracy.toJSON(), ...this.perType.toJSON() };
  }
}

/** A labelled span's key: `label|start|end`. */
export const spanKey = (label: string, start: number, end: number): string => `${label}|${start}|${end}`;

export interface KeyMatch {
  /** gold keys that a predicted key matched */
  matched: string[];
  /** gold keys without a prediction, with repeats */
  missed: string[];
  /** predicted keys without gold, with repeats */
  spurious: string[];
}

/** Multiset matching of keys: each gold key is matched by at most one equal predicted key. */
export function matchKeys(gold: Iterable<string>, pred: Iterable<string>): KeyMatch {
  const left = new Map<string, number>();
  for (const k of pred) left.set(k, (left.get(k) ?? 0) + 1);
  const matched: string[] = [];
  const missed: string[] = [];
  for (const k of gold) {
    const n = left.get(k) ?? 0;
    if (n > 0) {
      matched.push(k);
      left.set(k, n - 1);
    } else missed.push(k);
  }
  const spurious: string[] = [];
  for (const [k, n] of left) for (let i = 0; i < n; i++) spurious.push(k);
  return { matched, missed, spurious };
}

export interface ThroughputJSON {
  documents: number;
  words: number;
  seconds: number;
  wordsPerSecond: number | null;
  documentsPerSecond: number | null;
}

/** Documents and words processed, and the time the extractor took over them. */
export class Throughput {
  documents = 0;
  words = 0;
  seconds = 0;

  /** Time one call, counting its text's words. */
  time<T>(text: string, run: () => T): T {
    const start = performance.now();
    try {
      return run();
    } finally {
      this.seconds += (performance.now() - start) / 1000;
      this.documents++;
      this.words += countWords(text);
    }
  }

  get wordsPerSecond(): number | null {
    return this.seconds > 0 ? this.words / this.seconds : null;
  }

  get documentsPerSecond(): number | null {
    return this.seconds > 0 ? this.documents / this.seconds : null;
  }

  toJSON(): ThroughputJSON {
    return { documents: this.documents, words: this.words, seconds: this.seconds, wordsPerSecond: this.wordsPerSecond, documentsPerSecond: this.documentsPerSecond };
  }
}

/** White-space separated words. */
export function countWords(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}

/**
 * A score named by a dotted key inside a scores object: `entities.f`, `events.type.f`,
 * `columns.event_type.accuracy`. A per-type score may leave out `types`: `entities.PER.f` is
 * `entities.types.PER.f`. Returns undefined when the key names nothing numeric (or null).
 */
export function scoreAt(scores: unknown, key: string): number | null | undefined {
  let node: unknown = scores;
  for (const part of key.split('.')) {
    if (!node || typeof node !== 'object' || Array.isArray(node)) return undefined;
    const obj = node as Record<string, unknown>;
    if (Object.hasOwn(obj, part)) node = obj[part];
    else if (obj.types && typeof obj.types === 'object' && Object.hasOwn(obj.types, part)) node = (obj.types as Record<string, unknown>)[part];
    else return undefined;
  }
  return typeof node === 'number' || node === null ? node : undefined;
}

/** Every key `scoreAt` resolves in a scores object (the long `types.` form left out). */
export function scoreKeys(scores: unknown, prefix = ''): string[] {
  if (!scores || typeof scores !== 'object' || Array.isArray(scores)) return [];
  const keys: string[] = [];
  for (const [k, v] of Object.entries(scores as Record<string, unknown>)) {
    const path = k === 'types' && v && typeof v === 'object' ? prefix.replace(/\.$/, '') : `${prefix}${k}`;
    if (typeof v === 'number' || v === null) keys.push(path);
    else keys.push(...scoreKeys(v, path ? `${path}.` : ''));
  }
  return keys;
}
