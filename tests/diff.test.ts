// sitrep diff: matching by span and type (never by id), changes field by field, the JSON
// shape, and the command's exit codes (one spawn each, about a second apiece).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareRecords, compareRuns, differs, type NumberedRecord } from '../src/eval/diff.js';
import { recordDiffLines, renderRun } from '../src/eval/summary.js';
import type { Entity, Event, EventArg, Mention } from '../src/doc.js';
import type { DocumentRecord } from '../src/index.js';

const TEXT = 'Russian forces shelled Kharkiv on Sunday, killing two civilians, the governor said.';
const at = (text: string): Mention => ({ text, start: TEXT.indexOf(text), end: TEXT.indexOf(text) + text.length });
const entity = (id: string, type: Entity['type'], name: string, mention: string, kb?: Entity['kb']): Entity => ({ id, type, name, mentions: [at(mention)], ...(kb && { kb }) });
const arg = (role: EventArg['role'], text: string, ref: string | null): EventArg => ({ role, ...at(text), ref });

/** A small record written by hand: three entities, one quantity, one shelling. */
function record(id = 'doc1'): DocumentRecord {
  const shelling: Event = {
    id: 'v1',
    type: 'SHELLING',
    trigger: at('shelled'),
    sentence: 0,
    modality: 'asserted',
    source: 'e3',
    args: [arg('agent', 'Russian forces', 'e1'), arg('location', 'Kharkiv', 'e2'), arg('target', 'two civilians', 'q1')],
    date: '2024-03-10',
    casualties: { killed: 2, injured: null, captured: null },
    mappings: { acled: { event_type: 'Explosions/Remote violence', sub_event_type: 'Shelling/artillery/missile attack' }, plover: 'FIGHT' },
  };
  return {
    schema: 'sitrep.document/1',
    doc: { id, source: null, title: null, published: '2024-03-16', url: null, dateline: null },
    text: TEXT,
    sentences: [{ start: 0, end: TEXT.length, heading: false }],
    entities: [
      entity('e1', 'ORG', 'Military Forces of Russia', 'Russian forces', { country: 'RUS' }),
      entity('e2', 'GPE', 'Kharkiv', 'Kharkiv', { country: 'UKR' }),
      entity('e3', 'PERSON', 'governor', 'governor'),
    ],
    quantities: [{ id: 'q1', ...at('two civilians'), value: 2, approximate: false, item: 'civilian', entity: null }],
    events: [shelling],
    warnings: [],
  };
}

/** The same record with its entities in reverse order and numbered e7, e8, e9. */
function renumbered(): DocumentRecord {
  const r = record();
  const ids: Record<string, string> = { e1: 'e9', e2: 'e8', e3: 'e7' };
  const id = (x: string | null) => (x === null ? null : (ids[x] ?? x));
  return {
    ...r,
    entities: r.entities.map((e) => ({ ...e, id: id(e.id)! })).reverse(),
    events: r.events.map((v) => ({ ...v, source: id(v.source), args: v.args.map((a) => ({ ...a, ref: id(a.ref) })) })),
  };
}

const numbered = (...records: DocumentRecord[]): NumberedRecord[] => records.map((r, i) => ({ record: r, line: i + 1 }));

describe('comparing two records of one document', () => {
  it('finds no change when the entities are renumbered and reordered', () => {
    const diff = compareRecords(record(), renumbered());
    expect(differs(diff), recordDiffLines(diff).join('\n')).toBe(false);
  });

  it('shows a changed modality as "~" with the field', () => {
    const after = record();
    after.events[0]!.modality = 'claimed';
    const diff = compareRecords(record(), after);
    expect(diff.events.changed).toHaveLength(1);
    expect(diff.events.changed[0]!.fields).toEqual([{ field: 'modality', old: 'asserted', new: 'claimed' }]);
    expect(recordDiffLines(diff)).toEqual(['~ event SHELLING "shelled"@15', '    modality: "asserted" → "claimed"']);
  });

  it('shows an added event as "+" and a removed quantity as "-"', () => {
    const after = record();
    after.events.push({ ...after.events[0]!, id: 'v2', type: 'KILLING', trigger: at('killing'), args: [], source: null });
    after.quantities = [];
    after.events[0]!.args[2]!.ref = null;
    const lines = recordDiffLines(compareRecords(record(), after));
    expect(lines.filter((l) => l.startsWith('+ '))).toEqual([expect.stringMatching(/^\+ event KILLING "killing"@42 asserted date=2024-03-10 killed=2 \[/)]);
    expect(lines.filter((l) => l.startsWith('- '))).toEqual(['- quantity "two civilians"@50 = 2 × civilian']);
    // the shelling's target refers to no quantity any more: a change of its arguments
    expect(lines).toContain('    args: - target "two civilians"@50 (two civilians)');
    expect(lines).toContain('    args: + target "two civilians"@50');
  });

  it('matches an entity by type and any shared mention span, and lists what changed in it', () => {
    const after = record();
    after.entities[1] = { ...after.entities[1]!, name: 'Kharkov', kb: { country: 'RUS' }, mentions: [at('Kharkiv'), at('Sunday')] };
    after.entities[2] = { ...after.entities[2]!, type: 'ORG' };
    const diff = compareRecords(record(), after);
    expect(diff.entities.changed.map((c) => c.fields)).toEqual([
      [
        { field: 'name', old: 'Kharkiv', new: 'Kharkov' },
        { field: 'kb.country', old: 'UKR', new: 'RUS' },
        { field: 'mentions', old: [], new: ['"Sunday"@34'] },
      ],
    ]);
    // another type is another entity: the PERSON was removed and an ORG added
    expect(diff.entities.removed.map((e) => e.type)).toEqual(['PERSON']);
    expect(diff.entities.added.map((e) => e.type)).toEqual(['ORG']);
    // references are compared by name: the shelling's location now refers to Kharkov
    expect(diff.events.changed[0]!.fields.map((f) => f.field)).toEqual(['args']);
  });

  it('shows a list inside kb as one value, not as a set', () => {
    const before = record();
    before.entities[1]!.kb = { aliases: ['Kharkov'] };
    const after = record();
    after.entities[1]!.kb = { aliases: ['Kharkov', 'Charkiw'] };
    expect(recordDiffLines(compareRecords(before, after))).toEqual(['~ entity GPE "Kharkiv"', '    kb.aliases: ["Kharkov"] → ["Kharkov","Charkiw"]']);
  });

  it('reports document-level changes: text, publication date, warnings', () => {
    const after = { ...record(), doc: { ...record().doc, published: null }, warnings: [{ code: 'no-published-date', message: 'none' }] };
    after.text = `${TEXT.slice(0, -1)}!`;
    const fields = compareRecords(record(), after).fields;
    expect(fields.map((f) => f.field)).toEqual(['text', 'doc.published', 'warnings']);
    expect(fields[0]).toEqual({ field: 'text', old: '…o civilians, the governor said.', new: '…o civilians, the governor said!' });
    expect(fields[2]).toEqual({ field: 'warnings', old: [], new: ['no-published-date'] });
  });
});

describe('comparing two runs', () => {
  it('matches documents by id, then by identical text, and reports the rest', () => {
    const other = { ...record('doc2'), text: 'Something else entirely.', entities: [], quantities: [], events: [] };
    const extra = { ...record('doc3'), text: 'Only in the new run.', entities: [], quantities: [], events: [] };
    const after = record('renamed');
    after.events[0]!.modality = 'negated';
    const run = compareRuns({ old: 'old.jsonl', new: 'new.jsonl' }, numbered(record(), other), numbered(after, extra));
    expect(run.documents.map((d) => [d.id, d.oldId, d.matchedBy])).toEqual([['renamed', 'doc1', 'text']]);
    expect(run.onlyOld).toEqual([{ id: 'doc2', source: null, line: 2 }]);
    expect(run.onlyNew).toEqual([{ id: 'doc3', source: null, line: 2 }]);
    expect(run.changed).toBe(true);
    const text = renderRun(run);
    expect(text).toContain('~ doc renamed (matched by text; id doc1 in the old run)\n  ~ event SHELLING "shelled"@15\n      modality: "asserted" → "negated"');
    expect(text).toContain('- doc doc2: only in old.jsonl (line 2)');
    expect(text).toContain('+ doc doc3: only in new.jsonl (line 2)');
    expect(text).toMatch(/^events\s+1\s+1\s+0\s+0\s+1$/m);
  });

  it('has the documented JSON shape, with totals where old - removed + added = new', () => {
    const after = record();
    after.events[0]!.modality = 'claimed';
    after.quantities = [];
    const run = compareRuns({ old: 'a.jsonl', new: 'b.jsonl' }, numbered(record()), numbered(after, { ...record('x'), text: 'Another text.' }));
    const json = JSON.parse(JSON.stringify(run)) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['schema', 'old', 'new', 'changed', 'documents', 'onlyOld', 'onlyNew', 'totals']);
    expect(json.schema).toBe('sitrep.diff/1');
    const [doc] = run.documents;
    expect(Object.keys(doc!)).toEqual(['id', 'oldId', 'matchedBy', 'source', 'fields', 'entities', 'quantities', 'events']);
    expect(Object.keys(doc!.events)).toEqual(['added', 'removed', 'changed']);
    expect(Object.keys(doc!.events.changed[0]!)).toEqual(['old', 'new', 'fields']);
    // facts carry no ids, and references are names
    expect(doc!.events.changed[0]!.new).not.toHaveProperty('id');
    expect(doc!.events.changed[0]!.new.source).toBe('governor');
    expect(doc!.quantities.removed).toEqual([{ text: 'two civilians', start: 50, end: 63, value: 2, approximate: false, item: 'civilian', entity: null }]);

    const { totals } = run;
    expect(totals.documents).toEqual({ old: 1, new: 2, added: 1, removed: 0, changed: 1 });
    expect(totals.events.byType.SHELLING).toEqual({ old: 1, new: 2, added: 1, removed: 0, changed: 1 });
    expect(Object.keys(totals.entities.byType)).toEqual(['GPE', 'ORG', 'PERSON']);
    for (const count of [totals.entities, totals.quantities, totals.events, ...Object.values(totals.entities.byType)]) {
      expect(count.old - count.removed + count.added).toBe(count.new);
    }
  });
});

describe('sitrep diff on the command line', () => {
  let tmp: string;
  const file = (name: string, lines: unknown[]) => {
    const path = join(tmp, name);
    writeFileSync(path, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n');
    return path;
  };
  const sitrep = (...args: string[]) =>
    spawnSync(process.execPath, ['bin/sitrep.js', 'diff', ...args], { cwd: new URL('..', import.meta.url).pathname, encoding: 'utf8', timeout: 60_000 });

  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'sitrep-diff-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('exits 0 without changes (here as JSON), 1 with --fail-on-change when something differs', () => {
    const old = file('old.jsonl', [record()]);
    const same = sitrep(old, file('renumbered.jsonl', [renumbered()]), '--json', '--fail-on-change');
    expect(same.status, same.stderr).toBe(0);
    expect(JSON.parse(same.stdout)).toMatchObject({ schema: 'sitrep.diff/1', changed: false, documents: [] });

    const after = record();
    after.events[0]!.modality = 'claimed';
    const changed = sitrep(old, file('new.jsonl', [after]), '--fail-on-change');
    expect(changed.status, changed.stderr).toBe(1);
    expect(changed.stdout).toContain('modality: "asserted" → "claimed"');
  });

  it('exits 1 naming file and line for a malformed line, without a stack trace', () => {
    const bad = file('bad.jsonl', [record(), '{"schema": "sitrep.document/1", "doc": ']);
    const r = sitrep(file('old.jsonl', [record()]), bad);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${bad}:2: line is not valid JSON`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 for a file that is not there, saying what it takes', () => {
    const r = sitrep(join(tmp, 'nowhere.jsonl'), join(tmp, 'old.jsonl'));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot find .*nowhere\.jsonl: no such file; sitrep diff takes two JSONL files of document records/);
  });
});
