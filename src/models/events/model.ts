// The event classifier: for a candidate the trigger lexicon proposed, is it a real, specific
// event of the taxonomy, of which type, and with which modality? Three linear heads share the
// candidate's features (features.ts): a factuality head (did the predicate happen, learned
// from the UDS-IH2 and MEANTIME factuality sets) whose answer becomes a feature of the other
// two, a type head (a taxonomy type or NONE) and a modality head (RECORD's modalities, with
// `generic` for kinds of events rather than occurrences). Weights: weights.json beside this
// file, written by scripts/train-events.ts.
import { readFileSync } from 'node:fs';
import type { EventType } from '../../doc.js';

/** RECORD's modalities, and `generic` for a kind of event rather than an occurrence. */
export type PredictedModality = 'asserted' | 'claimed' | 'denied' | 'attempted' | 'negated' | 'future' | 'hypothetical' | 'generic';
import { eventFeatures, type CandidateContext } from './features.js';
import { LinearModel, type LinearWeights } from './linear.js';

export interface EventWeights {
  about: string;
  factuality: LinearWeights;
  /** classes "event" and "none" */
  event: LinearWeights;
  type: LinearWeights;
  modality: LinearWeights;
}

export interface EventPrediction {
  /** a real, specific event (of any modality) */
  event: boolean;
  /** the type head's answer: the type the candidate has if it is an event (or a kind of event) */
  type: EventType;
  modality: PredictedModality;
  /** probability that the candidate is an event of some type */
  pEvent: number;
  /** probability that the predicate happened, from the factuality head */
  pHappened: number;
  /** the modality head's probability of its answer */
  pModality: number;
}

export class EventModel {
  private factuality: LinearModel;
  private event: LinearModel;
  private type: LinearModel;
  private modality: LinearModel;

  constructor(weights: EventWeights) {
    for (const head of ['factuality', 'event', 'type', 'modality'] as const) {
      if (!weights[head]?.classes) throw new Error(`event model weights have no ${head} head; run npm run train:events`);
    }
    this.factuality = new LinearModel(weights.factuality);
    this.event = new LinearModel(weights.event);
    this.type = new LinearModel(weights.type);
    this.modality = new LinearModel(weights.modality);
  }

  /** The features the type and modality heads see: the candidate's, with the factuality head's answer. */
  features(ctx: CandidateContext): { features: string[]; pHappened: number } {
    const features = eventFeatures(ctx);
    const pHappened = this.happened(features);
    features.push(...factualityFeatures(pHappened, ctx.proposed[0] ?? 'none'));
    return { features, pHappened };
  }

  happened(features: string[]): number {
    const p = this.factuality.probabilities(features);
    return p[this.factuality.classes.indexOf('yes')]!;
  }

  predict(ctx: CandidateContext): EventPrediction {
    const { features, pHappened } = this.features(ctx);
    const pEvent = this.event.probabilities(features)[this.event.classes.indexOf('event')] ?? 0;
    // the type follows from the words and the sentence, not from what the article is about
    const type = this.type.predict(features.filter((f) => !f.startsWith('topic=')));
    const modality = this.modality.predict(features);
    return {
      event: pEvent >= 0.5 && modality.label !== 'generic',
      type: type.label as EventType,
      modality: modality.label as PredictedModality,
      pEvent,
      pHappened,
      pModality: modality.p,
    };
  }
}

/** The factuality head's answer as features: its band, alone and with the proposed type. */
export function factualityFeatures(pHappened: number, proposed: string): string[] {
  const band = pHappened >= 0.85 ? 'high' : pHappened >= 0.6 ? 'mid' : pHappened >= 0.35 ? 'low' : 'none';
  return [`fact=${band}`, `fact|prop=${band}|${proposed}`];
}

let cached: EventModel | null = null;

/** The committed model (loaded once per process). */
export function eventModel(): EventModel {
  if (!cached) {
    const path = new URL('./weights.json', import.meta.url);
    let weights: EventWeights;
    try {
      weights = JSON.parse(readFileSync(path, 'utf8')) as EventWeights;
    } catch (err) {
      throw new Error(`event model weights ${path.pathname} could not be read (${(err as Error).message}); run npm run train:events`);
    }
    cached = new EventModel(weights);
  }
  return cached;
}
