// Stage: places resolved to the world. Every GPE and LOC entity gets its gazetteer facts
// (GeoNames id, admin1 name and code, coordinates, population) and a `resolved` flag with
// the reason when it stays unresolved. Place names the lexicons lack are found where the
// text says they are places ("in Zmiivka village", "near Sittwe", "the town of Rubaya").
// A name several places share goes to the one in the countries the article talks about,
// then to the most populous.
import type { Doc, Entity, Token } from '../../doc.js';
import type { PipelineContext, Stage } from '../../pipeline.js';
import type { Knowledge } from '../entities/knowledge.js';
import { startsUpper } from '../sentences/sentences.js';
import { foldName, regionCore, type GeoIndex, type GeoPlace } from './geonames.js';

const CUES = new Set(['in', 'near', 'at', 'outside', 'around', 'into', 'towards', 'toward', 'from', 'across', 'inside', 'to']);
const SETTLEMENT = /^(village|town|city|settlement|hamlet|district|neighbou?rhood|camp|township|commune|municipality)$/i;
const MONTHS_AND_DAYS = /^(january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;
/** a place outside the article's countries must be this large to be believed without a cue word */
const WELL_KNOWN = 100_000;

export interface PlaceTests {
  isCommonWord(word: string): boolean;
  isPersonName(word: string): boolean;
  placeKind(phrase: string): 'city' | 'region' | null;
}

export function placesStage(ctx: PipelineContext): Stage {
  const know = ctx.knowledge;
  const words = ctx.words;
  const tests: PlaceTests = { isCommonWord: words.isCommonWord, isPersonName: (w) => words.isFirstName(w) || words.isLastName(w), placeKind: words.placeKind };
  const iso3 = new Map<string, string>();
  for (const [code, entry] of know.countries) if (typeof entry.kb.iso2 === 'string') iso3.set(entry.kb.iso2, code);
  const iso2 = new Map<string, string>(); // the first ISO 2 code of each ISO 3 code
  for (const [two, three] of iso3) if (!iso2.has(three)) iso2.set(three, two);
  const admin1Names = new Map<string, string>(); // "UKR|kherson" → "Kherson Oblast"
  for (const entry of new Set(know.adminBase.values())) admin1Names.set(`${entry.kb.country}|${coreName(entry.name)}`, entry.name);

  return {
    name: 'places',
    requires: ['entities', 'tokens', 'sentences'],
    assigns: ['entities'],
    run(doc) {
      const geo = ctx.geo;
      const context = contextCountries(doc);
      const resolver: Resolver = { doc, geo, iso3, iso2, admin1Names, context, tests };
      addCuedPlaces(resolver);
      for (const entity of doc.entities) if (entity.type === 'GPE' || entity.type === 'LOC') resolve(resolver, entity);
      placesInChains(doc);
    },
  };
}

interface Resolver {
  doc: Doc;
  geo: GeoIndex;
  iso3: Map<string, string>;
  iso2: Map<string, string>;
  admin1Names: Map<string, string>;
  context: Map<string, number>;
  tests: PlaceTests;
}

/** "Kherson Oblast", "Kherson region", "Kherson" → "kherson" */
function coreName(name: string): string {
  return foldName(name).replace(/\b(oblast|region|province|governorate|state|krai|kray|republic|district|prefecture|county|city|of|the)\b/g, '').replace(/\s+/g, ' ').trim();
}

/** The countries the article talks about, weighted by how often. */
function contextCountries(doc: Doc): Map<string, number> {
  const weights = new Map<string, number>();
  for (const e of doc.entities) {
    const country = e.kb?.country;
    if (typeof country !== 'string') continue;
    weights.set(country, (weights.get(country) ?? 0) + e.mentions.length);
  }
  return weights;
}

/** The candidate a reader would mean: in the article's countries first, then the most populous. */
function choose(ctx: Resolver, candidates: readonly GeoPlace[], cued: boolean, self?: Entity): { place: GeoPlace; how: string } | null {
  let best: { place: GeoPlace; score: number; how: string } | null = null;
  for (const place of candidates) {
    const country = ctx.iso3.get(place.iso2) ?? place.iso2;
    const weight = contextWeight(ctx, country, self);
    if (!weight && !cued && place.population < WELL_KNOWN) continue;
    const score = weight * 10 + Math.log10(place.population + 10);
    if (!best || score > best.score) best = { place, score, how: weight ? 'context' : 'population' };
  }
  return best ? { place: best.place, how: best.how } : null;
}

/** How much the article talks about a country, not counting the place being resolved. */
function contextWeight(ctx: Resolver, country: string, self?: Entity): number {
  const own = self && self.kb?.country === country ? self.mentions.length : 0;
  return (ctx.context.get(country) ?? 0) - own;
}

function geoFacts(ctx: Resolver, place: GeoPlace, how: string): Record<string, unknown> {
  const country = ctx.iso3.get(place.iso2) ?? null;
  const admin1 = place.admin1 && country ? ctx.admin1Names.get(`${country}|${coreName(place.admin1)}`) ?? place.admin1 : place.admin1;
  const facts: Record<string, unknown> = {
    kind: /^PPLA?C?$|^PPLA[2-5]?$|^PPLC$/.test(place.featureCode) && place.population >= 100_000 ? 'city' : place.population >= 10_000 ? 'town' : 'village',
    country,
    iso2: place.iso2,
    admin1,
    admin1Code: place.admin1Code,
    lat: place.lat,
    lon: place.lon,
    population: place.population,
    geonames: place.geonames,
    resolved: true,
    resolution: how,
  };
  for (const key of Object.keys(facts)) if (facts[key] === null) delete facts[key];
  return facts;
}

/** "in Zmiivka village", "near Sittwe", "the town of Rubaya": place names the lexicons lack. */
function addCuedPlaces(ctx: Resolver): void {
  const { doc } = ctx;
  const mentioned = doc.tokensOverlapping(doc.entities.flatMap((e) => e.mentions)); // the entities do not change until the end
  const taken = (t: Token) => mentioned.has(t);
  const found: Array<{ start: number; end: number; facts: Record<string, unknown>; name: string }> = [];
  for (const s of doc.sentences) {
    if (s.heading) continue;
    const toks = doc.tokens.slice(s.firstToken, s.endToken);
    const capital = (t: Token | undefined) => !!t && t.kind === 'word' && startsUpper(t.text) && !taken(t) && !MONTHS_AND_DAYS.test(t.text);
    for (let i = 1; i < toks.length; i++) {
      const prev = toks[i - 1]!;
      if (!capital(toks[i]) || capital(prev)) continue;
      let j = i;
      while (j < toks.length && capital(toks[j])) j++;
      if (j - i > 4) continue;
      const run = toks.slice(i, j);
      const start = run[0]!.start;
      const end = run[run.length - 1]!.end;
      const text = doc.text.slice(start, end);
      // a place compromise knows by name ("Chicago", "Texas"), or a name where the text puts a place
      const known = ctx.tests.placeKind(text);
      // "Hebei province", "Borno State", "Michigan": a region of any country, from GeoNames' admin1 table
      const suffixed = /^(province|state|region|oblast|governorate|prefecture|county|department)s?$/i.test(toks[j]?.text ?? '');
      if (suffixed || known === 'region') {
        const codes = ctx.geo.admin1ByName.get(regionCore(text)) ?? [];
        const code = [...codes].sort((a, b) => contextWeight(ctx, ctx.iso3.get(b.slice(0, 2)) ?? '') - contextWeight(ctx, ctx.iso3.get(a.slice(0, 2)) ?? ''))[0];
        if (code) {
          const end2 = suffixed ? toks[j]!.end : end;
          found.push({ start, end: end2, name: ctx.geo.admin1.get(code)!, facts: { kind: 'admin1', country: ctx.iso3.get(code.slice(0, 2)) ?? null, iso2: code.slice(0, 2), admin1: ctx.geo.admin1.get(code), admin1Code: code, resolved: true, resolution: codes.length > 1 ? 'context' : 'gazetteer' } });
          i = j;
          continue;
        }
      }
      const ofSettlement = prev.lower === 'of' && SETTLEMENT.test(toks[i - 2]?.lower ?? '');
      if (!known && !CUES.has(prev.lower) && !ofSettlement && !SETTLEMENT.test(toks[j]?.lower ?? '')) continue;
      const settlementAfter = SETTLEMENT.test(toks[j]?.lower ?? '');
      const cued = ofSettlement || settlementAfter || !!known;
      if (run.length === 1 && !cued && (ctx.tests.isCommonWord(text) || ctx.tests.isPersonName(text))) continue;
      const candidates = ctx.geo.places(foldName(text));
      const chosen = candidates.length ? choose(ctx, candidates, cued) : null;
      if (chosen) found.push({ start, end, name: chosen.place.name, facts: geoFacts(ctx, chosen.place, chosen.how) });
      else if (known) found.push({ start, end, name: text, facts: { kind: known, resolved: false, reason: 'not in the gazetteer' } });
      else if (cued) {
        const kind = (toks[j]?.lower ?? toks[i - 2]?.lower ?? 'village').replace(/s$/, '');
        found.push({ start, end, name: text, facts: { kind: /^(village|town|city)$/.test(kind) ? kind : 'village', resolved: false, reason: 'not in the gazetteer' } });
      }
      i = j;
    }
  }
  for (const f of found) {
    const existing = doc.entities.find((e) => e.type === 'GPE' && e.name === f.name && e.kb?.geonames === f.facts.geonames);
    if (existing) existing.mentions.push(doc.mention(f.start, f.end));
    else doc.entities.push({ id: doc.newEntityId(), type: 'GPE', name: f.name, mentions: [doc.mention(f.start, f.end)], kb: f.facts });
  }
}

/** Gazetteer facts for a place the lexicon named, re-resolved when the article is about elsewhere. */
function resolve(ctx: Resolver, entity: Entity): void {
  const kb = (entity.kb ??= {});
  if (kb.resolved !== undefined) return;
  const kind = kb.kind as string | undefined;
  if (kind === 'admin1') {
    const iso2 = typeof kb.iso2 === 'string' ? kb.iso2 : ctx.iso2.get(kb.country as string);
    const code = iso2 ? admin1Code(ctx.geo, iso2, entity.name) : undefined;
    Object.assign(kb, { admin1: entity.name, admin1Code: code ?? null, resolved: true, resolution: 'lexicon' });
    return;
  }
  if (kind !== 'city' && kind !== 'town' && kind !== 'village') {
    Object.assign(kb, { resolved: kb.lat !== undefined || kind === 'country', resolution: 'lexicon' });
    if (!kb.resolved) kb.reason = 'the lexicon has no coordinates for it';
    return;
  }
  const candidates = ctx.geo.places(foldName(entity.name));
  const own = candidates.filter((p) => ctx.iso3.get(p.iso2) === kb.country);
  // Ivanovo in an article about Bulgaria is Ivanovo, Bulgaria
  const elsewhere = contextWeight(ctx, kb.country as string, entity) <= 0;
  const contextual = elsewhere ? candidates.filter((p) => contextWeight(ctx, ctx.iso3.get(p.iso2) ?? '', entity) > 0) : [];
  if (contextual.length) {
    const chosen = choose(ctx, contextual, true, entity)!;
    Object.assign(kb, geoFacts(ctx, chosen.place, 'context'));
    return;
  }
  const iso2 = ctx.iso2.get(kb.country as string);
  const nearest =
    [...own].sort((a, b) => distance(a, kb) - distance(b, kb))[0] ??
    (iso2 && typeof kb.lat === 'number' && typeof kb.lon === 'number' ? ctx.geo.nearby(iso2, kb.lat, kb.lon) ?? undefined : undefined);
  if (nearest) {
    const facts = geoFacts(ctx, nearest, 'lexicon');
    Object.assign(kb, { geonames: facts.geonames, admin1: kb.admin1 ?? facts.admin1, admin1Code: facts.admin1Code, population: kb.population ?? facts.population, resolved: true, resolution: 'lexicon' });
  } else {
    Object.assign(kb, { resolved: kb.lat !== undefined, resolution: 'lexicon' });
  }
}

const admin1Memo = new Map<string, string | undefined>();

/** The GeoNames admin1 code of a region named in our lexicon ("Belgorod Oblast" → "RU.09"). */
function admin1Code(geo: GeoIndex, iso2: string, name: string): string | undefined {
  const key = `${iso2}|${name}`;
  if (!admin1Memo.has(key)) {
    const core = coreName(name);
    admin1Memo.set(key, [...geo.admin1].find(([c, n]) => c.startsWith(`${iso2}.`) && coreName(n) === core)?.[0]);
  }
  return admin1Memo.get(key);
}

function distance(p: GeoPlace, kb: Record<string, unknown>): number {
  if (typeof kb.lat !== 'number' || typeof kb.lon !== 'number') return 0;
  return (p.lat - kb.lat) ** 2 + (p.lon - kb.lon) ** 2;
}

/** "in Zmiivka village, Kherson": the region after the comma is where the village lies. */
function placesInChains(doc: Doc): void {
  const mentions = doc.entities
    .filter((e) => e.type === 'GPE')
    .flatMap((entity) => entity.mentions.map((m) => ({ entity, m })))
    .sort((a, b) => a.m.start - b.m.start);
  for (let k = 0; k + 1 < mentions.length; k++) {
    const { entity: small, m } = mentions[k]!;
    const { entity: big, m: next } = mentions[k + 1]!;
    if (!/^(\s+(village|town|city|settlement))?,\s+$/.test(doc.text.slice(m.end, next.start))) continue;
    const kb = (small.kb ??= {});
    const bigKb = big.kb ?? {};
    // "Zmiivka village, Kherson": the region, or the region of the city named after it
    const region = bigKb.kind === 'admin1' ? big.name : kb.resolved === false ? bigKb.admin1 : undefined;
    if (region && (!kb.admin1 || kb.resolved === false) && (!kb.country || kb.country === bigKb.country)) kb.admin1 = region;
    if (!kb.country && bigKb.country) kb.country = bigKb.country;
  }
}
