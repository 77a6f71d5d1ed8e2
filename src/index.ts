// sitrep's public API: build a pipeline once, then turn articles into document records.
//
//   const pipeline = createPipeline();
//   const record = pipeline.process({ text, published: '2024-03-16' });
import type { DocInput } from './doc.js';
import { loadLexicons, type Lexicons } from './lexicons/load.js';
import { assemble, type Pipeline as StagePipeline, type Stage } from './pipeline.js';
import { toRecord, type DocumentRecord } from './record/record.js';
import { datesStage } from './stages/dates/dates.js';
import { buildKnowledge } from './stages/entities/knowledge.js';
import { entitiesStage } from './stages/entities/entities.js';
import { eventsStage } from './stages/events/events.js';
import { normalizeStage } from './stages/normalize/normalize.js';
import { placesStage } from './stages/places/places.js';
import { wordTests } from './stages/entities/word-tests.js';
import { quantitiesStage } from './stages/quantities/quantities.js';
import { sentencesStage } from './stages/sentences/sentences.js';
import { sharedWink } from './stages/sentences/wink.js';
import { lexiconSources } from './models/ner/lexicon.js';
import { sharedNerModel } from './models/ner/model.js';

export interface PipelineOptions {
  /** extra lexicon files (JSON) added to the bundled ones */
  lexicons?: string[];
  /** the statistical name tagger in the entities stage (default true); false: the lexicons and rules alone */
  ner?: boolean;
}

export interface Pipeline {
  readonly stages: readonly string[];
  readonly lexicons: Lexicons;
  process(input: DocInput): DocumentRecord;
}

export function createPipeline(options: PipelineOptions = {}): Pipeline {
  const lexicons = loadLexicons(options.lexicons ?? []);
  const knowledge = buildKnowledge(lexicons);
  const words = wordTests();
  const stages: Stage[] = [
    normalizeStage({ boilerplate: lexicons.boilerplate }),
    sentencesStage(sharedWink()),
    entitiesStage(knowledge, words, options.ner === false ? null : { model: sharedNerModel(), sources: lexiconSources(lexicons, knowledge, words) }),
    placesStage(knowledge, { isCommonWord: words.isCommonWord, isPersonName: (w) => words.isFirstName(w) || words.isLastName(w), placeKind: words.placeKind }),
    datesStage(),
    quantitiesStage(knowledge.people),
    eventsStage(knowledge, lexicons.triggers, lexicons.notTriggers),
  ];
  const pipeline: StagePipeline = assemble(stages);
  return Object.freeze({
    stages: pipeline.stages.map((s) => s.name),
    lexicons,
    process(input: DocInput): DocumentRecord {
      if (typeof input?.text !== 'string') throw new TypeError('process() takes { text: string, … }: text is missing or not a string');
      return toRecord(pipeline.process(input));
    },
  });
}

export type { DocInput } from './doc.js';
export type { DocumentRecord } from './record/record.js';
export type { Entity, Event, Quantity, EventArg, Mention, EntityType, EventType, Modality } from './doc.js';
export { SCHEMA, documentId } from './record/record.js';
