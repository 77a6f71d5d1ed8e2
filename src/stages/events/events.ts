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
import { npLeft, npRight, type NounPhraseContext } from './noun-phrase.js';
import { sentencePhrases, type Phrase } from './phrases.js';
import { stems, TriggerIndex, type TriggerHit } from './triggers.js';

const ACTOR_NOUNS = [
  'militants', 'militant', 'rebels', 'rebel', 'insurgents', 'insurgent', 'gunmen', 'gunman', 'fighters', 'militias', 'militia',
  'groups', 'group', 'forces', 'troops', 'soldiers', 'army', 'military', 'police', 'protesters', 'protestors', 'demonstrators',
  'attackers', 'jihadists', 'terrorists', 'separatists', 'authorities', 'officials', 'official', 'government', 'ministry',
  'governor', 'spokesman', 'spokeswoman', 'spokesperson', 'commander', 'commanders', 'mayor', 'president', 'minister',
  'residents', 'witnesses', 'medics', 'doctors', 'paramilitaries', 'mercenaries', 'units', 'unit', 'brigade', 'battalion',
  'squad', 'guards', 'occupiers', 'invaders', 'raiders', 'extremists', 'assailants', 'bandits', 'pirates', 'navy', 'leader',
  'leaders', 'corps', 'legion', 'command', 'staff', 'service', 'office', 'agency', 'observatory', 'monitor', 'statement',
];
const PREPOSITIONS = new Set(['in', 'of', 'on', 'into', 'from', 'near', 'at', 'against', 'with', 'by', 'for', 'to', 'over', 'across', 'outside', 'inside', 'around', 'towards', 'toward', 'through', 'throughout', 'within', 'between', 'amid', 'amidst', 'behind', 'about', 'via', 'under', 'during', 'including']);
const LOCATION_PREPS = new Set(['in', 'near', 'at', 'into', 'outside', 'across', 'over', 'on', 'through', 'beyond', 'past', 'off', 'behind', 'around', 'inside', 'within', 'throughout', 'to', 'towards', 'toward', 'onto', 'off', 'along', 'north', 'south', 'east', 'west']);
const SUPPORT_VERBS = new Set(['launch', 'carry', 'conduct', 'stage', 'mount', 'make', 'continue', 'intensify', 'step', 'begin', 'start', 'unleash', 'resume', 'undertake', 'perform', 'claim', 'report', 'announce', 'hold']);
const SPEECH = new Set(['say', 'said', 'tell', 'told', 'report', 'reported', 'announce', 'announced', 'claim', 'claimed', 'state', 'stated', 'confirm', 'confirmed', 'allege', 'alleged', 'assert', 'insist', 'add', 'added', 'write', 'wrote', 'post', 'posted', 'publish', 'published', 'deny', 'denied', 'accuse', 'accused', 'warn', 'warned', 'clarify', 'clarified']);
const CLAIM_CUES = new Set(['claim', 'claimed', 'claiming', 'claims', 'allege', 'alleged', 'alleging', 'assert', 'asserted', 'asserting']);
const DENY_CUES = new Set(['deny', 'denied', 'denies', 'denying', 'refute', 'refuted', 'dismiss', 'dismissed']);
const ATTEMPT_CUES = new Set(['thwart', 'thwarted', 'foil', 'foiled', 'repel', 'repelled', 'repelling', 'repulse', 'repulsed', 'prevent', 'prevented', 'avert', 'averted', 'attempt', 'attempted', 'try', 'tried', 'fail', 'failed', 'unsuccessful', 'abortive', 'foiling', 'thwarting']);
const HYPOTHETICAL_CUES = new Set(['could', 'would', 'may', 'might', 'will', 'shall', "'ll", 'threaten', 'threatened', 'threatens', 'threatening', 'plan', 'plans', 'planned', 'planning', 'vow', 'vowed', 'intend', 'intends', 'prepare', 'prepares', 'preparing', 'if', 'possible', 'potential', 'threat', 'risk', 'imminent', 'expected', 'warn', 'warned']);
const NEGATION = new Set(['not', "n't", 'never', 'no']);
const ANAPHORIC = new Set(['the', 'these', 'this', 'those', 'that', 'such', 'its', 'their', 'ensuing', 'subsequent', 'latest', 'same']);
const VIOLENT: EventType[] = ['ATTACK', 'CLASH', 'INCURSION', 'AIRSTRIKE', 'DRONE_STRIKE', 'SHELLING', 'EXPLOSION', 'DESTRUCTION', 'SEIZE', 'CRASH'];
const AID_WORDS = new Set(['aid', 'assistance', 'supplies', 'supply', 'food', 'fuel', 'medicine', 'medicines', 'weapons', 'arms', 'ammunition', 'munitions', 'shells', 'equipment', 'package', 'humanitarian', 'military', 'vehicles', 'missiles', 'rockets', 'drones', 'jets', 'tanks']);
const SETTLEMENT_WORDS = new Set(['village', 'villages', 'town', 'towns', 'city', 'cities', 'settlement', 'settlements', 'position', 'positions', 'territory', 'territories', 'hill', 'district', 'neighbourhood', 'neighborhood', 'area', 'areas', 'region', 'bridgehead', 'stronghold', 'base', 'outpost', 'airport', 'airfield', 'port', 'capital', 'province', 'oblast', 'border', 'crossing', 'trenches', 'trench', 'outskirts', 'suburbs', 'centre', 'center', 'edge', 'heart', 'streets']);
/** "the village of X", "for control of X", "pulled out of X": an "of" that locates */
const OF_PLACE = /^(villages?|towns?|city|cities|settlements?|regions?|provinces?|districts?|neighbou?rhoods?|outskirts|suburbs|centre|center|control|out|north|south|east|west|heart|parts?|areas?|territory|streets)$/;
const CASUALTY_WORDS: Array<[RegExp, keyof Casualties]> = [
  [/^(kill|killed|killing|dead|die|died|dying|death|deaths|slain|massacre|massacred|fatalities|toll|executed|lifeless)$/, 'killed'],
  [/^(wound|wounded|wounding|injure|injured|injuring|injury|injuries|hurt|maimed)$/, 'injured'],
  [/^(capture|captured|capturing|captive|captives|prisoner|prisoners|pow|pows|abduct|abducted|abducting|kidnap|kidnapped|kidnapping|hostage|hostages|seized)$/, 'captured'],
];
/** First words of trigger phrases that make the phrase a verb: "shot dead", "set fire", "took control". */
const VERBAL_PHRASE_HEADS = new Set(['shoot', 'shot', 'set', 'blow', 'blew', 'take', 'took', 'taken', 'fall', 'fell', 'open', 'pull', 'push', 'cross', 'knock', 'wipe', 'burn', 'burnt', 'gun', 'round', 'exchange', 'fire', 'carry', 'launch', 'reach', 'strike', 'struck', 'sign', 'call', 'claim', 'gain', 'seize', 'seized', 'crash-land']);
const STRIKE_TYPES: EventType[] = ['ATTACK', 'AIRSTRIKE', 'DRONE_STRIKE', 'SHELLING'];
const CONTINUATION = /^(this|these|that|those|it|they)\s+(included|includes|include|comprised|involved)\b/i;

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
  private speakerEntities = new Map<string, string>();

  constructor(
    private doc: Doc,
    private know: Knowledge,
    private index: TriggerIndex,
    private actorNouns: Set<string>,
  ) {}

  sentence(s: number): void {
    const doc = this.doc;
    const toks = doc.sentenceTokens(s);
    const phrases = sentencePhrases(doc, s, toks, { actorNouns: this.actorNouns, people: this.know.people });
    const sentenceText = doc.text.slice(doc.sentences[s]!.start, doc.sentences[s]!.end);
    const hits = this.index.find(toks);
    const made: Draft[] = [];
    this.retold = [];
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
    const casualties = this.casualties(toks, phrases);
    const primary = kept.find((d) => d.event.type !== 'STATEMENT' && d.event.type !== 'AGREEMENT' && d.event.type !== 'SUPPLY');
    if (primary) {
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
        const subject = this.subjectBefore(toks, np, support);
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
        const speaker = this.subjectBefore(toks, np, pronoun - 1);
        if (speaker && agentLike(speaker)) agent = speaker;
      }
    }
    if (!agent && !isNoun && !passive) {
      const subject = this.subjectBefore(toks, np, hit.first);
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
      const subject = this.subjectBefore(toks, np, hit.first);
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
    for (const q of doc.quantities) {
      if (args.some((a) => (a.role === 'target' || a.role === 'instrument' || a.role === 'agent') && q.start <= a.end && q.end >= a.start)) {
        args.push({ role: 'quantity', ...doc.mention(q.start, q.end), ref: q.id });
      }
    }
    if (type === 'STATEMENT' && !agent) {
      const speaker = [...left].reverse().find((p) => bare(p) && agentLike(p));
      if (speaker) arg('agent', speaker);
    }
    const { modality, source } = this.modality(type, hit, toks, phrases, args);
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

  /** The subject of the verb at token k: skip auxiliaries, adverbs and control verbs ("denied shelling", "threatened to attack"). */
  private subjectBefore(toks: Token[], np: NounPhraseContext, k: number): Phrase | null {
    let i = k - 1;
    while (i >= 0) {
      const t = toks[i]!;
      if (['AUX', 'ADV', 'PART'].includes(t.pos) || /^(had|has|have|was|were|is|are|been|be|to|not|n't|also|reportedly|allegedly|then|later|again|could|would|may|might|will)$/.test(t.lower)) i--;
      else if (t.pos === 'VERB' && /^(deny|threaten|vow|try|attempt|continue|begin|start|plan|refuse|fail|claim|appear|seem|prepare|resume|intend|need|want|agree|decide|manage|tend)$/.test(t.lemma)) i--;
      else break;
    }
    if (i < 0 || toks[i]!.text === ',' ) return null;
    const p = npLeft(toks, np, i);
    if (!p) return null;
    const prep = toks[p.first - 1]?.lower ?? '';
    if (PREPOSITIONS.has(prep)) {
      // "the defence ministry in Berlin said": the speaker stands before the place
      if (!/^(in|at|from|of|for)$/.test(prep) || p.first < 2) return null;
      const head = npLeft(toks, np, p.first - 2);
      return head && !PREPOSITIONS.has(toks[head.first - 1]?.lower ?? '') ? head : null;
    }
    return p;
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

  private modality(type: EventType, hit: TriggerHit, toks: Token[], phrases: Phrase[], args: EventArg[]): { modality: Modality; source: string | null } {
    const before = toks.slice(0, hit.first);
    const near = toks.slice(Math.max(0, hit.first - 5), hit.first).map((t) => t.lower);
    const after = toks.slice(hit.last + 1, hit.last + 4).map((t) => t.lower);
    let modality: Modality = 'asserted';
    const source = this.claimant(type, hit, toks, phrases, args);
    if (type !== 'STATEMENT') {
      if (before.some((t) => DENY_CUES.has(t.lower)) || near.slice(-3).some((w) => NEGATION.has(w))) modality = 'negated';
      else if (near.some((w) => ATTEMPT_CUES.has(w)) || after.some((w) => /^(thwarted|foiled|repelled|repulsed|prevented|failed)$/.test(w))) modality = 'attempted';
      else if (near.some((w) => HYPOTHETICAL_CUES.has(w))) modality = 'hypothetical';
      else if (this.claimed(hit, toks)) modality = 'claimed';
    }
    return { modality, source };
  }

  /** "claiming the capture", "claims of repelling", "said it had destroyed", "reported engaging" */
  private claimed(hit: TriggerHit, toks: Token[]): boolean {
    for (let i = hit.first - 1; i >= 0; i--) {
      const w = toks[i]!;
      if (CLAIM_CUES.has(w.lower)) return true;
      // "X reported engaging Russian forces and destroying military assets"
      if ((w.lemma === 'report' || w.lower === 'reported' || w.lemma === 'boast') && toks[i + 1]?.lower.endsWith('ing') && toks[hit.first]!.lower.endsWith('ing')) return true;
      // "said it had destroyed", "said its forces had captured"
      if (SPEECH.has(w.lower) && /^(it|they|its|their|we|our)$/.test(toks[i + 1]?.lower ?? '') && toks.slice(i + 2, i + 5).some((x) => /^(had|has|have)$/.test(x.lower))) return true;
    }
    return false;
  }

  /** Who says so: "according to X", "X said", "said X", "released by X", "X's claims". */
  private claimant(type: EventType, hit: TriggerHit, toks: Token[], phrases: Phrase[], args: EventArg[]): string | null {
    const np: NounPhraseContext = { phrases, actorNouns: this.actorNouns, people: this.know.people };
    const speaker = (p: Phrase | null | undefined) => (p && p.kind !== 'date' && p.kind !== 'equipment' && !(p.kind === 'place' && p.entityType !== 'GPE') ? p : undefined);
    const according = toks.findIndex((t, i) => t.lower === 'according' && toks[i + 1]?.lower === 'to');
    if (according >= 0) {
      const p = speaker(npRight(toks, np, according + 2));
      if (p) return this.speakerEntity(p);
    }
    const by = toks.findIndex((t, i) => /^(released|published|circulated|posted|issued|shared|distributed)$/.test(t.lower) && toks[i + 1]?.lower === 'by');
    if (by >= 0) {
      const p = speaker(npRight(toks, np, by + 2));
      if (p) return this.speakerEntity(p);
    }
    const claimsOf = phrases.find((p) => speaker(p) && p.kind === 'actor' && /^'s$/.test(toks[p.last + 1]?.lower ?? '') && /^(claims?|allegations?|statement|report)$/.test(toks[p.last + 2]?.lower ?? ''));
    if (claimsOf && claimsOf.last < hit.first) return this.speakerEntity(claimsOf);
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i]!;
      if ((!SPEECH.has(t.lower) && !SPEECH.has(t.lemma)) || i === hit.first || (t.pos !== 'VERB' && t.pos !== 'AUX')) continue;
      if (type === 'STATEMENT' && DENY_CUES.has(t.lower)) continue;
      // "…, the regional governor said." / "X said its forces had …"
      const subject = speaker(this.subjectBefore(toks, np, i));
      // a speaker is someone: "Fighting was reported" names no one
      const before = subject ? toks[subject.first - 1]?.lower : undefined;
      const comma = before === ',' || (/^(the|a|an)$/.test(before ?? '') && toks[subject!.first - 2]?.text === ',');
      const attribution = !!subject && subject.first > hit.last && comma; // "…, activists said", "…, a doctors' committee said"
      if (subject && (subject.kind !== 'other' || attribution || this.know.speakers.has(toks[subject.last]!.lower) || (toks[subject.last]!.pos === 'PROPN' && subject.first > 0))) return this.speakerEntity(subject);
      // "said the governor"
      if (i > hit.last) {
        const inverted = speaker(npRight(toks, np, i + 1));
        const person = inverted && (inverted.kind === 'actor' || inverted.kind === 'people' || this.know.speakers.has(toks[inverted.last]!.lower));
        if (inverted && person && toks[inverted.last + 1]?.lower !== 'that') return this.speakerEntity(inverted);
      }
      // "the Russian Volunteer Corps made an announcement …, claiming …": the sentence's subject
      if (/ing$/.test(t.lower) && toks[i - 1]?.text === ',') {
        const subj = phrases.find((p) => (p.kind === 'actor' || p.kind === 'place') && (p.first === 0 || !PREPOSITIONS.has(toks[p.first - 1]!.lower)) && p.last < i);
        if (subj) return this.speakerEntity(subj);
      }
    }
    if (type === 'STATEMENT') {
      const agent = args.find((a) => a.role === 'agent');
      if (agent) {
        const p = phrases.find((q) => q.start === agent.start) ?? npRight(toks, np, toks.findIndex((t) => t.start === agent.start));
        if (p) return this.speakerEntity(p);
      }
    }
    return null;
  }

  /** The claimant as an entity: the one mentioned, or a new one for a description ("the regional governor"). */
  private speakerEntity(p: Phrase): string {
    if (p.ref && p.kind !== 'people' && this.doc.entities.some((e) => e.id === p.ref && e.mentions.some((m) => m.start === p.start && m.end === p.end))) return p.ref;
    if (p.ref && p.kind === 'actor' && p.entityType !== 'NORP' && p.entityType !== null) return p.ref;
    const text = this.doc.text.slice(p.start, p.end);
    const name = text.replace(/^(the|a|an)\s+/i, '');
    const key = name.toLowerCase();
    const known = this.speakerEntities.get(key);
    const mention = this.doc.mention(p.start, p.end);
    if (known) {
      const entity = this.doc.entities.find((e) => e.id === known)!;
      if (!entity.mentions.some((m) => m.start === mention.start)) entity.mentions.push(mention);
      return known;
    }
    const head = key.split(/\s+/).pop() ?? '';
    const personal = /^(governor|spokesman|spokeswoman|spokesperson|commander|commander-in-chief|mayor|president|minister|leader|official|witness|resident|doctor|medic|chief|head|activist|source|analyst|expert|journalist|reporter|lawmaker|envoy|ambassador|general|colonel|officer|prosecutor)$/.test(head);
    const id = `e${this.doc.entities.length + 1}`;
    this.doc.entities.push({ id, type: personal ? 'PERSON' : 'ORG', name, mentions: [mention], kb: { description: true } });
    this.speakerEntities.set(key, id);
    return id;
  }

  /** Numbers of people killed, injured and captured in a sentence. */
  private casualties(toks: Token[], phrases: Phrase[]): Casualties {
    const out: Casualties = { killed: null, injured: null, captured: null };
    const counts: Array<{ first: number; last: number; value: number }> = [];
    for (const p of phrases) {
      if (p.kind !== 'people' || !p.quantity) continue;
      const q = this.doc.quantities.find((x) => x.id === p.quantity);
      if (q && q.value !== null && Number.isInteger(q.value)) counts.push({ first: p.first, last: p.last, value: q.value });
    }
    // "killed a Palestinian man": one person
    for (let i = 0; i < toks.length; i++) {
      if (!/^(a|an|one)$/.test(toks[i]!.lower)) continue;
      let k = i + 1;
      while (k < toks.length && k <= i + 3 && !this.know.people.has(toks[k]!.lower) && (toks[k]!.pos === 'ADJ' || toks[k]!.pos === 'PROPN' || toks[k]!.pos === 'NOUN')) k++;
      const head = toks[k];
      if (head && this.know.people.has(head.lower) && !/s$/.test(head.lower)) counts.push({ first: i, last: k, value: 1 });
    }
    // bare numbers after a casualty verb: "killing two", "wounding at least 12"
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i]!;
      if (counts.some((c) => c.first <= i && c.last >= i)) continue;
      if (t.pos !== 'NUM' && !/^\d[\d,]*$/.test(t.text)) continue;
      if (this.doc.entities.some((e) => e.type === 'DATE' && e.mentions.some((m) => m.start <= t.start && m.end >= t.end))) continue;
      const value = Number(t.text.replace(/,/g, '')) || WORD_NUMBERS[t.lower];
      if (!value) continue;
      const prev = toks[i - 1]?.lower ?? '';
      const next = toks[i + 1]?.lower ?? '';
      if (/^(kill|killed|killing|wounding|injuring|wounded|injured|to|least|than|about|nearly)$/.test(prev) || /^(dead|killed|wounded|injured|died|people|others)$/.test(next)) {
        counts.push({ first: i, last: i, value });
      }
    }
    for (const c of counts) {
      let best: { d: number; key: keyof Casualties } | null = null;
      for (let i = Math.max(0, c.first - 4); i <= Math.min(toks.length - 1, c.last + 4); i++) {
        if (i >= c.first && i <= c.last) continue;
        const w = toks[i]!.lower;
        for (const [re, key] of CASUALTY_WORDS) {
          if (!re.test(w)) continue;
          const d = i < c.first ? c.first - i : i - c.last;
          if (!best || d < best.d) best = { d, key };
        }
      }
      if (best && out[best.key] === null) out[best.key] = c.value;
    }
    return out;
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

const WORD_NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30,
  forty: 40, fifty: 50, hundred: 100, dozens: 24, dozen: 12, hundreds: 200,
};

/** Asides that hold no subject of the main verb: ", including A and B," ", which …," */
function parentheticals(toks: Token[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i < toks.length; i++) {
    if (toks[i]!.text !== ',' || !/^(including|such|among|which|who|whose|like|notably|especially|particularly|namely)$/.test(toks[i + 1]?.lower ?? '')) continue;
    const close = toks.findIndex((t, k) => k > i + 1 && t.text === ',');
    if (close > 0) out.push([i, close]);
  }
  return out;
}

function lastIndex(toks: Token[], before: number, test: (t: Token) => boolean): number {
  for (let i = before - 1; i >= 0; i--) if (test(toks[i]!)) return i;
  return -1;
}

function nextIndex(toks: Token[], after: number, test: (t: Token) => boolean): number {
  for (let i = after + 1; i < toks.length; i++) if (test(toks[i]!)) return i;
  return toks.length;
}
