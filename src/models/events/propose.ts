// Event candidates as the classifier sees them: every trigger the lexicon finds in a sentence
// that is not a heading, with the types the lexicon proposes for it. The classifier, not the
// lexicon, decides which of them are events.
import type { Doc } from '../../doc.js';
import type { TriggerIndex } from '../../stages/events/triggers.js';

export interface ProposedCandidate {
  sentence: number;
  /** document token indices of the trigger's first and last token */
  first: number;
  last: number;
  /** character span of the trigger in doc.text */
  start: number;
  end: number;
  /** the lexicon's types, most specific first */
  proposed: string[];
}

export function proposeCandidates(doc: Doc, index: TriggerIndex): ProposedCandidate[] {
  const out: ProposedCandidate[] = [];
  for (let s = 0; s < doc.sentences.length; s++) {
    const sentence = doc.sentences[s]!;
    if (sentence.heading) continue;
    const toks = doc.tokens.slice(sentence.firstToken, sentence.endToken);
    for (const hit of index.find(toks)) {
      out.push({
        sentence: s,
        first: sentence.firstToken + hit.first,
        last: sentence.firstToken + hit.last,
        start: toks[hit.first]!.start,
        end: toks[hit.last]!.end,
        proposed: [...new Set(hit.readings.map((r) => r.type))],
      });
    }
  }
  return out;
}
