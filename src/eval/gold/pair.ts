// Records given with --pred, read and paired with the gold documents: by doc.id, else by
// identical text (white space aside), else by position when both files hold as many documents.
import { InputError } from '../../io/errors.js';
import type { DocumentRecord } from '../../record/record.js';
import { validateRecord } from '../../record/validate.js';
import { jsonLines, readTextFile } from './lines.js';
import type { GoldDoc } from './types.js';

export type MatchedBy = 'id' | 'text' | 'order';

export interface Pair {
  gold: GoldDoc;
  /** null when no record matched: the document is scored as if nothing was extracted */
  record: DocumentRecord | null;
  by: MatchedBy | null;
}

export interface Pairing {
  pairs: Pair[];
  /** how many gold documents were matched each way, and how many were not (none) */
  matchedBy: Record<MatchedBy | 'none', number>;
  /** records that matched no gold document */
  unused: number;
}

/** Document records, one JSON line each, checked against the record's JSON Schema. */
export function readRecords(path: string): DocumentRecord[] {
  return jsonLines(path, readTextFile(path, 'records file')).map(({ line, value }) => {
    const result = validateRecord(value);
    if (!result.valid) throw new InputError(path, `not a sitrep document record: ${result.errors.slice(0, 3).join('; ')}`, line);
    return value as unknown as DocumentRecord;
  });
}

const fold = (text: string) => text.replace(/\s+/g, ' ').trim();

export function pairRecords(docs: GoldDoc[], records: DocumentRecord[]): Pairing {
  const byId = new Map<string, number>();
  const byText = new Map<string, number>();
  records.forEach((r, i) => {
    if (!byId.has(r.doc.id)) byId.set(r.doc.id, i);
    const t = fold(r.text);
    if (!byText.has(t)) byText.set(t, i);
  });
  const used = new Set<number>();
  const found: Array<{ index: number; by: MatchedBy } | null> = docs.map((gold) => {
    const id = byId.get(gold.id);
    if (id !== undefined && !used.has(id)) return used.add(id), { index: id, by: 'id' };
    const text = byText.get(fold(gold.text));
    if (text !== undefined && !used.has(text)) return used.add(text), { index: text, by: 'text' };
    return null;
  });
  if (records.length === docs.length) {
    found.forEach((f, i) => {
      if (!f && !used.has(i)) {
        used.add(i);
        found[i] = { index: i, by: 'order' };
      }
    });
  }
  const matchedBy: Pairing['matchedBy'] = { id: 0, text: 0, order: 0, none: 0 };
  const pairs = docs.map((gold, i): Pair => {
    const f = found[i];
    matchedBy[f?.by ?? 'none']++;
    return { gold, record: f ? records[f.index]! : null, by: f?.by ?? null };
  });
  return { pairs, matchedBy, unused: records.length - used.size };
}
