// Stage 6: events. For each sentence that is not a heading: find trigger words and settle
// each one's type (candidates.ts), read its arguments off the phrases around it (roles.ts),
// its date (time.ts), its modality and who claims it (claims.ts); give the sentence's
// casualties to its events (casualties.ts), and merge what tells an event already told
// (merging.ts). Event types and their ACLED and PLOVER codes are the taxonomy's.
import type { Doc, Event, EventType } from '../../doc.js';
import type { PipelineContext, Stage } from '../../pipeline.js';
import { codeActors } from './actors.js';
import { insideWeaponName, isNominal, isPassive, isReference, readingOf, type Reading } from './candidates.js';
import { settleCasualties } from './casualties.js';
import { Claims } from './claims.js';
import { ACTOR_NOUNS, CONTINUATION } from './cues.js';
import { makeFrame, type Draft, type EventKnowledge, type SentenceView } from './frame.js';
import { mappingsFor } from './mappings.js';
import { EventMemory, uniqueArgs } from './merging.js';
import { sentencePhrases } from './phrases.js';
import { countedQuantities, findAgent, findInstrument, findLocation, findObjects, findOrigin, statementSpeaker } from './roles.js';
import { Taxonomy } from './taxonomy.js';
import { eventTime } from './time.js';
import { TriggerIndex, type TriggerHit } from './triggers.js';

export function eventsStage(ctx: PipelineContext): Stage {
  const { lexicons, knowledge: know } = ctx;
  const index = new TriggerIndex(lexicons.triggers, lexicons.notTriggers);
  const taxonomy = new Taxonomy(lexicons.taxonomy);
  const actorNouns = new Set(ACTOR_NOUNS);
  return {
    name: 'events',
    requires: ['text', 'tokens', 'sentences', 'entities', 'quantities'],
    // claimants the article describes rather than names ("the regional governor") become entities
    assigns: ['events', 'entities'],
    run(doc) {
      const extractor = new EventExtractor({ doc, know, actorNouns, taxonomy }, index);
      for (let s = 0; s < doc.sentences.length; s++) {
        if (!doc.sentences[s]!.heading) extractor.sentence(s);
      }
      extractor.finish();
    },
  };
}

class EventExtractor {
  private memory: EventMemory;
  private claims: Claims;

  constructor(
    private k: EventKnowledge,
    private index: TriggerIndex,
  ) {
    this.memory = new EventMemory(k.taxonomy);
    this.claims = new Claims(k.doc, k.know, k.actorNouns);
  }

  sentence(s: number): void {
    const { doc, know, actorNouns } = this.k;
    const toks = doc.sentenceTokens(s);
    const sentenceText = doc.text.slice(doc.sentences[s]!.start, doc.sentences[s]!.end);
    const hits = this.index.find(toks);
    this.memory.startSentence();
    // most sentences have no trigger word, and those only ever continue the event before them
    if (hits.length === 0 && !CONTINUATION.test(sentenceText)) return;
    const view: SentenceView = { ...this.k, s, toks, phrases: sentencePhrases(doc, s, toks, { actorNouns, people: know.people }) };
    const made: Draft[] = [];
    for (const hit of hits) {
      if (insideWeaponName(hit, view.phrases)) continue;
      const reading = readingOf(view, hit);
      if (!reading || isReference(hit, toks)) continue;
      this.memory.place(made, this.build(view, reading, hit), hit, toks);
    }
    if (made.length === 0 && CONTINUATION.test(sentenceText)) {
      this.memory.continueLast(view);
      return;
    }
    this.memory.settleSentence(doc, made);
    this.memory.keep(settleCasualties(view, made), s);
  }

  /** The event a trigger announces, with its arguments, date, modality and claimant. */
  private build(view: SentenceView, reading: Reading, hit: TriggerHit): Draft {
    const { doc, toks } = view;
    const type: EventType = reading.type;
    const isNoun = isNominal(hit, toks);
    const f = makeFrame(view, hit, isNoun, !isNoun && isPassive(hit, toks));
    const agent = findAgent(f);
    const agentAnaphoric = !!agent && /^(these|those|they|the) /i.test(doc.text.slice(agent.start, agent.end) + ' ') && agent.ref === null;
    findObjects(f, type, agent);
    findLocation(f, type);
    findOrigin(f, type);
    findInstrument(f, type);
    const date = eventTime(f, type);
    countedQuantities(f);
    statementSpeaker(f, type, agent);
    const { modality, source } = this.claims.modality(type, hit, toks, view.phrases, f.args);
    const first = toks[hit.first]!;
    const event: Event = {
      id: '',
      type,
      trigger: doc.mention(first.start, toks[hit.last]!.end),
      sentence: view.s,
      modality,
      source,
      args: f.args,
      date,
      casualties: { killed: null, injured: null, captured: null },
      mappings: { acled: { event_type: '', sub_event_type: '' }, plover: '' },
    };
    const lemma = hit.phrase ? toks.slice(hit.first, hit.last + 1).map((t) => t.lemma).join(' ') : first.lemma;
    return { event, lemma, agentAnaphoric, nominal: isNoun };
  }

  finish(): void {
    const doc: Doc = this.k.doc;
    const drafts = this.memory.drafts;
    uniqueArgs(drafts);
    drafts.forEach((d, i) => {
      const e = d.event;
      e.id = `v${i + 1}`;
      e.args.sort((a, b) => a.start - b.start || a.role.localeCompare(b.role));
      e.mappings = mappingsFor(this.k.taxonomy, doc, e, d.lemma);
    });
    doc.events = drafts.map((d) => d.event);
    codeActors(doc, doc.events);
  }
}
