// sitrep eval GOLD: score extraction against gold annotations. Runs the pipeline over the gold
// texts (or reads --pred records), scores them (src/eval/gold/scorer.ts), prints a table or
// JSON, and exits 1 when a --min threshold is not met. docs/GOLD-FORMATS.md has the formats,
// the scores, the JSON shape and the --min keys.
import { basename } from 'node:path';
import { createPipeline } from '../index.js';
import { InputError, UsageError } from '../io/errors.js';
import type { DocumentRecord } from '../record/record.js';
import { worst, type DocErrors } from '../eval/gold/doc-errors.js';
import { pairRecords, readRecords, type Pair, type Pairing } from '../eval/gold/pair.js';
import { emptyRecord } from '../eval/gold/predicted.js';
import { readGold } from '../eval/gold/read.js';
import { Scorer, type ScoresJSON } from '../eval/gold/scorer.js';
import type { GoldFormat, GoldSet } from '../eval/gold/types.js';
import { Throughput, scoreAt, scoreKeys, type AccuracyJSON, type ConfusionJSON, type PerTypeJSON, type PRFJSON, type ThroughputJSON } from '../eval/score.js';

export interface EvalOptions {
  pred?: string;
  format?: GoldFormat;
  json?: boolean;
  errors?: number;
  min: string[];
  lexicon: string[];
}

const WARM_UP = 'Russian forces shelled Kharkiv on Sunday, killing two civilians, the governor said.';

interface Threshold {
  key: string;
  min: number;
}

export interface EvalReport {
  gold: string;
  format: GoldFormat;
  documents: number;
  predictions: { from: 'pipeline' } | { from: string; matchedBy: Pairing['matchedBy']; unused: number };
  speed: ThroughputJSON | null;
  scores: ScoresJSON;
  confusion: Record<string, ConfusionJSON>;
  errors?: ReturnType<DocErrors['toJSON']>[];
}

export async function evaluate(goldPath: string, options: EvalOptions): Promise<number> {
  const thresholds = (options.min ?? []).map(parseThreshold);
  const set = readGold(goldPath, options.format);
  const scorer = new Scorer(set);
  let speed: Throughput | null = null;
  let pairing: Pairing | null = null;
  let failed = 0;

  if (options.pred) {
    pairing = pairRecords(set.docs, readRecords(options.pred));
    for (const pair of pairing.pairs) scorer.add(pair.gold, pair.record ?? emptyRecord(pair.gold.id, pair.gold.text));
  } else {
    const pipeline = createPipeline({ lexicons: options.lexicon ?? [] });
    // one untimed document first: the first call pays for lazy loading and compilation
    pipeline.process({ text: WARM_UP });
    speed = new Throughput();
    for (const gold of set.docs) {
      let record: DocumentRecord;
      try {
        record = speed.time(gold.text, () => pipeline.process({ text: gold.text, id: gold.id, published: gold.published ?? null }));
      } catch (error) {
        failed++;
        const failure = new InputError(gold.where, `extraction failed: ${(error as Error).message}; scored as if nothing was extracted`);
        process.stderr.write(`sitrep: ${failure.where}: ${failure.message}\n`);
        record = emptyRecord(gold.id, gold.text);
      }
      scorer.add(gold, record);
    }
  }

  const report: EvalReport = {
    gold: goldPath,
    format: set.format,
    documents: set.docs.length,
    predictions: options.pred && pairing ? { from: options.pred, matchedBy: pairing.matchedBy, unused: pairing.unused } : { from: 'pipeline' },
    speed: speed?.toJSON() ?? null,
    scores: scorer.scores(),
    confusion: Object.fromEntries(Object.entries(scorer.confusions()).map(([k, c]) => [k, c.toJSON()])),
    ...(options.errors !== undefined ? { errors: worst(scorer.docs, options.errors).map((d) => d.toJSON()) } : {}),
  };

  // unknown keys are misuse, found before anything is printed
  const values = thresholds.map((t) => ({ ...t, value: thresholdValue(report, t.key) }));
  process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : render(report, set, pairing?.pairs ?? null));
  const below = values.filter((v) => v.value === null || v.value < v.min);
  for (const v of below) {
    process.stderr.write(`sitrep: ${v.key} is ${v.value === null ? '— (nothing to score)' : fmt(v.value)}, below the minimum ${v.min}\n`);
  }
  return below.length > 0 || failed > 0 ? 1 : 0;
}

function parseThreshold(spec: string): Threshold {
  const m = /^([^=]+)=(.+)$/.exec(spec.trim());
  const min = m ? Number(m[2]) : NaN;
  if (!m || !Number.isFinite(min)) throw new UsageError(`--min takes KEY=VALUE with a number, like entities.f=0.8, not "${spec}"`);
  return { key: m[1]!, min };
}

function thresholdValue(report: EvalReport, key: string): number | null {
  const value = key.startsWith('speed.') ? scoreAt({ speed: report.speed }, key) : scoreAt(report.scores, key);
  if (value !== undefined) return value;
  const known = scoreKeys(report.scores).filter((k) => /\.(f|accuracy)$/.test(k) && !/\.[A-Z]/.test(k));
  const perType = scoreKeys(report.scores).find((k) => /\.[A-Z][^.]*\.f$/.test(k));
  throw new UsageError(
    `--min: no score "${key}" for this gold (${report.format}); keys here include ${known.slice(0, 12).join(', ')}` +
      `${known.length > 12 ? ', …' : ''}${report.speed ? ', speed.wordsPerSecond' : ''}${perType ? `, and per type, like ${perType}` : ''} (docs/GOLD-FORMATS.md lists them)`,
  );
}

// ---- the terminal table ----------------------------------------------------------------

const fmt = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : n.toFixed(3));
const int = (n: number): string => n.toLocaleString('en-US');

/** Columns padded to their widest cell; `right` says which columns are right-aligned. */
function table(rows: string[][], right: (i: number) => boolean, indent = '  '): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  return rows.map((row) => indent + row.map((cell, i) => (right(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd());
}

function perTypeTable(title: string, s: PerTypeJSON & Partial<AccuracyJSON>): string[] {
  const row = (name: string, x: { p: number | null; r: number | null; f: number | null }, support: string) => [name, fmt(x.p), fmt(x.r), fmt(x.f), support];
  const rows = [
    ['type', 'p', 'r', 'f', 'support'],
    ...Object.entries(s.types).map(([t, x]) => row(t, x, int(x.tp + x.fn))),
    row('micro', s, int(s.tp + s.fn)),
    row('macro', s.macro, `${s.macro.types} types`),
  ];
  const lines = [title, ...table(rows, (i) => i > 0)];
  if (s.accuracy !== undefined) lines.push(`  accuracy ${fmt(s.accuracy)} (${int(s.correct ?? 0)} of ${int(s.support ?? 0)})`);
  return lines;
}

function prfTable(title: string, rows: Array<[string, PRFJSON | undefined]>): string[] {
  const present = rows.filter((r): r is [string, PRFJSON] => r[1] !== undefined);
  if (present.length === 0) return [];
  return [title, ...table([['', 'p', 'r', 'f', 'tp', 'fp', 'fn'], ...present.map(([n, x]) => [n, fmt(x.p), fmt(x.r), fmt(x.f), int(x.tp), int(x.fp), int(x.fn)])], (i) => i > 0)];
}

function accuracyTable(title: string, rows: Array<[string, AccuracyJSON | undefined]>): string[] {
  const present = rows.filter((r): r is [string, AccuracyJSON] => r[1] !== undefined);
  if (present.length === 0) return [];
  return [title, ...table([['', 'accuracy', 'correct', 'support'], ...present.map(([n, x]) => [n, fmt(x.accuracy), int(x.correct), int(x.support)])], (i) => i > 0)];
}

/** Rows are gold labels, columns ours, numbered to keep the matrix narrow; zeros are dots. */
function confusionTable(title: string, c: ConfusionJSON): string[] {
  const n = c.labels.length;
  const header = ['', '', ...c.labels.map((_, i) => String(i + 1))];
  const rows = c.labels
    .map((g, i) => [String(i + 1), g, ...c.labels.map((p) => (c.matrix[g]?.[p] ? String(c.matrix[g]![p]) : '·'))])
    .filter(([, g]) => g !== 'NONE' || c.matrix.NONE); // a NONE row only when some prediction had no gold
  return [title, ...table([header, ...rows], (i) => i === 0 || i >= 2), `  (${n} labels; NONE: no event on that side)`];
}

const SECTION_TITLES: Record<string, string> = {
  events: 'Confusion of event types: gold (rows) × ours (columns), aligned events',
  acled: 'Confusion of ACLED event types: gold (rows) × our primary event (columns)',
  plover: 'Confusion of PLOVER types: gold (rows) × our primary event (columns)',
};

function render(report: EvalReport, set: GoldSet, pairs: Pair[] | null): string {
  const s = report.scores;
  const out: string[] = [];
  const source = report.predictions.from === 'pipeline' ? 'records from the pipeline' : `records from ${report.predictions.from}`;
  out.push(`sitrep eval ${report.gold} (${report.format}, ${int(report.documents)} documents, ${source})`);
  const sections: string[][] = [];
  const scheme = set.entityScheme === 'conll' ? ' (our types as CoNLL labels)' : '';
  if (s.entities) sections.push(perTypeTable(`Entity mentions${scheme}: exact label and span`, s.entities));
  if (s.quantities) sections.push(prfTable('Quantities', [['quantities', s.quantities]]));
  if (s.events) {
    sections.push(perTypeTable('Event types (aligned events)', s.events.type));
    sections.push(prfTable('Event triggers and arguments', [['trigger', s.events.trigger], ['args', s.events.args]]));
    const fields: Array<[string, AccuracyJSON]> = [['date', s.events.date], ['killed', s.events.killed], ['injured', s.events.injured], ['captured', s.events.captured]];
    sections.push(accuracyTable('Event fields (aligned events)', fields.filter(([, a]) => a.support > 0)));
  }
  if (s.plover) {
    sections.push(perTypeTable('PLOVER type of the primary event', s.plover.type));
    sections.push(accuracyTable('PLOVER type of any event', [['any event', s.plover.any]]));
    sections.push(prfTable('Actors of the primary event (source: agents, target: targets)', [['source', s.plover.source], ['target', s.plover.target]]));
    sections.push(accuracyTable('Country codes of the actors found', [['country', s.plover.country]]));
  }
  if (s.columns) {
    sections.push(accuracyTable('Coded fields against our primary event', Object.entries(s.columns)));
    if (s.columns.event_type) sections.push(perTypeTable('ACLED event type of the primary event', s.columns.event_type));
  }
  if (s.who) sections.push(accuracyTable('Giveme5W1H phrases found (recall)', [['who', s.who], ['when', s.when], ['where', s.where]]));
  for (const [name, c] of Object.entries(report.confusion)) sections.push(confusionTable(SECTION_TITLES[name] ?? name, c));
  for (const section of sections) if (section.length) out.push('', ...section);

  out.push('');
  if (report.speed) {
    const sp = report.speed;
    out.push(
      `Speed: ${int(sp.documents)} documents, ${int(sp.words)} words in ${sp.seconds.toFixed(2)} s: ` +
        `${sp.wordsPerSecond === null ? '—' : int(Math.round(sp.wordsPerSecond))} words/s, ${sp.documentsPerSecond === null ? '—' : int(Math.round(sp.documentsPerSecond))} documents/s`,
    );
  } else if ('matchedBy' in report.predictions) {
    const m = report.predictions.matchedBy;
    out.push(
      `Records matched to gold documents: ${m.id} by id, ${m.text} by text, ${m.order} by order; ` +
        `${m.none} gold documents without a record (scored as empty), ${report.predictions.unused} records unused`,
    );
  }
  if (report.errors) out.push('', ...renderErrors(report.errors, set, pairs));
  return `${out.join('\n')}\n`;
}

function renderErrors(errors: NonNullable<EvalReport['errors']>, set: GoldSet, pairs: Pair[] | null): string[] {
  if (errors.length === 0) return ['No document has errors.'];
  const text = new Map(set.docs.map((d) => [d.where, d.text]));
  const by = new Map((pairs ?? []).map((p) => [p.gold.where, p.by]));
  const lines = [errors.length === 1 ? 'The document with the most errors' : `The ${errors.length} documents with the most errors`];
  for (const e of errors) {
    const snippet = (text.get(e.where) ?? '').replace(/\s+/g, ' ');
    const matched = pairs ? `, record matched by ${by.get(e.where) ?? 'nothing'}` : '';
    lines.push(`  ${e.id} (${basename(e.where)}${matched}): ${e.missed.length} missed, ${e.spurious.length} spurious`);
    lines.push(`    ${JSON.stringify(snippet.length > 110 ? `${snippet.slice(0, 110)}…` : snippet)}`);
    for (const m of e.missed) lines.push(`    - ${m}`);
    for (const m of e.spurious) lines.push(`    + ${m}`);
  }
  lines.push('  (- gold we missed, + ours the gold does not have)');
  return lines;
}
