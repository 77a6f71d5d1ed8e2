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
import { attributed, eventFeatures, type CandidateContext } from './features.js';
import { StackedHeads, softmax, type LinearWeights } from './linear.js';

export interface EventWeights {
  about: string;
  /** probes.ts featureDigest() when the weights were trained */
  featureDigest?: string;
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
  /** the heads in the order FACTUALITY, EVENT, TYPE, MODALITY, looked up together */
  private readonly heads: StackedHeads;
  private readonly yes: number;
  private readonly eventClass: number;

  constructor(weights: EventWeights) {
    for (const head of ['factuality', 'event', 'type', 'modality'] as const) {
      if (!weights[head]?.classes) throw new Error(`event model weights have no ${head} head; run npm run train:events`);
    }
    this.heads = new StackedHeads([weights.factuality, weights.event, weights.type, weights.modality]);
    this.yes = weights.factuality.classes.indexOf('yes');
    this.eventClass = weights.event.classes.indexOf('event');
  }

  /** The features the type and modality heads see: the candidate's, with the factuality head's answer. */
  features(ctx: CandidateContext): { features: string[]; pHappened: number } {
    const features = eventFeatures(ctx);
    const pHappened = this.happened(features);
    features.push(...factualityFeatures(pHappened, ctx.proposed[0] ?? 'none'));
    return { features, pHappened };
  }

  happened(features: string[]): number {
    const scores = this.heads.scores();
    this.heads.add(scores, features, [FACTUALITY]);
    return softmax(scores[FACTUALITY]!)[this.yes]!;
  }

  predict(ctx: CandidateContext): EventPrediction {
    // one look-up of each feature for all four heads; the factuality head's answer then
    // becomes two features of the other three
    const features = eventFeatures(ctx);
    const scores = this.heads.scores();
    this.heads.add(scores, features, ALL, TOPIC_NOT_FOR_TYPE);
    const pHappened = softmax(scores[FACTUALITY]!)[this.yes]!;
    this.heads.add(scores, factualityFeatures(pHappened, ctx.proposed[0] ?? 'none'), AFTER_FACTUALITY);
    const pEvent = softmax(scores[EVENT]!)[this.eventClass] ?? 0;
    const type = best(this.heads.classes[TYPE]!, softmax(scores[TYPE]!));
    // a claim needs someone who makes it: in a sentence with no attribution, hedge or quotation
    // the event is the article's own (GUIDELINE.md), whatever its words suggest
    const modality = best(this.heads.classes[MODALITY]!, softmax(scores[MODALITY]!));
    if (modality.label === 'claimed' && !attributed(ctx)) modality.label = 'asserted';
    return {
      // the event head alone: it learned kinds of events (tolls, purposes, habits) as no event
      // already, and vetoing its events where the modality head says `generic` too lost more
      // true events than it removed false ones (docs/EVALUATION.md)
      event: pEvent >= 0.5,
      type: type.label as EventType,
      modality: modality.label as PredictedModality,
      pEvent,
      pHappened,
      pModality: modality.p,
    };
  }
}

const [FACTUALITY, EVENT, TYPE, MODALITY] = [0, 1, 2, 3];
const ALL = [FACTUALITY, EVENT, TYPE, MODALITY];
const AFTER_FACTUALITY = [EVENT, TYPE, MODALITY];
// the type follows from the words and the sentence, not from what the article is about
const TOPIC_NOT_FOR_TYPE = { head: TYPE, prefix: 'topic=' };

/** The most probable class and its probability (the first of equals). */
function best(classes: readonly string[], p: readonly number[]): { label: string; p: number } {
  let at = 0;
  for (let c = 1; c < p.length; c++) if (p[c]! > p[at]!) at = c;
  return { label: classes[at]!, p: p[at]! };
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
