// Stage 6: events. For each sentence that is not a heading: find trigger words, settle
// each one's type from what surrounds it (the thing captured, the weapon used), then
// read its arguments off the phrases around it: agent, target, location, origin, time,
// instrument, quantities and casualties; its modality ("thwarted", "denied", "could") and
// who claims it ("the ministry said", "according to"). A later mention of an event
// already told ("the incursions", "these raids") adds to it instead of repeating it.
import type { ArgRole, Casualties, Doc, Event, EventArg, EventType, Modality, Token } from '../../doc.js';
import type { TriggerEntry } from '../../lexicons/load.js';
import type { Stage } from '../../pipeline.js';
import type { Knowledge } from '../entities/knowledge.js';
import { codeActors } from './actors.js';
import { mappingsFor } from './mappings.js';
import { countCasualties } from './casualties.js';
import { Claims } from './claims.js';
import {
  ACTOR_NOUNS, ANAPHORIC, CLAIM_CUES, CONTINUATION, LOCATION_PREPS, OF_PLACE, PREPOSITIONS, SETTLEMENT_WORDS, SPEECH,
  STRIKE_TYPES, SUPPORT_VERBS, VERBAL_PHRASE_HEADS, VIOLENT, AID_WORDS, lastIndex, nextIndex, parentheticals,
} from './cues.js';
import { npLeft, npRight, subjectBefore, type NounPhraseContext } from './noun-phrase.js';
import { sentencePhrases, type Phrase } from './phrases.js';
import { stems, TriggerIndex, type TriggerHit } from './triggers.js';


export function eventsStage(know: Knowledge, triggers: TriggerEntry[], notTriggers: string[] = []): Stage {
  const index = new TriggerIndex(triggers, notTriggers);
  const actorNouns = new Set(ACTOR_NOUNS);
  return {
    name: 'events',
    requires: ['tokens', 'sentences', 'entities', 'quantities', 'dates'],
    assigns: ['events'],
    run(doc) {
      const extractor = new EventExtractor(doc, know, index, actorNouns);
      for (let s = 0; s < doc.sentences.length; s++) {
        if (!doc.sentences[s]!.heading) extractor.sentence(s);
      }
      extractor.finish();
    },
  };
}

interface Draft {
  event: Event;
  lemma: string;
  agentAnaphoric: boolean;
  /** named by a noun ("the attack") rather than a verb ("attacked") */
  nominal: boolean;
}

class EventExtractor {
  private drafts: Draft[] = [];
  /** the event the previous sentences spoke of last, for "This included …" */
  private lastTouched: { draft: Draft; sentence: number } | null = null;
  /** claimants of events told again in the current sentence */
  private retold: Array<{ into: Draft; source: string }> = [];
  private claims: Claims;

  constructor(
    private doc: Doc,
    private know: Knowledge,
    private index: TriggerIndex,
    private actorNouns: Set<string>,
  ) {
    this.claims = new Claims(doc, know, actorNouns);
  }

  sentence(s: number): void {
    const doc = this.doc;
    const toks = doc.sentenceTokens(s);
    const sentenceText = doc.text.slice(doc.sentences[s]!.start, doc.sentences[s]!.end);
    const hits = this.index.find(toks);
    this.retold = [];
    // most sentences have no trigger word, and those only ever continue the event before them
    if (hits.length === 0 && !CONTINUATION.test(sentenceText)) return;
    const phrases = sentencePhrases(doc, s, toks, { actorNouns: this.actorNouns, people: this.know.people });
    const made: Draft[] = [];
    for (const hit of hits) {
      // "roadside bomb", "Storm Shadow": a weapon's name is not an event
      if (!hit.phrase && phrases.some((p) => p.kind === 'equipment' && p.entityType === 'EQUIPMENT' && p.first <= hit.first && p.last >= hit.last && p.first < p.last)) continue;
      const type = this.typeOf(hit, toks, phrases);
      if (!type) continue;
      if (this.isReference(hit, toks)) continue;
      const draft = this.build(s, type.type, type.entry, hit, toks, phrases);
      // "Russian shelling hit Zmiivka": the verb tells what the event named before it did
      const subjectEvent = made.find((d) => this.isSubjectOf(d, hit, toks));
      if (subjectEvent && STRIKE_TYPES.includes(draft.event.type) && !this.isNominal(hit, toks)) {
        for (const a of draft.event.args) if (a.role !== 'agent' && !subjectEvent.event.args.some((b) => b.role === a.role && b.start === a.start)) subjectEvent.event.args.push(a);
        continue;
      }
      // the same event told again in this sentence, or earlier in the article
      const same = made.find((d) => d.event.type === draft.event.type);
      if (same) {
        // "launch massive missile strikes": the noun names the event, the verb only launches it
        if (/^(fire|launch|carry|conduct)/.test(same.lemma) && this.isNominal(hit, toks)) {
          this.absorb(draft, same);
          made[made.indexOf(same)] = draft;
        }
        continue;
      }
      if (this.anaphoric(hit, toks) && this.mergeIntoEarlier(draft)) continue;
      made.push(draft);
    }
    if (made.length === 0 && CONTINUATION.test(sentenceText)) {
      this.continueLast(s, toks, phrases);
      return;
    }
    // "reported engaging Russian forces and destroying military assets": one subject for both
    for (let k = 1; k < made.length; k++) {
      const d = made[k]!.event;
      const prev = made[k - 1]!.event;
      const before = doc.text.slice(prev.trigger.end, d.trigger.start);
      if (!/\band\s*$/.test(before) || !/ing$/.test(d.trigger.text) || !/ing$/.test(prev.trigger.text)) continue;
      const agent = prev.args.find((a) => a.role === 'agent');
      d.args = d.args.filter((a) => a.role !== 'agent');
      if (agent) d.args.push({ ...agent });
    }
    // "A drone attack set fire to an oil depot": what the attack's effect hit, the attack hit
    for (const d of made) {
      if (!VIOLENT.includes(d.event.type) || d.event.type === 'DESTRUCTION' || d.event.args.some((a) => a.role === 'target')) continue;
      const effect = made.find((e) => (e.event.type === 'DESTRUCTION' || e.event.type === 'KILLING') && e.event.trigger.start > d.event.trigger.start);
      for (const a of effect?.event.args.filter((x) => x.role === 'target') ?? []) d.event.args.push({ ...a });
    }
    // "Videos released by the ministry showed the destruction …": a sentence that only retells an
    // event names who vouches for it; one that reports a new event ("claims of repelling the
    // incursions") does not make its claimant the source of the old one
    if (made.length === 0) for (const { into, source } of this.retold) into.event.source ??= source;
    const violent = made.filter((d) => VIOLENT.includes(d.event.type) || d.event.type === 'CAPTURE');
    // "…, killing two civilians": the deaths belong to the strike, not to a separate event
    const kept = made.filter((d) => !(d.event.type === 'KILLING' && violent.length > 0));
    const primary = kept.find((d) => d.event.type !== 'STATEMENT' && d.event.type !== 'AGREEMENT' && d.event.type !== 'SUPPLY');
    if (primary) {
      const casualties = countCasualties(this.doc, this.know.people, toks, phrases);
      const killingTarget = made.find((d) => d.event.type === 'KILLING')?.event.args.filter((a) => a.role === 'target') ?? [];
      for (const key of ['killed', 'injured', 'captured'] as const) {
        if (casualties[key] !== null) {
          const owner = key === 'captured' ? kept.find((d) => d.event.type === 'CAPTURE') ?? primary : primary;
          owner.event.casualties[key] = casualties[key];
        }
      }
      if (primary.event.type !== 'KILLING') for (const a of killingTarget) if (!primary.event.args.some((b) => b.start === a.start)) primary.event.args.push({ ...a, role: 'casualties' });
    }
    for (const d of kept) {
      if (this.duplicateOfEarlier(d)) continue;
      this.drafts.push(d);
      this.lastTouched = { draft: d, sentence: s };
    }
  }

  /** Settle the reading: "captured 25 soldiers" is CAPTURE, "captured the village" SEIZE. */
  private typeOf(hit: TriggerHit, toks: Token[], phrases: Phrase[]): { type: EventType; entry: TriggerEntry } | null {
    const withNeeds = hit.readings.filter((r) => r.needs?.length);
    const satisfied = withNeeds
      .map((r) => ({ r, at: Math.min(...r.needs!.map((n) => this.needDistance(n, hit, toks, phrases, r.type === 'PROTEST'))) }))
      .filter((x) => Number.isFinite(x.at))
      .sort((a, b) => a.at - b.at);
    const entry = satisfied[0]?.r ?? hit.readings.find((r) => !r.needs?.length);
    if (!entry) return null;
    const t = toks[hit.first]!;
    // "take place", "took part"
    // "to demand the resignation": a purpose, not a statement
    if (entry.type === 'STATEMENT' && toks[hit.first - 1]?.lower === 'to' && !/^(refused|going|set|due)$/.test(toks[hit.first - 2]?.lower ?? '')) return null;
    if (/^(take|took|taken|taking)$/.test(t.lower) && /^(place|part|note|care|time|steps|measures|over)$/.test(toks[hit.last + 1]?.lower ?? '')) return null;
    return { type: this.refine(entry.type, hit, toks, phrases), entry };
  }

  /** How many tokens after the trigger (or before it, for passives) a needed thing stands. */
  private needDistance(need: string, hit: TriggerHit, toks: Token[], phrases: Phrase[], subjectToo = false): number {
    const window = 7;
    const test = (i: number): boolean => {
      const t = toks[i];
      if (!t) return false;
      const at = phrases.filter((p) => p.first <= i && p.last >= i);
      switch (need) {
        case 'people':
          return this.know.people.has(t.lower) || at.some((p) => p.kind === 'people' || p.entityType === 'PERSON' || (p.entityType === 'NORP' && /s$/.test(t.lower)));
        case 'equipment':
          return at.some((p) => p.kind === 'equipment') || /^(weapons|arms|ammunition|munitions|shells|missiles|rockets)$/.test(t.lower);
        case 'aid':
          return AID_WORDS.has(t.lower);
        case 'place':
          return at.some((p) => p.kind === 'place' && p.entityType !== 'NORP') || SETTLEMENT_WORDS.has(t.lower);
        case 'force':
          return at.some((p) => p.kind === 'actor' && p.entityType !== 'PERSON') || this.actorNouns.has(t.lower);
        case 'aircraft':
          return at.some((p) => p.kind === 'equipment');
        case 'projectile':
          return at.some((p) => p.kind === 'equipment' && /missile|rocket|artillery|uav|munition/.test(String(this.doc.entities.find((e) => e.id === p.ref)?.kb?.category ?? ''))) || /^(rockets?|missiles?|shells?|mortars?|mortar|drones?|projectiles?|grenades?)$/.test(t.lower);
        default:
          return false;
      }
    };
    for (let d = 1; d <= window; d++) {
      const i = hit.last + d;
      if (i >= toks.length || /^[;:]$/.test(toks[i]!.text)) break;
      if (test(i)) return d;
    }
    // passive: "25 soldiers were captured"; protesters are the subject: "thousands of protesters marched"
    if (this.isPassive(hit, toks) || (need === 'people' && subjectToo)) for (let d = 1; d <= window; d++) if (test(hit.first - d)) return d + 0.5;
    return Infinity;
  }

  /** ATTACK-like words take their kind from the weapon: drones, missiles, artillery, mines. */
  private refine(type: EventType, hit: TriggerHit, toks: Token[], phrases: Phrase[]): EventType {
    if (type === 'KILLING') {
      const near = phrases.filter((p) => p.kind === 'equipment' && p.last >= hit.first - 6 && p.last < hit.first);
      const words = near.map((p) => this.doc.text.slice(p.start, p.end).toLowerCase());
      return words.some((w) => /\b(bomb|ied|mine|landmine|explosive|grenade)s?\b/.test(w)) ? 'EXPLOSION' : type;
    }
    if (type !== 'ATTACK' && type !== 'EXPLOSION') return type;
    const near = phrases.filter((p) => p.kind === 'equipment' && p.last >= hit.first - 6 && p.first <= hit.last + 6);
    const equipmentAt = near.map((p) => this.doc.entities.find((e) => e.id === p.ref)?.kb?.category as string | undefined);
    const words = toks.slice(Math.max(0, hit.first - 3), hit.last + 5).map((t) => t.lower);
    const has = (re: RegExp) => equipmentAt.some((c) => c && re.test(c)) || words.some((w) => re.test(w));
    if (has(/^(uav|drones?|kamikaze)$/)) return 'DRONE_STRIKE';
    // "warplanes bombed", not "blowing up a plane": the aircraft must come before the word
    if (type === 'EXPLOSION') {
      const before = near.filter((p) => p.last < hit.first).map((p) => this.doc.entities.find((e) => e.id === p.ref)?.kb?.category);
      return before.some((c) => c === 'aircraft' || c === 'helicopter') ? 'AIRSTRIKE' : type;
    }
    if (has(/^(mines?|ieds?|landmines?|bombs?|explosives?|grenades?)$/) && !has(/^(aircraft|helicopter|warplanes?|jets?)$/)) return 'EXPLOSION';
    if (has(/^(missiles?|aircraft|helicopter|warplanes?|jets?)$/)) return 'AIRSTRIKE';
    if (has(/^(artillery|rocket_artillery|mortars?|rockets?|howitzers?|shells?)$/)) return 'SHELLING';
    return type;
  }

  /** "the captured soldiers", "destroyed tanks": a participle describing a noun reports no new event. */
  private isReference(hit: TriggerHit, toks: Token[]): boolean {
    const t = toks[hit.first]!;
    const next = toks[hit.last + 1];
    const prev = toks[hit.first - 1];
    if (hit.phrase) return false;
    // "evacuated the wounded", "buried the dead": people, not an event
    if (prev?.lower === 'the' && /^(wounded|injured|dead|killed|captured|detained|missing|displaced)$/.test(t.lower) && (!next || !['NOUN', 'PROPN', 'ADJ'].includes(next.pos))) return true;
    if (!/(ed|en)$/.test(t.lower)) return false;
    const nounNext = !!next && (next.pos === 'NOUN' || next.pos === 'PROPN');
    return nounNext && (!prev || ANAPHORIC.has(prev.lower) || prev.pos === 'DET' || prev.pos === 'ADP' || prev.pos === 'PUNCT');
  }

  /**
   * Is the trigger a noun ("the attack", "drone strikes") rather than a verb ("attacked",
   * "shot dead", "denied firing rockets")? wink's tags are the start; its slips on past
   * tenses and gerunds ("Gunmen abducted/NOUN", "shot/NOUN dead") are corrected here.
   */
  private isNominal(hit: TriggerHit, toks: Token[]): boolean {
    const first = toks[hit.first]!;
    const last = toks[hit.last]!;
    const prev = toks[hit.first - 1];
    const determined = !!prev && (/^(the|a|an|its|their|his|her|this|these|those|that|such|our)$/.test(prev.lower) || prev.pos === 'ADJ' || prev.lower === "'s");
    if (hit.phrase) return !determined && (first.pos === 'VERB' || /ed$/.test(first.lower) || VERBAL_PHRASE_HEADS.has(first.lower)) ? false : first.pos !== 'VERB';
    const noun = last.pos === 'NOUN' || last.pos === 'PROPN';
    if (determined && (noun || /ing$/.test(last.lower))) return true;
    // "the shelling of Kherson", "Russian shelling hit Zmiivka": a gerund that is the subject or has "of"
    if (/ing$/.test(last.lower)) return toks[hit.last + 1]?.lower === 'of' || ['VERB', 'AUX'].includes(toks[hit.last + 1]?.pos ?? '');
    if (!noun || /ed$/.test(last.lower)) return false;
    return true;
  }

  /** Is the event `d`, named by a noun, the subject of the verb at `hit`? ("shelling hit", "the strike reportedly damaged") */
  private isSubjectOf(d: Draft, hit: TriggerHit, toks: Token[]): boolean {
    if (!d.nominal) return false;
    const end = toks.findIndex((t) => t.end === d.event.trigger.end);
    if (end < 0 || end >= hit.first) return false;
    return toks.slice(end + 1, hit.first).every((t) => ['ADV', 'AUX', 'PART'].includes(t.pos) || /^(has|have|had|was|were|reportedly|also)$/.test(t.lower));
  }

  /** A noun trigger introduced by "the", "these", "such", "the ensuing" refers back. */
  private anaphoric(hit: TriggerHit, toks: Token[]): boolean {
    for (let i = hit.first - 1; i >= 0 && i >= hit.first - 3; i--) {
      const w = toks[i]!;
      if (ANAPHORIC.has(w.lower)) return true;
      if (w.pos !== 'ADJ' && w.pos !== 'NOUN' && w.pos !== 'VERB') return false;
    }
    return false;
  }

  private isPassive(hit: TriggerHit, toks: Token[]): boolean {
    const t = toks[hit.first]!;
    if (!/(ed|en|wn|ught|ck)$/.test(t.lower) || t.pos === 'NOUN') return false;
    for (let i = hit.first - 1; i >= 0 && i >= hit.first - 3; i--) {
      const w = toks[i]!;
      if (['be', 'get'].includes(w.lemma) || /^(was|were|been|being|is|are|got)$/.test(w.lower)) return true;
      if (w.pos !== 'ADV' && w.pos !== 'PART') break;
    }
    return toks[hit.last + 1]?.lower === 'by';
  }

  private build(s: number, type: EventType, entry: TriggerEntry, hit: TriggerHit, toks: Token[], phrases: Phrase[]): Draft {
    const doc = this.doc;
    const first = toks[hit.first]!;
    const last = toks[hit.last]!;
    const args: EventArg[] = [];
    const arg = (role: ArgRole, p: Phrase) => {
      if (args.some((a) => a.role === role && a.start === p.start)) return;
      args.push({ role, ...doc.mention(p.start, p.end), ref: p.ref });
    };
    const clauseStart = lastIndex(toks, hit.first, (t) => /^[;:]$/.test(t.text)) + 1;
    const clauseEnd = nextIndex(toks, hit.last, (t) => /^[;:]$/.test(t.text));
    const aside = parentheticals(toks);
    const left = phrases.filter((p) => p.last < hit.first && p.first >= clauseStart && !aside.some(([a, b]) => p.first > a && p.last < b && b < hit.first));
    const right = phrases.filter((p) => p.first > hit.last && p.last < clauseEnd);
    const prepOf = (p: Phrase) => {
      let i = p.first - 1;
      while (i >= 0 && (/^(the|a|an|its|their|his|her|so-called)$/.test(toks[i]!.lower) || toks[i]!.pos === 'ADJ')) i--;
      return toks[i]?.lower ?? '';
    };
    const bare = (p: Phrase) => !PREPOSITIONS.has(prepOf(p)) || prepOf(p) === 'including';
    const isNoun = this.isNominal(hit, toks);
    const passive = !isNoun && this.isPassive(hit, toks);
    const np: NounPhraseContext = { phrases, actorNouns: this.actorNouns, people: this.know.people };
    // "Russian jets", "Army warplanes", "US and British warplanes": a weapon named with its owner acts for them
    const ownedWeapon = (p: Phrase) => p.kind === 'equipment' && p.first < p.last && (phrases.some((q) => q.first === p.first && (q.kind === 'actor' || q.kind === 'place')) || this.actorNouns.has(toks[p.first]!.lower));
    const agentLike = (p: Phrase) => p.kind === 'actor' || p.kind === 'people' || (p.kind === 'place' && p.entityType === 'GPE') || ownedWeapon(p);
    // "Kherson", or "Zmiivka village": a place named, perhaps with what kind of place it is
    const placeOnly = (p: Phrase) =>
      (p.kind === 'place' && phrases.some((q) => q.kind === 'place' && q.first === p.first && q.last === p.last)) ||
      (SETTLEMENT_WORDS.has(toks[p.last]!.lower) && phrases.some((q) => q.kind === 'place' && q.first === p.first && q.last === p.last - 1));

    // agent
    let agent: Phrase | undefined;
    if (passive || isNoun) {
      const by = toks.findIndex((t, k) => k > hit.last && k - hit.last <= 8 && t.lower === 'by');
      const byPhrase = by >= 0 ? npRight(toks, np, by + 1) : null;
      if (byPhrase && agentLike(byPhrase)) agent = byPhrase;
    }
    if (!agent && isNoun) {
      // "Russian attack", "Israel's airstrike", "Ukrainian drone attack": the actor right before the noun
      let k = hit.first - 1;
      while (k >= 0 && (toks[k]!.pos === 'ADJ' || phrases.some((p) => p.kind === 'equipment' && p.first <= k && p.last >= k)) && !phrases.some((p) => p.kind === 'actor' && p.last === k)) k--;
      if (toks[k]?.lower === "'s") k--;
      const before = phrases.find((p) => p.last === k && (p.kind === 'actor' || (p.kind === 'place' && p.entityType === 'GPE')));
      if (before && before.first >= clauseStart) agent = before;
      // "these groups launched coordinated raids": the subject of the support verb
      const support = lastIndex(toks, hit.first, (t) => SUPPORT_VERBS.has(t.lemma) || stems(t.lower).some((s) => SUPPORT_VERBS.has(s)));
      if (!agent && support >= 0 && hit.first - support <= 6) {
        const subject = subjectBefore(toks, np, support);
        agent = subject && agentLike(subject) ? subject : [...left].reverse().find((p) => p.last < support && bare(p) && agentLike(p));
      }
    }
    // "With Putin condemning …": the phrase right before an -ing verb is its subject
    const adjacent = left[left.length - 1];
    if (!agent && !isNoun && /ing$/.test(first.lower) && adjacent && adjacent.last === hit.first - 1 && agentLike(adjacent)) agent = adjacent;
    if (!agent && !isNoun && !passive) {
      // "Ukraine's 47th Brigade said it had destroyed …": it is the speaker
      const pronoun = lastIndex(toks, hit.first, (t) => !/^(had|has|have|was|were|also|reportedly)$/.test(t.lower));
      if (/^(it|they|we)$/.test(toks[pronoun]?.lower ?? '') && SPEECH.has(toks[pronoun - 1]?.lower ?? '')) {
        const speaker = subjectBefore(toks, np, pronoun - 1);
        if (speaker && agentLike(speaker)) agent = speaker;
      }
    }
    if (!agent && !isNoun && !passive) {
      const subject = subjectBefore(toks, np, hit.first);
      if (subject && agentLike(subject)) agent = subject;
      else if (!subject || subject.kind === 'other') agent = [...left].reverse().find((p) => bare(p) && agentLike(p) && !this.isSpeakerOnly(p, toks));
    }
    if (agent) {
      // coordinated subjects: "government troops and allied militias retreated"
      const k = agent.first - 1;
      if (toks[k]?.lower === 'and' && k > clauseStart) {
        const other = npLeft(toks, np, k - 1);
        if (other && agentLike(other) && other.first >= clauseStart && !PREPOSITIONS.has(toks[other.first - 1]?.lower ?? '')) agent = { ...agent, first: other.first, start: other.start, ref: agent.ref ?? other.ref };
      }
      arg('agent', agent);
    }
    const agentAnaphoric = !!agent && /^(these|those|they|the) /i.test(doc.text.slice(agent.start, agent.end) + ' ') && agent.ref === null;

    // target and location
    const objects: Phrase[] = [];
    if (passive) {
      const subject = subjectBefore(toks, np, hit.first);
      if (subject) objects.push(subject);
    } else if (!isNoun) {
      let k = hit.last + 1;
      while (toks[k] && /^(down|up|out|off|back|away)$/.test(toks[k]!.lower)) k++;
      // "destroying what the military described as Hezbollah weapons depots"
      if (toks[k]?.lower === 'what') {
        const as = toks.findIndex((t, j) => j > k && j - k <= 7 && /^(as|called|termed|dubbed)$/.test(t.lower));
        if (as > 0) k = toks[as]!.lower === 'as' || toks[as + 1]?.lower !== 'as' ? as + 1 : as + 2;
      }
      if (hit.phrase && /^(to|on|at)$/.test(toks[k]?.lower ?? '')) k++; // "set fire to an oil depot"
      const direct = npRight(toks, np, k);
      if (direct && direct.first - k <= 2) objects.push(direct);
    }
    const prepAt = toks.findIndex((t, k) => k > hit.last && ((/^(on|against|at|targeting|upon)$/.test(t.lower) && k - hit.last <= 6) || (isNoun && t.lower === 'of' && k - hit.last <= 1)));
    if (prepAt >= 0 && !toks.slice(hit.last + 1, prepAt).some((t) => t.pos === 'VERB' || t.text === ',')) {
      const p = npRight(toks, np, prepAt + 1);
      if (p) objects.push(p);
    }
    // "the destruction of equipment, including US-made armored personnel carriers"
    const includingAt = toks.findIndex((t, k) => k > hit.last && k - hit.last <= 6 && t.lower === 'including');
    if (includingAt >= 0 && isNoun) {
      const p = npRight(toks, np, includingAt + 1);
      if (p && !placeOnly(p)) objects.push(p);
    }
    for (const p of objects) {
      if (agent && p.start === agent.start) continue;
      if (/^(second|minute|hour|day|night|week|weekend|month|year|decade|time)s?$/.test(toks[p.last]!.lower)) continue; // "two weeks ago"
      if (type === 'CRASH' && p.kind === 'equipment') continue;
      if (type === 'STATEMENT' && p.kind !== 'actor' && !(p.kind === 'place' && p.entityType === 'GPE')) continue;
      if (p.kind === 'date') continue;
      // "the Golan Heights town of Majdal Shams": the place after "of" is the one meant
      const named = SETTLEMENT_WORDS.has(toks[p.last]!.lower) && toks[p.last + 1]?.lower === 'of' ? phrases.find((q) => q.kind === 'place' && q.first === p.last + 2) : undefined;
      if (named) arg('location', named);
      else if (placeOnly(p)) arg('location', { ...p, ref: p.ref ?? phrases.find((q) => q.kind === 'place' && q.first === p.first)?.ref ?? null });
      else arg('target', p);
      // coordinated objects: "two T-72 tanks and a BMP infantry fighting vehicle"
      let tail = p;
      for (let guard = 0; guard < 4; guard++) {
        const k = tail.last + 1;
        const conj = toks[k]?.lower === ',' && toks[k + 1]?.lower === 'and' ? 2 : /^(and|or|,)$/.test(toks[k]?.lower ?? '') ? 1 : 0;
        if (!conj) break;
        const q = npRight(toks, np, k + conj);
        if (!q || (q.kind !== p.kind && !(p.kind === 'equipment' || q.kind === 'equipment'))) break;
        if (conj === 1 && toks[k]!.text === ',' && (toks[q.last + 1]?.pos === 'VERB' || toks[q.last + 1]?.pos === 'AUX')) break; // ", state prosecutors said"
        arg(placeOnly(q) ? 'location' : 'target', q);
        tail = q;
      }
    }
    if (type !== 'STATEMENT' && !args.some((a) => a.role === 'location')) {
      const candidates = [...right.filter((p) => p.first - hit.last <= 14), ...[...left].reverse().filter((p) => hit.first - p.last <= 10)]
        .filter((p) => p.kind === 'place' && p.entityType !== 'NORP' && (LOCATION_PREPS.has(prepOf(p)) || (prepOf(p) === 'of' && OF_PLACE.test(toks[lastIndex(toks, p.first, (t) => t.lower === 'of') - 1]?.lower ?? ''))));
      let place = candidates[0];
      // "the Golan Heights town of Majdal Shams": the settlement named after "of" is the place
      const named = place && phrases.find((q) => q.kind === 'place' && q.first > place!.last && q.first - place!.last <= 4 && toks[q.first - 1]?.lower === 'of' && SETTLEMENT_WORDS.has(toks[q.first - 2]?.lower ?? ''));
      if (named) place = named;
      if (place) {
        // "Russia's Bryansk region": the more specific place follows the possessive
        const next = phrases.find((q) => q.kind === 'place' && q.first === place!.last + 2 && toks[place!.last + 1]?.lower === "'s");
        if (next) place = next;
        arg('location', place);
        let tail = place;
        for (const q of phrases) {
          if (q.first <= tail.last || q.kind !== 'place' || q.entityType === 'NORP') continue;
          const between = toks.slice(tail.last + 1, q.first).map((t) => t.lower).join(' ');
          if (!/^(and|,|, and|, northern|, southern|, eastern|, western|, central|, north|, south|, east|, west)$/.test(between)) break;
          arg('location', q);
          tail = q;
        }
      }
    }
    const origin = right.find((p) => prepOf(p) === 'from' && p.kind === 'place');
    if (origin && ['INCURSION', 'ATTACK', 'AIRSTRIKE', 'DRONE_STRIKE', 'SHELLING', 'SUPPLY'].includes(type)) arg('origin', origin);
    else if (origin && type !== 'STATEMENT' && !args.some((a) => a.role === 'location')) arg('location', origin); // "withdrew from Avdiivka", "took off from Port Sudan"

    // instrument
    if (!['DESTRUCTION', 'CAPTURE', 'SUPPLY', 'CRASH'].includes(type)) {
      const compound = left.find((p) => p.kind === 'equipment' && p.last >= hit.first - 1);
      const withPhrase = right.find((p) => p.kind === 'equipment' && /^(with|using|by|from)$/.test(prepOf(p)));
      const subject = !isNoun ? [...left].reverse().find((p) => p.kind === 'equipment' && bare(p)) : undefined;
      for (const p of [compound, withPhrase, subject]) if (p) arg('instrument', p);
    } else if (type === 'CRASH') {
      const vehicle = [...left].reverse().find((p) => p.kind === 'equipment') ?? right.find((p) => p.kind === 'equipment' && prepOf(p) === 'of');
      if (vehicle) arg('instrument', vehicle);
    }

    // time: the nearest date, unless it only dates a statement ("said on Saturday")
    let date: string | null = null;
    const dates = phrases.filter((p) => p.kind === 'date').filter((p) => type === 'STATEMENT' || !this.datesSpeech(p, toks));
    dates.sort((a, b) => Math.abs(a.first - hit.first) - Math.abs(b.first - hit.first));
    if (dates[0]) {
      arg('time', dates[0]);
      const value = doc.entities.find((e) => e.id === dates[0]!.ref)?.kb?.value;
      date = typeof value === 'string' ? value : null;
    }
    // quantities that count the target or instrument
    const { start: sentenceStart, end: sentenceEnd } = doc.sentences[s]!;
    for (const q of doc.quantities) {
      if (q.start > sentenceEnd || q.end < sentenceStart) continue; // the arguments lie in the sentence
      if (args.some((a) => (a.role === 'target' || a.role === 'instrument' || a.role === 'agent') && q.start <= a.end && q.end >= a.start)) {
        args.push({ role: 'quantity', ...doc.mention(q.start, q.end), ref: q.id });
      }
    }
    if (type === 'STATEMENT' && !agent) {
      const speaker = [...left].reverse().find((p) => bare(p) && agentLike(p));
      if (speaker) arg('agent', speaker);
    }
    const { modality, source } = this.claims.modality(type, hit, toks, phrases, args);
    const event: Event = {
      id: '',
      type,
      trigger: doc.mention(first.start, last.end),
      sentence: s,
      modality,
      source,
      args,
      date,
      casualties: { killed: null, injured: null, captured: null },
      mappings: { acled: { event_type: '', sub_event_type: '' }, plover: '' },
    };
    void entry;
    return { event, lemma: hit.phrase ? toks.slice(hit.first, hit.last + 1).map((t) => t.lemma).join(' ') : first.lemma, agentAnaphoric, nominal: isNoun };
  }


  /** "…, the governor said" names a speaker; "the Legion reported engaging …" names the agent too. */
  private isSpeakerOnly(p: Phrase, toks: Token[]): boolean {
    const next = toks[p.last + 1];
    if (!next || !SPEECH.has(next.lower) || CLAIM_CUES.has(next.lower)) return false;
    const after = toks[p.last + 2]?.lower ?? '';
    return !after.endsWith('ing') && after !== 'to';
  }

  private datesSpeech(p: Phrase, toks: Token[]): boolean {
    for (let i = p.first - 1; i >= 0 && i >= p.first - 2; i--) {
      if ((SPEECH.has(toks[i]!.lower) || SPEECH.has(toks[i]!.lemma)) && toks[i]!.pos === 'VERB') return true;
      if (toks[i]!.lower !== 'on') return false;
    }
    return false;
  }






  private mergeIntoEarlier(draft: Draft): boolean {
    const earlier = [...this.drafts].reverse().find((d) => d.event.type === draft.event.type);
    if (!earlier) return false;
    this.absorb(earlier, draft);
    if (draft.event.source) this.retold.push({ into: earlier, source: draft.event.source });
    this.lastTouched = { draft: earlier, sentence: draft.event.sentence };
    return true;
  }

  /** The same fact told twice: same type, trigger and agent; or a later "these groups launched raids". */
  private duplicateOfEarlier(draft: Draft): boolean {
    const agentRef = (d: Draft) => d.event.args.find((a) => a.role === 'agent')?.ref ?? null;
    const earlier = [...this.drafts].reverse().find((d) => {
      if (d.event.type !== draft.event.type) return false;
      if (draft.agentAnaphoric && draft.event.sentence - d.event.sentence <= 2) return true;
      if (d.lemma !== draft.lemma) return false;
      if (agentRef(d) !== null) return agentRef(d) === agentRef(draft);
      // descriptions without an entity: the same words ("a gunman", "the gunman") are the same actor
      const agentText = (x: Draft) => x.event.args.find((a) => a.role === 'agent')?.text.toLowerCase().replace(/^(the|a|an)\s+/, '') ?? null;
      return agentText(d) !== null && agentText(d) === agentText(draft);
    });
    if (!earlier) return false;
    this.absorb(earlier, draft);
    return true;
  }

  private absorb(into: Draft, from: Draft): void {
    const e = into.event;
    for (const a of from.event.args) {
      if ((a.role === 'agent' || a.role === 'time') && e.args.some((b) => b.role === a.role)) continue;
      if (!e.args.some((b) => b.role === a.role && b.start === a.start)) e.args.push(a);
    }
    e.date ??= from.event.date;
    for (const key of ['killed', 'injured', 'captured'] as const) e.casualties[key] ??= from.event.casualties[key];
  }

  /** "These included four tanks and a Polish Krab howitzer." lists the previous event's targets. */
  private continueLast(s: number, toks: Token[], phrases: Phrase[]): void {
    if (!this.lastTouched || this.lastTouched.sentence !== s - 1) return;
    const last = this.lastTouched.draft;
    const sentence = this.doc.sentences[s]!;
    const counted = this.doc.quantities.filter((q) => q.start >= sentence.start && q.end <= sentence.end);
    for (const q of counted) {
      last.event.args.push({ role: 'target', ...this.doc.mention(q.start, q.end), ref: q.entity });
      last.event.args.push({ role: 'quantity', ...this.doc.mention(q.start, q.end), ref: q.id });
    }
    for (const p of phrases) {
      if (p.kind !== 'equipment' && p.kind !== 'people' && p.kind !== 'facility') continue;
      if (p.quantity || counted.some((q) => q.start <= p.start && q.end >= p.end)) continue;
      last.event.args.push({ role: 'target', ...this.doc.mention(p.start, p.end), ref: p.ref });
    }
    void toks;
  }

  finish(): void {
    const doc = this.doc;
    // one argument per role and span: "a powerful Taliban truck" and "truck" are one instrument
    for (const d of this.drafts) {
      d.event.args = d.event.args.filter((a) => !d.event.args.some((b) => b !== a && b.role === a.role && b.start <= a.start && b.end >= a.end && b.end - b.start > a.end - a.start));
    }
    const entityOf = (id: string | null) => (id ? doc.entities.find((e) => e.id === id) : undefined);
    this.drafts.forEach((d, i) => {
      const e = d.event;
      e.id = `v${i + 1}`;
      e.args.sort((a, b) => a.start - b.start || a.role.localeCompare(b.role));
      const targets = e.args.filter((a) => a.role === 'target' || a.role === 'casualties');
      const agent = entityOf(e.args.find((a) => a.role === 'agent')?.ref ?? null);
      const civilian = targets.some((a) => /civilian|resident|villager|child|women|people|passenger|worker|journalist|protester/i.test(a.text));
      const military = targets.some((a) => /soldier|troop|forces|army|military|fighter|militant|tank|vehicle|equipment|carrier|howitzer|artillery|asset|jet|helicopter|drone|missile|launcher|system/i.test(a.text) || entityOf(a.ref)?.type === 'EQUIPMENT');
      const stateAgent = !!agent && (agent.kb?.sector === 'military' || agent.kb?.sector === 'government' || agent.type === 'ORG');
      e.mappings = mappingsFor(e.type, { lemma: d.lemma, civilianTarget: civilian, militaryTarget: military, stateAgent });
    });
    doc.events = this.drafts.map((d) => d.event);
    codeActors(doc, doc.events);
  }
}
