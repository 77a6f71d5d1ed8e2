// Offsets of a record index its normalized text; offsets of the gold index the gold's text.
// Normalization mostly deletes (white space runs, invisible characters, boilerplate lines, a
// dateline or header at the top) and sometimes substitutes (a tab for a space, NFC). This maps
// record offsets back onto the gold text so spans can be compared exactly.

/** how many characters must agree before the alignment trusts a position */
const ANCHOR = 12;

export type OffsetMap = (span: { start: number; end: number }) => { start: number; end: number } | null;

/** White space and the invisible characters normalization removes. */
const SKIPPABLE = /[\s\u200B-\u200D\u2060\uFEFF\u00AD]/;

/** A map from spans of `from` (the record's text) to spans of `to` (the gold's text). */
export function alignTexts(from: string, to: string): OffsetMap {
  if (from === to) return (span) => span;
  const map = new Int32Array(from.length).fill(-1);
  let i = 0;
  let j = 0;
  let synced = false;
  while (i < from.length && j <= to.length) {
    const c = from[i]!;
    const d = to[j];
    if (synced && d !== undefined) {
      if (c === d || (/\s/.test(c) && /\s/.test(d))) {
        map[i++] = j++;
        continue;
      }
      if (SKIPPABLE.test(d)) {
        j++; // white space or an invisible character that normalization removed
        continue;
      }
    }
    // find where the next stretch of `from` continues in `to`
    const at = findAnchor(from.slice(i, i + ANCHOR), to, j);
    if (at >= 0) {
      j = at;
      synced = true;
      continue;
    }
    // a substituted character (a composed letter, a changed quote): step over it on both sides
    synced = false;
    if (d === undefined) break;
    map[i++] = j++;
  }
  return ({ start, end }) => {
    const a = map[start];
    const b = map[end - 1];
    if (a === undefined || b === undefined || a < 0 || b < 0 || b < a) return null;
    return { start: a, end: b + 1 };
  };
}

/** Where `chunk` occurs in `text` from `from` on, any run of white space in it matching any run of white space. */
function findAnchor(chunk: string, text: string, from: number): number {
  const pattern = chunk
    .split(/(\s+)/)
    .map((part) => (/^\s+$/.test(part) ? '\\s+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  const re = new RegExp(pattern, 'g');
  re.lastIndex = from;
  return re.exec(text)?.index ?? -1;
}
