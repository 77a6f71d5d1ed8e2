// The Scorer: gold documents and our records in, pair by pair; scores, confusion matrices and
// per-document errors out. Which scores there are follows from the layers the gold has: a gold
// set without entities reports no entity score.
import type { DocumentRecord } from '../../record/record.js';
import type { Confusion, PerTypeJSON, PRFJSON } from '../score.js';
import { alignTexts, type OffsetMap } from './align.js';
import { DocErrors } from './doc-errors.js';
import { ColumnScore, columnsOf, COLUMNS, PloverScore, type Column, type ColumnsJSON, type PloverJSON } from './score-coded.js';
import { EventScore, type EventsJSON } from './score-events.js';
import { FiveWScore, type FiveWJSON } from './score-5w.js';
import { EntityScore, QuantityScore } from './score-spans.js';
import type { GoldDoc, GoldSet } from './types.js';

/** The scores of a run: only those the gold's layers allow are present. */
export interface ScoresJSON extends Partial<FiveWJSON> {
  entities?: PerTypeJSON;
  quantities?: PRFJSON;
  events?: EventsJSON;
  plover?: PloverJSON;
  columns?: ColumnsJSON;
}

export class Scorer {
  private readonly entities?: EntityScore;
  private readonly quantities?: QuantityScore;
  private readonly events?: EventScore;
  private readonly columns?: ColumnScore;
  private readonly plover?: PloverScore;
  private readonly fiveW?: FiveWScore;
  readonly docs: DocErrors[] = [];

  constructor(set: GoldSet) {
    const has = (pick: (d: GoldDoc) => unknown) => set.docs.some((d) => pick(d) !== undefined);
    if (has((d) => d.entities)) this.entities = new EntityScore(set.entityScheme);
    if (has((d) => d.quantities)) this.quantities = new QuantityScore();
    if (has((d) => d.events)) this.events = new EventScore();
    const coded = new Set<string>([...(set.columns ?? []), ...set.docs.flatMap((d) => (d.coded ? columnsOf(d.coded) : []))]);
    if (coded.size > 0) this.columns = new ColumnScore(COLUMNS.filter((c: Column) => coded.has(c)));
    if (has((d) => d.coded?.plover)) this.plover = new PloverScore();
    if (has((d) => d.w)) this.fiveW = new FiveWScore();
  }

  /** Score one gold document against our record of it. */
  add(gold: GoldDoc, record: DocumentRecord): DocErrors {
    const errors = new DocErrors(gold.id, gold.where);
    let aligned: OffsetMap | null = null;
    const map: OffsetMap = (span) => (aligned ??= alignTexts(record.text, gold.text))(span);
    this.entities?.add(gold, record, map, errors);
    this.quantities?.add(gold, record, map, errors);
    this.events?.add(gold, record, map, errors);
    this.columns?.add(gold, record, errors);
    this.plover?.add(gold, record, errors);
    this.fiveW?.add(gold, record, errors);
    this.docs.push(errors);
    return errors;
  }

  /** The scores, keyed as docs/GOLD-FORMATS.md describes. */
  scores(): ScoresJSON {
    const scores: ScoresJSON = {};
    if (this.entities) scores.entities = this.entities.perType.toJSON();
    if (this.quantities) scores.quantities = this.quantities.prf.toJSON();
    if (this.events) scores.events = this.events.toJSON();
    if (this.plover) scores.plover = this.plover.toJSON();
    if (this.columns) scores.columns = this.columns.toJSON();
    if (this.fiveW) Object.assign(scores, this.fiveW.toJSON());
    return scores;
  }

  /** Gold label × our label: sitrep event types of aligned events, ACLED event types and PLOVER types of the primary event. */
  confusions(): Record<string, Confusion> {
    const out: Record<string, Confusion> = {};
    if (this.events) out.events = this.events.type.confusion;
    if (this.columns?.columns.includes('event_type')) out.acled = this.columns.eventType.confusion;
    if (this.plover) out.plover = this.plover.type.confusion;
    return out;
  }
}
