// Stage 6: events. For each sentence that is not a heading: find trigger words (triggers.ts);
// the event classifier (src/models/events) decides which of them report a real, specific
// event, of which type and modality; read each event's arguments off the phrases around it
// (roles.ts), its date (time.ts) and who claims it (claims.ts); give the sentence's
// casualties to its events (casualties.ts), and merge what tells an event already told
// (merging.ts). Event types and their ACLED and PLOVER codes are the taxonomy's; only events
// the article asserts or a party claims carry an ACLED code.
import type { Doc, Event, EventType, Modality } from '../../doc.js';
import type { PipelineContext, Stage } from '../../pipeline.js';
import { codeActors } from './actors.js';
import { correctedTokens, insidePersonName, insideWeaponName, isAnaphoric, isNominal, isPassive, isReference, namedByCharge, openingLabelEnd, otherSenseOfWord, readingOf, reducedCasualtyParticiple, type Reading } from './candidates.js';
import { settleCasualties, type SentenceCasualties } from './casualties.js';
import { Claims } from './claims.js';
import { CONTINUATION, NEGATION, eventCues } from './cues.js';
import { makeFrame, type Draft, type EventKnowledge, type SentenceView } from './frame.js';
import { mappingsFor } from './mappings.js';
import { EventMemory, incidentTypes, mergeIncidents, protestInterventions, settleFigures, uniqueArgs } from './merging.js';
import { sentencePhrases } from './phrases.js';
import { DocIndex } from './doc-index.js';
import { countedQuantities, findAgent, findInstrument, findLocation, findObjects, findOrigin, statementSpeaker } from './roles.js';
import { Taxonomy } from './taxonomy.js';
import { eventTime } from './time.js';
import { TriggerIndex, type TriggerHit } from './triggers.js';
import { contextFromDoc, type CandidateContext } from '../../models/events/features.js';
import { eventModel, type EventModel } from '../../models/events/model.js';
import { fightingToAim, governedByIntent, habitualPerfect, namedAsSupport, subjectOfPast, habitualPresent, judgedNoEvent, otherSense, overruled, opensSpan, pastOccurrence, performed, periodSummary, summedOrBanned } from './sense.js';

/** The events stage, deciding with the committed classifier, or with `model` (a cross-validation fold's, scripts/eval-events-cv.ts). */
export function eventsStage(ctx: PipelineContext, model: EventModel = eventModel()): Stage {
  const { lexicons, knowledge: know } = ctx;
  const index = new TriggerIndex(lexicons.triggers, lexicons.notTriggers);
  const taxonomy = new Taxonomy(lexicons.taxonomy);
  const cues = eventCues(lexicons);
  return {
    name: 'events',
    requires: ['text', 'tokens', 'sentences', 'entities', 'quantities'],
    // claimants the article describes rather than names ("the regional governor") become entities
    assigns: ['events', 'entities'],
    run(doc) {
      const extractor = new EventExtractor({ doc, know, cues, actorNouns: cues.actorNouns, taxonomy, index: new DocIndex(doc) }, index, model);
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
    private model: EventModel,
  ) {
    this.memory = new EventMemory(k.taxonomy, k.doc);
    this.claims = new Claims(k.doc, k.know, k.cues, k.index);
  }

  sentence(s: number): void {
    const { doc, know, actorNouns } = this.k;
    const toks = correctedTokens(doc.sentenceTokens(s));
    const sentenceText = doc.text.slice(doc.sentences[s]!.start, doc.sentences[s]!.end);
    const hits = this.index.find(toks);
    this.memory.startSentence();
    const phrases = () => sentencePhrases(doc, s, toks, { actorNouns, people: know.people, index: this.k.index });
    // most sentences have no trigger word, and those only ever continue the event before them,
    // or count its casualties ("He died at the hospital")
    if (hits.length === 0 && !CONTINUATION.test(sentenceText)) {
      if (this.k.cues.casualtyText.test(sentenceText)) this.memory.orphanCasualties({ ...this.k, s, toks, phrases: phrases() });
      return;
    }
    const view: SentenceView = { ...this.k, s, toks, phrases: phrases() };
    const made: Draft[] = [];
    const label = openingLabelEnd(toks);
    for (const hit of hits) {
      if (insideWeaponName(hit, view.phrases) || insidePersonName(hit, toks, view.phrases) || this.toldAfterLabel(hit, hits, label)) continue;
      const decided = this.decide(view, hit, hits);
      if (decided) this.memory.place(made, this.build(view, decided.reading, hit, decided.modality), hit, toks);
    }
    if (made.length === 0 && CONTINUATION.test(sentenceText)) {
      this.memory.continueLast(view);
      return;
    }
    if (made.length === 0) this.memory.orphanCasualties(view);
    const deadPlaced = this.memory.deadOfRetold(view, made);
    this.memory.settleSentence(doc, made);
    if (deadPlaced) return this.memory.keep(made, s);
    // casualties no event of the sentence can carry go to the incident told last or next
    const orphans: Array<[SentenceCasualties, boolean]> = [];
    this.memory.keep(settleCasualties(view, made, (figures, shooting) => orphans.push([figures, shooting])), s);
    for (const [figures, shooting] of orphans) this.memory.placeOrphan(figures, s, shooting);
  }

  /**
   * "Property destruction: Ambazonian separatists set fire to …", "Air strike: … a drone struck":
   * the label a report opens with names the kind of event its sentence goes on to tell, and
   * where a word of that kind follows, the label is no mention of its own (it would take the
   * deed's place, without its actors). A label the sentence does not tell again ("Agreement: …
   * signed a peace covenant") stays the report's event. `label`: the colon that closes the label
   * (openingLabelEnd), -1 for none.
   */
  private toldAfterLabel(hit: TriggerHit, hits: readonly TriggerHit[], label: number): boolean {
    if (hit.last >= label) return false;
    return hits.some((h) => h.first > hit.last && h.last >= label && h.readings.some((r) => hit.readings.some((l) => incidentTypes(this.k.taxonomy, l.type, r.type))));
  }

  /**
   * Words of another sense (`otherSense`), a sum of many deeds over months ("dozens of bombings
   * this year"; a delivery told so, "had shipped 200 missiles in recent weeks", is still one),
   * and a war that opens a span ("since the invasion began"): real words, but no record.
   */
  private noRecordOfItsOwn(view: SentenceView, hit: TriggerHit, ctx: CandidateContext, type: EventType): boolean {
    if (otherSense(ctx, type, this.k.cues) || opensSpan(hit, view.toks) || habitualPerfect(hit, view.toks) || habitualPresent(hit, view.toks, this.k.cues.supportVerbs) || summedOrBanned(hit, view.toks) || fightingToAim(hit, view.toks) || namedAsSupport(hit, view.toks)) return true;
    // "Esther Williams has died", "a climber died after slipping": a death in an article with no word of violence in it
    if (type === 'KILLING' && DEATH_WORD.test(view.toks[hit.first]!.lower) && this.quiet()) return true;
    // "the quake … killing 612 people", "the tremor destroyed 1,500 houses": a disaster's dead and damage
    if ((type === 'KILLING' || type === 'DESTRUCTION') && this.disaster()) return true;
    return periodSummary(hit, view.toks) && this.harmsPeople(type);
  }

  /** Does another trigger of the sentence name a violent deed ("Russian shelling hit the village": the hit is the shelling's)? */
  private besideFight(hit: TriggerHit, hits: readonly TriggerHit[]): boolean {
    return hits.some((h) => h !== hit && h.readings.some((r) => this.k.taxonomy.is(r.type, 'violent')));
  }

  private article: { violent: boolean; armed: boolean; disaster: boolean; attacked: boolean } | undefined;

  /** What the whole article's words say of it, read once: violence, armed forces or weapons, a natural disaster, an attack. */
  private words() {
    if (this.article) return this.article;
    const { doc, cues } = this.k;
    const a = { violent: false, armed: doc.entities.some((e) => e.type === 'ARMED_GROUP' || e.type === 'EQUIPMENT'), disaster: false, attacked: false };
    for (const t of doc.tokens) {
      a.violent ||= cues.otherSenses.violenceWords.has(t.lower) || VIOLENT_DEATH.test(t.lower);
      a.armed ||= cues.armedWord.test(t.lower);
      a.disaster ||= DISASTER.test(t.lower);
      a.attacked ||= ATTACK_WORD.test(t.lower);
    }
    return (this.article = a);
  }

  /** Does the article have no word of violence, no armed force and no weapon (an obituary, an accident, an illness)? "Two soldiers died in Kherson" is not quiet. */
  private quiet(): boolean {
    const a = this.words();
    return !a.violent && !a.armed;
  }

  /** Is the article about a natural disaster, with no armed force, weapon or attack in it? */
  private disaster(): boolean {
    const a = this.words();
    return a.disaster && !a.armed && !a.attacked;
  }

  /** A deed that may harm people (the taxonomy's `casualties` group), as against words, deals and deliveries. */
  private harmsPeople(type: EventType): boolean {
    return this.k.taxonomy.is(type, 'casualties');
  }

  /**
   * Is the trigger a real, specific event, and which? Where the rules have a reading (the
   * lexicon entry whose needs the sentence meets, its type refined by the weapon named), the
   * event and its type stand unless the classifier overrules them (`overruled`: a kind of event
   * rather than one, or another sense where a sport or natural cause is named, sense.ts); where
   * they have none, the classifier decides. A death of a natural cause and a scene of sport with
   * no fight in it are no event either way (`otherSense`).
   */
  private decide(view: SentenceView, hit: TriggerHit, hits: readonly TriggerHit[]): { reading: Reading; modality: Modality | null } | null {
    if (isReference(hit, view.toks, view.phrases)) return null;
    const base = this.k.doc.sentences[view.s]!.firstToken;
    const proposed = [...new Set(hit.readings.map((r) => r.type))];
    const ctx = contextFromDoc(this.k.doc, view.s, base + hit.first, base + hit.last, proposed, this.k.index);
    const p = this.model.predict(ctx);
    const rules = readingOf(view, hit);
    if (!rules && (hit.readings.every((r) => r.strict) || hit.readings.some((r) => otherSenseOfWord(view, hit, r.type)))) return null;
    if (this.noRecordOfItsOwn(view, hit, ctx, rules?.type ?? p.type)) return null;
    // "numerous bombings targeted at the army": the participle of deeds summed up is no deed either
    if (/^target/.test(view.toks[hit.first]!.lemma) && hits.some((h) => h.last === hit.first - 1 && (summedOrBanned(h, view.toks) || periodSummary(h, view.toks)))) return null;
    const { toks } = view;
    const tookPlace = !!rules && (performed(toks, hit.first, this.k.cues) || this.toldBefore(rules.type, view, hit));
    // one deed, not a kind of event: it took place, the verb tells it in the simple past, or a threat, plan, attempt or denial governs it
    const toldInPast = pastOccurrence(hit, toks, this.k.cues.habitWords);
    const infinitive = infinitiveReading(toks, hit);
    const oneDeed = tookPlace || toldInPast || subjectOfPast(hit, toks) || governedByIntent(toks, hit.first, this.k.cues) || infinitive === 'done';
    // without the rules' reading the classifier decides, but not across the line between deeds
    // that may harm people (the taxonomy's `casualties` group) and words, deals and deliveries:
    // "launched an assault" is no STATEMENT
    if (rules ? overruled(p, ctx, oneDeed, rules.type) || judgedNoEvent(p, ctx, rules.type, !!hit.phrase || oneDeed || this.besideFight(hit, hits), this.k.cues) : !p.event || !proposed.some((type) => this.harmsPeople(type) === this.harmsPeople(p.type))) return null;
    const entry = rules?.entry ?? hit.readings.find((r) => r.type === p.type) ?? hit.readings[0]!;
    // what took place is no plan, denial or condition, unless the rules' own cues say so (build);
    // elsewhere the classifier's modality counts where it is more likely than not, as its `generic` does
    const type = rules?.type ?? p.type;
    // a denial is a statement made: "The RSF denied reports …" is no negated statement unless a negation stands before it
    const deniedDenial = type === 'STATEMENT' && (p.modality === 'negated' || p.modality === 'denied') && !toks.slice(Math.max(0, hit.first - 3), hit.first).some((t) => NEGATION.has(t.lower));
    // and a verb in the simple past tells no plan ("forces backed by Russian air cover retook
    // Saraqib"), nor a condition unless a word of one stands in its sentence ("one strike
    // destroyed an oil pump jack"; "if they had attacked" keeps its "if")
    const pastNoPlan = toldInPast && (p.modality === 'future' || (p.modality === 'hypothetical' && !toks.some((t) => this.k.cues.hypothetical.has(t.lower) || this.k.cues.future.has(t.lower) || CONDITION_WORDS.test(t.lower))));
    // nor is anything negated where the sentence has no word of negation ("a farmer stepped on a mine … and died")
    const unsaidNegation = p.modality === 'negated' && !toks.some((t) => NEGATION.has(t.lower) || NEGATING_WORDS.test(t.lower));
    const modality = tookPlace || deniedDenial || pastNoPlan || unsaidNegation || p.pModality < 0.5 || p.modality === 'generic' || p.modality === 'asserted' || p.modality === 'claimed' ? null : p.modality;
    // a deed told as a purpose is none done, and no record, as a kind of event is none ("sent to
    // destroy the consulate"), where no word of threat or plan says what kind of intent it is
    // (the rules' cues do: "vowed to attack")
    if (modality === null && infinitive === 'purpose' && !governedByIntent(toks, hit.first, this.k.cues)) return null;
    return { reading: { type, entry }, modality };
  }

  /**
   * "… highlighting the destruction of the equipment": a definite event noun that names again an
   * event of its type the article has told as taking place refers to that occurrence, not to a
   * kind of event.
   */
  private toldBefore(type: EventType, view: SentenceView, hit: TriggerHit): boolean {
    if (!isNominal(hit, view.toks, view.cues) || !isAnaphoric(hit, view.toks)) return false;
    return this.memory.drafts.some((d) => d.event.type === type && d.event.sentence < view.s && (d.event.modality === 'asserted' || d.event.modality === 'claimed'));
  }

  /** The event a trigger announces, with its arguments, date, modality and claimant. */
  private build(view: SentenceView, reading: Reading, hit: TriggerHit, classified: Modality | null): Draft {
    const { doc, toks } = view;
    const type: EventType = reading.type;
    const isNoun = isNominal(hit, toks, view.cues);
    // "two soldiers died", "a minibus drove over a landmine": the subject suffers the deed, as a passive's does
    const hitLemma = hit.first === hit.last ? toks[hit.first]!.lemma : toks.slice(hit.first, hit.last + 1).map((t) => t.lemma).join(' ');
    const undergone = view.cues.victimSubjectVerbs.has(hitLemma) || reducedCasualtyParticiple(hit, toks, view.cues.casualty);
    const f = makeFrame(view, hit, isNoun, !isNoun && (isPassive(hit, toks) || undergone));
    const agent = findAgent(f);
    // ("The attackers", "the gunmen": the determiner may stand outside the agent's span; not "the air force", an institution)
    const agentAnaphoric = !!agent && agent.ref === null && (/^(these|those|they|the) /i.test(doc.text.slice(agent.start, agent.end) + ' ') || (/\b(these|those|the)\s+$/i.test(doc.text.slice(Math.max(0, agent.start - 7), agent.start)) && ASSAILANTS.test(doc.text.slice(agent.start, agent.end))));
    findObjects(f, type, agent);
    findLocation(f, type);
    findOrigin(f, type);
    findInstrument(f, type);
    // "was arrested on Jan. 30 and charged with murder": the crime a charge names was done
    // before, on a day of its own; the sentence's day is the charge's
    const charged = isNoun && namedByCharge(hit, toks);
    const date = charged ? null : eventTime(f, type);
    countedQuantities(f);
    statementSpeaker(f, type, agent);
    // the rules find who claims it and tell asserted from claimed (a claim verb, or a deed told
    // inside what someone says: claims.ts `saidBySomeone`), and their cues
    // ("thwarted", "denied", "could") stand; where they read a plain fact, the classifier may
    // say it is planned, expected, averted, denied, negated or conditional
    const rules = this.claims.modality(type, hit, toks, view.phrases, f.args);
    const source = rules.source;
    // a deed its sentence dates "next week", "tomorrow" or "in the coming days" is planned
    // ("announced protests in Nairobi next week"); a statement is made now, and that date is
    // what it tells of, not its own
    const ahead = !!date && f.args.some((a) => a.role === 'time' && /\b(next|coming|tomorrow|upcoming)\b/i.test(a.text));
    const toldAhead = ahead && type === 'STATEMENT';
    if (toldAhead) f.args = f.args.filter((a) => a.role !== 'time');
    const modality = rules.modality === 'asserted' || rules.modality === 'claimed' ? classified ?? (ahead && !toldAhead ? 'future' : rules.modality) : rules.modality;
    const first = toks[hit.first]!;
    const event: Event = {
      id: '',
      type,
      trigger: doc.mention(first.start, toks[hit.last]!.end),
      sentence: view.s,
      modality,
      source,
      args: f.args,
      date: toldAhead ? null : date,
      casualties: { killed: null, injured: null, captured: null },
      mappings: { acled: { event_type: '', sub_event_type: '' }, plover: '' },
    };
    const lemma = hit.phrase ? toks.slice(hit.first, hit.last + 1).map((t) => t.lemma).join(' ') : first.lemma;
    return { event, lemma, agentAnaphoric, nominal: isNoun, anaphoric: isNoun && (charged || isAnaphoric(hit, toks)) };
  }

  finish(): void {
    const doc: Doc = this.k.doc;
    const drafts = protestInterventions(doc, mergeIncidents(doc, this.k.taxonomy, reportsAsChannels(this.memory.drafts)));
    for (const d of drafts) settleFigures(d);
    uniqueArgs(drafts);
    // the mappings read the actors' sectors
    codeActors(doc, drafts.map((d) => d.event), this.k.cues.sectors);
    drafts.forEach((d, i) => {
      const e = d.event;
      // "two men were captured by police": people the police take are arrested, not abducted
      if (e.type === 'CAPTURE' && e.args.some((a) => a.role === 'agent' && a.kb?.sector === 'police')) e.type = 'ARREST';
      e.id = `v${i + 1}`;
      e.args.sort((a, b) => a.start - b.start || a.role.localeCompare(b.role));
      e.mappings = mappingsFor(this.k.taxonomy, doc, e, d.lemma, this.k.cues);
      // planned, denied, averted, negated and conditional events are no ACLED events; a protest
      // whose aim was thwarted ("protesters who tried to block the ring road") took place all the same
      if (e.modality !== 'asserted' && e.modality !== 'claimed' && !(e.type === 'PROTEST' && e.modality === 'attempted')) e.mappings.acled = null;
    });
    doc.events = drafts.map((d) => d.event);
  }
}

/** Who an assault's later sentences call its doers. */
const ASSAILANTS = /^(attackers|assailants|gunmen|militants|insurgents|fighters|raiders|bombers|perpetrators|jihadists|extremists)$/i;

/** Words of dying, which say nothing of how. */
const DEATH_WORD = /^(die|died|dies|dying|death|deaths)$/;
/** Words of a violent death beside the stage's words of violence. */
const VIOLENT_DEATH = /^(kill|kills|killed|killing|killings|slain|slay|massacre|massacred|executed|execution|gunned|lynched|lynching|beheaded|beat|beaten|stoned|ablaze|hacked|strangled|tortured|burned|burnt|fire|fired|gun|guns|armed|war|fighting|clashes)$/;
/** Words of natural disasters. */
const DISASTER = /^(earthquake|earthquakes|quake|quakes|aftershocks?|tremors?|richter|magnitude|floods?|flooding|hurricane|cyclone|typhoon|tornado|landslides?|mudslides?|avalanche|tsunami|wildfires?|bushfires?|volcano|eruption)$/;
/** Words of an attack, which make deaths in a disaster's article possibly someone's doing. */
const ATTACK_WORD = /^(shot|shooting|shootings|gunfire|gunmen|gunman|bomb|bombs|bombing|bombings|attack|attacks|attacked|stabbed|stabbing|airstrike|airstrikes|shelling|ambush|ambushed|assault|assaulted|arson|looted|looting|riot|riots)$/;

/** Words of condition, possibility or doubt besides those of cues.json `hypothetical` and `future`. */
const CONDITION_WORDS = /^(can|ca|should|must|whether|unless|perhaps|possibly|probably|likely|unlikely|suspected|suspect|believed|feared|allegedly|reportedly|\?)$/;
/** Words beside "not", "no" and "never" that say a thing did not happen: "none were hurt", "nobody", "without casualties". */
const NEGATING_WORDS = /^(none|nobody|nothing|neither|nor|without|cannot|no-one|noone)$/;

/** Verbs of announcing that, with another event in their sentence, only give its source. */
const CHANNEL_LEMMAS = new Set(['announce', 'declare']);
/** What a party's announcement is itself news of: another statement, a deal it signed ("HP announced that it has signed an agreement"). */
const ANNOUNCED_AS_NEWS = new Set<EventType>(['STATEMENT', 'AGREEMENT']);

/**
 * "The police department announced Friday they have made an arrest", "…, officials announced":
 * an announcement whose sentence tells the deed announced is the channel of that event, which
 * carries its claimant, and no statement of its own. An announcement of nothing else the
 * taxonomy has ("Apple announced a new laptop"), of a deal, or of a deed still to come ("announced
 * that all US troops would be withdrawn") stays one: the announcing is what took place.
 */
function reportsAsChannels(drafts: readonly Draft[]): Draft[] {
  return drafts.filter((d) => {
    if (d.event.type !== 'STATEMENT' || !CHANNEL_LEMMAS.has(d.lemma) || d.nominal) return true;
    return !drafts.some((o) => o !== d && o.event.sentence === d.event.sentence && !ANNOUNCED_AS_NEWS.has(o.event.type) && (o.event.modality === 'asserted' || o.event.modality === 'claimed'));
  });
}

/**
 * What a trigger in the bare infinitive after "to" tells ("sent to destroy the consulate", "the
 * role the coalition can play to destroy ISIL"): a purpose, none done; a deed done, where a verb
 * says so ("managed to repel", "went on to seize", "had to kill", "rose up to attack"); or a deed
 * intended or refused ("intended to kill", "refused to endorse"), which the classifier reads.
 * Null for a trigger that is no such infinitive.
 */
function infinitiveReading(toks: readonly { lower: string; lemma: string; pos: string }[], hit: TriggerHit): 'purpose' | 'done' | 'intent' | null {
  const t = toks[hit.first]!;
  if (toks[hit.first - 1]?.lower !== 'to' || t.pos !== 'VERB' || t.lower !== t.lemma) return null;
  const before = toks.slice(Math.max(0, hit.first - 4), hit.first - 1).map((w) => w.lower).join(' ');
  return DONE_BEFORE_TO.test(before) ? 'done' : INTENT_BEFORE_TO.test(before) ? 'intent' : 'purpose';
}
/** An intent told before "to" makes the deed a specific one intended, which the classifier's modality tells ("intended to kill", "going to shoot", "assault with intent to murder"). */
const INTENT_BEFORE_TO = /(?:^|\s)(mean|means|meant|refuse|refused|refuses|declined|intend|intends|intended|intending|intent|going|gonna|plan|plans|planned|planning|plot|plotted|attempt|attempted|tried|trying|tries|threat|threats|aim|aims|aimed|want|wants|wanted|ready|prepared|preparing)$/;
const DONE_BEFORE_TO = /\b(had|has|have|rose up|managed|manages|went on|goes on|proceeded|continued|continues|began|begins|started|starts|able|succeeded|helped|helps|moved|rushed|used to)$/;
