// Candidates: which trigger words of a sentence announce an event, and of which type. A word
// with several readings takes the one whose needs the sentence meets nearest ("captured 25
// soldiers" is CAPTURE, "captured the village" SEIZE); ATTACK-like words take their kind from
// the weapon named near them; a participle describing a noun ("the captured soldiers") or a
// weapon's name ("roadside bomb") announces nothing. Also the word-class tests the other
// modules ask of a trigger: is it a noun, a passive, a reference back to an event told before?
import type { EventType, Token } from '../../doc.js';
import type { TriggerEntry } from '../../lexicons/load.js';
import { ANAPHORIC, SEE_OR_LEAVE, type EventCues } from './cues.js';
import type { Draft, SentenceView } from './frame.js';
import type { Phrase } from './phrases.js';
import type { TriggerHit } from './triggers.js';
import { alternation, MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS } from '../../text.js';

export interface Reading {
  type: EventType;
  entry: TriggerEntry;
}

/** "roadside bomb", "Storm Shadow": a trigger word inside a weapon's name is not an event. */
export function insideWeaponName(hit: TriggerHit, phrases: Phrase[]): boolean {
  return !hit.phrase && phrases.some((p) => p.kind === 'equipment' && p.entityType === 'EQUIPMENT' && p.first <= hit.first && p.last >= hit.last && p.first < p.last);
}

/**
 * "Property destruction: On 5 December …", "Non-violent activity: …", "Air strike: …": a label
 * an event report opens with, one to four words, the first capitalised, before a colon that
 * opens the sentence. The colon's index, or -1 where the sentence opens with no label; read
 * once per sentence, from its first five words.
 */
export function openingLabelEnd(toks: Token[]): number {
  for (let i = 1; i <= 4 && i < toks.length; i++) {
    if (toks[i]!.text !== ':') continue;
    return /^[A-Z]/.test(toks[0]!.text) && toks.slice(0, i).every((t) => /^[A-Za-z][A-Za-z-]*$/.test(t.text)) ? i : -1;
  }
  return -1;
}

/** "Lynch asked the witness", "Mr. Strike said": a capitalised trigger word that names a person is no event. */
export function insidePersonName(hit: TriggerHit, toks: Token[], phrases: Phrase[]): boolean {
  return !hit.phrase && /^\p{Lu}\p{Ll}/u.test(toks[hit.first]!.text) && phrases.some((p) => p.entityType === 'PERSON' && p.first <= hit.first && p.last >= hit.last);
}

/**
 * The sentence's tokens as the events stage reads them, with slips of wink's corrected. A past
 * tense that is never a noun but that wink tagged one ("air cover retook/NOUN Saraqib") is the
 * verb. After a plural noun wink tags the verb "shot" a noun ("Gunmen/NOUN shot/NOUN a
 * policeman"), and the deed went unread: "shot" with a subject before it and an object or "at"
 * after it is the verb; "a shot", "a warning shot the day before", "shot and killed" (read by
 * the verb after "and") stay as they are.
 */
export function correctedTokens(toks: Token[]): Token[] {
  let out: Token[] | null = null;
  for (let i = 1; i < toks.length - 1; i++) {
    const t = toks[i]!;
    if (t.pos !== 'NOUN') continue;
    // a past tense that is never a noun ("forces backed by Russian air cover retook Saraqib")
    const past = PAST_NEVER_NOUN.get(t.lower);
    if (past) {
      out ??= toks.slice();
      out[i] = { ...t, pos: 'VERB', lemma: past };
      continue;
    }
    if (t.lower !== 'shot') continue;
    const prev = toks[i - 1]!;
    const next = toks[i + 1]!;
    // ("a man who police say shot a teenager": after a verb of saying, a verb)
    // ("stormed the village and shot 7 residents": after "and" or a comma that follow a verb, a second verb)
    // (not "pulled out a gun and shot him": a shooting of someone the story has named, a detail of
    // the incident it tells, which the tagger's noun keeps from becoming a record of its own)
    const coordinated = /^(and|,|then)$/.test(prev.lower) && toks.slice(0, i - 1).some((u) => u.pos === 'VERB') && !OBJECT_PRONOUN.test(next.lower);
    const subject = coordinated || prev.pos === 'NOUN' || prev.pos === 'PROPN' || SUBJECT_PRONOUN.test(prev.lower) || /^(say|says|said|allege|alleged|believe|believed)$/.test(prev.lower);
    const object = ['DET', 'NUM', 'PROPN'].includes(next.pos) || OBJECT_PRONOUN.test(next.lower) || AIMED_AFTER_SHOT.test(next.lower) || (coordinated && next.pos === 'NOUN' && !/^(wound|injur|dead|death|fire|gun|glass)/.test(next.lower));
    if (!subject || !object || SHOT_COMPOUND.test(prev.lower)) continue;
    out ??= toks.slice();
    out[i] = { ...t, pos: 'VERB', lemma: 'shoot' };
  }
  return out ?? toks;
}
const SUBJECT_PRONOUN = /^(he|she|they|we|i|who|someone|somebody)$/;
/** Past tenses of conflict verbs that are never nouns, by their lemma, which the tagger sometimes reads as nouns after a noun. */
const PAST_NEVER_NOUN = new Map([['retook', 'retake'], ['overran', 'overrun'], ['took', 'take'], ['struck', 'strike'], ['fought', 'fight'], ['threw', 'throw'], ['stormed', 'storm'], ['seized', 'seize'], ['recaptured', 'recapture'], ['shelled', 'shell'], ['killed', 'kill'], ['abducted', 'abduct'], ['kidnapped', 'kidnap'], ['retaken', 'retake'], ['overrun', 'overrun'], ['reclaimed', 'reclaim'], ['regained', 'regain']]);
/** a personal pronoun as object: "shot him" */
const OBJECT_PRONOUN = /^(him|her|them|me|us|himself|herself|themselves)$/;
/** what else may follow "shot" the verb: "shot his neighbour", "shot at", "shot into" */
const AIMED_AFTER_SHOT = /^(his|their|at|into)$/;
/** nouns that make "shot" a noun themselves: "a warning shot", "a flu shot" */
const SHOT_COMPOUND = /^(warning|flu|booster|vaccine|gun|mug|head|screen|jump|parting|moon|passing|chip|slap|trick|long)$/;

/** Settle the reading: "captured 25 soldiers" is CAPTURE, "captured the village" SEIZE; null when the word announces nothing here. */
export function readingOf(view: SentenceView, hit: TriggerHit): Reading | null {
  const { toks } = view;
  const withNeeds = hit.readings.filter((r) => r.needs?.length);
  const satisfied = withNeeds
    .map((r) => ({ r, at: Math.min(...r.needs!.map((n) => needDistance(view, n, hit, r.type === 'PROTEST'))) }))
    .filter((x) => Number.isFinite(x.at))
    .sort((a, b) => a.at - b.at);
  // the nearest need met, or a reading with none; past a reading the word's other sense rules
  // out ("took Ross into custody": Ross may be a place, but nothing is taken over)
  const readings = [...satisfied.map((x) => x.r), ...hit.readings.filter((r) => !r.needs?.length).slice(0, 1)];
  const entry = readings.find((r) => !otherSenseOfWord(view, hit, r.type));
  if (!entry) return null;
  // "to demand the resignation": a purpose, not a statement
  if (entry.type === 'STATEMENT' && toks[hit.first - 1]?.lower === 'to' && !/^(refused|going|set|due)$/.test(toks[hit.first - 2]?.lower ?? '')) return null;
  // "fired rocket-propelled grenades": a trigger phrase that cuts a weapon's name is its first word,
  // a firing of that weapon
  const cut = hit.phrase ? view.phrases.find((p) => p.kind === 'equipment' && p.first > hit.first && p.first <= hit.last && p.last > hit.last) : undefined;
  if (cut) {
    hit.last = cut.first - 1;
    hit.phrase = hit.last > hit.first;
  }
  return { type: refine(view, cut ? 'ATTACK' : entry.type, hit), entry };
}

/** Who makes an allegation: a people's word, an actor or a possessor right before it, or a "by" phrase after it. */
function alleger(view: SentenceView, hit: TriggerHit): boolean {
  const { toks, phrases } = view;
  const before = toks[hit.first - 1];
  if (before && /^['’]s?$/.test(before.text)) return true;
  if (phrases.some((p) => p.last === hit.first - 1 && (p.kind === 'actor' || p.entityType === 'NORP' || p.entityType === 'GPE' || p.entityType === 'ORG' || p.entityType === 'PERSON'))) return true;
  if (before && /^(his|her|their|its)$/.test(before.lower)) return true;
  return toks[hit.last + 1]?.lower === 'by';
}

/**
 * Whether the trigger word has another sense here than the reading of this type: "took part",
 * "taken to a hospital", "his alleged role", "pulled out a gun", "a man accused of shooting",
 * "engaged in the sale of oil", "fell to 36-3". These are the word's own senses, which the rules
 * settle: the events stage asks this before it asks the classifier, which has seen too few of
 * them to tell (docs/EVALUATION.md, "Records against the hand labels").
 */
export function otherSenseOfWord(view: SentenceView, hit: TriggerHit, type: EventType): boolean {
  const { toks } = view;
  const t = toks[hit.first]!;
  // "video captured by a neighbor", "the moment was captured on camera": pictures taken, no one caught
  const media = view.cues.otherSenses.capturedMedia;
  if (t.lemma === 'capture' && (media.has(toks[hit.first - 1]?.lower ?? '') || media.has(toks[phraseHead(toks, hit.last + 1, /^(the|a|an|this|that)$/)]?.lower ?? '') || /^on (camera|video|film|tape)$/.test(`${toks[hit.last + 1]?.lower} ${toks[hit.last + 2]?.lower}`))) return true;
  // "hostages released in exchange for prisoners": a trade, no agreement of its own
  if (t.lower === 'exchange' && toks[hit.first - 1]?.lower === 'in' && toks[hit.last + 1]?.lower === 'for') return true;
  // "seized power in a coup": power taken, not people or ground
  if (/^(seize|take|grab|assume)$/.test(t.lemma) && toks[hit.last + 1]?.lower === 'power') return true;
  // "attacks on commercial shipping", "the ship continued": a vessel, not a delivery ("shipped 200 missiles")
  if (type === 'SUPPLY' && /^(ship|ships|shipping)$/.test(t.lower) && t.pos !== 'VERB') return true;
  // "take place", "took part", "took steps", "was taken aback"
  if (/^(take|took|taken|taking)$/.test(t.lower) && /^(place|part|note|care|time|steps|measures|aback)$/.test(toks[hit.last + 1]?.lower ?? '')) return true;
  // "took over 100 hours", not "took over the city"
  if (/^(take|took|taken|taking)$/.test(t.lower) && toks[hit.last + 1]?.lower === 'over' && toks[hit.last + 2]?.pos === 'NUM') return true;
  if (/^(take|took|taken|taking|takes)$/.test(t.lower) && takenForCare(view, hit)) return true;
  // "took two men into custody": an arrest (a reading of its own, which needs "into custody"), not ground or people seized
  if (type !== 'ARREST' && /^(take|took|taken|taking|takes)$/.test(t.lower) && !hit.phrase && toks.slice(hit.last + 1, hit.last + 8).some((w, k, next) => w.lower === 'into' && next[k + 1]?.lower === 'custody')) return true;
  // "Bombs exploded across the city" (wink may tag a sentence's first "Bombs" a verb): the noun, whose explosion its verb tells
  if (type === 'AIRSTRIKE' && /^bombs?$/.test(t.lower) && /^(explode|detonate|blow|go)$/.test(toks[hit.last + 1]?.lemma ?? '')) return true;
  // "were detained in hospital": kept there for care, no one arrested
  if (type === 'ARREST' && t.lemma === 'detain' && toks[hit.last + 1]?.lower === 'in' && /^(hospital|hospitals)$/.test(toks[phraseHead(toks, hit.last + 2)]?.lower ?? '')) return true;
  // "he entered the United States on a student visa": one person's coming in, no armed incursion
  if (type === 'INCURSION' && t.lemma === 'enter' && personEntering(view, hit.first)) return true;
  // "taken for a spin", "taken for test flights", "taken for granted": a trial or an idiom, no one caught ("taken for questioning" stays)
  if (/^(take|took|taken|taking|takes)$/.test(t.lower) && toks[hit.last + 1]?.lower === 'for' && TAKEN_FOR.test(toks[phraseHead(toks, hit.last + 2, /^(test|trial|counter|-|terrorist)$/)]?.lower ?? '')) return true;
  // "I thought it was a car crash", "it sounded like gunfire": what something was likened to, not a deed told
  if (likenedTo(toks, hit)) return true;
  // "his alleged involvement", "the alleged stabbing": a hedge on a noun, no statement
  if (type === 'STATEMENT' && t.lower === 'alleged' && ['NOUN', 'ADJ', 'PROPN'].includes(toks[hit.last + 1]?.pos ?? '')) return true;
  // "the steps that have been taken", "photographs taken in the restaurant": things taken, not people or ground
  if (/^(taken|took)$/.test(t.lower) && view.cues.otherSenses.takenThings.has(takenThing(toks, hit.first))) return true;
  // "the attacks demonstrate the cruelty of the regime": to show, not to protest
  if (type === 'PROTEST' && t.lemma === 'demonstrate' && ['DET', 'ADJ', 'NOUN', 'PRON', 'SCONJ'].includes(toks[hit.last + 1]?.pos ?? '') && !/^(outside|in|at|near)$/.test(toks[hit.last + 1]!.lower)) return true;
  // "Anyone with information is urged to contact police": an appeal no one is named to make
  if (type === 'STATEMENT' && /^(is|are)$/.test(toks[hit.first - 1]?.lower ?? '') && /^(urged|asked|encouraged|requested)$/.test(t.lower)) return true;
  // "entities engaged in the sale of oil": a trade, not a clash; "engaged in heavy fighting", "engaged in ethnic cleansing" stay
  if (type === 'CLASH' && t.lemma === 'engage' && toks[hit.last + 1]?.lower === 'in' && !view.cues.otherSenses.violenceNouns.has(toks[phraseHead(toks, hit.last + 2, VIOLENCE_MODIFIERS)]?.lower ?? '')) return true;
  // "I agreed with Craig that Ellen is the ideal host", "a jury agreed": an opinion shared, no agreement between parties
  if (type === 'AGREEMENT' && /^agree/.test(t.lower) && (agreedThat(toks, hit.last) || /^(jury|jurors|court|judge)$/.test(toks[hit.first - 1]?.lower ?? ''))) return true;
  // "according the CEO" (a slip for "according to"): the stem "accord" is no agreement
  if (type === 'AGREEMENT' && t.lower === 'according') return true;
  // "fell to 36-3", "fell to 5 percent": a score or a figure, not a town falling to a force
  if (type === 'SEIZE' && hit.phrase && t.lemma === 'fall' && toks[hit.last + 1]?.pos === 'NUM') return true;
  // "pulled out a gun": a weapon drawn, not forces withdrawn
  if (type === 'WITHDRAWAL' && hit.phrase && view.cues.drawnWeapons.has(weaponAfter(toks, hit.last))) return true;
  // "a man accused of shooting", "was accused of": an allegation the sentence reports, no statement of its own, unless it names the accuser ("accused of … by officials")
  if (type === 'STATEMENT' && t.lower === 'accused' && toks[hit.last + 1]?.lower === 'of' && (toks[hit.first - 1]?.pos !== 'PROPN' || /^(is|was|were|are|been|being|be)$/.test(toks[hit.first - 1]?.lower ?? '')) && !accuserNamed(toks, hit.last)) return true;
  // "investigating allegations of polygamy", "arrested on allegations of DUI": a charge the story
  // tells of, no statement, unless someone makes it ("Russian allegations of Ukrainian
  // orchestration", "Moscow's allegations", "allegations by the army")
  if (type === 'STATEMENT' && /^allegations?$/.test(t.lower) && !alleger(view, hit)) return true;
  return false;
}

/** Is the subject right before "entered" one person: a pronoun, a person's name, "a man"? */
function personEntering(view: SentenceView, first: number): boolean {
  let i = first - 1;
  while (i >= 0 && (view.toks[i]!.pos === 'ADV' || view.toks[i]!.pos === 'AUX')) i--;
  const w = view.toks[i];
  if (!w) return false;
  if (/^(he|she|i|you)$/.test(w.lower)) return true;
  return view.phrases.some((p) => p.last === i && (p.entityType === 'PERSON' || (p.kind === 'people' && /^(man|woman|boy|girl|person|student|migrant|refugee|tourist|citizen)$/.test(w.lower))));
}

const TAKEN_FOR = /^(spin|spins|ride|rides|drive|walk|test|tests|trial|trials|flight|flights|granted|fool)$/;

/**
 * "sounded like an explosion", "looked like a bombing", "I thought it was a car crash": a noun
 * a thing is likened to or mistaken for, with no determiner or an indefinite one ("attacks like
 * the one in Paris" name a deed, and are left alone).
 */
function likenedTo(toks: Token[], hit: TriggerHit): boolean {
  let i = hit.first - 1;
  while (i >= 0 && (toks[i]!.pos === 'ADJ' || toks[i]!.pos === 'NOUN') && i >= hit.first - 3) i--;
  if (/^(a|an)$/.test(toks[i]?.lower ?? '')) i--;
  if (toks[i]?.lower === 'like') return /^(sound|look|seem|feel)/.test(toks[i - 1]?.lower ?? '') || /^(just|exactly|more)$/.test(toks[i - 1]?.lower ?? '');
  return /^(was|were|is)$/.test(toks[i]?.lower ?? '') && /^(it|this|that)$/.test(toks[i - 1]?.lower ?? '') && /^(thought|believed|assumed|feared|guessed|think|thinking)$/.test(toks[i - 2]?.lower ?? '');
}

/** "agreed that …", "agreed with X that …": what is agreed is an opinion. */
function agreedThat(toks: Token[], last: number): boolean {
  if (toks[last + 1]?.lower === 'that') return true;
  if (toks[last + 1]?.lower !== 'with') return false;
  for (let i = last + 2; i < toks.length && i <= last + 8; i++) {
    if (toks[i]!.lower === 'that') return true;
    if (/^[,.;:]$/.test(toks[i]!.text) || toks[i]!.pos === 'VERB') return false;
  }
  return false;
}

/** "accused of misusing funds by government officials": a "by" phrase later in the clause names who accuses. */
function accuserNamed(toks: Token[], last: number): boolean {
  for (let i = last + 1; i < toks.length && i <= last + 30; i++) {
    if (/^[.;:]$/.test(toks[i]!.text)) return false;
    if (toks[i]!.lower === 'by') return true;
  }
  return false;
}

/**
 * Where the noun a phrase starting at i ends with stands, past its determiners, adjectives and
 * numbers ("the sale of oil" → sale), and past the words of `modifiers` whatever wink tags them.
 */
export function phraseHead(toks: readonly { pos: string; lower: string }[], i: number, modifiers?: RegExp): number {
  while (['DET', 'ADJ', 'NUM'].includes(toks[i]?.pos ?? '') || (modifiers && modifiers.test(toks[i]?.lower ?? ''))) i++;
  return i;
}
/** Modifiers of violence that wink may tag as nouns: "heavy fighting", "ethnic cleansing". */
const VIOLENCE_MODIFIERS = /^(heavy|fierce|ethnic|armed)$/;

/** What "taken" or "took" is said of when its subject comes before it: "the steps that have been taken" → steps. */
function takenThing(toks: Token[], first: number): string {
  let i = first - 1;
  while (i >= 0 && (/^(have|has|had|been|was|were|be|being|is|are|that|which|already|also|not|just|recently)$/.test(toks[i]!.lower) || toks[i]!.pos === 'ADV')) i--;
  return toks[i]?.pos === 'NOUN' ? toks[i]!.lower : '';
}

/** The noun a drawn weapon would be, right after the phrase: "pulled out a gun", "pulled out his knife". */
function weaponAfter(toks: Token[], last: number): string {
  let i = last + 1;
  if (/^(a|an|the|his|her|their|its|another|two)$/.test(toks[i]?.lower ?? '')) i++;
  return toks[i]?.lemma ?? '';
}

/** "was taken to a hospital", "was taken in critical condition to a hospital", "his body was taken to the coroner's office": the wounded and the dead are taken for care, not captured. */
function takenForCare(view: SentenceView, hit: TriggerHit): boolean {
  const { toks } = view;
  // "to" right after, or after what was said of the one taken ("taken in good condition to a hospital")
  let to = hit.last + 1;
  while (to < toks.length && to <= hit.last + 8 && toks[to]!.lower !== 'to' && !/^[,.;:]$/.test(toks[to]!.text)) to++;
  if (toks[to]?.lower !== 'to') return false;
  for (let i = to + 1; i < toks.length && i <= to + 6; i++) {
    if (view.cues.careDestinations.has(toks[i]!.lower)) return true;
    if (/^[,.;:]$/.test(toks[i]!.text)) return false;
  }
  return false;
}

const GRIEVANCE = /^(against|demanding|chanting|denouncing|protesting|calling)$/;
/** A crowd that protests by name: "protesters gathered outside …" needs no grievance told. */
const PROTESTERS = /^(protesters|protestors|demonstrators)$/;

/** Does token i hold what a reading needs (people, equipment, aid, a place, a force, an aircraft, a projectile, "to death", a grievance)? */
function meetsNeed(view: SentenceView, need: string, i: number): boolean {
  const { toks, phrases, know, doc } = view;
  const t = toks[i];
  if (!t) return false;
  const at = phrases.filter((p) => p.first <= i && p.last >= i);
  switch (need) {
    case 'people':
      return know.people.has(t.lower) || at.some((p) => p.kind === 'people' || p.entityType === 'PERSON' || (p.entityType === 'NORP' && /s$/.test(t.lower)));
    case 'equipment':
      return at.some((p) => p.kind === 'equipment') || /^(weapons|arms|ammunition|munitions|shells|missiles|rockets)$/.test(t.lower);
    case 'aid':
      return view.cues.aidWords.has(t.lower);
    case 'place':
      return at.some((p) => p.kind === 'place' && p.entityType !== 'NORP') || view.cues.placeNouns.has(t.lower);
    case 'force':
      return at.some((p) => p.kind === 'actor' && p.entityType !== 'PERSON') || view.actorNouns.has(t.lower);
    case 'aircraft':
      return at.some((p) => p.kind === 'equipment');
    case 'projectile':
      return at.some((p) => p.kind === 'equipment' && /missile|rocket|artillery|uav|munition/.test(String(doc.entities.find((e) => e.id === p.ref)?.kb?.category ?? ''))) || /^(rockets?|missiles?|shells?|mortars?|mortar|drones?|projectiles?|grenades?|shots|gunshots|rounds|bullets)$/.test(t.lower);
    case 'grievance':
      // "gathered … against mobilisation", "to demand", "in protest", "chanting": what a crowd is there for
      return GRIEVANCE.test(t.lower) || PROTESTERS.test(t.lower) || (t.lower === 'in' && toks[i + 1]?.lower === 'protest') || (t.lower === 'to' && /^(protest|demand|denounce|condemn|oppose|mourn)$/.test(toks[i + 1]?.lower ?? ''));
    case 'custody':
      return t.lower === 'custody' && toks[i - 1]?.lower === 'into';
    case 'death':
      // "beat a suspected thief to death", "stabbed him to death"
      return t.lower === 'death' && toks[i - 1]?.lower === 'to';
    default:
      return false;
  }
}

/** How many tokens after the trigger (or before it, for passives) a needed thing stands. */
function needDistance(view: SentenceView, need: string, hit: TriggerHit, subjectToo = false): number {
  const { toks } = view;
  // what a crowd gathered for is often told after where it gathered ("gathered outside the
  // regional administration in Lviv against …")
  const window = need === 'grievance' ? 12 : 7;
  const passive = isPassive(hit, toks);
  for (let d = 1; d <= window; d++) {
    const i = hit.last + d;
    if (i >= toks.length || /^[;:]$/.test(toks[i]!.text)) break;
    // ("Kidal was taken by rebels": who did it is no one taken)
    if (passive && toks[i]!.lower === 'by') break;
    if (meetsNeed(view, need, i)) return d;
  }
  // passive: "25 soldiers were captured"; protesters are the subject: "thousands of protesters
  // marched", "protesters gathered"
  if (passive || (need === 'people' && subjectToo) || need === 'grievance') for (let d = 1; d <= 7; d++) if (meetsNeed(view, need, hit.first - d)) return d + 0.5;
  return Infinity;
}

/** ATTACK-like words take their kind from the weapon: drones, missiles, artillery, mines. */
function refine(view: SentenceView, type: EventType, hit: TriggerHit): EventType {
  const { doc, toks, phrases } = view;
  const categoryOf = (p: Phrase) => doc.entities.find((e) => e.id === p.ref)?.kb?.category as string | undefined;
  if (type === 'KILLING') {
    const near = phrases.filter((p) => p.kind === 'equipment' && p.last >= hit.first - 6 && p.last < hit.first);
    const words = near.map((p) => doc.text.slice(p.start, p.end).toLowerCase());
    return words.some((w) => /\b(bomb|ied|mine|landmine|explosive|grenade)s?\b/.test(w)) ? 'EXPLOSION' : type;
  }
  // "Russian missiles and drones slammed into the power grid": a weapon that crashes into something strikes it
  if (type === 'CRASH') {
    const weapons = phrases.filter((p) => p.kind === 'equipment' && p.last < hit.first && p.last >= hit.first - 6).map(categoryOf);
    if (!weapons.some((c) => c === 'uav' || c === 'missile' || c === 'munition' || c === 'rocket_artillery')) return type;
    type = 'ATTACK';
  }
  if (type !== 'ATTACK' && type !== 'EXPLOSION') return type;
  if (type === 'ATTACK' && laborStrike(toks, hit)) return 'PROTEST';
  const near = phrases.filter((p) => p.kind === 'equipment' && p.last >= hit.first - 6 && p.first <= hit.last + 6);
  const equipmentAt = near.map(categoryOf);
  // the words around it, but not those of a small arm, whose name may hold a bigger weapon's word ("rocket" of "rocket-propelled grenade")
  const from = Math.max(0, hit.first - 3);
  const words = toks.slice(from, hit.last + 5).filter((_, k) => !near.some((p) => categoryOf(p) === 'small_arms' && p.first <= from + k && p.last >= from + k)).map((t) => t.lower);
  const has = (re: RegExp) => equipmentAt.some((c) => c && re.test(c)) || words.some((w) => re.test(w));
  if (has(/^(uav|drones?|kamikaze)$/)) return 'DRONE_STRIKE';
  // "warplanes bombed", not "blowing up a plane": the aircraft must come before the word
  if (type === 'EXPLOSION') {
    // "the bomber behind the suicide bombing": a suicide attack is no air strike, whatever "bomber" stands near
    if (toks.slice(Math.max(0, hit.first - 1), hit.last + 1).some((t) => t.lower === 'suicide')) return type;
    const before = near.filter((p) => p.last < hit.first).map(categoryOf);
    return before.some((c) => c === 'aircraft' || c === 'helicopter') ? 'AIRSTRIKE' : type;
  }
  if (has(/^(mines?|ieds?|landmines?|bombs?|explosives?|grenades?)$/) && !has(/^(aircraft|helicopter|warplanes?|jets?)$/)) return 'EXPLOSION';
  if (has(/^(missiles?|aircraft|helicopter|warplanes?|jets?)$/)) return 'AIRSTRIKE';
  if (has(/^(artillery|rocket_artillery|mortars?|rockets?|howitzers?|shells?)$/)) return 'SHELLING';
  // "On Jan. 9, Coalition military forces conducted 26 strikes": a bare "strike" of an article
  // that tells of aircraft (the air force, warplanes, jets, air strikes) is an air strike
  if (/^strikes?$/.test(toks[hit.last]!.lower) && toks[hit.last]!.pos === 'NOUN' && articleOfAircraft(doc)) return 'AIRSTRIKE';
  return type;
}

// (not "bombers": a suicide bomber is no aircraft)
const AIRCRAFT_WORDS = /^(aircraft|warplanes?|jets?|helicopters?|airstrikes?|air-strikes?|sorties?)$/;
const airWordsSeen = new WeakMap<object, boolean>();
/** Does the article name aircraft or air strikes anywhere ("the air force", "warplanes", "an air strike")? Read once per document. */
function articleOfAircraft(doc: SentenceView['doc']): boolean {
  let seen = airWordsSeen.get(doc);
  if (seen === undefined) {
    seen = doc.tokens.some((t, i) => AIRCRAFT_WORDS.test(t.lower) || (t.lower === 'air' && /^(force|forces|strike|strikes|raid|raids|attack|attacks|power)$/.test(doc.tokens[i + 1]?.lower ?? '')));
    airWordsSeen.set(doc, seen);
  }
  return seen;
}

const DETERMINER = /^(a|an|the|this|that|these|those|its|their|his|her|our)$/;

/**
 * "an opposition-called 48-hour strike", "a three-day strike by doctors", "a union-called
 * strike": a stoppage of work told by its length, its caller or its strikers, which ACLED codes
 * as a protest.
 */
function laborStrike(toks: Token[], hit: TriggerHit): boolean {
  if (hit.phrase || !/^strikes?$/.test(toks[hit.first]!.lower)) return false;
  const before = toks.slice(Math.max(0, hit.first - 4), hit.first).map((t) => t.lower).join(' ');
  const after = toks.slice(hit.last + 1, hit.last + 3).map((t) => t.lower).join(' ');
  return /\b(hour|day|week|month)\s*$|-?\s*called\s*$|\b(union|unions|workers|teachers|doctors|nurses|drivers|miners|truckers|traders)\s*['’]?\s*$/.test(before) || /^(by|of) (workers|teachers|doctors|nurses|drivers|miners|truckers|traders|unions?|staff|employees)\b/.test(after);
}

/**
 * "the captured soldiers", "destroyed tanks": a participle describing a noun reports no new
 * event; nor does a noun describing the noun after it ("an attack helicopter", "the detention
 * centres"). The phrases, where given, tell a date after the noun ("the attack yesterday") from
 * a noun it describes.
 */
/** "his accused killer", "their captured comrades": a possessive before a participle that describes the noun after it. */
const POSSESSIVE = /^(his|her|their|its|our|my|your)$/;

export function isReference(hit: TriggerHit, toks: Token[], phrases: readonly Phrase[] = []): boolean {
  const t = toks[hit.first]!;
  const next = toks[hit.last + 1];
  const prev = toks[hit.first - 1];
  if (hit.phrase) return false;
  // "evacuated the wounded", "buried the dead": people, not an event
  if (prev?.lower === 'the' && /^(wounded|injured|dead|killed|captured|detained|missing|displaced)$/.test(t.lower) && (!next || !['NOUN', 'PROPN', 'ADJ'].includes(next.pos))) return true;
  // "a hit song", "an attack helicopter", "the detention centres", "their protest leaders": a
  // determiner's noun that modifies the noun after it names a kind of thing, a place or people
  if (prev && DETERMINER.test(prev.lower) && !/(ing|ed)$/.test(t.lower) && next?.pos === 'NOUN' && toks[hit.last + 2]?.pos !== 'NOUN' && !phrases.some((p) => p.kind === 'date' && p.first <= hit.last + 1 && p.last >= hit.last + 1)) return true;
  // "blocking roads with burning tyres", "a smouldering car": what is on fire, not a deed
  if (/^(burning|smouldering|smoldering|blazing)$/.test(t.lower) && next?.pos === 'NOUN') return true;
  if (!/(ed|en)$/.test(t.lower) || t.lemma === 'die') return false;
  // (a date after it is when, not what: "died Monday", "was killed Friday")
  const dated = phrases.some((p) => p.kind === 'date' && p.first === hit.last + 1) || WEEKDAY_OR_MONTH.test(next?.lower ?? '');
  const nounNext = !!next && (next.pos === 'NOUN' || next.pos === 'PROPN') && !dated;
  // ("executed detained soldiers": a participle between a verb and its object describes the object;
  // after a closing bracket it is the verb of the name before it: "the Arakan Army (AA) seized Paletwa")
  return nounNext && (!prev || ANAPHORIC.has(prev.lower) || POSSESSIVE.test(prev.lower) || prev.pos === 'DET' || prev.pos === 'ADP' || (prev.pos === 'PUNCT' && prev.text !== ')' && !nextVerbOfList(toks, hit)) || (prev.pos === 'VERB' && prev.lemma !== 'be' && prev.lemma !== 'have'));
}

/**
 * "youths set cars ablaze, looted shops and fired …": after a comma that follows a verb, a past
 * form before a noun is the next verb of a list, unless a verb follows its noun ("…, wounded
 * soldiers were evacuated", where the participle describes the subject).
 */
function nextVerbOfList(toks: Token[], hit: TriggerHit): boolean {
  if (toks[hit.first - 1]?.text !== ',' || !toks.slice(0, hit.first - 1).some((t) => t.pos === 'VERB')) return false;
  let k = hit.last + 1;
  while (toks[k] && ['NOUN', 'PROPN', 'ADJ', 'NUM'].includes(toks[k]!.pos)) k++;
  return !toks[k] || !['VERB', 'AUX'].includes(toks[k]!.pos);
}

const WEEKDAY_OR_MONTH = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?$/;

/**
 * Is the trigger a noun ("the attack", "drone strikes") rather than a verb ("attacked",
 * "shot dead", "denied firing rockets")? wink's tags are the start; its slips on past
 * tenses and gerunds ("Gunmen abducted/NOUN", "shot/NOUN dead") are corrected here.
 */
export function isNominal(hit: TriggerHit, toks: Token[], cues: EventCues): boolean {
  const first = toks[hit.first]!;
  const last = toks[hit.last]!;
  const prev = toks[hit.first - 1];
  const determined = !!prev && (/^(the|a|an|its|their|his|her|this|these|those|that|such|our)$/.test(prev.lower) || prev.pos === 'ADJ' || prev.lower === "'s");
  if (hit.phrase) return !determined && (first.pos === 'VERB' || /ed$/.test(first.lower) || cues.verbalPhraseHeads.has(first.lower)) ? false : first.pos !== 'VERB';
  const noun = last.pos === 'NOUN' || last.pos === 'PROPN';
  if (determined && (noun || /ing$/.test(last.lower))) return true;
  // "the shelling of Kherson", "Russian shelling hit Zmiivka": a gerund that is the subject or has "of"
  if (/ing$/.test(last.lower)) return toks[hit.last + 1]?.lower === 'of' || ['VERB', 'AUX'].includes(toks[hit.last + 1]?.pos ?? '');
  if (!noun || /ed$/.test(last.lower)) return false;
  return true;
}

/** "was captured", "were killed by": a passive verb, whose subject is its target. */
export function isPassive(hit: TriggerHit, toks: Token[]): boolean {
  // "were mutilated, injured and scarred": a participle in a list is passive as the list's first is
  const listed = participleListStart(toks, hit.first);
  if (listed < hit.first) return isPassive({ ...hit, first: listed, last: listed, phrase: false }, toks);
  const t = toks[hit.first]!;
  // participles, regular and not: "was killed", "was taken", "was shot", "was hit"
  // (a trigger phrase isNominal read as a verb is one, whatever the tagger made of its first word: "– shot dead by police –")
  if (!/(ed|en|wn|ught|ck)$|^(shot|hit|cut|slit)$/.test(t.lower) || (t.pos === 'NOUN' && !hit.phrase)) return false;
  for (let i = hit.first - 1; i >= 0 && i >= hit.first - 3; i--) {
    const w = toks[i]!;
    if (['be', 'get'].includes(w.lemma) || /^(was|were|been|being|is|are|got)$/.test(w.lower)) return true;
    if (w.pos !== 'ADV' && w.pos !== 'PART') break;
  }
  return toks[hit.last + 1]?.lower === 'by' || afterSeenOrLeft(hit, toks);
}

/** "were trapped, wounded and burned": the first participle of the list the one at k ends ("trapped" for "wounded"), or k. */
export function participleListStart(toks: Token[], k: number): number {
  let first = k;
  while (/^(,|and)$/.test(toks[first - 1]?.lower ?? '') && /ed$/.test(toks[first - 2]?.lower ?? '')) first -= 2;
  return first;
}

/**
 * "four men injured", "two soldiers killed in the blast": a participle of killing or wounding
 * right after a noun phrase and with no object after it says what was done to that phrase,
 * as a passive does (these verbs are not used without an object when their subject acts).
 */
export function reducedCasualtyParticiple(hit: TriggerHit, toks: Token[], casualty: ReadonlyMap<string, string>): boolean {
  const t = toks[hit.first]!;
  if (hit.first !== hit.last || !/(ed|en|wn|rt)$/.test(t.lower) || !['killed', 'injured'].includes(casualty.get(t.lower) ?? '')) return false;
  if (!['NOUN', 'PROPN', 'NUM'].includes(toks[hit.first - 1]?.pos ?? '')) return false;
  // an object after it makes it the verb: "jihadists killed at least 40 civilians", "killed more than 20"
  const next = toks[hit.first + 1];
  const two = `${next?.lower ?? ''} ${toks[hit.first + 2]?.lower ?? ''}`;
  return !['DET', 'NUM', 'NOUN', 'PROPN', 'PRON', 'ADJ'].includes(next?.pos ?? 'PUNCT') && !COUNT_OPENERS.test(next?.lower ?? '') && !/^(at least|at most|up to|more than)$/.test(two);
}
const COUNT_OPENERS = /^(over|about|around|some|nearly|almost|roughly|scores|dozens|hundreds|thousands)$/;

/**
 * "fighting that saw 120 soldiers killed", "the raid left three people wounded": a participle
 * after the object of "see" or "leave" tells what was done to that object, as a passive does.
 */
function afterSeenOrLeft(hit: TriggerHit, toks: Token[]): boolean {
  // the object ends right before it ("left the town and killed": a verb of its own)
  if (!['NOUN', 'PROPN', 'NUM'].includes(toks[hit.first - 1]?.pos ?? '')) return false;
  for (let i = hit.first - 1, words = 0; i >= 0 && words <= 8; i--, words++) {
    const w = toks[i]!;
    // the verb (wink may call "saw" a noun), not "the left flank"
    if (SEE_OR_LEAVE.test(w.lower)) return words > 0 && w.pos !== 'ADJ' && w.pos !== 'ADV';
    if (!['NUM', 'ADJ', 'NOUN', 'PROPN', 'DET', 'CCONJ', 'ADP'].includes(w.pos) && w.lower !== ',') return false;
  }
  return false;
}

/** Is the event `d`, named by a noun, the subject of the verb at `hit`? ("shelling hit", "the strike reportedly damaged") */
export function isSubjectOf(d: Draft, hit: TriggerHit, toks: Token[]): boolean {
  return d.nominal === true && endsSubjectOf(d.event.trigger.end, hit, toks);
}

/** Does the noun ending at offset `end` stand right before the hit's verb, with only auxiliaries and adverbs between ("the explosion targeted", "the shelling has also hit")? */
export function endsSubjectOf(triggerEnd: number, hit: TriggerHit, toks: Token[]): boolean {
  const end = toks.findIndex((t) => t.end === triggerEnd);
  if (end < 0 || end >= hit.first) return false;
  // ("airstrikes on Tuesday hit the towns", "shelling early on Monday destroyed": a day between)
  return toks.slice(end + 1, hit.first).every((t) => ['ADV', 'AUX', 'PART'].includes(t.pos) || /^(has|have|had|was|were|reportedly|also)$/.test(t.lower) || DAY_BETWEEN.test(t.lower));
}
const DAY_BETWEEN = new RegExp(`^(on|late|early|overnight|last|this|yesterday|today|tonight|morning|afternoon|evening|night|${alternation(WEEKDAYS)})$`);

/**
 * "charged with murder", "accused of first-degree murder", "arrested on suspicion of attempted
 * murder", "convicted of the killing", "arrested in connection with the killings": a crime a
 * charge or an arrest names, which the article tells (or told) as a deed of its own.
 */
export function namedByCharge(hit: TriggerHit, toks: Token[]): boolean {
  let i = hit.first - 1;
  while (i > 0 && i >= hit.first - 3 && (/^(first|second|third|capital|attempted|the|a|-|degree|felony|aggravated|this|that|these|those)$/.test(toks[i]!.lower) || toks[i]!.pos === 'ADJ')) i--;
  // ("charged him with murder")
  const object = /^(him|her|them|it)$/.test(toks[i - 1]?.lower ?? '') && toks[i]?.lower === 'with' ? 1 : 0;
  const two = `${toks[i - 1 - object]?.lower ?? ''} ${toks[i]?.lower ?? ''}`;
  return CHARGE_BEFORE.test(two);
}
const CHARGE_BEFORE = /^(charged with|accused of|convicted of|suspected of|guilty of|suspicion of|charges of|charge of|count of|counts of|arrested for|indicted for|indicted on|sentenced for|jailed for|trial for|connection with)$/;

/**
 * A noun trigger introduced by "the", "these", "such", "the ensuing" refers back, and so does the
 * deed of a named day ("Saturday's attack", "Tuesday's bombing"). Up to three words may stand
 * between, a hyphenated modifier counting as one ("the van-and-knife attack", "the car-bomb
 * attack"), and a date's words too ("the Nov. 13 attacks").
 */
export function isAnaphoric(hit: TriggerHit, toks: Token[]): boolean {
  let words = 0;
  for (let i = hit.first - 1; i >= 0 && words < 3; i--) {
    const w = toks[i]!;
    if (ANAPHORIC.has(w.lower)) return true;
    if (POSSESSIVE_S.test(w.lower) && DAY_NAMED.test(toks[i - 1]?.lower ?? '')) return true;
    if (insideHyphenated(toks, i)) continue;
    if (w.pos !== 'ADJ' && w.pos !== 'NOUN' && w.pos !== 'VERB' && !(w.pos === 'NUM' || MONTH_ABBREVIATION.test(w.lower)) && !(w.pos === 'PROPN' && MONTH_NAME.has(w.lower))) return false;
    words++;
  }
  return false;
}
const POSSESSIVE_S = /^'s$/;
const DAY_NAMED = new RegExp(`^(${alternation(WEEKDAYS)}|yesterday|today|tonight|weekend|overnight)$`);
const MONTH_NAME: ReadonlySet<string> = new Set(MONTHS);
const MONTH_ABBREVIATION = new RegExp(`^(${alternation(MONTH_ABBREVIATIONS)})\\.?$`);

/** Is the token a hyphen with words on both sides and no space, or a word between two such hyphens ("van-and-knife")? */
function insideHyphenated(toks: Token[], i: number): boolean {
  const tight = (a: Token | undefined, b: Token | undefined) => !!a && !!b && a.end === b.start;
  const hyphen = (t: Token | undefined) => !!t && /^[-‐]$/.test(t.text);
  if (hyphen(toks[i])) return tight(toks[i - 1], toks[i]) && tight(toks[i], toks[i + 1]);
  return hyphen(toks[i + 1]) && tight(toks[i], toks[i + 1]) && hyphen(toks[i - 1]) && tight(toks[i - 1], toks[i]);
}
