// npm run eval:records — the events stage's records against the hand labels (issue 20): what an
// analyst gets, rules and classifier together, merged mentions included. For each hand-labelled
// candidate of a split (data/annotations/events), is it in a record (as a record's trigger or
// one of the mentions merged into it)? Precision: of the labelled candidates recorded, how many
// are real events; recall: of the real events, how many are recorded; incidents: of the real
// events, how many are recorded or repeat a recorded mention ("…, killing two" is the attack's
// casualties, not a record of its own); and the type of the
// records whose own trigger is a real event. The classifier alone is measured by
// `npm run eval:events`; this counts what the rules around it add and take away.
//
//   npm run eval:records                  dev: chunks 08 and 09, training documents labelled by hand but
//                                         never trained on (the committed weights read chunks 01–07)
//   npm run eval:records -- --split test  the test split of every chunk (report once per change)
//   npm run eval:records -- --list        also each candidate the records get wrong (dev only)
import type { Doc } from '../src/doc.js';
import { articleOf, getTools, handContext, handLabelled } from './events/corpus.js';

const split = process.argv.includes('--split') ? (process.argv[process.argv.indexOf('--split') + 1] as 'train' | 'test') : 'train';
// chunk 05 holds candidates chosen by cue words, not whole documents: never counted
process.env.EV_CHUNKS ??= split === 'train' ? '08,09' : '01,02,03,04,06,07,08,09';
const listing = process.argv.includes('--list') && split === 'train';
const labelled = handLabelled().filter((x) => x.candidate.split === split && x.chunk !== '05');
const byDoc = new Map<string, typeof labelled>();
for (const x of labelled) {
  const key = `${x.candidate.source.dataset}/${x.candidate.source.doc}`;
  (byDoc.get(key) ?? byDoc.set(key, []).get(key)!).push(x);
}

const t = { tp: 0, fp: 0, fn: 0, covered: 0, events: 0, typed: 0, typeRight: 0, lost: 0 };
const wrong = new Map<string, number>();
for (const [key, items] of byDoc) {
  const [dataset, id] = [key.slice(0, key.indexOf('/')), key.slice(key.indexOf('/') + 1)];
  const a = articleOf(dataset, id);
  if (!a) {
    t.lost += items.length;
    continue;
  }
  const doc: Doc = getTools().withEvents.process({ text: a.text, id: a.id, title: a.title, published: a.published });
  // first which candidates are in a record, then the repeats: a mention of an incident whose first
  // mention is recorded is in that record, as its casualties ("…, killing two") or a retelling
  const inRecord = new Map<string, { recorded: boolean; own: (typeof doc.events)[number] | undefined }>();
  for (const { candidate } of items) {
    const found = handContext(doc, candidate);
    if (!found) continue;
    const over = (m: { start: number; end: number }) => m.start < found.end && m.end > found.start;
    const own = doc.events.find((e) => over(e.trigger));
    inRecord.set(candidate.id, { recorded: !!own || doc.events.some((e) => (e.mentions ?? []).some(over)), own });
  }
  for (const { candidate, label } of items) {
    const at = inRecord.get(candidate.id);
    if (!at) {
      t.lost++;
      continue;
    }
    const { own } = at;
    const recorded = at.recorded;
    const covered = recorded || (label.event && !!label.repeats && !!inRecord.get(label.repeats)?.recorded);
    if (label.event && covered) t.covered++;
    if (listing && recorded !== label.event) console.log(`${recorded ? 'recorded, not real' : 'real, not recorded'}\t${candidate.id} "${candidate.trigger.text}"\t${label.type ?? ''}\t${candidate.sentence}`);
    if (recorded && label.event) t.tp++;
    else if (recorded) {
      t.fp++;
      const k = `${own?.type ?? 'merged'} "${candidate.trigger.text.toLowerCase()}"`;
      wrong.set(k, (wrong.get(k) ?? 0) + 1);
    } else if (label.event) t.fn++;
    if (label.event) t.events++;
    if (own && label.event && label.type) {
      t.typed++;
      if (own.type === label.type) t.typeRight++;
    }
  }
}
const r = (n: number, d: number) => (d ? `${(n / d).toFixed(3)} (${n}/${d})` : 'n/a');
console.log(`events stage records against the hand labels, ${split === 'train' ? 'dev (chunks 08 and 09)' : 'test split'}: ${labelled.length} candidates of ${byDoc.size} documents${t.lost ? ` (${t.lost} not found)` : ''}`);
console.log('| measure | events stage |');
console.log('|---|---|');
console.log(`| precision: recorded candidates that are real events | ${r(t.tp, t.tp + t.fp)} |`);
console.log(`| recall: real events recorded | ${r(t.tp, t.tp + t.fn)} |`);
console.log(`| F1 | ${(t.tp ? (2 * t.tp) / (2 * t.tp + t.fp + t.fn) : 0).toFixed(3)} |`);
console.log(`| incidents: real events recorded, or repeating a recorded mention | ${r(t.covered, t.events)} |`);
console.log(`| type right, records whose trigger is a real event | ${r(t.typeRight, t.typed)} |`);
console.log(`recorded, not real events (most frequent): ${[...wrong].sort((x, y) => y[1] - x[1]).slice(0, 12).map(([k, n]) => `${k} ${n}`).join(', ')}`);
