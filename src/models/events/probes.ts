// The features of a few fixed candidates, hashed: the trainer stores the hash in weights.json
// and tests/event-model.test.ts computes it again, so that a change to what features.ts (or a
// cue list it reads) makes of a sentence fails the tests until `npm run train:events` has been
// run on it. Weights trained on other features than the pipeline computes would still load and
// score, only worse, and nothing else would tell.
import { createHash } from 'node:crypto';
import { eventFeatures, type CandidateContext, type CandidateToken } from './features.js';

/** "word/POS/lemma" tokens (the lemma is the lower case where omitted), the trigger's index, the types proposed, the marks around it. */
interface Probe {
  tagged: string;
  trigger: number;
  proposed: string[];
  marks?: CandidateContext['marks'];
}

/** Candidates of the kinds the classifier decides: a deed done, planned, denied, claimed, generic; a noun; another sense; a phrase. */
const PROBES: Probe[] = [
  { tagged: 'Militants/NOUN/militant attacked/VERB/attack a/DET army/NOUN post/NOUN near/ADP Djibo/PROPN on/ADP Monday/PROPN ,/PUNCT killing/VERB/kill 12/NUM soldiers/NOUN/soldier ./PUNCT', trigger: 1, proposed: ['ATTACK'], marks: [{ first: 0, last: 0, kind: 'ARMED_GROUP' }, { first: 6, last: 6, kind: 'GPE' }, { first: 11, last: 12, kind: 'QUANTITY', value: 12 }] },
  { tagged: 'The/DET government/NOUN signed/VERB/sign a/DET deal/NOUN to/PART avoid/VERB an/DET assault/NOUN on/ADP Idlib/PROPN ./PUNCT', trigger: 8, proposed: ['ATTACK'] },
  { tagged: 'Police/NOUN said/VERB/say two/NUM men/NOUN/man were/AUX/be shot/VERB/shoot outside/ADP a/DET bar/NOUN ./PUNCT', trigger: 5, proposed: ['ATTACK', 'KILLING'] },
  { tagged: 'The/DET army/NOUN denied/VERB/deny shelling/VERB/shell the/DET village/NOUN ./PUNCT', trigger: 3, proposed: ['SHELLING'] },
  { tagged: 'Rebels/NOUN/rebel often/ADV attack/VERB convoys/NOUN/convoy on/ADP this/DET road/NOUN ./PUNCT', trigger: 2, proposed: ['ATTACK'] },
  { tagged: 'The/DET striker/NOUN scored/VERB/score with/ADP a/DET fine/ADJ strike/NOUN in/ADP the/DET match/NOUN ./PUNCT', trigger: 6, proposed: ['ATTACK'] },
  { tagged: 'She/PRON died/VERB/die of/ADP cancer/NOUN at/ADP home/NOUN ./PUNCT', trigger: 1, proposed: ['KILLING'] },
  { tagged: 'If/SCONJ troops/NOUN/troop enter/VERB the/DET city/NOUN ,/PUNCT fighting/NOUN/fighting could/AUX follow/VERB ./PUNCT', trigger: 6, proposed: ['CLASH'] },
  { tagged: 'Thousands/NOUN/thousand of/ADP protesters/NOUN/protester marched/VERB/march in/ADP Nairobi/PROPN against/ADP the/DET tax/NOUN ./PUNCT', trigger: 3, proposed: ['PROTEST'], marks: [{ first: 5, last: 5, kind: 'GPE' }] },
  { tagged: 'Forces/NOUN/force exchanged/VERB/exchange fire/NOUN with/ADP gunmen/NOUN/gunman overnight/ADV ./PUNCT', trigger: 1, proposed: ['CLASH'] },
];

function probeContext(p: Probe): CandidateContext {
  const tokens: CandidateToken[] = p.tagged.split(' ').map((item) => {
    const [text, pos, lemma] = item.split('/') as [string, string, string | undefined];
    return { text, lower: text.toLowerCase(), lemma: lemma ?? text.toLowerCase(), pos };
  });
  // a phrase trigger ("exchanged fire") spans two tokens
  const last = p.proposed[0] === 'CLASH' && tokens[p.trigger + 1]?.lower === 'fire' ? p.trigger + 1 : p.trigger;
  return { tokens, first: p.trigger, last, proposed: p.proposed, marks: p.marks ?? [] };
}

/** A hash of the features eventFeatures gives the probes: what the committed weights were trained on. */
export function featureDigest(): string {
  const hash = createHash('sha256');
  for (const p of PROBES) hash.update(`${eventFeatures(probeContext(p)).join('\u0001')}\n`);
  return hash.digest('hex').slice(0, 16);
}
