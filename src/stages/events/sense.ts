// Sense and occurrence of a trigger: when the event classifier may overrule the rules' reading
// (`overruled`), and what the rules settle whatever the classifier's probabilities are (another
// sense: a death of a natural cause, a scene of sport, `otherSense`; that an event took place:
// `performed`). The classifier's probabilities move each time it is trained on more labels,
// and its rare classes (sport, illness) rest on a handful of examples, so a decision no trained
// weight should turn is made by rule here, and a threshold on a probability is a majority (0.5)
// only where a natural cause follows the trigger, a near-certainty (0.05) elsewhere.
import type { EventType, Token } from '../../doc.js';
import { senseCues } from '../../lexicons/load.js';
import { naturalCueOnly, senseCue, type CandidateContext, type CandidateToken } from '../../models/events/features.js';
import type { EventPrediction } from '../../models/events/model.js';
import type { EventCues } from './cues.js';
import { isPassive, phraseHead } from './candidates.js';
import { stems, type TriggerHit } from './triggers.js';
import { isMonthMay, WEEKDAYS } from '../../text.js';

/**
 * How sure the classifier must be that the candidate is no event to overrule the rules, by the
 * cue of another sense (features.ts senseCue): a natural cause right after the trigger tells
 * the sense as much as the trigger word does, so the classifier's majority decides; a word of
 * sport or illness elsewhere in the sentence or the article ("club", "heart", "penalty",
 * "storm") often has another sense itself, and a scene of sport that names a weapon, an armed
 * force or a casualty may be a real fight ("fans clashed with riot police after the match"),
 * so only a near-certainty overrules there. Without such a cue the classifier does not overrule
 * the rules on sense: it gives clear conflict events of the project's test passages ("fought
 * for control of the region", "delivered two air defence systems") almost no chance
 * (docs/EVALUATION.md).
 */
const SENSE_FLOOR = { cause: 0.5, scene: 0.05, context: 0.05 };

/**
 * Whether the classifier overrules the rules' reading: another sense where the sentence or
 * article gives a cue of one (SENSE_FLOOR), or a confident `generic` (a purpose, a habit, a
 * toll) of a trigger the rules do not know for one deed (`oneDeed`: it took place, `performed`
 * or a definite noun naming again an event told before; `pastOccurrence`; `governedByIntent`).
 */
export function overruled(p: EventPrediction, ctx: CandidateContext, oneDeed: boolean, type: EventType): boolean {
  const cue = senseCue(ctx);
  // a word of cold, illness or storms tells no other sense of a protest ("to demand access to
  // their frozen savings" says nothing of the sit-in)
  const natural = cue !== null && type === 'PROTEST' && naturalCueOnly(ctx);
  return (cue !== null && !natural && p.pEvent < SENSE_FLOOR[cue]) || (p.modality === 'generic' && p.pModality >= 0.5 && !oneDeed);
}

/**
 * How sure the classifier must be that a candidate is no event to overrule the rules' reading
 * where no cue of another sense is written. Chosen on the hand labels' dev chunks (08 and 09),
 * with the coded ACLED notes and the project's news passages as the check that conflict
 * reporting keeps its events (docs/EVALUATION.md): at 0.05 the records' precision there rose
 * from 0.791 to 0.815 for 0.006 of recall, and no note lost its event type.
 */
const NO_EVENT_FLOOR = 0.05;

/**
 * Readings the classifier does not overrule without a cue: protests, statements and
 * agreements. Its training labels come from general news, where a rally is mostly a
 * campaign's, a remark no event and "agree" an opinion, so it gives "several hundred people
 * marched through Garowe", "accused by the anti-graft agency" and "the two sides have agreed to
 * a ceasefire" almost no chance.
 */
const RULES_KEEP: ReadonlySet<EventType> = new Set(['PROTEST', 'STATEMENT', 'AGREEMENT']);

/**
 * Whether the classifier, nearly certain that a candidate with the rules' reading is no event,
 * decides so: "the damage", "she died" of a story about illness, "agree" in an aside. Not where
 * the sentence names a fight (a weapon, an armed group or force, a casualty), which the
 * classifier, trained on little conflict reporting, reads worst; not where the rules have pinned
 * the reading (`pinned`): a lexicon phrase ("exchanged fire"), a deed that took place ("launched
 * an offensive", "these raids" after the raids were told) or that a verb tells in the simple
 * past ("militias looted the shops"), one a threat, plan or demand
 * governs, which the rules' modality keeps out of the ACLED codes, or one beside another
 * trigger of a violent deed ("shelling hit the village", whose place the hit holds); not for
 * `RULES_KEEP`.
 */
export function judgedNoEvent(p: EventPrediction, ctx: CandidateContext, type: EventType, pinned: boolean, cues: Pick<EventCues, 'casualty' | 'armedWord'>): boolean {
  return p.pEvent < NO_EVENT_FLOOR && !pinned && !RULES_KEEP.has(type) && !fightNamed(ctx, cues);
}

/**
 * Another sense the rules settle, whatever the classifier's probabilities: a death of a
 * natural cause (`diedOfNaturalCause`), and a scene of sport (two or more words of sport in the
 * sentence) that names no weapon, armed force or casualty: "the striker scored with a fine
 * strike", "the champion attacked the body in the fourth round". The classifier is no judge of
 * these: trained on four fifths of the same labels it gave that strike 0.90 of being an event,
 * on all of them 0.08. A crash is a crash in a race too (the hand labels count racing crashes).
 * So are a strike or hit by a vehicle or a natural disaster ("struck by a bus", "the earthquake
 * struck"), a man who "barricaded himself inside", "five years in jail", damage to an image or to
 * justice, a death of old age and a computer attack: the classifier, which has seen few of them,
 * calls them events.
 */
export function otherSense(ctx: CandidateContext, type: EventType, cues: Pick<EventCues, 'casualty' | 'armedWord' | 'otherSenses'>): boolean {
  const words = cues.otherSenses;
  if (type === 'KILLING' && (diedOfNaturalCause(ctx, cues.casualty) || diedOfAge(ctx, cues))) return true;
  // "had received 29 bodies and 48 wounded people": a count of the hurt, whose deed is told elsewhere
  if (type === 'KILLING' && /^(wounded|injured)$/.test(ctx.tokens[ctx.first]!.lower) && ctx.first === ctx.last && /^(NOUN|PROPN)$/.test(ctx.tokens[ctx.last + 1]?.pos ?? '') && !/^(by|in|at|when)$/.test(ctx.tokens[ctx.last + 1]!.lower)) return true;
  if (type === 'DESTRUCTION' && (abstractDamage(ctx, words.harmedAbstractions) || words.damageCauses.has(ctx.tokens[ctx.first - 1]?.lower ?? '') && /^damag/.test(ctx.tokens[ctx.first]!.lower))) return true;
  // "attacks that attempt to exploit the vulnerability", "a cyber attack": no attack of the taxonomy
  if (ctx.tokens.some((t, i) => words.computerIntrusion.has(t.lower) && !hackedFlesh(ctx.tokens, i))) return type === 'ATTACK' || type === 'DESTRUCTION' || type === 'SEIZE';
  if ((STRUCK.test(ctx.tokens[ctx.first]!.lower) || (type === 'DESTRUCTION' && /^destroy/.test(ctx.tokens[ctx.first]!.lower))) && ctx.first === ctx.last && (struckByVehicle(ctx, words.vehicles) || natureStruck(ctx) || inDisaster(ctx))) return true;
  // "the earthquake in February, which killed more than 50,000 people": a disaster's dead
  if ((type === 'KILLING' || type === 'DESTRUCTION') && ctx.tokens[ctx.first]!.pos === 'VERB' && natureStruck(ctx)) return true;
  if (type === 'EXPLOSION' && feelingBurst(ctx, words.blastSources)) return true;
  if (firedToDisperse(ctx, words.crowdControl, cues.casualty)) return true;
  if (type === 'DESTRUCTION' && recordsDestroyed(ctx, words.records)) return true;
  // "five years in jail", "jail records" (wink tags "to jail records" a verb): the place, not a jailing ("booked into county jail", "sent him to jail")
  if (type === 'ARREST' && ctx.tokens[ctx.first]!.lower === 'jail' && (ctx.tokens[ctx.first]!.pos !== 'VERB' || ctx.tokens[ctx.last + 1]?.pos === 'NOUN') && !jailing(ctx, words.jailingVerbs)) return true;
  // "Police blocked the street", "troops barricaded the avenue": security closing a road, not a protest
  if (type === 'PROTEST' && /^(block|barricad)/.test(ctx.tokens[ctx.first]!.lower) && ctx.tokens.slice(Math.max(0, ctx.first - 3), ctx.first).some((t) => SECURITY_NOUNS.test(t.lower))) return true;
  if (type === 'ATTACK' && firedFromJob(ctx, cues)) return true;
  // "exchanged heavy gunfire", "traded blows": no exchange of prisoners or of a deal
  if (type === 'AGREEMENT' && ctx.tokens.slice(ctx.last + 1, ctx.last + 4).some((t) => /^(fire|gunfire|shots|blows|shelling|insults|accusations)$/.test(t.lower))) return true;
  // "her heart sank", "the shares sank 5%": only a boat, a ship or a craft sinks or capsizes
  if (type === 'CRASH' && SINKING.test(ctx.tokens[ctx.first]!.lower) && !ctx.tokens.some((t) => VESSELS.test(t.lower))) return true;
  // "the trip took over 100 hours": "over" a number is "more than", no taking over
  if (type === 'SEIZE' && ctx.tokens[ctx.last]!.lower === 'over' && (ctx.tokens[ctx.last + 1]?.pos === 'NUM' || /^\d/.test(ctx.tokens[ctx.last + 1]?.text ?? ''))) return true;
  // "barricaded himself inside the home": a stand-off, not a protest
  if (type === 'PROTEST' && /^barricad/.test(ctx.tokens[ctx.first]!.lower) && /^(himself|herself|themselves|itself|inside|in)$/.test(ctx.tokens[ctx.last + 1]?.lower ?? '')) return true;
  return type !== 'CRASH' && senseCue(ctx) === 'scene' && !fightNamed(ctx, cues);
}

/** Blades, and what they do to bodies: "hacking" beside them is with a machete, not into a computer. */
const BLADE_WORDS = /^(machetes?|knives|knife|axes?|blades?|swords?|cutlass(es)?|hatchets?|death)$/;

/**
 * "hacking and shooting residents in their homes", "hacking them with machetes": a killer's
 * hacking, not a hacker's. "Hacking" beside a blade or "to death", or with a person or another
 * deed right after it, is violence.
 */
function hackedFlesh(tokens: CandidateContext['tokens'], i: number): boolean {
  if (!/^hack(ing|ed)$/.test(tokens[i]!.lower)) return false;
  return tokens.some((t) => BLADE_WORDS.test(t.lower)) || /^(and|at|them|him|her|people|,)$/.test(tokens[i + 1]?.lower ?? '');
}

/**
 * "Police fired tear gas to disperse them", "used water cannon", "fired warning shots", "fired
 * into the air": what police fire at a crowd is no armed attack, unless the sentence tells of
 * someone hurt ("fired rubber bullets, injuring 12 protesters", which stays an attack on the
 * protesters).
 */
function firedToDisperse(ctx: CandidateContext, crowdControl: ReadonlySet<string>, casualty: ReadonlyMap<string, unknown>): boolean {
  const { tokens, first, last } = ctx;
  if (!/^(fire|shoot|use|launch|lob|throw)$/.test(tokens[first]!.lemma)) return false;
  if (tokens.some((t) => casualty.has(t.lower))) return false;
  let i = last + 1;
  while (/^(a|the|some|volleys?|rounds?|canisters?|of)$/.test(tokens[i]?.lower ?? '')) i++;
  // ("fired live rounds into the air": shots at no one)
  const intoTheAir = tokens.slice(last + 1, last + 7).some((t, k, after) => t.lower === 'air' && after[k - 1]?.lower === 'the' && /^(into|in)$/.test(after[k - 2]?.lower ?? ''));
  return crowdControl.has(tokens[i]?.lower ?? '') || intoTheAir;
}

const SINKING = /^(sank|sink|sinks|sinking|sunk|capsize|capsized|capsizes|capsizing)$/;
/** What sinks: vessels and the words reports name them by. */
const VESSELS = /^(ships?|boats?|ferry|ferries|vessels?|dhows?|canoes?|submarines?|warships?|frigates?|tankers?|trawlers?|yachts?|barges?|cruisers?|destroyers?|corvettes?|rafts?|pirogues?|dinghy|dinghies|craft|lifeboats?|steamers?|freighters?|carriers?|flagship|tugs?|speedboats?|migrant)$/;

const SECURITY_NOUNS = /^(police|policemen|officers|troops|soldiers|authorities|deputies|guards|army|military)$/;

/** A verb that puts someone in jail within the six words before the noun: "booked into county jail", "sent him to jail". */
function jailing(ctx: CandidateContext, verbs: ReadonlySet<string>): boolean {
  for (let i = ctx.first - 1; i >= 0 && i >= ctx.first - 6; i--) if (verbs.has(ctx.tokens[i]!.lower)) return true;
  return false;
}

const STRUCK = /^(strike|strikes|struck|striking|hit|hits|hitting)$/;

/** "struck by a car", "hit by a pickup truck": a road accident's vehicle in the "by" phrase, no attack (a car bomb is no "by" phrase). */
function struckByVehicle(ctx: CandidateContext, vehicles: ReadonlySet<string>): boolean {
  const { tokens, last } = ctx;
  if (tokens[last + 1]?.lower !== 'by') return false;
  // the vehicle is the phrase's head: "a truck bomb" is a bomb
  for (let i = last + 2; i < tokens.length && i <= last + 5; i++) if (vehicles.has(tokens[i]!.lower) && !['NOUN', 'PROPN'].includes(tokens[i + 1]?.pos ?? '')) return true;
  return false;
}

/** A word of natural disaster or illness, plural too ("Hurricanes Katrina and Rita"). */
const natural = (words: ReadonlySet<string>, t: CandidateToken) => words.has(t.lower) || words.has(t.lemma) || words.has(t.lower.replace(/s$/, ''));

/** "damage to the FBI's image", "the integrity of the proceedings has been damaged": harm to what is not a thing. */
function abstractDamage(ctx: CandidateContext, abstractions: ReadonlySet<string>): boolean {
  const { tokens, first, last } = ctx;
  if (!/^damag/.test(tokens[first]!.lower)) return false;
  for (let i = last + 1; i < tokens.length && i <= last + 5; i++) if (abstractions.has(tokens[i]!.lower)) return tokens.slice(last + 1, i).every((t) => t.pos !== 'VERB');
  for (let i = first - 1; i >= 0 && i >= first - 8; i--) if (abstractions.has(tokens[i]!.lower)) return tokens.slice(i + 1, first).every((t) => t.pos !== 'VERB' || /^(been|be|being|has|have|had)$/.test(t.lower));
  return false;
}

/** "destroyed in a quake", "hit by both hurricanes": a disaster in the "in" or "by" phrase after the trigger. */
function inDisaster(ctx: CandidateContext): boolean {
  const { tokens, last } = ctx;
  const prep = tokens[last + 1]?.lower;
  if (prep !== 'in' && prep !== 'by') return false;
  const { naturalCauses } = senseCues();
  // a "by" phrase is read as far as its vehicle is (struckByVehicle)
  const end = last + (prep === 'by' ? 5 : 4);
  for (let i = last + 2; i < tokens.length && i <= end; i++) if (natural(naturalCauses, tokens[i]!)) return true;
  return false;
}

/** "an explosion of anger", "set off an explosion of speculation": a burst of something, no blast. */
function feelingBurst(ctx: CandidateContext, sources: ReadonlySet<string>): boolean {
  const { tokens, last } = ctx;
  // the trigger itself, or the object of "set off" / "caused"
  let at = last;
  while (at < tokens.length && at <= last + 3 && !/^explosions?$/.test(tokens[at]!.lower)) at++;
  if (!/^explosions?$/.test(tokens[at]?.lower ?? '') || tokens[at + 1]?.lower !== 'of') return false;
  const head = tokens[phraseHead(tokens, at + 2)];
  return !!head && !sources.has(head.lower) && head.pos === 'NOUN';
}

/** "the destruction of documents", "ordered the destruction of discs and transcripts": evidence destroyed, no violence. */
function recordsDestroyed(ctx: CandidateContext, records: ReadonlySet<string>): boolean {
  const { tokens, last } = ctx;
  if (tokens[last + 1]?.lower !== 'of') return false;
  return records.has(tokens[phraseHead(tokens, last + 2)]?.lower ?? '');
}

/**
 * "Esther Williams has died", "Gotti died in 2002 at age 61": a death told with an age and no
 * word of violence in its sentence is an obituary's, not a killing.
 */
function diedOfAge(ctx: CandidateContext, cues: Pick<EventCues, 'casualty' | 'otherSenses'>): boolean {
  const t = ctx.tokens[ctx.first]!;
  if (!/^(die|died|dies|dying)$/.test(t.lower)) return false;
  const words = ctx.tokens.map((x) => x.lower).join(' ');
  if (!/\b(at (the )?age( of)? \d+|aged \d+|at \d+ years old)\b/.test(words)) return false;
  return !ctx.tokens.some((x, i) => i !== ctx.first && (cues.casualty.has(x.lower) || cues.otherSenses.violenceWords.has(x.lower)));
}

/** "the earthquake struck", "a 7.6-magnitude quake hit the coast": a natural disaster the subject, no one attacked. */
function natureStruck(ctx: CandidateContext): boolean {
  const { naturalCauses } = senseCues();
  for (let i = ctx.first - 1; i >= 0 && i >= ctx.first - 6; i--) {
    const w = ctx.tokens[i]!;
    if (natural(naturalCauses, w)) return true;
    // "the quake, which struck on Sunday": a relative clause after the subject
    if (w.text === ',' || /^(which|that)$/.test(w.lower)) continue;
    // ("the earthquake in February, which killed": a time or place phrase after the subject)
    if (!['NOUN', 'ADJ', 'NUM', 'DET', 'ADV', 'AUX', 'PROPN'].includes(w.pos) && w.text !== '-' && !/^(in|on|of|near|off)$/.test(w.lower)) return false;
  }
  return false;
}


/**
 * "if they don't vote, they'll be fired", "was fired from his job": a person dismissed, not shot
 * at. A passive "fired" with nothing it was fired at, on or into, in a sentence that names no
 * weapon, armed force or casualty ("shots were fired" names its shots; "it was fired from a
 * block away" is a bullet's flight).
 */
function firedFromJob(ctx: CandidateContext, cues: Pick<EventCues, 'casualty' | 'armedWord'>): boolean {
  const { tokens, first, last } = ctx;
  if (first !== last || tokens[first]!.lower !== 'fired' || !PASSIVE_AUX.test(tokens[first - 1]?.lower ?? '')) return false;
  // what was fired: the subject before the auxiliaries ("shots were fired", "a rocket was fired")
  let subject = first - 1;
  while (subject > 0 && (PASSIVE_AUX.test(tokens[subject]!.lower) || /^(will|would|could|may|might|'ll|not|n't|also|reportedly)$/.test(tokens[subject]!.lower))) subject--;
  if (PROJECTILE.test(tokens[subject]?.lower ?? '') || tokens[subject]?.lower === 'it') return false;
  // "fired from his job", not "fired from more than a block away"
  const next = tokens[first + 1]?.lower ?? '';
  const fromPost = next === 'from' && /^(his|her|their|my|your|our)$/.test(tokens[first + 2]?.lower ?? '');
  return (fromPost || !FIRED_AT.test(next)) && !fightNamed(ctx, cues);
}
const PROJECTILE = /^(shots?|rounds?|bullets?|rockets?|missiles?|shells?|gunshots?|gas|grenades?|mortars?|volleys?|salvos?|projectiles?|weapons?|guns?|rifles?|flares?|munitions?|canisters?|pellets?)$/;
const PASSIVE_AUX = /^(be|been|being|was|were|is|are|get|got|gets|getting)$/;
const FIRED_AT = /^(at|on|upon|into|towards?|over|from)$/;

/** Whether the candidate's sentence names, besides the trigger, a weapon, an armed group or force, or a casualty. */
function fightNamed(ctx: CandidateContext, cues: Pick<EventCues, 'casualty' | 'armedWord'>): boolean {
  if (ctx.marks.some((m) => m.kind.startsWith('EQUIPMENT') || m.kind === 'ARMED_GROUP')) return true;
  return ctx.tokens.some((t, i) => (i < ctx.first || i > ctx.last) && (cues.casualty.has(t.lower) || cues.armedWord.test(t.lower)));
}

/** The past forms of the support and occasion verbs, regular and not ("launched", "began", "made", "took", "held", "saw"). */
const PAST = /(ed|gan|ade|ook|eld)$|^saw$/;
const PERFECT = /^(has|have|had|'s|'ve)$/;

/**
 * "launched an offensive on", "carried out a strike on", "staged attacks": an event noun that a
 * support verb in the past tense governs is one that took place, whatever the classifier makes
 * of the indefinite article (it reads "an offensive" as a kind of event too readily). So is one
 * that an occasion verb in the simple past governs ("the weekend saw heavy fighting", "the
 * raid, which saw the destruction of two tanks", "the town suffered shelling", "positions came
 * under attack"); in the perfect
 * ("the war has seen the destruction of whole cities") it often sums up many, and is left to
 * the classifier.
 */
export function performed(toks: readonly Token[], first: number, verbs: { supportVerbs: ReadonlySet<string>; occasionVerbs: ReadonlySet<string> }): boolean {
  for (let i = first - 1; i >= 0 && i >= first - 4; i--) {
    const t = toks[i]!;
    const past = t.lemma !== t.lower && PAST.test(t.lower);
    // wink's lemma, or the stems it misses ("staged" → stag)
    const is = (set: ReadonlySet<string>) => set.has(t.lemma) || stems(t.lower).some((s) => set.has(s));
    if (past && is(verbs.supportVerbs)) return true;
    if (past && is(verbs.occasionVerbs)) return !PERFECT.test(toks[i - 1]?.lower ?? '');
    // "came under attack", "had come under heavy shelling": what its subject suffered took place
    if (t.lower === 'under' && (toks[i - 1]?.lower === 'came' || (toks[i - 1]?.lower === 'come' && /^(has|have|had)$/.test(toks[i - 2]?.lower ?? '')))) return true;
    if (!/^(a|an|the|its|their|out|new|fresh|several|two|three|multiple|series|of)$/.test(t.lower) && t.pos !== 'ADJ' && t.pos !== 'NUM') return false;
  }
  return false;
}

/**
 * "Near Mosul, seven strikes engaged four tactical units", "the blast destroyed two houses": an
 * event noun that is the subject of a verb in the simple past (an adverb between them at most)
 * names deeds that took place, counted or not; the classifier reads "seven strikes" as a toll
 * or a kind of event too readily.
 */
export function subjectOfPast(hit: TriggerHit, toks: readonly Token[]): boolean {
  const t = toks[hit.last]!;
  // (wink tags a gerund that opens the sentence a verb: "Fighting between … left 5 dead")
  const gerund = /ing$/.test(t.lower) && (hit.first === 0 || /^(DET|ADJ)$/.test(toks[hit.first - 1]!.pos));
  if (t.pos !== 'NOUN' && t.pos !== 'PROPN' && !gerund) return false;
  let i = hit.last + 1;
  // ("Fighting between soldiers and rebels left 5 dead": past the fight's sides)
  if (toks[i]?.lower === 'between') for (i++; toks[i] && /^(NOUN|PROPN|ADJ|DET|NUM|CCONJ)$/.test(toks[i]!.pos) && i <= hit.last + 10; i++);
  if (toks[i]?.pos === 'ADV') i++;
  const v = toks[i];
  // ("the attacks began to change in nature": a verb before "to" says how they went, not that one took place)
  return !!v && simplePast(v) && !BEFORE_NON_FINITE.test(v.lower) && toks[i + 1]?.lower !== 'to';
}

/** A verb in a past form: not the lemma, not a present "-s" or "-ing" ("attacked", "fought", "struck"). */
const simplePast = (t: Token): boolean => t.pos === 'VERB' && t.lemma !== t.lower && !/(s|ing)$/.test(t.lower);

/** Modals and "if": what they govern is as often a capability or a kind of event as one deed. */
const MODAL_OR_IF = /^(could|would|may|might|can|will|shall|'ll|must|if)$/;

/**
 * "threatened to attack any vessel", "plans to storm the city", "tried to seize the bridge",
 * "denied shelling the town": a deed that a word of threat, plan, attempt or denial governs (the
 * rules' cues, five words before it at most, as claims.ts reads them) is one deed, intended,
 * averted or denied, which the rules' modality tells; the classifier's `generic` (it reads "to
 * attack" as a purpose, as in "units trained to fight") does not drop it. A modal is not such a
 * word: "could attack ships" is as often a capability, which the guideline counts as generic.
 */
export function governedByIntent(toks: readonly Token[], first: number, cues: Pick<EventCues, 'hypothetical' | 'future' | 'attempt' | 'deny'>): boolean {
  for (let i = first - 1; i >= 0 && i >= first - 5; i--) {
    const w = toks[i]!.lower;
    if (!MODAL_OR_IF.test(w) && (cues.hypothetical.has(w) || cues.future.has(w) || cues.attempt.has(w) || cues.deny.has(w))) return true;
  }
  return false;
}

/** Auxiliaries, modals and "to" before a verb: "was attacked", "had attacked", "to attack", "could attack". */
const BEFORE_NON_FINITE = /^(am|is|are|was|were|be|been|being|has|have|had|having|'s|'ve|'d|do|does|did|to|will|would|could|may|might|can|shall|should|must)$/;

/**
 * "Israeli artillery pounded the outskirts of Khiam", "gunmen attacked a bus": a trigger that is
 * itself an active verb in the simple past tells an occurrence, unless a word of habit or of a
 * span of time stands in its sentence ("attacked convoys every week", "bombed hospitals
 * throughout the war"; `habitWords` in cues.json). The guideline's kinds of events are told
 * otherwise: a habit in the present ("gangs often attack"), a purpose ("to attack"), a toll in
 * the perfect or the passive ("have been killed since 2011"). The classifier's `generic` does
 * not drop such a verb; its other modalities still apply.
 */
export function pastOccurrence(hit: TriggerHit, toks: readonly Token[], habitWords: ReadonlySet<string>): boolean {
  const t = toks[hit.first]!;
  if (!simplePast(t)) return false;
  // a passive tells one deed in the simple or the past perfect ("were raped by fighters", "said
  // 105 people had been arrested"), not in the present perfect ("have been killed", a toll)
  const passive = isPassive(hit, toks as Token[]);
  for (let i = hit.first - 1; i >= 0 && i >= hit.first - 3; i--) {
    const w = toks[i]!;
    if (passive && /^(was|were)$/.test(w.lower)) break;
    if (passive && w.lower === 'been' && toks[i - 1]?.lower === 'had') break;
    if (BEFORE_NON_FINITE.test(w.lower) && !isMonthMay(w)) return false;
    if (w.pos !== 'ADV' && w.pos !== 'PART') break;
  }
  return !toks.some((w) => habitWords.has(w.lower));
}

/**
 * "Sleeper cells have carried out dozens of bombings in Raqqa this year", "hundreds of
 * airstrikes since 2015", "has launched more than 1,000 missiles since the invasion": a plural
 * event noun, counted, or a verb in the perfect with a counted object, in a sentence that spans
 * a year, a war or months, sums many deeds; it is no record of one, as a war-wide toll is none.
 */
export function periodSummary(hit: TriggerHit, toks: readonly Token[]): boolean {
  const t = toks[hit.last]!;
  const counted = (from: number, to: number) => toks.slice(Math.max(0, from), to).some((w) => w.pos === 'NUM' || VAGUE_MANY.test(w.lower));
  // "dozens of bombings", or a verb in the perfect with a counted object: "has launched more than 1,000 missiles"
  const noun = (t.pos === 'NOUN' || t.pos === 'PROPN') && /[^s]s$/.test(t.lower) && counted(hit.first - 4, hit.first);
  const perfect = t.pos === 'VERB' && [toks[hit.first - 1], toks[hit.first - 2]].some((w) => /^(has|have|had)$/.test(w?.lower ?? '')) && counted(hit.last + 1, hit.last + 5);
  if ((noun || perfect) && SPAN_OF_TIME.test(toks.map((w) => w.lower).join(' '))) return true;
  // "have fired dozens of missiles at Saudi Arabia": the perfect with a vague many and no day is a tally of deeds
  return perfect && toks.slice(hit.last + 1, hit.last + 4).some((w) => /^(dozens|hundreds|thousands|scores|numerous|countless)$/.test(w.lower)) && !toks.some((w) => ONE_DAY.has(w.lower));
}
/**
 * "since the full-scale invasion began in February 2022", "since the war": an event named to open
 * a span of time is the background of what the sentence tells, not a record of its own ("since
 * the shooting, 50 arrests have been made" retells the shooting, and stays its mention).
 */
export function opensSpan(hit: TriggerHit, toks: readonly Token[]): boolean {
  const t = toks[hit.last]!;
  if (t.pos === 'VERB') return sinceClause(hit, toks);
  // "since the shooting, 50 arrests have been made" retells the incident; a span opens with a war or with "began"
  if (!WARS.test(t.lower) && !/^(began|begun|started|erupted|broke)$/.test(toks[hit.last + 1]?.lower ?? '')) return false;
  for (let i = hit.first - 1; i >= 0 && i >= hit.first - 5; i--) {
    const w = toks[i]!;
    if (w.lower === 'since') return true;
    if (!(w.pos === 'DET' || w.pos === 'ADJ' || w.text === '-' || w.pos === 'NOUN' && i === hit.first - 1 || w.pos === 'PROPN')) return false;
  }
  return false;
}

/**
 * "the al Qaeda-linked group fighting to topple the government", "forces backed by the AU have
 * been fighting to drive the militants out": a fight told by its aim is a campaign, no record
 * of one clash.
 */
export function fightingToAim(hit: TriggerHit, toks: readonly Token[]): boolean {
  const t = toks[hit.last]!;
  const next = toks[hit.last + 2];
  return /^(fighting|battling|struggling)$/.test(t.lower) && toks[hit.last + 1]?.lower === 'to' && !!next && next.pos === 'VERB' && next.lemma === next.lower;
}

/**
 * "government forces, backed by US air strikes, have been trying to push the group out", "under
 * the cover of artillery fire": an event noun that names the support an actor has is a means,
 * told of a campaign, no record of a strike.
 */
export function namedAsSupport(hit: TriggerHit, toks: readonly Token[]): boolean {
  // (a verb is the clause's own deed: "Malian forces supported by Wagner personnel exchanged fire")
  if (toks[hit.first]!.pos === 'VERB' || toks[hit.last]!.pos === 'VERB') return false;
  for (let i = hit.first - 1; i >= 0 && i >= hit.first - 5; i--) {
    const w = toks[i]!.lower;
    if (w === 'by' && /^(backed|supported|aided|assisted|covered)$/.test(toks[i - 1]?.lower ?? '')) return true;
    if (w === 'of' && /^(cover|support|help)$/.test(toks[i - 1]?.lower ?? '') && /^(the|with|under)$/.test(toks[i - 2]?.lower ?? '')) return true;
    if (!/^(ADJ|NOUN|PROPN|DET|CCONJ|NUM)$/.test(toks[i]!.pos) && toks[i]!.text !== '-' && toks[i]!.text !== ',') return false;
  }
  return false;
}

/**
 * "has carried out frequent bombings in Mogadishu", "occasional attacks", "repeated raids",
 * "three months of protests": a plural event noun after a word of frequency or a span sums many
 * deeds, no record of one; nor is one a ban names ("a ban on public gatherings and protests").
 */
export function summedOrBanned(hit: TriggerHit, toks: readonly Token[]): boolean {
  const t = toks[hit.last]!;
  if (t.pos === 'VERB' || !/[^s]s$/.test(t.lower)) return false;
  if (saidCommon(hit, toks)) return true;
  for (let i = hit.first - 1; i >= 0 && i >= hit.first - 4; i--) {
    const w = toks[i]!.lower;
    if (FREQUENT.test(w)) return true;
    // "a string of attacks", "the latest in a series of raids": many deeds ("a series of crashes" on Sunday may be one day's)
    if (w === 'of' && (/^(string|spate|litany)$/.test(toks[i - 1]?.lower ?? '') || (/^(series|wave)$/.test(toks[i - 1]?.lower ?? '') && toks.slice(Math.max(0, i - 5), i).some((t) => t.lower === 'latest')))) return true;
    // "three months of anti-government protests", "years of air strikes"
    if (w === 'of' && /^(months|years|decades)$/.test(toks[i - 1]?.lower ?? '')) return true;
    // ("three months of anti-government street protests": a hyphenated modifier counts as one word)
    if (toks[i]!.text === '-') i--;
    // "a ban on public gatherings and protests": what is banned is no deed done
    if (/^(ban|bans|banned|banning|outlawed|prohibited)$/.test(w) || (w === 'on' && /^bans?$/.test(toks[i - 1]?.lower ?? ''))) return true;
    if (toks[i]!.pos !== 'ADJ' && toks[i]!.pos !== 'NOUN' && toks[i]!.text !== '-' && !/^(and|or|,)$/.test(w)) return false;
  }
  return false;
}
/** "kidnappings and violence are commonplace", "assassinations are a regular event": deeds of a kind said to be common */
function saidCommon(hit: TriggerHit, toks: readonly Token[]): boolean {
  let i = hit.last + 1;
  // ("kidnappings and violence are …": past what the deeds are listed with)
  if (/^(and|or)$/.test(toks[i]?.lower ?? '') && toks[i + 1]?.pos === 'NOUN') i += 2;
  // "arrests of political activists have accelerated": a trend of many deeds
  const verb = toks[i]?.lower === 'of' ? phraseHead(toks, i + 1) + 1 : i; // ("arrests of political activists have …": past whom they are of)
  if (/^(have|has)$/.test(toks[verb]?.lower ?? '') && TREND.test(toks[verb + 1]?.lower ?? '')) return true;
  if (!/^(are|were|remain|remained|have|had)$/.test(toks[i]?.lower ?? '')) return false;
  if (/^(have|had)$/.test(toks[i]!.lower)) {
    if (toks[i + 1]?.lower !== 'become') return false;
    i++;
  }
  let k = i + 1;
  while (/^(a|an|all|too|very|still|now|increasingly|fairly|quite|relatively)$/.test(toks[k]?.lower ?? '')) k++;
  return COMMON.test(toks[k]?.lower ?? '');
}
const TREND = /^(accelerated|increased|intensified|risen|grown|surged|escalated|multiplied|soared|declined|decreased|dropped|fallen|slowed|become)$/;
const COMMON = /^(commonplace|common|frequent|regular|routine|rife|widespread|endemic|rampant|everyday|daily|rare|uncommon|unusual|typical|normal)$/;

const FREQUENT = /^(numerous|countless|frequent|repeated|regular|occasional|sporadic|routine|recurring|recurrent|periodic|constant|continual|incessant|nightly|daily|weekly)$/;

/**
 * "Russia has repeatedly shelled the city", "militants have frequently attacked convoys": a
 * deed in the perfect with an adverb of frequency is many deeds summed up, a habit, no record
 * of one ("had repeatedly stabbed him" is one deed told before another, and stays).
 */
export function habitualPerfect(hit: TriggerHit, toks: readonly Token[]): boolean {
  let frequent = false;
  for (let i = hit.first - 1; i >= 0 && i >= hit.first - 4; i--) {
    const w = toks[i]!.lower;
    if (FREQUENTLY.test(w)) frequent = true;
    else if (/^(has|have)$/.test(w)) return frequent;
    else if (toks[i]!.pos !== 'ADV' && !/^(been|also)$/.test(w)) return false;
  }
  return false;
}
/**
 * "Isis still carries out ambushes and bombings in Syria and Iraq", "gangs stage raids on
 * farms": deeds named in the plural by a support verb in the simple present are a habit, no
 * record, unless the sentence names the day ("launches strikes on Kyiv overnight" is a
 * headline's present for one night's strikes). A plan, purpose or negation before the verb
 * ("will carry out", "to carry out", "did not carry out") is read elsewhere.
 */
export function habitualPresent(hit: TriggerHit, toks: readonly Token[], supportVerbs: ReadonlySet<string>): boolean {
  const t = toks[hit.last]!;
  if ((t.pos !== 'NOUN' && t.pos !== 'PROPN') || !/[^s]s$/.test(t.lower)) return false;
  if (toks.some((w) => ONE_DAY.has(w.lower))) return false;
  for (let i = hit.first - 1; i >= 0 && i >= hit.first - 8; i--) {
    const w = toks[i]!;
    if (supportVerbs.has(w.lemma) && !TELLING.test(w.lemma)) {
      const present = (w.lower !== w.lemma && /s$/.test(w.lower)) || (w.lower === w.lemma && !NOT_PRESENT.test(toks[i - 1]?.lower ?? ''));
      return present && w.pos === 'VERB';
    }
    // ("ambushes and bombings": the deeds the verb names, one after another)
    if (!/^(DET|ADJ|NUM|ADP|ADV|PART|CCONJ)$/.test(w.pos) && !/^(string|series|number|wave)$/.test(w.lower) && !(w.pos === 'NOUN' && /[^s]s$/.test(w.lower))) return false;
  }
  return false;
}
const TELLING = /^(claim|report|announce)$/;
const NOT_PRESENT = /^(to|will|would|could|can|may|might|must|should|shall|did|does|do|n't|not|never|'ll|and|or)$/;
const ONE_DAY: ReadonlySet<string> = new Set([...WEEKDAYS, 'yesterday', 'today', 'tonight', 'overnight']);

const FREQUENTLY = /^(repeatedly|regularly|frequently|routinely|often|constantly|continually|continuously|periodically|sporadically|occasionally|persistently|systematically)$/;

/**
 * "… has been shelled since Ukrainian forces recaptured it in 2022": a deed told in a clause
 * that opens with "since" after the main clause dates the span the sentence tells of; it is
 * background, no record. ("Since rebels seized the town, …" opening the sentence is too.)
 */
function sinceClause(hit: TriggerHit, toks: readonly Token[]): boolean {
  // a finite verb ("since the police shooting of a boy" names the incident again, and stays)
  const t = toks[hit.first]!;
  if (/ing$/.test(t.lower) || t.lemma === t.lower) return false;
  for (let i = hit.first - 1; i >= 0 && i >= hit.first - 6; i--) {
    const w = toks[i]!;
    if (w.lower === 'since') return i < hit.first - 1;
    if (!/^(DET|ADJ|NOUN|PROPN|PRON|NUM|AUX|ADV)$/.test(w.pos) && w.text !== '-') return false;
  }
  return false;
}

const WARS = /^(war|conflict|invasion|uprising|revolution|occupation|insurgency)$/;
const VAGUE_MANY = /^(dozens|hundreds|thousands|scores|numerous|countless|several|many)$/;
const SPAN_OF_TIME = /\b(this|last|past) year\b|\bsince (the )?(?:[\w-]+ ){0,3}(\d{4}|war|conflict|start|beginning|uprising|invasion|revolution)\b|\b(over|in|during) the (past|last) (\w+ )?(weeks|months|years|decade)\b|\bin recent (weeks|months|years)\b|\bso far this (year|month)\b|\bthroughout the (war|conflict|year)\b|\bby the end of (the )?(\d{4}|year|war|conflict)\b/;

const CAUSE_LINKS = /^(of|from|to)$/;
const CAUSE_PHRASE_POS = new Set(['DET', 'ADJ', 'ADV', 'NOUN', 'PROPN', 'NUM', 'PRON', 'PART', 'CCONJ']);

/**
 * "died of cholera", "deaths from malnutrition", "died of complications from diabetes",
 * "died from exposure to the cold": a death whose cause, named right after the death word by
 * "of" or "from", is an illness, cold, hunger or a natural disaster is no event of the
 * taxonomy. This is a rule, not the classifier's call: a linear model that has seen a few
 * such deaths among thousands of killings lets "two children died" outweigh the cause. Each
 * noun phrase of the chain the cause is told in ("complications" from "diabetes", "exposure"
 * to "the cold") must name a natural cause (sense-cues.json), and none may name wounds or
 * injuries (the casualty words): "died of complications from gunshot wounds", "died from
 * exposure to sarin" and "died of his wounds" stay deaths of violence.
 */
function diedOfNaturalCause(ctx: CandidateContext, casualtyWords: ReadonlyMap<string, unknown>): boolean {
  return naturalCauseAfter(ctx.tokens, ctx.last, casualtyWords);
}

/** Is what follows the death word at `last` a natural cause ("died of the yet unknown disease")? Also for the casualty counter, whose dead of illness are no one's victims. */
export function naturalCauseAfter(tokens: readonly CandidateToken[], last: number, casualtyWords: ReadonlyMap<string, unknown>): boolean {
  if (!/^(of|from)$/.test(tokens[last + 1]?.lower ?? '')) return false;
  const { naturalCauses } = senseCues();
  const natural = (t: CandidateToken) => naturalCauses.has(t.lower) || naturalCauses.has(t.lemma);
  let named = false;
  for (let i = last + 1; i < tokens.length && CAUSE_LINKS.test(tokens[i]!.lower); ) {
    const phrase: CandidateToken[] = [];
    for (i++; i < tokens.length && (CAUSE_PHRASE_POS.has(tokens[i]!.pos) || tokens[i]!.text === '-') && !CAUSE_LINKS.test(tokens[i]!.lower); i++) phrase.push(tokens[i]!);
    // a cause the tagger did not read as a noun phrase ("exposure to nerve/VERB gas") is not known to be natural
    if (phrase.length === 0) return false;
    if (!phrase.some(natural) || phrase.some((t) => casualtyWords.has(t.lower) || casualtyWords.has(t.lemma))) return false;
    named = true;
  }
  return named;
}
