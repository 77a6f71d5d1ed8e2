// The document's entity mentions and quantities grouped by sentence, built once per run of the
// events stage, so reading a sentence looks only at its own mentions rather than every mention
// of the document (which made the stage's work grow with the square of the text's length).
// Groups keep the order a scan of doc.entities and doc.quantities gives, and mentions the stage
// itself adds (claimants) are told to the index with addMention.
import type { Doc, Entity, Mention, Quantity } from '../../doc.js';

export interface SentenceMention {
  entity: Entity;
  mention: Mention;
  /** the entity's position in doc.entities and the mention's in entity.mentions: the scan order */
  order: [number, number];
}

export class DocIndex {
  private mentions: SentenceMention[][];
  private quantities: Quantity[][];
  private entityOrder = new Map<Entity, number>();
  private byId = new Map<string, Entity>();
  private quantityById = new Map<string, Quantity>();
  private starts: number[];
  /** DATE mentions that lie in no one sentence (none, with today's splitter; kept for exactness) */
  private strayDates: Mention[] = [];
  /** quantities that lie in no one sentence, and each quantity's position in doc.quantities */
  private strayQuantities: Quantity[] = [];
  private quantityOrder = new Map<Quantity, number>();

  constructor(private doc: Doc) {
    this.starts = doc.sentences.map((s) => s.start);
    this.mentions = doc.sentences.map(() => []);
    this.quantities = doc.sentences.map(() => []);
    doc.entities.forEach((e, ei) => {
      this.entityOrder.set(e, ei);
      if (!this.byId.has(e.id)) this.byId.set(e.id, e);
      // names of other kinds (an event, a law, a work) are no actor, place or weapon of an event,
      // and the event classifier was trained without them: the stage does not see them
      if (e.type === 'MISC') return;
      e.mentions.forEach((m, mi) => {
        const s = this.sentenceOf(m.start, m.end);
        if (s >= 0) this.mentions[s]!.push({ entity: e, mention: m, order: [ei, mi] });
        else if (e.type === 'DATE') this.strayDates.push(m);
      });
    });
    doc.quantities.forEach((q, i) => {
      this.quantityOrder.set(q, i);
      if (!this.quantityById.has(q.id)) this.quantityById.set(q.id, q);
      const s = this.sentenceOf(q.start, q.end);
      if (s >= 0) this.quantities[s]!.push(q);
      else this.strayQuantities.push(q);
    });
  }

  /** The sentence that holds start…end whole, or -1. */
  private sentenceOf(start: number, end: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! <= start) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    // sentences may share a start offset only if empty; try the candidates around it
    for (let s = found; s >= 0 && this.starts[s] === this.starts[found]; s--) {
      const sentence = this.doc.sentences[s]!;
      if (start >= sentence.start && end <= sentence.end) return s;
    }
    return -1;
  }

  /** The mentions lying wholly in sentence s, in doc.entities order. */
  sentenceMentions(s: number): readonly SentenceMention[] {
    return this.mentions[s] ?? [];
  }

  /** The quantities lying wholly in sentence s, in doc.quantities order. */
  sentenceQuantities(s: number): readonly Quantity[] {
    return this.quantities[s] ?? [];
  }

  /** The quantities touching sentence s (start…end, ends included), in doc.quantities order. */
  quantitiesTouching(s: number): Quantity[] {
    const sentences = this.doc.sentences;
    const { start, end } = sentences[s]!;
    const near: Quantity[] = [];
    for (let k = s; k >= 0 && sentences[k]!.end >= start; k--) near.push(...this.quantities[k]!);
    for (let k = s + 1; k < sentences.length && sentences[k]!.start <= end; k++) near.push(...this.quantities[k]!);
    near.push(...this.strayQuantities);
    return near.filter((q) => q.start <= end && q.end >= start).sort((a, b) => this.quantityOrder.get(a)! - this.quantityOrder.get(b)!);
  }

  /** The first entity with this id, as doc.entities.find would give. */
  entity(id: string | null | undefined): Entity | undefined {
    return id ? this.byId.get(id) : undefined;
  }

  quantity(id: string | null | undefined): Quantity | undefined {
    return id ? this.quantityById.get(id) : undefined;
  }

  /** Is start…end inside a mention of a DATE entity in sentence s? */
  insideDate(s: number, start: number, end: number): boolean {
    return this.sentenceMentions(s).some(({ entity, mention: m }) => entity.type === 'DATE' && m.start <= start && m.end >= end) || this.strayDates.some((m) => m.start <= start && m.end >= end);
  }

  /** Tell the index of a mention the stage added to an entity (new or pushed to doc.entities' end). */
  addMention(entity: Entity, mention: Mention): void {
    let ei = this.entityOrder.get(entity);
    if (ei === undefined) {
      ei = this.doc.entities.indexOf(entity);
      this.entityOrder.set(entity, ei);
      if (!this.byId.has(entity.id)) this.byId.set(entity.id, entity);
    }
    const s = this.sentenceOf(mention.start, mention.end);
    if (s < 0) {
      if (entity.type === 'DATE') this.strayDates.push(mention);
      return;
    }
    const order: [number, number] = [ei, entity.mentions.indexOf(mention)];
    const group = this.mentions[s]!;
    let at = group.length;
    while (at > 0 && (group[at - 1]!.order[0] > order[0] || (group[at - 1]!.order[0] === order[0] && group[at - 1]!.order[1] > order[1]))) at--;
    group.splice(at, 0, { entity, mention, order });
  }
}
