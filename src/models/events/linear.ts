// Multinomial logistic regressions over string features (each present feature has value 1):
// the event classifier's heads, looked up together (StackedHeads), and their trainer (AdaGrad
// with L2, a seeded shuffle, so the same data gives the same weights).

export interface LinearWeights {
  classes: string[];
  /** feature → one weight per class */
  weights: Record<string, number[]>;
}

/**
 * Several linear models over one feature vocabulary, looked up together: one map from a feature
 * to its row, and each row the weights of every head's classes side by side (0 where a head has
 * none), in single precision (the trainer rounds them to four decimals, which float32 holds).
 * A candidate's features are looked up once for all the heads instead of once per head, and
 * the table is a few megabytes outside the collector's way instead of a map of arrays per head.
 */
export class StackedHeads {
  /** each head's classes (the weights themselves are in `table` only) */
  readonly classes: readonly (readonly string[])[];
  /** where each head's classes start in a row */
  private readonly offsets: number[];
  private readonly width: number;
  /**
   * Each feature's row, found by hashing the feature's string rather than through a Map of
   * strings: open addressing over two 32-bit hashes of the string (slot s holds them at 2s and
   * 2s + 1, and the row at s; both 0 mark an empty slot), so that the look-up reads two typed
   * arrays and compares numbers. A map of some 30,000 strings cost a cache miss or three per
   * feature, and the classifier looks up some 60 features per candidate. Two hashes make a
   * feature the model lacks match one it has about once in 10^14 look-ups.
   */
  private readonly hashes: Int32Array;
  private readonly rowOf: Int32Array;
  private readonly mask: number;
  private readonly table: Float32Array;

  constructor(heads: readonly LinearWeights[]) {
    this.classes = heads.map((h) => h.classes);
    this.offsets = [];
    let width = 0;
    for (const h of heads) {
      this.offsets.push(width);
      width += h.classes.length;
    }
    this.width = width;
    const rows = new Map<string, number>();
    for (const h of heads) for (const f of Object.keys(h.weights)) if (!rows.has(f)) rows.set(f, rows.size);
    this.table = new Float32Array(rows.size * width);
    heads.forEach((h, k) => {
      for (const [f, w] of Object.entries(h.weights)) this.table.set(w, rows.get(f)! * width + this.offsets[k]!);
    });
    let capacity = 1;
    while (capacity < rows.size * 2) capacity <<= 1;
    this.mask = capacity - 1;
    this.hashes = new Int32Array(capacity * 2);
    this.rowOf = new Int32Array(capacity);
    for (const [f, row] of rows) {
      const [a, b] = featureHashes(f);
      let slot = a & this.mask;
      while (this.hashes[2 * slot] !== 0 || this.hashes[2 * slot + 1] !== 0) {
        if (this.hashes[2 * slot] === a && this.hashes[2 * slot + 1] === b) throw new Error(`two event features hash alike: "${f}"; change featureHashes`);
        slot = (slot + 1) & this.mask;
      }
      this.hashes[2 * slot] = a;
      this.hashes[2 * slot + 1] = b;
      this.rowOf[slot] = row;
    }
  }

  /** The feature's row in `table`, or -1 when the model has no weights for it. */
  private row(feature: string): number {
    const [a, b] = featureHashes(feature);
    const hashes = this.hashes;
    for (let slot = a & this.mask; ; slot = (slot + 1) & this.mask) {
      const x = hashes[2 * slot]!;
      const y = hashes[2 * slot + 1]!;
      if (x === a && y === b) return this.rowOf[slot]!;
      if (x === 0 && y === 0) return -1;
    }
  }

  /** Empty score arrays, one per head, for add(). */
  scores(): number[][] {
    return this.classes.map((c) => new Array<number>(c.length).fill(0));
  }

  /**
   * Adds each feature's weights to the scores of the heads listed, leaving out of head
   * `skip.head` the features that begin with `skip.prefix`.
   */
  add(scores: number[][], features: readonly string[], heads: readonly number[], skip?: { head: number; prefix: string }): void {
    for (const f of features) {
      const row = this.row(f);
      if (row < 0) continue;
      const at = row * this.width;
      const skipped = skip !== undefined && f.startsWith(skip.prefix) ? skip.head : -1;
      for (const k of heads) {
        if (k === skipped) continue;
        const s = scores[k]!;
        const base = at + this.offsets[k]!;
        for (let c = 0; c < s.length; c++) s[c]! += this.table[base + c]!;
      }
    }
  }
}

const PAIR: [number, number] = [0, 0];

/**
 * Two independent 32-bit hashes of a feature's string (FNV-1a, and a multiplicative hash with
 * another seed), never both 0. The pair returned is reused from call to call: read it at once.
 */
function featureHashes(s: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  PAIR[0] = a | 0;
  PAIR[1] = (b | 0) || 1;
  return PAIR;
}

export function softmax(scores: number[]): number[] {
  const max = Math.max(...scores);
  const exp = scores.map((s) => Math.exp(s - max));
  const sum = exp.reduce((a, b) => a + b, 0);
  return exp.map((e) => e / sum);
}

export interface Example {
  features: string[];
  label: string;
  /** how much the example counts (hand labels more than labels mapped from other schemes) */
  weight?: number;
}

export interface TrainOptions {
  epochs?: number;
  learningRate?: number;
  l2?: number;
  seed?: number;
  /** features seen fewer times than this are left out */
  minCount?: number;
  /** weights below this in size are dropped from the result */
  prune?: number;
}

/** Trains one head on the examples; deterministic for a given seed. */
export function train(examples: Example[], classes: string[], options: TrainOptions = {}): LinearWeights {
  const { epochs = 12, learningRate = 0.3, l2 = 1e-4, seed = 1, minCount = 2, prune = 1e-3 } = options;
  const counts = new Map<string, number>();
  for (const e of examples) for (const f of new Set(e.features)) counts.set(f, (counts.get(f) ?? 0) + 1);
  const weights = new Map<string, Float64Array>();
  const squares = new Map<string, Float64Array>();
  const classIndex = new Map(classes.map((c, k) => [c, k]));
  const usable = examples.filter((e) => classIndex.has(e.label));
  const order = usable.map((_, k) => k);
  const random = seeded(seed);
  const n = classes.length;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let k = order.length - 1; k > 0; k--) {
      const j = Math.floor(random() * (k + 1));
      [order[k], order[j]] = [order[j]!, order[k]!];
    }
    for (const k of order) {
      const e = usable[k]!;
      const feats = [...new Set(e.features)].filter((f) => (counts.get(f) ?? 0) >= minCount || f === 'bias');
      const scores = new Array<number>(n).fill(0);
      for (const f of feats) {
        const w = weights.get(f);
        if (w) for (let c = 0; c < n; c++) scores[c]! += w[c]!;
      }
      const p = softmax(scores);
      const y = classIndex.get(e.label)!;
      const scale = e.weight ?? 1;
      for (const f of feats) {
        let w = weights.get(f);
        let g2 = squares.get(f);
        if (!w || !g2) {
          w = new Float64Array(n);
          g2 = new Float64Array(n);
          weights.set(f, w);
          squares.set(f, g2);
        }
        for (let c = 0; c < n; c++) {
          const grad = scale * (p[c]! - (c === y ? 1 : 0)) + l2 * w[c]!;
          g2[c]! += grad * grad;
          w[c]! -= (learningRate * grad) / Math.sqrt(g2[c]! + 1e-8);
        }
      }
    }
  }
  const out: Record<string, number[]> = {};
  for (const [f, w] of [...weights].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (w.every((x) => Math.abs(x) < prune)) continue;
    out[f] = [...w].map((x) => Math.round(x * 1e4) / 1e4);
  }
  return { classes, weights: out };
}

/** A small seeded generator (LCG) for shuffles that repeat. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
