// Builds data/annotations/events/candidates-05.jsonl: candidates of the rare classes the
// first four chunks have few of (planned, expected, averted, denied, negated, conditional and
// generic mentions; other senses in sport and idiom; deaths from illness or cold), taken from
// training-split documents that chunks 01–04 do not use. A candidate is kept when a cue word
// of such a class stands within six tokens of its trigger in the same sentence; at most
// two a document, documents in a fixed hashed order, until 150 candidates; then, as most of
// those are crime and general news, up to four a document from the conflict reports of re3d
// not yet used, until 60 more.
// The selection is by cue, so the chunk is not a sample of news: it is for training only
// (the test split is never drawn from; scripts/events/data.ts, isTestDocument).
//
//   npx tsx scripts/event-candidates-rare.ts
import { writeFileSync } from 'node:fs';
import type { Doc } from '../src/doc.js';
import { join } from 'node:path';
import { loadLexicons } from '../src/lexicons/load.js';
import { buildPipeline, createContext } from '../src/pipeline.js';
import { TriggerIndex } from '../src/stages/events/triggers.js';
import type { Candidate } from './event-candidates.js';
import { annotationDir, candidateAt, handLabelled } from './events/corpus.js';
import { type Article, ecbFiles, hash, isTestDocument, readEcbFile, readGiveme, readGvdb, readRe3d } from './events/data.js';

const PASSES = [
  { datasets: ['ecbplus', 'gvdb', 're3d', 'giveme5w1h'], max: 150, perDoc: 2 },
  { datasets: ['re3d'], max: 60, perDoc: 4 },
];

/** Cue words of the rare classes, on lower-cased tokens. */
const CUES = /^(expect|expected|expects|plan|plans|planned|planning|threaten|threatened|threatens|vow|vowed|vows|ahead|upcoming|scheduled|will|would|could|might|may|if|unless|warn|warned|warns|prepare|prepared|preparing|possible|potential|avoid|avert|averted|prevent|prevented|foil|foiled|thwart|thwarted|tried|try|attempt|attempted|failed|deny|denied|denies|dismissed|rejected|no|not|never|nobody|often|every|since|usually|cancer|illness|disease|cholera|cold|hunger|starvation|overdose|heart|natural|stroke|match|game|goal|striker|team|league|season|coach|football|soccer|basketball|player|players|hit|song)$/;

function articles(): Article[] {
  const used = new Set(handLabelled().map((x) => `${x.candidate.source.dataset}/${x.candidate.source.doc}`));
  const all: Article[] = [];
  for (const f of ecbFiles()) all.push(readEcbFile(f.path));
  all.push(...readGvdb('dev'), ...readRe3d().filter((a) => a.text.length < 12_000), ...readGiveme());
  return all
    .filter((a) => !isTestDocument(a.dataset, a.id) && !used.has(`${a.dataset}/${a.id}`))
    .sort((a, b) => hash(`rare:${a.dataset}/${a.id}`) - hash(`rare:${b.dataset}/${b.id}`));
}

function main(): void {
  const lexicons = loadLexicons([]);
  const pipeline = buildPipeline(createContext({ lexicons }), ['normalize', 'sentences', 'entities', 'places', 'dates', 'quantities']);
  const index = new TriggerIndex(lexicons.triggers, lexicons.notTriggers);
  const out: Candidate[] = [];
  const docs = articles();
  for (const pass of PASSES) {
    const picked = new Set(out.map((c) => `${c.source.dataset}/${c.source.doc}`));
    const list: Candidate[] = [];
    for (const a of docs) {
      if (list.length >= pass.max) break;
      if (!pass.datasets.includes(a.dataset) || picked.has(`${a.dataset}/${a.id}`)) continue;
      const doc = pipeline.process({ text: a.text, id: a.id, title: a.title, published: a.published });
      list.push(...cuedCandidates(a, doc, index, pass.perDoc));
    }
    out.push(...list);
  }
  writeFileSync(join(annotationDir, 'candidates-05.jsonl'), out.map((x) => JSON.stringify(x)).join('\n') + '\n');
  console.log(`${out.length} candidates from ${new Set(out.map((c) => c.source.doc)).size} documents`);
}

/** The document's first candidates (at most perDoc) with a rare-class cue near the trigger. */
function cuedCandidates(a: Article, doc: Doc, index: TriggerIndex, perDoc: number): Candidate[] {
  const out: Candidate[] = [];
  let n = 0;
  for (let s = 0; s < doc.sentences.length && out.length < perDoc; s++) {
    const sent = doc.sentences[s]!;
    if (sent.heading) continue;
    const toks = doc.sentenceTokens(s);
    for (const hit of index.find(toks)) {
      n++;
      const near = toks.some((t, i) => i >= hit.first - 6 && i <= hit.last + 6 && (i < hit.first || i > hit.last) && CUES.test(t.lower));
      if (!near || out.length >= perDoc) continue;
      out.push(candidateAt(a, doc, s, hit.first, hit.last, `${a.dataset}/${a.id}#r${String(n).padStart(3, '0')}`, [...new Set(hit.readings.map((r) => r.type))]));
    }
  }
  return out;
}

main();
