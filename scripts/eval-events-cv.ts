// The events stage cross-validated on the hand-labelled training split: for each of five folds
// of its documents (the folds of `train-events.ts --cv`), the classifier is trained without the
// fold and the whole stage, rules and that classifier together, runs on the fold's documents.
// The committed classifier has seen every training candidate, so `eval-events.ts hand --split
// train` flatters every decision it takes part in; these figures do not, and are what a choice
// of how rules and classifier share the decision is made on, leaving the test split unread.
//
//   npx tsx scripts/eval-events-cv.ts [--errors]
//
// --errors prints each candidate the stage gets wrong, with what the fold's classifier said.
import type { Doc } from '../src/doc.js';
import { train } from '../src/models/events/linear.js';
import { EventModel } from '../src/models/events/model.js';
import { assemble, createContext, FACTORIES, STAGE_NAMES } from '../src/pipeline.js';
import { eventsStage } from '../src/stages/events/events.js';
import { hash } from './events/data.js';
import { stageReading } from './events/stage-reading.js';
import { ecbExamples, factualityExamples, handExamples, trainHeads, wikiExamples, type HandExample, type Labelled } from './train-events.js';

const SEED = Number(process.env.EV_SEED ?? 20);
const ratio = (n: number, d: number) => (d ? `${(n / d).toFixed(3)} (${n}/${d})` : 'n/a');

function main(): void {
  const factuality = train(factualityExamples('train'), ['yes', 'no'], { epochs: 6, seed: SEED, l2: 1e-4, minCount: 3 });
  const hand = handExamples('train');
  const data: Labelled[] = [...wikiExamples(), ...ecbExamples(false), ...hand];
  const fold = (d: Labelled) => (d.doc ? hash(`cv:${d.doc}`) % 5 : -1);
  const ctx = createContext();
  const rows: Array<{ t: HandExample; s: ReturnType<typeof stageReading>; p: ReturnType<EventModel['predict']> }> = [];
  for (let k = 0; k < 5; k++) {
    const model = new EventModel(trainHeads(factuality, data.filter((d) => fold(d) !== k)));
    const pipeline = assemble(STAGE_NAMES.map((name) => (name === 'events' ? eventsStage(ctx, model) : FACTORIES[name](ctx))));
    const docs = new Map<string, Doc>();
    for (const t of hand.filter((x) => fold(x) === k)) rows.push({ t, s: stageReading(t, pipeline, docs), p: model.predict(t.ctx) });
  }
  // the whole-document chunks, as train-events.ts --cv counts them (chunk 05 was chosen by cue words)
  const counted = rows.filter((r) => r.t.chunk !== '05');
  const events = counted.filter((r) => r.t.isEvent);
  console.log(`events stage, 5-fold cross-validation over the ${counted.length} hand-labelled training candidates of the whole-document chunks (${events.length} true events)`);
  console.log('| measure | classifier alone | events stage |');
  console.log('|---|---|---|');
  console.log(`| event-or-not accuracy | ${ratio(counted.filter((r) => r.p.event === r.t.isEvent).length, counted.length)} | ${ratio(counted.filter((r) => !!r.s === r.t.isEvent).length, counted.length)} |`);
  console.log(`| modality accuracy, true events | ${ratio(events.filter((r) => r.p.modality === r.t.labelModality).length, events.length)} | ${ratio(events.filter((r) => r.s?.modality === r.t.labelModality).length, events.length)} |`);
  console.log(`| type accuracy, true events | ${ratio(events.filter((r) => r.p.type === r.t.labelType).length, events.length)} | ${ratio(events.filter((r) => r.s?.type === r.t.labelType).length, events.length)} |`);
  console.log('| data set | candidates | classifier event-or-not | stage event-or-not | stage modality | stage type |');
  console.log('|---|---|---|---|---|---|');
  for (const set of [...new Set(counted.map((r) => r.t.doc!.split('/')[0]!))].sort()) {
    const of = counted.filter((r) => r.t.doc!.startsWith(`${set}/`));
    const ev = of.filter((r) => r.t.isEvent);
    console.log(`| ${set} | ${of.length} | ${ratio(of.filter((r) => r.p.event === r.t.isEvent).length, of.length)} | ${ratio(of.filter((r) => !!r.s === r.t.isEvent).length, of.length)} | ${ratio(ev.filter((r) => r.s?.modality === r.t.labelModality).length, ev.length)} | ${ratio(ev.filter((r) => r.s?.type === r.t.labelType).length, ev.length)} |`);
  }
  if (!process.argv.includes('--errors')) return;
  for (const { t, s, p } of counted) {
    if (!!s === t.isEvent && (!t.isEvent || (s?.type === t.labelType && s?.modality === t.labelModality))) continue;
    const words = (a: number, b: number) => t.ctx.tokens.slice(a, b).map((tk) => tk.text).join(' ');
    console.log(`${t.id} "${words(t.ctx.first, t.ctx.last + 1)}"\tgold ${t.isEvent ? `${t.labelType}/${t.labelModality}` : 'none'}\tstage ${s ? `${s.type}/${s.modality}` : 'none'}\tclassifier ${p.event ? `${p.type}/${p.modality}` : 'none'} ${p.pEvent.toFixed(2)}\t${words(0, t.ctx.tokens.length)}`);
  }
}

main();
