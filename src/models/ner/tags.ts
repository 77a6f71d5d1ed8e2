// BILOU tags (Begin, Inside, Last, Outside, Unit) over CoNLL's four types, the transitions
// between them that make well-formed spans, and the way back from tags to spans. BILOU rather
// than BIO because a linear model learns the last word of a name ("… Ministry", "… Corp")
// and a one-word name as features of their own (Ratinov and Roth 2009).

export const ENTITY_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type NerType = (typeof ENTITY_TYPES)[number];

export const TAGS: readonly string[] = ['O', ...ENTITY_TYPES.flatMap((t) => ['B', 'I', 'L', 'U'].map((p) => `${p}-${t}`))];

export interface TagSpan {
  type: string;
  /** token index of the first word and one past the last */
  start: number;
  end: number;
}

const prefix = (tag: string) => tag[0]!;
const typeOf = (tag: string) => tag.slice(2);

/** May tag b follow tag a (a null: the sentence starts; b null: it ends)? */
export function allowed(a: string | null, b: string | null): boolean {
  const open = a !== null && (prefix(a) === 'B' || prefix(a) === 'I');
  if (b === null) return !open;
  const continues = prefix(b) === 'I' || prefix(b) === 'L';
  if (open) return continues && typeOf(a!) === typeOf(b);
  return !continues;
}

/** BIO (IOB2, or IOB1's I- opening a span) tags → BILOU. */
export function bioToBilou(tags: readonly string[]): string[] {
  return spansToBilou(bioSpans(tags), tags.length);
}

/** Spans of BIO tags: B- opens, I- of the same type continues (and opens after anything else). */
export function bioSpans(tags: readonly string[]): TagSpan[] {
  const spans: TagSpan[] = [];
  let open: TagSpan | null = null;
  tags.forEach((tag, i) => {
    if (tag === 'O' || !/^[BI]-/.test(tag)) {
      open = null;
      return;
    }
    const type = typeOf(tag);
    if (prefix(tag) === 'I' && open && open.type === type) open.end = i + 1;
    else {
      open = { type, start: i, end: i + 1 };
      spans.push(open);
    }
  });
  return spans;
}

export function spansToBilou(spans: readonly TagSpan[], length: number): string[] {
  const tags = new Array<string>(length).fill('O');
  for (const s of spans) {
    if (s.end - s.start === 1) tags[s.start] = `U-${s.type}`;
    else {
      tags[s.start] = `B-${s.type}`;
      for (let i = s.start + 1; i < s.end - 1; i++) tags[i] = `I-${s.type}`;
      tags[s.end - 1] = `L-${s.type}`;
    }
  }
  return tags;
}

/**
 * Spans of a BILOU sequence, repaired where it is not well formed (a greedy decoder, or a
 * model without transition constraints, can write "B-PER O" or "I-ORG L-ORG" with no B):
 * a span opens at B or U, or at I or L that does not continue a span of its type; it closes at
 * L or U, or before a word that does not continue it. So "B-PER O" is a one-word PER and
 * "O I-ORG L-ORG" a two-word ORG; "B-PER L-LOC" is two one-word spans.
 */
export function bilouSpans(tags: readonly string[]): TagSpan[] {
  const spans: TagSpan[] = [];
  let open: TagSpan | null = null;
  tags.forEach((tag, i) => {
    if (tag === 'O' || tag.length < 3) {
      open = null;
      return;
    }
    const p = prefix(tag);
    const type = typeOf(tag);
    const continues = open !== null && open.type === type && (p === 'I' || p === 'L');
    if (continues) open!.end = i + 1;
    else {
      open = { type, start: i, end: i + 1 };
      spans.push(open);
    }
    if (p === 'L' || p === 'U') open = null;
  });
  return spans;
}
