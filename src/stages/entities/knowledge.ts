// Everything the entity stage knows, built once per pipeline from the lexicons:
// one gazetteer over all names, and the word lists of names.json and place-words.json as sets.
import type { EntityType } from '../../doc.js';
import type { Lexicons, NameLists, PlaceEntry } from '../../lexicons/load.js';
import { alternation } from '../../text.js';
import { Gazetteer, type GazetteerEntry } from './gazetteer.js';

export interface Knowledge {
  gazetteer: Gazetteer;
  /** bare admin1 names ("belgorod") → the admin1 entry */
  adminBase: Map<string, GazetteerEntry>;
  /** country ISO3 → country entry */
  countries: Map<string, GazetteerEntry>;
  /** capital city name (lower) → country ISO3, for "Moscow's troops" */
  capitals: Map<string, string>;
  /** demonym (lower, singular and plural) → country ISO3 */
  demonyms: Map<string, string>;
  titles: string[];
  roles: Set<string>;
  orgHeads: Set<string>;
  armedHeads: Set<string>;
  /** force noun phrase (lower) → sector */
  forceNouns: Map<string, string>;
  facilityHeads: Set<string>;
  facilityModifiers: Set<string>;
  people: Set<string>;
  speakers: Set<string>;
  /** last words that make a capitalised name a facility: "Wrigley Field", "Trump Tower" */
  namedFacilityHeads: Set<string>;
  /** institutions named after their building: "at the White House" is a place */
  buildings: Set<string>;
  /** facility nouns that name a facility without a modifier, as prefixes: "refinery", "refineries" */
  facilityHeadsAlone: string[];
  /** lemmas of verbs of speech: "Dmytro Lykhovii said" names a person */
  speechLemmas: Set<string>;
  /** words that join the words of a name: "al", "bin", "von" */
  nameParticles: Set<string>;
  /** "US-made", "German-supplied": the equipment's origin */
  madeIn: RegExp;
  /** shortened last words of names whose full stop is the name's: "Norwest Corp." */
  abbreviations: Set<string>;
  /** lower-case words after a town's name that make it the town, not its team ("Leeds police"): place-words.json */
  townNouns: Set<string>;
  /** " territory", " airspace" after a demonym: the country itself */
  territory: RegExp;
  /** "Russian military might": the country's might, not its forces */
  notForces: Set<string>;
}



const ADMIN_SUFFIXES = ['oblast', 'region', 'province', 'krai', 'kray', 'governorate', 'state', 'district', 'prefecture', 'county'];
const PLACE_TYPE: Record<PlaceEntry['kind'], EntityType> = {
  country: 'GPE', admin1: 'GPE', admin2: 'GPE', city: 'GPE', town: 'GPE', village: 'GPE', region: 'LOC', water: 'LOC',
};
/** When two places share a bare name, the one a reader most likely means wins. */
const KIND_RANK: Record<PlaceEntry['kind'], number> = {
  country: 0, city: 1, admin1: 2, region: 3, water: 4, admin2: 5, town: 6, village: 7,
};

type AddAlias = (surface: string, entry: GazetteerEntry) => void;

interface PlaceKnowledge {
  adminBase: Map<string, GazetteerEntry>;
  countries: Map<string, GazetteerEntry>;
  capitals: Map<string, string>;
  /** demonym (lower, singular and plural) → country ISO3 */
  demonymCountry: Map<string, string>;
  /** demonyms as gazetteer entries, added after the actors so that a group's name wins */
  demonyms: Array<[string, GazetteerEntry]>;
}

/** The places of the lexicons into the gazetteer (the likeliest first), with their tables by country, capital and demonym. */
function placeKnowledge(lexPlaces: PlaceEntry[], add: AddAlias): PlaceKnowledge {
  const adminBase = new Map<string, GazetteerEntry>();
  const countries = new Map<string, GazetteerEntry>();
  const capitals = new Map<string, string>();
  const places = [...lexPlaces].sort(
    (a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind] || (b.population ?? 0) - (a.population ?? 0),
  );
  const demonyms: Array<[string, GazetteerEntry]> = [];
  const demonymCountry = new Map<string, string>();
  const placeEntries = places.map((place) => {
    const kb: Record<string, unknown> = { kind: place.kind };
    for (const key of ['country', 'iso2', 'admin1', 'lat', 'lon', 'population'] as const) {
      if (place[key] !== undefined) kb[key] = place[key];
    }
    const entry: GazetteerEntry = { type: PLACE_TYPE[place.kind] ?? 'GPE', name: place.name, kind: place.kind, kb, plural: false };
    if (place.kind === 'country' && place.country) {
      countries.set(place.country, entry);
      if (place.capital) capitals.set(place.capital.toLowerCase(), place.country);
      for (const demonym of place.demonyms ?? []) {
        demonyms.push([demonym, { type: 'NORP', name: demonym, kind: 'demonym', kb: { country: place.country }, plural: true }]);
        demonymCountry.set(demonym.toLowerCase(), place.country);
        demonymCountry.set(`${demonym.toLowerCase()}s`, place.country);
      }
    }
    if (place.kind === 'admin1') {
      // "Belgorod Oblast", "Belgorod region", "Kursk and Belgorod oblasts"
      const plural: GazetteerEntry = { ...entry, plural: true };
      for (const base of place.base ?? []) {
        adminBase.set(base.toLowerCase(), entry);
        for (const suffix of ADMIN_SUFFIXES) {
          add(`${base} ${suffix}`, plural);
          add(`${base} ${suffix[0]!.toUpperCase()}${suffix.slice(1)}`, plural);
        }
      }
    }
    return { place, entry };
  });
  // full names and aliases first, then bare admin1 names, so a city keeps its own name
  for (const { place, entry } of placeEntries) {
    add(place.name, entry);
    for (const alias of place.aliases ?? []) add(alias, entry);
  }
  for (const { place, entry } of placeEntries) for (const base of place.base ?? []) add(base, entry);
  return { adminBase, countries, capitals, demonymCountry, demonyms };
}

export function buildKnowledge(lex: Lexicons): Knowledge {
  const names: NameLists = lex.names;
  const gazetteer = new Gazetteer();
  const claimed = new Map<string, GazetteerEntry>();
  const add: AddAlias = (surface, entry) => {
    // "the Red Sea", "the Golan": the article is not part of the name's mention
    const alias = surface.trim().replace(/^the\s+/i, '');
    const key = alias.toLowerCase();
    // the first entry to claim a name keeps it; its other spellings ("ISIS", "Isis") still count
    if (!key || (claimed.has(key) && claimed.get(key) !== entry)) return;
    claimed.set(key, entry);
    gazetteer.add(alias, entry);
  };
  const { adminBase, countries, capitals, demonymCountry, demonyms } = placeKnowledge(lex.places, add);

  for (const actor of lex.actors) {
    const kb: Record<string, unknown> = {};
    for (const key of ['country', 'sector', 'based', 'opposes'] as const) if (actor[key]) kb[key] = actor[key];
    const entry: GazetteerEntry = { type: actor.type, name: actor.name, kind: 'actor', kb, plural: false };
    add(actor.name, entry);
    for (const alias of actor.aliases) add(alias, entry);
  }
  for (const [demonym, entry] of demonyms) add(demonym, entry);
  // "Kurdish fighters", "Sunni tribes", "Alawite officers": peoples of no country of their own
  for (const people of names.peoples) add(people, { type: 'NORP', name: people, kind: 'demonym', kb: {}, plural: true });
  for (const item of lex.equipment) {
    const kb: Record<string, unknown> = { category: item.category };
    if (item.origin) kb.origin = item.origin;
    if (item.generic) kb.generic = true;
    const entry: GazetteerEntry = { type: 'EQUIPMENT', name: item.name, kind: 'equipment', kb, plural: true };
    add(item.name, entry);
    for (const alias of item.aliases) add(alias, entry);
  }

  // phrases that contain a name but are not one: "think tank", "suicide bomber", "under the radar"
  const blocked: GazetteerEntry = { type: 'EQUIPMENT', name: '', kind: 'blocked', kb: {}, plural: true };
  for (const phrase of names.notEntities ?? []) gazetteer.add(phrase, blocked);

  const forceNouns = new Map<string, string>();
  for (const [sector, nouns] of Object.entries(names.forceNouns)) for (const n of nouns) forceNouns.set(n, sector);
  const lower = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase()));
  return {
    gazetteer,
    adminBase,
    countries,
    capitals,
    demonyms: demonymCountry,
    titles: [...names.titles].sort((a, b) => b.length - a.length),
    roles: lower(names.roles),
    orgHeads: new Set(names.orgHeads),
    armedHeads: new Set(names.armedHeads),
    forceNouns,
    facilityHeads: lower(names.facilityHeads),
    facilityModifiers: lower(names.facilityModifiers),
    people: lower(names.people),
    speakers: lower(names.speakers),
    namedFacilityHeads: new Set(names.namedFacilityHeads ?? []),
    buildings: lower(names.buildings ?? []),
    facilityHeadsAlone: names.facilityHeadsAlone.map((h) => h.toLowerCase()),
    speechLemmas: new Set(lex.cues.speechLemmas),
    nameParticles: lower(names.nameParticles),
    madeIn: new RegExp(`^-(${alternation(names.originVerbs)})\\b`),
    territory: new RegExp(`^ (${alternation(names.territoryNouns.map((w) => w.toLowerCase()))})(?![\\p{L}])`, 'u'),
    notForces: lower(names.notForces),
    townNouns: lower(lex.placeWords.townNouns),
    abbreviations: new Set(names.abbreviations ?? []),
  };
}
