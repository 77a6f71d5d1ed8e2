// Differences as readable text, for `sitrep diff`, `sitrep golden` and `npm run golden:update`:
// one line per fact (ids left out, references by name), `-`/`+` for facts removed and
// added, `~` for a fact changed with one line per field, and a totals table.
import { argKey, type Count, type DocumentDiff, type Facts, type FieldChange, type Kind, KINDS, type RecordDiff, type RunDiff, SET_FIELDS, spanKey, type Totals } from './diff.js';

type Fact<K extends Kind> = Facts[K][number];

/** How many members of a set-valued field are listed before "… and N more". */
const LISTED = 10;

/** A fact in a few words, enough to find it in the text. */
const titles: { [K in Kind]: (fact: Fact<K>) => string } = {
  entities: (e) => `entity ${e.type} ${JSON.stringify(e.name)}`,
  quantities: (q) => `quantity ${spanKey(q)}`,
  events: (v) => `event ${v.type} ${spanKey(v.trigger)}`,
};

/** The rest of a fact's line: all its details. */
const details: { [K in Kind]: (fact: Fact<K>) => string } = {
  entities: (e) => `: ${e.mentions.map(spanKey).join(', ')}${e.kb ? ` ${JSON.stringify(e.kb)}` : ''}`,
  quantities: (q) => ` = ${q.value ?? '?'}${q.approximate ? '~' : ''} × ${q.item}${q.entity ? ` (${q.entity})` : ''}`,
  events: (v) => {
    const casualties = Object.entries(v.casualties).filter(([, n]) => n !== null).map(([k, n]) => ` ${k}=${n}`).join('');
    const args = v.args.map((a) => `; ${argKey(a)}`).join('');
    return (
      ` ${v.modality}${v.source ? ` source=${JSON.stringify(v.source)}` : ''}${v.date ? ` date=${v.date}` : ''}${casualties}${args}` +
      ` [${v.mappings.acled ? `${v.mappings.acled.event_type} / ${v.mappings.acled.sub_event_type}` : "no ACLED event"}; ${v.mappings.plover}]`
    );
  },
};

/** Where a fact starts in the text, to print a document's differences in reading order. */
const starts: { [K in Kind]: (fact: Fact<K>) => number } = {
  entities: (e) => e.mentions[0]?.start ?? 0,
  quantities: (q) => q.start,
  events: (v) => v.trigger.start,
};

export function factLine<K extends Kind>(kind: K, fact: Fact<K>): string {
  return titles[kind](fact) + details[kind](fact);
}

const value = (v: unknown) => (v === null || v === undefined ? 'none' : JSON.stringify(v));

/** One line for a changed value ("modality: "asserted" → "claimed""), one per member for a set. */
export function fieldLines(change: FieldChange): string[] {
  const { field, old, new: now } = change;
  if (!(SET_FIELDS as readonly string[]).includes(field) || !Array.isArray(old) || !Array.isArray(now)) return [`${field}: ${value(old)} → ${value(now)}`];
  const members = (sign: string, xs: unknown[]) => [
    ...xs.slice(0, LISTED).map((x) => `${field}: ${sign} ${String(x)}`),
    ...(xs.length > LISTED ? [`${field}: ${sign} … and ${xs.length - LISTED} more`] : []),
  ];
  return [...members('-', old), ...members('+', now)];
}

/** The differences of one document: its own fields, then each kind of fact in reading order. */
export function recordDiffLines(diff: RecordDiff): string[] {
  const lines = diff.fields.flatMap(fieldLines).map((l) => `~ ${l}`);
  for (const kind of KINDS) lines.push(...kindLines(kind, diff[kind]));
  return lines;
}

function kindLines<K extends Kind>(kind: K, changes: RecordDiff[K]): string[] {
  const at = starts[kind];
  const entries = [
    ...changes.removed.map((f) => ({ at: at(f), lines: [`- ${factLine(kind, f)}`] })),
    ...changes.added.map((f) => ({ at: at(f), lines: [`+ ${factLine(kind, f)}`] })),
    ...changes.changed.map((c) => ({ at: at(c.new), lines: [`~ ${titles[kind](c.new)}`, ...c.fields.flatMap(fieldLines).map((l) => `    ${l}`)] })),
  ];
  return entries.sort((a, b) => a.at - b.at).flatMap((e) => e.lines);
}

/** A heading line with the lines under it indented. */
export function block(heading: string, lines: string[]): string {
  return [heading, ...lines.map((l) => `  ${l}`)].join('\n');
}

function documentHeading(d: DocumentDiff): string {
  const matched = d.matchedBy === 'text' ? ` (matched by text; id ${d.oldId} in the old run)` : '';
  return `~ doc ${d.id}${d.source ? ` ${d.source}` : ''}${matched}`;
}

/** `sitrep diff`'s report: each differing document, those found in one run only, and the totals. */
export function renderRun(run: RunDiff): string {
  const out = run.documents.map((d) => block(documentHeading(d), recordDiffLines(d)));
  const only = (sign: string, file: string) => (r: RunDiff['onlyOld'][number]) =>
    `${sign} doc ${r.id}${r.source ? ` ${r.source}` : ''}: only in ${file} (line ${r.line})`;
  out.push(...run.onlyOld.map(only('-', run.old)), ...run.onlyNew.map(only('+', run.new)));
  if (!run.changed) out.push(`no differences between ${run.old} and ${run.new}`);
  return `${out.join('\n')}\n\n${renderTotals(run.totals)}\n`;
}

/** The totals as a table: documents, entities by type, quantities, events by type. */
export function renderTotals(totals: Totals): string {
  const byType = (counts: Record<string, Count>) => Object.entries(counts).map(([type, count]): [string, Count] => [`  ${type}`, count]);
  const rows: Array<[string, Count]> = [
    ['documents', totals.documents],
    ['entities', totals.entities],
    ...byType(totals.entities.byType),
    ['quantities', totals.quantities],
    ['events', totals.events],
    ...byType(totals.events.byType),
  ];
  const columns = ['old', 'new', 'added', 'removed', 'changed'] as const;
  const table = [['', ...columns], ...rows.map(([label, count]) => [label, ...columns.map((c) => String(count[c]))])];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  return table
    .map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ').trimEnd())
    .join('\n');
}
