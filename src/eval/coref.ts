// Coreference scores as the CoNLL-2012 shared task computes them: MUC (links), B³ (mentions)
// and CEAF-e (entities, aligned one to one by the Kuhn–Munkres algorithm with φ4 similarity),
// and CoNLL F, the mean of their three F1. Clusters are lists of mention keys; a mention in
// one partition and not the other counts as a singleton of its own there.

export interface PR {
  p: number | null;
  r: number | null;
  f: number | null;
}

export interface CorefScores {
  muc: PR;
  b3: PR;
  ceafe: PR;
  conll: number | null;
}

const f1 = (p: number, r: number) => (p + r > 0 ? (2 * p * r) / (p + r) : 0);
const pr = (pn: number, pd: number, rn: number, rd: number): PR => {
  const p = pd > 0 ? pn / pd : null;
  const r = rd > 0 ? rn / rd : null;
  return { p, r, f: p !== null && r !== null ? f1(p, r) : null };
};

type Partition = string[][];

function index(clusters: Partition): Map<string, number> {
  const of = new Map<string, number>();
  clusters.forEach((c, i) => c.forEach((m) => of.set(m, i)));
  return of;
}

/** Every mention of either side in the other too: a mention a side lacks is its singleton there. */
function complete(a: Partition, b: Partition): Partition {
  const have = index(a);
  const extra = b.flat().filter((m) => !have.has(m));
  return [...a.map((c) => [...new Set(c)]), ...[...new Set(extra)].map((m) => [m])];
}

/** MUC recall of key against response (precision is the same with the roles swapped). */
function mucPart(key: Partition, response: Partition): [number, number] {
  const of = index(response);
  let num = 0;
  let den = 0;
  for (const c of key) {
    const parts = new Set(c.map((m) => of.get(m) ?? `~${m}`));
    num += c.length - parts.size;
    den += c.length - 1;
  }
  return [num, den];
}

function b3Part(key: Partition, response: Partition): [number, number] {
  const of = index(response);
  let num = 0;
  let den = 0;
  for (const c of key) {
    const counts = new Map<number, number>();
    for (const m of c) counts.set(of.get(m)!, (counts.get(of.get(m)!) ?? 0) + 1);
    for (const m of c) {
      num += counts.get(of.get(m)!)! / c.length;
      den += 1;
    }
  }
  return [num, den];
}

/** φ4 similarity: 2|K∩R| / (|K|+|R|) */
function phi4(k: string[], r: Set<string>): number {
  let common = 0;
  for (const m of k) if (r.has(m)) common++;
  return (2 * common) / (k.length + r.size);
}

/** Maximum-weight one-to-one assignment (Kuhn–Munkres on a square cost matrix). */
export function maxAssignment(weights: number[][]): number {
  const n = Math.max(weights.length, ...weights.map((r) => r.length));
  if (n === 0) return 0;
  const max = Math.max(0, ...weights.flat());
  const cost = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => max - (weights[i]?.[j] ?? 0)));
  const u = new Array<number>(n + 1).fill(0);
  const v = new Array<number>(n + 1).fill(0);
  const p = new Array<number>(n + 1).fill(0);
  const way = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Array<number>(n + 1).fill(Infinity);
    const used = new Array<boolean>(n + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = p[j0]!;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = cost[i0 - 1]![j - 1]! - u[i0]! - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[p[j]!]! += delta;
          v[j]! -= delta;
        } else minv[j]! -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0);
  }
  let total = 0;
  for (let j = 1; j <= n; j++) if (p[j]! > 0) total += weights[p[j]! - 1]?.[j - 1] ?? 0;
  return total;
}

/** CEAF-e's best total similarity, solved per connected group of overlapping clusters (they are small). */
function ceafSimilarity(key: Partition, response: Partition): number {
  const of = index(response);
  const sets = response.map((c) => new Set(c));
  // union-find over key clusters joined through the response clusters they share
  const parent = key.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const owner = new Map<number, number>();
  key.forEach((c, i) => {
    for (const m of c) {
      const r = of.get(m)!;
      const o = owner.get(r);
      if (o === undefined) owner.set(r, i);
      else parent[find(i)] = find(o);
    }
  });
  const groups = new Map<number, number[]>();
  key.forEach((_, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), i]));
  let total = 0;
  for (const members of groups.values()) {
    const rs = [...new Set(members.flatMap((i) => key[i]!.map((m) => of.get(m)!)))];
    total += maxAssignment(members.map((i) => rs.map((r) => phi4(key[i]!, sets[r]!))));
  }
  return total;
}

export function corefScores(gold: Partition, predicted: Partition): CorefScores {
  const key = complete(gold, predicted);
  const response = complete(predicted, gold);
  const [mr, mrd] = mucPart(key, response);
  const [mp, mpd] = mucPart(response, key);
  const [br, brd] = b3Part(key, response);
  const [bp, bpd] = b3Part(response, key);
  const sim = ceafSimilarity(key, response);
  const muc = pr(mp, mpd, mr, mrd);
  const b3 = pr(bp, bpd, br, brd);
  const ceafe = pr(sim, response.length, sim, key.length);
  const fs = [muc.f ?? 0, b3.f ?? 0, ceafe.f ?? 0];
  return { muc, b3, ceafe, conll: (fs[0]! + fs[1]! + fs[2]!) / 3 };
}
