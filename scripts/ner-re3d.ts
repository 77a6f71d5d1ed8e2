// re3d (dstl; documents on the Syria and Iraq conflicts, /work/shared/data/re3d) for the NER
// tagger: its documents read from their folders, a fixed split of them into a training part and
// a test part, and its Person, Organisation and Location mentions as gold names.
//
// The split is by document and by rule, so anyone can make it again: a document belongs to the
// test part when the FNV-1a hash of its id (features.ts's hashFeature), modulo 100, is 70 or
// more; otherwise to the training part. The test part is never trained on.
//
// re3d's conventions are not CoNLL's: it annotates nominals and pronouns ("U.S. service
// members", "the city", "we") and takes a leading article into a span ("the Kurdish YPG").
// `names` keeps the mentions a CoNLL-style tagger should find; `trainingDoc` turns a document
// into tagged sentences for training from those names alone.
import { readdirSync, readFileSync } from 'node:fs';
import { createContext } from '../src/pipeline.js';
import { Doc } from '../src/doc.js';
import { sentencesStage } from '../src/stages/sentences/sentences.js';
import { hashFeature } from '../src/models/ner/features.js';
import { tokenisedFromDoc, type TokenisedDoc, type TokenisedSentence } from '../src/models/ner/prepare.js';
import { spansToBilou } from '../src/models/ner/tags.js';
import type { TypedSpan } from '../src/models/ner/evaluate.js';
import type { LexiconSources } from '../src/models/ner/lexicon.js';

export interface Re3dMention extends TypedSpan {
  /** re3d's own type (Person, Organisation, Nationality, Weapon, …) */
  re3dType: string;
  /** re3d's confidence: 1 for mentions annotated by hand, 0 for those projected from lists */
  confidence: number;
}

export interface Re3dDoc {
  id: string;
  folder: string;
  text: string;
  /** every annotated mention of every type, as annotated */
  mentions: Re3dMention[];
}

/** re3d's types as CoNLL's; Nationality as MISC, which CoNLL gives to nationalities and peoples. */
const TYPE: Record<string, string> = { Person: 'PER', Organisation: 'ORG', Location: 'LOC', Nationality: 'MISC' };
const PRONOUN = /^(we|i|he|she|they|it|us|you|me|him|her|them|its|their|his|our)$/i;
const ARTICLE = /^(the|a|an)\s+/i;

/** Share of documents, out of 100, in the training part. */
const TRAIN_SHARE = 70;

export function re3dPart(id: string): 'train' | 'test' {
  return hashFeature(id) % 100 < TRAIN_SHARE ? 'train' : 'test';
}

/** Share of documents, out of 100, in the training part's fitting fold; the rest of the training part is its dev fold. */
const FIT_SHARE = 50;

/**
 * For choosing settings without the test part: the training part cut again by the same hash,
 * into a fold to train on ('fit', under 50 of 100) and one to score ('dev', 50 to 69).
 */
export function re3dFold(id: string): 'fit' | 'dev' | 'test' {
  const h = hashFeature(id) % 100;
  return h < FIT_SHARE ? 'fit' : h < TRAIN_SHARE ? 'dev' : 'test';
}

/** The documents of every folder of re3d (sorted by folder, then as listed), with their mentions. */
export function readRe3d(dir: string): Re3dDoc[] {
  const out: Re3dDoc[] = [];
  const folders = readdirSync(dir, { withFileTypes: true }).filter((f) => f.isDirectory()).map((f) => f.name).sort();
  for (const folder of folders) {
    const lines = (name: string) => readFileSync(`${dir}/${folder}/${name}`, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Record<string, unknown>);
    const byDoc = new Map<string, Re3dMention[]>();
    for (const e of lines('entities.json')) {
      const list = byDoc.get(e.documentId as string) ?? [];
      list.push({ re3dType: e.type as string, confidence: Number(e.confidence ?? 1), type: TYPE[e.type as string] ?? '', start: e.begin as number, end: e.end as number });
      byDoc.set(e.documentId as string, list);
    }
    for (const d of lines('documents.json')) out.push({ id: d._id as string, folder, text: d.text as string, mentions: byDoc.get(d._id as string) ?? [] });
  }
  return out;
}

/** Distinct spans of the given CoNLL types. */
function unique(spans: readonly TypedSpan[]): TypedSpan[] {
  return [...new Map(spans.map((g) => [`${g.type}|${g.start}|${g.end}`, { type: g.type, start: g.start, end: g.end }])).values()];
}

/** Person, Organisation and Location mentions exactly as annotated. */
export function annotatedSpans(doc: Re3dDoc): TypedSpan[] {
  return unique(doc.mentions.filter((m) => m.type && m.type !== 'MISC'));
}

/** A mention without its leading article ("the Kurdish YPG" → "Kurdish YPG"). */
function withoutArticle(text: string, m: TypedSpan): TypedSpan {
  const a = ARTICLE.exec(text.slice(m.start, m.end));
  return a ? { ...m, start: m.start + a[0].length } : m;
}

/**
 * The names the evaluation counts ("names only"): Person, Organisation and Location mentions
 * without a leading article, leaving out pronouns and mentions with no capital letter.
 */
export function nameSpans(doc: Re3dDoc): TypedSpan[] {
  return unique(
    annotatedSpans(doc)
      .map((g) => withoutArticle(doc.text, g))
      .filter((g) => /\p{Lu}/u.test(doc.text.slice(g.start, g.end)) && !PRONOUN.test(doc.text.slice(g.start, g.end))),
  );
}

/**
 * The names a CoNLL-style tagger is asked for ("written as names"; readNames): gold are the
 * trusted Person, Organisation and Location names; `unjudged` are the other mentions with a
 * capital ("ISIL targets", "Minister Ellwood", untrusted ones), inside which a tagged name
 * ("ISIL") is neither right nor wrong, since re3d does not say whether it is one.
 */
export function writtenNameSpans(doc: Re3dDoc, isTitle: IsTitle): { gold: TypedSpan[]; unjudged: TypedSpan[] } {
  const { names, open } = readNames(doc, isTitle);
  return { gold: unique(names.filter((m) => m.type !== 'MISC')), unjudged: [...open, ...names.filter((m) => m.type === 'MISC')] };
}

/** Predicted names, less those inside an unjudged mention (writtenNameSpans) that are not gold. */
export function judged(pred: readonly TypedSpan[], gold: readonly TypedSpan[], unjudged: readonly TypedSpan[]): TypedSpan[] {
  const key = (s: TypedSpan) => `${s.type}|${s.start}|${s.end}`;
  const golden = new Set(gold.map(key));
  return pred.filter((p) => golden.has(key(p)) || !unjudged.some((u) => u.start <= p.start && p.end <= u.end));
}

/** Small words a name may hold in lower case: "Ministry of Defence", "Bashar al-Assad", "Dayr az Zawr". */
const NAME_LINK = /^(of|for|and|the|de|du|la|le|van|von|der|bin|ibn|bint|abu|bani|on|in|to|at|(al|el|ad|ar|as|ash|at|az|ud|ul)(-.*)?)$/;

/** Is this text written as a name, CoNLL's way: on one line, without commas, every word capitalised but the small links between them? */
function writtenAsName(text: string): boolean {
  if (/[,\n;]/.test(text)) return false;
  const words = text.split(/\s+/).filter(Boolean);
  const capital = (w: string) => /^[\p{Lu}\p{N}]/u.test(w) || /^(al|el|ad|ar|as|ash|az)-\p{Lu}/u.test(w);
  if (!words.length || !capital(words[0]!)) return false;
  return words.every((w) => capital(w) || NAME_LINK.test(w) || !/\p{L}/u.test(w));
}

/** The lexicon knowledge trainingDoc needs: is this word a title or role ("President", "Gen.", "spokesman")? */
export type IsTitle = (word: string) => boolean;

/** IsTitle from names.json's titles and roles. */
export function titleTest(src: LexiconSources): IsTitle {
  return (w) => src.titles.has(w) || src.titles.has(`${w}.`) || src.know.roles.has(w.toLowerCase());
}

/** The tag of a token whose CoNLL tag re3d's annotation does not say. */
export const UNKNOWN_TAG = '?';

/**
 * A document as tagged sentences for training, on the pipeline's own tokens. re3d's trusted
 * mentions (confidence 0.5 or more: those of confidence 0 were projected from name lists, and
 * tag "hope" and "Jordan" as people) of Person, Organisation, Location and Nationality, without
 * a leading article and written as names, are gold names. Where re3d does not say what CoNLL
 * would, a token's tag is left open (UNKNOWN_TAG) for the trainer to fill with the model's own
 * best guess (training with partial labels): the capitalised words and links of any other
 * mention (nominals such as "U.S. service members", people with their title as in "Minister
 * Ellwood", untrusted mentions), a trusted name whose edges fall inside a word, and capitalised
 * words inside a sentence that no mention covers (re3d leaves some names, such as countries in
 * a list, unannotated).
 */
export function trainingDoc(doc: Re3dDoc, isTitle: IsTitle, sentences = sentencesStage(createContext())): TokenisedDoc {
  const d = new Doc({ text: doc.text });
  d.text = doc.text;
  sentences.run(d);
  const { tokenised } = tokenisedFromDoc(d);
  const { names, open } = readNames(doc, isTitle);
  const kept = outermost(unique(names));
  const sentencesOut = tokenised.sentences.map((s) => ({ ...s, gold: sentenceGold(s, kept, open, doc.mentions) }));
  return { where: `re3d ${doc.folder} ${doc.id}`, text: doc.text, sentences: sentencesOut };
}

/**
 * re3d's mentions read CoNLL's way: `names` are the trusted mentions (confidence 0.5 or more)
 * of Person, Organisation, Location and Nationality written as names, without a leading
 * article, and no person with a title; `open` are the other mentions with a capital, whose
 * CoNLL names re3d does not give. Pronouns are neither.
 */
function readNames(doc: Re3dDoc, isTitle: IsTitle): { names: TypedSpan[]; open: TypedSpan[] } {
  const names: TypedSpan[] = [];
  const open: TypedSpan[] = [];
  for (const m of doc.mentions) {
    if (!m.type) continue;
    const g = withoutArticle(doc.text, m);
    const text = doc.text.slice(g.start, g.end);
    if (PRONOUN.test(text) || !/\p{Lu}/u.test(text)) continue;
    const titled = m.type === 'PER' && text.split(/\s+/).some(isTitle);
    if (m.confidence >= 0.5 && writtenAsName(text) && !titled) names.push(g);
    else open.push(g);
  }
  return { names, open };
}

/** Names that no longer name holds: "Free Syrian Army" rather than the "Syrian" inside it. */
function outermost(spans: TypedSpan[]): TypedSpan[] {
  const sorted = [...spans].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const out: TypedSpan[] = [];
  for (const s of sorted) if (!out.some((o) => o.start < s.end && s.start < o.end)) out.push(s);
  return out.sort((a, b) => a.start - b.start);
}

/** BILOU tags of one sentence, UNKNOWN_TAG where re3d does not tell (trainingDoc). */
function sentenceGold(s: TokenisedSentence, names: readonly TypedSpan[], open: readonly TypedSpan[], covered: readonly TypedSpan[]): string[] {
  const within = (t: { start: number; end: number }, m: TypedSpan) => m.start < t.end && t.start < m.end;
  const capitalOrLink = (w: string) => /^[\p{Lu}]/u.test(w) || NAME_LINK.test(w);
  const tags = s.tokens.map((t, i): string => {
    if (open.some((m) => within(t, m)) && capitalOrLink(t.text)) return UNKNOWN_TAG;
    if (i > 0 && /^\p{Lu}/u.test(t.text) && !covered.some((m) => within(t, m))) return UNKNOWN_TAG;
    return 'O';
  });
  for (const m of names) {
    const a = s.tokens.findIndex((t) => t.start === m.start);
    const b = s.tokens.findIndex((t) => t.end === m.end);
    if (a >= 0 && b >= a) {
      const bilou = spansToBilou([{ type: m.type, start: a, end: b + 1 }], s.tokens.length);
      for (let i = a; i <= b; i++) tags[i] = bilou[i]!;
    } else s.tokens.forEach((t, i) => within(t, m) && (tags[i] = UNKNOWN_TAG));
  }
  return tags;
}
