// Knowledge as data: the lexicons shipped in this folder, plus any the user adds with
// --lexicon FILE. A user file may hold any of the sections below; entries are appended.
import { readFileSync } from 'node:fs';
import type { EventType } from '../doc.js';

export interface EquipmentEntry {
  name: string;
  aliases: string[];
  category: string;
  origin?: string;
  generic?: boolean;
}

export interface PlaceEntry {
  name: string;
  kind: 'country' | 'admin1' | 'admin2' | 'city' | 'town' | 'village' | 'region' | 'water';
  country?: string;
  iso2?: string;
  admin1?: string;
  base?: string[];
  aliases?: string[];
  demonyms?: string[];
  capital?: string;
  lat?: number;
  lon?: number;
  population?: number;
}

export interface ActorEntry {
  name: string;
  type: 'ORG' | 'ARMED_GROUP';
  aliases: string[];
  country?: string;
  sector?: string;
  based?: string;
  opposes?: string;
}

export interface TriggerEntry {
  type: EventType;
  /** lemmas (wink-nlp) of single-word triggers */
  words?: string[];
  /** multi-word phrases, matched on lemmas: "open fire", "take prisoner" */
  phrases?: string[];
  /** restrict single words to these parts of speech */
  pos?: Array<'VERB' | 'NOUN' | 'ADJ'>;
  /** the word only counts when the sentence also has one of these near it */
  needs?: Array<'equipment' | 'place' | 'people' | 'aid' | 'force' | 'aircraft' | 'projectile' | 'death' | 'grievance' | 'custody'>;
  /** where the needs are not met, the word announces nothing, and the classifier is not asked ("dropped the charges") */
  strict?: boolean;
}

/** One row of taxonomy.json: an event type and how the event stage and the mappings treat it. */
export interface TaxonomyRow {
  type: EventType;
  violent?: boolean;
  absorbsKilling?: boolean;
  strike?: boolean;
  effect?: boolean;
  casualties?: boolean;
  /** the optional roles looked for: 'location', 'origin', 'instrument' */
  roles: Array<'location' | 'origin' | 'instrument'>;
  instrument?: 'weapon' | 'vehicle';
  acled: [string, string];
  plover: string;
  when?: MappingRule[];
  ploverByLemma?: Array<[string, string]>;
}

/**
 * A mapping that replaces a type's default ACLED and PLOVER codes when every condition it gives
 * holds: a flag of the text about the target or the agent, the trigger's lemma (a regular
 * expression), an ACLED cue of cues.json found in the event's sentences or in its agent or
 * instrument, the agent's sector, a target's sector.
 */
export interface MappingRule {
  if?: 'civilianTarget' | 'militaryTarget' | 'stateAgent' | 'stateForces' | 'civilianHarmed' | 'unarmedVictims';
  lemma?: string;
  /** one cue, or several that must all be found */
  cue?: string | string[];
  /** an ACLED cue found in the event's agent or instrument ("Russian drones", "with mortars") */
  weapon?: string;
  agent?: string[];
  target?: string[];
  acled: [string, string];
  plover?: string;
}

/** names.json: word lists that let the entity stage recognise names the gazetteer lacks. */
export interface NameLists {
  titles: string[];
  roles: string[];
  orgHeads: string[];
  armedHeads: string[];
  /** sector → the nouns that make "<Russian> …" that sector of a state */
  forceNouns: Record<string, string[]>;
  facilityHeads: string[];
  facilityModifiers: string[];
  facilityHeadsAlone: string[];
  people: string[];
  speakers: string[];
  notEntities: string[];
  namedFacilityHeads: string[];
  buildings: string[];
  nameParticles: string[];
  originVerbs: string[];
  territoryNouns: string[];
  notForces: string[];
  /** ethnic and religious groups that are no country's demonym: NORP entries of the gazetteer */
  peoples: string[];
  /** shortened last words of names whose full stop is the name's: "Corp", "Inc", "Jr" */
  abbreviations?: string[];
}

/** cues.json: the words the event stage reads as cues. */
export interface EventCueLists {
  actorNouns: string[];
  speech: string[];
  speechLemmas: string[];
  claim: string[];
  deny: string[];
  attempt: string[];
  hypothetical: string[];
  future: string[];
  plannedAfter: string[];
  supportVerbs: string[];
  /** lemmas of verbs whose subject is the time or place of the event their object names: "the weekend saw heavy fighting" (optional in a user lexicon) */
  occasionVerbs?: string[];
  /** words of habit or of a span of time that make a verb in the past a habit or a sum: "every week", "throughout the war" (optional in a user lexicon) */
  habitWords?: string[];
  verbalPhraseHeads: string[];
  aidWords: string[];
  casualties: { killed: string[]; injured: string[]; captured: string[] };
  /** lemmas of verbs whose subject suffers the event: "two soldiers died" (optional in a user lexicon) */
  victimSubjectVerbs?: string[];
  /** singular nouns of one victim besides names.json's people ("her husband", "a neighbor"), for counting casualties */
  victimNouns: string[];
  /** where the wounded and the dead are taken: "taken to a hospital" is no capture */
  careDestinations: string[];
  /** lemmas of weapons that are drawn: "pulled out a gun" is no withdrawal (optional in a user lexicon) */
  drawnWeapons?: string[];
  /** words that tell a trigger word's other sense, by list (cues.json's about; optional in a user lexicon) */
  otherSenses?: Partial<Record<OtherSenseList, string[]>>;
  /** words said of a person that tell they were hit and are under care, alive or not as the article tells elsewhere: "is hospitalized", "Man critical after shooting" */
  careStates: string[];
  /** the word before "condition" that makes "in critical condition" a care state */
  conditions: string[];
  /** sector → head nouns of descriptions of actors of that sector, tried in this order */
  sectors: Record<string, string[]>;
  /** stems that, anywhere in a target, make it civilian or military for the mappings */
  civilianTargets: string[];
  militaryTargets: string[];
  /** ACLED's sub-event cues: name → words or phrases of an event's sentences (suicide, grenade, dispersal …) that taxonomy.json's `when` rules read */
  acledCues: Record<string, string[]>;
  /** phrases a cue word inside of is no cue: "stun grenades" */
  acledNotInside: string[];
}

/** place-words.json: words that say a name is a place, or where something is. */
export interface PlaceWords {
  settlements: string[];
  placeNouns: string[];
  ofPlace: string[];
  nearWords: string[];
  placeVerbs: string[];
  nameWords: string[];
  regionWords: string[];
  townParts: string[];
  /** a word of second-level units → the countries (ISO 2) where it names them ("county" → US) */
  secondLevel: Record<string, string[]>;
  /** sites and features named for the town they stand at ("Mosul Dam", "Mount Sinjar") */
  siteWords: string[];
  /** streets and roads, named as often for the town they lead to ("Baltimore Avenue") */
  streetWords: string[];
  /** lower-case words after a town's name that make it the town, not its team ("Stockton police") */
  townNouns: string[];
  /** lower-case words before a name that make it a place ("downtown Milwaukee") */
  townBefore: string[];
}

export interface Lexicons {
  equipment: EquipmentEntry[];
  places: PlaceEntry[];
  actors: ActorEntry[];
  triggers: TriggerEntry[];
  /** phrases that hold a trigger word but announce no event: "according to", "weapons of mass destruction" */
  notTriggers: string[];
  boilerplate: string[];
  /** the event types, as RECORD.md's taxonomy gives them */
  taxonomy: TaxonomyRow[];
  names: NameLists;
  cues: EventCueLists;
  placeWords: PlaceWords;
  /** region-abbreviations.json: "Ore." and "OR" after "Place, " → GeoNames admin1 code "US.OR" */
  regionAbbreviations: Record<string, string>;
}

/** The sections that are objects of word lists: a user file's lists are appended to the bundled ones of the same name. */
const WORD_LIST_SECTIONS = ['names', 'cues', 'placeWords'] as const;

export class LexiconError extends Error {}

function readJson(path: string | URL): Record<string, unknown> {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (error) {
    throw new LexiconError(`cannot read lexicon ${String(path)}: ${(error as Error).message}`);
  }
  try {
    const value: unknown = JSON.parse(raw);
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('expected a JSON object');
    return value as Record<string, unknown>;
  } catch (error) {
    throw new LexiconError(`lexicon ${String(path)} is not valid JSON: ${(error as Error).message}`);
  }
}

const bundled = (name: string) => new URL(`./${name}`, import.meta.url);

export function loadLexicons(extra: string[] = []): Lexicons {
  const lex: Lexicons = {
    equipment: list(readJson(bundled('equipment.json')), 'entries'),
    places: list(readJson(bundled('places.json')), 'places'),
    actors: list(readJson(bundled('actors.json')), 'actors'),
    triggers: list(readJson(bundled('triggers.json')), 'triggers'),
    notTriggers: list(readJson(bundled('triggers.json')), 'notTriggers'),
    boilerplate: list(readJson(bundled('boilerplate.json')), 'lines'),
    taxonomy: list(readJson(bundled('taxonomy.json')), 'types'),
    names: readJson(bundled('names.json')) as unknown as NameLists,
    cues: readJson(bundled('cues.json')) as unknown as EventCueLists,
    placeWords: readJson(bundled('place-words.json')) as unknown as PlaceWords,
    regionAbbreviations: readJson(bundled('region-abbreviations.json')).abbreviations as Record<string, string>,
  };
  for (const path of extra) {
    const user = readJson(path);
    const known = ['entries', 'equipment', 'places', 'actors', 'triggers', 'notTriggers', 'boilerplate', 'regionAbbreviations', ...WORD_LIST_SECTIONS];
    if (!known.some((k) => k in user)) {
      throw new LexiconError(`lexicon ${path} has none of the sections ${known.join(', ')}`);
    }
    lex.equipment.push(...list<EquipmentEntry>(user, 'entries'), ...list<EquipmentEntry>(user, 'equipment'));
    lex.places.push(...list<PlaceEntry>(user, 'places'));
    lex.actors.push(...list<ActorEntry>(user, 'actors'));
    lex.triggers.push(...list<TriggerEntry>(user, 'triggers'));
    lex.notTriggers.push(...list<string>(user, 'notTriggers'));
    lex.boilerplate.push(...list<string>(user, 'boilerplate'));
    Object.assign(lex.regionAbbreviations, abbreviations(user.regionAbbreviations, path));
    for (const section of WORD_LIST_SECTIONS) if (section in user) addWordLists(lex[section] as unknown as Record<string, unknown>, user[section], `${path}: section "${section}"`);
    validate(lex, path);
  }
  return lex;
}

/** Append a user section's word lists to the bundled lists of the same names (nested objects of lists too). */
function addWordLists(into: Record<string, unknown>, from: unknown, where: string): void {
  if (!from || typeof from !== 'object' || Array.isArray(from)) throw new LexiconError(`lexicon ${where} must be an object of word lists`);
  for (const [key, value] of Object.entries(from)) {
    const target = into[key];
    if (target === undefined || key === 'about') throw new LexiconError(`lexicon ${where} has no list "${key}"; its lists are ${Object.keys(into).filter((k) => k !== 'about').join(', ')}`);
    if (Array.isArray(target)) {
      if (!Array.isArray(value) || value.some((w) => typeof w !== 'string')) throw new LexiconError(`lexicon ${where}: "${key}" must be an array of strings`);
      target.push(...value);
    } else addWordLists(target as Record<string, unknown>, value, `${where}.${key}`);
  }
}

/** A user's "regionAbbreviations": {"Ore": "US.OR"}, each value a GeoNames admin1 code. */
function abbreviations(value: unknown, path: string): Record<string, string> {
  if (value === undefined) return {};
  const ok = value && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string' && /^[A-Z]{2}\.\w+$/.test(v));
  if (!ok) throw new LexiconError(`lexicon ${path}: "regionAbbreviations" must map abbreviations to GeoNames admin1 codes such as "US.OR"`);
  return value as Record<string, string>;
}

function list<T>(data: Record<string, unknown>, key: string): T[] {
  const value = data[key];
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new LexiconError(`lexicon section "${key}" must be an array`);
  return value as T[];
}

function validate(lex: Lexicons, path: string): void {
  const bad = (what: string) => {
    throw new LexiconError(`lexicon ${path}: ${what}`);
  };
  for (const e of lex.equipment) if (!e.name || !Array.isArray(e.aliases) || !e.category) bad(`equipment entry ${JSON.stringify(e).slice(0, 80)} needs name, aliases and category`);
  for (const p of lex.places) if (!p.name || !p.kind) bad(`place ${JSON.stringify(p).slice(0, 80)} needs name and kind`);
  for (const a of lex.actors) if (!a.name || !Array.isArray(a.aliases) || (a.type !== 'ORG' && a.type !== 'ARMED_GROUP')) bad(`actor ${JSON.stringify(a).slice(0, 80)} needs name, aliases and type ORG or ARMED_GROUP`);
  for (const t of lex.triggers) if (!t.type || (!t.words && !t.phrases)) bad(`trigger ${JSON.stringify(t).slice(0, 80)} needs type and words or phrases`);
  for (const b of lex.boilerplate) {
    try {
      new RegExp(b);
    } catch {
      bad(`boilerplate pattern ${b} is not a valid regular expression`);
    }
  }
}

/** The lists of cues.json's `otherSenses`. */
export type OtherSenseList = 'vehicles' | 'harmedAbstractions' | 'computerIntrusion' | 'blastSources' | 'records' | 'jailingVerbs' | 'violenceWords' | 'violenceNouns' | 'takenThings' | 'capturedMedia' | 'crowdControl' | 'damageCauses';
export const OTHER_SENSE_LISTS: readonly OtherSenseList[] = ['vehicles', 'harmedAbstractions', 'computerIntrusion', 'blastSources', 'records', 'jailingVerbs', 'violenceWords', 'violenceNouns', 'takenThings', 'capturedMedia', 'crowdControl', 'damageCauses'];

/** sense-cues.json: the word lists the event classifier's features read (not user-extensible: the weights are trained on them). */
export interface SenseCues {
  naturalCauses: string[];
  sport: string[];
}

let senseCueSets: { naturalCauses: Set<string>; sport: Set<string> } | null = null;

/** The event classifier's sense cues as sets of lower-cased words, read once. */
export function senseCues(): { naturalCauses: Set<string>; sport: Set<string> } {
  if (!senseCueSets) {
    const raw = readJson(bundled('sense-cues.json')) as unknown as SenseCues;
    senseCueSets = { naturalCauses: new Set(raw.naturalCauses), sport: new Set(raw.sport) };
  }
  return senseCueSets;
}

let placeKinds: Set<string> | null = null;

/**
 * The words that name a kind of place after a place's name ("Belgorod region", "al-Hol camp",
 * "Raqqa city"), singular and plural, from place-words.json's region, settlement, site, street
 * and town-part lists, read once: the record tells a place's name in lower-case house style
 * from a description by them (record.ts recordMention).
 */
export function placeKindWords(): Set<string> {
  if (!placeKinds) {
    const raw = readJson(bundled('place-words.json')) as unknown as PlaceWords;
    const words = [...raw.regionWords, ...raw.settlements, ...raw.siteWords, ...raw.streetWords, ...raw.townParts];
    placeKinds = new Set(words.flatMap((w) => [w, /[^aeiou]y$/.test(w) ? `${w.slice(0, -1)}ies` : `${w}s`]));
  }
  return placeKinds;
}
