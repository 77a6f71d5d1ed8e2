// Stage: places resolved to the world. Every GPE and LOC entity gets its gazetteer facts
// (GeoNames id, admin1 name and code, coordinates, population), a `resolved` flag with the
// reason when it stays unresolved, and `geo_precision` on ACLED's scale (1 the town, 2 near
// it, 3 the region or country only).
//
// Places the lexicons lack are found where the text says they are places (cues.ts: "near
// Kamyanka", "the village of Rubaya", "Luhanske, Donetsk"), and each place goes to the
// namesake the evidence points at (resolver.ts): a region named with it, then the article's
// regions and front, then prominence.
import type { Doc, Entity, Mention, Span } from '../../doc.js';
import type { PipelineContext, Stage } from '../../pipeline.js';
import type { Knowledge } from '../entities/knowledge.js';
import type { PlaceWords } from '../../lexicons/load.js';
import { cuedPlaces, placeCuePatterns, type CuedPlace, type PlaceCuePatterns } from './cues.js';
import { foldName, regionCore } from '../../text.js';
import { withNearbyMemo, type GeoIndex, type GeoPlace } from './geonames.js';
import { candidates, choose, inNamedRegion, isProminent, WELL_KNOWN, type Front, type PlaceEvidence } from './resolver.js';
import { looseKey } from './translit.js';
import { SpanIndex } from '../../spans.js';
import { remembered } from '../../memo.js';

export interface PlaceTests {
  isCommonWord(word: string): boolean;
  isPersonName(word: string): boolean;
  placeKind(phrase: string): 'city' | 'region' | null;
  /** a person's title ("President", "Gen.", "Minister"), which makes the name after it a person's */
  isTitle(word: string): boolean;
}

const SETTLEMENT_KINDS = new Set(['city', 'town', 'village']);
/** words of peoples and languages as English forms them: "English", "Kurdish", "Arabic", "Pashtun", "Syrian" */
const LANGUAGE_LIKE = /^\p{Lu}\p{Ll}+(?:ish|ese|ian|ic|i|un)$/u;
/** what follows a name that begins a phrase rather than naming a region: "Baghdad, the U.S. Embassy" */
const NOT_A_REGION_AFTER = /^\s+(?:\p{Lu}|(?:[Ee]mbassy|[Gg]overnment|forces|army|officials?|military|[Mm]inistry|troops|police|authorities|[Pp]resident|[Mm]inister|[Aa]mbassador|envoy|border|side)\b)/u;

export function placesStage(pipeline: PipelineContext): Stage {
  const know = pipeline.knowledge;
  const words = pipeline.words;
  const titles = new Set(know.titles);
  const tests: PlaceTests = { isCommonWord: words.isCommonWord, isPersonName: (w) => words.isFirstName(w) || words.isLastName(w), placeKind: words.placeKind, isTitle: (w) => titles.has(w) };
  const abbreviations = new Map(Object.entries(pipeline.lexicons.regionAbbreviations));
  // the peoples and faiths of the lexicon, singular and plural: "a Muslim village" is no village named Muslim
  const peoples = new Set(pipeline.lexicons.names.peoples.flatMap((p) => [p.toLowerCase(), `${p.toLowerCase()}s`]));
  const cues = placeCuePatterns(pipeline.lexicons.placeWords);
  const iso3 = new Map<string, string>();
  for (const [code, entry] of know.countries) if (typeof entry.kb.iso2 === 'string') iso3.set(entry.kb.iso2, code);
  const iso2 = new Map<string, string>(); // the first ISO 2 code of each ISO 3 code
  for (const [two, three] of iso3) if (!iso2.has(three)) iso2.set(three, two);
  const admin1Names = new Map<string, string>(); // "UKR|kherson" → "Kherson Oblast"
  for (const entry of new Set(know.adminBase.values())) admin1Names.set(`${entry.kb.country}|${regionCore(entry.name)}`, entry.name);

  let geo: GeoIndex | undefined; // the pipeline's index, with this stage's memo of nearby places

  return {
    name: 'places',
    requires: ['entities', 'tokens', 'sentences'],
    assigns: ['entities'],
    run(doc) {
      geo ??= withNearbyMemo(pipeline.geo);
      const ctx: Resolver = { doc, geo, iso3, iso2, admin1Names, tests, codes: new Map(), abbreviations, cues, placeWords: pipeline.lexicons.placeWords, peoples };
      const cued = addCuedPlaces(ctx);
      taggedRegions(ctx);
      for (const entity of doc.entities) if (entity.kb?.kind === 'admin1') settleRegion(ctx, entity);
      const evidence = regionEvidence(ctx);
      citiesNamedLikeTheirRegion(ctx, evidence);
      resolveAll(ctx, evidence, cued);
      sitesNamedForTowns(ctx);
      regionsFromNeighbours(ctx);
      for (const entity of doc.entities) if (entity.type === 'GPE' || entity.type === 'LOC') precision(doc, entity, cues);
      doc.entities = doc.entities.filter((e) => e.mentions.length > 0);
    },
  };
}

interface Resolver {
  doc: Doc;
  geo: GeoIndex;
  iso3: Map<string, string>;
  iso2: Map<string, string>;
  admin1Names: Map<string, string>;
  tests: PlaceTests;
  /** admin1 codes of lexicon regions, by country and name */
  codes: Map<string, string | undefined>;
  abbreviations: ReadonlyMap<string, string>;
  cues: PlaceCuePatterns;
  placeWords: PlaceWords;
  /** the lexicon's peoples and faiths, lower-case, singular and plural */
  peoples: ReadonlySet<string>;
}

/** "Ore." or "MO" right after "Place, " and before punctuation or the end: the region's admin1 code */
function abbreviated(ctx: Resolver, start: number, end: number): string | undefined {
  const { text } = ctx.doc;
  if (!/,\s*$/.test(text.slice(Math.max(0, start - 3), start))) return undefined;
  const after = text.slice(end, end + 3);
  const word = text.slice(start, end);
  const code = ctx.abbreviations.get(word);
  if (!code) return undefined;
  const dotted = after.startsWith('.');
  return (dotted && /^[A-Z][a-z]/.test(word)) || (/^[A-Z]{2}$/.test(word) && /^(\s*[,.;:)(—–-]|\s*$)/.test(after)) ? code : undefined;
}

const firstWord = (name: string) => name.split(/[\s-]/)[0]!;
const isPlace = (e: Entity) => e.type === 'GPE' || e.type === 'LOC';
const kindOf = (e: Entity) => e.kb?.kind as string | undefined;

/**
 * May a place cue take a mention of this entity? Not a place's, a language's or a lexicon's
 * name, nor a person's the text names twice, nor an organisation's but where the words around
 * it say it is a place (`said`).
 */
function takeable(ctx: Resolver, e: Entity, said: boolean): boolean {
  // (a person after a title, unless the words say it is a place: "Sheikh Maqsoud neighbourhood")
  if (isPlace(e) || (e.type === 'NORP' && (LANGUAGE_LIKE.test(e.name) || ctx.peoples.has(e.name.toLowerCase()))) || (!said && titledPerson(ctx, e))) return false;
  if (e.type === 'ORG' || e.type === 'ARMED_GROUP') return said && e.kb === undefined;
  return e.kb === undefined || (e.type === 'PERSON' && e.mentions.length === 1);
}

/** A person the text names after a title ("President Clinton", "Gen. Miller"): a person, whatever town shares the name. */
function titledPerson(ctx: Resolver, e: Entity): boolean {
  return e.type === 'PERSON' && e.mentions.some((m) => ctx.tests.isTitle(/(\S+)\s+$/.exec(ctx.doc.text.slice(Math.max(0, m.start - 24), m.start))?.[1] ?? ''));
}

/** The GeoNames admin1 code of a region named in our lexicon ("Belgorod Oblast" → "RU.09"). */
function admin1Code(ctx: Resolver, iso2: string, name: string): string | undefined {
  const key = `${iso2}|${name}`;
  if (!ctx.codes.has(key)) {
    const core = regionCore(name);
    const codes = (ctx.geo.admin1ByName.get(core) ?? []).filter((c) => c.startsWith(`${iso2}.`));
    // "Hasakah Governorate" and GeoNames' "Al-Hasakah", "Zaporizhzhia" and "Zaporizhia"
    const loose = looseKey(core.replace(/^(al|el|ar|as|ad|an)\s+/, ''));
    ctx.codes.set(key, codes[0] ?? [...ctx.geo.admin1].find(([c, n]) => c.startsWith(`${iso2}.`) && looseKey(regionCore(n).replace(/^(al|el|ar|as|ad|an)\s+/, '')) === loose)?.[0]);
  }
  return ctx.codes.get(key);
}

/**
 * The places the tagger found that are first-level regions: a region's name and no large city's
 * ("Texas", "Al Anbar"); a region's name after a place and a comma, whatever city shares it
 * ("Woodbridge, Virginia"); a region's postal abbreviation there ("DeSoto, MO").
 *
 * The regions the text marks so, and those no town shares a name with, are settled first; then
 * every bare name a town shares is weighed against the countries of the article as those leave
 * it and of the other bare names' regions, whichever the tagger found first: what one of them
 * turned out to be does not decide another.
 */
function taggedRegions(ctx: Resolver): void {
  const found = ctx.doc.entities.filter((e) => isPlace(e) && e.kb === undefined).map((entity) => ({ entity, ...taggedRegion(ctx, entity) }));
  for (const { entity, code, marked } of found) if (code && marked) setRegion(ctx, entity, code);
  const bare = found.filter((f) => f.code && !f.marked);
  if (!bare.length) return;
  const settled = countriesOfPlaces(ctx);
  // each bare name against the countries of the article and of the other bare names' regions ("Vermont" … "Darien")
  const others = (entity: Entity) => new Set([...settled, ...bare.filter((f) => f.entity !== entity).map((f) => f.code!.slice(0, 2))]);
  const regions = bare.filter(({ entity, code }) => !townOfArticle(ctx, entity, code!, others(entity)));
  for (const { entity, code } of regions) setRegion(ctx, entity, code!);
}

/** The admin1 code a tagged place names, and whether the text marks it as a region (an abbreviation, after "Place, "). */
function taggedRegion(ctx: Resolver, entity: Entity): { code?: string; marked?: boolean } {
  const short = new Set(entity.mentions.map((m) => abbreviated(ctx, m.start, m.end)));
  const byName = firstLevel(ctx, entity.name, ctx.geo.admin1Codes(entity.name));
  const code = short.size === 1 && !short.has(undefined) ? [...short][0]! : byName.length === 1 ? byName[0]! : undefined;
  if (!code) return {};
  // (a region's name no town shares is as sure)
  const marked = code !== byName[0] || entity.mentions.some((m) => afterPlaceAndComma(ctx, m)) || !ctx.geo.places(foldName(entity.name)).length;
  return { code, marked };
}

/** Is a bare region name rather a town: a large city's name, or a town of the article's countries where the region's country is not one of them? */
function townOfArticle(ctx: Resolver, entity: Entity, code: string, countries: ReadonlySet<string>): boolean {
  const towns = ctx.geo.places(foldName(entity.name));
  if (towns.some(isProminent)) return true;
  // "shot in Darien" in a report on Chicago's suburbs: a town of the article's country, not a province of a country it never names
  return !countries.has(code.slice(0, 2)) && towns.some((p) => countries.has(p.iso2));
}

function setRegion(ctx: Resolver, entity: Entity, code: string): void {
  const name = ctx.geo.admin1.get(code)!;
  const country = ctx.iso3.get(code.slice(0, 2));
  entity.kb = { kind: 'admin1', ...(country ? { country } : {}), iso2: code.slice(0, 2), admin1: name, admin1Code: code, resolved: true, resolution: 'gazetteer' };
}

/** The admin1 codes a name can stand for: "Washington County" is no US state, as counties there are second-level units. */
function firstLevel(ctx: Resolver, name: string, codes: readonly string[]): readonly string[] {
  const last = name.trim().split(/\s+/).pop()!.toLowerCase();
  const countries = ctx.placeWords.secondLevel[last];
  return countries ? codes.filter((c) => !countries.includes(c.slice(0, 2))) : codes;
}

/** does the mention follow another place's name and a comma ("Woodbridge, Virginia")? */
function afterPlaceAndComma(ctx: Resolver, mention: Mention): boolean {
  const { doc } = ctx;
  return doc.entities.some((e) => isPlace(e) && e.mentions.some((m) => m.end <= mention.start && /^\s*,\s*$/.test(doc.text.slice(m.end, mention.start))));
}

function settleRegion(ctx: Resolver, entity: Entity): void {
  const kb = entity.kb!;
  if (kb.resolved !== undefined) return;
  const iso2 = typeof kb.iso2 === 'string' ? kb.iso2 : ctx.iso2.get(kb.country as string);
  const code = iso2 ? admin1Code(ctx, iso2, entity.name) : undefined;
  Object.assign(kb, { admin1: entity.name, admin1Code: code ?? null, resolved: true, resolution: 'lexicon' });
}

/** Cues on names the lexicon already knows ("near Kharkiv") tell how near the place is. */
function nearKnownPlaces(ctx: Resolver, spans: ReadonlyArray<{ e: Entity; m: Mention }>, cued: Map<Entity, CuedPlace[]>): void {
  for (const { e, m } of spans) {
    if (!isPlace(e)) continue;
    const before = ctx.doc.text.slice(Math.max(0, m.start - 60), m.start);
    if (ctx.cues.nearBefore.test(before)) cued.set(e, [...(cued.get(e) ?? []), { start: m.start, end: m.end, text: m.text, strength: 'strong', kind: null, near: true }]);
  }
}

/** Names where the text says a place is, as GPE entities yet to be resolved. */
function addCuedPlaces(ctx: Resolver): Map<Entity, CuedPlace[]> {
  const { doc } = ctx;
  // (a name of another kind is the tagger's guess alone, and gives way to any place a cue names:
  // "shot in Granada Hills"; the cues do not see it)
  const spans = doc.entities.filter((e) => e.type !== 'MISC').flatMap((e) => e.mentions.map((m) => ({ e, m, start: m.start, end: m.end })));
  const index = new SpanIndex(spans); // each cued name asks what it overlaps: a long text has thousands
  const overlapping = (start: number, end: number) => index.overlapping(start, end);
  const otherNames = new SpanIndex(doc.otherNames); // "U.S. Open", "Hong Kong Open": no place inside
  const regionMentions = new Set(doc.entities.filter((e) => e.kb?.kind === 'country' || e.kb?.kind === 'admin1').flatMap((e) => e.mentions.map((m) => m.text)));
  const cued = new Map<Entity, CuedPlace[]>();
  const countries = articleCountries(ctx);
  const known = new Map<string, boolean>(); // isKnownPlace's answers in this document: its names recur
  const found = cuedPlaces(doc, {
    isCommonWord: ctx.tests.isCommonWord,
    isPersonName: ctx.tests.isPersonName,
    // a cued place takes a mention from a name the tagger typed without any lexicon's facts, and
    // from a one-mention person; not from a people's or a language's word ("published in English"),
    // nor from a longer name it is part of ("I. Austin", "Maarten den Bakker ( Netherlands )"),
    // nor from an organisation unless the text's words say it is a place
    taken: (start, end, cued, said) => otherNames.overlapping(start, end).length > 0 || overlapping(start, end).some(({ e, m }) => !(cued && takeable(ctx, e, said) && m.start >= start && m.end <= end)),
    // "in Southwest Philadelphia": a part of a town the gazetteer knows
    inGazetteer: (name) => ctx.geo.places(foldName(name)).length > 0 || ctx.geo.places(foldName(PART_OF.exec(name)?.[2] ?? '-')).length > 0,
    isKnownPlace: (name) => remembered(known, name, Infinity, () => ctx.geo.places(foldName(name)).some((p) => !p.alternate && (p.population >= KNOWN_ANYWHERE || (countries.has(p.iso2) && isProminent(p))))),
    isPlaceAt: (start, end) => overlapping(start, end).some(({ e, m }) => isPlace(e) && m.start === start && m.end === end),
    isRegion: (name) => ctx.abbreviations.has(name) || ctx.geo.admin1Codes(name).length > 0 || ctx.iso2.has(name) || regionMentions.has(name),
  }, ctx.cues);
  nearKnownPlaces(ctx, spans, cued);
  const byName = new Map<string, Entity>();
  // a one-mention name a cue makes a place ("near Kaya") is no longer a person's or the tagger's;
  // nor is a bare name the tagger guessed and no name list knows, in any of its mentions ("fled
  // Karabilah", "the assault on Husaybah and Karabilah"): one referent per name
  for (const place of found) {
    for (const { e, m } of overlapping(place.start, place.end)) {
      if (isPlace(e) || !(e.type === 'PERSON' || e.kb === undefined)) continue;
      // (not a person the text names in full elsewhere: "Hillary Clinton" … "Clinton")
      // nor a name the gazetteer knows, which is as often a surname ("Clinton")
      const guessed = e.kb === undefined && e.mentions.every((x) => x.text === place.text) && !ctx.tests.isPersonName(firstWord(m.text)) && !ctx.geo.places(foldName(m.text)).length;
      e.mentions = e.mentions.filter((x) => x !== m && !(guessed && x.text === m.text));
    }
  }
  for (const place of found) {
    // "Hebei province", "Borno State": a region of any country, from GeoNames' admin1 table;
    // "Woodbridge, Virginia": a region's bare name after a place and a comma
    const suffix = ctx.cues.regionWord.exec(doc.text.slice(place.end, place.end + 16));
    const afterPlace = /,\s*$/.test(doc.text.slice(Math.max(0, place.start - 3), place.start)) && !ctx.geo.places(foldName(place.text)).some(isProminent);
    const short = abbreviated(ctx, place.start, place.end);
    const regionish = suffix || place.region || ctx.tests.placeKind(place.text) === 'region' || afterPlace || short;
    if (regionish) {
      const codes = short ? [short] : firstLevel(ctx, `${place.text}${suffix?.[0] ?? ''}`, ctx.geo.admin1Codes(place.text));
      if (codes.length) {
        const end = suffix ? place.end + suffix[0].length : short && doc.text[place.end] === '.' ? place.end + 1 : place.end;
        const code = codes[0]!;
        const name = ctx.geo.admin1.get(code)!;
        const country = ctx.iso3.get(code.slice(0, 2));
        const entity = byName.get(`admin1|${code}`) ?? { id: doc.newEntityId(), type: 'GPE' as const, name, mentions: [], kb: { kind: 'admin1', country, iso2: code.slice(0, 2), admin1: name, admin1Code: code, resolved: true, resolution: codes.length > 1 ? 'context' : 'gazetteer' } };
        if (!entity.kb!.country) delete entity.kb!.country;
        if (!byName.has(`admin1|${code}`)) doc.entities.push(entity);
        byName.set(`admin1|${code}`, entity);
        entity.mentions.push(doc.mention(place.start, end));
        continue;
      }
    }
    const key = foldName(place.text);
    let entity = byName.get(key);
    if (!entity) {
      entity = { id: doc.newEntityId(), type: 'GPE', name: place.text, mentions: [], kb: { kind: place.kind ?? 'village', cued: place.strength } };
      byName.set(key, entity);
      doc.entities.push(entity);
    } else if (rank(place.strength) > rank(entity.kb!.cued as CuedPlace['strength'])) {
      entity.kb!.cued = place.strength;
    }
    entity.mentions.push(doc.mention(place.start, place.end));
    cued.set(entity, [...(cued.get(entity) ?? []), place]);
  }
  miscGivesWay(doc, found);
  sameNameElsewhere(doc, [...byName.values()].filter((e) => e.kb?.kind !== 'admin1'), (e) => ctx.tests.isPersonName(e.name) || titledPerson(ctx, e));
  doc.entities = doc.entities.filter((e) => e.mentions.length > 0);
  return cued;
}

/** A name of another kind (MISC, the tagger's guess alone) loses the words a place cue named: "shot in Granada Hills". */
function miscGivesWay(doc: Doc, places: readonly Span[]): void {
  const placed = new SpanIndex(places);
  for (const e of doc.entities) if (e.type === 'MISC') e.mentions = e.mentions.filter((m) => placed.overlapping(m.start, m.end).length === 0);
}

/**
 * A name the text once put in a place cue is that place wherever else it stands capitalised
 * and unclaimed ("Dabiq held symbolic importance"): one referent per name in a document.
 */
function sameNameElsewhere(doc: Doc, places: Entity[], personal: (e: Entity) => boolean): void {
  if (!places.length) return;
  // "the village of Baghuz" … "who left Baghuz": a bare name the tagger took for a person, which
  // no list knows as a person's name and no title puts after it, or for a name of another kind
  // ("returned to al-Ram"), is the place the cue named, in every mention
  const guessed = new Set(doc.entities.filter((e) => (e.type === 'PERSON' && e.kb === undefined && !/\s/.test(e.name) && !personal(e)) || e.type === 'MISC'));
  for (const e of guessed) if (places.some((p) => p.mentions.some((m) => m.text === e.name))) e.mentions = [];
  const claimed = doc.entities.flatMap((e) => e.mentions).sort((a, b) => a.start - b.start);
  const free = (start: number, end: number) => !claimed.some((m) => m.start < end && m.end > start);
  // the longest names first, whichever place the cues found first: "Tell Hamra" keeps its words from "Hamra"
  const names = places.flatMap((entity) => [...new Set(entity.mentions.map((m) => m.text))].map((text) => ({ entity, text })));
  for (const { entity, text } of names.sort((a, b) => b.text.length - a.text.length)) {
    if (text.length < 3) continue;
    for (let at = doc.text.indexOf(text); at >= 0; at = doc.text.indexOf(text, at + 1)) {
      const end = at + text.length;
      if (/[\p{L}\p{N}]/u.test(doc.text[at - 1] ?? '') || /[\p{L}\p{N}]/u.test(doc.text[end] ?? '') || !free(at, end)) continue;
      const mention = doc.mention(at, end);
      entity.mentions.push(mention);
      claimed.push(mention);
    }
  }
  for (const entity of places) entity.mentions.sort((a, b) => a.start - b.start);
}

const rank = (s: CuedPlace['strength'] | undefined) => (s === 'strong' ? 3 : s === 'weak' ? 2 : s === 'known' ? 1 : 0);
/** a place this large is a place wherever a text names it without a cue ("Philadelphia police") */
const KNOWN_ANYWHERE = 250_000;

/** ISO 2 codes of the countries the entities found so far belong to */
function articleCountries(ctx: Resolver): Set<string> {
  const found = new Set<string>();
  for (const e of ctx.doc.entities) {
    const kb = e.kb ?? {};
    const iso2 = typeof kb.iso2 === 'string' ? kb.iso2 : ctx.iso2.get(kb.country as string);
    if (iso2) found.add(iso2);
  }
  return found;
}

/**
 * The countries of the article's places: those the lexicons settled, and the country of the
 * large places the tagger found ("Chicago"), before the resolver has settled them.
 */
function countriesOfPlaces(ctx: Resolver): Set<string> {
  const found = articleCountries(ctx);
  for (const e of ctx.doc.entities) {
    if (!isPlace(e) || e.kb !== undefined) continue;
    const prominent = new Set(ctx.geo.places(foldName(e.name)).filter(isProminent).map((p) => p.iso2));
    if (prominent.size === 1) found.add([...prominent][0]!);
  }
  return found;
}

interface Named {
  /** the region or country entity named with the place, and the mention that names it */
  region: Entity;
  mention: Mention;
  evidence: PlaceEvidence;
  /** the place is a part of that town ("the Karrada district of Baghdad"), which stays the town */
  town?: boolean;
}

/**
 * For each place, the region or country the text names with it: the place entity whose mention
 * follows one of its mentions after ", ", " (" or " in ". A city named like its region (Donetsk)
 * stands for the region there ("Luhanske, Donetsk").
 */
function regionEvidence(ctx: Resolver): Map<Entity, Named> {
  const { doc } = ctx;
  const mentions = doc.entities
    .filter(isPlace)
    .flatMap((entity) => entity.mentions.map((m) => ({ entity, m })))
    .sort((a, b) => a.m.start - b.m.start);
  const named = new Map<Entity, Named>();
  for (let k = 0; k + 1 < mentions.length; k++) {
    const { entity: small, m } = mentions[k]!;
    const { entity: big, m: next } = mentions[k + 1]!;
    if (small === big || named.has(small) || kindOf(small) === 'country') continue;
    const gap = doc.text.slice(m.end, next.start);
    // "the Karrada district of Baghdad": the town's region
    const town = ctx.cues.partOfTown.test(gap) && SETTLEMENT_KINDS.has(kindOf(big) ?? 'village') ? townRegion(ctx, big) : null;
    if (!town && !ctx.cues.regionGap.test(gap)) continue;
    // "Baghdad, the U.S. Embassy": the name after the comma begins another phrase
    if (NOT_A_REGION_AFTER.test(doc.text.slice(next.end, next.end + 30))) continue;
    // "Haider al-Abadi in Baghdad": a city named like its region stands for it only after a comma or in brackets
    if (!town && /\sin\s/.test(gap) && big.kb?.kind !== 'admin1' && big.kb?.kind !== 'country') continue;
    const evidence = town ?? evidenceOf(ctx, big, next);
    if (!evidence) continue;
    // a region is in a country, not in another region
    if (kindOf(small) === 'admin1' && !evidence.admin1Code && evidence.iso2) continue;
    if (kindOf(small) === 'admin1') continue;
    named.set(small, { region: big, mention: next, evidence, ...(town ? { town: true } : {}) });
  }
  return named;
}

/** The region of a town a lexicon or the gazetteer knows well (a neighbourhood's town), or null. */
function townRegion(ctx: Resolver, town: Entity): PlaceEvidence | null {
  const kb = town.kb ?? {};
  const iso2 = ctx.iso2.get(kb.country as string);
  const code = iso2 && typeof kb.admin1 === 'string' ? admin1Code(ctx, iso2, kb.admin1) : ctx.geo.places(foldName(town.name)).find(isProminent)?.admin1Code ?? undefined;
  return code ? { admin1Code: code, iso2: code.slice(0, 2) } : null;
}

/** The region or country a place entity stands for when named after another place. */
function evidenceOf(ctx: Resolver, big: Entity, mention: Mention): PlaceEvidence | null {
  const kb = big.kb ?? {};
  const iso2 = typeof kb.iso2 === 'string' ? kb.iso2 : ctx.iso2.get(kb.country as string);
  if (kb.kind === 'country') return iso2 ? { iso2 } : null;
  if (kb.kind === 'admin1') {
    const code = (kb.admin1Code as string | undefined) ?? (iso2 ? admin1Code(ctx, iso2, big.name) : undefined);
    return code ? { admin1Code: code, iso2: code.slice(0, 2) } : iso2 ? { iso2 } : null;
  }
  // "Luhanske, Donetsk": a city named like its region stands for the region
  if (typeof kb.admin1 === 'string' && iso2 && regionCore(kb.admin1) === regionCore(mention.text)) {
    const code = (kb.admin1Code as string | undefined) ?? admin1Code(ctx, iso2, kb.admin1);
    return code ? { admin1Code: code, iso2 } : null;
  }
  return null;
}

/**
 * "Tomsk", "Sumy": a bare name that is both a region and its capital is the city, unless
 * "region", "oblast" or "province" follows it or it names the region of another place
 * ("Luhanske, Donetsk"), where the mention moves to the region.
 */
function citiesNamedLikeTheirRegion(ctx: Resolver, named: Map<Entity, Named>): void {
  const { doc } = ctx;
  const asRegion = new Set<Mention>([...named.values()].filter((n) => !n.town).map((n) => n.mention));
  const regions = new Map<string, Entity>();
  for (const e of doc.entities) if (kindOf(e) === 'admin1' && typeof e.kb?.admin1Code === 'string') regions.set(e.kb.admin1Code, e);
  const cities = new Map<string, Entity>();
  for (const entity of [...doc.entities]) {
    if (!isPlace(entity)) continue;
    const kb = entity.kb ?? {};
    if (kb.kind === 'admin1' && typeof kb.admin1Code === 'string') {
      // bare mentions of a region named like its capital, not naming the region of a place
      // a region named with its suffix elsewhere keeps its bare mentions that modify a noun ("the Belgorod incident")
      const suffixed = entity.mentions.some((m) => regionCore(m.text) !== foldName(m.text));
      const bare = entity.mentions.filter((m) => {
        const after = doc.text.slice(m.end, m.end + 60);
        if (asRegion.has(m) || regionCore(m.text) !== foldName(m.text) || ctx.cues.regionWord.test(after) || ctx.cues.regionsAfter.test(after)) return false;
        return !(suffixed && /^\s+\p{Ll}/u.test(after) && !/^\s+(and|or|in|on|at|to|from|of|is|was|were|has|had|said|city)\b/.test(after));
      });
      if (!bare.length) continue;
      const capital = ctx.geo.places(foldName(bare[0]!.text)).find((p) => p.admin1Code === kb.admin1Code && /^PPLA|^PPLC/.test(p.featureCode));
      if (!capital) continue;
      const key = `${capital.geonames}`;
      let city = cities.get(key);
      if (!city) {
        city = { id: doc.newEntityId(), type: 'GPE', name: capital.name, mentions: [], kb: { ...geoFacts(ctx, capital, 'region capital'), kind: 'city' } };
        cities.set(key, city);
        doc.entities.push(city);
      }
      for (const m of bare) city.mentions.push(m);
      entity.mentions = entity.mentions.filter((m) => !bare.includes(m));
    } else if (SETTLEMENT_KINDS.has(kb.kind as string) && entity.mentions.some((m) => asRegion.has(m))) {
      // "Luhanske, Donetsk": this mention of Donetsk is Donetsk Oblast
      const evidence = [...named.values()].find((n) => n.region === entity)!.evidence;
      const code = evidence.admin1Code!;
      let region = regions.get(code);
      if (!region) {
        const name = typeof kb.admin1 === 'string' ? kb.admin1 : ctx.geo.admin1.get(code) ?? entity.name;
        region = { id: doc.newEntityId(), type: 'GPE', name, mentions: [], kb: { kind: 'admin1', country: kb.country, iso2: code.slice(0, 2), admin1: name, admin1Code: code, resolved: true, resolution: 'lexicon' } };
        regions.set(code, region);
        doc.entities.push(region);
      }
      const moved = entity.mentions.filter((m) => asRegion.has(m));
      region.mentions.push(...moved);
      region.mentions.sort((a, b) => a.start - b.start);
      entity.mentions = entity.mentions.filter((m) => !asRegion.has(m));
      for (const n of named.values()) if (n.region === entity) n.region = region;
    }
  }
}

/** Every place resolved: those with a region named first, then the rest against the article's front. */
function resolveAll(ctx: Resolver, named: Map<Entity, Named>, cued: Map<Entity, CuedPlace[]>): void {
  const { doc } = ctx;
  const places = doc.entities.filter((e) => isPlace(e) && e.mentions.length && e.kb?.resolved === undefined);
  const later: Entity[] = [];
  for (const entity of places) {
    // a name the tagger found and no lexicon knows has no facts yet: the article's front decides it
    const untyped = entity.kb === undefined;
    entity.kb ??= {};
    const kind = kindOf(entity);
    const evidence = named.get(entity)?.evidence;
    if (evidence) resolveInRegion(ctx, entity, evidence);
    else if (kind && !SETTLEMENT_KINDS.has(kind)) lexiconOnly(entity);
    else if (!untyped && entity.kb.cued === undefined) resolveLexiconCity(ctx, entity);
    else later.push(entity);
  }
  const front = articleFront(ctx);
  for (const entity of later) resolveByFront(ctx, entity, front, cued.get(entity) ?? []);
}

/** "Mykhaylivka, Donetsk": the namesake in the region named, else unresolved in that region. */
function resolveInRegion(ctx: Resolver, entity: Entity, evidence: PlaceEvidence): void {
  const kb = entity.kb!;
  const names = [...new Set([entity.name, ...entity.mentions.map((m) => m.text)])];
  const lexiconAdmin1 = typeof kb.admin1 === 'string' && typeof kb.lat === 'number';
  if (lexiconAdmin1 && kb.cued === undefined) {
    const own = ctx.iso2.get(kb.country as string);
    const code = own ? admin1Code(ctx, own, kb.admin1 as string) : undefined;
    if ((evidence.admin1Code && code === evidence.admin1Code) || (!evidence.admin1Code && own === evidence.iso2)) return resolveLexiconCity(ctx, entity);
  }
  const found = candidates(ctx.geo, names, evidence.iso2 ? [evidence.iso2] : []);
  const place = inNamedRegion(found, evidence);
  if (place) {
    for (const key of Object.keys(kb)) delete kb[key];
    Object.assign(kb, geoFacts(ctx, place, 'region named'));
    return;
  }
  if (kb.cued === undefined && typeof kb.lat === 'number') return resolveLexiconCity(ctx, entity); // a known city; the region named is another's
  unresolved(ctx, entity, 'not in the gazetteer', evidence);
}

function lexiconOnly(entity: Entity): void {
  const kb = entity.kb!;
  Object.assign(kb, { resolved: kb.lat !== undefined || kb.kind === 'country' || kb.kind === 'admin1', resolution: 'lexicon' });
  if (!kb.resolved) kb.reason = 'the lexicon has no coordinates for it';
}

/**
 * A city of the lexicon: its own GeoNames entry (the capital or largest place of that name in
 * its country, else the nearest), whatever countries the article names.
 */
function resolveLexiconCity(ctx: Resolver, entity: Entity): void {
  const kb = entity.kb!;
  const iso2 = ctx.iso2.get(kb.country as string);
  const own = ctx.geo.places(foldName(entity.name)).filter((p) => p.iso2 === iso2 && (typeof kb.lat !== 'number' || distance(p, kb) < 1));
  const nearest =
    [...own].sort((a, b) => Number(b.featureCode === 'PPLC') - Number(a.featureCode === 'PPLC') || distance(a, kb) - distance(b, kb))[0] ??
    (iso2 && typeof kb.lat === 'number' && typeof kb.lon === 'number' ? ctx.geo.nearby(iso2, kb.lat, kb.lon) ?? undefined : undefined);
  if (nearest) {
    const facts = geoFacts(ctx, nearest, 'lexicon');
    Object.assign(kb, { geonames: facts.geonames, admin1: kb.admin1 ?? facts.admin1, admin1Code: facts.admin1Code, population: kb.population ?? facts.population, resolved: true, resolution: 'lexicon' });
  } else {
    Object.assign(kb, { resolved: kb.lat !== undefined, resolution: 'lexicon' });
  }
}

/** The regions, places and countries the article has settled so far. */
function articleFront(ctx: Resolver): Front {
  const admin1 = new Map<string, number>();
  const points: Array<{ lat: number; lon: number }> = [];
  const countries = new Map<string, number>();
  for (const e of ctx.doc.entities) {
    const kb = e.kb ?? {};
    const iso2 = typeof kb.iso2 === 'string' ? kb.iso2 : ctx.iso2.get(kb.country as string);
    if (iso2) countries.set(iso2, (countries.get(iso2) ?? 0) + e.mentions.length);
    if (!isPlace(e) || kb.resolved !== true || kb.kind === 'country') continue;
    if (typeof kb.admin1Code === 'string') admin1.set(kb.admin1Code, (admin1.get(kb.admin1Code) ?? 0) + 1);
    if (kb.kind !== 'admin1' && typeof kb.lat === 'number' && typeof kb.lon === 'number') points.push({ lat: kb.lat, lon: kb.lon });
  }
  return { admin1, points, countries };
}

/** "Eastern Europe", "Northern Syria", "Southwest Philadelphia": a direction before a place */
const PART_OF = /^(north|south|east|west|central|northern|southern|eastern|western|north-?east(?:ern)?|north-?west(?:ern)?|south-?east(?:ern)?|south-?west(?:ern)?|upper|lower|downtown)\s+(.+)$/i;

/** places named as a part of a town ("Southwest Philadelphia", "East Mosul"): geo_precision 2 */
const partOf = new WeakSet<Entity>();

/** A cued or compromise-known name without a region named: by the article's front, then prominence. */
function resolveByFront(ctx: Resolver, entity: Entity, front: Front, cues: CuedPlace[]): void {
  const kb = entity.kb!;
  const strength = kb.cued as CuedPlace['strength'];
  const names = [...new Set([entity.name, ...entity.mentions.map((m) => m.text)])];
  const countries = [...front.countries.keys()];
  const direction = PART_OF.exec(entity.name);
  let found = candidates(ctx.geo, names, countries);
  if (direction && !found.exact.length && !found.loose.length) {
    found = candidates(ctx.geo, [direction[2]!], countries);
    if (found.exact.length || found.loose.length) partOf.add(entity);
  }
  const chosen = choose(found, front, strength !== 'region');
  const known = ctx.tests.placeKind(entity.name) ?? (direction && ctx.tests.placeKind(direction[2]!) ? 'region' : null);
  if (chosen && (strength !== 'region' || isProminent(chosen.place) || chosen.how !== 'population')) {
    const cuedKind = kb.kind;
    for (const key of Object.keys(kb)) delete kb[key];
    Object.assign(kb, geoFacts(ctx, chosen.place, chosen.how));
    if (cues.length && cuedKind === 'village' && chosen.place.population < WELL_KNOWN) kb.kind = kb.kind === 'city' ? 'town' : kb.kind;
    return;
  }
  if (strength === 'region' && !known) {
    entity.mentions = []; // "Smith, Jones": no region followed it after all
    return;
  }
  delete kb.cued;
  if (known === 'region' && !cues.some((c) => c.kind)) {
    entity.type = 'LOC'; // "in Eastern Europe": a region compromise knows, not a settlement
    unresolved(ctx, entity, 'not in the gazetteer', undefined, 'region');
  } else {
    unresolved(ctx, entity, 'not in the gazetteer', undefined, known === 'city' ? 'city' : undefined);
  }
}

/**
 * A site named for the town it stands at ("the Samarra Barrage", "the UNESCO World Heritage Site
 * at Palmyra", "the Darien Walmart", "Mount Sinjar"): an unresolved place whose name begins or
 * ends with a town lies at that town, when the article names the town on its own, or when the
 * rest of the name is a site's ("Mount", "Dam") and the gazetteer puts a town of that name where
 * the article is. The site takes the town's region and coordinates, with geo_precision 2. After a
 * possessive the name is the town itself ("Hebei's Baoding").
 */
function sitesNamedForTowns(ctx: Resolver): void {
  const towns = new Map<string, Record<string, unknown>>(); // the article's settled towns, by name
  for (const e of ctx.doc.entities) {
    if (!isPlace(e) || e.kb?.resolved !== true || !SETTLEMENT_KINDS.has(kindOf(e)!) || typeof e.kb.lat !== 'number') continue;
    for (const name of [e.name, ...e.mentions.map((m) => m.text)]) towns.set(foldName(name), e.kb);
  }
  const sites = new Set(ctx.placeWords.siteWords);
  const streets = new Set(ctx.placeWords.streetWords);
  let front: Front | undefined; // worked out for the first site that needs it, before any site is placed
  const placed: Array<{ kb: Record<string, unknown>; facts: Record<string, unknown> }> = [];
  for (const entity of ctx.doc.entities) {
    const kb = entity.kb;
    if (!isPlace(entity) || kb?.resolved !== false || typeof kb.admin1Code === 'string') continue;
    const words = entity.name.split(/\s+/);
    if (streets.has(words[words.length - 1]!.toLowerCase().replace(/\.$/, ''))) continue;
    const found = townInName(words, (from, count) => townOfRun(ctx, words, from, count, towns, sites, () => (front ??= articleFront(ctx))));
    if (!found) continue;
    const possessive = found.from > 0 && /['’]s$/.test(words[found.from - 1]!);
    placed.push({ kb, facts: possessive ? { ...found.town, geo_precision: 1 } : { kind: 'site', ...pick(found.town, SITE_FACTS), resolved: true, resolution: 'town in its name', geo_precision: 2 } });
  }
  // written only now: a site placed is not on the article's front for the sites after it
  for (const { kb, facts } of placed) {
    for (const key of Object.keys(kb)) delete kb[key];
    Object.assign(kb, facts);
  }
}

/** The longest run of a name's first or last words that is a town, and where it begins. */
function townInName(words: string[], townOf: (from: number, count: number) => Record<string, unknown> | undefined): { from: number; town: Record<string, unknown> } | undefined {
  for (let count = words.length - 1; count >= 1; count--) {
    for (const from of new Set([0, words.length - count])) {
      const town = townOf(from, count);
      if (town) return { from, town };
    }
  }
  return undefined;
}

/** what a site takes from its town: where it is, not the town's name, size or GeoNames id */
const SITE_FACTS = ['country', 'iso2', 'admin1', 'admin1Code', 'lat', 'lon'];
const pick = (kb: Record<string, unknown>, keys: string[]) => Object.fromEntries(keys.filter((key) => kb[key] !== undefined).map((key) => [key, kb[key]]));

/** The facts of the town that `count` words of a site's name from `from` name, or undefined. */
function townOfRun(ctx: Resolver, words: string[], from: number, count: number, towns: Map<string, Record<string, unknown>>, sites: Set<string>, front: () => Front): Record<string, unknown> | undefined {
  const run = words.slice(from, from + count);
  if (!/^\p{Lu}/u.test(run[0]!) || !/^\p{Lu}/u.test(run[count - 1]!)) return undefined;
  // "Wayne County Jail": the town's name begins a region's ("Wayne County"), which is elsewhere as often
  if (ctx.cues.regionWord.test(` ${words[from + count] ?? ''}`)) return undefined;
  const name = run.join(' ');
  const named = towns.get(foldName(name));
  if (named) return named;
  const rest = [...words.slice(0, from), ...words.slice(from + count)];
  if (!rest.some((w) => sites.has(w.toLowerCase()))) return undefined;
  const f = front();
  const chosen = choose(candidates(ctx.geo, [name], f.countries.keys()), f, false);
  // where the article is, or a large town: not any town of the article's country ("the Union Station bar" in Colorado Springs)
  return chosen && (chosen.how === 'article region' || chosen.how === 'nearby places' || chosen.how === 'prominence') ? geoFacts(ctx, chosen.place, chosen.how) : undefined;
}

/** an unresolved settlement the text names no region with */
const unplaced = (e: Entity) => isPlace(e) && e.kb?.resolved === false && e.kb.admin1Code === undefined && SETTLEMENT_KINDS.has(e.kb.kind as string);

/**
 * The region of each settlement no gazetteer here lists, from the places around it: the one
 * region of the resolved places it is listed with ("Qamenas, Sarmin and Talamenes"), else the
 * region that at least two thirds of the article's resolved places lie in (a report on Anbar's
 * towns). National capitals do not count: they stand for governments ("Baghdad said"). A local
 * report with neither gives the region of the city its organisations are named for. The place
 * stays unresolved, with precision admin1.
 *
 * Every place is judged on the article as resolving left it, and only then are the regions
 * written: a region given to one place is the text's evidence for none of the others ("shot in
 * Roxbury … in Dorchester" take one region, whichever the article names first).
 */
function regionsFromNeighbours(ctx: Resolver): void {
  const places = ctx.doc.entities.filter(unplaced);
  if (!places.length) return;
  const spots = placeSpots(ctx.doc);
  let around: ArticleRegions | undefined; // worked out once, for the first place that needs it
  const article = () => (around ??= articleRegions(ctx));
  const found = places.map((entity) => [entity, regionFromNeighbours(ctx, spots, article, entity)] as const);
  for (const [entity, region] of found) {
    if (region) unresolved(ctx, entity, `${entity.kb!.reason as string}; region ${region.whose}`, { admin1Code: region.code, iso2: region.code.slice(0, 2) });
  }
}

/** the region of the places the article names, and of the city its organisations are named for */
interface ArticleRegions {
  places: string | undefined;
  seat: string | undefined;
}

const articleRegions = (ctx: Resolver): ArticleRegions => ({ places: articleRegion(ctx), seat: seatRegion(ctx) });

/** The region one unlisted settlement takes from the places around it, and whose region it is, or undefined. */
function regionFromNeighbours(ctx: Resolver, spots: readonly Spot[], around: () => ArticleRegions, entity: Entity): { code: string; whose: string } | undefined {
  const listed = new Set(entity.mentions.flatMap((m) => listedWith(ctx, spots, m)).map(regionOf));
  // the article's region only for a name the text gives as a settlement, not for a LOC (streets, valleys, a mistyped person);
  // a report that names no other place may put a LOC in its city's region ("shot in Reseda")
  const article = entity.type === 'GPE' && !listed.size ? around().places : undefined;
  const seat = (entity.type === 'GPE' || locatedIn(ctx, entity)) && !listed.size && !article ? around().seat : undefined;
  const code = listed.size === 1 && !listed.has(undefined) ? [...listed][0]! : article ?? seat;
  if (!code || (typeof entity.kb!.iso2 === 'string' && entity.kb!.iso2 !== code.slice(0, 2))) return undefined;
  const whose = listed.size ? 'of the places listed with it' : article ? 'of the places the article names' : 'of the city the article\'s organisations are named for';
  return { code, whose };
}

/** A place mention and its entity. */
interface Spot {
  e: Entity;
  m: Mention;
}

/** The place mentions of a document in the order of the text, sorted once for every list regionFromNeighbours looks for (none of its settlements gains or loses a mention). */
function placeSpots(doc: Doc): Spot[] {
  return doc.entities.filter(isPlace).flatMap((e) => e.mentions.map((m) => ({ e, m }))).sort((a, b) => a.m.start - b.m.start);
}

/** a LOC the text puts something in ("shot in Reseda"), whose name is no site's or feature's ("the Jordan Valley") */
function locatedIn(ctx: Resolver, entity: Entity): boolean {
  if (entity.name.split(/\s+/).some((w) => ctx.placeWords.siteWords.includes(w.toLowerCase()))) return false;
  return entity.mentions.some((m) => /(?:^|\s)in\s+$/.test(ctx.doc.text.slice(Math.max(0, m.start - 4), m.start)));
}

const regionOf = (e: Entity) => (e.kb?.resolved === true && typeof e.kb.admin1Code === 'string' ? e.kb.admin1Code : undefined);

/**
 * The other settlements of a list the mention stands in ("A, B and C", "A and B"): a run of
 * place names joined by commas that "and" or "or" closes ("Town, Region" is no list).
 */
function listedWith(ctx: Resolver, spots: readonly Spot[], mention: Mention): Entity[] {
  const { doc } = ctx;
  const gap = (a: Mention, b: Mention) => doc.text.slice(a.end, b.start);
  const at = spots.findIndex((s) => s.m === mention);
  let first = at;
  let last = at;
  while (first > 0 && LIST_GAP.test(gap(spots[first - 1]!.m, spots[first]!.m))) first--;
  while (last + 1 < spots.length && LIST_GAP.test(gap(spots[last]!.m, spots[last + 1]!.m))) last++;
  const run = spots.slice(first, last + 1);
  if (!run.some((s, k) => k > 0 && /\s(?:and|or)\s+$/.test(gap(run[k - 1]!.m, s.m)))) return [];
  return run.filter((s) => s.m !== mention && SETTLEMENT_KINDS.has(kindOf(s.e) as string) && s.e.kb?.resolved === true).map((s) => s.e);
}
const LIST_GAP = /^\s*(?:,|,?\s+and|,?\s+or)\s+$/;

/** the region at least two thirds of the article's resolved places (not its capitals) lie in, by mentions */
function articleRegion(ctx: Resolver): string | undefined {
  const counts = new Map<string, number>();
  let all = 0;
  for (const e of ctx.doc.entities) {
    const code = isPlace(e) && kindOf(e) !== 'country' ? regionOf(e) : undefined;
    if (!code || isCapital(ctx, e)) continue;
    counts.set(code, (counts.get(code) ?? 0) + e.mentions.length);
    all += e.mentions.length;
  }
  const [code, n] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
  // and in a country the article names most (not Geneva's canton in an article on Syria's talks);
  // a tie is no reason to prefer the country whose entity the tagger happened to find first
  const countries = articleFront(ctx).countries;
  const most = Math.max(0, ...countries.values());
  return code && n! * 3 >= all * 2 && most > 0 && countries.get(code.slice(0, 2)) === most ? code : undefined;
}

/**
 * A local report that names no country and no settled place, only the organisations of a city
 * ("the Los Angeles Times", "Los Angeles County coroner's records"): the region of the large
 * city whose name begins theirs, when they all agree.
 */
function seatRegion(ctx: Resolver): string | undefined {
  if (articleFront(ctx).countries.size || ctx.doc.entities.some((e) => isPlace(e) && regionOf(e))) return undefined;
  const codes = new Set<string>();
  for (const e of ctx.doc.entities) {
    if (e.type !== 'ORG' || e.kb?.description) continue;
    const words = e.name.split(/\s+/);
    for (let k = words.length - 1; k >= 1; k--) {
      if (ctx.cues.regionWord.test(` ${words[k]}`)) continue; // "Richland County": a county, which may lie anywhere
      const city = ctx.geo.places(foldName(words.slice(0, k).join(' '))).filter(isProminent).sort((a, b) => b.population - a.population)[0];
      if (!city?.admin1Code) continue;
      codes.add(city.admin1Code);
      break;
    }
  }
  return codes.size === 1 ? [...codes][0] : undefined;
}

function isCapital(ctx: Resolver, e: Entity): boolean {
  return typeof e.kb?.geonames === 'number' && ctx.geo.places(foldName(e.name)).some((p) => p.geonames === e.kb!.geonames && p.featureCode === 'PPLC');
}

function unresolved(ctx: Resolver, entity: Entity, reason: string, evidence?: PlaceEvidence, as?: string): void {
  const kb = entity.kb!;
  const kind = as ?? (SETTLEMENT_KINDS.has(kb.kind as string) ? kb.kind : 'village');
  for (const key of Object.keys(kb)) delete kb[key];
  Object.assign(kb, { kind, resolved: false, reason });
  if (evidence?.iso2) {
    const country = ctx.iso3.get(evidence.iso2);
    if (country) kb.country = country;
    kb.iso2 = evidence.iso2;
  }
  if (evidence?.admin1Code) {
    const name = ctx.geo.admin1.get(evidence.admin1Code);
    const lexName = name && kb.country ? ctx.admin1Names.get(`${kb.country}|${regionCore(name)}`) ?? name : name;
    Object.assign(kb, { admin1: lexName ?? null, admin1Code: evidence.admin1Code, precision: 'admin1' });
  }
}

function geoFacts(ctx: Resolver, place: GeoPlace, how: string): Record<string, unknown> {
  const country = ctx.iso3.get(place.iso2) ?? null;
  const admin1 = place.admin1 && country ? ctx.admin1Names.get(`${country}|${regionCore(place.admin1)}`) ?? place.admin1 : place.admin1;
  const facts: Record<string, unknown> = {
    kind: /^PPLA?C?$|^PPLA[2-5]?$|^PPLC$/.test(place.featureCode) && place.population >= 100_000 ? 'city' : place.population >= 10_000 ? 'town' : 'village',
    country,
    iso2: place.iso2,
    admin1,
    admin1Code: place.admin1Code,
    lat: place.lat,
    lon: place.lon,
    population: place.population,
    geonames: place.geonames || null,
    resolved: true,
    resolution: how,
  };
  for (const key of Object.keys(facts)) if (facts[key] === null) delete facts[key];
  return facts;
}

/**
 * ACLED's geo_precision: 1 the town itself, 2 near it ("near X", "outskirts of X" in every
 * mention), 3 a region or country only (also an unresolved village whose region is known).
 */
function precision(doc: Doc, entity: Entity, cues: PlaceCuePatterns): void {
  const kb = (entity.kb ??= {});
  if (kb.resolution === 'town in its name') return; // a site at a town: geo_precision 2 already
  if (kb.resolved === false) {
    if (kb.precision === 'admin1') kb.geo_precision = 3;
    return;
  }
  if (kb.resolved !== true) return;
  if (!SETTLEMENT_KINDS.has(kb.kind as string) || entity.type === 'LOC') {
    kb.geo_precision = 3;
    return;
  }
  const near = partOf.has(entity) || entity.mentions.every((m) => cues.nearBefore.test(doc.text.slice(Math.max(0, m.start - 60), m.start)));
  kb.geo_precision = near ? 2 : 1;
}

function distance(p: GeoPlace, kb: Record<string, unknown>): number {
  if (typeof kb.lat !== 'number' || typeof kb.lon !== 'number') return 0;
  return (p.lat - kb.lat) ** 2 + (p.lon - kb.lon) ** 2;
}
