// npm run train:ner [-- --data DIR --epochs N --seed S --out FILE --re3d N --re3d-fit]
//
// Trains the named-entity tagger (src/models/ner) on CoNLL-2003's train split and re3d's
// training part (scripts/ner-re3d.ts: its names only, the tokens it does not tag CoNLL's way
// left open; --re3d 0 leaves it out, --re3d-fit keeps to its fitting fold, for choosing
// settings on its dev fold) as an averaged structured perceptron (Collins 2002): Viterbi under the BILOU constraints, weights moved
// towards the gold sequence wherever the decoded one differs, and the average of the weights
// over every step kept. Sentences are visited in an order shuffled by a seeded generator, so
// the same data and seed give the same bytes. Each epoch is scored on the dev split; the
// epoch count that scored best is the one written (the dev split is for choosing settings).
//
// The weights are then pruned (features whose weights all round to nothing), quantised to 16
// bits and written to src/models/ner/weights.bin.gz, and the written model is read back and
// scored on dev through the same code the pipeline uses.
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadLexicons } from '../src/lexicons/load.js';
import { buildKnowledge } from '../src/stages/entities/knowledge.js';
import { wordTests } from '../src/stages/entities/word-tests.js';
import { sharedWink } from '../src/stages/sentences/wink.js';
import { FEATURE_VERSION, sentenceFeatureHashes } from '../src/models/ner/features.js';
import { constrain, decodeWeights, encodeWeights, NerModel, viterbi, WEIGHTS_URL } from '../src/models/ner/model.js';
import { prepareDoc, readConllDocs, type TokenisedDoc } from '../src/models/ner/prepare.js';
import { ENTITY_TYPES, TAGS, bilouSpans } from '../src/models/ner/tags.js';
import { SpanScore } from '../src/models/ner/evaluate.js';
import { lexiconSources, type LexiconSources } from '../src/models/ner/lexicon.js';
import { createContext } from '../src/pipeline.js';
import { sentencesStage } from '../src/stages/sentences/sentences.js';
import { readRe3d, re3dFold, re3dPart, titleTest, trainingDoc, UNKNOWN_TAG } from './ner-re3d.js';

interface Options {
  data: string;
  epochs: number;
  seed: number;
  out: string;
  minCount: number;
  /** how many times re3d's training part is shown each epoch (0: CoNLL alone) */
  re3d: number;
  /** train on the fitting fold of re3d's training part only, to choose settings on its dev fold */
  re3dFit: boolean;
}

function options(argv: string[]): Options {
  const o: Options = { data: resolve(new URL('../../shared/data', import.meta.url).pathname), epochs: 8, seed: 19, out: WEIGHTS_URL.pathname, minCount: 1, re3d: RE3D_TIMES, re3dFit: false };
  for (let i = 0; i < argv.length; i += 2) {
    if (argv[i] === '--re3d-fit') {
      o.re3dFit = true;
      i--;
      continue;
    }
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`train-ner: ${flag} needs a value`);
    if (flag === '--data') o.data = resolve(value);
    else if (flag === '--epochs') o.epochs = Number(value);
    else if (flag === '--seed') o.seed = Number(value);
    else if (flag === '--out') o.out = resolve(value);
    else if (flag === '--min-count') o.minCount = Number(value);
    else if (flag === '--re3d') o.re3d = Number(value);
    else throw new Error(`train-ner: unknown option ${flag}; options are --data DIR, --epochs N, --seed S, --out FILE, --min-count N, --re3d N, --re3d-fit`);
  }
  return o;
}

/** mulberry32: a small seeded generator, so the shuffles are the same on every machine. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Encoded {
  /** per sentence: per token, its feature hashes */
  hashes: Uint32Array[][];
  gold: Int32Array[];
  /** the source sentences, for scoring spans */
  docs: TokenisedDoc[];
}

function encode(docs: TokenisedDoc[], src: LexiconSources): Encoded {
  const nlp = sharedWink();
  const hashes: Uint32Array[][] = [];
  const gold: Int32Array[] = [];
  const tagIndex = new Map(TAGS.map((t, i) => [t, i]));
  for (const doc of docs) {
    const prepared = prepareDoc(doc, src, nlp);
    prepared.sentences.forEach((s, i) => {
      hashes.push(sentenceFeatureHashes(s, prepared.context));
      gold.push(Int32Array.from(doc.sentences[i]!.gold!, (t) => (t === UNKNOWN_TAG ? -1 : tagIndex.get(t)!)));
    });
  }
  return { hashes, gold, docs };
}

function main(): void {
  const o = options(process.argv.slice(2));
  const t0 = Date.now();
  const trainPath = `${o.data}/conll2003/train.txt`;
  const devPath = `${o.data}/conll2003/dev.txt`;
  for (const p of [trainPath, devPath]) if (!existsSync(p)) throw new Error(`train-ner: ${p} not found; pass --data DIR, the folder holding conll2003/`);
  const lexicons = loadLexicons();
  const src: LexiconSources = lexiconSources(lexicons, buildKnowledge(lexicons), wordTests());
  const train = encode(readConllDocs(trainPath), src);
  const dev = encode(readConllDocs(devPath), src);
  const conllSentences = train.hashes.length;
  if (o.re3d > 0) addRe3d(train, `${o.data}/re3d`, src, o.re3d, o.re3dFit);
  const tPrep = Date.now();
  console.error(`train-ner: ${train.hashes.length} training sentences (${conllSentences} of CoNLL), ${dev.hashes.length} dev sentences, features in ${((tPrep - t0) / 1000).toFixed(1)} s`);

  // rows: features seen at least minCount times in training
  const counts = new Map<number, number>();
  for (const s of train.hashes) for (const tok of s) for (const h of tok) counts.set(h, (counts.get(h) ?? 0) + 1);
  const rowOf = new Map<number, number>();
  const keys: number[] = [];
  for (const [h, c] of [...counts].sort((a, b) => a[0] - b[0])) {
    if (c < o.minCount) continue;
    rowOf.set(h, keys.length);
    keys.push(h);
  }
  counts.clear();
  const toRows = (s: Uint32Array[]) => s.map((tok) => Int32Array.from([...tok].map((h) => rowOf.get(h) ?? -1).filter((r) => r >= 0)));
  const trainRows = train.hashes.map(toRows);
  const devRows = dev.hashes.map(toRows);
  train.hashes.length = 0;
  const R = keys.length;
  const T = TAGS.length;
  console.error(`train-ner: ${R} features × ${T} tags`);

  const W = new Float32Array(R * T);
  const U = new Float64Array(R * T);
  const TR = new Float64Array((T + 1) * T);
  const TU = new Float64Array((T + 1) * T);
  const FI = new Float64Array(T);
  const FU = new Float64Array(T);
  let c = 1;

  const emissions = (rows: Int32Array[], w: Float32Array): Float32Array => {
    const e = new Float32Array(rows.length * T);
    rows.forEach((tok, i) => {
      for (const r of tok) for (let y = 0; y < T; y++) e[i * T + y]! += w[r * T + y]!;
    });
    return e;
  };
  const averaged = () => ({
    w: Float32Array.from(W, (v, i) => v - U[i]! / c),
    tr: Float32Array.from(TR, (v, i) => v - TU[i]! / c),
    fi: Float32Array.from(FI, (v, i) => v - FU[i]! / c),
  });
  const scoreDev = (decode: (i: number) => Int32Array): SpanScore => {
    const score = new SpanScore();
    let k = 0;
    for (const doc of dev.docs) {
      for (const s of doc.sentences) {
        const pred = bilouSpans(Array.from(decode(k), (y) => TAGS[y]!));
        score.add(bilouSpans(s.gold!), pred);
        k++;
      }
    }
    return score;
  };

  // the BILOU constraints as additive masks (0 or -Infinity), applied to the weights at each step
  const transMask = constrain(new Float32Array((T + 1) * T), TAGS);
  const finalMask = Float32Array.from(TAGS, (t) => (/^[BI]/.test(t) ? -Infinity : 0));
  const transNow = new Float32Array((T + 1) * T);
  const finalNow = new Float32Array(T);
  const random = rng(o.seed);
  const order = trainRows.map((_, i) => i);
  let best = { epoch: 0, f: -1, w: new Float32Array(0), tr: new Float32Array(0), fi: new Float32Array(0) };
  for (let epoch = 1; epoch <= o.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let errors = 0;
    for (const si of order) {
      const rows = trainRows[si]!;
      const n = rows.length;
      for (let k = 0; k < transNow.length; k++) transNow[k] = TR[k]! + transMask[k]!;
      for (let k = 0; k < T; k++) finalNow[k] = FI[k]! + finalMask[k]!;
      const emitted = emissions(rows, W);
      const pred = viterbi(emitted, n, T, transNow, finalNow);
      const gold = train.gold[si]!.includes(-1) ? filledGold(emitted, train.gold[si]!, T, transNow, finalNow) : train.gold[si]!;
      let wrong = false;
      for (let i = 0; i < n; i++) {
        const g = gold[i]!;
        const p = pred[i]!;
        const gPrev = i === 0 ? T : gold[i - 1]!;
        const pPrev = i === 0 ? T : pred[i - 1]!;
        if (g !== p) {
          wrong = true;
          for (const r of rows[i]!) {
            W[r * T + g]! += 1;
            U[r * T + g]! += c;
            W[r * T + p]! -= 1;
            U[r * T + p]! -= c;
          }
        }
        if (g !== p || gPrev !== pPrev) {
          TR[gPrev * T + g]! += 1;
          TU[gPrev * T + g]! += c;
          TR[pPrev * T + p]! -= 1;
          TU[pPrev * T + p]! -= c;
        }
      }
      const gl = gold[n - 1]!;
      const pl = pred[n - 1]!;
      if (gl !== pl) {
        FI[gl]! += 1;
        FU[gl]! += c;
        FI[pl]! -= 1;
        FU[pl]! -= c;
      }
      if (wrong) errors++;
      c++;
    }
    const avg = averaged();
    const trC = Float32Array.from(avg.tr, (v, k) => v + transMask[k]!);
    const fiC = Float32Array.from(avg.fi, (v, k) => v + finalMask[k]!);
    const score = scoreDev((k) => viterbi(emissions(devRows[k]!, avg.w), devRows[k]!.length, T, trC, fiC));
    const f = score.over(['PER', 'ORG', 'LOC']).f ?? 0;
    console.error(`train-ner: epoch ${epoch}: ${errors} sentences wrong; dev PER/ORG/LOC F ${(100 * f).toFixed(2)}, all F ${(100 * (score.over(ENTITY_TYPES).f ?? 0)).toFixed(2)} (${((Date.now() - tPrep) / 1000).toFixed(0)} s)`);
    if (f > best.f) best = { epoch, f, ...avg };
  }

  // prune and quantise: a feature whose largest weight is below the threshold is dropped
  let maxAbs = 0;
  for (const v of best.w) maxAbs = Math.max(maxAbs, Math.abs(v));
  const scale = maxAbs / 32767;
  const keep: number[] = [];
  for (let r = 0; r < R; r++) {
    let m = 0;
    for (let y = 0; y < T; y++) m = Math.max(m, Math.abs(best.w[r * T + y]!));
    if (m >= PRUNE * maxAbs) keep.push(r);
  }
  const qKeys = Uint32Array.from(keep, (r) => keys[r]!);
  const qWeights = new Int16Array(keep.length * T);
  keep.forEach((r, k) => {
    for (let y = 0; y < T; y++) qWeights[k * T + y] = Math.round(best.w[r * T + y]! / scale);
  });
  const meta = {
    trainedOn: o.re3d > 0 ? `CoNLL-2003 English train (Reuters, research use); re3d's training part (${RE3D_TRAINING}) × ${o.re3d}` : 'CoNLL-2003 English train (Reuters, research use)',
    seed: o.seed,
    epochs: best.epoch,
    minCount: o.minCount,
    features: keep.length,
    devPerOrgLocF: Number(best.f.toFixed(4)),
  };
  const bytes = encodeWeights({ version: FEATURE_VERSION, tags: [...TAGS], meta, keys: qKeys, weights: qWeights, scale, transitions: best.tr, final: best.fi });
  writeFileSync(o.out, bytes);

  // the written model, read back and scored as the pipeline will use it
  const model = new NerModel(decodeWeights(bytes, o.out));
  const score = scoreDev((k) => {
    const h = dev.hashes[k]!;
    return Int32Array.from(model.predictHashes(h), (t) => TAGS.indexOf(t));
  });
  console.log(`train-ner: seed ${o.seed}, best epoch ${best.epoch} of ${o.epochs}, ${keep.length} of ${R} features kept, ${(bytes.length / 1e6).toFixed(2)} MB written to ${o.out}, ${((Date.now() - t0) / 1000).toFixed(0)} s in all`);
  console.log('CoNLL-2003 dev, the written model (exact spans):');
  console.log(score.table(ENTITY_TYPES));
}

/**
 * re3d's training part (scripts/ner-re3d.ts), its names tagged CoNLL's way and its unsure
 * tokens left open, added to the training sentences `times` times over.
 */
function addRe3d(train: Encoded, dir: string, src: LexiconSources, times: number, fitOnly: boolean): void {
  if (!existsSync(dir)) throw new Error(`train-ner: ${dir} not found; pass --re3d 0 to train on CoNLL alone`);
  const isTitle = titleTest(src);
  const sentences = sentencesStage(createContext());
  const docs = readRe3d(dir).filter((d) => (fitOnly ? re3dFold(d.id) === 'fit' : re3dPart(d.id) === 'train')).map((d) => trainingDoc(d, isTitle, sentences));
  const extra = encode(docs, src);
  for (let k = 0; k < times; k++) {
    train.hashes.push(...extra.hashes);
    train.gold.push(...extra.gold);
  }
}

/**
 * Training with partial labels (Tsuboi et al. 2008): where the gold tag of a token is not known
 * (-1), the gold sequence is the model's best one among those that keep every known tag.
 */
function filledGold(emitted: Float32Array, gold: Int32Array, T: number, trans: Float32Array, final: Float32Array): Int32Array {
  const masked = Float32Array.from(emitted);
  gold.forEach((g, i) => {
    if (g < 0) return;
    for (let y = 0; y < T; y++) if (y !== g) masked[i * T + y] = -Infinity;
  });
  return viterbi(masked, gold.length, T, trans, final);
}

/** Times re3d's training part is shown each epoch by default (measured: docs/EVALUATION.md). */
const RE3D_TIMES = 1;
const RE3D_TRAINING = 'documents whose id hashes to under 70 of 100';

/** Features whose weights are all below this share of the largest weight are left out of the file. */
const PRUNE = 1e-3;

main();
