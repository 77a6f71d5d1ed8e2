// conlleval's measure: a predicted span counts when its type, first and last word all equal a
// gold span's; precision, recall and F per type, micro over all types and over PER/ORG/LOC
// (the figure issue 19 sets its target on).
import { PerType, PRF, matchKeys, spanKey, type PRFJSON } from '../../eval/score.js';

export interface TypedSpan {
  type: string;
  start: number;
  end: number;
}

export class SpanScore {
  readonly perType = new PerType();

  add(gold: readonly TypedSpan[], pred: readonly TypedSpan[]): void {
    const key = (s: TypedSpan) => spanKey(s.type, s.start, s.end);
    const { matched, missed, spurious } = matchKeys(gold.map(key), pred.map(key));
    const label = (k: string) => k.slice(0, k.indexOf('|'));
    for (const k of matched) this.perType.add(label(k), { tp: 1 });
    for (const k of missed) this.perType.add(label(k), { fn: 1 });
    for (const k of spurious) this.perType.add(label(k), { fp: 1 });
  }

  /** micro P/R/F over the given types only */
  over(types: readonly string[]): PRF {
    const prf = new PRF();
    for (const t of types) {
      const s = this.perType.types.get(t);
      if (s) prf.add(s);
    }
    return prf;
  }

  /** A conlleval-style table: one row per type, then micro rows. */
  table(types: readonly string[]): string {
    const pct = (x: number | null) => (x === null ? '   -  ' : (100 * x).toFixed(2).padStart(6));
    const row = (name: string, s: PRFJSON) => `${name.padEnd(16)} ${pct(s.p)} ${pct(s.r)} ${pct(s.f)}  ${String(s.tp + s.fn).padStart(6)} ${String(s.tp + s.fp).padStart(6)}`;
    const lines = [`${'type'.padEnd(16)}      P      R      F    gold   pred`];
    for (const t of types) lines.push(row(t, (this.perType.types.get(t) ?? new PRF()).toJSON()));
    lines.push(row('PER/ORG/LOC', this.over(['PER', 'ORG', 'LOC']).toJSON()));
    lines.push(row('all', this.over(types).toJSON()));
    return lines.join('\n');
  }
}
