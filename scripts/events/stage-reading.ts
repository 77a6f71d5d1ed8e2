// What the events stage records for a hand-labelled candidate, for the hand-labelled split's
// figures (eval-events.ts) and the stage's cross-validation (eval-events-cv.ts).
import type { Doc } from '../../src/doc.js';
import type { Pipeline } from '../../src/pipeline.js';
import type { HandExample } from '../train-events.js';
import { articleOf } from './corpus.js';

const CASUALTY_WORD = /^(?:kill|die|dead|death|wound|injur|hurt|fatal|slain|slay|perish|casualt|murder|shot)/;

/**
 * What the events stage as it now is (rules and classifier, mentions merged) records for a
 * hand-labelled candidate: the event whose trigger is the candidate's, or the event it was
 * merged into; null when the stage records no event there.
 */
export function stageReading(t: HandExample, pipeline: Pipeline, docs: Map<string, Doc>): { type: string; modality: string; merged: boolean; trigger: string } | null {
  let doc = docs.get(t.doc!);
  if (!doc) {
    const [dataset, ...rest] = t.doc!.split('/');
    const a = articleOf(dataset!, rest.join('/'))!;
    doc = pipeline.process({ text: a.text, id: a.id, title: a.title, published: a.published });
    docs.set(t.doc!, doc);
  }
  const overlaps = (m: { start: number; end: number }) => m.start < t.end && t.start < m.end;
  const own = doc.events.find((e) => overlaps(e.trigger));
  if (own) return { type: own.type, modality: own.modality, merged: false, trigger: own.trigger.text };
  // a mention merged into an event: the type and modality its own words tell
  const merged = doc.events.find((e) => e.mentions?.some(overlaps));
  const mention = merged?.mentions?.find(overlaps);
  if (merged && mention) return { type: mention.type, modality: mention.modality, merged: true, trigger: merged.trigger.text };
  // a word of death or injury whose victims the stage counts as the casualties of an event
  // told in the same sentence ("the bombing … killed more than 50 people"): one record, merged
  const sentence = doc.sentences.findIndex((x) => x.start <= t.start && t.start < x.end);
  const words = doc.text.slice(t.start, t.end).toLowerCase();
  const counted = CASUALTY_WORD.test(words) ? doc.events.find((e) => e.sentence === sentence && e.args.some((a) => a.role === 'casualties')) : undefined;
  return counted ? { type: counted.type, modality: counted.modality, merged: true, trigger: counted.trigger.text } : null;
}
