// sitrep gold annotations: JSON lines, each a subset of the document record (text, entities,
// quantities, events), validated against schema/gold.schema.json and then checked for what a
// schema cannot say (spans inside the text, span texts equal to the text they cover).
import { readFileSync } from 'node:fs';
import Ajv2020Module from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { InputError } from '../../io/errors.js';
import { jsonLines } from './lines.js';
import type { GoldDoc, GoldEvent, GoldSet, GoldSpan } from './types.js';

export const GOLD_SCHEMA_URL = new URL('../../../schema/gold.schema.json', import.meta.url);

// ajv is CommonJS: under NodeNext the default import is the module object, whose `default` is the class.
const Ajv2020 = ((Ajv2020Module as unknown as { default?: unknown }).default ?? Ajv2020Module) as typeof Ajv2020Module.default;

let compiled: ValidateFunction | null = null;
function validator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
    compiled = ajv.compile(JSON.parse(readFileSync(GOLD_SCHEMA_URL, 'utf8')) as Record<string, unknown>);
  }
  return compiled;
}

function describe(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  let message = `${error.instancePath || '/'}: ${error.message ?? error.keyword}`;
  if (error.keyword === 'additionalProperties') message += ` (${String(params.additionalProperty)})`;
  else if (error.keyword === 'enum') message += ` (${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')})`;
  return message;
}

interface RawSpan {
  text?: string;
  start?: number;
  end?: number;
}

interface RawLine {
  id?: string;
  text: string;
  published?: string | null;
  entities?: Array<{ type: string; start: number; end: number; text?: string }>;
  quantities?: Array<{ value: number | null; item: string; text?: string; start?: number; end?: number }>;
  events?: Array<{
    type: string;
    trigger?: RawSpan & { start: number; end: number };
    args?: Array<{ role: string; text: string; start?: number; end?: number }>;
    date?: string | null;
    casualties?: { killed?: number | null; injured?: number | null; captured?: number | null };
  }>;
}

export function readSitrepGold(path: string, text: string): GoldSet {
  const validate = validator();
  const docs = jsonLines(path, text).map(({ line, value }): GoldDoc => {
    const fail = (message: string): never => {
      throw new InputError(path, message, line);
    };
    if (!validate(value)) {
      const problems = [...new Set((validate.errors ?? []).map(describe))];
      fail(`not a sitrep gold line: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''}`);
    }
    const raw = value as unknown as RawLine;
    const span = (where: string, s: RawSpan) => checkSpan(raw.text, where, s, fail);
    raw.entities?.forEach((e, i) => span(`/entities/${i}`, e));
    raw.quantities?.forEach((q, i) => q.start !== undefined && span(`/quantities/${i}`, q));
    raw.events?.forEach((v, i) => {
      if (v.trigger) span(`/events/${i}/trigger`, v.trigger);
      v.args?.forEach((a, j) => a.start !== undefined && span(`/events/${i}/args/${j}`, a));
    });
    return {
      id: raw.id ?? `${path}:${line}`,
      where: `${path}:${line}`,
      text: raw.text,
      ...(raw.published ? { published: raw.published } : {}),
      ...(raw.entities ? { entities: raw.entities.map((e): GoldSpan => ({ type: e.type, start: e.start, end: e.end })) } : {}),
      ...(raw.quantities
        ? { quantities: raw.quantities.map((q) => ({ value: q.value, item: q.item, ...(q.start !== undefined ? { start: q.start, end: q.end! } : {}) })) }
        : {}),
      ...(raw.events ? { events: raw.events.map(toGoldEvent) } : {}),
    };
  });
  return { path, format: 'sitrep', entityScheme: 'sitrep', docs };
}

function toGoldEvent(v: NonNullable<RawLine['events']>[number]): GoldEvent {
  const c = v.casualties;
  return {
    type: v.type,
    ...(v.trigger ? { trigger: { type: v.type, start: v.trigger.start, end: v.trigger.end } } : {}),
    ...(v.args ? { args: v.args.map((a) => ({ role: a.role, text: a.text })) } : {}),
    ...(v.date !== undefined ? { date: v.date } : {}),
    ...(c && c.killed !== undefined ? { killed: c.killed ?? 0 } : {}),
    ...(c && c.injured !== undefined ? { injured: c.injured ?? 0 } : {}),
    ...(c && c.captured !== undefined ? { captured: c.captured ?? 0 } : {}),
  };
}

function checkSpan(text: string, where: string, s: RawSpan, fail: (message: string) => never): void {
  const start = s.start ?? 0;
  const end = s.end ?? 0;
  if (start >= end || end > text.length) fail(`${where}: bad span [${start}, ${end}) for a text of length ${text.length}`);
  if (s.text !== undefined && text.slice(start, end) !== s.text) {
    fail(`${where}: text ${JSON.stringify(s.text)} but text.slice(${start}, ${end}) is ${JSON.stringify(text.slice(start, end))}`);
  }
}
