// Modality and claimants: whether an event is asserted, claimed, attempted, negated or
// hypothetical ("thwarted", "denied", "could", "claimed", "said it had"), and who says so
// ("according to X", "X said", "said X", "released by X", "X's claims"). A claimant the
// article describes rather than names ("the regional governor") becomes an entity.
import type { Doc, EventArg, EventType, Modality, Token } from '../../doc.js';
import type { Knowledge } from '../entities/knowledge.js';
import { NEGATION, PREPOSITIONS, negatedBefore, type EventCues } from './cues.js';
import { npRight, subjectBefore, type NounPhraseContext } from './noun-phrase.js';
import type { Phrase } from './phrases.js';
import type { DocIndex } from './doc-index.js';
import type { TriggerHit } from './triggers.js';
import { isMonthMay } from '../../text.js';
import { attributionFrame } from '../../models/events/features.js';

/** Lower-case words after a name that describe what it is: "news agency", "state broadcaster". */
const DESCRIBING_WORDS = /^(?:\s+\p{Ll}[\p{Ll}-]*)+$/u;

/**
 * "in the strongest possible terms", "as soon as possible": "possible" after a superlative or in
 * "as … as possible" says how much, not that something may happen, so it is no cue of a
 * hypothetical event.
 */
function intensifier(words: readonly string[], k: number): boolean {
  const prev = words[k - 1] ?? '';
  return words[k] === 'possible' && (SUPERLATIVE.test(prev) || words[k - 2] === 'as');
}
const WH_WORDS = /^(who|what|whether|how|why|which|where|when)$/;
const SUPERLATIVE = /^(most|least|best|worst|utmost|\w{3,}est)$/;

/**
 * "a full-scale offensive on Idlib would trigger a new wave of refugees": an indefinite event
 * noun that is the subject of a modal is a possibility, not a deed. The first verb after the
 * noun (past the words that qualify it) decides.
 */
function modalAfterSubject(hit: TriggerHit, toks: Token[]): boolean {
  // wink tags "offensive" ADJ even where it is the noun ("a full-scale offensive on Idlib")
  const last = toks[hit.last]!;
  if (last.pos !== 'NOUN' && !(last.pos === 'ADJ' && !['NOUN', 'PROPN'].includes(toks[hit.last + 1]?.pos ?? ''))) return false;
  // "the attack will be investigated" tells of an attack known to have happened
  let start = hit.first - 1;
  while (start >= 0 && (['ADJ', 'NOUN', 'PROPN'].includes(toks[start]!.pos) || toks[start]!.text === '-')) start--;
  if (!/^(a|an|any)$/.test(toks[start]?.lower ?? '')) return false;
  for (let i = hit.last + 1; i < toks.length && i <= hit.last + 8; i++) {
    const t = toks[i]!;
    if (/^[,;:.]$/.test(t.text)) return false;
    if (t.pos === 'AUX' || t.pos === 'VERB') return SUBJECT_MODALS.test(t.lower) && !isMonthMay(t);
  }
  return false;
}
const SUBJECT_MODALS = /^(would|could|might|may|will|'ll|shall)$/;

/**
 * "vowed to continue fighting until the group is destroyed": a deed in the present tense after
 * "until" has not happened yet ("fought until the town was destroyed" has).
 */
function untilNow(hit: TriggerHit, toks: Token[]): boolean {
  for (let i = hit.first - 1; i >= 0 && i >= hit.first - 6; i--) {
    if (toks[i]!.lower === 'until') return toks.slice(i + 1, hit.first).some((t) => /^(is|are|has|have|'s|'re)$/.test(t.lower));
    if (/^[,;:.]$/.test(toks[i]!.text)) return false;
  }
  return false;
}

/**
 * "claims of repelling the incursions and inflicting heavy losses": a verb of thwarting with its
 * own object ends at "and"; the deed after it is done beside the thwarting, not thwarted. One
 * before "to" governs what follows ("tried to storm and seize the town").
 */
function doneBeside(near: readonly string[], k: number): boolean {
  return near[k + 1] !== 'to' && near.slice(k + 1).includes('and');
}

/** "called for a ceasefire", "appealing for an immediate halt to the strikes": what is asked for is not yet done, as what is demanded. */
function askedFor(hit: TriggerHit, toks: Token[]): boolean {
  let i = hit.first - 1;
  // ("called for three days of massive, nationwide protests": past a span of days and a list of adjectives)
  while (i > 0 && (/^(DET|ADJ|ADV|NUM)$/.test(toks[i]!.pos) || toks[i]!.text === ',' || SPAN_UNIT.test(toks[i]!.lower) || (toks[i]!.lower === 'of' && SPAN_UNIT.test(toks[i - 1]?.lower ?? '')))) i--;
  return toks[i]?.lower === 'for' && CALL_FOR.test(toks[i - 1]?.lower ?? '');
}
const DESPITE_REPORTS = /\bdespite (?:\w+ )?(reports|claims|rumou?rs|speculation)\b/;
const SEEKING = /^(trying|tried|tries|seeking|sought|attempting|attempted|hoping|struggling|working|pushing)$/;
const AVERTING = /^(avert|averted|averting|avoid|avoided|avoiding|prevent|prevented|preventing|thwart|thwarted|foil|foiled|forestall|forestalled)$/;
/** Where the noun phrase a noun trigger ends begins: past its determiner, adjectives, modifiers and hyphens (a verb trigger: itself). */
function nounPhraseStart(toks: Token[], first: number): number {
  if (toks[first]!.pos !== 'NOUN' && toks[first]!.pos !== 'ADJ') return first; // (wink tags "offensive" an adjective)
  let i = first;
  while (i > 0 && i > first - 6 && (/^(DET|ADJ|NOUN|PROPN|NUM)$/.test(toks[i - 1]!.pos) || toks[i - 1]!.text === '-') && !/^(and|or)$/.test(toks[i - 1]!.lower)) i--;
  return i;
}
const SPAN_UNIT = /^(days?|weeks?|hours?|nights?)$/;
/**
 * "negotiating with the United States over a withdrawal of American troops", "talks on a
 * ceasefire", "negotiating a prisoner exchange": what is being negotiated is not yet done ("they
 * negotiated a ceasefire", in the past, agreed it). Only deals, withdrawals and deliveries are
 * negotiated: "talks about the attack" are about one that took place.
 */
function underNegotiation(hit: TriggerHit, toks: Token[]): boolean {
  let i = hit.first - 1;
  while (i > 0 && /^(DET|ADJ|NUM)$/.test(toks[i]!.pos)) i--;
  if (NEGOTIATING.test(toks[i]?.lower ?? '')) return true;
  if (!/^(over|on|about|for|towards?)$/.test(toks[i]?.lower ?? '')) return false;
  return toks.slice(Math.max(0, i - 6), i).some((t) => NEGOTIATING.test(t.lower));
}
const NEGOTIATED: ReadonlySet<EventType> = new Set(['AGREEMENT', 'WITHDRAWAL', 'SUPPLY']);
const NEGOTIATING = /^(negotiating|negotiate|negotiations?|talks|discussing|discussions?)$/;

const CALL_FOR = /^(call|calls|called|calling|appeal|appeals|appealed|appealing|push|pushed|pushing|press|pressed|pressing)$/;

/**
 * "Two men were shot on Friday, police said", "officials said troops shelled the town",
 * "according to the ministry, …": a deed told inside what someone says is that party's claim,
 * not the article's own statement (RECORD's `claimed`; the hand labels' guideline reads the
 * grammar, not the trust one may have in the source). The frame is the one the event
 * classifier reads (`attributionFrame`): the reporting verb before the trigger, or after it
 * beyond a comma; or the trigger is inside a quotation. Not a deed the sentence presupposes: a
 * definite or possessed noun ("the shooting, police said", "Williams' arrest") or a relative
 * clause that describes someone ("the driver, who was arrested afterwards, had blacked out").
 * A clause of time is part of what is said: "killed 40 people when its fighters attacked a
 * camp, activists said" is the activists' account of the attack too.
 */
function saidBySomeone(hit: TriggerHit, toks: Token[]): boolean {
  const frame = attributionFrame(toks, hit.first, hit.last);
  if ((frame === 'none' || frame === 'subject') && !quoted(hit, toks)) return false;
  return !presupposed(hit, toks) && !inRelativeClause(hit, toks);
}

/**
 * Whether the trigger stands inside a quotation: an odd number of quotation marks opens before
 * it in its sentence, or none does and an odd number closes after it (a quotation begun in an
 * earlier sentence: "… some very seriously injured.\"").
 */
function quoted(hit: TriggerHit, toks: Token[]): boolean {
  const marks = (from: number, to: number) => toks.slice(from, to).filter((t) => QUOTE_MARK.test(t.text)).length;
  const before = marks(0, hit.first);
  return before % 2 === 1 || (before === 0 && marks(hit.last + 1, toks.length) % 2 === 1);
}
const QUOTE_MARK = /^["“”]$/;

const DEFINITE = /^(the|this|these|those|its|his|her|their|our|my|your|'s|’s|')$/;

/**
 * "the shooting", "last night's attack", "Williams' arrest", "the ensuing capture": a noun phrase
 * that names a deed as known, with a determiner or possessive before its modifiers. wink tags
 * some such nouns VERB ("the ensuing capture", "the police shooting"), so a verb's tag, but for
 * a gerund's, counts only where a noun stands before it ("the troops attacked").
 */
function presupposed(hit: TriggerHit, toks: Token[]): boolean {
  // a gerund reads as the noun it is after a determiner ("the police shooting")
  const verb = toks[hit.first]!.pos === 'VERB' && !/ing$/.test(toks[hit.first]!.lower);
  for (let i = hit.first - 1; i >= 0; i--) {
    const w = toks[i]!;
    if (DEFINITE.test(w.lower)) return true;
    if (w.pos === 'ADJ' || w.pos === 'NUM' || w.pos === 'ADV') continue;
    if ((w.pos === 'NOUN' || w.pos === 'PROPN') && !verb) continue;
    // "the ensuing capture", "the attempted kidnapping": a participle right after the determiner
    if (w.pos === 'VERB' && /(ing|ed)$/.test(w.lower) && DEFINITE.test(toks[i - 1]?.lower ?? '')) continue;
    return false;
  }
  return false;
}

/**
 * "who was arrested", "which was shelled": a relative clause within its clause. (Clauses of time,
 * "when he was shot", "after they stormed", were left out too until the ninth session's
 * cross-validation: with them left in, modality accuracy rose from 0.807 to 0.816 and no data
 * set lost, docs/EVALUATION.md.)
 */
function inRelativeClause(hit: TriggerHit, toks: Token[]): boolean {
  for (let i = hit.first - 1; i >= 0 && i >= hit.first - 5; i--) {
    if (/^[,;:.()"“”—–-]$/.test(toks[i]!.text)) return false;
    if (RELATIVE.test(toks[i]!.lower)) return true;
  }
  return false;
}
const RELATIVE = /^(who|whom|whose|which)$/;

/** What may follow the speaker of an inverted attribution: the sentence's end, a comma, a quotation mark, a time or place ("said the governor on Sunday"). */
const INVERTED_END = /^([,.;:!?"”)]|on|in|at|late|earlier|today|yesterday|tonight|overnight|according)$/;

export class Claims {
  private speakerEntities = new Map<string, string>();

  constructor(
    private doc: Doc,
    private know: Knowledge,
    private cues: EventCues,
    private index?: DocIndex,
  ) {}

  modality(type: EventType, hit: TriggerHit, toks: Token[], phrases: Phrase[], args: EventArg[]): { modality: Modality; source: string | null } {
    const before = toks.slice(0, hit.first);
    const near = toks.slice(Math.max(0, hit.first - 5), hit.first).map((t) => (isMonthMay(t) ? '' : t.lower));
    // the verb that governs the trigger's noun phrase, however long ("to avert a full-scale regime offensive")
    const npStart = nounPhraseStart(toks, hit.first);
    const governor = toks[npStart - 1]?.lower ?? '';
    // "mediators have been trying to broker a ceasefire": a deal sought, not yet made
    const sought = NEGOTIATED.has(type) && /^(broker|negotiate|secure|reach|achieve|clinch|strike)$/.test(governor) && toks[npStart - 2]?.lower === 'to' && SEEKING.test(toks[npStart - 3]?.lower ?? '');
    const after = toks.slice(hit.last + 1, hit.last + 4).map((t) => t.lower);
    let modality: Modality = 'asserted';
    const source = this.claimant(type, hit, toks, phrases, args);
    // "despite earlier reports that he had been killed, the commander appeared …": what the reports said did not happen
    if (type !== 'STATEMENT' && DESPITE_REPORTS.test(before.map((t) => t.lower).join(' '))) modality = 'negated';
    else if (type !== 'STATEMENT') {
      // "denied that its jets had struck": a party says it did not happen; "did not strike": the article says so
      // (a denial's reach ends at a verb of saying after it, "denied that officers fired and said
      // 105 were arrested", and at a verb it is coordinated with, "denied any involvement and
      // condemned the attack")
      if (before.some((t, k) => this.cues.deny.has(t.lower) && !negatedBefore(before, k) && !before.slice(k + 1).some((w, j, rest) => (w.pos === 'VERB' && this.cues.speech.has(w.lower) && !this.cues.deny.has(w.lower)) || (w.lower === 'and' && rest[j + 1]?.pos === 'VERB')))) modality = 'denied';
      // ("it was not clear who launched the drone": a question of who, not a denial of the deed)
      else if (near.slice(-3).some((w, k, three) => NEGATION.has(w) && !three.slice(k + 1).some((x) => WH_WORDS.test(x)))) modality = 'negated';
      else if (near.some((w, k) => this.cues.attempt.has(w) && !doneBeside(near, k)) || AVERTING.test(governor) || sought || after.some((w) => /^(thwarted|foiled|repelled|repulsed|prevented|failed)$/.test(w))) modality = 'attempted';
      // a plan, threat or promise puts it ahead, which the guideline ranks before a condition ("vowed to retake the town")
      else if (near.some((w, k) => this.cues.future.has(w) && !intensifier(near, k))) modality = 'future';
      else if (near.some((w, k) => this.cues.hypothetical.has(w) && !intensifier(near, k)) || askedFor(hit, toks) || (NEGOTIATED.has(type) && underNegotiation(hit, toks)) || modalAfterSubject(hit, toks) || untilNow(hit, toks)) modality = 'hypothetical';
      // "a strike expected within days": the participle after an event noun puts it ahead
      else if (this.cues.plannedAfter.has(after[0] ?? '') && toks[hit.last]!.pos === 'NOUN') modality = 'future';
      else if (this.claimed(hit, toks) || saidBySomeone(hit, toks) || this.speakerLabel(hit, toks)) modality = 'claimed';
    } else if (negatedBefore(toks, hit.first)) {
      // "No group has claimed responsibility", "the army did not comment": no statement made
      modality = 'negated';
    }
    return { modality, source };
  }

  /**
   * "Police: Man shoots at officers at mall", "Sheriff: Step-father shoots, kills stepson": a
   * headline's label before a colon that names who says it (an actor noun, not a place: "Syria:
   * Airstrikes kill 20" is the article's own).
   */
  private speakerLabel(hit: TriggerHit, toks: Token[]): boolean {
    const colon = toks.slice(0, 4).findIndex((t) => t.text === ':');
    if (colon < 1 || colon > hit.first) return false;
    return toks.slice(0, colon).some((t) => this.cues.actorNouns.has(t.lower));
  }

  /** "claiming the capture", "claims of repelling", "said it had destroyed", "reported engaging" */
  private claimed(hit: TriggerHit, toks: Token[]): boolean {
    for (let i = hit.first - 1; i >= 0; i--) {
      const w = toks[i]!;
      // "alleged" before a noun qualifies that noun ("the alleged attack"), not the whole sentence
      // ("an alleged Mafia boss … hanged himself hours after his arrest"); "allegedly tried to
      // kill … by shooting" hedges its clause
      // ("No group has claimed the attack": a claim no one made)
      if (this.cues.claim.has(w.lower) && !(w.lower === 'alleged' && /^(NOUN|PROPN|ADJ)$/.test(toks[i + 1]?.pos ?? '') && i < hit.first - 3) && !negatedBefore(toks, i)) return true;
      // "X reported engaging Russian forces and destroying military assets"
      if ((w.lemma === 'report' || w.lower === 'reported' || w.lemma === 'boast') && toks[i + 1]?.lower.endsWith('ing') && toks[hit.first]!.lower.endsWith('ing')) return true;
      // "said it had destroyed", "said its forces had captured", "said in a statement that it had liberated"
      if (this.cues.speech.has(w.lower)) {
        let k = i + 1;
        // ("said on Sunday it had", "said in a statement that it had")
        if (/^(in|on|via)$/.test(toks[k]?.lower ?? '')) while (k < hit.first && k <= i + 6 && !/^(that|it|they|we)$/.test(toks[k]!.lower)) k++;
        if (toks[k]?.lower === 'that') k++;
        if (/^(it|they|its|their|we|our)$/.test(toks[k]?.lower ?? '') && toks.slice(k + 1, k + 4).some((x) => /^(had|has|have)$/.test(x.lower))) return true;
      }
    }
    return false;
  }

  /** Who says so: "according to X", "X said", "said X", "released by X", "X's claims". */
  private claimant(type: EventType, hit: TriggerHit, toks: Token[], phrases: Phrase[], args: EventArg[]): string | null {
    const np: NounPhraseContext = { phrases, actorNouns: this.cues.actorNouns, people: this.know.people };
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
      if ((!this.cues.speech.has(t.lower) && !this.cues.speech.has(t.lemma)) || i === hit.first || (t.pos !== 'VERB' && t.pos !== 'AUX')) continue;
      if (type === 'STATEMENT' && this.cues.deny.has(t.lower)) continue;
      // "…, the regional governor said." / "X said its forces had …"
      const subject = speaker(subjectBefore(toks, np, i));
      // a speaker is someone: "Fighting was reported" names no one
      const before = subject ? toks[subject.first - 1]?.lower : undefined;
      const comma = before === ',' || (/^(the|a|an)$/.test(before ?? '') && toks[subject!.first - 2]?.text === ',');
      const attribution = !!subject && subject.first > hit.last && comma; // "…, activists said", "…, a doctors' committee said"
      if (subject && (subject.kind !== 'other' || attribution || this.know.speakers.has(toks[subject.last]!.lower) || (toks[subject.last]!.pos === 'PROPN' && subject.first > 0))) return this.speakerEntity(subject);
      // "said the governor"
      if (i > hit.last) {
        const inverted = speaker(npRight(toks, np, i + 1));
        const person = inverted && (inverted.kind === 'actor' || inverted.kind === 'people' || this.know.speakers.has(toks[inverted.last]!.lower));
        // ("…, said the governor." and "said the governor on Sunday", not "said the government
        // would respond", where the phrase is the subject of what is said)
        if (inverted && person && INVERTED_END.test(toks[inverted.last + 1]?.lower ?? '.')) return this.speakerEntity(inverted);
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
    // "the Xinhua news agency", "the Interfax news agency": the organisation named, described by the words after its name
    const described = this.doc.entities.find((e) => (e.type === 'ORG' || e.type === 'ARMED_GROUP') && !e.kb?.description && e.mentions.some((m) => m.start >= p.start && m.end < p.end && DESCRIBING_WORDS.test(this.doc.text.slice(m.end, p.end))));
    if (described) return described.id;
    const text = this.doc.text.slice(p.start, p.end);
    const name = text.replace(/^(the|a|an)\s+/i, '');
    const key = name.toLowerCase();
    const known = this.speakerEntities.get(key);
    const mention = this.doc.mention(p.start, p.end);
    if (known) {
      const entity = this.doc.entities.find((e) => e.id === known)!;
      if (!entity.mentions.some((m) => m.start === mention.start)) {
        entity.mentions.push(mention);
        this.index?.addMention(entity, mention);
      }
      return known;
    }
    const head = key.split(/\s+/).pop() ?? '';
    const personal = /^(governor|spokesman|spokeswoman|spokesperson|commander|commander-in-chief|mayor|president|minister|leader|official|witness|resident|doctor|medic|chief|head|activist|source|analyst|expert|journalist|reporter|lawmaker|envoy|ambassador|general|colonel|officer|prosecutor)$/.test(head);
    const id = this.doc.newEntityId();
    const entity = { id, type: personal ? 'PERSON' as const : 'ORG' as const, name, mentions: [mention], kb: { description: true } };
    this.doc.entities.push(entity);
    this.index?.addMention(entity, mention);
    this.speakerEntities.set(key, id);
    return id;
  }
}
