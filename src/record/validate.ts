// Checks a document record against schema/document.schema.json (the contract of RECORD.md)
// and against the invariants a schema cannot express: spans that index the text, ids that
// resolve, entity mentions without stray punctuation.
import { readFileSync } from 'node:fs';
import Ajv2020Module from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';

export const SCHEMA_URL = new URL('../../schema/document.schema.json', import.meta.url);

export type ValidationResult = { valid: true } | { valid: false; errors: string[] };

// ajv is CommonJS: under NodeNext the default import is the module object, whose `default` is the class.
const Ajv2020 = ((Ajv2020Module as unknown as { default?: unknown }).default ?? Ajv2020Module) as typeof Ajv2020Module.default;

let compiled: ValidateFunction | null = null;

/** The parsed JSON Schema of the document record. */
export function loadSchema(): Record<string, unknown> {
  return JSON.parse(readFileSync(SCHEMA_URL, 'utf8')) as Record<string, unknown>;
}

function validator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
    compiled = ajv.compile(loadSchema());
  }
  return compiled;
}

function describe(error: ErrorObject): string {
  const path = error.instancePath || '/';
  let message = `${path}: ${error.message ?? error.keyword}`;
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') message += ` (${String(params.additionalProperty)})`;
  else if (error.keyword === 'enum') message += ` (${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')})`;
  else if (error.keyword === 'const') message += ` (${JSON.stringify(params.allowedValue)})`;
  return message;
}

/** Validates a record against the JSON Schema; errors read "/events/0/type: must be equal to one of the allowed values (…)". */
export function validateRecord(record: unknown): ValidationResult {
  const validate = validator();
  if (validate(record)) return { valid: true };
  const errors = [...new Set((validate.errors ?? []).map(describe))];
  return { valid: false, errors };
}

interface SpanLike {
  text?: unknown;
  start?: unknown;
  end?: unknown;
}

const TRAILING_PUNCTUATION = /[.,;:!?]$/;
/** "U.S.", "U.K.", "Lt.Gen." end in a letter and a period and contain another period. */
const ABBREVIATION = /\p{L}\.$/u;

/**
 * Problems the schema cannot see: every mention, quantity, trigger and argument must be a
 * non-empty span of `text` whose `text` equals text.slice(start, end); sentences must lie in
 * the text; entity mentions, quantities, triggers and arguments lie inside one sentence (a
 * trigger inside its event's `sentence`); every ref/entity/source id must name an entity or
 * quantity of the record; entity mentions carry no surrounding white space and no trailing
 * punctuation (abbreviations like "U.S." excepted); ids are unique. Returns readable problems.
 */
export function checkSpans(record: unknown): string[] {
  const problems: string[] = [];
  if (!record || typeof record !== 'object') return ['record is not an object'];
  const r = record as Record<string, unknown>;
  if (typeof r.text !== 'string') return ['record.text is not a string'];
  const text = r.text;
  const arr = (value: unknown): Array<Record<string, unknown>> =>
    Array.isArray(value) ? (value.filter((v) => v && typeof v === 'object') as Array<Record<string, unknown>>) : [];

  const span = (where: string, s: SpanLike): boolean => {
    const { start, end } = s;
    if (!Number.isInteger(start) || !Number.isInteger(end)) {
      problems.push(`${where}: start/end are not integers (${String(start)}, ${String(end)})`);
      return false;
    }
    const a = start as number;
    const b = end as number;
    if (a < 0 || a >= b || b > text.length) {
      problems.push(`${where}: bad span [${a}, ${b}) for text of length ${text.length}`);
      return false;
    }
    if (s.text !== undefined && text.slice(a, b) !== s.text) {
      problems.push(`${where}: text ${JSON.stringify(s.text)} but text.slice(${a}, ${b}) is ${JSON.stringify(text.slice(a, b))}`);
      return false;
    }
    return true;
  };

  const sentences = arr(r.sentences);
  sentences.forEach((s, i) => span(`/sentences/${i}`, { start: s.start, end: s.end }));
  /** The index of the sentence that holds [start, end), or -1 when the span crosses or leaves them. */
  const sentenceOf = (start: unknown, end: unknown): number =>
    sentences.findIndex((s) => (s.start as number) <= (start as number) && (end as number) <= (s.end as number));
  const inSentence = (where: string, s: Record<string, unknown>): void => {
    if (sentences.length && sentenceOf(s.start, s.end) < 0) problems.push(`${where}: span [${String(s.start)}, ${String(s.end)}) ${JSON.stringify(s.text)} is not inside one sentence`);
  };

  const entities = arr(r.entities);
  const quantities = arr(r.quantities);
  const entityIds = new Set<unknown>();
  const quantityIds = new Set<unknown>();
  for (const [i, e] of entities.entries()) {
    if (entityIds.has(e.id)) problems.push(`/entities/${i}/id: duplicate id ${JSON.stringify(e.id)}`);
    entityIds.add(e.id);
  }
  for (const [i, q] of quantities.entries()) {
    if (quantityIds.has(q.id) || entityIds.has(q.id)) problems.push(`/quantities/${i}/id: duplicate id ${JSON.stringify(q.id)}`);
    quantityIds.add(q.id);
  }
  const resolves = (where: string, id: unknown, allowQuantity: boolean) => {
    if (id === null || id === undefined) return;
    if (entityIds.has(id) || (allowQuantity && quantityIds.has(id))) return;
    problems.push(`${where}: ${JSON.stringify(id)} names no ${allowQuantity ? 'entity or quantity' : 'entity'} of the record`);
  };

  for (const [i, e] of entities.entries()) {
    for (const [j, m] of arr(e.mentions).entries()) {
      const where = `/entities/${i}/mentions/${j}`;
      if (!span(where, m) || typeof m.text !== 'string') continue;
      inSentence(where, m);
      const t = m.text;
      if (/^\s|\s$/u.test(t)) problems.push(`${where}: mention ${JSON.stringify(t)} has leading or trailing white space`);
      if (TRAILING_PUNCTUATION.test(t) && !(ABBREVIATION.test(t) && t.slice(0, -1).includes('.'))) {
        problems.push(`${where}: mention ${JSON.stringify(t)} ends in punctuation`);
      }
    }
  }
  for (const [i, q] of quantities.entries()) {
    if (span(`/quantities/${i}`, q)) inSentence(`/quantities/${i}`, q);
    resolves(`/quantities/${i}/entity`, q.entity, false);
  }
  for (const [i, v] of arr(r.events).entries()) {
    const trigger = v.trigger && typeof v.trigger === 'object' ? (v.trigger as SpanLike) : {};
    const triggerOk = span(`/events/${i}/trigger`, trigger);
    if (!Number.isInteger(v.sentence) || (v.sentence as number) < 0 || (v.sentence as number) >= sentences.length) {
      problems.push(`/events/${i}/sentence: ${String(v.sentence)} is not the index of a sentence (${sentences.length} sentences)`);
    } else if (triggerOk && sentenceOf(trigger.start, trigger.end) !== v.sentence) {
      problems.push(`/events/${i}/trigger: ${JSON.stringify(trigger.text)} at [${String(trigger.start)}, ${String(trigger.end)}) is not inside sentence ${String(v.sentence)}`);
    }
    resolves(`/events/${i}/source`, v.source, false);
    for (const [j, a] of arr(v.args).entries()) {
      if (span(`/events/${i}/args/${j}`, a)) inSentence(`/events/${i}/args/${j}`, a);
      resolves(`/events/${i}/args/${j}/ref`, a.ref, true);
    }
  }
  return problems;
}
