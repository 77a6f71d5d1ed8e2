// Comparing two runs of an extractor, fact by fact. Documents are matched by doc.id, else by
// identical text; inside a document, entities, quantities and events are matched by what
// they cover in the text, never by id:
//
//   entity    type, and at least one mention span in common
//   quantity  span (start, end)
//   event     type and trigger span
//
// A matched pair whose details differ is "changed", with the differing fields listed. Every
// reference (an event's source, an argument's ref, a quantity's entity) is compared by the
// name of what it refers to, so a run that renumbers entities changes nothing.
//
// The shapes below are the JSON of `sitrep diff --json` (schema "sitrep.diff/1"). Fields
// may be added; those here keep their names, types and meaning.
import type { Entity, Event, Quantity } from '../doc.js';
import type { DocumentRecord } from '../record/record.js';
import { validateRecord } from '../record/validate.js';

export const DIFF_SCHEMA = 'sitrep.diff/1';

/** An entity as the diff shows it: the record's entity without its id. */
export type EntityFact = Omit<Entity, 'id'>;
/** A quantity without its id; `entity` holds the name of the entity it counts, not its id. */
export type QuantityFact = Omit<Quantity, 'id'>;
/** An event without its id; `source` and each `args[].ref` hold names (of entities, or a quantity's text), not ids. */
export type EventFact = Omit<Event, 'id'>;

export interface Facts {
  entities: EntityFact[];
  quantities: QuantityFact[];
  events: EventFact[];
}
export type Kind = keyof Facts;
export const KINDS: readonly Kind[] = ['entities', 'quantities', 'events'];

/**
 * One field of a matched pair that differs. `field` is a dotted path ("modality",
 * "kb.country", "casualties.killed", "mappings.acled.event_type"; "doc.published" at the
 * document level). For the set-valued fields (`mentions`, `args`, `sentences`, `warnings`),
 * `old` and `new` list the members found only on that side, as short strings
 * (`"Kyiv"@12`, `agent "Russian forces"@0 (Military Forces of Russia)`, `0-120`,
 * `boilerplate@300`); for `text` they are excerpts around the first difference. Absent
 * values are null.
 */
export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}

export interface Change<T> {
  old: T;
  new: T;
  fields: FieldChange[];
}

export interface Changes<T> {
  added: T[];
  removed: T[];
  changed: Array<Change<T>>;
}

/**
 * What differs between two records of one document: `fields` holds the document-level
 * fields (doc.title, doc.published, doc.url, doc.dateline, text, sentences, warnings), and
 * `entities`, `quantities` and `events` the facts added, removed and changed.
 */
export type RecordDiff = { fields: FieldChange[] } & { [K in Kind]: Changes<Facts[K][number]> };

/** A matched document that differs. */
export interface DocumentDiff extends RecordDiff {
  /** doc.id in the new run */
  id: string;
  /** doc.id in the old run (differs from `id` when the documents were matched by text) */
  oldId: string;
  matchedBy: 'id' | 'text';
  /** doc.source in the new run */
  source: string | null;
}

/** A document found in one run only. */
export interface DocumentRef {
  id: string;
  source: string | null;
  /** its line in the JSONL file */
  line: number;
}

/** Old and new counts, and how many were added, removed and changed. */
export interface Count {
  old: number;
  new: number;
  added: number;
  removed: number;
  changed: number;
}

/**
 * Documents (added: only in the new run, removed: only in the old, changed: matched and
 * different) and facts. The facts of a document found in one run only count as added or
 * removed, so `old - removed + added = new` always holds.
 */
export interface Totals {
  documents: Count;
  entities: Count & { byType: Record<string, Count> };
  quantities: Count;
  events: Count & { byType: Record<string, Count> };
}

export interface RunDiff {
  schema: typeof DIFF_SCHEMA;
  /** the two files compared */
  old: string;
  new: string;
  /** true when any document differs or is found in one run only */
  changed: boolean;
  /** the matched documents that differ, in the order of the new run */
  documents: DocumentDiff[];
  onlyOld: DocumentRef[];
  onlyNew: DocumentRef[];
  totals: Totals;
}

/** A record read from a JSONL file, with its line number. */
export interface NumberedRecord {
  record: DocumentRecord;
  line: number;
}

// ---- records

/** Why `value` is not a document record the diff can read, or null when it is one. */
export function recordProblem(value: unknown): string | null {
  const looksLikeArticle = !!value && typeof value === 'object' && 'text' in value && !('entities' in value);
  if (looksLikeArticle) return 'this is an article, not a document record; run sitrep extract on the articles and compare its output';
  const result = validateRecord(value);
  if (result.valid) return null;
  const more = result.errors.length > 1 ? ` (and ${result.errors.length - 1} more problems)` : '';
  return `not a sitrep document record: ${result.errors[0]}${more}`;
}

/** The record's facts without ids, each reference replaced by the name of what it refers to. */
export function factsOf(record: DocumentRecord): Facts {
  const names = new Map<string, string>();
  for (const q of record.quantities) names.set(q.id, q.text);
  for (const e of record.entities) names.set(e.id, e.name);
  const name = (id: string | null) => (id === null ? null : (names.get(id) ?? id));
  return {
    entities: record.entities.map(({ id: _, ...e }) => e),
    quantities: record.quantities.map(({ id: _, ...q }) => ({ ...q, entity: name(q.entity) })),
    events: record.events.map(({ id: _, ...v }) => ({ ...v, source: name(v.source), args: v.args.map((a) => ({ ...a, ref: name(a.ref) })) })),
  };
}

// ---- the comparable view of a fact

/** A span as the diff shows it: `"Kyiv"@12`. */
export const spanKey = (m: { text: string; start: number }) => `${JSON.stringify(m.text)}@${m.start}`;

/** An event argument as the diff shows it: role, span and the name it refers to. */
export const argKey = (a: EventFact['args'][number]) => `${a.role} ${spanKey(a)}${a.ref ? ` (${a.ref})` : ''}`;

/** The fields compared as sets of strings; a FieldChange of one lists the members found on one side only. */
export const SET_FIELDS = ['mentions', 'args', 'sentences', 'warnings'] as const;

/** The fields compared one by one, and the set-valued ones (SET_FIELDS) compared as sets of strings. */
interface View {
  values: Record<string, unknown>;
  sets: Partial<Record<(typeof SET_FIELDS)[number], string[]>>;
}

function flatten(prefix: string, value: unknown, into: Record<string, unknown> = {}): Record<string, unknown> {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) flatten(`${prefix}.${key}`, inner, into);
  } else {
    into[prefix] = value;
  }
  return into;
}

const views: { [K in Kind]: (fact: Facts[K][number]) => View } = {
  entities: (e) => ({ values: { name: e.name, ...flatten('kb', e.kb ?? {}) }, sets: { mentions: e.mentions.map(spanKey) } }),
  quantities: (q) => ({ values: { value: q.value, item: q.item, approximate: q.approximate, entity: q.entity }, sets: {} }),
  events: (v) => ({
    values: { modality: v.modality, source: v.source, date: v.date, ...flatten('casualties', v.casualties), ...flatten('mappings', v.mappings) },
    sets: { args: v.args.map(argKey) },
  }),
};

/** The keys that match a fact with its counterpart in the other run; one shared key is a match. */
const matchKeys: { [K in Kind]: (fact: Facts[K][number]) => string[] } = {
  entities: (e) => e.mentions.map((m) => `${e.type}|${m.start}|${m.end}`),
  quantities: (q) => [`${q.start}|${q.end}`],
  events: (v) => [`${v.type}|${v.trigger.start}|${v.trigger.end}`],
};

function documentView(record: DocumentRecord): View {
  const { title, published, url, dateline } = record.doc;
  return {
    values: { 'doc.title': title, 'doc.published': published, 'doc.url': url, 'doc.dateline': dateline },
    sets: {
      sentences: record.sentences.map((s) => `${s.start}-${s.end}${s.heading ? ' heading' : ''}`),
      warnings: record.warnings.map((w) => `${w.code}${w.start === undefined ? '' : `@${w.start}`}`),
    },
  };
}

function compareViews(old: View, now: View): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of new Set([...Object.keys(old.values), ...Object.keys(now.values)])) {
    const a = old.values[field] ?? null;
    const b = now.values[field] ?? null;
    if (JSON.stringify(a) !== JSON.stringify(b)) changes.push({ field, old: a, new: b });
  }
  for (const field of SET_FIELDS) {
    if (!(field in old.sets) && !(field in now.sets)) continue;
    const a = old.sets[field] ?? [];
    const b = now.sets[field] ?? [];
    const removed = minus(a, b);
    const added = minus(b, a);
    if (removed.length || added.length) changes.push({ field, old: removed, new: added });
  }
  return changes;
}

/** The members of `xs` not in `ys`, counting repeats. */
function minus(xs: string[], ys: string[]): string[] {
  const left = new Map<string, number>();
  for (const y of ys) left.set(y, (left.get(y) ?? 0) + 1);
  return xs.filter((x) => {
    const n = left.get(x) ?? 0;
    if (n > 0) left.set(x, n - 1);
    return n === 0;
  });
}

const EXCERPT = 30;

/** The two texts around their first difference, or null when they are equal. */
function textChange(old: string, now: string): FieldChange | null {
  if (old === now) return null;
  let at = 0;
  while (at < old.length && old[at] === now[at]) at++;
  const excerpt = (text: string) => `${at > EXCERPT ? '…' : ''}${text.slice(Math.max(0, at - EXCERPT), at + EXCERPT)}${at + EXCERPT < text.length ? '…' : ''}`;
  return { field: 'text', old: excerpt(old), new: excerpt(now) };
}

// ---- matching

/**
 * Pairs each old fact with the unpaired new fact that shares the most match keys (the
 * earliest on a tie); what stays unpaired was removed or added.
 */
function compareFacts<K extends Kind>(kind: K, old: Facts[K], now: Facts[K]): Changes<Facts[K][number]> {
  type Fact = Facts[K][number];
  const keysOf = matchKeys[kind] as (fact: Fact) => string[];
  const viewOf = views[kind] as (fact: Fact) => View;
  const byKey = new Map<string, number[]>();
  now.forEach((fact, i) => {
    for (const key of new Set(keysOf(fact))) {
      if (!byKey.has(key)) byKey.set(key, []);
      byKey.get(key)!.push(i);
    }
  });
  const paired = new Set<number>();
  const changes: Changes<Fact> = { added: [], removed: [], changed: [] };
  for (const fact of old) {
    const shared = new Map<number, number>();
    for (const key of new Set(keysOf(fact))) {
      for (const i of byKey.get(key) ?? []) if (!paired.has(i)) shared.set(i, (shared.get(i) ?? 0) + 1);
    }
    let best = -1;
    let most = 0;
    for (const [i, n] of shared) {
      if (n > most || (n === most && i < best)) [best, most] = [i, n];
    }
    if (best < 0) {
      changes.removed.push(fact);
      continue;
    }
    paired.add(best);
    const counterpart = now[best]!;
    const fields = compareViews(viewOf(fact), viewOf(counterpart));
    if (fields.length) changes.changed.push({ old: fact, new: counterpart, fields });
  }
  changes.added = now.filter((_, i) => !paired.has(i));
  return changes;
}

/** What differs between two records of the same document. */
export function compareRecords(old: DocumentRecord, now: DocumentRecord): RecordDiff {
  const text = textChange(old.text, now.text);
  const a = factsOf(old);
  const b = factsOf(now);
  return {
    fields: [...(text ? [text] : []), ...compareViews(documentView(old), documentView(now))],
    entities: compareFacts('entities', a.entities, b.entities),
    quantities: compareFacts('quantities', a.quantities, b.quantities),
    events: compareFacts('events', a.events, b.events),
  };
}

/** A record found in one run only, as a diff: every fact added (or removed). */
export function wholeRecord(record: DocumentRecord, side: 'added' | 'removed'): RecordDiff {
  const facts = factsOf(record);
  const all = <T>(xs: T[]): Changes<T> => ({ added: side === 'added' ? xs : [], removed: side === 'removed' ? xs : [], changed: [] });
  return { fields: [], entities: all(facts.entities), quantities: all(facts.quantities), events: all(facts.events) };
}

export function differs(diff: RecordDiff): boolean {
  return diff.fields.length > 0 || KINDS.some((kind) => diff[kind].added.length + diff[kind].removed.length + diff[kind].changed.length > 0);
}

// ---- totals

/** One document as the totals see it: its record in each run (null when it is missing from one) and their diff. */
export interface Compared {
  old: DocumentRecord | null;
  new: DocumentRecord | null;
  diff: RecordDiff;
}

const zero = (): Count => ({ old: 0, new: 0, added: 0, removed: 0, changed: 0 });

export function countTotals(compared: Compared[]): Totals {
  const totals: Totals = {
    documents: zero(),
    entities: { ...zero(), byType: {} },
    quantities: zero(),
    events: { ...zero(), byType: {} },
  };
  const counts = (kind: Kind, type: string | null): Count[] => {
    const all = totals[kind];
    if (type === null || !('byType' in all)) return [all];
    all.byType[type] ??= zero();
    return [all, all.byType[type]];
  };
  const typeOf = (fact: object) => ('type' in fact && typeof fact.type === 'string' ? fact.type : null);
  const add = (kind: Kind, facts: object[], field: keyof Count) => {
    for (const fact of facts) for (const count of counts(kind, typeOf(fact))) count[field]++;
  };
  for (const { old, new: now, diff } of compared) {
    const docs = totals.documents;
    if (old) docs.old++;
    if (now) docs.new++;
    if (!old) docs.added++;
    else if (!now) docs.removed++;
    else if (differs(diff)) docs.changed++;
    const oldFacts = old && factsOf(old);
    const newFacts = now && factsOf(now);
    for (const kind of KINDS) {
      if (oldFacts) add(kind, oldFacts[kind], 'old');
      if (newFacts) add(kind, newFacts[kind], 'new');
      add(kind, diff[kind].added, 'added');
      add(kind, diff[kind].removed, 'removed');
      add(kind, diff[kind].changed.map((c) => c.new), 'changed');
    }
  }
  for (const kind of ['entities', 'events'] as const) totals[kind].byType = sortKeys(totals[kind].byType);
  return totals;
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

// ---- runs

/**
 * Matches the documents of two runs (by doc.id, then the rest by identical text, each in
 * the order of the files) and compares each pair.
 */
export function compareRuns(files: { old: string; new: string }, old: NumberedRecord[], now: NumberedRecord[]): RunDiff {
  const unpaired = new Set(old);
  const pairs = new Map<NumberedRecord, NumberedRecord>();
  const pairBy = (key: (r: DocumentRecord) => string) => {
    const queues = new Map<string, NumberedRecord[]>();
    for (const o of unpaired) queues.set(key(o.record), [...(queues.get(key(o.record)) ?? []), o]);
    for (const n of now) {
      if (pairs.has(n)) continue;
      const o = queues.get(key(n.record))?.shift();
      if (!o) continue;
      pairs.set(n, o);
      unpaired.delete(o);
    }
  };
  pairBy((r) => r.doc.id);
  pairBy((r) => r.text);

  const compared: Compared[] = [];
  const documents: DocumentDiff[] = [];
  const onlyNew: DocumentRef[] = [];
  for (const n of now) {
    const o = pairs.get(n);
    if (!o) {
      onlyNew.push(refOf(n));
      compared.push({ old: null, new: n.record, diff: wholeRecord(n.record, 'added') });
      continue;
    }
    const diff = compareRecords(o.record, n.record);
    compared.push({ old: o.record, new: n.record, diff });
    if (!differs(diff)) continue;
    const { id, source } = n.record.doc;
    documents.push({ id, oldId: o.record.doc.id, matchedBy: id === o.record.doc.id ? 'id' : 'text', source, ...diff });
  }
  const onlyOld = [...unpaired].map(refOf);
  for (const o of unpaired) compared.push({ old: o.record, new: null, diff: wholeRecord(o.record, 'removed') });
  return {
    schema: DIFF_SCHEMA,
    old: files.old,
    new: files.new,
    changed: documents.length + onlyOld.length + onlyNew.length > 0,
    documents,
    onlyOld,
    onlyNew,
    totals: countTotals(compared),
  };
}

const refOf = ({ record, line }: NumberedRecord): DocumentRef => ({ id: record.doc.id, source: record.doc.source, line });
