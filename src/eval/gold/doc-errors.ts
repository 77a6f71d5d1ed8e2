// What one document got wrong, for `--errors N`: gold items we missed and items we produced
// that the gold does not have, each as one readable line.

export class DocErrors {
  readonly missed: string[] = [];
  readonly spurious: string[] = [];

  constructor(
    readonly id: string,
    readonly where: string,
  ) {}

  get count(): number {
    return this.missed.length + this.spurious.length;
  }

  toJSON(): { id: string; where: string; missed: string[]; spurious: string[] } {
    return { id: this.id, where: this.where, missed: this.missed, spurious: this.spurious };
  }
}

/** The n documents with the most errors (first in gold order among equals), leaving out those without any. */
export function worst(docs: DocErrors[], n: number): DocErrors[] {
  return docs
    .map((d, i) => ({ d, i }))
    .filter(({ d }) => d.count > 0)
    .sort((a, b) => b.d.count - a.d.count || a.i - b.i)
    .slice(0, n)
    .map(({ d }) => d);
}

/** A span of the gold text for an error line: `"text"@start`. */
export function quote(text: string, start: number, end: number): string {
  return `${JSON.stringify(text.slice(start, end))}@${start}`;
}
