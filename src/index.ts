// sitrep's public API: build a pipeline once, then turn articles into document records.
//
//   const pipeline = createPipeline();
//   const record = pipeline.process({ text, published: '2024-03-16' });
import type { DocInput } from './doc.js';
import type { Lexicons } from './lexicons/load.js';
import { buildPipeline, createContext, STAGE_NAMES, type StageName } from './pipeline.js';
import { toRecord, type DocumentRecord } from './record/record.js';

export interface PipelineOptions {
  /** extra lexicon files (JSON) added to the bundled ones */
  lexicons?: string[];
  /** the stages to run, in order (all of them by default); a stage whose input no earlier stage writes is refused */
  stages?: StageName[];
  /** the statistical name tagger in the entities stage (default true); false: the lexicons and rules alone */
  ner?: boolean;
}

export interface Pipeline {
  readonly stages: readonly string[];
  readonly lexicons: Lexicons;
  process(input: DocInput): DocumentRecord;
  /** the doc.id process() gives this input (its id, or a hash of its normalized text), without the rest of the work */
  documentId(input: DocInput): string;
}

export function createPipeline(options: PipelineOptions = {}): Pipeline {
  const ctx = createContext({ lexicons: options.lexicons ?? [], ner: options.ner !== false });
  const pipeline = buildPipeline(ctx, options.stages ?? STAGE_NAMES);
  const normalizeOnly = buildPipeline(ctx, ['normalize']);
  return Object.freeze({
    stages: pipeline.stages.map((s) => s.name),
    lexicons: ctx.lexicons,
    process(input: DocInput): DocumentRecord {
      if (typeof input?.text !== 'string') throw new TypeError('process() takes { text: string, … }: text is missing or not a string');
      return toRecord(pipeline.process(input));
    },
    documentId(input: DocInput): string {
      return toRecord(normalizeOnly.process(input)).doc.id;
    },
  });
}

export type { DocInput } from './doc.js';
export type { DocumentRecord } from './record/record.js';
export type { Entity, Event, Quantity, EventArg, Mention, EntityType, EventType, Modality, Layer } from './doc.js';
export type { PipelineContext, Stage, StageFactory, StageName } from './pipeline.js';
export { PipelineError, STAGE_NAMES } from './pipeline.js';
export { SCHEMA, documentId } from './record/record.js';
