// npm run eval:ner [-- --data DIR]
//
// Scores the committed NER model conlleval-style (exact span and type; P, R, F per type and
// micro) on CoNLL-2003 dev, tagging CoNLL's own tokens, and on re3d (Person, Organisation,
// Location as PER, ORG, LOC), tagging the pipeline's own tokens of each document's text. With
// --baseline it also scores what the whole pipeline's entities give on CoNLL dev (the figure
// `sitrep eval` gives), for comparison.
import { createContext } from '../src/pipeline.js';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createPipeline } from '../src/index.js';
import { CONLL_LABEL } from '../src/eval/gold/conll.js';
import { alignTexts } from '../src/eval/gold/align.js';
import { loadLexicons } from '../src/lexicons/load.js';
import { buildKnowledge } from '../src/stages/entities/knowledge.js';
import { wordTests } from '../src/stages/entities/word-tests.js';
import { sharedWink } from '../src/stages/sentences/wink.js';
import { Doc } from '../src/doc.js';
import { sentencesStage } from '../src/stages/sentences/sentences.js';
import { sharedNerModel } from '../src/models/ner/model.js';
import { charSpans, prepareDoc, readConllDocs, tokenisedFromDoc, type TokenisedDoc } from '../src/models/ner/prepare.js';
import { SpanScore, type TypedSpan } from '../src/models/ner/evaluate.js';
import { ENTITY_TYPES, bilouSpans } from '../src/models/ner/tags.js';
import { lexiconSources, type LexiconSources } from '../src/models/ner/lexicon.js';

const args = process.argv.slice(2);
const dataAt = args.indexOf('--data');
const data = dataAt >= 0 && args[dataAt + 1] ? resolve(args[dataAt + 1]!) : resolve(new URL('../../shared/data', import.meta.url).pathname);
const baseline = args.includes('--baseline');
if (!existsSync(`${data}/conll2003/dev.txt`)) {
  console.error(`eval-ner: ${data}/conll2003/dev.txt not found; pass --data DIR, the folder holding conll2003/ and re3d/`);
  process.exit(2);
}

const lexicons = loadLexicons();
const src: LexiconSources = lexiconSources(lexicons, buildKnowledge(lexicons), wordTests());
const model = sharedNerModel();
const nlp = sharedWink();

function tag(doc: TokenisedDoc): TypedSpan[] {
  const prepared = prepareDoc(doc, src, nlp);
  return prepared.sentences.flatMap((s, i) => charSpans(doc.sentences[i]!, model.predict(s, prepared.context).spans));
}

// CoNLL-2003 dev
const dev = readConllDocs(`${data}/conll2003/dev.txt`);
const score = new SpanScore();
let tokens = 0;
const t0 = performance.now();
for (const doc of dev) {
  tokens += doc.sentences.reduce((n, s) => n + s.tokens.length, 0);
  const gold = doc.sentences.flatMap((s) => charSpans(s, bilouSpans(s.gold!)));
  score.add(gold, tag(doc));
}
const seconds = (performance.now() - t0) / 1000;
console.log(`CoNLL-2003 dev (${dev.length} documents, ${tokens} tokens; ${Math.round(tokens / seconds)} tokens/s with features and parts of speech), NER model ${model.version}:`);
console.log(score.table(ENTITY_TYPES));

// re3d, on the pipeline's own tokens
const PRONOUN = /^(we|i|he|she|they|it|us|you|me|him|her|them)$/i;
const RE3D_TYPES: Record<string, string> = { Person: 'PER', Organisation: 'ORG', Location: 'LOC' };
const re3dDir = `${data}/re3d`;
if (existsSync(re3dDir)) {
  const strict = new SpanScore();
  const loose = new SpanScore();
  const sentences = sentencesStage(createContext());
  let docs = 0;
  for (const folder of readdirSync(re3dDir, { withFileTypes: true })) {
    if (!folder.isDirectory()) continue;
    const lines = (name: string) => readFileSync(`${re3dDir}/${folder.name}/${name}`, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Record<string, unknown>);
    const entities = lines('entities.json');
    for (const d of lines('documents.json')) {
      const text = d.text as string;
      const gold = entities
        .filter((e) => e.documentId === d._id && RE3D_TYPES[e.type as string])
        .map((e) => ({ type: RE3D_TYPES[e.type as string]!, start: e.begin as number, end: e.end as number }));
      const unique = [...new Map(gold.map((g) => [`${g.type}|${g.start}|${g.end}`, g])).values()];
      const pred = tagText(text);
      strict.add(unique, pred);
      // re3d's spans take in a leading article ("the Kurdish YPG") and name pronouns ("we"); CoNLL's do neither
      const names = unique
        .map((g) => {
          const m = /^(the|a|an)\s+/i.exec(text.slice(g.start, g.end));
          return m ? { ...g, start: g.start + m[0].length } : g;
        })
        .filter((g) => /\p{Lu}/u.test(text.slice(g.start, g.end)) && !PRONOUN.test(text.slice(g.start, g.end)));
      loose.add(names, pred);
      docs++;
    }
  }
  console.log(`\nre3d (${docs} documents; Person, Organisation, Location as PER, ORG, LOC), exact spans as annotated:`);
  console.log(strict.table(['PER', 'ORG', 'LOC']));
  console.log(`\nre3d, names only (gold spans without a leading article, and without pronouns or mentions with no capital):`);
  console.log(loose.table(['PER', 'ORG', 'LOC']));

  function tagText(text: string): TypedSpan[] {
    const doc = new Doc({ text });
    doc.text = text;
    sentences.run(doc);
    const { tokenised } = tokenisedFromDoc(doc);
    return tag(tokenised).filter((s) => s.type !== 'MISC');
  }
}

// the pipeline's entities on CoNLL dev, without the tagger (the lexicons and rules alone) and with it
if (baseline) {
  for (const ner of [false, true]) {
    const pipeline = createPipeline({ ner });
    const base = new SpanScore();
    for (const doc of dev) {
      const gold = doc.sentences.flatMap((s) => charSpans(s, bilouSpans(s.gold!)));
      const record = pipeline.process({ text: doc.text });
      const pred: TypedSpan[] = [];
      const map = alignTexts(record.text, doc.text);
      for (const e of record.entities) {
        const label = CONLL_LABEL[e.type];
        if (!label || e.kb?.description === true) continue;
        for (const m of e.mentions) {
          const span = map(m);
          pred.push(span ? { type: label, ...span } : { type: label, start: -1 - m.start, end: -1 });
        }
      }
      base.add(gold, pred);
    }
    console.log(`\nCoNLL-2003 dev, the whole pipeline's entities ${ner ? 'with' : 'without'} the tagger (record types mapped as sitrep eval maps them):`);
    console.log(base.table(ENTITY_TYPES));
  }
}
