// The statistical tagger's names (src/models/ner) as the entity stage's candidates. The tagger
// finds PER, ORG, LOC and MISC spans; the lexicons then say what each is in the record's terms:
// PERSON; ORG or ARMED_GROUP (the actor lexicon, the name's head word, the words after it);
// GPE or LOC (the place lexicons and GeoNames); NORP for nationalities and peoples; MISC for
// the other names it reads as MISC (an event, a law, a work). A name the tagger finds and no
// lexicon knows is an entity all the same.
import { SpanIndex } from '../../spans.js';
import type { Doc, EntityType, Span } from '../../doc.js';
import type { GazetteerMatch } from './gazetteer.js';
import type { Knowledge } from './knowledge.js';
import type { Candidate } from './entities.js';
import type { NerModel } from '../../models/ner/model.js';
import { geoClassOf, type LexiconSources } from '../../models/ner/lexicon.js';
import { charSpans, prepareDoc, tokenisedFromDoc } from '../../models/ner/prepare.js';
import { capitalsSentence, normalizeWord } from '../../models/ner/features.js';
import type { TagSpan } from '../../models/ner/tags.js';
import { foldName } from '../../text.js';

export interface Tagger {
  model: NerModel;
  sources: LexiconSources;
}

/** Words after a name that make an organisation an armed group: "Isis fighters", "Houthi rebels". */
const ARMED_AFTER = /^\s+(fighters|militants|insurgents|rebels|jihadists|militia|militias|militiamen|gunmen|guerrillas|extremists)\b/i;
/** A one-word MISC that names a people, a nationality or a faith: "Kurdish", "Kurds", "Alawites", "Sunni". */
const PLACE_AFTER = /^\s+(village|town|city|district|region|province|oblast|governorate|county|municipality)\b/i;
const PLACE_BEFORE = /\b(village|town|city|district|region|province) of\s+$/i;
const PEOPLE_WORD = /^\p{Lu}\p{Ll}+(?:ish|ian|ians|ese|i|is|ite|ites|an|ans|s)$/u;
/** The words that say the name before them is a paper's or a broadcaster's. */
const MEDIA_AFTER = /^(?:newspapers?|daily|weekly|magazine|radio|television|TV|channel|broadcaster|agency|website)$/i;
/** A result's figure: a time, a score, a distance or a sum ("13.58", "6-2", "13:06.45", "211,175"). */
const FIGURE = /^\d+(?:[.:,-]\d+)+$/;
/** A number of a table: a figure, a bare count or a place in a list ("3", "13.58", "7."). */
const TABLE_NUMBER = /^\d+(?:[.:,-]\d+)*\.?$/;
/** The narrower shape of a people's or faith's word, which needs no corroboration at a sentence's start: "Kurdish", "Syrian", "Yazidi", "Alawites" (not "Videos"). */
const NATIONALITY_WORD = /^\p{Lu}\p{Ll}+(?:ish|ian|ians|ese|i|is|ite|ites)$/u;

/**
 * The tagger's spans over the document, typed as the record's entity types, and its MISC spans,
 * which say what the words inside them are whether or not they become MISC entities: all of them
 * (no person inside), its names of several words (no place they open) and its single words (no
 * small place of the same name).
 */
export function taggedCandidates(doc: Doc, know: Knowledge, tagger: Tagger, matches: readonly GazetteerMatch[]): { candidates: Candidate[]; miscNames: Span[]; miscWords: Span[]; misc: Span[] } {
  const { tokenised } = tokenisedFromDoc(doc);
  const prepared = prepareDoc(tokenised, tagger.sources, null, matches);
  const exact = new Map<string, GazetteerMatch>();
  for (const m of matches) if (m.entry.kind !== 'blocked') exact.set(`${m.start}|${m.end}`, m);
  const out: Candidate[] = [];
  const miscNames: Span[] = []; // the tagger's MISC names of several words (an event, a title, a treaty)
  const miscWords: Span[] = []; // and of one word
  const misc: Span[] = []; // all its MISC spans
  prepared.sentences.forEach((s, i) => {
    // a headline capitalises every word, and so does the start of a sentence: a name there
    // needs the article's own capital for the word elsewhere, or a lexicon's ("Clash at the
    // Border" has none; neither has "Videos released by …")
    const corroborated = (span: TagSpan) =>
      s.tokens.slice(span.start, span.end).some((t) => prepared.context.capitalised.has(normalizeWord(t.text)) || t.lex.some((x) => /^(gz|gk|geo|acronym)/.test(x)));
    const common = (word: string) => tagger.sources.words.isCommonWord(word) || tagger.sources.words.isCommonWord(singular(word));
    const initialWord = (span: TagSpan) => {
      const word = s.tokens[span.start]!.text;
      // a people's word opens many a sentence ("Kurdish forces attacked …") and is one as it stands
      const people = span.type === 'MISC' && NATIONALITY_WORD.test(word) && !common(word);
      // a team or firm that opens a line of figures ("Hajduk 4 2 0 2", "Benetton ( Italy ) 92")
      const tabled = span.type === 'ORG' && !common(word) && /^(?:\d|\()/.test(s.tokens[1]?.text ?? '');
      // a paper or a broadcaster named before what it is ("Al-Akhbar newspaper said", "Liberte daily reported")
      const media = span.type === 'ORG' && !common(word) && MEDIA_AFTER.test(s.tokens[1]?.text ?? '');
      return span.start === 0 && span.end === 1 && !people && !tabled && !media && (common(word) || span.type === 'ORG' || span.type === 'MISC') && !/^\p{Lu}+$/u.test(word) && !corroborated(span);
    };
    // a line of names alone ("Ludmila Engquist ( Sweden ) 12.74" in a results list, a caption's
    // byline) has the shape of a title-case headline but no ordinary word to be one; nor has a
    // line of results or a table's row ("7. Frank Busemann ( Germany ) 13.58 8. Jack Pierce",
    // "Queen of South 3 2 0 1 5 4 6"), whose numbers no headline has
    // (nor a row that ends in its figure, "Frank Busemann ( Germany ) 13.58", whose place in the list the line before took)
    const endsInFigure = FIGURE.test(s.tokens[s.tokens.length - 1]?.text ?? '');
    const headline = capitalsSentence(s.tokens) && !allCapitals(s.tokens) && !endsInFigure && s.tokens.some((t) => t.text.length >= 4 && common(t.text)) && s.tokens.filter((t) => FIGURE.test(t.text)).length < 2 && s.tokens.filter((t) => TABLE_NUMBER.test(t.text)).length < 3;
    const spans = tagger.model.predict(s, prepared.context).spans.filter((span) => !initialWord(span) && (!headline || corroborated(span)));
    for (const span of charSpans(tokenised.sentences[i]!, spans)) {
      if (span.type === 'MISC') misc.push(span);
      // (a name of its own to its last word: "Hong Kong-based" is a place and a word about it;
      // and not an organisation's, which the tagger sometimes takes for one: "Palestinian Prisoners' Society")
      if (span.type === 'MISC' && isMiscName(know, doc.text.slice(span.start, span.end))) miscNames.push(span);
      // a one-word MISC is a people's, a faith's or an event's word, not a place: "a Moslem
      // village", "the English county championship", "Western diplomats", "his Wimbledon final"
      // (not in capitals, where the tagger reads less well: "AUBURN, Alabama"; nor an Arabic
      // name with its article, which it often takes for one: "the village of al-Ram"; nor a
      // part of a town, whose names it seldom knows: "the Karrada district of Baghdad")
      const word = doc.text.slice(span.start, span.end);
      const townPart = TOWN_PART_AFTER.test(doc.text.slice(span.end, span.end + 20));
      if (span.type === 'MISC' && !/\s/.test(word) && /\p{Ll}/u.test(word) && !ARABIC_ARTICLE.test(word) && !townPart && !placeOfNote(tagger, word)) miscWords.push(span);
      const c = typed(doc, know, tagger, span, exact.get(`${span.start}|${span.end}`));
      if (c) out.push(c);
    }
  });
  return { candidates: out, miscNames, miscWords, misc };
}

function typed(doc: Doc, know: Knowledge, tagger: Tagger, span: { type: string; start: number; end: number }, known: GazetteerMatch | undefined): Candidate | null {
  const start = span.start;
  let end = span.end;
  let text = doc.text.slice(start, end);
  // a full stop a token kept ("é.") is the sentence's, unless the name is initials ("U.S.") or
  // ends in an abbreviation ("Norwest Corp.")
  if (text.endsWith('.') && !/(?:^|[\s.])\p{Lu}\.$/u.test(text) && !know.abbreviations.has(/(\p{L}+)\.$/u.exec(text)?.[1] ?? '')) {
    end--;
    text = text.slice(0, -1);
  }
  if ((text.match(/\p{L}/gu)?.length ?? 0) < 2) return null;
  // a people's word before a place's ("a Moslem village", "English county sides") is the people's
  const people = span.type === 'MISC' ? peopleName(know, tagger, text) : null;
  if (people) return { start, end, type: 'NORP', name: people.name, kind: 'ner', kb: people.country ? { country: people.country } : {} };
  // "Zmiivka village", "the town of Rubaya": the text says it is a place, and the places stage,
  // which reads such phrases, places it
  if (span.type !== 'PER' && !known && (PLACE_AFTER.test(doc.text.slice(end, end + 16)) || PLACE_BEFORE.test(doc.text.slice(Math.max(0, start - 20), start)))) return null;
  const candidate = (type: EntityType, kind: string, name = text, kb: Record<string, unknown> = {}): Candidate => ({ start, end, type, name, kind, kb });
  const fromLexicon = (m: GazetteerMatch) => candidate(m.entry.type, m.entry.kind, m.entry.name, { ...m.entry.kb });
  // a name the actor lexicon knows, the whole span, is that actor, whatever kind of name the
  // tagger took it for ("Analysts warn that Isis remains a threat": not a woman named Isis);
  // "Isis", "Nato": an acronym the actor lexicon spells in capitals
  if (known?.entry.kind === 'actor') return fromLexicon(known);
  if (span.type === 'PER') return candidate('PERSON', 'person');
  if (tagger.sources.acronyms.has(text.toLowerCase())) {
    const actor = know.gazetteer.whole(text.toUpperCase(), 'actor');
    if (actor) return fromLexicon(actor);
  }
  // "Northern Syria", "Eastern Ukraine": a part of a country, which is the country as far as a
  // place can be told (no namesake town, and no organisation: "Southern Iraq" is neither a town
  // in Iran nor a firm)
  const country = !known && (span.type === 'LOC' || span.type === 'ORG') ? partOfCountry(know, text) : undefined;
  if (country) return fromLexicon(country);
  switch (span.type) {
    case 'ORG': {
      if (known && (known.entry.type === 'ORG' || known.entry.type === 'ARMED_GROUP')) return fromLexicon(known);
      if (known) return teamOfTown(doc, know, known, end) ? candidate('ORG', 'team', text) : fromLexicon(known);
      const words = text.split(/\s+/);
      const last = words[words.length - 1]!;
      const armed = know.armedHeads.has(last) || (words.length >= 2 && know.armedHeads.has(words.slice(-2).join(' '))) || ARMED_AFTER.test(doc.text.slice(end, end + 16));
      return candidate(armed ? 'ARMED_GROUP' : 'ORG', 'ner', text.replace(/^the\s+/i, ''));
    }
    case 'LOC': {
      if (known && (known.entry.type === 'GPE' || known.entry.type === 'LOC')) return fromLexicon(known);
      const place = tagger.sources.geo.places(foldName(text))[0];
      return place ? candidate('GPE', 'city') : candidate('LOC', 'ner');
    }
    default: {
      if (known && known.entry.kind === 'demonym') return fromLexicon(known);
      if (!/\s/.test(text) && (/Demonym/.test(tagger.sources.words.tagsOf(text)) || PEOPLE_WORD.test(text))) return candidate('NORP', 'ner');
      // a name of another kind: an event, a law or treaty, a work, a product, a language
      // ("the World Cup", "the Korean War", "the Nobel Peace Prize"); not a word that
      // only holds a name ("anti-Kremlin", "pro-Moscow"), nor an Arabic name with its article,
      // which the tagger often reads as MISC when it is a place's or a man's ("al-Aqsa", "al-Ram")
      const name = text.replace(/^the\s+/i, '');
      return /^[\p{Lu}\p{N}]/u.test(name) ? candidate('MISC', 'misc', name) : null;
    }
  }
}

/** Words that open a people's or a faith's name of several words with a part of the world: "Latin American", "West Indian", "Roman Catholic". */
const WORLD_PART = /^(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|Latin|Middle|Roman)$/;

/**
 * A MISC name of the tagger that names a people, a nationality or a faith, as the record's NORP
 * entity: one word ("Kurds", "Scottish"); several ("Iraqi Kurds", "Bosnian Serbs", "Latin
 * American"), which are one people rather than two; or a people's word joined to a word about
 * it ("Brazilian-born", "Kurdish-controlled"), the people named. Its country is the first
 * word's where that word is a nationality ("Iraqi Kurds": Iraq), not where the name opens with
 * a part of the world. Two peoples joined by a hyphen ("Russian-Ukrainian relations") stay two.
 */
function peopleName(know: Knowledge, tagger: Tagger, text: string): { name: string; country?: string } | null {
  const compound = /^([\p{Lu}][\p{L}'’]+)-\p{Ll}+$/u.exec(text);
  if (compound) return isPeopleWord(know, tagger, compound[1]!) ? { name: compound[1]!, country: know.demonyms.get(compound[1]!.toLowerCase()) } : null;
  const words = text.split(/\s+/);
  if (!words.every((w) => /^\p{Lu}[^-]*$/u.test(w)) || !isPeopleWord(know, tagger, words[words.length - 1]!)) return null;
  if (!words.slice(0, -1).every((w) => isPeopleWord(know, tagger, w) || WORLD_PART.test(w))) return null;
  return { name: text, country: WORLD_PART.test(words[0]!) ? undefined : know.demonyms.get(words[0]!.toLowerCase()) };
}

/** Is a capitalised word a people's, a nationality's or a faith's: the lexicons' peoples and demonyms, compromise's demonyms, or a word of their shape ("Scottish", "Transylvanian")? */
function isPeopleWord(know: Knowledge, tagger: Tagger, word: string): boolean {
  if (/Demonym/.test(tagger.sources.words.tagsOf(word))) return true;
  if (know.gazetteer.whole(word, 'demonym')) return true;
  return /^\p{Lu}\p{Ll}+(?:ish|ian|ians|ese)$/u.test(word);
}

/** The country a name of a part of it names: "Northern Syria" → Syria. */
function partOfCountry(know: Knowledge, name: string): GazetteerMatch | undefined {
  const part = /^(\S+)\s+(.+)$/u.exec(name);
  if (!part || !WORLD_PART.test(part[1]!)) return undefined;
  return know.gazetteer.whole(part[2]!, 'country');
}

const TOWN_KINDS = new Set(['city', 'town', 'village']);

/**
 * Is a town's name the tagger reads as an organisation its team or firm ("Cardiff 23", "Coventry
 * have lost", "joined Leeds")? Not before a title, a role or a capitalised word ("London Mayor
 * Sadiq Khan", "Moscow City Council"), nor before a lower-case word of the town ("Leeds
 * police"): the town itself, as the lexicon says.
 */
function teamOfTown(doc: Doc, know: Knowledge, known: GazetteerMatch, end: number): boolean {
  if (!TOWN_KINDS.has(known.entry.kind)) return false;
  const next = /^(?:['’]s)?\s+([\p{L}.]+)/u.exec(doc.text.slice(end, end + 40))?.[1] ?? '';
  return !/^\p{Lu}/u.test(next) && !know.roles.has(next.toLowerCase()) && !know.townNouns.has(next.toLowerCase());
}

/**
 * A name of several words that ends in a capitalised word in the singular: "U.S. Open", "Paris
 * Agreement", not "Hong Kong-based", and not a people's name in the plural ("Bosnian Serbs",
 * "Iraqi Kurds"), which the tagger reads as MISC too.
 */
const MISC_NAME = /^\S+\s(?:.*[\s-])?\p{Lu}[^\s-]*[^\s\-s]$/u;

/** A MISC_NAME that does not end in an organisation's or an armed group's head word ("Society", "Council", "Brigades"). */
function isMiscName(know: Knowledge, name: string): boolean {
  if (!MISC_NAME.test(name)) return false;
  const last = /\S+$/.exec(name)![0];
  return !know.orgHeads.has(last) && !know.armedHeads.has(last);
}

/** The lexicon kinds of a word that may open a MISC name as its modifier. */
const NAME_MODIFIER = new Set(['country', 'admin1', 'admin2', 'city', 'town', 'village', 'region', 'demonym']);

/** The lexicon kinds of a place a one-word MISC of the tagger overrules (not a country, a region, a people or an actor). */
const SMALL_PLACE = new Set(['admin2', 'city', 'town', 'village']);
/** Is this word a region's name or a city's of 100,000 people or more, which the tagger's MISC does not overrule ("the province of Yunnan")? */
function placeOfNote(tagger: Tagger, word: string): boolean {
  // (not a word of a part of the world, a region's name in some country but an adjective here: "Western diplomats")
  if (WORLD_PART.test(word)) return false;
  return tagger.sources.geo.admin1Codes(word).length > 0 || geoClassOf(tagger.sources, word) === 2; // the tagger's own features asked already
}

/** A word for a part of a town after a name: "the Karrada district", "the Reseda neighborhood". */
const TOWN_PART_AFTER = /^\s+(?:district|neighbou?rhood|quarter|suburb|area|section)s?\b/i;
/** The article that opens many Arabic names of places: "al-Ram", "ad-Dana", "ash-Shaddadi", "el-Arish". */
const ARABIC_ARTICLE = /^(?:a[lnrstdz]|ash|el)-/i;

const REPLACEABLE = new Set(['country', 'admin1', 'admin2', 'city', 'town', 'village', 'region', 'water', 'demonym', 'actor', 'person']);

/**
 * The tagger's names among the lexicons' candidates. Where no candidate overlaps a name, the
 * name is added; where the name covers candidates whole and they are only places, peoples or
 * actors inside it ("Shiraz" in "Shiraz Maher", "Syrian" in "Syrian Democratic Forces"), the
 * name replaces them; where a candidate has the very same span, or crosses the name's edge, or
 * is an equipment, facility or forces phrase, the candidate stays and the name is dropped.
 */
export function mergeTagged(found: readonly Candidate[], tagged: readonly Candidate[], miscNames: readonly Span[] = [], opened: Span[] = [], miscWords: readonly Span[] = []): Candidate[] {
  const spans = new SpanIndex(found); // a long text has tens of thousands of candidates
  // a word the tagger reads as a people's, a faith's or an event's is no small place of the
  // same name ("English", Indiana; "Western District"; "Wimbledon"), nor a place by a cue
  // ("a Moslem village"); a country or a city of 100,000 people and more stays
  for (const w of miscWords) {
    const same = spans.overlapping(w.start, w.end).filter((c) => c.start === w.start && c.end === w.end);
    if (same.some((c) => !SMALL_PLACE.has(c.kind) || Number(c.kb.population ?? 0) >= 100_000)) continue;
    for (const c of same) spans.remove(c);
    opened.push(w);
  }
  // a place or a people that opens a MISC name ("U.S. Open", "Hong Kong Open", "Berlin Grand
  // Prix", "Paris Agreement", "Australian Open") is part of the name, and says nothing of where
  // anything happened; inside it ("Battle of Mosul") it may, and stays. The names so opened are
  // listed in `opened`.
  for (const m of miscNames) {
    const modifiers = spans.overlapping(m.start, m.end).filter((c) => c.start === m.start && c.end < m.end && NAME_MODIFIER.has(c.kind));
    for (const c of modifiers) spans.remove(c);
    if (modifiers.length > 0) opened.push(m);
  }
  for (const t of tagged) {
    const overlapping = spans.overlapping(t.start, t.end);
    if (!overlapping.length) {
      spans.add(t);
      continue;
    }
    // a name of another kind gives way to any other candidate: "Battle of Mosul" keeps Mosul
    if (t.type === 'MISC') continue;
    // a town's team the tagger found where the lexicon has the town (teamOfTown) takes the town's span
    const team = t.kind === 'team' && overlapping.length === 1 && overlapping[0]!.start === t.start && overlapping[0]!.end === t.end;
    // a weapon's name of one word the tagger reads as a place's or a club's where it stands
    // ("MILAN 1996-08-30", a dateline) is theirs: the tagger reads the words around it, which
    // the lexicon does not (a man's it is not: the tagger takes "Kornet" for one)
    const notWeapon = (t.type === 'GPE' || t.type === 'LOC' || t.type === 'ORG') && overlapping.length === 1 && overlapping[0]!.kind === 'equipment' && overlapping[0]!.start === t.start && overlapping[0]!.end === t.end && !/\s/.test(t.name);
    if (notWeapon) {
      spans.remove(overlapping[0]!);
      spans.add(t);
      continue;
    }
    const inside = team || overlapping.every((c) => c.start >= t.start && c.end <= t.end && (c.start > t.start || c.end < t.end));
    if (!inside || !overlapping.every((c) => REPLACEABLE.has(c.kind))) continue;
    for (const c of overlapping) spans.remove(c);
    spans.add(t);
  }
  const out = spans.all();
  // "Smith said": a bare surname is the person named in full elsewhere in the article
  const full = new Map<string, string>();
  for (const c of out) {
    const space = c.name.lastIndexOf(' ');
    if (c.type === 'PERSON' && space > 0 && !full.has(c.name.slice(space + 1))) full.set(c.name.slice(space + 1), c.name);
  }
  return out.map((c) => (c.type === 'PERSON' && c.kind === 'person' && !c.name.includes(' ') && full.has(c.name) ? { ...c, name: full.get(c.name)! } : c));
}

/** A line in capitals ("SOCCER - SCOTTISH PREMIER DIVISION RESULTS"): no word in it is a name by its capital, and the tagger, trained on such lines, reads them by other features. */
function allCapitals(tokens: readonly { text: string }[]): boolean {
  return tokens.every((t) => !/\p{Ll}/u.test(t.text));
}

/** "Videos" → "Video", "Militias" → "Militia": compromise's lexicon lists nouns in the singular. */
function singular(word: string): string {
  return word.replace(/ies$/, 'y').replace(/(?<=[^s])s$/, '');
}
