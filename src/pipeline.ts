// A pipeline is an ordered list of named stages, checked once when it is built and then
// frozen: it processes many documents and keeps no state between them. Every stage is made
// by a factory of one signature, `(ctx: PipelineContext) => Stage`, from the pipeline's
// context: the lexicons, the gazetteers and word tables built from them, and the NLP
// instances and learned models the stages hold. The factories are listed once, below, in
// the order they run (as spaCy registers its factories); a pipeline names the ones it wants.
import { Doc, LAYERS, type DocInput, type Layer } from './doc.js';
import { loadLexicons, type Lexicons } from './lexicons/load.js';
import { datesStage } from './stages/dates/dates.js';
import { entitiesStage } from './stages/entities/entities.js';
import { buildKnowledge, type Knowledge } from './stages/entities/knowledge.js';
import { wordTests, type WordTests } from './stages/entities/word-tests.js';
import { eventsStage } from './stages/events/events.js';
import { normalizeStage } from './stages/normalize/normalize.js';
import { geoIndex, type GeoIndex } from './stages/places/geonames.js';
import { placesStage } from './stages/places/places.js';
import { quantitiesStage } from './stages/quantities/quantities.js';
import { sentencesStage } from './stages/sentences/sentences.js';
import { sharedWink, type Wink } from './stages/sentences/wink.js';
import type { Tagger } from './stages/entities/tagged.js';
import { lexiconSources } from './models/ner/lexicon.js';
import { sharedNerModel } from './models/ner/model.js';

export type { Layer } from './doc.js';

export interface Stage {
  name: string;
  /** layers of the Doc this stage reads */
  requires: readonly Layer[];
  /** layers of the Doc this stage writes (or adds to) */
  assigns: readonly Layer[];
  run(doc: Doc): void;
}

/**
 * What the stages of one pipeline are made from. Each part is built on first use and then
 * kept for the pipeline's life (a pipeline of normalize alone builds no gazetteer). A learned
 * model joins as one more part: a field here, loaded by its src/models/NAME/model.ts in
 * createContext, and read by the factory of the stage that holds it.
 */
export interface PipelineContext {
  /** the bundled lexicons and those added with --lexicon */
  readonly lexicons: Lexicons;
  /** the gazetteer of every lexicon name, and the word lists as sets */
  readonly knowledge: Knowledge;
  /** what compromise's lexicon knows of single words: common word, first name, surname */
  readonly words: WordTests;
  /** the wink-nlp instance that tokenizes and tags */
  readonly wink: Wink;
  /** the world's towns and cities (GeoNames) */
  readonly geo: GeoIndex;
  /** the statistical name tagger (src/models/ner) with the lexicons it reads as features */
  readonly ner: Tagger | null;
}

export type StageFactory = (ctx: PipelineContext) => Stage;

/** Every stage sitrep has, in the order they run. */
export const FACTORIES = {
  normalize: normalizeStage,
  sentences: sentencesStage,
  entities: entitiesStage,
  places: placesStage,
  dates: datesStage,
  quantities: quantitiesStage,
  events: eventsStage,
} as const satisfies Record<string, StageFactory>;

export type StageName = keyof typeof FACTORIES;
export const STAGE_NAMES = Object.keys(FACTORIES) as StageName[];

export interface ContextOptions {
  /** extra lexicon files (JSON) added to the bundled ones, or lexicons already loaded */
  lexicons?: string[] | Lexicons;
  /** the statistical name tagger in the entities stage (default true); false: the lexicons and rules alone */
  ner?: boolean;
}

/** A pipeline's context: lexicons loaded now (a bad file is found at once), everything else on first use. */
export function createContext(options: ContextOptions = {}): PipelineContext {
  const lexicons = Array.isArray(options.lexicons) || options.lexicons === undefined ? loadLexicons(options.lexicons ?? []) : options.lexicons;
  let knowledge: Knowledge | undefined;
  let words: WordTests | undefined;
  let geo: GeoIndex | undefined;
  let ner: Tagger | null | undefined;
  return Object.freeze({
    lexicons,
    get knowledge() {
      return (knowledge ??= buildKnowledge(lexicons));
    },
    get words() {
      return (words ??= wordTests());
    },
    get wink() {
      return sharedWink();
    },
    get geo() {
      return (geo ??= geoIndex());
    },
    get ner() {
      if (options.ner === false) return null;
      return (ner ??= { model: sharedNerModel(), sources: lexiconSources(lexicons, this.knowledge, this.words) });
    },
  });
}

export interface Pipeline {
  readonly stages: readonly Stage[];
  process(input: DocInput): Doc;
}

export class PipelineError extends Error {}

/** The named stages, made from one context, checked and frozen (all of them by default). */
export function buildPipeline(ctx: PipelineContext, names: readonly StageName[] = STAGE_NAMES): Pipeline {
  for (const name of names) {
    if (!Object.hasOwn(FACTORIES, name)) throw new PipelineError(`there is no stage "${String(name)}"; the stages are ${STAGE_NAMES.join(', ')}`);
  }
  return assemble(names.map((name) => FACTORIES[name](ctx)));
}

/** Layers a Doc holds before any stage runs: its input. */
const INPUT_LAYERS: readonly Layer[] = ['raw', 'defaultPublished', 'warnings'];

/** Check that each stage's layers exist and are written before they are read; then freeze. */
export function assemble(stages: Stage[]): Pipeline {
  const available = new Set<Layer>(INPUT_LAYERS);
  stages.forEach((stage, k) => {
    for (const layer of [...stage.requires, ...stage.assigns]) {
      if (!LAYERS.includes(layer)) throw new PipelineError(`stage "${stage.name}" names "${String(layer)}", which is not a layer of a document; the layers are ${LAYERS.join(', ')}`);
    }
    for (const need of stage.requires) {
      if (available.has(need)) continue;
      const later = stages.slice(k + 1).find((s) => s.assigns.includes(need));
      throw new PipelineError(
        `stage "${stage.name}" reads "${need}", which no earlier stage writes; ` +
          (later ? `put "${later.name}", which writes it, before "${stage.name}"` : `add a stage that writes it before "${stage.name}"`),
      );
    }
    for (const layer of stage.assigns) available.add(layer);
  });
  const frozen = Object.freeze([...stages]);
  return Object.freeze({
    stages: frozen,
    process(input: DocInput): Doc {
      const doc = new Doc(input);
      for (const stage of frozen) stage.run(doc);
      return doc;
    },
  });
}
