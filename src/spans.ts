// Things with a span of the text (candidates, mentions) found by the span they overlap or lie
// in, without scanning them all: a long text holds tens of thousands, and a scan per token made
// the stages' work grow with the square of the text's length.

/**
 * Speed trick: items by the 256-character blocks of text they touch, so a lookup looks at its
 * neighbourhood only. Lookups give items in the order they were added, as a scan would.
 */
export class SpanIndex<T extends { start: number; end: number }> {
  private readonly blocks = new Map<number, T[]>();
  private readonly order = new Map<T, number>();
  private added = 0;

  constructor(items: Iterable<T> = []) {
    for (const item of items) this.add(item);
  }

  add(item: T): void {
    this.order.set(item, this.added++);
    for (let b = item.start >> 8; b <= lastBlock(item.start, item.end); b++) {
      const list = this.blocks.get(b);
      if (list) list.push(item);
      else this.blocks.set(b, [item]);
    }
  }

  remove(item: T): void {
    if (!this.order.delete(item)) return;
    for (let b = item.start >> 8; b <= lastBlock(item.start, item.end); b++) {
      const list = this.blocks.get(b)!;
      list.splice(list.indexOf(item), 1);
    }
  }

  /** the items that share a character with [start, end) (or lie strictly inside it, when empty) */
  overlapping(start: number, end: number): T[] {
    return this.find(start, end, (x) => x.start < end && x.end > start);
  }

  /** the items whose span holds [start, end) whole */
  containing(start: number, end: number): T[] {
    return this.find(start, start + 1, (x) => x.start <= start && x.end >= end);
  }

  /** every item, by start, ties in the order they were added */
  all(): T[] {
    return [...this.order.keys()].sort((a, b) => a.start - b.start);
  }

  private find(start: number, end: number, test: (item: T) => boolean): T[] {
    const found = new Set<T>();
    for (let b = start >> 8; b <= lastBlock(start, end); b++) for (const item of this.blocks.get(b) ?? []) if (test(item)) found.add(item);
    return found.size > 1 ? [...found].sort((a, b) => this.order.get(a)! - this.order.get(b)!) : [...found];
  }
}

const lastBlock = (start: number, end: number) => Math.max(start, end - 1) >> 8;
