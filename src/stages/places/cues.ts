// Place names found where the text says a place is: after "near", "in", "the village of",
// "outskirts of"; before "village" or "town"; before ", Donetsk" or "(Leningrad Oblast)".
// A capitalised name in such a spot is a place whether or not any gazetteer knows it: most
// villages of a war's front are in no list a pipeline can ship, and a report that names one
// still says where the event was.
import type { Doc } from '../../doc.js';
import type { PlaceWords } from '../../lexicons/load.js';
import { alternation, isMonthOrWeekday } from '../../text.js';

export interface CuedPlace {
  start: number;
  end: number;
  text: string;
  /**
   * strong: the text says it is a settlement, or that something is near it; weak: only a
   * preposition precedes it; region: only a name follows it (", Donetsk"), which the resolver
   * must find to be a region; known: no cue, but the gazetteer knows the name as a large city
   * or a city of a country the article names ("Mosul operations", "Philadelphia police")
   */
  strength: 'strong' | 'weak' | 'region' | 'known';
  /** the kind the text gives it ("the town of", "X village") */
  kind: 'village' | 'town' | 'city' | null;
  /** "the province of X", "the eastern region of X": the text says it is a first-level region */
  region?: boolean;
  /** "near X", "outskirts of X", "10 km north of X": a place by X, not X itself */
  near: boolean;
  /** a place found already, which begins a list only where "and" or "or" closes it ("attacks on Aleppo and Daraya", not "in Croydon, Emergency workers") */
  found?: boolean;
}

export interface CueTests {
  isCommonWord(word: string): boolean;
  isPersonName(word: string): boolean;
  /**
   * is [start, end) part of an entity already found? After a strong cue ("near X", "the
   * village of X"), or a weak one before a name the gazetteer knows, a one-mention name the
   * tagger typed without any lexicon's facts is not: "near Kaya" is a place, whatever a name
   * list says. `spoken`: the words of the text say it is a place ("near X", "X village", a
   * dateline), which alone takes a name from the tagger's organisations ("Milwaukee has won",
   * "joined Milan": a city's name is its team).
   */
  taken(start: number, end: number, strong: boolean, spoken: boolean): boolean;
  /** does the gazetteer know this name at all? */
  inGazetteer(name: string): boolean;
  /** is this a name the gazetteer knows as a large city, or a city of a country the article names? */
  isKnownPlace(name: string): boolean;
  /** is this the name of a first-level region or a country ("South Dakota", "Donetsk", "Syria")? */
  isRegion(name: string): boolean;
  /** is [start, end) a mention of a place found already ("Aleppo" in "attacks on Aleppo and Daraya")? */
  isPlaceAt(start: number, end: number): boolean;
}

/** one word of a name: "Kamyanka", "Kam'yanka", "Novo-Oleksandrivka", "al-Hol", "Rostov-on-Don" */
const WORD = String.raw`(?:(?:al|el|as|ash|ad|an|ar|at|az|ed|ez|es)[-‐])?\p{Lu}[\p{L}'’ʼ]*(?:[-‐]\p{L}[\p{L}'’ʼ]*)*`;
/** up to four words, with the particles of Arabic, French and Spanish names between them ("Deir ez-Zor", "Ras al Ain") */
const NAME = new RegExp(String.raw`${WORD}(?:\s(?:(?:al|el|ez|es|ed|an|as|ash|ad|ar|at|az|de|del|la|le|du)[-‐\s])?${WORD}){0,3}`, 'gu');
/** "10 km north of", "south-east of": compass phrases, grammar rather than knowledge */
const COMPASS = String.raw`(?:\d+(?:\.\d+)?\s*(?:km|kilometres|kilometers|miles)\s+)?(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west)\s+of`;
/** "northern Syria", "eastern Ukraine": the part of a region or country a place lies in */
const QUARTER = String.raw`(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?|central)`;
/** "Scott C. Dayton", "Haider al-Abadi": an initial or a first name before the name makes it a person's */
const INITIAL_BEFORE = /(?:^|\s)\p{Lu}\.\s*$/u;
/** capitalised words that begin a phrase, not a name ("Near Palmyra, …" starts a sentence), and a letter alone (an initial, or a currency's: "C$ 0.45") */
const NOT_NAMES = /^(\p{L}|the|a|an|this|that|these|those|his|her|their|its|our|my|your|some|all|both|each|every|one|two|three|four|five|six|seven|eight|nine|ten|mr|mrs|ms|dr|gen|col|lt|maj|capt|president|minister|general|colonel|near|in|at|on|outside|around|from|into|across|inside|between|north|south|east|west|after|before|during|when|while|as|but|and|or|if|since|until|under|over|with|without|by|for|to|of)$/iu;
/** the head words of a named building after its name ("Nasser hospital") */
const FACILITY_AFTER = /^\s+(?:hospital|clinic|school|mosque|church|cathedral|synagogue|airport|airbase|prison|jail|university|college|stadium|hotel|mall|power plant|refinery)\b/i;
const ALL_CAPS = /^\p{Lu}[\p{Lu} .'-]+$/u;

/**
 * The place-words lexicon (lexicons/place-words.json) compiled into the patterns of the cues,
 * once per pipeline: a user lexicon that adds a settlement kind or a "near" word changes them.
 */
export interface PlaceCuePatterns {
  /** "near X", "outskirts of X", "10 km north of X", "the village of X": group 1 a near-cue, group 2 a kind */
  strongBefore: RegExp;
  /** "the province of X", "the central region of X" (the region word in lower case: "the Department of Justice" is no region) */
  regionBefore: RegExp;
  /** "near X" and its kin only, for names the lexicons already know */
  nearBefore: RegExp;
  /** "in X", "shelled X" */
  weakBefore: RegExp;
  /** "X village": group 1 the kind */
  kindAfter: RegExp;
  /** "X, a village in", "X (Arabic: …) is a town near": group 1 the kind */
  kindApposition: RegExp;
  /** ", Donetsk", " (Leningrad Oblast)", ", Kursk oblast": group 1 a region named after the place */
  regionAfter: RegExp;
  /** " in the Mopti region", " in Kursk oblast": a region, with its region word, after " in " */
  regionInAfter: RegExp;
  /** what joins a place to the region named with it: ", ", " (", " in ", ", in the " */
  regionGap: RegExp;
  /** "Kursk oblast", "Borno State": a region word after a name */
  regionWord: RegExp;
  /** "Kursk and Belgorod oblasts": a region word after a list of names */
  regionsAfter: RegExp;
  /** " district of ", " neighborhood in the ": a part of the town named next */
  partOfTown: RegExp;
  /** words that may stand in a place's name although they are common English words */
  nameWords: ReadonlySet<string>;
  /** "X police", "downtown X": words around a name that make it the town, not a team or firm named for it */
  townAfter: RegExp;
  townBefore: RegExp;
}

export function placeCuePatterns(words: PlaceWords): PlaceCuePatterns {
  const phrases = (list: readonly string[]) => alternation(list).replace(/ +/g, String.raw`\s+`);
  const kinds = alternation(words.settlements);
  const near = `${phrases(words.nearWords)}|${COMPASS}`;
  return {
    strongBefore: new RegExp(String.raw`(?:^|[^\p{L}])(?:(${near})|(?:the\s+)?(${kinds})s?\s+of)\s+(?:the\s+)?$`, 'iu'),
    regionBefore: new RegExp(String.raw`(?:^|[^\p{L}])the\s+(?:${QUARTER}\s+)?(?:${alternation(words.regionWords)})\s+of\s+$`, 'u'),
    nearBefore: new RegExp(String.raw`(?:^|[^\p{L}])(?:${near})\s+(?:the\s+)?$`, 'iu'),
    weakBefore: new RegExp(String.raw`(?:^|[^\p{L}])(?:in|at|into|from|to|towards?|across|inside|through|via|${phrases(words.placeVerbs)})\s+(?:the\s+)?$`, 'iu'),
    kindAfter: new RegExp(String.raw`^\s+(${kinds})\b`, 'iu'),
    kindApposition: new RegExp(String.raw`^\s*(?:\([^()]{0,80}\)\s*)?(?:,\s*|\s+(?:is|was)\s+)an?\s+(?:(?:small|large|frontline|front-line|border|rural|remote)\s+)?(${kinds})\s+(?:in|of|near|on|outside)\b`, 'iu'),
    regionAfter: new RegExp(String.raw`^(?:\s+(?:${kinds}))?(?:\s*,\s*(?:in\s+)?(?:the\s+)?|\s*\(\s*)(\p{Lu}[\p{L}-]*(?:\s\p{Lu}[\p{L}-]*)?)`, 'u'),
    regionInAfter: new RegExp(String.raw`^\s+in\s+(?:the\s+)?\p{Lu}[\p{L}-]*(?:\s\p{Lu}[\p{L}-]*)?\s+(?:${alternation(words.regionWords)})\b`, 'iu'),
    regionGap: new RegExp(String.raw`^(?:\s+(?:${kinds}))?(?:\s*,\s*(?:in\s+)?(?:the\s+)?|\s*\(\s*|\s+in\s+(?:the\s+)?)(?:${QUARTER}\s+)?$`, 'i'),
    regionWord: new RegExp(String.raw`^\s*(${alternation(words.regionWords)})s?\b`, 'i'),
    regionsAfter: new RegExp(String.raw`^(?:\s*(?:,|and|or)\s+\p{Lu}[\p{L}-]*)*\s+(${alternation(words.regionWords)})s\b`, 'iu'),
    partOfTown: new RegExp(String.raw`^\s+(?:${alternation(words.townParts)})s?\s+(?:of|in)\s+(?:the\s+)?$`, 'i'),
    nameWords: new Set(words.nameWords.map((w) => w.toLowerCase())),
    townAfter: new RegExp(String.raw`^(?:['’]s)?\s+(?:${phrases(words.townNouns)})\b`, 'u'),
    townBefore: new RegExp(String.raw`(?:^|[^\p{L}])(?:${phrases(words.townBefore)})\s+$`, 'u'),
  };
}

/**
 * Names in place cues, sentence by sentence (headings included: "Shelling in Kamyanka"), in
 * text order. A name after a cue that only a preposition gives ("in X") must not be a common
 * word or a person's name; lists continue a cue ("near Kamyanka, Pisky and Tonenke").
 */
export function cuedPlaces(doc: Doc, tests: CueTests, cues: PlaceCuePatterns): CuedPlace[] {
  const found: CuedPlace[] = [];
  for (const s of doc.sentences) {
    const text = doc.text.slice(s.start, s.end);
    const shouting = !/\p{Ll}/u.test(text);
    let listOf: CuedPlace | null = null; // the cued place a list continues
    let listEnd = -1;
    for (const m of text.matchAll(NAME)) {
      const { name, index } = nameOf(m);
      const from = s.start + index;
      const end = from + name.length;
      if (NOT_NAMES.test(name) || isMonthOrWeekday(name)) continue;
      const before = doc.text.slice(Math.max(s.start, from - 60), from);
      const after = doc.text.slice(end, Math.min(s.end, end + 40));
      const strong = cues.strongBefore.exec(before);
      const regionBefore = !strong && cues.regionBefore.test(before);
      const kindAfter = cues.kindAfter.exec(after) ?? cues.kindApposition.exec(doc.text.slice(end, Math.min(s.end, end + 120)));
      const region = cues.regionAfter.exec(after);
      const regionAfter = !!region && index > 0;
      const weak = cues.weakBefore.test(before);
      const districtRegion = regionAfter && districtAndRegion(after, tests);
      // "stormed Ogossagou in the Mopti region": after a verb of places, a region told with its region word ("met Putin in the Moscow region" has none)
      const realRegion = (regionAfter && (tests.isRegion(region![1]!) || districtRegion)) || (weak && cues.regionInAfter.test(after));
      const inList: boolean = listOf !== null && /^\s*(?:,|,?\s+and|,?\s+or)\s+$/.test(doc.text.slice(listEnd, from)) && (!listOf.found || closesList(doc.text.slice(listEnd, from), after));
      // "INDIANAPOLIS, Ind. (AP) —": a dateline names the place in capitals
      // (before a hyphen, only a place the gazetteer knows well: "CRICKET - ENGLAND WIN" is a section heading)
      const capitals = ALL_CAPS.test(name) && /^\s*(?:,|\(|—|–|--|-\s)/.test(after) && (from === s.start || /(?:^|[.|·•]\s*)$/.test(before));
      const lookup = capitals ? name.toLowerCase().replace(/(^|[\s-])\p{Ll}/gu, (c) => c.toUpperCase()) : name;
      const dateline = capitals && (/^\s*(?:,|\(|—|–|--)/.test(after) || tests.isKnownPlace(lookup));
      // "Paris, Texas": a region's name after a name and a comma
      const regionOfPrevious = /\p{L}\s*,\s*$/u.test(before) && tests.isRegion(name);
      let strength: CuedPlace['strength'] | null = strong || regionBefore || kindAfter || realRegion || regionOfPrevious || dateline ? 'strong' : inList ? listOf!.strength : weak ? 'weak' : regionAfter ? 'region' : null;
      // a region after a name ("Peter Nicol (Scotland)") says where a place is, but also whom a person plays for
      const spoken = !!(strong || regionBefore || kindAfter || dateline || districtRegion); // the words of the text say it is a place
      const placeSaid = spoken && !(strong && !kindAfter && !dateline && /^\s+\p{Ll}{3,}/u.test(after)) || (realRegion && /^\s*,/.test(after)) || regionOfPrevious || townWords(before, after, tests, cues);
      if (!spoken && (INITIAL_BEFORE.test(before) || (name.includes(' ') && tests.isPersonName(firstOf(name))))) strength = null;
      // "medics at Nasser hospital", "held at Evin prison": after a bare preposition, a name no gazetteer knows before a building's word names the building
      if (strength === 'weak' && FACILITY_AFTER.test(after) && !tests.inGazetteer(lookup)) strength = null;
      // a headline in capitals capitalises every word: "IN WORLD CUP QUALIFIER" names no place
      if (strength === 'weak' && shouting) strength = null;
      // no cue: a name the gazetteer knows well, not a sentence's first word nor a person's name
      // (a sentence's first word only before a lowercase word: "Fresno police are asking")
      const opening = index === 0 && /^\s+\p{Ll}/u.test(after);
      const knownSpot = (index > 0 || opening) && !ALL_CAPS.test(name) && !INITIAL_BEFORE.test(before) && !tests.isPersonName(firstOf(name)) && !(name.indexOf(' ') < 0 && tests.isCommonWord(name.toLowerCase()));
      if (!strength && knownSpot && tests.isKnownPlace(lookup)) strength = 'known';
      if (tests.isPlaceAt(from, end)) {
        // a place found already begins a list as a cue would ("attacks on Aleppo and Daraya")
        listOf = { start: from, end, text: name, strength: 'weak', kind: null, near: !!strong?.[1], found: true };
        listEnd = end;
        continue;
      }
      const coordinated = inList && !name.includes(' ') && closesList(doc.text.slice(listEnd, from), after);
      // a region after it alone does not take a name of two words from the tagger: "Peter Nicol (Scotland)" is a player
      const takes = (strength === 'strong' && (spoken || !name.includes(' '))) || strength === 'known' || coordinated || (strength === 'weak' && tests.inGazetteer(lookup));
      // the last of a list that places open ("in Boston, Quincy and Somerville") is a place as they are
      if (!strength || tests.taken(from, end, takes, placeSaid || coordinated)) {
        listOf = null;
        continue;
      }
      if (ordinaryWords(name, lookup, strength, !!(kindAfter || strong?.[2]), tests, cues)) {
        listOf = null;
        continue;
      }
      const kindWord = (strong?.[2] ?? kindAfter?.[1] ?? '').toLowerCase();
      const place: CuedPlace = {
        start: from,
        end,
        text: lookup,
        strength,
        kind: kindWord === 'city' || kindWord === 'town' ? kindWord : kindWord ? 'village' : null,
        near: !!strong?.[1] || (inList && listOf!.near), ...(regionBefore ? { region: true } : {}),
      };
      found.push(place);
      listOf = place;
      listEnd = end;
    }
  }
  return found;
}

/**
 * "Fataki (Djugu, Ituri)", "Ungwan Gata (Kauru, Kaduna)": a district the gazetteer knows and its
 * region in brackets after a name, as event reports write a village's place, say it is a place
 * as a kind's word would ("Joe Manchin (Democrat, West Virginia)" names no district).
 */
function districtAndRegion(after: string, tests: Pick<CueTests, 'isRegion' | 'inGazetteer'>): boolean {
  const parts = /^\s*\(([^()]{1,60})\)/.exec(after)?.[1]!.split(/\s*,\s*/) ?? [];
  return parts.length === 2 && /^\p{Lu}/u.test(parts[0]!) && tests.isRegion(parts[1]!) && tests.inGazetteer(parts[0]!);
}

/**
 * Words around a name that say it is a town, not a team or firm named for it: a region after
 * "in" ("shelled Horodyshche in Cherkasy oblast"), "Stockton police", "downtown Milwaukee".
 * With the text's own cues, a region after a comma ("hit Semenivka, Poltava") and not a "near"
 * followed by a noun ("outside Air France headquarters" puts the headquarters by a place), they
 * alone take a name from the tagger's organisations: "Milwaukee has won", "joined Milan",
 * "Benetton ( Italy )" are teams and firms.
 */
function townWords(before: string, after: string, tests: CueTests, cues: PlaceCuePatterns): boolean {
  const inRegion = /^\s+in\s+(\p{Lu}[\p{L}-]*)/u.exec(after);
  return (!!inRegion && tests.isRegion(inRegion[1]!)) || cues.townAfter.test(after) || cues.townBefore.test(before);
}

/** The name a match holds and its offset in the sentence, without the words that open a phrase and a weekday after it. */
function nameOf(m: RegExpMatchArray): { name: string; index: number } {
  let name = m[0].replace(/['’ʼ]s$/u, ''); // "Bakhmut's outskirts"
  let index = m.index!;
  // a sentence's first word is capitalised anyway; a name there needs a cue after it
  while (/^\S+\s/.test(name) && NOT_NAMES.test(name.split(/\s/)[0]!)) {
    const first = name.indexOf(' ') + 1;
    name = name.slice(first);
    index += first;
  }
  return { name: name.replace(/\s+\S+$/, (last) => (isMonthOrWeekday(last.trim()) ? '' : last)), index }; // "the Bronx Monday"
}

/**
 * Is the name made of words a cue does not vouch for? Common words only, unless the text gives
 * the kind ("in Good Faith"); mostly common words after a weak cue ("in Next Isolation Phase");
 * one common word or first name after a weak cue, unless the gazetteer knows it.
 */
function ordinaryWords(name: string, lookup: string, strength: CuedPlace['strength'], kindGiven: boolean, tests: CueTests, cues: PlaceCuePatterns): boolean {
  const words = name.split(/\s+/);
  const common = words.filter((w) => !cues.nameWords.has(w.toLowerCase()) && (tests.isCommonWord(w.toLowerCase()) || isMonthOrWeekday(w)));
  const vouched = strength === 'strong' || strength === 'known';
  if (common.length === words.length && !kindGiven) return true;
  if (!vouched && words.length > 1 && common.length * 2 >= words.length && !tests.isKnownPlace(lookup)) return true;
  return !vouched && words.length === 1 && (tests.isPersonName(name) || tests.isCommonWord(name.toLowerCase())) && !(strength === 'weak' && tests.inGazetteer(lookup));
}

/** "Qamenas, Sarmin and Talamenes": a one-word name coordinated with places is one, whatever the tagger guessed */
const closesList = (gap: string, after: string) => /\s(?:and|or)\s+$/.test(gap) || /^\s*,?\s+(?:and|or)\s+\p{Lu}/u.test(after);

const firstOf = (name: string) => name.split(/[\s-]/)[0]!;
