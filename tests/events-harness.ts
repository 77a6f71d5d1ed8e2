// For the event sub-module tests: a sentence read by every stage before events, with the
// trigger hits and the views the sub-modules take, and the records of the whole pipeline.
import type { Doc } from '../src/doc.js';
import { buildPipeline, createContext } from '../src/pipeline.js';
import { eventCues } from '../src/stages/events/cues.js';
import type { SentenceView } from '../src/stages/events/frame.js';
import { sentencePhrases } from '../src/stages/events/phrases.js';
import { DocIndex } from '../src/stages/events/doc-index.js';
import { Taxonomy } from '../src/stages/events/taxonomy.js';
import { TriggerIndex, type TriggerHit } from '../src/stages/events/triggers.js';

const ctx = createContext();
const { lexicons, knowledge: know } = ctx;
export const taxonomy = new Taxonomy(lexicons.taxonomy);
const index = new TriggerIndex(lexicons.triggers, lexicons.notTriggers);
const before = buildPipeline(ctx, ['normalize', 'sentences', 'entities', 'places', 'dates', 'quantities']);

/** The first sentence of `text`, read by the stages before events, as the event sub-modules see it. */
export function readSentence(text: string, published = '2024-05-10'): SentenceView & { hits: TriggerHit[]; hit: (word: string) => TriggerHit } {
  const doc: Doc = before.process({ text, published });
  const toks = doc.sentenceTokens(0);
  const cues = eventCues(lexicons);
  const actorNouns = cues.actorNouns;
  const docIndex = new DocIndex(doc);
  const phrases = sentencePhrases(doc, 0, toks, { actorNouns, people: know.people, index: docIndex });
  const hits = index.find(toks);
  const hit = (word: string) => {
    const found = hits.find((h) => toks.slice(h.first, h.last + 1).map((t) => t.text).join(' ') === word);
    if (!found) throw new Error(`no trigger "${word}" in: ${hits.map((h) => toks[h.first]!.text).join(', ')}`);
    return found;
  };
  return { doc, know, cues, actorNouns, taxonomy, index: docIndex, s: 0, toks, phrases, hits, hit };
}
