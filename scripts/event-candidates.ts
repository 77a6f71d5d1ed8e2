// Builds the hand-annotation set of issue 20: today's trigger proposer (the lookup of
// src/lexicons/triggers.json by src/stages/events/triggers.ts) run over real articles from
// ../shared/data (ECB+ across its topics, re3d, GVDB dev, Giveme5W1H; WikiEvents has no
// licence and is kept out of the stored set), every trigger hit in a non-heading sentence a
// candidate. Each candidate keeps its sentence with one sentence before and after, the
// trigger's offsets in its sentence, the types the lexicon proposes, and what the current
// events stage made of it (the rule-based baseline, kept apart in baseline.jsonl so that
// annotators do not see it). Written to data/annotations/events/candidates-01..04.jsonl,
// whole documents per chunk.
//
//   npx tsx scripts/event-candidates.ts [--docs-per-topic 3] [--gvdb 60] [--re3d 40] [--giveme 45]
//
// A further chunk for training (06, 07, …) is drawn the same way, whole documents per data set,
// from training-split documents that no chunk yet uses, until each set has its share of about
// the size asked for (the shares of chunks 01–04: ECB+ 39%, Giveme5W1H 25%, GVDB 24%, re3d
// 12%; ECB+ one document a topic before a second). It writes candidates-NN.jsonl only (no
// baseline: the baseline serves the test split, which a new chunk never draws from):
//
//   npx tsx scripts/event-candidates.ts --chunk 06 [--size 350]
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Doc } from '../src/doc.js';
import { loadLexicons } from '../src/lexicons/load.js';
import { buildPipeline, createContext } from '../src/pipeline.js';
import { TriggerIndex } from '../src/stages/events/triggers.js';
import { candidateAt } from './events/corpus.js';
import { type Article, ecbFiles, hash, isTestDocument, readEcbFile, readGiveme, readGvdb, readRe3d } from './events/data.js';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};

export interface Candidate {
  id: string;
  source: { dataset: string; doc: string };
  licence: string;
  split: 'train' | 'test';
  title: string | null;
  /** index of the sentence in the pipeline's sentences of the document */
  sentence_index: number;
  before: string;
  sentence: string;
  after: string;
  /** offsets within `sentence` */
  trigger: { text: string; start: number; end: number };
  /** the lexicon's readings, most specific first */
  proposed_types: string[];
}

/** What the current events stage recorded at a candidate's trigger (null: no event there). */
export interface BaselineRow {
  id: string;
  stage: { type: string; modality: string } | null;
}

const root = new URL('..', import.meta.url).pathname;
const outDir = join(root, 'data/annotations/events');

function pick<T>(items: T[], n: number, key: (t: T) => string): T[] {
  return [...items].sort((a, b) => hash(`pick:${key(a)}`) - hash(`pick:${key(b)}`)).slice(0, n);
}

function articles(): Article[] {
  const out: Article[] = [];
  // ECB+: from each of the 43 topics (shootings, riots, arrests, quakes, and sport, business, film) a few files, ecb and ecbplus alike
  const perTopic = arg('docs-per-topic', 3);
  const byTopic = new Map<number, ReturnType<typeof ecbFiles>>();
  for (const f of ecbFiles()) byTopic.set(f.topic, [...(byTopic.get(f.topic) ?? []), f]);
  for (const files of byTopic.values()) {
    const ecb = pick(files.filter((f) => !f.name.endsWith('plus')), Math.ceil(perTopic / 2), (f) => f.name);
    const plus = pick(files.filter((f) => f.name.endsWith('plus')), Math.floor(perTopic / 2), (f) => f.name);
    for (const f of [...ecb, ...plus]) out.push(readEcbFile(f.path));
  }
  out.push(...pick(readGvdb('dev'), arg('gvdb', 60), (a) => a.id));
  out.push(...pick(readRe3d().filter((a) => a.text.length < 12_000), arg('re3d', 40), (a) => a.id));
  out.push(...pick(readGiveme(), arg('giveme', 45), (a) => a.id));
  return out;
}

/** The share of a new chunk's candidates each data set gets: its share of chunks 01–04. */
const SHARES: Record<string, number> = { ecbplus: 0.39, giveme5w1h: 0.25, gvdb: 0.24, re3d: 0.12 };

/** Training-split documents no chunk uses, per data set, in the order a new chunk takes them. */
function unusedTrainingArticles(chunk: string): Map<string, Article[]> {
  const used = new Set<string>();
  for (const f of readdirSync(outDir).filter((n) => /^candidates-\d+\.jsonl$/.test(n))) {
    for (const line of readFileSync(join(outDir, f), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const c = JSON.parse(line) as Candidate;
      used.add(`${c.source.dataset}/${c.source.doc}`);
    }
  }
  const fresh = (a: Article) => !isTestDocument(a.dataset, a.id) && !used.has(`${a.dataset}/${a.id}`);
  const order = (a: Article) => hash(`chunk${chunk}:${a.dataset}/${a.id}`);
  const byOrder = (list: Article[]) => list.filter(fresh).sort((a, b) => order(a) - order(b));
  // ECB+: the first unused document of each topic, then the second, …, so that topics spread
  const ecb = byOrder(ecbFiles().map((f) => readEcbFile(f.path)));
  const rank = new Map<string, number>();
  const seen = new Map<string, number>();
  for (const a of ecb) {
    const topic = a.id.split('_')[0]!;
    rank.set(a.id, seen.get(topic) ?? 0);
    seen.set(topic, (seen.get(topic) ?? 0) + 1);
  }
  return new Map([
    ['ecbplus', [...ecb].sort((a, b) => rank.get(a.id)! - rank.get(b.id)! || order(a) - order(b))],
    ['giveme5w1h', byOrder(readGiveme())],
    ['gvdb', byOrder(readGvdb('dev'))],
    ['re3d', byOrder(readRe3d().filter((a) => a.text.length < 12_000))],
  ]);
}

/** A further training chunk: whole unused documents per data set up to its share of `size`. */
function newChunk(chunk: string, size: number): void {
  const lexicons = loadLexicons([]);
  const pipeline = buildPipeline(createContext({ lexicons }), ['normalize', 'sentences', 'entities', 'places', 'dates', 'quantities']);
  const index = new TriggerIndex(lexicons.triggers, lexicons.notTriggers);
  const out: Candidate[] = [];
  for (const [dataset, list] of unusedTrainingArticles(chunk)) {
    const quota = Math.round(size * SHARES[dataset]!);
    let n = 0;
    for (const a of list) {
      if (n >= quota) break;
      const doc = pipeline.process({ text: a.text, id: a.id, title: a.title, published: a.published });
      const cands = documentCandidates(a, doc, index);
      out.push(...cands);
      n += cands.length;
    }
    console.log(`  ${dataset}: ${n} candidates`);
  }
  writeFileSync(join(outDir, `candidates-${chunk}.jsonl`), out.map((x) => JSON.stringify(x)).join('\n') + '\n');
  console.log(`${out.length} candidates from ${new Set(out.map((c) => `${c.source.dataset}/${c.source.doc}`)).size} documents`);
}

/** Every trigger hit of a document's non-heading sentences, numbered in document order. */
function documentCandidates(a: Article, doc: Doc, index: TriggerIndex): Candidate[] {
  const list: Candidate[] = [];
  for (let s = 0; s < doc.sentences.length; s++) {
    if (doc.sentences[s]!.heading) continue;
    for (const hit of index.find(doc.sentenceTokens(s))) {
      const id = `${a.dataset}/${a.id}#${String(list.length + 1).padStart(3, '0')}`;
      list.push(candidateAt(a, doc, s, hit.first, hit.last, id, [...new Set(hit.readings.map((r) => r.type))]));
    }
  }
  return list;
}

function main(): void {
  const chunkArg = process.argv.indexOf('--chunk');
  if (chunkArg > 0) return newChunk(process.argv[chunkArg + 1]!, arg('size', 350));
  const lexicons = loadLexicons([]);
  const ctx = createContext({ lexicons });
  const pipeline = buildPipeline(ctx);
  const index = new TriggerIndex(lexicons.triggers, lexicons.notTriggers);
  const byDoc: Candidate[][] = [];
  const baseline: BaselineRow[] = [];
  for (const a of articles()) {
    const doc: Doc = pipeline.process({ text: a.text, id: a.id, title: a.title, published: a.published });
    const list = documentCandidates(a, doc, index);
    for (const c of list) {
      const start = doc.sentences[c.sentence_index]!.start + c.trigger.start;
      const end = start + c.trigger.end - c.trigger.start;
      const ev = doc.events.find((e) => e.trigger.start < end && e.trigger.end > start);
      baseline.push({ id: c.id, stage: ev ? { type: ev.type, modality: ev.modality } : null });
    }
    if (list.length) byDoc.push(list);
  }
  // four chunks of about equal size, whole documents each, documents dealt largest first to the smallest chunk
  const chunks: Candidate[][] = [[], [], [], []];
  for (const d of [...byDoc].sort((x, y) => y.length - x.length || x[0]!.id.localeCompare(y[0]!.id))) {
    chunks.sort((x, y) => x.length - y.length);
    chunks[0]!.push(...d);
  }
  chunks.sort((x, y) => x[0]!.id.localeCompare(y[0]!.id));
  mkdirSync(outDir, { recursive: true });
  chunks.forEach((c, k) => writeFileSync(join(outDir, `candidates-${String(k + 1).padStart(2, '0')}.jsonl`), c.map((x) => JSON.stringify(x)).join('\n') + '\n'));
  writeFileSync(join(outDir, 'baseline.jsonl'), baseline.map((x) => JSON.stringify(x)).join('\n') + '\n');
  const all = chunks.flat();
  const docs = byDoc.length;
  const perSet = new Map<string, { docs: number; candidates: number }>();
  for (const d of byDoc) {
    const e = perSet.get(d[0]!.source.dataset) ?? { docs: 0, candidates: 0 };
    e.docs++;
    e.candidates += d.length;
    perSet.set(d[0]!.source.dataset, e);
  }
  console.log(`${all.length} candidates from ${docs} documents; chunks ${chunks.map((c) => c.length).join(', ')}; test split ${all.filter((c) => c.split === 'test').length}`);
  for (const [k, v] of perSet) console.log(`  ${k}: ${v.docs} documents, ${v.candidates} candidates`);
  console.log(`  the stage recorded an event at ${baseline.filter((c) => c.stage).length} of them`);
}

main();
