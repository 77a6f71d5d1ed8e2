// Every event of the text (sitrep gold), against all our events. Gold and predicted events are
// first aligned one to one: by overlapping triggers when every gold event of the document has a
// trigger, else by type and then by order. The aligned pairs give the type score and the
// confusion matrix; triggers are scored as spans; arguments, dates and casualty counts are
// scored on the aligned pairs.
import type { Event } from '../../doc.js';
import type { DocumentRecord } from '../../record/record.js';
import { Accuracy, LabelScore, matchKeys, PRF, spanKey, type AccuracyJSON, type LabelJSON, type PRFJSON } from '../score.js';
import type { OffsetMap } from './align.js';
import { quote, type DocErrors } from './doc-errors.js';
import { tokenOverlap, OVERLAP_THRESHOLD } from './text-match.js';
import type { GoldDoc, GoldEvent } from './types.js';

export type EventPair = [GoldEvent | null, Event | null];

export interface EventsJSON {
  type: LabelJSON;
  /** only when the gold has triggers */
  trigger?: PRFJSON;
  args: PRFJSON;
  date: AccuracyJSON;
  killed: AccuracyJSON;
  injured: AccuracyJSON;
  captured: AccuracyJSON;
}

export class EventScore {
  readonly type = new LabelScore();
  readonly trigger = new PRF();
  readonly args = new PRF();
  readonly date = new Accuracy();
  readonly killed = new Accuracy();
  readonly injured = new Accuracy();
  readonly captured = new Accuracy();
  private triggersScored = false;

  add(gold: GoldDoc, record: DocumentRecord, map: OffsetMap, errors: DocErrors): void {
    if (!gold.events) return;
    const withTriggers = gold.events.length > 0 && gold.events.every((g) => g.trigger);
    const pairs = alignEvents(gold.events, record.events, withTriggers ? map : null);
    for (const [g, p] of pairs) {
      this.type.add(g?.type ?? null, p?.type ?? null);
      if (g?.type !== p?.type) {
        if (g) errors.missed.push(`event ${g.type}${g.trigger ? ` ${quote(gold.text, g.trigger.start, g.trigger.end)}` : ''}`);
        if (p) errors.spurious.push(`event ${p.type} ${JSON.stringify(p.trigger.text)}@${p.trigger.start}`);
      }
      if (g && p) this.pairFields(g, p, errors);
    }
    if (withTriggers) {
      this.triggersScored = true;
      const goldKeys = gold.events.map((g) => spanKey(g.type ?? '', g.trigger!.start, g.trigger!.end));
      const predKeys = record.events.map((p) => {
        const span = map(p.trigger);
        return span ? spanKey(p.type, span.start, span.end) : `${p.type}|unaligned|`;
      });
      const { matched, missed, spurious } = matchKeys(goldKeys, predKeys);
      this.trigger.add({ tp: matched.length, fp: spurious.length, fn: missed.length });
    }
  }

  private pairFields(g: GoldEvent, p: Event, errors: DocErrors): void {
    const label = `${g.type ?? p.type}`;
    if (g.args) {
      const { tp, missed, spurious } = matchArgs(g.args, p.args.filter((a) => g.args!.some((b) => b.role === a.role)));
      this.args.add({ tp, fp: spurious.length, fn: missed.length });
      errors.missed.push(...missed.map((a) => `${label} ${a.role} ${JSON.stringify(a.text)}`));
      errors.spurious.push(...spurious.map((a) => `${label} ${a.role} ${JSON.stringify(a.text)}`));
    }
    const compare = (name: string, score: Accuracy, want: unknown, got: unknown) => {
      score.add(want === got);
      if (want !== got) {
        errors.missed.push(`${label} ${name} ${JSON.stringify(want)}`);
        errors.spurious.push(`${label} ${name} ${JSON.stringify(got)}`);
      }
    };
    if (g.date !== undefined) compare('date', this.date, g.date, p.date);
    if (g.killed !== undefined) compare('killed', this.killed, g.killed, p.casualties.killed ?? 0);
    if (g.injured !== undefined) compare('injured', this.injured, g.injured, p.casualties.injured ?? 0);
    if (g.captured !== undefined) compare('captured', this.captured, g.captured, p.casualties.captured ?? 0);
  }

  toJSON(): EventsJSON {
    return {
      type: this.type.toJSON(),
      ...(this.triggersScored ? { trigger: this.trigger.toJSON() } : {}),
      args: this.args.toJSON(),
      date: this.date.toJSON(),
      killed: this.killed.toJSON(),
      injured: this.injured.toJSON(),
      captured: this.captured.toJSON(),
    };
  }
}

/**
 * Arguments match one to one when their roles are equal and their texts overlap (see
 * text-match.ts). Only our arguments in roles the gold event lists are compared.
 */
function matchArgs(gold: Array<{ role: string; text: string }>, pred: Array<{ role: string; text: string }>) {
  const used = new Set<number>();
  const missed: typeof gold = [];
  let tp = 0;
  for (const g of gold) {
    const i = pred.findIndex((p, k) => !used.has(k) && p.role === g.role && tokenOverlap(g.text, p.text) >= OVERLAP_THRESHOLD);
    if (i >= 0) {
      used.add(i);
      tp++;
    } else missed.push(g);
  }
  return { tp, missed, spurious: pred.filter((_, k) => !used.has(k)) };
}

/**
 * One-to-one alignment. With a map (every gold event has a trigger): pairs whose triggers
 * overlap on the gold text, same-type pairs and larger overlaps first. Without: equal types in
 * order of appearance, then what is left of each side in order. Unpaired events pair with null.
 */
export function alignEvents(gold: GoldEvent[], pred: Event[], map: OffsetMap | null): EventPair[] {
  const pairs: EventPair[] = [];
  const usedGold = new Set<number>();
  const usedPred = new Set<number>();
  const take = (gi: number, pi: number) => {
    usedGold.add(gi);
    usedPred.add(pi);
    pairs.push([gold[gi]!, pred[pi]!]);
  };
  if (map) {
    const candidates: Array<{ gi: number; pi: number; same: boolean; overlap: number }> = [];
    gold.forEach((g, gi) =>
      pred.forEach((p, pi) => {
        const span = map(p.trigger);
        if (!span || !g.trigger) return;
        const overlap = Math.min(span.end, g.trigger.end) - Math.max(span.start, g.trigger.start);
        if (overlap > 0) candidates.push({ gi, pi, same: g.type === p.type, overlap });
      }),
    );
    candidates.sort((a, b) => Number(b.same) - Number(a.same) || b.overlap - a.overlap || a.gi - b.gi || a.pi - b.pi);
    for (const c of candidates) if (!usedGold.has(c.gi) && !usedPred.has(c.pi)) take(c.gi, c.pi);
  } else {
    gold.forEach((g, gi) => {
      const pi = pred.findIndex((p, k) => !usedPred.has(k) && p.type === g.type);
      if (pi >= 0) take(gi, pi);
    });
    const restGold = gold.map((_, i) => i).filter((i) => !usedGold.has(i));
    const restPred = pred.map((_, i) => i).filter((i) => !usedPred.has(i));
    restGold.forEach((gi, k) => {
      const pi = restPred[k];
      if (pi !== undefined) take(gi, pi);
    });
  }
  gold.forEach((g, i) => usedGold.has(i) || pairs.push([g, null]));
  pred.forEach((p, i) => usedPred.has(i) || pairs.push([null, p]));
  return pairs;
}
