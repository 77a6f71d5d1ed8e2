// Roles: an event's arguments read off the phrases around its trigger: the agent (subject,
// "by" phrase, the actor before a noun, the speaker of "said it had"), targets and locations
// (objects, "on"/"against"/"at" phrases, "including" lists, coordinated objects), the place
// where it happened, where it came from, the weapon or vehicle, and the quantities counting
// them. Which of the optional roles a type takes is the taxonomy's.
import type { EventType, Token } from '../../doc.js';
import { LOCATION_PREPS, NOBODY, PREPOSITIONS, lastIndex, negatedBefore, type EventCues } from './cues.js';
import { addArg, agentLike, bare, hasRole, placeOnly, prepOf, type Frame } from './frame.js';
import { participleListStart } from './candidates.js';
import { npLeft, npRight, subjectBefore } from './noun-phrase.js';
import type { Phrase } from './phrases.js';
import { ageEnd } from '../../text.js';
import { stems } from './triggers.js';

/**
 * The agent of the event, added to the frame's arguments; undefined when none is found. Of a
 * fight told with both sides as its subject ("al-Shabaab militants and Somali soldiers
 * clashed"), the first side is the agent and the second the target, as ACLED codes actor 1 and
 * actor 2.
 */
export function findAgent(f: Frame): Phrase | undefined {
  const { toks, hit, isNoun, passive } = f;
  const under = cameUnder(f);
  if (under !== undefined) return under ?? undefined;
  // ("Fighting between soldiers and jihadists left 5 dead": wink may tag the gerund a verb)
  let agent = byPhrase(f) ?? (isNoun || toks[hit.last + 1]?.lower === 'between' ? betweenSides(f) ?? (isNoun ? nounAgent(f) : undefined) : undefined);
  // "With Putin condemning …": the phrase right before an -ing verb is its subject
  const adjacent = f.left[f.left.length - 1];
  if (!agent && !isNoun && /ing$/.test(toks[hit.first]!.lower) && adjacent && adjacent.last === hit.first - 1 && agentLike(f, adjacent)) agent = adjacent;
  if (!agent && !isNoun && !passive) agent = speakerOfOwnDeed(f);
  // a second verb shares the first one's subject, or has none we know: "… and shot", ", killing"
  // (null: a second verb whose subject is no actor, which no phrase nearer the verb replaces)
  const second = !agent && !isNoun && !passive ? coordinatedVerbSubject(f) : undefined;
  const coordinated = second !== undefined ? second : !agent && !isNoun && !passive ? participleSubject(f) : undefined;
  if (coordinated !== undefined) agent = coordinated ?? undefined;
  else if (!agent && !isNoun && !passive) {
    const subject = subjectBefore(toks, f.np, hit.first);
    if (subject && agentLike(f, subject)) agent = subject;
    else if (!subject || subject.kind === 'other') agent = [...f.left].reverse().find((p) => bare(f, p) && agentLike(f, p) && !isSpeakerOnly(p, toks, f.cues) && !byParticiple(toks, p));
    // "they exploded": what explodes is the device, not who set it
    if (toks[hit.first]!.lemma !== 'explode') agent ??= pronounSubject(f);
  }
  if (!agent || namesNoOne(toks, agent) || placeAfterPreposition(toks, agent) || bracketedPlace(toks, agent)) return undefined;
  const other = coordinatedBefore(f, agent);
  if (other && !isNoun && !passive && MUTUAL.has(toks[hit.first]!.lemma) && !sideNamedAfter(f)) {
    addArg(f, 'agent', other);
    addArg(f, 'target', agent);
    return other;
  }
  if (other) agent = { ...agent, first: other.first, start: other.start, ref: agent.ref ?? other.ref };
  addArg(f, 'agent', agent);
  return agent;
}

/**
 * "PNH officers came under fire from gang members", "army positions came under attack by JNIM":
 * the subject of "came under" is what was hit, the phrase after "from" or "by" who fired.
 * Undefined where the trigger is no such phrase; null where it names no one who fired.
 */
function cameUnder(f: Frame): Phrase | null | undefined {
  const { toks, hit } = f;
  const verb = toks[hit.first]!.lemma === 'come' && toks[hit.first + 1]?.lower === 'under' ? hit.first : toks[hit.first - 1]?.lower === 'under' && toks[hit.first - 2]?.lemma === 'come' ? hit.first - 2 : -1;
  if (verb < 0) return undefined;
  const target = subjectBefore(toks, f.np, verb);
  // (anyone or anything may come under fire; a date is no target)
  if (target && target.kind !== 'date') addArg(f, 'target', target);
  const from = toks.findIndex((t, k) => k > hit.last && k - hit.last <= 3 && /^(from|by)$/.test(t.lower));
  const agent = from >= 0 ? npRight(toks, f.np, pastHedge(toks, from + 1)) : null;
  if (!agent || !agentLike(f, agent)) return null;
  addArg(f, 'agent', agent);
  return agent;
}

/**
 * "clashes between al-Shabaab militants and Somali soldiers", "fighting between rival armed
 * groups": the sides after "between" are the fight's; the first is the agent, the second,
 * after "and", the target. A fight may be told before its sides, in the same clause: "an
 * encounter broke out the previous day between troops and Maoist cadres", "heavy gunfire was
 * exchanged for hours between villagers and militants" (there the sides are never places:
 * "an ambush on the road between Gao and Ansongo").
 */
function betweenSides(f: Frame): Phrase | undefined {
  const { toks, hit } = f;
  const between = sidesAfter(f);
  if (between < 0) return undefined;
  const first = npRight(toks, f.np, between + 1);
  if (!first || !agentLike(f, first) || (between > hit.last + 1 && first.kind === 'place')) return undefined;
  if (toks[first.last + 1]?.lower === 'and') {
    const second = npRight(toks, f.np, pastHedge(toks, first.last + 2));
    if (second && agentLike(f, second)) addArg(f, 'target', second);
  }
  return first;
}

/** Where a phrase starts at k, past a hedge before it that wink tags a verb: "by suspected IS gunmen", "and alleged militants". */
function pastHedge(toks: readonly Token[], k: number): number {
  return /^(suspected|alleged|presumed)$/.test(toks[k]?.lower ?? '') ? k + 1 : k;
}

/** Where "between" stands that names a fight's sides: right after the trigger, or up to ten words on in its clause, after a fight or gunfire. */
function sidesAfter(f: Frame): number {
  const { toks, hit } = f;
  if (toks[hit.last + 1]?.lower === 'between') return hit.last + 1;
  if (!hit.readings.some((r) => r.type === 'CLASH') && !/^(gunfire|fire|shots)$/.test(toks[hit.last]!.lower)) return -1;
  for (let k = hit.last + 2; k <= hit.last + 10 && toks[k]; k++) {
    if (toks[k]!.lower === 'between') return k;
    if (/^[,;:()]$/.test(toks[k]!.text) || toks[k]!.lower === 'and') return -1;
  }
  return -1;
}

/**
 * Does the fight name its other side after the verb ("fought Islamic State militants", "clashed
 * with police", "fought against the rebels")? Then a coordinated subject is allies, one agent.
 */
function sideNamedAfter(f: Frame): boolean {
  const { toks, hit } = f;
  const k = hit.last + 1;
  if (/^(with|against)$/.test(toks[k]?.lower ?? '')) return true;
  const object = npRight(toks, f.np, k);
  return !!object && object.first - k <= 1 && agentLike(f, object);
}

/** Verbs of a fight between two sides, either of which its subject may name first: "clashed", "fought", "exchanged fire". */
const MUTUAL = new Set(['clash', 'fight', 'battle', 'skirmish', 'exchange', 'trade']);

/** "units backed by allied militias retook …": the militias act for the participle, not as the verb's subject. */
function byParticiple(toks: readonly Token[], p: Phrase): boolean {
  for (let i = p.first - 1; i >= 0 && i >= p.first - 3; i--) {
    if (toks[i]!.lower === 'by') return /ed$/.test(toks[i - 1]?.lower ?? '');
    if (!['ADJ', 'DET', 'VERB', 'NUM'].includes(toks[i]!.pos)) return false;
  }
  return false;
}

/**
 * "attacked by militants", "the attack by militants"; a passive's "by" also after the place and
 * the day ("was shot dead outside his home in Al Bab on 7 December by gunmen on a motorcycle"),
 * in its clause, past a hedge ("by suspected IS gunmen").
 */
function byPhrase(f: Frame): Phrase | undefined {
  if (!f.passive && !f.isNoun) return undefined;
  const { toks, hit } = f;
  const reach = f.passive ? 16 : 8;
  let by = -1;
  for (let k = hit.last + 1; k <= hit.last + reach && toks[k]; k++) {
    if (/^[;.]$/.test(toks[k]!.text) || (f.passive && /^(and|but|while|as|when|after|who|which)$/.test(toks[k]!.lower))) break;
    // ("the bombardment comes despite a deal brokered by Turkey": the "by" of another verb; "the
    // attack was carried out by militants", "shells fired by the RSF": of a verb that does the
    // deed or describes it, which is the noun's)
    if (f.isNoun && k > hit.last + 1 && toks[k]!.pos === 'VERB' && !f.cues.supportVerbs.has(toks[k]!.lemma) && !/^(be|is|was|were|been)$/.test(toks[k]!.lower)) break;
    if (toks[k]!.lower === 'by') {
      by = k;
      break;
    }
  }
  if (by < 0) return undefined;
  const phrase = npRight(toks, f.np, pastHedge(toks, by + 1));
  return phrase && agentLike(f, phrase) ? phrase : undefined;
}

/** "Russian attack", "Israel's airstrike", "these groups launched coordinated raids": the agent of a noun trigger. */
function nounAgent(f: Frame): Phrase | undefined {
  const { toks, hit, phrases } = f;
  const responsible = responsibleFor(f);
  if (responsible) return responsible;
  // the actor right before the noun
  let k = hit.first - 1;
  while (k >= 0 && (toks[k]!.pos === 'ADJ' || phrases.some((p) => p.kind === 'equipment' && p.first <= k && p.last >= k)) && !phrases.some((p) => p.kind === 'actor' && p.last === k)) k--;
  const possessive = toks[k]?.lower === "'s";
  if (possessive) k--;
  const before = phrases.find((p) => p.last === k && (p.kind === 'actor' || (p.kind === 'place' && p.entityType === 'GPE' && (possessive || isCountry(f, p)))));
  if (before && before.first >= f.clauseStart) return before;
  // the subject of the support verb
  // (a verb: "since the start of the offensive" names no one who started it)
  const support = lastIndex(toks, hit.first, (t) => t.pos === 'VERB' && (f.cues.supportVerbs.has(t.lemma) || stems(t.lower).some((s) => f.cues.supportVerbs.has(s))));
  if (support < 0 || hit.first - support > 6) return undefined;
  const subject = subjectBefore(toks, f.np, support);
  // "Residents reported heavy gunfire": who reports what they saw or heard did not do it
  if (/^(report|announce|claim)$/.test(toks[support]!.lemma) && (!subject || WITNESSES.test(toks[subject.last]!.lower))) return undefined;
  return subject && agentLike(f, subject) ? subject : [...f.left].reverse().find((p) => p.last < support && bare(f, p) && agentLike(f, p));
}

/** People who tell of what they saw or heard: witnesses, not actors. */
const WITNESSES = /^(residents|witnesses|locals|villagers|people|sources|activists|monitors|journalists|reporters|correspondents|doctors|medics|neighbours|neighbors|eyewitnesses|media|observers)$/;

/** A state acts ("the Israeli strike", "a Russia attack"); a town or region before an event noun is where it happened ("the Manchester bombing"). */
const isCountry = (f: Frame, p: Phrase): boolean => f.index.entity(p.ref)?.kb?.kind === 'country';

/** "A car bomb in Mogadishu, which killed 20": a place after "in", "near" or "at" is where, never who. */
const placeAfterPreposition = (toks: readonly Token[], p: Phrase): boolean => {
  const before = toks[p.first - 1]?.lower === 'the' ? toks[p.first - 2] : toks[p.first - 1];
  return p.kind === 'place' && /^(in|near|at|outside|inside|around|across|from)$/.test(before?.lower ?? '');
};

/** "in Matola (Maputo), crowds … set ablaze": the region in brackets after a town says where the town is, never who acted. */
const bracketedPlace = (toks: readonly Token[], p: Phrase): boolean => p.kind === 'place' && toks[p.first - 1]?.text === '(' && toks[p.last + 1]?.text === ')';

/** "No group has claimed …", "no one fired": a phrase that names no one, no agent. */
const namesNoOne = (toks: readonly Token[], p: Phrase): boolean => toks[p.first]!.lower === 'no' || NOBODY.test(toks[p.first]!.lower) || toks[p.first - 1]?.lower === 'no';

/** "the IRA claimed responsibility for the bombings", "accepted responsibility for the attack": who takes responsibility for a deed did it. */
function responsibleFor(f: Frame): Phrase | undefined {
  const { toks, hit } = f;
  const forAt = lastIndex(toks, hit.first, (t) => t.lower === 'for');
  if (forAt < 0 || toks[forAt - 1]?.lower !== 'responsibility' || hit.first - forAt > 4) return undefined;
  if (toks.slice(forAt + 1, hit.first).some((t) => !/^(the|a|an|this|these|those|that|its|their|ADJ)$/.test(t.lower) && t.pos !== 'ADJ' && t.pos !== 'NUM')) return undefined;
  let verb = forAt - 2;
  while (verb >= 0 && /^(full|sole|overall|direct)$/.test(toks[verb]!.lower)) verb--;
  // ("No group has claimed responsibility for the attack": no one named)
  const subject = verb >= 0 && toks[verb]!.pos === 'VERB' && !negatedBefore(toks, verb) ? subjectBefore(toks, f.np, verb) : null;
  return subject && agentLike(f, subject) ? subject : undefined;
}

/** "Ukraine's 47th Brigade said it had destroyed …": it is the speaker. */
function speakerOfOwnDeed(f: Frame): Phrase | undefined {
  const { toks, hit } = f;
  const pronoun = lastIndex(toks, hit.first, (t) => !/^(had|has|have|was|were|also|reportedly)$/.test(t.lower));
  if (!/^(it|they|we)$/.test(toks[pronoun]?.lower ?? '')) return undefined;
  // "said it had", "said that it had", "said on Sunday it had", "said in a statement that they had"
  let verb = pronoun - 1;
  if (toks[verb]?.lower === 'that') verb--;
  if (!f.cues.speech.has(toks[verb]?.lower ?? '')) verb = lastIndex(toks, verb + 1, (t) => f.cues.speech.has(t.lower));
  if (verb < 0 || pronoun - verb > 6 || !f.cues.speech.has(toks[verb]!.lower) || toks.slice(verb + 1, pronoun).some((t) => t.pos === 'VERB' || t.text === ',')) return undefined;
  const speaker = subjectBefore(toks, f.np, verb);
  return speaker && agentLike(f, speaker) ? speaker : undefined;
}

/**
 * "Deputies shot Weiser and hit him twice", "a gunman shot and killed two men": a verb after
 * "and" shares the subject of the verb before it, not the object that verb took: that subject,
 * null when it is no actor, undefined when the verb is no second verb.
 */
function coordinatedVerbSubject(f: Frame): Phrase | null | undefined {
  const { toks, hit } = f;
  let i = hit.first - 1;
  while (i > f.clauseStart && /^(then|later|also|again)$/.test(toks[i]!.lower)) i--;
  if (toks[i]?.lower !== 'and') return undefined;
  // "the ministry said its forces had struck … and denied targeting civilians": a verb of saying
  // goes with the saying before it, whose subject is its speaker
  const saying = f.cues.speech.has(toks[hit.first]!.lower) || f.cues.deny.has(toks[hit.first]!.lower) || hit.readings.every((r) => r.type === 'STATEMENT');
  const said = saying ? toks.findIndex((t, k) => k < i && t.pos === 'VERB' && f.cues.speech.has(t.lower)) : -1;
  const speaker = said > 0 ? subjectBefore(toks, f.np, said) : null;
  if (speaker && agentLike(f, speaker)) return speaker;
  let verb = verbBefore(f, i);
  if (verb < 0) return undefined;
  // "entered the town, gunned down 7 residents and set ablaze …": a list of verbs shares the subject of its first
  for (let hops = 0; hops < 3 && toks[verb - 1]?.text === ','; hops++) {
    const earlier = verbBefore(f, verb - 1);
    if (earlier < 0) break;
    verb = earlier;
  }
  const subject = subjectBefore(toks, f.np, verb);
  return subject && agentLike(f, subject) ? subject : (pronounSubject(f, verb) ?? null);
}

/** The verb before the word at `i` ("and", a comma) with at most its object between: -1 when there is none. */
function verbBefore(f: Frame, i: number): number {
  const { toks } = f;
  let verb = i - 1;
  while (verb > f.clauseStart && verb >= i - 6 && ['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PRON'].includes(toks[verb]!.pos) && !pastTaggedNoun(toks, verb)) verb--;
  // "pulled out a gun and shot": the particle belongs to the verb
  if (/^(out|up|down|off|away|back)$/.test(toks[verb]?.lower ?? '') && toks[verb - 1]?.pos === 'VERB') verb--;
  return verb >= f.clauseStart && verb < i && (toks[verb]?.pos === 'VERB' || pastTaggedNoun(toks, verb)) ? verb : -1;
}

/**
 * "an AQAP suicide bomber drove a car into a checkpoint in Mudiyah, Abyan, killing 4 soldiers":
 * a participle after a comma has the subject of the clause's first verb, not the place named
 * last; where that subject is no actor, or none is found, the search goes on as for any verb.
 */
function participleSubject(f: Frame): Phrase | undefined {
  const { toks, hit } = f;
  // (and "killed five villagers after storming the hamlet": the deed after "after" is the subject's too)
  if (!/ing$/.test(toks[hit.first]!.lower) || !/^(,|after|before|while|upon|since)$/.test(toks[hit.first - 1]?.lower ?? '')) return undefined;
  let verb = -1;
  for (let i = f.clauseStart; i < hit.first - 1; i++) {
    const t = toks[i]!;
    if (t.pos === 'VERB' && !/ing$/.test(t.lower)) {
      verb = i;
      break;
    }
  }
  if (verb < 0) return undefined;
  const subject = subjectBefore(toks, f.np, verb);
  return subject && agentLike(f, subject) ? subject : pronounSubject(f, verb);
}

/** "A gunman shot and killed", "Deputies shot Weiser": a past form after a noun that wink tagged as a noun itself. */
function pastTaggedNoun(toks: Token[], k: number): boolean {
  const t = toks[k]!;
  return t.pos === 'NOUN' && ['NOUN', 'PROPN'].includes(toks[k - 1]?.pos ?? '') && /^(\w+ed|shot|hit|struck|beat|fought|threw|blew|took|stole|cut|slit|caught|drove|ran|set)$/.test(t.lower);
}

/**
 * "They killed 23 soldiers", "she was arrested": a personal pronoun right before the verb (the
 * trigger, or the verb at `verb`) is its subject. "He" and "she" stand for the person named last before them (in the sentence or
 * the two before it); "they" is resolved with the other descriptions that refer back, to the
 * agent told last (actors.ts).
 */
function pronounSubject(f: Frame, verb = f.hit.first): Phrase | undefined {
  const { toks } = f;
  let i = verb - 1;
  while (i >= f.clauseStart && (['AUX', 'ADV', 'PART'].includes(toks[i]!.pos) || /^(had|has|have|was|were|been|also|then|later|reportedly|allegedly)$/.test(toks[i]!.lower))) i--;
  const t = toks[i];
  if (!t || i < f.clauseStart || !/^(they|he|she|we)$/.test(t.lower)) return undefined;
  const ref = t.lower === 'he' || t.lower === 'she' ? lastPerson(f, t.start) : null;
  return { first: i, last: i, start: t.start, end: t.end, kind: 'actor', ref, entityType: ref ? 'PERSON' : null };
}

/** The person mentioned last before an offset, in the frame's sentence or the two before it. */
function lastPerson(f: Frame, before: number): string | null {
  for (let s = f.s; s >= 0 && s >= f.s - 2; s--) {
    const people = f.index.sentenceMentions(s).filter(({ entity, mention }) => entity.type === 'PERSON' && mention.end <= before);
    const last = people.sort((a, b) => b.mention.start - a.mention.start)[0];
    if (last) return last.entity.id;
  }
  return null;
}

/** The subject coordinated before an agent: "government troops" of "government troops and allied militias retreated". */
function coordinatedBefore(f: Frame, agent: Phrase): Phrase | null {
  const { toks } = f;
  const k = agent.first - 1;
  if (toks[k]?.lower !== 'and' || k <= f.clauseStart) return null;
  const other = npLeft(toks, f.np, k - 1);
  return other && agentLike(f, other) && other.first >= f.clauseStart && !PREPOSITIONS.has(toks[other.first - 1]?.lower ?? '') ? other : null;
}

/** "…, the governor said" names a speaker; "the Legion reported engaging …" names the agent too. */
export function isSpeakerOnly(p: Phrase, toks: Token[], cues: EventCues): boolean {
  const next = toks[p.last + 1];
  if (!next || !cues.speech.has(next.lower) || cues.claim.has(next.lower)) return false;
  const after = toks[p.last + 2]?.lower ?? '';
  return !after.endsWith('ing') && after !== 'to';
}

/** The phrases the event acts on: the direct object, an "on"/"against"/"at" phrase, an "including" list. */
function objectPhrases(f: Frame): Phrase[] {
  const { toks, hit, np, isNoun, passive } = f;
  const objects: Phrase[] = [];
  if (passive) {
    // "Chekatt – shot dead by police –": a participle after a comma or dash tells of the phrase before
    const reduced = /^[,–—]$/.test(toks[hit.first - 1]?.text ?? '') ? npLeft(toks, np, hit.first - 2) : null;
    const subject = subjectBefore(toks, np, participleListStart(toks, hit.first)) ?? pronounSubject(f) ?? reduced;
    if (subject) objects.push(subject);
  } else if (!isNoun) {
    let k = hit.last + 1;
    while (toks[k] && /^(down|up|out|off|back|away)$/.test(toks[k]!.lower)) k++;
    // "hacked to death 4 farmers", "kidnapped for ransom 9 passengers": the object after the verb's complement
    if (/^(to death|for ransom)$/.test(`${toks[k]?.lower} ${toks[k + 1]?.lower}`)) k += 2;
    // "destroying what the military described as Hezbollah weapons depots"
    if (toks[k]?.lower === 'what') {
      const as = toks.findIndex((t, j) => j > k && j - k <= 7 && /^(as|called|termed|dubbed)$/.test(t.lower));
      if (as > 0) k = toks[as]!.lower === 'as' || toks[as + 1]?.lower !== 'as' ? as + 1 : as + 2;
    }
    if (hit.phrase && /^(to|on|at)$/.test(toks[k]?.lower ?? '')) k++; // "set fire to an oil depot"
    const direct = npRight(toks, np, k) ?? bareCount(f, k);
    if (direct && direct.first - k <= 2 && !whereOn(toks, k)) objects.push(direct);
  }
  // "shots were fired at the convoy": the trigger phrase may end with the preposition itself;
  // what is shot "into" is aimed at too ("fired several rounds into the crowd"; not "launched an
  // investigation into")
  const aimed = (t: Token) => /^(on|against|at|targeting|upon)$/.test(t.lower) || (t.lower === 'into' && /^(fire|shoot)$/.test(toks[hit.first]!.lemma));
  const prepAt = aimed(toks[hit.last]!) && hit.last > hit.first ? hit.last : toks.findIndex((t, k) => k > hit.last && ((aimed(t) && k - hit.last <= 6) || (isNoun && t.lower === 'of' && k - hit.last <= 1)));
  // (a verb between them ends the clause, but not a word of a weapon's name: "fired rocket-propelled grenades at")
  const inWeapon = (k: number) => f.phrases.some((p) => p.kind === 'equipment' && p.first <= k && p.last >= k);
  if (prepAt >= 0 && !toks.slice(hit.last + 1, prepAt).some((t, j) => (t.pos === 'VERB' && !inWeapon(hit.last + 1 + j)) || /^[,–—]$/.test(t.text))) {
    const p = npRight(toks, np, prepAt + 1);
    // ("on the outskirts of the town", "at the edge of": where, not whom)
    if (p && !whereOn(toks, prepAt + 1) && toks[p.last]!.lower !== 'air') objects.push(p);
  }
  // "the destruction of equipment, including US-made armored personnel carriers", "were arrested, including …"
  const includingAt = toks.findIndex((t, k) => k > hit.last && k - hit.last <= 6 && t.lower === 'including');
  if (includingAt >= 0) {
    const p = npRight(toks, np, includingAt + 1);
    if (p && !placeOnly(f, p)) objects.push(p);
  }
  return objects;
}

/** Heads of an "on"/"at" phrase that say where a deed was done, not what it was done to. */
const WHERE_ON = /^(outskirts|outskirt|edge|edges|fringes|periphery|frontline|front|road|highway|border|banks?|shores?|coast|side)$/;
/** Does the phrase at token k, past its article, open with such a head ("the outskirts of the town")? */
const whereOn = (toks: readonly Token[], k: number): boolean => WHERE_ON.test(toks[toks[k]?.lower === 'the' ? k + 1 : k]?.lower ?? '');

/** "wounded 71", "injured another 15", "killed more than 260": after a casualty verb, a number with no noun after it counts the people the verb took. */
function bareCount(f: Frame, k: number): Phrase | null {
  const { toks, hit } = f;
  if (!f.cues.casualty.has(toks[hit.last]!.lower)) return null;
  let i = k;
  const two = `${toks[i]?.lower} ${toks[i + 1]?.lower}`;
  if (/^(more than|at least|up to|a further)$/.test(two)) i += 2;
  else if (/^(another|over|nearly|almost|some|about|around)$/.test(toks[i]?.lower ?? '')) i++;
  const n = toks[i];
  if (!n || n.pos !== 'NUM' || ['NOUN', 'PROPN', 'ADJ', 'DET'].includes(toks[i + 1]?.pos ?? '') || ageEnd(toks, i) >= 0) return null;
  return { first: k, last: i, start: toks[k]!.start, end: n.end, kind: 'people', ref: null, entityType: null };
}

/** Targets, and locations among the objects ("shelled Kherson"), with the objects coordinated with them. */
export function findObjects(f: Frame, type: EventType, agent: Phrase | undefined): void {
  const { toks, phrases } = f;
  for (const p of objectPhrases(f)) {
    if (agent && p.start === agent.start) continue;
    if (/^(second|minute|hour|day|night|week|weekend|month|year|decade|time|dawn|dusk|daybreak|nightfall|noon|midday|midnight|sunrise|sunset|morning|afternoon|evening)s?$/.test(toks[p.last]!.lower)) continue; // "two weeks ago", "at dawn"
    if (type === 'CRASH' && p.kind === 'equipment') continue;
    // "fired rockets at the base", "dropped barrel bombs on Idlib", "detonated a car bomb": the
    // weapon a verb of launching or setting off takes as its object is the instrument
    if (p.kind === 'equipment' && LAUNCHING.has(toks[f.hit.first]!.lemma) && bare(f, p)) {
      if (f.taxonomy.hasRole(type, 'instrument')) addArg(f, 'instrument', p);
      continue;
    }
    // "fired shots at police", "shots were fired", "fired several rounds": what is fired is no target
    if (PROJECTILES.test(toks[p.last]!.lower) && FIRING.has(toks[f.hit.first]!.lemma)) continue;
    // "repelled an assault by the army and allied militias": the side that attacked is the target, not its assault
    const by = ASSAULT_NOUNS.test(toks[p.last]!.lower) && toks[p.last + 1]?.lower === 'by' ? npRight(toks, f.np, p.last + 2) : null;
    if (by && agentLike(f, by)) {
      addArg(f, 'target', by);
      coordinatedObjects(f, by);
      continue;
    }
    if (type === 'STATEMENT' && p.kind !== 'actor' && !(p.kind === 'place' && p.entityType === 'GPE')) continue;
    if (p.kind === 'date') continue;
    // "the Golan Heights town of Majdal Shams": the place after "of" is the one meant
    const named = f.cues.placeNouns.has(toks[p.last]!.lower) && toks[p.last + 1]?.lower === 'of' ? phrases.find((q) => q.kind === 'place' && q.first === p.last + 2) : undefined;
    if (named) addArg(f, 'location', named);
    // "blamed Israel", "urged Sudan to …": a statement is aimed at a country, not made in it
    else if (type === 'STATEMENT' && isCountry(f, p)) addArg(f, 'target', p);
    else if (placeOnly(f, p)) addArg(f, 'location', { ...p, ref: p.ref ?? phrases.find((q) => q.kind === 'place' && q.first === p.first)?.ref ?? null });
    else addArg(f, 'target', p);
    coordinatedObjects(f, p);
  }
  otherSide(f, type);
}

/**
 * The other side that a preposition names: of a fight, "with" ("clashed with police", "exchanged
 * fire with militants of the Jenin Brigade"); of ground taken, "from" ("retook Saraqib from
 * opposition factions"). An actor there is the target, as ACLED codes actor 2.
 */
function otherSide(f: Frame, type: EventType): void {
  const { toks, hit } = f;
  const mutual = type === 'CLASH' && MUTUAL.has(toks[hit.first]!.lemma);
  if (!mutual && type !== 'SEIZE') return;
  const prep = mutual ? 'with' : 'from';
  const side = f.right.find((p) => prepOf(f, p) === prep && p.first - hit.last <= (mutual ? 4 : 12) && (p.kind === 'actor' || p.kind === 'people'));
  if (side && !f.args.some((a) => a.start === side.start)) addArg(f, 'target', side);
}

/** Verbs whose object is what they send at the target or set off there: "fired rockets", "launched missiles", "dropped bombs", "detonated a car bomb", "planted an IED", "threw a grenade". */
const LAUNCHING = new Set(['fire', 'launch', 'lob', 'drop', 'detonate', 'explode', 'plant', 'throw', 'hurl', 'lay', 'place', 'set', 'trigger']);

/** Event nouns of an attack whose "by" phrase names the side that made it. */
const ASSAULT_NOUNS = /^(assault|assaults|attack|attacks|offensive|raid|raids|incursion|incursions|advance|attempt|attempts)$/;

/** Verbs of firing, whose object is what flies (not the target). */
const FIRING = new Set(['fire', 'shoot', 'launch', 'lob']);
/** What is fired that names no weapon of the equipment lexicon. */
const PROJECTILES = /^(shots?|rounds?|bullets?|volleys?|salvos?|gunshots?|gunfire|fire|tear|teargas|gas)$/;

/** Coordinated objects: "two T-72 tanks and a BMP infantry fighting vehicle" */
function coordinatedObjects(f: Frame, p: Phrase): void {
  const { toks } = f;
  let tail = p;
  for (let guard = 0; guard < 4; guard++) {
    const k = tail.last + 1;
    const conj = toks[k]?.lower === ',' && toks[k + 1]?.lower === 'and' ? 2 : /^(and|or|,)$/.test(toks[k]?.lower ?? '') ? 1 : 0;
    if (!conj) break;
    // ", a military officer and residents said": the rest of the list is who says so
    if (toks[k]!.text === ',' && listEndsInSaying(f, k + 1)) break;
    const q = npRight(toks, f.np, k + conj);
    if (!q || (q.kind !== p.kind && !(p.kind === 'equipment' || q.kind === 'equipment'))) break;
    if (conj === 1 && toks[k]!.text === ',' && (toks[q.last + 1]?.pos === 'VERB' || toks[q.last + 1]?.pos === 'AUX')) break; // ", state prosecutors said"
    addArg(f, placeOnly(f, q) ? 'location' : 'target', q);
    tail = q;
  }
}

/** Do the words from `k` on name people in a list ("a military officer and residents") that ends with a verb of saying? */
function listEndsInSaying(f: Frame, k: number): boolean {
  const { toks } = f;
  for (let j = k; j < toks.length && j < k + 10; j++) {
    const t = toks[j]!;
    if (t.pos === 'VERB' || t.pos === 'AUX') return f.cues.speech.has(t.lower);
    if (!/^(DET|ADJ|NOUN|PROPN|NUM|CCONJ)$/.test(t.pos) && t.text !== ',' && t.text !== '-') return false;
  }
  return false;
}

/** Where it happened, when the objects named no place: "in Kherson", "near the village of X", "in Kursk and Belgorod". */
export function findLocation(f: Frame, type: EventType): void {
  if (!f.taxonomy.hasRole(type, 'location') || hasRole(f, 'location')) return;
  const { toks, hit, phrases } = f;
  const locating = (p: Phrase) => LOCATION_PREPS.has(prepOf(f, p)) || (prepOf(f, p) === 'of' && f.cues.ofPlace.has(toks[lastIndex(toks, p.first, (t) => t.lower === 'of') - 1]?.lower ?? ''));
  // "the Manchester bombing": a town or region right before an event noun (a state there acts: nounAgent)
  const compound = (p: Phrase) => f.isNoun && p.last === hit.first - 1 && !isCountry(f, p);
  const candidates = [...f.right.filter((p) => p.first - hit.last <= 14), ...[...f.left].reverse().filter((p) => hit.first - p.last <= 10)].filter((p) => p.kind === 'place' && p.entityType !== 'NORP' && (locating(p) || compound(p)));
  let place = candidates[0];
  if (!place) return;
  // "the Golan Heights town of Majdal Shams": the settlement named after "of" is the place
  const named = phrases.find((q) => q.kind === 'place' && q.first > place!.last && q.first - place!.last <= 4 && toks[q.first - 1]?.lower === 'of' && f.cues.placeNouns.has(toks[q.first - 2]?.lower ?? ''));
  if (named) place = named;
  // "Russia's Bryansk region": the more specific place follows the possessive
  const next = phrases.find((q) => q.kind === 'place' && q.first === place!.last + 2 && toks[place!.last + 1]?.lower === "'s");
  if (next) place = next;
  addArg(f, 'location', place);
  let tail = place;
  for (const q of phrases) {
    if (q.first <= tail.last || q.kind !== 'place' || q.entityType === 'NORP') continue;
    const between = toks.slice(tail.last + 1, q.first).map((t) => t.lower).join(' ');
    if (!/^(and|,|, and|, northern|, southern|, eastern|, western|, central|, north|, south|, east|, west)$/.test(between)) break;
    addArg(f, 'location', q);
    tail = q;
  }
}

/** Where it came from ("drones launched from Crimea"), or, for a type without an origin, where it happened ("withdrew from Avdiivka"). */
export function findOrigin(f: Frame, type: EventType): void {
  const origin = f.right.find((p) => prepOf(f, p) === 'from' && p.kind === 'place');
  if (!origin) return;
  if (f.taxonomy.hasRole(type, 'origin')) addArg(f, 'origin', origin);
  else if (f.taxonomy.hasRole(type, 'location') && !hasRole(f, 'location')) addArg(f, 'location', origin);
}

/** The weapon used ("drone attack", "attacked with drones", "Russian jets struck"), or the vehicle that crashed. */
export function findInstrument(f: Frame, type: EventType): void {
  const kind = f.taxonomy.instrument(type);
  const { left, right, isNoun } = f;
  if (kind === 'weapon') {
    const compound = left.find((p) => p.kind === 'equipment' && p.last >= f.hit.first - 1);
    const withPhrase = right.find((p) => p.kind === 'equipment' && /^(with|using|by|from)$/.test(prepOf(f, p)));
    const subject = !isNoun ? [...left].reverse().find((p) => p.kind === 'equipment' && bare(f, p)) : undefined;
    for (const p of [compound, withPhrase, subject]) if (p) addArg(f, 'instrument', p);
  } else if (kind === 'vehicle') {
    const vehicle = [...left].reverse().find((p) => p.kind === 'equipment') ?? right.find((p) => p.kind === 'equipment' && prepOf(f, p) === 'of');
    if (vehicle) addArg(f, 'instrument', vehicle);
  }
}

/** Quantities of the sentence that count the target, the instrument or the agent. */
export function countedQuantities(f: Frame): void {
  const { doc, args } = f;
  // the arguments lie in the sentence
  for (const q of f.index.quantitiesTouching(f.s)) {
    if (args.some((a) => (a.role === 'target' || a.role === 'instrument' || a.role === 'agent') && q.start <= a.end && q.end >= a.start)) {
      args.push({ role: 'quantity', ...doc.mention(q.start, q.end), ref: q.id });
    }
  }
}

/** A statement without a subject found: the last actor before it speaks ("The ministry, in a statement, condemned …"). */
export function statementSpeaker(f: Frame, type: EventType, agent: Phrase | undefined): void {
  if (type !== 'STATEMENT' || agent) return;
  // ("said 50 people had been arrested and called for their release": the one who said it)
  const speaker = coordinatedVerbSubject(f) ?? [...f.left].reverse().find((p) => bare(f, p) && agentLike(f, p));
  if (speaker && !namesNoOne(f.toks, speaker)) addArg(f, 'agent', speaker);
}
