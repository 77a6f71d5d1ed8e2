// npm run eval:events — the event classifier's figures (issue 20), each beside the events
// stage's (the hand-labelled split: the rule-based stage before the classifier, as recorded in
// baseline.jsonl; WikiEvents and ECB+: the events stage as it now is, rules and classifier
// together, whose records merge mentions; on WikiEvents a record's trigger and its merged
// mentions each count as a trigger found, of the type the mention's own words tell):
// 1. the hand-labelled test split (data/annotations/events, split "test"): event-or-not
//    accuracy, modality accuracy and type accuracy on the true events;
// 2. WikiEvents test (`wiki --split dev`: dev, to read errors on): trigger detection with the right type for Conflict.Attack, Life.Die,
//    Life.Injure, Justice.ArrestJailDetain and Conflict.Demonstrate (P, R, F1);
// 3. ECB+ measurement topics (1, 5, 9, …), fully annotated sentences: occurrence against
//    generic or negated, on the ECB+ mentions the trigger lexicon proposes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventModel } from '../src/models/events/model.js';
import { readWikiEvents } from './events/data.js';
import type { Doc } from '../src/doc.js';
import { alignSpans, annotationDir, articleOf, getTools, groupOfType, instancesOf, measuredGroup } from './events/corpus.js';
import { ecbExamples, handExamples } from './train-events.js';
import { stageReading } from './events/stage-reading.js';

const rows: string[] = [];
const out = (s: string) => {
  rows.push(s);
  console.log(s);
};
const ratio = (n: number, d: number) => (d ? `${(n / d).toFixed(3)} (${n}/${d})` : 'n/a');

function handSplit(): void {
  const model = eventModel();
  // --split train: the training split, to read the stage's errors on without touching the test split
  const split = process.argv.includes('--split') && process.argv[process.argv.indexOf('--split') + 1] === 'train' ? 'train' : 'test';
  const test = handExamples(split);
  if (!test.length) {
    out(`hand-labelled ${split} split: no labels yet`);
    return;
  }
  const baseline = new Map<string, { type: string; modality: string } | null>();
  for (const line of readFileSync(join(annotationDir, 'baseline.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const b = JSON.parse(line) as { id: string; stage: { type: string; modality: string } | null };
    baseline.set(b.id, b.stage);
  }
  const stageDocs = new Map<string, Doc>();
  const pred = test.map((t) => ({ t, p: model.predict(t.ctx), b: baseline.get(t.id) ?? null, s: stageReading(t, getTools().withEvents, stageDocs) }));
  const events = pred.filter((x) => x.t.isEvent);
  out(`hand-labelled ${split} split: ${test.length} candidates, ${events.length} true events, ${new Set(test.map((t) => t.doc)).size} documents`);
  out('| measure | rule-based stage (before) | classifier | events stage now |');
  out('|---|---|---|---|');
  out(`| event-or-not accuracy | ${ratio(pred.filter((x) => !!x.b === x.t.isEvent).length, pred.length)} | ${ratio(pred.filter((x) => x.p.event === x.t.isEvent).length, pred.length)} | ${ratio(pred.filter((x) => !!x.s === x.t.isEvent).length, pred.length)} |`);
  out(`| modality accuracy, true events | ${ratio(events.filter((x) => x.b?.modality === x.t.labelModality).length, events.length)} | ${ratio(events.filter((x) => x.p.modality === x.t.labelModality).length, events.length)} | ${ratio(events.filter((x) => x.s?.modality === x.t.labelModality).length, events.length)} |`);
  out(`| type accuracy, true events | ${ratio(events.filter((x) => x.b?.type === x.t.labelType).length, events.length)} | ${ratio(events.filter((x) => x.p.type === x.t.labelType).length, events.length)} | ${ratio(events.filter((x) => x.s?.type === x.t.labelType).length, events.length)} |`);
  if (process.argv.includes('--stage-errors')) {
    for (const x of pred) {
      if (!!x.s === x.t.isEvent && (!x.t.isEvent || (x.s?.type === x.t.labelType && x.s?.modality === x.t.labelModality))) continue;
      const sentence = x.t.ctx.tokens.map((tk) => tk.text).join(' ');
      console.log(`${x.t.id} "${x.t.ctx.tokens.slice(x.t.ctx.first, x.t.ctx.last + 1).map((tk) => tk.text).join(' ')}"\tgold ${x.t.isEvent ? `${x.t.labelType}/${x.t.labelModality}` : `none${x.t.labelType ? `(${x.t.labelType})` : ''}`}\tstage ${x.s ? `${x.s.type}/${x.s.modality}${x.s.merged ? ' merged' : ''} "${x.s.trigger}"` : 'none'}\tclassifier ${x.p.event ? `${x.p.type}/${x.p.modality}` : 'none'}\t${sentence}`);
    }
  }
  const bothFound = events.filter((x) => x.b && x.p.event);
  out(`| modality accuracy, true events both systems record | ${ratio(bothFound.filter((x) => x.b!.modality === x.t.labelModality).length, bothFound.length)} | ${ratio(bothFound.filter((x) => x.p.modality === x.t.labelModality).length, bothFound.length)} |`);
  out(`| type accuracy, true events both systems record | ${ratio(bothFound.filter((x) => x.b!.type === x.t.labelType).length, bothFound.length)} | ${ratio(bothFound.filter((x) => x.p.type === x.t.labelType).length, bothFound.length)} |`);
}

function wikiTest(): void {
  const model = eventModel();
  // --split dev: WikiEvents dev, to read the stage's errors on without touching the test split
  const split = process.argv.includes('--split') && process.argv[process.argv.indexOf('--split') + 1] === 'dev' ? 'dev' : 'test';
  const all = wikiTally(model, false, split);
  const annotated = wikiTally(model, true, split);
  const table = (label: string, tally: ReturnType<typeof wikiTally>) => {
    // recall counts gold mentions found: one prediction finds at most one gold mention here, as spans do not nest
    const prf = (x: { tp: number; pred: number }) => {
      const p = x.pred ? x.tp / x.pred : 0;
      const r = tally.gold ? x.tp / tally.gold : 0;
      return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
    };
    const s = prf(tally.stage);
    const m = prf(tally.model);
    out(`WikiEvents ${split}, ${label}: ${tally.gold} gold triggers of the five types`);
    out('| measure | events stage (records) | classifier (each candidate) |');
    out('|---|---|---|');
    out(`| precision | ${s.p.toFixed(3)} (${tally.stage.tp}/${tally.stage.pred}) | ${m.p.toFixed(3)} (${tally.model.tp}/${tally.model.pred}) |`);
    out(`| recall | ${s.r.toFixed(3)} | ${m.r.toFixed(3)} |`);
    out(`| F1 | ${s.f.toFixed(3)} | ${m.f.toFixed(3)} |`);
  };
  table('all sentences', all);
  table('sentences with at least one gold event (WikiEvents leaves many unannotated)', annotated);
}

function wikiTally(model: ReturnType<typeof eventModel>, annotatedOnly: boolean, split: 'dev' | 'test') {
  const tally = { stage: { tp: 0, pred: 0 }, model: { tp: 0, pred: 0 }, gold: 0 };
  const matched = (gold: Array<{ start: number; end: number; group: number }>, start: number, end: number, group: number) =>
    gold.some((g) => g.group === group && g.start < end && g.end > start);
  for (const a of readWikiEvents(split)) {
    const { doc, instances } = instancesOf(a, 'events');
    const gold = alignSpans(a.text, doc.text, a.mentions).map((m) => ({ ...m, group: measuredGroup(m.label) })).filter((m) => m.group >= 0);
    tally.gold += gold.length;
    const goldSentences = new Set(alignSpans(a.text, doc.text, a.mentions).map((m) => doc.sentences.findIndex((s) => s.start <= m.start && s.end > m.start)));
    const counted = (start: number) => !annotatedOnly || goldSentences.has(doc.sentences.findIndex((s) => s.start <= start && s.end > start));
    // each record tells its trigger and the mentions merged into it, each with the type its own words tell
    for (const told of doc.events.flatMap((e) => [{ ...e.trigger, type: e.type }, ...(e.mentions ?? [])])) {
      if (!counted(told.start)) continue;
      const g = groupOfType(told.type);
      if (g < 0) continue;
      tally.stage.pred++;
      if (matched(gold, told.start, told.end, g)) tally.stage.tp++;
    }
    for (const inst of instances) {
      if (!counted(inst.start)) continue;
      const p = model.predict(inst.ctx);
      if (!p.event || !p.type) continue;
      const g = groupOfType(p.type);
      if (g < 0) continue;
      tally.model.pred++;
      if (matched(gold, inst.start, inst.end, g)) tally.model.tp++;
    }
  }
  return tally;
}

function ecbTest(): void {
  const model = eventModel();
  const items = ecbExamples(true);
  const modelClass = (m: string) => (m === 'generic' || m === 'negated' ? 'other' : 'occurrence');
  const stageClass = (s: { modality: string } | null | undefined) => (s && s.modality !== 'negated' ? 'occurrence' : 'other');
  const binary = (c: string) => (c === 'occurrence' ? 'occurrence' : 'other');
  const pred = items.map((x) => ({ gold: binary(x.ecb), model: modelClass(model.predict(x.ctx).modality), stage: stageClass(x.stage), lexicon: x.proposedByLexicon }));
  const table = (label: string, list: typeof pred, withStage: boolean) => {
    const others = list.filter((x) => x.gold === 'other');
    const occ = list.filter((x) => x.gold === 'occurrence');
    const bal = (k: 'model' | 'stage') => ((others.filter((x) => x[k] === 'other').length / (others.length || 1) + occ.filter((x) => x[k] === 'occurrence').length / (occ.length || 1)) / 2).toFixed(3);
    out(`ECB+ measurement topics, annotated sentences, ${label}: ${list.length} mentions (${others.length} generic or negated)`);
    out('| measure | events stage (records) | classifier (each candidate) |');
    out('|---|---|---|');
    out(`| occurrence vs generic/negated accuracy | ${withStage ? ratio(list.filter((x) => x.stage === x.gold).length, list.length) : '–'} | ${ratio(list.filter((x) => x.model === x.gold).length, list.length)} |`);
    out(`| generic or negated recognised | ${withStage ? ratio(others.filter((x) => x.stage === 'other').length, others.length) : '–'} | ${ratio(others.filter((x) => x.model === 'other').length, others.length)} |`);
    out(`| balanced accuracy | ${withStage ? bal('stage') : '–'} | ${bal('model')} |`);
  };
  table('every ACTION_OCCURRENCE, ACTION_GENERIC and NEG_ACTION_* mention', pred, false);
  table('the mentions the trigger lexicon proposes', pred.filter((x) => x.lexicon), true);
}

const only = process.argv[2];
if (!only || only === 'hand') handSplit();
if (!only || only === 'wiki') wikiTest();
if (!only || only === 'ecb') ecbTest();
