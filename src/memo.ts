// A bounded memo for pure functions of a word or a name: the pipeline meets the same words
// document after document, but a long run also meets words without end, so a memo that is
// full starts again rather than growing.

/** The value `memo` holds for `key`, made by `make` and kept when missing; a full memo (`limit` keys) is emptied first. */
export function remembered<K, V>(memo: Map<K, V>, key: K, limit: number, make: (key: K) => V): V {
  let value = memo.get(key);
  if (value === undefined) {
    value = make(key);
    if (memo.size >= limit) memo.clear();
    memo.set(key, value);
  }
  return value;
}

/**
 * How many words each per-word memo holds before it starts again. News repeats a few thousand
 * words most of the time, so a small memo answers most look-ups; each memo is per worker
 * thread, and on varied text four full memos of many more words cost more memory than two
 * workers can spare (docs/PERFORMANCE.md, "Varied text").
 */
export const WORD_MEMO_LIMIT = 10_000;
