// Merging (event coreference): one real incident is one event. Within a sentence, a verb that
// tells what an event named before it did ("Russian shelling hit Zmiivka") adds to that event,
// and the noun that names an event a support verb launched ("launch massive missile strikes")
// replaces the verb's. Across the article, a later mention ("the incursions", "these raids")
// and the same fact told again add to the earlier event; a sentence that only lists ("These
// included four tanks …") adds targets to the event before it, and one that only retells an
// event names who vouches for it.
import type { Casualties, CasualtyClaim, Doc, EventArg as Arg, EventType, Token } from '../../doc.js';
import { endsSubjectOf, isAnaphoric, isSubjectOf } from './candidates.js';
import { addMention, casualtyWords, PERIOD, readCasualties, takesShot, withShot, type SentenceCasualties } from './casualties.js';
import type { Draft, SentenceView } from './frame.js';
import type { Taxonomy } from './taxonomy.js';
import type { TriggerHit } from './triggers.js';
import { headWord, OPENING_TIME_CLAUSE } from '../../text.js';

export class EventMemory {
  /** the article's events so far, in order */
  readonly drafts: Draft[] = [];
  /** the event the previous sentences spoke of last, for "This included …" */
  private lastTouched: { draft: Draft; sentence: number } | null = null;
  /** claimants of events told again in the current sentence */
  private retold: Array<{ into: Draft; source: string }> = [];
  /** casualties told in a sentence of no event, before any event they could belong to ("Man shot, killed" over the report) */
  private pending: { figures: SentenceCasualties; sentence: number; shooting: boolean } | null = null;

  constructor(
    private taxonomy: Taxonomy,
    private doc: Doc,
  ) {}

  /** events of the current sentence merged into one told before, by where their word starts */
  private mergedHere: Array<{ start: number; end: number; into: Draft }> = [];

  startSentence(): void {
    this.retold = [];
    this.mergedHere = [];
  }

  /**
   * "At least 27 fighters were killed in the battle, which began when drones struck …": the dead
   * of a killing told "in" or "during" an event named again in the sentence are that event's, not
   * those of another deed the sentence tells. Takes the killing out of `made` as a mention of
   * the event told before, with the sentence's casualty figures; says whether it did.
   */
  deadOfRetold(view: SentenceView, made: Draft[]): boolean {
    const killing = made.find((d) => d.event.type === 'KILLING' && !d.nominal);
    if (!killing || !this.mergedHere.length) return false;
    const { toks } = view;
    const at = toks.findIndex((t) => t.start === killing.event.trigger.start);
    if (at < 0) return false;
    let k = at + 1;
    if (toks[k]?.pos === 'ADV') k++;
    if (!/^(in|during|amid)$/.test(toks[k]?.lower ?? '')) return false;
    for (k++; toks[k] && /^(DET|ADJ|NUM)$/.test(toks[k]!.pos); k++);
    const named = this.mergedHere.find((m) => m.start === toks[k]?.start);
    if (!named || !this.taxonomy.is(named.into.event.type, 'casualties')) return false;
    addFigures(named.into, readCasualties(view.doc, casualtyWords(view), toks, view.phrases, { index: view.index, s: view.s }));
    absorb(named.into, killing);
    made.splice(made.indexOf(killing), 1);
    return true;
  }

  /** A new draft of the current sentence: merged into an event already told, or added to `made`. */
  place(made: Draft[], draft: Draft, hit: TriggerHit, toks: Token[]): void {
    // "Russian shelling hit Zmiivka": the verb tells what the event named before it did
    // ("The explosion targeted a bakery": the verb of an event named as known, told before)
    const retoldSubject = this.mergedHere.find((m) => this.taxonomy.is(m.into.event.type, 'violent') && endsSubjectOf(m.end, hit, toks));
    const subjectEvent = made.find((d) => isSubjectOf(d, hit, toks)) ?? (draft.event.type === 'ATTACK' ? retoldSubject?.into : undefined);
    if (subjectEvent && (this.taxonomy.is(draft.event.type, 'strike') || draft.event.type === 'ATTACK') && !draft.nominal) {
      for (const a of draft.event.args) if (a.role !== 'agent' && !subjectEvent.event.args.some((b) => b.role === a.role && b.start === a.start)) subjectEvent.event.args.push(a);
      addMention(subjectEvent, draft);
      return;
    }
    // "The café bombing was an attack on …": the noun a copula says the event was is that event
    // ("Macron called the explosion an “attack”": what someone calls an event named before is that event)
    const violent = (d: Draft) => this.taxonomy.is(d.event.type, 'violent');
    const described = !draft.nominal || !violent(draft) ? undefined : made.find((d) => d.nominal && violent(d) && (copulaComplement(toks, d, hit) || namedAs(toks, d.event.trigger.end, hit))) ?? this.mergedHere.find((m) => violent(m.into) && namedAs(toks, m.end, hit))?.into;
    if (described) {
      absorb(described, draft);
      return;
    }
    // one fight told by several words: the attack and the repelling, the fire traded, the fighting it set off
    const fight = this.sameFight(made, draft, hit, toks);
    if (fight) {
      absorb(fight, draft);
      return;
    }
    // the same event told again in this sentence, or earlier in the article (not across the
    // comma that closes an opening time clause: "Two days after militants ambushed a patrol,
    // the air force struck a camp" tells two)
    // (not what is denied or planned beside what was done: "struck military infrastructure and denied targeting civilians")
    const same = made.find((d) => d.event.type === draft.event.type && !acrossOpeningClause(toks, d, hit) && ASSERTED.has(d.event.modality) === ASSERTED.has(draft.event.modality));
    if (same) {
      // "launch massive missile strikes": the noun names the event, the verb only launches it
      if (/^(fire|launch|carry|conduct)/.test(same.lemma) && draft.nominal) {
        absorb(draft, same);
        made[made.indexOf(same)] = draft;
      } else {
        lendTargets(draft, same); // "killed 13 people and wounded 71": the second verb's victims are the event's too
        // and its word is one more mention of the event ("Gunfire was exchanged, one bullet hitting a customer")
        addMention(same, draft);
      }
      return;
    }
    // a noun named as known ("the attack", "the ensuing capture", "charged with murder"), not a
    // verb after "the" ("after the junta demanded its withdrawal", "a bomb in the capital killed 500")
    const afterSubject = toks[hit.first]!.pos === 'VERB' && /^(NOUN|PROPN)$/.test(toks[hit.first - 1]?.pos ?? '');
    const statementVerb = draft.event.type === 'STATEMENT' && !draft.nominal;
    if ((draft.anaphoric || (isAnaphoric(hit, toks) && !afterSubject && !statementVerb)) && this.mergeIntoEarlier(draft)) return;
    made.push(draft);
  }

  /** The events a sentence made, after its own merges: they share agents and targets; a sentence of retellings names its claimants. */
  settleSentence(doc: Doc, made: Draft[]): void {
    shareCoordinatedAgent(doc, made);
    lendEffectTargets(this.taxonomy, made);
    // "Videos released by the ministry showed the destruction …": a sentence that only retells an
    // event names who vouches for it; one that reports a new event ("claims of repelling the
    // incursions") does not make its claimant the source of the old one
    if (made.length === 0) for (const { into, source } of this.retold) into.event.source ??= source;
  }

  /**
   * The casualties of a sentence that tells no event ("He died at the hospital", a headline
   * whose verb the classifier passes over): those of the incident told in the two sentences
   * before, else of the first that happened told in the three after.
   */
  orphanCasualties(view: SentenceView): void {
    // "The Bureau recorded 65 to 105 civilian deaths during this period": a toll, no incident's
    const sentence = view.doc.sentences[view.s]!;
    if (PERIOD.test(view.doc.text.slice(sentence.start, sentence.end))) return;
    this.placeOrphan(readCasualties(view.doc, casualtyWords(view), view.toks, view.phrases, { index: view.index, s: view.s }), view.s, false);
  }

  /** Casualties without an event of their sentence to carry them (a shooting's: `shooting`), given to the last fitting incident or held for the next. */
  placeOrphan(figures: SentenceCasualties, s: number, shooting: boolean): void {
    if (!hasFigure(figures.casualties) && figures.shot === null) return;
    // (an incident told before this sentence: the sentence's own events did not take them)
    const last = [...this.drafts].reverse().find((d) => d.event.sentence < s);
    if (last && s - lastSentence(last) <= 2 && this.fits(last, shooting)) addFigures(last, figures);
    else this.pending = { figures, sentence: s, shooting };
  }

  /** An event casualties may belong to: a shooting's, to a strike or a killing. */
  private fits(d: Draft, shooting: boolean): boolean {
    return shooting ? takesShot(this.taxonomy, d) : this.taxonomy.is(d.event.type, 'casualties');
  }

  /** Keep the sentence's events, each unless it is a fact told before. */
  keep(kept: Draft[], s: number): void {
    // casualties told before any event go to the first fitting one that happened
    const pending = this.pending;
    const carrier = pending && kept.find((d) => ASSERTED.has(d.event.modality) && incidentTypes(this.taxonomy, d.event.type, 'KILLING') && this.fits(d, pending.shooting));
    if (pending && carrier) addFigures(carrier, pending.figures);
    if (pending && (carrier || s - pending.sentence >= 3)) this.pending = null;
    for (const d of kept) {
      if (this.duplicateOfEarlier(d)) continue;
      this.drafts.push(d);
      this.lastTouched = { draft: d, sentence: s };
    }
  }

  /** The event of the same fight a draft tells again, if any: the attack it repels or that repels it, the fire traded after it, the fighting it set off. */
  private sameFight(made: Draft[], draft: Draft, hit: TriggerHit, toks: Token[]): Draft | undefined {
    const assault = (d: Draft) => ASSAULTS.has(d.event.type);
    if (draft.event.type === 'CLASH') {
      // "attacked the post, and the soldiers repelled the assault", "Soldiers repelled the assault":
      // an attack repelled is the fight of that attack, told in this sentence or just before
      if (REPELLING.test(draft.lemma)) {
        const attack = made.find(assault) ?? (repelsTheEarlier(toks, hit) ? this.recentAssault(draft.event.sentence) : undefined);
        if (attack) return attack;
      }
      // "overran the town after several hours of fighting", "took control of Kirumba after heavy
      // fighting with FARDC": the fight by which the ground was taken is the taking's
      const taken = made.find((d) => d.event.type === 'SEIZE' && !d.nominal && ASSERTED.has(d.event.modality) === ASSERTED.has(draft.event.modality));
      if (taken) return taken;
      // "attacked an army base and traded fire with soldiers for two hours": one fight
      if (!draft.nominal) return made.find((d) => assault(d) && sameClauseAnd(toks, d, hit));
      // "attacked the post, sparking hours of heavy fighting", "…, triggering a firefight in which":
      // the fighting an attack set off is that attack's
      return setOffBy(toks, hit) ? made.find(assault) : undefined;
    }
    // "stormed the village and shot 7 residents", "raided Bang, shot farmers and torched their
    // huts": the shooting is what the raid did, one incident
    if (draft.event.type === 'ATTACK' && !draft.nominal) {
      const raid = made.find((d) => d.event.type === 'INCURSION' && !d.nominal && listedVerbs(toks, d, hit));
      if (raid) return raid;
    }
    // "Russian forces shelled the district, hitting a bus stop": what the strike hit, not a second attack
    if (this.taxonomy.is(draft.event.type, 'strike') && !draft.nominal && /ing$/.test(toks[hit.first]!.lower) && toks[hit.first - 1]?.text === ',') {
      const strike = [...made].reverse().find((d) => this.taxonomy.is(d.event.type, 'strike') && !d.nominal);
      if (strike) return strike;
    }
    // "Fighting erupted when BLA fighters attacked a camp": the fighting is the attack's
    if (assault(draft) && !draft.nominal) {
      const fighting = made.find((d) => d.event.type === 'CLASH' && d.nominal && foughtWhen(toks, d, hit));
      if (fighting) return fighting;
    }
    // "repelled an RSF assault on the base": the assault repelled is the fight's ("repelling the
    // incursions" names again the incursions told before, merged by the caller)
    if (assault(draft) && draft.nominal && !isAnaphoric(hit, toks)) return made.find((d) => d.event.type === 'CLASH' && REPELLING.test(d.lemma) && objectOf(toks, d, hit));
    return undefined;
  }

  /** The last attack or raid of the two sentences before that took place. */
  private recentAssault(sentence: number): Draft | undefined {
    return [...this.drafts].reverse().find((d) => ASSAULTS.has(d.event.type) && ASSERTED.has(d.event.modality) && sentence - lastSentence(d) <= 2);
  }

  private mergeIntoEarlier(draft: Draft): boolean {
    const earlier = [...this.drafts].reverse().find((d) => d.event.type === draft.event.type && !conflicts(this.doc, d, draft, false));
    if (!earlier) return false;
    absorb(earlier, draft);
    this.mergedHere.push({ start: draft.event.trigger.start, end: draft.event.trigger.end, into: earlier });
    if (draft.event.source) this.retold.push({ into: earlier, source: draft.event.source });
    this.lastTouched = { draft: earlier, sentence: draft.event.sentence };
    return true;
  }

  /** The same fact told twice: same type, trigger and agent; or a later "these groups launched raids". */
  private duplicateOfEarlier(draft: Draft): boolean {
    const agentRef = (d: Draft) => d.event.args.find((a) => a.role === 'agent')?.ref ?? null;
    // descriptions without an entity: the same words ("a gunman", "the gunman") are the same actor
    const agentText = (x: Draft) => x.event.args.find((a) => a.role === 'agent')?.text.toLowerCase().replace(/^(the|a|an)\s+/, '') ?? null;
    const earlier = [...this.drafts].reverse().find((d) => {
      // "Taliban fighters stormed a police headquarters … The attackers detonated a Humvee at the
      // gate": the attackers named as known did a deed of the same assault
      const recent = draft.event.sentence - d.event.sentence <= (d.event.type === draft.event.type ? 2 : 1);
      if (draft.agentAnaphoric && recent && d.event.type !== draft.event.type && incidentTypes(this.taxonomy, d.event.type, draft.event.type) && d.event.type !== 'KILLING' && !conflicts(this.doc, d, draft)) return true;
      if (d.event.type !== draft.event.type || conflicts(this.doc, d, draft)) return false;
      if (draft.agentAnaphoric && recent) return true;
      if (d.lemma !== draft.lemma) return false;
      if (agentRef(d) !== null) return agentRef(d) === agentRef(draft);
      return agentText(d) !== null && agentText(d) === agentText(draft);
    });
    if (!earlier) return false;
    absorb(earlier, draft);
    return true;
  }

  /** "These included four tanks and a Polish Krab howitzer." lists the previous event's targets. */
  continueLast(view: SentenceView): void {
    const { doc, s, phrases } = view;
    if (!this.lastTouched || this.lastTouched.sentence !== s - 1) return;
    const last = this.lastTouched.draft;
    const counted = view.index.sentenceQuantities(s);
    for (const q of counted) {
      last.event.args.push({ role: 'target', ...doc.mention(q.start, q.end), ref: q.entity });
      last.event.args.push({ role: 'quantity', ...doc.mention(q.start, q.end), ref: q.id });
    }
    for (const p of phrases) {
      if (p.kind !== 'equipment' && p.kind !== 'people' && p.kind !== 'facility') continue;
      if (p.quantity || counted.some((q) => q.start <= p.start && q.end >= p.end)) continue;
      last.event.args.push({ role: 'target', ...doc.mention(p.start, p.end), ref: p.ref });
    }
  }
}

/** Does the comma that closes a time clause opening the sentence ("After …,", "Two days after …,") stand between an earlier draft's trigger and the hit? */
function acrossOpeningClause(toks: Token[], earlier: Draft, hit: TriggerHit): boolean {
  if (!OPENING_TIME_CLAUSE.test(toks.slice(0, 4).map((t) => t.lower).join(' '))) return false;
  const comma = toks.findIndex((t) => t.text === ',');
  return comma >= 0 && toks[comma]!.start > earlier.event.trigger.start && comma < hit.first;
}

/** The index of a draft's trigger among the sentence's tokens (-1 when it is not there). */
function triggerIndex(toks: Token[], d: Draft): number {
  return toks.findIndex((t) => t.start === d.event.trigger.start);
}

/** Does the hit complete a copula whose subject is the draft's noun: "the bombing was an attack", "the shooting was a deliberate attack"? */
function copulaComplement(toks: Token[], subject: Draft, hit: TriggerHit): boolean {
  const end = toks.findIndex((t) => t.end === subject.event.trigger.end);
  if (end < 0 || end >= hit.first || !/^(was|is|were|are)$/.test(toks[end + 1]?.lower ?? '')) return false;
  return toks.slice(end + 2, hit.first).every((t) => t.pos === 'DET' || t.pos === 'ADJ' || t.pos === 'ADV');
}

/** "called the explosion an “attack”", "described the shooting as a terrorist attack": the noun ending at `namedEnd` is the object of a verb of naming, and the hit what it is named. */
function namedAs(toks: Token[], namedEnd: number, hit: TriggerHit): boolean {
  let i = hit.first - 1;
  while (i >= 0 && (/^(DET|ADJ)$/.test(toks[i]!.pos) || /^["“”']$/.test(toks[i]!.text))) i--;
  if (toks[i]?.lower === 'as') i--;
  if (toks[i]?.end !== namedEnd) return false;
  let j = i - 1;
  while (j >= 0 && /^(DET|ADJ|NOUN|PROPN)$/.test(toks[j]!.pos) && j >= i - 4) j--;
  return NAMING.test(toks[j]?.lower ?? '');
}
const NAMING = /^(call|calls|called|calling|described|describes|describing|labelled|labeled|branded|termed|considered|treating|treated|classified)$/;

/** Is the hit the object of an earlier draft's verb: a few words after it, with no comma between ("repelled an RSF assault")? */
function objectOf(toks: Token[], verb: Draft, hit: TriggerHit): boolean {
  const at = triggerIndex(toks, verb);
  return at >= 0 && hit.first > at && hit.first - at <= 4 && !toks.slice(at, hit.first).some((t) => /^[,;:]$/.test(t.text));
}

/** Is the hit a verb joined by "and" to an earlier draft's, in one clause ("attacked a base and traded fire")? */
function sameClauseAnd(toks: Token[], earlier: Draft, hit: TriggerHit): boolean {
  const at = triggerIndex(toks, earlier);
  if (at < 0 || hit.first <= at) return false;
  const between = toks.slice(at + 1, hit.first);
  return between.some((t) => t.lower === 'and') && !between.some((t) => /^[;:]$/.test(t.text) || t.lower === 'while' || t.lower === 'but');
}

/** "stormed the camp and shot …", "entered the town, shot …": two verbs of one clause, joined by "and" or listed with a comma. */
function listedVerbs(toks: Token[], earlier: Draft, hit: TriggerHit): boolean {
  const at = triggerIndex(toks, earlier);
  if (at < 0 || hit.first <= at || hit.first - at > 20) return false;
  const between = toks.slice(at + 1, hit.first);
  // (a participle after a comma, "…, shooting residents as they fled", may tell of an incident named before: placed as before)
  const joined = toks[hit.first - 1]!.lower === 'and' || (toks[hit.first - 1]!.text === ',' && !/ing$/.test(toks[hit.first]!.lower)) || (toks[hit.first - 1]!.lower === 'then' && /^(and|,)$/.test(toks[hit.first - 2]?.lower ?? ''));
  return joined && !between.some((t) => /^[;:]$/.test(t.text) || /^(while|but|after|before|when|as|who|which)$/.test(t.lower) || (t.pos === 'VERB' && t !== toks[hit.first - 1]));
}

/** "Fighting erupted on Monday when …", "clashes broke out after …": a fight whose clause goes on to the deed that set it off, with no other clause between. */
function foughtWhen(toks: Token[], fight: Draft, hit: TriggerHit): boolean {
  const from = triggerIndex(toks, fight);
  if (from < 0 || from >= hit.first) return false;
  const between = toks.slice(from + 1, hit.first);
  const when = between.findIndex((t) => /^(when|after|as)$/.test(t.lower));
  return when >= 0 && between.every((t, i) => i === when || !/^(when|after|as|;|but|while)$/.test(t.lower)) && !between.slice(0, when).some((t) => t.text === ',');
}

/** The verbs by which a side fends off an attack. */
const REPELLING = /^(repel|repulse)/;
/** The deeds that are repelled. */
const ASSAULTS: ReadonlySet<EventType> = new Set(['ATTACK', 'INCURSION']);

/** "repelled the assault", "repulsed this attack": the object names an attack told before. */
function repelsTheEarlier(toks: Token[], hit: TriggerHit): boolean {
  const [det, noun] = [toks[hit.last + 1]?.lower ?? '', toks[hit.last + 2]?.lower ?? ''];
  return /^(the|this|that|their|its)$/.test(det) && /^(assault|attack|offensive|raid|incursion|attackers|assailants|advance)$/.test(noun);
}

/** A word that makes the fighting named after it what an attack told before it set off: "sparking", "after", "in the exchange of fire that followed". */
function setOffBy(toks: Token[], hit: TriggerHit): boolean {
  for (let i = hit.first - 1; i >= 0 && i >= hit.first - 5; i--) {
    if (/^(sparking|triggering|prompting|provoking|igniting|after|following|during|in)$/.test(toks[i]!.lower)) return true;
    if (/^[,;]$/.test(toks[i]!.text) && i < hit.first - 1) return false;
  }
  return false;
}

/** The targets of a draft told again in the same sentence, given to the one it repeats. */
function lendTargets(from: Draft, into: Draft): void {
  for (const a of from.event.args) if (a.role === 'target' && !into.event.args.some((b) => b.start < a.end && a.start < b.end)) into.event.args.push(a);
}

/** A sentence's casualties given to an event told elsewhere, as one more of its figures. */
function addFigures(d: Draft, figures: SentenceCasualties): void {
  const own = { source: d.event.source, ...figures.casualties };
  if (hasFigure(own)) (d.figures ??= []).push(own);
  if (figures.shot !== null) d.shot = Math.max(d.shot ?? 0, figures.shot);
}

/**
 * One event told twice: the first keeps its agent and time, and takes the other's other
 * arguments, its date, its mention and its casualty figures (settled once the article is read,
 * by settleFigures: never summed).
 */
export function absorb(into: Draft, from: Draft): void {
  const e = into.event;
  const known = argKeys(into);
  const planned = !ASSERTED.has(from.event.modality) && ASSERTED.has(e.modality);
  for (const a of from.event.args) {
    if ((a.role === 'agent' || a.role === 'time') && known.roles.has(a.role)) continue;
    if (planned && a.role === 'time') continue;
    if (!known.keys.has(`${a.role}|${a.start}`)) {
      e.args.push(a);
      argKeys(into); // the keys take in the argument just added
    }
  }
  // the more precise of two dates that agree: "the attack" of "this year" is the raid "on Sunday"
  // (not the day of a plan to go on: "vowed to continue the protests on Thursday")
  const finer = planned ? null : from.event.date;
  if (finer && (!e.date || (finer.length > e.date.length && finer.startsWith(e.date)))) {
    e.date = finer;
    const time = from.event.args.find((a) => a.role === 'time');
    if (time) e.args = [...e.args.filter((a) => a.role !== 'time'), time];
  }
  if (from.added) (into.added ??= []).push(...from.added);
  // "The officer also shot and killed a neighbor": others than the victims told, who add up
  if (from.also) (into.added ??= []).push({ ...from.event.casualties, ...(from.shot !== undefined ? { shot: from.shot } : {}) });
  else {
    (into.figures ??= []).push(...figuresOf(from));
    if (from.shot !== undefined) into.shot = Math.max(into.shot ?? 0, from.shot);
  }
  const mentions = [{ ...from.event.trigger, sentence: from.event.sentence, type: from.event.type, modality: from.event.modality }, ...(from.event.mentions ?? [])].filter((m) => m.start !== e.trigger.start);
  const all = (e.mentions ??= []);
  const last = all.length ? all[all.length - 1]!.start : -Infinity;
  all.push(...mentions);
  // kept in text order; a long text merges thousands of mentions, so it is sorted only when one comes out of order
  if (mentions.some((m, i) => m.start < (i ? mentions[i - 1]!.start : last))) all.sort((a, b) => a.start - b.start);
}

/**
 * Speed trick: the roles and role-and-start keys of a draft's arguments, kept on the draft (an
 * incident of a long text absorbs thousands of mentions) and brought up to date from the list:
 * arguments are appended, or the list is replaced, which starts the keys afresh.
 */
export interface ArgKeys {
  args: readonly Arg[];
  seen: number;
  roles: Set<string>;
  keys: Set<string>;
}

function argKeys(d: Draft): ArgKeys {
  const args = d.event.args;
  if (!d.argKeys || d.argKeys.args !== args) d.argKeys = { args, seen: 0, roles: new Set(), keys: new Set() };
  const known = d.argKeys;
  for (; known.seen < args.length; known.seen++) {
    const a = args[known.seen]!;
    known.roles.add(a.role);
    known.keys.add(`${a.role}|${a.start}`);
  }
  return known;
}

const KEYS = ['killed', 'injured', 'captured'] as const;
const hasFigure = (c: Casualties) => KEYS.some((k) => c[k] !== null);

/** The figures a draft carries: its own (with its claimant) and those of the mentions merged into it. */
function figuresOf(d: Draft): CasualtyClaim[] {
  const own = { source: d.event.source, ...d.event.casualties };
  return [...(hasFigure(own) ? [own] : []), ...(d.figures ?? [])];
}

/**
 * An incident's casualties from the figures of its mentions, never their sum: per claimant
 * the highest figure it gives (tolls are revised upwards as reports come in, and "at least"
 * figures are lower bounds); the event follows its own claimant (else the first to give a
 * figure), takes what that claimant leaves out from the others, and lists in
 * `casualty_claims` the claimants whose figures differ.
 */
export function settleFigures(d: Draft): void {
  settleClaims(d);
  for (const a of d.added ?? []) {
    for (const k of KEYS) if (a[k] !== null) d.event.casualties[k] = (d.event.casualties[k] ?? 0) + a[k]!;
    if (a.shot !== undefined) d.shot = (d.shot ?? 0) + a.shot;
  }
  // the shot whose fate no mention tells are wounded, less the dead: "was shot" in one
  // sentence and "died at the hospital" in another is one victim, killed
  d.event.casualties = withShot(d.event.casualties, d.shot);
}

/** The figures per claimant (settleFigures). */
function settleClaims(d: Draft): void {
  const all = figuresOf(d);
  if (!all.length) return;
  const bySource = new Map<string | null, Casualties>();
  for (const f of all) {
    const c = bySource.get(f.source) ?? { killed: null, injured: null, captured: null };
    for (const k of KEYS) if (f[k] !== null && (c[k] === null || f[k]! > c[k]!)) c[k] = f[k];
    bySource.set(f.source, c);
  }
  const primary = bySource.has(d.event.source) ? d.event.source : all[0]!.source;
  const casualties = { ...bySource.get(primary)! };
  for (const c of bySource.values()) for (const k of KEYS) casualties[k] ??= c[k];
  d.event.casualties = casualties;
  const claims = [...bySource].filter(([source, c]) => source !== primary && KEYS.some((k) => c[k] !== null && casualties[k] !== null && c[k] !== casualties[k]));
  if (claims.length) d.event.casualty_claims = claims.map(([source, c]) => ({ source, ...c }));
}

/**
 * Within-document coreference, once the article is read: a later mention of an incident told
 * before joins it. A later mention is one named as known ("the attack", "the bombing", "these
 * raids"), the deaths told in the sentence after an attack ("Eleven civilians were killed"),
 * or the same deed told again with the same word within a few sentences ("was shot" … "was
 * shot in the chest"), and a deed whose victims were told before ("the teen who was shot",
 * "he died the next day"). Mentions that say otherwise stay apart: another place, another day,
 * another agent, another modality (a mention named as known of another type too), or
 * "another", "a second", "a separate", "the subsequent" attack.
 */
export function mergeIncidents(doc: Doc, taxonomy: Taxonomy, drafts: Draft[]): Draft[] {
  const kept: Draft[] = [];
  for (const d of drafts) {
    let fought = false;
    const into = [...kept].reverse().find((k) => {
      if (!incidentTypes(taxonomy, k.event.type, d.event.type) || isAnother(doc, d)) return false;
      // (whoever fought back is another agent, not another incident)
      if (foughtBack(doc, k, d)) return (fought = !conflicts(doc, k, d, false));
      return !conflicts(doc, k, d, !d.victimKnown && (!d.anaphoric || k.event.type !== d.event.type)) && corefers(taxonomy, kept, k, d);
    });
    if (!into) kept.push(d);
    else {
      join(into, d);
      // "attempted an armoured assault … Ukrainian forces repelled the attack": an attempt fought off was fought
      if (fought && into.event.modality === 'attempted' && ASSERTED.has(d.event.modality)) into.event.modality = d.event.modality;
    }
  }
  // then the incidents told with victims in the body join the one the article opens with, once each has all its mentions
  const lead = doc.sentences.findIndex((s) => !s.heading);
  const out: Draft[] = [];
  for (const d of kept) {
    const into = leadIncident(doc, taxonomy, out, d, lead);
    if (into) join(into, d);
    else out.push(d);
  }
  return out;
}

/**
 * "Militants raided an army post. The assault was beaten back after two hours of fighting",
 * "… stormed a checkpoint. Police returned fire", "… The SAF said the attack was repelled": the
 * fight told in the sentence after an attack or raid is the one that attack set off, whoever
 * fought back, and its dead are the attack's.
 */
function foughtBack(doc: Doc, assault: Draft, d: Draft): boolean {
  if (!ASSAULTS.has(assault.event.type) || d.event.sentence !== assault.event.sentence + 1) return false;
  const returned = /\breturn(ed|ing|s)?\s+$/i.test(doc.text.slice(Math.max(0, d.event.trigger.start - 12), d.event.trigger.start));
  // (a fight with a side of its own that does not fight back is told as another: "the Legion reported engaging Russian forces")
  const ownSide = d.event.args.some((a) => a.role === 'agent') && !returned && !REPELLING.test(d.lemma);
  return !ownSide && (d.event.type === 'CLASH' || (d.event.type === 'ATTACK' && returned));
}

/** A later mention joins an incident: the dead of a KILLING told after an attack are the attack's casualties, not its targets, and "the bombing" names a deed its casualty sentence only counted. */
function join(into: Draft, d: Draft): void {
  if (d.event.type === 'KILLING' && into.event.type !== 'KILLING') d.event.args = d.event.args.map((a) => (a.role === 'target' ? { ...a, role: 'casualties' } : a));
  absorb(into, d);
  if (into.event.type === 'KILLING' && d.event.type !== 'KILLING') into.event.type = d.event.type;
}

/** The people of a crowd, who do not arrest it. */
const CROWD_WORDS = /\b(protest\w*|demonstrat\w*|rioters?|crowds?|youths?|students?|supporters?|residents?|marchers?|mob)\b/i;

/**
 * "Police fired tear gas and arrested 14 supporters who had gathered outside the party's
 * headquarters", "Protesters marched on the ministry; 12 were detained": an arrest of a
 * protest's people by the forces that stepped in is the protest's intervention, one event as
 * ACLED codes it ("Protest with intervention"), with the arrested as the protest's captured.
 * The arrest is told after the protest, in its sentence or the next, or before it with the
 * protest in the arrested people's own clause ("arrested students protesting …", "… who had
 * gathered"); a noun ("against the arrest of an activist") names what a protest is about, and
 * is no intervention.
 */
export function protestInterventions(doc: Doc, drafts: Draft[]): Draft[] {
  const out = [...drafts];
  for (const arrest of drafts) {
    if (arrest.event.type !== 'ARREST' || arrest.nominal || !ASSERTED.has(arrest.event.modality)) continue;
    const agent = arrest.event.args.find((a) => a.role === 'agent');
    if (agent && CROWD_WORDS.test(agent.text)) continue;
    // (not on another day or elsewhere: "… marched on Monday. Police arrested the leader on Tuesday in Entebbe")
    const protest = out.find((p) => p.event.type === 'PROTEST' && (ASSERTED.has(p.event.modality) || p.event.modality === 'attempted') && interveneIn(doc, p, arrest) && !conflicts(doc, p, arrest, false));
    if (!protest) continue;
    absorb(protest, arrest);
    out.splice(out.indexOf(arrest), 1);
  }
  return out;
}

/** Is the arrest told as what was done to the protest: after it (same sentence or the next), or before it with the protest in the arrested's own clause? */
function interveneIn(doc: Doc, protest: Draft, arrest: Draft): boolean {
  const p = protest.event;
  const a = arrest.event;
  if (a.sentence === p.sentence + 1) return true;
  if (a.sentence !== p.sentence) return false;
  if (a.trigger.start > p.trigger.start) return true;
  const between = doc.text.slice(a.trigger.end, p.trigger.start);
  return !/[,;:.]/.test(between) && (/\b(who|that)\b/i.test(between) || /ing$/i.test(p.trigger.text));
}

/**
 * The incident the article opens with (its headline or lead sentence), for a later incident
 * with victims that no nearer mention joined: a report of one incident sums it up first ("Man
 * dies after being shot while driving in Claymont") and tells it again further on with other
 * words, agents and places ("Police said Jamai White was shot while driving a pickup truck").
 * Both must have victims, and nothing may say otherwise: another number of dead, another day,
 * a place that is elsewhere (two places the gazetteer knows, neither inside the other),
 * another modality, or "another shooting".
 */
function leadIncident(doc: Doc, taxonomy: Taxonomy, kept: Draft[], d: Draft, lead: number): Draft | undefined {
  if (!hasVictims(d) || isAnother(doc, d)) return undefined;
  // the first incident with victims of the headline or the lead sentence (a title line the text does not mark as one is a sentence too)
  const first = kept.find((k) => k.event.sentence <= lead + 1 && hasVictims(k));
  if (!first || first.event.sentence >= d.event.sentence) return undefined;
  const otherDead = killedMost(first) !== null && killedMost(d) !== null && killedMost(first) !== killedMost(d);
  return incidentTypes(taxonomy, first.event.type, d.event.type) && !otherDead && !conflicts(doc, first, d, true, false) ? first : undefined;
}

/** Types one incident may be told by: the same type, or two kinds of armed violence and the deaths it caused. */
export function incidentTypes(taxonomy: Taxonomy, a: EventType, b: EventType): boolean {
  if (a === b) return true;
  // "Troops retook the town. Two militants were killed in the final assault": ground is taken
  // by a fight, which has its dead and may be named again
  if (a === 'SEIZE' || b === 'SEIZE') return fightFor(a === 'SEIZE' ? b : a);
  const assault = (t: EventType) => t === 'KILLING' || (taxonomy.is(t, 'violent') && taxonomy.is(t, 'absorbsKilling') && !taxonomy.is(t, 'effect') && t !== 'SEIZE' && t !== 'CRASH');
  return assault(a) && assault(b);
}

/** The deeds by which ground is taken: a fight, an assault, and the deaths they cause. */
const fightFor = (t: EventType): boolean => t === 'KILLING' || t === 'CLASH' || t === 'ATTACK' || t === 'INCURSION';

/** The highest figure of dead its mentions give, or null. */
function killedMost(d: Draft): number | null {
  const killed = figuresOf(d).map((f) => f.killed).filter((k): k is number => k !== null);
  return killed.length ? Math.max(...killed) : null;
}

const hasVictims = (d: Draft) => d.shot !== undefined || figuresOf(d).length > 0;

const lastSentence = (d: Draft) => Math.max(d.event.sentence, ...(d.event.mentions ?? []).map((m) => m.sentence));

function corefers(taxonomy: Taxonomy, kept: Draft[], earlier: Draft, later: Draft): boolean {
  const e = later.event;
  const gap = e.sentence - lastSentence(earlier);
  if (later.anaphoric) return true;
  // "the victim died", "he was shot in the chest": a victim of the incident with victims told last
  if (later.victimKnown) {
    const withVictims = [...kept].reverse().find((k) => incidentTypes(taxonomy, k.event.type, e.type) && lastSentence(k) < e.sentence && hasVictims(k));
    if (withVictims) return withVictims === earlier;
  }
  // "Eleven civilians were killed", "The man died in hospital": deaths without a killer of
  // their own (the subject of "died" is the dead) are those of the attack told before, unless
  // another place or day says otherwise
  if (e.type === 'KILLING' && (later.lemma === 'die' || !e.args.some((a) => a.role === 'agent'))) {
    const latest = [...kept].reverse().find((k) => incidentTypes(taxonomy, k.event.type, 'KILLING'));
    return latest === earlier;
  }
  // a killing and, in the next sentence, a deed that killed as many are one ("Man shot, killed
  // …" over "A man was shot and killed …"); the same deed told again within a few sentences
  // (another agent is a conflict, above)
  if (earlier.event.type === 'KILLING' && e.type !== 'KILLING' && gap <= 1 && killedMost(later) !== null && killedMost(later) === killedMost(earlier)) return true;
  // two statements are one only when the same verb tells them ("declared" and, two paragraphs
  // on, "analysts warn" are two speakers saying two things)
  if (e.type === 'STATEMENT' && later.lemma !== earlier.lemma) return false;
  // two deeds told by two verbs, each done to something else ("damaging an apartment block" by
  // a missile, "shot down 36 drones" by the air force), are two
  if (!later.nominal && !earlier.nominal && later.lemma !== earlier.lemma && otherTargets(earlier, later)) return false;
  return e.type === earlier.event.type && gap <= (later.lemma === earlier.lemma ? 3 : 2);
}

/** Do both drafts name targets, none the same entity or the same head word? */
function otherTargets(a: Draft, b: Draft): boolean {
  const targets = (d: Draft) => d.event.args.filter((x) => x.role === 'target');
  const [ta, tb] = [targets(a), targets(b)];
  return ta.length > 0 && tb.length > 0 && !ta.some((x) => tb.some((y) => (x.ref !== null && x.ref === y.ref) || headWord(x.text) === headWord(y.text)));
}

const ASSERTED = new Set(['asserted', 'claimed']);

/**
 * Two mentions that cannot be one incident: another day, place or agent, or one that happened
 * and one that did not. A mention named as known (`strict` false: "the attack was condemned
 * by …", "claims of repelling the incursions") is held to its day and place only: its agent
 * and modality are often another verb's. `agents` false: neither the agents nor the places the
 * gazetteer does not know say otherwise (leadIncident).
 */
export function conflicts(doc: Doc, a: Draft, b: Draft, strict = true, agents = true): boolean {
  const x = a.event;
  const y = b.event;
  if (strict && ASSERTED.has(x.modality) !== ASSERTED.has(y.modality)) return true;
  // another day, unless the later is a death after the day of the deed ("was shot Sunday … died Monday")
  if (x.date && y.date && !x.date.startsWith(y.date) && !y.date.startsWith(x.date) && !(b.lemma === 'die' && y.date > x.date)) return true;
  const refs = (e: typeof x, role: string) => e.args.filter((r) => r.role === role && r.ref !== null).map((r) => r.ref!);
  // `agents` false (a headline's mention): only places the gazetteer knows can be elsewhere, not a street or a building the body names
  const known = (ids: string[]) => (agents ? ids : ids.filter((id) => { const kb = placeKb(doc, id); return !!kb.kind && kb.resolved !== false; }));
  const px = known(refs(x, 'location'));
  const py = known(refs(y, 'location'));
  if (px.length && py.length && !px.some((p) => py.some((q) => samePlace(doc, p, q)))) return true;
  const ax = refs(x, 'agent');
  const ay = refs(y, 'agent');
  if (agents && (otherPossessor(doc, a, b) || otherPossessor(doc, b, a))) return true;
  return agents && strict && ax.length > 0 && ay.length > 0 && !ax.some((r) => ay.includes(r));
}

/**
 * "Israel's offensive" after "Hamas-led militants attacked": a mention named as known keeps its
 * agent when the agent is its own possessor, and another agent, named otherwise, is another deed.
 */
function otherPossessor(doc: Doc, d: Draft, other: Draft): boolean {
  const agent = d.event.args.find((r) => r.role === 'agent' && r.ref !== null);
  if (!agent || agent.end > d.event.trigger.start || !/^['’]s\s+(?:[\w-]+\s+){0,2}$/.test(doc.text.slice(agent.end, d.event.trigger.start))) return false;
  const theirs = other.event.args.filter((r) => r.role === 'agent');
  return theirs.length > 0 && !theirs.some((r) => r.ref === agent.ref || r.text.toLowerCase().includes(agent.text.toLowerCase()));
}

type PlaceKb = { kind?: string; country?: string; admin1?: string; resolved?: boolean };
const placeKb = (doc: Doc, id: string) => (doc.entities.find((e) => e.id === id)?.kb ?? {}) as PlaceKb;

/** One place, or one inside the other: "Kursk Oblast" is in "Russia", a city in its admin1 region. */
function samePlace(doc: Doc, a: string, b: string): boolean {
  if (a === b) return true;
  const contains = (p: PlaceKb, q: PlaceKb) => (p.kind === 'country' && !!p.country && p.country === q.country) || (p.kind === 'admin1' && !!p.admin1 && p.admin1 === q.admin1);
  const pa = placeKb(doc, a);
  const pb = placeKb(doc, b);
  return contains(pa, pb) || contains(pb, pa);
}

/**
 * "another attack", "a second bombing", "a separate shooting", "last month's raid": not the
 * incident told before; nor is a deed a "since" clause tells and does not name as known ("on
 * high alert since the group launched a series of attacks": the past that explains the present;
 * "since the bombing" is the bombing told before).
 */
function isAnother(doc: Doc, d: Draft): boolean {
  const sentence = doc.sentences[d.event.sentence]!;
  if (!d.anaphoric && SINCE_CLAUSE.test(doc.text.slice(sentence.start, d.event.trigger.start))) return true;
  const before = doc.text.slice(Math.max(sentence.start, d.event.trigger.start - 40), d.event.trigger.start);
  const another = /\b(another|second|third|separate|new|fresh|further|other|subsequent|earlier|previous|similar|last (week|month|year)'s)\s+((\w+)\s+)?(\w+\s+)?$/i.exec(before);
  // "Another man was shot", "a second victim died": another victim of the incident, not another incident
  return !!another && !ANOTHER_VICTIM.test(another[4] ?? '');
}

/** "since" opening the clause the trigger ends, with no comma or other clause between */
const SINCE_CLAUSE = /\bsince\s[^,;:]*$/i;

/** The people a "another", "second" … may count as victims of one incident. */
const ANOTHER_VICTIM = /^(man|woman|men|women|person|people|victim|victims|boy|girl|teen|teenager|child|youth|male|female)$/i;

/** "reported engaging Russian forces and destroying military assets": one subject for both. */
export function shareCoordinatedAgent(doc: Doc, made: Draft[]): void {
  for (let k = 1; k < made.length; k++) {
    const d = made[k]!.event;
    const prev = made[k - 1]!.event;
    const before = doc.text.slice(prev.trigger.end, d.trigger.start);
    if (!/\band\s*$/.test(before) || !/ing$/.test(d.trigger.text) || !/ing$/.test(prev.trigger.text)) continue;
    const agent = prev.args.find((a) => a.role === 'agent');
    d.args = d.args.filter((a) => a.role !== 'agent');
    if (agent) d.args.push({ ...agent });
  }
}

/** "A drone attack set fire to an oil depot": what the attack's effect hit, the attack hit. */
export function lendEffectTargets(taxonomy: Taxonomy, made: Draft[]): void {
  for (const d of made) {
    if (!taxonomy.is(d.event.type, 'violent') || taxonomy.is(d.event.type, 'effect') || d.event.args.some((a) => a.role === 'target')) continue;
    const effect = made.find((e) => taxonomy.is(e.event.type, 'effect') && e.event.trigger.start > d.event.trigger.start);
    for (const a of effect?.event.args.filter((x) => x.role === 'target') ?? []) d.event.args.push({ ...a });
  }
}

/** One argument per role and span: "a powerful Taliban truck" and "truck" are one instrument. */
export function uniqueArgs(drafts: Draft[]): void {
  for (const d of drafts) {
    const inside = argsInsideLonger(d.event.args);
    if (inside.size) d.event.args = d.event.args.filter((a) => !inside.has(a));
  }
}

/**
 * The arguments that lie inside a longer one of the same role. A sweep by start (and longest
 * first), since an incident of a long text holds thousands of arguments: an argument lies
 * inside a longer one when one of a span before its own reaches as far as it does.
 */
function argsInsideLonger(args: readonly Arg[]): Set<Arg> {
  const inside = new Set<Arg>();
  const byRole = new Map<string, Arg[]>();
  for (const a of args) {
    const list = byRole.get(a.role);
    if (list) list.push(a);
    else byRole.set(a.role, [a]);
  }
  for (const list of byRole.values()) {
    if (list.length < 2) continue;
    list.sort((a, b) => a.start - b.start || b.end - a.end);
    let reach = -Infinity; // the furthest end of the spans before the current one
    for (let i = 0; i < list.length; ) {
      let j = i;
      while (j < list.length && list[j]!.start === list[i]!.start && list[j]!.end === list[i]!.end) j++;
      if (reach >= list[i]!.end) for (let k = i; k < j; k++) inside.add(list[k]!);
      reach = Math.max(reach, list[i]!.end);
      i = j;
    }
  }
  return inside;
}
