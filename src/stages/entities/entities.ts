// Stage 3: entities. Lexicon names first (places, demonyms, named actors, equipment),
// then what the genre's grammar tells us about names the lexicons lack: "<Russian> forces",
// "Moscow's troops", "Kursk and Belgorod oblasts", a capitalised phrase ending in
// "Ministry" or "Legion", a name after a title or a role ("spokesman, Dmytro Lykhovii"),
// first names known to compromise, facilities ("oil depot"). Mentions of one referent
// become one entity.
import { SpanIndex } from '../../spans.js';
import type { Doc, Entity, EntityMention, EntityType, Sentence, Span, Token } from '../../doc.js';
import type { PipelineContext, Stage } from '../../pipeline.js';
import type { Knowledge } from './knowledge.js';
import type { WordTests } from './word-tests.js';
import { isMonthOrWeekday, startsUpper } from '../../text.js';
import { mergeTagged, taggedCandidates, type Tagger } from './tagged.js';

export interface Candidate {
  start: number;
  end: number;
  type: EntityType;
  name: string;
  kind: string;
  kb: Record<string, unknown>;
  /** a people's word or a country's name the mention opens with, where the mention describes ("Iraqi" of "Iraqi troops", "U.S." of "U.S. military") */
  inner?: { start: number; end: number; type: EntityType };
}


export function entitiesStage(ctx: PipelineContext): Stage {
  const know = ctx.knowledge;
  const tests = ctx.words;
  const tagger = ctx.ner;
  return {
    name: 'entities',
    requires: ['text', 'tokens', 'sentences'],
    assigns: ['entities'],
    run(doc) {
      const matches = know.gazetteer.find(doc.text);
      let found: Candidate[] = matches.filter((m) => m.entry.kind !== 'blocked').map((m) => ({
        start: m.start,
        end: m.end,
        type: m.entry.type,
        name: m.entry.name,
        kind: m.entry.kind,
        kb: { ...m.entry.kb },
      }));
      found = coordinatedAdmins(doc, know, found);
      found = forcePhrases(doc, know, found);
      found = mergeEquipment(doc, know, found);
      found.push(...facilities(doc, know, found));
      let misc: Span[] = [];
      if (tagger) {
        const tagged = taggedCandidates(doc, know, tagger, matches);
        found = mergeTagged(found, tagged.candidates, tagged.miscNames, doc.otherNames, tagged.miscWords);
        misc = tagged.misc;
      }
      found.push(...names(doc, know, found, tests, misc));
      found = found.map((c) => buildingAsPlace(doc, know, c));
      doc.entities = group(doc, sameRegion(doc, know, definedAcronyms(doc, resolveOverlaps(found.flatMap((c) => splitPossessive(doc, know, c))))));
      definiteReferences(doc);
    },
  };
}

/** "Kursk and Belgorod oblasts": the suffix of the last name applies to the ones before. */
function coordinatedAdmins(doc: Doc, know: Knowledge, found: Candidate[]): Candidate[] {
  const out = [...found];
  for (const c of found) {
    if (c.kind !== 'admin1' || !/(oblasts|regions|provinces|governorates|states|districts|krais)$/i.test(doc.text.slice(c.start, c.end))) continue;
    let cursor = c.start;
    for (;;) {
      const before = doc.text.slice(Math.max(0, cursor - 60), cursor);
      const m = /([\p{Lu}][\p{L}'’-]+)(,\s+and\s+|,\s+|\s+and\s+|\s*&\s*)$/u.exec(before);
      if (!m) break;
      const entry = know.adminBase.get(m[1]!.toLowerCase());
      if (!entry) break;
      const start = cursor - m[0].length;
      const end = start + m[1]!.length;
      for (let i = out.length - 1; i >= 0; i--) if (out[i]!.start < end && out[i]!.end > start) out.splice(i, 1);
      out.push({ start, end, type: entry.type, name: entry.name, kind: entry.kind, kb: { ...entry.kb } });
      cursor = start;
    }
  }
  return out.sort((a, b) => a.start - b.start);
}


/** "<Russian> forces", "Moscow's troops", "Ukraine's military" → the state's forces; "Russian territory" → Russia. */
function forcePhrases(doc: Doc, know: Knowledge, found: Candidate[]): Candidate[] {
  const nouns = [...know.forceNouns.keys()].sort((a, b) => b.length - a.length);
  const stateName = (country: string) => know.countries.get(country)?.name ?? country;
  return found.map((c) => withCountryName(doc, know, forcePhrase(c)));

  function forcePhrase(c: Candidate): Candidate {
    // a lexicon name that is only "<demonym> <force noun>" ("Russian military") is the state's forces too
    if (c.kind === 'actor' && c.kb.sector === 'military' && typeof c.kb.country === 'string') {
      const words = doc.text.slice(c.start, c.end).toLowerCase().replace(/['’]s\b/, '').split(/\s+/);
      const lead = words[0] ?? '';
      if ((know.demonyms.has(lead) || know.countries.has(c.kb.country) && know.countries.get(c.kb.country)!.name.toLowerCase() === lead) && know.forceNouns.get(words.slice(1).join(' ')) === 'military') {
        const inner = know.demonyms.has(lead) ? { start: c.start, end: c.start + lead.length, type: 'NORP' as const } : undefined;
        return { ...c, name: `Military Forces of ${stateName(c.kb.country)}`, kind: 'forces', ...(inner && { inner }) };
      }
    }
    if (c.kind === 'demonym') {
      const t = know.territory.exec(doc.text.slice(c.end, c.end + 24).toLowerCase());
      const country = know.countries.get(c.kb.country as string);
      if (t && country) return { start: c.start, end: c.end + t[0].length, type: country.type, name: country.name, kind: 'country', kb: { ...country.kb }, inner: { start: c.start, end: c.end, type: 'NORP' } };
    }
    let country: string | undefined;
    let after = c.end;
    if (c.kind === 'demonym') country = c.kb.country as string;
    else if (c.kind === 'country' || know.capitals.has(c.name.toLowerCase())) {
      const poss = /^['’]s?\s/.exec(doc.text.slice(c.end, c.end + 3));
      if (!poss) return c;
      country = c.kind === 'country' ? (c.kb.country as string) : know.capitals.get(c.name.toLowerCase());
      after = c.end + poss[0].length - 1;
    }
    if (!country) return c;
    const rest = doc.text.slice(after, after + 40).toLowerCase();
    const noun = nouns.find((n) => rest.startsWith(` ${n}`) && !/[\p{L}\p{N}]/u.test(rest[n.length + 1] ?? ''));
    if (!noun) return c;
    const end = after + 1 + noun.length;
    if (!noun.endsWith('s') && nextIsNoun(doc, know, end)) return c; // "Russian military responses"
    const sector = know.forceNouns.get(noun)!;
    const state = stateName(country);
    const name = sector === 'military' ? `Military Forces of ${state}` : sector === 'police' ? `Police Forces of ${state}` : `Government of ${state}`;
    const inner = { inner: { start: c.start, end: c.end, type: c.kind === 'demonym' ? ('NORP' as const) : ('GPE' as const) } };
    return { start: c.start, end, type: 'ORG', name, kind: 'forces', kb: { country, sector }, ...inner };
  }
}

/**
 * An actor's description that opens with its country's name ("U.S. military", "U.S. army",
 * "Israeli military" has its people's word already): that name, a name in its own right where
 * the whole is a description (record.ts recordMention), as the candidate's `inner`.
 */
function withCountryName(doc: Doc, know: Knowledge, c: Candidate): Candidate {
  if (c.inner || c.kind !== 'actor' && c.kind !== 'forces') return c;
  const text = doc.text.slice(c.start, c.end);
  const words = [...text.matchAll(/\S+/g)];
  if (words.length < 2 || /\p{Lu}/u.test(words[words.length - 1]![0])) return c;
  for (let k = words.length - 1; k >= 1; k--) {
    const lead = text.slice(0, words[k - 1]!.index! + words[k - 1]![0].length).replace(/['’]s$/, '');
    if (know.gazetteer.whole(lead, 'country')) return { ...c, inner: { start: c.start, end: c.start + lead.length, type: 'GPE' } };
  }
  return c;
}

function nextIsNoun(doc: Doc, know: Knowledge, end: number): boolean {
  const next = doc.tokens[doc.tokenFrom(end)];
  if (!next || next.start - end > 1) return false;
  return know.notForces.has(next.lower) || ((next.pos === 'NOUN' || next.pos === 'PROPN') && /^\p{Ll}/u.test(next.text));
}

/**
 * "Russia's Defence Ministry", "Moscow's troops": the country is an entity of its own and
 * the institution's mention starts after the possessive.
 */
function splitPossessive(doc: Doc, know: Knowledge, c: Candidate): Candidate[] {
  if (c.type !== 'ORG' && c.type !== 'ARMED_GROUP') return [c];
  const text = doc.text.slice(c.start, c.end);
  const m = /^([\p{L} .-]+?)['’]s\s+/u.exec(text);
  if (!m) return [c];
  const owner = know.gazetteer.find(m[1]!).find((g) => g.start === 0 && g.end === m[1]!.length && g.entry.type === 'GPE');
  if (!owner) return [c];
  return [
    { start: c.start, end: c.start + m[1]!.length, type: 'GPE', name: owner.entry.name, kind: owner.entry.kind, kb: { ...owner.entry.kb } },
    { ...c, start: c.start + m[0].length },
  ];
}

/** "Krab self-propelled howitzer", "Leopard 2 tanks": a named system and its generic noun are one mention. */
function mergeEquipment(doc: Doc, know: Knowledge, found: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const c of found) {
    const prev = out[out.length - 1];
    if (prev && prev.type === 'EQUIPMENT' && c.type === 'EQUIPMENT' && /^[ -]$/.test(doc.text.slice(prev.end, c.start))) {
      const named = !prev.kb.generic ? prev : !c.kb.generic ? c : c;
      out[out.length - 1] = { ...named, start: prev.start, end: c.end, kb: { ...c.kb, ...named.kb, ...(prev.kb.generic && c.kb.generic ? {} : { generic: undefined }) } };
      if (out[out.length - 1]!.kb.generic === undefined) delete out[out.length - 1]!.kb.generic;
      continue;
    }
    out.push(c);
  }
  // origin stated by the text: "US-made armored personnel carriers", "French Caesar howitzers"
  for (let i = 0; i < out.length; i++) {
    const c = out[i]!;
    if (c.type !== 'EQUIPMENT' || c.kb.origin) continue;
    for (let j = i - 1; j >= 0 && c.start - out[j]!.end < 40; j--) {
      const o = out[j]!;
      const between = doc.text.slice(o.end, c.start);
      const country = o.kb.country as string | undefined;
      if (!country) continue;
      if ((o.kind === 'demonym' && /^\s$/.test(between)) || (o.kind === 'country' && know.madeIn.test(between) && !/[.;,]/.test(between))) {
        c.kb = { ...c.kb, origin: country };
        break;
      }
    }
  }
  return out;
}

function facilities(doc: Doc, know: Knowledge, found: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  const spans = new SpanIndex(found); // a facility word asks what it touches: a long text has thousands of candidates
  const taken = (start: number, end: number) => spans.overlapping(start, end).some((c) => c.type !== 'NORP' && c.kind !== 'demonym');
  const owners = new Map<number, Candidate>(); // countries and demonyms by the offset they end at
  for (const c of found) if ((c.kind === 'demonym' || c.kind === 'country') && !owners.has(c.end)) owners.set(c.end, c);
  for (const s of doc.sentences) {
    if (s.heading) continue;
    const toks = doc.tokens.slice(s.firstToken, s.endToken);
    for (let i = 0; i < toks.length; i++) {
      const head = toks[i]!;
      if (!know.facilityHeads.has(head.lower)) continue;
      let j = i;
      while (j > 0 && know.facilityModifiers.has(toks[j - 1]!.lower)) j--;
      if (j === i && !know.facilityHeadsAlone.some((h) => head.lower.startsWith(h))) continue;
      // "Russian oil facilities": the owner's name belongs to the facility
      const owner = doc.text[toks[j]!.start - 1] === ' ' ? owners.get(toks[j]!.start - 1) : undefined;
      const start = owner ? owner.start : toks[j]!.start;
      if (taken(start, head.end)) continue;
      const text = doc.text.slice(start, head.end);
      out.push({ start, end: head.end, type: 'FACILITY', name: text, kind: 'facility', kb: {} });
    }
  }
  return out;
}


/** People and organisations the lexicons lack, from capitalised runs of tokens. */
function names(doc: Doc, know: Knowledge, found: Candidate[], tests: WordTests, misc: readonly Span[]): Candidate[] {
  // no person inside what the tagger reads as a name of another kind: "the Dow Jones industrial
  // average", "the World Series", "the Cultural Revolution", a film's title
  const blocked = doc.tokensOverlapping([...found.filter((c) => c.kind !== 'demonym' && c.type !== 'GPE' && c.type !== 'LOC'), ...misc]);
  const places = doc.tokensOverlapping(found.filter((c) => c.type === 'GPE' || c.type === 'LOC' || c.kind === 'demonym'));
  const ctx: RunContext = { doc, know, tests, placeAt: (t) => places.has(t) };
  const out: Candidate[] = [];
  const pending: MaybeSurname[] = [];
  for (const s of doc.sentences) {
    // headlines name people too ("… as Kimi Raikkonen accident brings out red flag")
    const toks = doc.tokens.slice(s.firstToken, s.endToken);
    for (const run of capitalRuns(toks, (t) => blocked.has(t), tests, know.nameParticles)) {
      const named = nameOfRun(ctx, s, toks, run);
      if (named && 'word' in named) pending.push(named);
      else if (named) out.push(named);
    }
  }
  // a bare surname refers back (or forward) to the full name: "Lykhovii said"
  const bySurname = new Map<string, Candidate>(); // the first full name ending in each word
  for (const c of [...found, ...out]) {
    const space = c.name.lastIndexOf(' ');
    if (c.type === 'PERSON' && space >= 0 && !bySurname.has(c.name.slice(space + 1))) bySurname.set(c.name.slice(space + 1), c);
  }
  for (const p of pending) {
    const person = bySurname.get(p.word);
    if (person) out.push({ ...person, start: p.start, end: p.end });
  }
  return out;
}

/** A single capitalised word that is no name by itself: "Lykhovii said" after "Dmytro Lykhovii". */
interface MaybeSurname {
  start: number;
  end: number;
  word: string;
}

interface RunContext {
  doc: Doc;
  know: Knowledge;
  tests: WordTests;
  /** is the token part of a place or a demonym already found? */
  placeAt: (t: Token) => boolean;
}

/** Runs of capitalised tokens not covered by an entity, joined by "of", "al", "bin"…, without leading common words and dates. */
function* capitalRuns(toks: Token[], covered: (t: Token) => boolean, tests: WordTests, particles: Set<string>): Generator<Token[]> {
  let i = 0;
  while (i < toks.length) {
    if (!isCap(toks[i]!) || covered(toks[i]!)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < toks.length) {
      const t = toks[j]!;
      if (isCap(t) && !covered(t) && t.start - toks[j - 1]!.end <= 1) j++;
      else if ((particles.has(t.lower) || /^['’]$/.test(t.text)) && toks[j + 1] && isCap(toks[j + 1]!) && !covered(toks[j + 1]!)) j++;
      else break;
    }
    let run = toks.slice(i, j);
    i = j;
    // sentence-initial common words and dates are not names: "Meanwhile", "On", "March"
    while (run.length && (isMonthOrWeekday(run[0]!.lower) || (run[0] === toks[0] && tests.isCommonWord(run[0]!.text) && run[0]!.pos !== 'PROPN'))) run = run.slice(1);
    while (run.length && (particles.has(run[run.length - 1]!.lower) || isMonthOrWeekday(run[run.length - 1]!.lower))) run = run.slice(0, -1);
    if (run.length) yield run;
  }
}

/**
 * What a capitalised run names: an organisation, armed group or facility by its last word
 * ("… Ministry", "… Brigade", "… Stadium"), or a person; a single word that may be the
 * surname of a person named elsewhere; undefined when it is none of these.
 */
function nameOfRun(ctx: RunContext, s: Sentence, toks: Token[], whole: Token[]): Candidate | MaybeSurname | undefined {
  const { doc, know, tests, placeAt } = ctx;
  let run = whole;
  const tail2 = run.length >= 2 ? `${run[run.length - 2]!.text} ${run[run.length - 1]!.text}` : '';
  if (run.length >= 2 && !run.some(placeAt) && (know.orgHeads.has(run[run.length - 1]!.text) || know.orgHeads.has(tail2)) && know.titles.includes(run[0]!.text)) {
    return org(run[0]!.start, run[run.length - 1]!.end, doc.text.slice(run[0]!.start, run[run.length - 1]!.end), 'ORG');
  }
  let titled = false;
  while (run.length > 1 && know.titles.includes(run[0]!.text.replace(/\.$/, '') ) ) {
    run = run.slice(1);
    titled = true;
  }
  while (run.length > 1 && run[0]!.text === '.') run = run.slice(1);
  const first = run[0]!;
  const last = run[run.length - 1]!;
  const start = first.start;
  const end = last.end;
  const text = doc.text.slice(start, end);
  const head2 = run.length >= 2 ? `${run[run.length - 2]!.text} ${last.text}` : '';
  if (run.length >= 2 && (know.namedFacilityHeads.has(last.text) || know.namedFacilityHeads.has(head2)) && !run.some((t) => know.orgHeads.has(t.text))) {
    return { start, end, type: 'FACILITY', name: text.replace(/^the\s+/i, ''), kind: 'facility', kb: {} };
  }
  if (run.length >= 2 && (know.armedHeads.has(last.text) || know.armedHeads.has(head2))) return org(start, end, text, 'ARMED_GROUP');
  if (run.length >= 2 && (know.orgHeads.has(last.text) || know.orgHeads.has(head2))) return org(start, end, text, 'ORG');
  if (run.some(placeAt) || run.some((t) => /\d/.test(t.text))) return undefined;
  const role = titled || precededByRole(doc, know, start);
  let after = doc.tokenFrom(end);
  while (after < doc.tokens.length && doc.tokens[after]!.kind === 'punctuation') after++;
  const next = doc.tokens[after];
  const speaks = !!next && know.speechLemmas.has(next.lemma) && run.length >= 2 && !s.heading;
  // two or three words no dictionary knows, neither place nor organisation: "Kimi Raikkonen"
  // (amid lower-case words, so that a title-case headline is not read as a name)
  const before = toks[toks.indexOf(first) - 1];
  const lowerAround = !!before && /^\p{Ll}/u.test(before.text) && (!next || !/^\p{Lu}/u.test(next.text));
  const foreign = lowerAround && run.length >= 2 && run.length <= 3 && run.every((t) => tests.isUnknown(t.text) && /^\p{Lu}\p{Ll}+$/u.test(t.text));
  const known = tests.isFirstName(first.text) || (run.length <= 3 && tests.isLastName(last.text));
  const nameLike = (t: Token) => !tests.isCommonWord(t.text) || tests.isFirstName(t.text) || tests.isLastName(t.text);
  // "Skip Ad Ad Loading" is page furniture: a name has at least one word that is not a common word
  if (run.length <= 4 && (role || known || speaks || foreign) && run.some(nameLike) && run.every((t) => nameLike(t) || t.pos === 'PROPN')) {
    return { start, end, type: 'PERSON', name: text, kind: 'person', kb: {} };
  }
  return run.length === 1 ? { start, end, word: text } : undefined;
}

function org(start: number, end: number, text: string, type: EntityType): Candidate {
  return { start, end, type, name: text.replace(/^the\s+/i, ''), kind: 'pattern', kb: {} };
}

/** A capitalised word of two letters or more ("Kyiv", "Élysée"), or an ordinal ("3rd"); digits are told by character code (a speed trick) */
function isCap(t: Token): boolean {
  const c = t.text.charCodeAt(0);
  if (c >= 48 && c <= 57) return /^\d+(st|nd|rd|th)$/.test(t.text);
  return t.text.length > 1 && startsUpper(t.text);
}

function precededByRole(doc: Doc, know: Knowledge, start: number): boolean {
  const before = doc.text.slice(Math.max(0, start - 40), start);
  const m = /([\p{L}.]+)(?:\s*,)?\s+$/u.exec(before);
  if (!m) return false;
  const word = m[1]!.replace(/\.$/, '');
  return know.roles.has(word.toLowerCase()) || know.titles.includes(word) || know.titles.includes(`${word}.`);
}

function resolveOverlaps(found: Candidate[]): Candidate[] {
  const sorted = [...found].sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const out: Candidate[] = [];
  let lastEnd = -1;
  for (const c of sorted) {
    if (c.start < lastEnd || c.end <= c.start) continue;
    out.push(c);
    lastEnd = c.end;
  }
  return out;
}

/**
 * "the Belgorod region" … "the Belgorod incident": a name that is also the base of an admin1
 * region the article names, and modifies a noun, refers to that region, unless the text says
 * "city".
 */
function sameRegion(doc: Doc, know: Knowledge, found: Candidate[]): Candidate[] {
  const regions = new Set(found.filter((c) => c.kind === 'admin1').map((c) => c.name));
  if (!regions.size) return found;
  // elsewhere ("Kyiv says", "strikes on Kharkiv") a city named like its region is the city
  const nouns = new Set(doc.tokens.filter((t) => t.pos === 'NOUN' && /^\p{Ll}/u.test(t.text)).map((t) => t.start));
  return found.map((c) => {
    if (c.kind !== 'city' && c.kind !== 'town') return c;
    const region = know.adminBase.get(doc.text.slice(c.start, c.end).toLowerCase());
    if (!region || !regions.has(region.name) || !nouns.has(c.end + 1) || /^\s+city\b/i.test(doc.text.slice(c.end, c.end + 6)) || /\bcity of\s+$/i.test(doc.text.slice(Math.max(0, c.start - 9), c.start))) return c;
    return { ...c, type: region.type, name: region.name, kind: region.kind, kb: { ...region.kb } };
  });
}

/** "the White House said" is an institution; "outside the White House" is a place. */
function buildingAsPlace(doc: Doc, know: Knowledge, c: Candidate): Candidate {
  if (c.type !== 'ORG' || !know.buildings.has(doc.text.slice(c.start, c.end).toLowerCase())) return c;
  if (!/\b(at|in|outside|inside|near|to|from|into|around|behind|before)\s+(the\s+)?$/i.test(doc.text.slice(Math.max(0, c.start - 16), c.start))) return c;
  return { ...c, type: 'FACILITY', kind: 'facility', name: doc.text.slice(c.start, c.end), kb: { ...c.kb, building: true } };
}

/**
 * "A video circulated by the corps": after "the Russian Volunteer Corps", a lower-case
 * "the corps" is the same group, when exactly one organisation named so far ends in that word.
 */
function definiteReferences(doc: Doc): void {
  const named = doc.entities.filter((e) => (e.type === 'ORG' || e.type === 'ARMED_GROUP') && /\s/.test(e.name));
  const heads = new Map<string, Entity[]>();
  for (const e of named) {
    const head = e.name.split(/\s+/).pop()!.toLowerCase();
    if (head.length > 3) heads.set(head, [...(heads.get(head) ?? []), e]);
  }
  if (!heads.size) return;
  for (const m of doc.text.matchAll(/\b(?:the|this|that)\s+([a-z]{4,})\b/g)) {
    const start = m.index! + m[0].length - m[1]!.length;
    const end = start + m[1]!.length;
    const earlier = heads.get(m[1]!)?.filter((e) => e.mentions.some((x) => x.end <= start));
    if (!earlier || earlier.length !== 1) continue;
    if (doc.entities.some((e) => e.mentions.some((x) => x.start < end && x.end > start))) continue;
    earlier[0]!.mentions.push(doc.mention(start, end));
  }
}

/** Mentions of the same referent become one entity, in order of first mention. */
/**
 * "the Syrian National Army (SNA)": an acronym in brackets after a name of two or more
 * capitalised words is that name wherever the article writes it, whatever the tagger or a
 * lexicon made of it alone. Its letters must be the name's initials in order ("Hayat Tahrir
 * al-Sham (HTS)"), unless the name is an organisation's, whose acronym may come from another
 * language ("Democratic Forces for the Liberation of Rwanda (FDLR)").
 */
function definedAcronyms(doc: Doc, found: Candidate[]): Candidate[] {
  const defined = new Map<string, Candidate>();
  for (const c of found) {
    if (c.type === 'PERSON' || c.type === 'DATE' || c.type === 'EQUIPMENT' || c.type === 'NORP' || c.type === 'MISC') continue;
    const acronym = /^\s*\(\s*(\p{Lu}[\p{Lu}\p{N}&]{1,7})\s*\)/u.exec(doc.text.slice(c.end, c.end + 16))?.[1];
    if (!acronym || defined.has(acronym)) continue;
    const initials = doc.text.slice(c.start, c.end).split(/[\s-]+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]!).join('');
    if (initials.length < 2 || (!inOrder(acronym.replace(/[^\p{Lu}]/gu, ''), initials) && c.type !== 'ORG' && c.type !== 'ARMED_GROUP')) continue;
    defined.set(acronym, c);
  }
  if (!defined.size) return found;
  const spans = new SpanIndex(found);
  const out = found.map((c) => {
    const name = defined.get(doc.text.slice(c.start, c.end));
    return name && name !== c ? { ...c, type: name.type, name: name.name, kind: name.kind, kb: { ...name.kb } } : c;
  });
  // and where nothing found it ("SNA fighters" the tagger left alone)
  for (const [acronym, name] of defined) {
    for (const m of doc.text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${acronym.replace(/[&]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu'))) {
      const start = m.index!;
      if (spans.overlapping(start, start + acronym.length).length) continue;
      out.push({ start, end: start + acronym.length, type: name.type, name: name.name, kind: name.kind, kb: { ...name.kb } });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Are the letters of `short` found in `long` in order, the first at its start ("SNA" in "SNA", "HTS" in "HTaS")? */
function inOrder(short: string, long: string): boolean {
  if (!short || short[0] !== long[0]) return false;
  let k = 0;
  for (const ch of long) if (ch === short[k]) k++;
  return k === short.length;
}

function group(doc: Doc, found: Candidate[]): Entity[] {
  const byKey = new Map<string, Entity>();
  const entities: Entity[] = [];
  for (const c of found) {
    const key = `${c.type}|${c.name.toLowerCase()}`;
    let entity = byKey.get(key);
    if (!entity) {
      entity = { id: doc.newEntityId(), type: c.type, name: c.name, mentions: [] };
      if (Object.keys(c.kb).length) entity.kb = { ...c.kb };
      byKey.set(key, entity);
      entities.push(entity);
    } else if (Object.keys(c.kb).length) {
      entity.kb = { ...c.kb, ...entity.kb };
    }
    const mention: EntityMention = doc.mention(c.start, c.end);
    // (a mention cut since, "Russia's forces" → "forces", has no people's word left in it)
    if (c.inner && c.inner.start >= c.start && c.inner.end < c.end) mention.inner_name = { ...doc.mention(c.inner.start, c.inner.end), type: c.inner.type };
    entity.mentions.push(mention);
  }
  return entities;
}
