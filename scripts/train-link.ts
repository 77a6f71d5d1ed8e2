// npm run train:link: the pair model of `sitrep link` (src/link/weights.json), a logistic
// regression over the pair features of src/link/features.ts, trained on ECB+'s training topics
// (Cybulska and Vossen 2014, CC BY 3.0, ../shared/data/ecbplus; the topic splits of Cybulska and
// Vossen 2015), with the threshold an event needs to join an incident chosen on the dev topics
// by CoNLL F. The test topics are not read. Pairs are every two events of the training pool
// (all training topics together, so that other topics' events are negatives, as other stories
// are in a dataset) that no rule rules out. Full-batch gradient descent from zero weights: the
// result is the same on every run.
import { writeFileSync } from 'node:fs';
import { collect, DEV_TOPICS, goldPartition, linkedScored, TRAIN_TOPICS, type Setting } from '../bench/link-ecbplus.js';
import { FEATURES, pairFeatures, prepareAll } from '../src/link/features.js';
import { ruledOut, type LinkModel } from '../src/link/link.js';
import { corefScores } from '../src/eval/coref.js';
import { mulberry32 } from '../bench/link.js';

const MAX_KM = 25;
/** at most this many pairs of two incidents per setting: a fixed-seed sample of them */
const NEGATIVES = 60_000;
const SEED = 22;
const L2 = 0.01;
const STEPS = 2000;
const RATE = 0.5;

/** Features and labels of the pairs of a setting's typed events that no rule rules out: every pair of one incident, a sample of the others. */
function pairs(s: Setting): { x: number[][]; y: number[] } {
  // every event of the setting weighs words and makes up its article; the pairs are of the events scored
  const items = prepareAll(s.events.filter((e) => !e.event_type.startsWith('none:'))).filter((it) => s.chains.has(it.event.id));
  const same = (i: number, j: number) => s.chains.get(items[i]!.event.id) === s.chains.get(items[j]!.event.id);
  let negatives = 0;
  for (let i = 0; i < items.length; i++) for (let j = i + 1; j < items.length; j++) if (!same(i, j)) negatives++;
  const keep = Math.min(1, NEGATIVES / Math.max(negatives, 1));
  const next = mulberry32(SEED);
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const label = same(i, j);
      if ((!label && next() >= keep) || ruledOut(items[i]!, items[j]!, true, MAX_KM)) continue;
      x.push(pairFeatures(items[i]!, items[j]!, MAX_KM));
      y.push(Number(label));
    }
  }
  return { x, y };
}

/** Logistic regression, positives weighted up to balance the classes, L2 on all but the bias. */
function fit(x: number[][], y: number[]): number[] {
  const d = FEATURES.length;
  const w = new Array<number>(d).fill(0);
  const positives = y.filter(Boolean).length;
  const posWeight = (y.length - positives) / Math.max(positives, 1);
  const total = positives * posWeight + (y.length - positives);
  for (let step = 0; step < STEPS; step++) {
    const grad = new Array<number>(d).fill(0);
    for (let n = 0; n < x.length; n++) {
      let z = 0;
      for (let k = 0; k < d; k++) z += w[k]! * x[n]![k]!;
      const p = 1 / (1 + Math.exp(-z));
      const g = (p - y[n]!) * (y[n] ? posWeight : 1);
      for (let k = 0; k < d; k++) grad[k]! += g * x[n]![k]!;
    }
    for (let k = 0; k < d; k++) w[k] = w[k]! - RATE * (grad[k]! / total + (k ? L2 * w[k]! : 0));
  }
  return w.map((v) => Number(v.toFixed(4)));
}

const conll = (s: Setting, model: LinkModel) => corefScores(goldPartition(s.chains), linkedScored(s, model)).conll ?? 0;

const train = collect(TRAIN_TOPICS);
const dev = collect(DEV_TOPICS);
const data = [pairs(train.sitrep), pairs(train.gold)];
const x = data.flatMap((d) => d.x);
const y = data.flatMap((d) => d.y);
console.log(`training pairs: ${x.length} (${y.filter(Boolean).length} of one incident)`);
const weights = fit(x, y);
let best: { threshold: number; f: number } = { threshold: 0, f: -1 };
for (let t = -3; t <= 3.001; t += 0.25) {
  const model = { features: FEATURES, weights, threshold: t };
  const f = (conll(dev.sitrep, model) + conll(dev.gold, model)) / 2;
  console.log(`threshold ${t.toFixed(2)}: dev CoNLL F ${(100 * conll(dev.sitrep, model)).toFixed(1)} (sitrep's events), ${(100 * conll(dev.gold, model)).toFixed(1)} (gold mentions)`);
  if (f > best.f + 1e-9) best = { threshold: Number(t.toFixed(2)), f };
}
const model: LinkModel = { features: FEATURES, weights, threshold: best.threshold };
console.log(FEATURES.map((f, i) => `${f} ${weights[i]}`).join('\n'));
console.log(`threshold ${best.threshold}, dev mean CoNLL F ${(100 * best.f).toFixed(1)}`);
writeFileSync(new URL('../src/link/weights.json', import.meta.url), `${JSON.stringify(model, null, 1)}\n`);
