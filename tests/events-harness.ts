// For the event sub-module tests: a sentence read by every stage before events, with the
// trigger hits and the views the sub-modules take, and the records of the whole pipeline.
import type { Doc } from '../src/doc.js';
import { loadLexicons } from '../src/lexicons/load.js';
import { assemble } from '../src/pipeline.js';
import { datesStage } from '../src/stages/dates/dates.js';
import { entitiesStage } from '../src/stages/entities/entities.js';
import { buildKnowledge } from '../src/stages/entities/knowledge.js';
import { wordTests } from '../src/stages/entities/word-tests.js';
import { ACTOR_NOUNS } from '../src/stages/events/cues.js';
import type { SentenceView } from '../src/stages/events/frame.js';
import { sentencePhrases } from '../src/stages/events/phrases.js';
import { Taxonomy } from '../src/stages/events/taxonomy.js';
import { TriggerIndex, type TriggerHit } from '../src/stages/events/triggers.js';
import { normalizeStage } from '../src/stages/normalize/normalize.js';
import { placesStage } from '../src/stages/places/places.js';
import { quantitiesStage } from '../src/stages/quantities/quantities.js';
import { sentencesStage } from '../src/stages/sentences/sentences.js';

const lexicons = loadLexicons();
const know = buildKnowledge(lexicons);
const words = wordTests();
export const taxonomy = new Taxonomy(lexicons.taxonomy);
const index = new TriggerIndex(lexicons.triggers, lexicons.notTriggers);
const before = assemble([
  normalizeStage({ boilerplate: lexicons.boilerplate }),
  sentencesStage(),
  entitiesStage(know, words),
  placesStage(know, { isCommonWord: words.isCommonWord, isPersonName: (w) => words.isFirstName(w) || words.isLastName(w), placeKind: words.placeKind }),
  datesStage(),
  quantitiesStage(know.people),
]);

/** The first sentence of `text`, read by the stages before events, as the event sub-modules see it. */
export function readSentence(text: string, published = '2024-05-10'): SentenceView & { hits: TriggerHit[]; hit: (word: string) => TriggerHit } {
  const doc: Doc = before.process({ text, published });
  const toks = doc.sentenceTokens(0);
  const actorNouns = new Set(ACTOR_NOUNS);
  const phrases = sentencePhrases(doc, 0, toks, { actorNouns, people: know.people });
  const hits = index.find(toks);
  const hit = (word: string) => {
    const found = hits.find((h) => toks.slice(h.first, h.last + 1).map((t) => t.text).join(' ') === word);
    if (!found) throw new Error(`no trigger "${word}" in: ${hits.map((h) => toks[h.first]!.text).join(', ')}`);
    return found;
  };
  return { doc, know, actorNouns, taxonomy, s: 0, toks, phrases, hits, hit };
}
