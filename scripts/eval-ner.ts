// npm run eval:ner [-- --data DIR --weights FILE --baseline --re3d-part test|train|dev|all --errors]
//
// Scores the committed NER model conlleval-style (exact span and type; P, R, F per type and
// micro) on CoNLL-2003 dev, tagging CoNLL's own tokens, and on re3d (Person, Organisation,
// Location as PER, ORG, LOC), tagging the pipeline's own tokens of each document's text: its test
// part unless --re3d-part says otherwise, and --errors lists the names missed and added. With
// --baseline it also scores what the whole pipeline's entities give on CoNLL dev (the figure
// `sitrep eval` gives), for comparison.
import { createContext } from '../src/pipeline.js';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createPipeline } from '../src/index.js';
import { CONLL_LABEL } from '../src/eval/gold/conll.js';
import { nerName } from '../src/eval/gold/score-spans.js';
import { alignTexts } from '../src/eval/gold/align.js';
import { loadLexicons } from '../src/lexicons/load.js';
import { buildKnowledge } from '../src/stages/entities/knowledge.js';
import { wordTests } from '../src/stages/entities/word-tests.js';
import { sharedWink } from '../src/stages/sentences/wink.js';
import { Doc } from '../src/doc.js';
import { sentencesStage } from '../src/stages/sentences/sentences.js';
import { loadNerModel, sharedNerModel } from '../src/models/ner/model.js';
import { charSpans, prepareDoc, readConllDocs, tokenisedFromDoc, type TokenisedDoc } from '../src/models/ner/prepare.js';
import { SpanScore, type TypedSpan } from '../src/models/ner/evaluate.js';
import { ENTITY_TYPES, bilouSpans } from '../src/models/ner/tags.js';
import { lexiconSources, type LexiconSources } from '../src/models/ner/lexicon.js';
import { annotatedSpans, judged, nameSpans, re3dFold, re3dPart, readRe3d, titleTest, writtenNameSpans } from './ner-re3d.js';

const args = process.argv.slice(2);
const dataAt = args.indexOf('--data');
const data = dataAt >= 0 && args[dataAt + 1] ? resolve(args[dataAt + 1]!) : resolve(new URL('../../shared/data', import.meta.url).pathname);
const baseline = args.includes('--baseline');
const showErrors = args.includes('--errors');
const partAt = args.indexOf('--re3d-part');
const part = partAt >= 0 ? args[partAt + 1]! : 'test';
if (!['train', 'test', 'all', 'dev'].includes(part)) {
  console.error('eval-ner: --re3d-part is train, test, all or dev (the training part\'s dev fold)');
  process.exit(2);
}
if (!existsSync(`${data}/conll2003/dev.txt`)) {
  console.error(`eval-ner: ${data}/conll2003/dev.txt not found; pass --data DIR, the folder holding conll2003/ and re3d/`);
  process.exit(2);
}

const lexicons = loadLexicons();
const src: LexiconSources = lexiconSources(lexicons, buildKnowledge(lexicons), wordTests());
const weightsAt = args.indexOf('--weights');
const model = weightsAt >= 0 ? loadNerModel(pathToFileURL(resolve(args[weightsAt + 1]!))) : sharedNerModel();
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

// re3d, on the pipeline's own tokens: its test part (scripts/ner-re3d.ts), which training never sees
const re3dDir = `${data}/re3d`;
if (existsSync(re3dDir)) {
  const strict = new SpanScore();
  const loose = new SpanScore();
  const written = new SpanScore();
  const sentences = sentencesStage(createContext());
  const isTitle = titleTest(src);
  const docs = readRe3d(re3dDir).filter((d) => part === 'all' || (part === 'dev' ? re3dFold(d.id) === 'dev' : re3dPart(d.id) === part));
  const errors: string[] = [];
  const nameErrors: string[] = [];
  for (const d of docs) {
    const pred = tagText(d.text);
    strict.add(annotatedSpans(d), pred);
    loose.add(nameSpans(d), pred);
    if (showErrors) nameErrors.push(...spanErrors(d.text, nameSpans(d), pred));
    const w = writtenNameSpans(d, isTitle);
    const judgedPred = judged(pred, w.gold, w.unjudged);
    written.add(w.gold, judgedPred);
    if (showErrors) errors.push(...spanErrors(d.text, w.gold, judgedPred));
  }
  const words = docs.reduce((n, d) => n + d.text.split(/\s+/).length, 0);
  console.log(`\nre3d, ${part === 'all' ? 'every document' : `its ${part} part`} (${docs.length} documents, ${words} words; Person, Organisation, Location as PER, ORG, LOC), exact spans as annotated:`);
  console.log(strict.table(['PER', 'ORG', 'LOC']));
  console.log(`\nre3d ${part}, names only (gold spans without a leading article, and without pronouns or mentions with no capital):`);
  console.log(loose.table(['PER', 'ORG', 'LOC']));
  console.log(`\nre3d ${part}, names written as names (trusted mentions; no nominals such as "city of Raqqa", no title in a person's name; a name tagged inside such a mention, "ISIL" in "ISIL targets", is not judged):`);
  console.log(written.table(['PER', 'ORG', 'LOC']));
  if (showErrors) console.log(`\nre3d ${part}, names only: errors (- missed, + spurious)\n${nameErrors.join('\n')}`);
  if (showErrors) console.log(`\nre3d ${part}, names written as names: errors (- missed, + spurious)\n${errors.join('\n')}`);

  function tagText(text: string): TypedSpan[] {
    const doc = new Doc({ text });
    doc.text = text;
    sentences.run(doc);
    const { tokenised } = tokenisedFromDoc(doc);
    return tag(tokenised).filter((s) => s.type !== 'MISC');
  }
}

/** The gold spans not predicted and the predicted ones not in gold, each with a little context. */
function spanErrors(text: string, gold: readonly TypedSpan[], pred: readonly TypedSpan[]): string[] {
  const key = (s: TypedSpan) => `${s.type}|${s.start}|${s.end}`;
  const g = new Set(gold.map(key));
  const p = new Set(pred.map(key));
  const show = (s: TypedSpan, sign: string) => `${sign} ${s.type} ${JSON.stringify(text.slice(s.start, s.end))}  …${text.slice(Math.max(0, s.start - 30), s.end + 30).replace(/\s+/g, ' ')}…`;
  return [...gold.filter((s) => !p.has(key(s))).map((s) => show(s, '-')), ...pred.filter((s) => !g.has(key(s))).map((s) => show(s, '+'))];
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
        for (const described of e.mentions) {
          // a description is no name, but the people's word it opens with is ("Iraqi" of "Iraqi troops"), as sitrep eval scores it
          const m = nerName(described, e.type);
          const type = m && CONLL_LABEL[m.type];
          if (!m || !type) continue;
          const span = map(m);
          pred.push(span ? { start: span.start, end: span.end, type } : { type, start: -1 - m.start, end: -1 });
        }
      }
      base.add(gold, pred);
    }
    console.log(`\nCoNLL-2003 dev, the whole pipeline's entities ${ner ? 'with' : 'without'} the tagger (record types mapped as sitrep eval maps them):`);
    console.log(base.table(ENTITY_TYPES));
  }
}
