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
import { mkdirSync, writeFileSync } from 'node:fs';
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

function main(): void {
  const lexicons = loadLexicons([]);
  const ctx = createContext({ lexicons });
  const pipeline = buildPipeline(ctx);
  const index = new TriggerIndex(lexicons.triggers, lexicons.notTriggers);
  const byDoc: Candidate[][] = [];
  const baseline: BaselineRow[] = [];
  for (const a of articles()) {
    const doc: Doc = pipeline.process({ text: a.text, id: a.id, title: a.title, published: a.published });
    const sentenceText = (s: number) => {
      const x = doc.sentences[s];
      return x ? doc.text.slice(x.start, x.end) : '';
    };
    const list: Candidate[] = [];
    for (let s = 0; s < doc.sentences.length; s++) {
      const sent = doc.sentences[s]!;
      if (sent.heading) continue;
      const toks = doc.sentenceTokens(s);
      for (const hit of index.find(toks)) {
        const start = toks[hit.first]!.start;
        const end = toks[hit.last]!.end;
        const ev = doc.events.find((e) => e.trigger.start < end && e.trigger.end > start);
        const n = list.length + 1;
        list.push(candidateAt(a, doc, s, hit.first, hit.last, `${a.dataset}/${a.id}#${String(n).padStart(3, '0')}`, [...new Set(hit.readings.map((r) => r.type))]));
        baseline.push({ id: list[list.length - 1]!.id, stage: ev ? { type: ev.type, modality: ev.modality } : null });
      }
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
