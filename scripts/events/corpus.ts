// The examples the event model is trained and measured on, built from ../shared/data: each
// article processed by the pipeline, its trigger candidates proposed as at run time, and the
// data set's own labels laid on them (hand labels, WikiEvents types, ECB+ classes), or
// predicates with a factuality score (UDS-IH2, MEANTIME).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Doc } from '../../src/doc.js';
import { contextFromDoc, type CandidateContext } from '../../src/models/events/features.js';
import { proposeCandidates, type ProposedCandidate } from '../../src/models/events/propose.js';
import { buildPipeline, createContext, type Pipeline } from '../../src/pipeline.js';
import { TriggerIndex } from '../../src/stages/events/triggers.js';
import { type Article, type FactualityItem, type GoldMention, isTestDocument, readEcbFile, readGiveme, readGvdb, readRe3d, ecbFiles } from './data.js';
import type { Candidate } from '../event-candidates.js';

const root = new URL('../..', import.meta.url).pathname;
export const annotationDir = join(root, 'data/annotations/events');

export interface Tools {
  /** the pipeline up to quantities, and with today's events stage */
  upToQuantities: Pipeline;
  withEvents: Pipeline;
  /** normalize and sentences only (tokens, lemmas, parts of speech) */
  tokensOnly: Pipeline;
  index: TriggerIndex;
}

let tools: Tools | null = null;

export function getTools(): Tools {
  if (tools) return tools;
  const ctx = createContext();
  let withEvents: Pipeline | null = null;
  tools = {
    upToQuantities: buildPipeline(ctx, ['normalize', 'sentences', 'entities', 'places', 'dates', 'quantities']),
    // built when first asked for: the events stage loads the event model, which training is about to write
    get withEvents() {
      return (withEvents ??= buildPipeline(ctx));
    },
    tokensOnly: buildPipeline(ctx, ['normalize', 'sentences']),
    index: new TriggerIndex(ctx.lexicons.triggers, ctx.lexicons.notTriggers),
  };
  return tools;
}

export interface Instance {
  id: string;
  article: string;
  candidate: ProposedCandidate;
  ctx: CandidateContext;
  /** the candidate's text span in doc.text */
  start: number;
  end: number;
}

/** An article processed, with its candidates and their contexts. */
export function instancesOf(a: Article, pipeline: 'quantities' | 'events' = 'quantities'): { doc: Doc; instances: Instance[] } {
  const t = getTools();
  const doc = (pipeline === 'events' ? t.withEvents : t.upToQuantities).process({ text: a.text, id: a.id, title: a.title, published: a.published });
  const instances = proposeCandidates(doc, t.index).map((c, k) => ({
    id: `${a.dataset}/${a.id}#${String(k + 1).padStart(3, '0')}`,
    article: `${a.dataset}/${a.id}`,
    candidate: c,
    ctx: contextFromDoc(doc, c.sentence, c.first, c.last, c.proposed),
    start: c.start,
    end: c.end,
  }));
  return { doc, instances };
}

/**
 * Gold spans of the original text moved onto the normalized text (normalization collapses
 * spaces and drops boilerplate lines): each span's text looked up near where the shift so far
 * puts it. Spans not found are dropped.
 */
export function alignSpans<T extends { start: number; end: number }>(original: string, normalized: string, spans: T[]): T[] {
  if (original === normalized) return spans;
  const out: T[] = [];
  let shift = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    const text = original.slice(s.start, s.end);
    const guess = s.start + shift;
    let best = -1;
    for (let from = Math.max(0, guess - 400); ; ) {
      const at = normalized.indexOf(text, from);
      if (at < 0 || at > guess + 400) break;
      if (best < 0 || Math.abs(at - guess) < Math.abs(best - guess)) best = at;
      from = at + 1;
    }
    if (best < 0) continue;
    shift = best - s.start;
    out.push({ ...s, start: best, end: best + text.length });
  }
  return out;
}

/** The gold mention a candidate overlaps, if any. */
export function goldAt(mentions: GoldMention[], start: number, end: number): GoldMention | undefined {
  return mentions.find((m) => m.start < end && m.end > start);
}

/** KAIROS types of WikiEvents as taxonomy types; null: a type of ours it cannot stand for. */
export function kairosType(t: string): string | null | undefined {
  if (t.startsWith('Conflict.Attack.DetonateExplode')) return 'EXPLOSION';
  if (t.startsWith('Conflict.Attack')) return 'ATTACK';
  if (t.startsWith('Life.Die') || t.startsWith('Life.Injure')) return 'KILLING';
  if (t.startsWith('Justice.ArrestJailDetain')) return 'ARREST';
  if (t.startsWith('Conflict.Demonstrate')) return 'PROTEST';
  if (t.startsWith('ArtifactExistence.DamageDestroyDisableDismantle')) return 'DESTRUCTION';
  if (t.startsWith('Disaster.Crash')) return 'CRASH';
  // statements, movements, transactions: too unlike our types to learn from either way
  if (/^(Contact|Movement|Transaction|Control|Cognitive)\./.test(t)) return undefined;
  return null;
}

/** The measured WikiEvents types and the taxonomy types that count as right for each. */
export const WIKIEVENTS_MEASURED: Array<[RegExp, string[]]> = [
  [/^Conflict\.Attack/, ['ATTACK', 'CLASH', 'INCURSION', 'AIRSTRIKE', 'DRONE_STRIKE', 'SHELLING', 'EXPLOSION']],
  [/^Life\.(Die|Injure)/, ['KILLING']],
  [/^Justice\.ArrestJailDetain/, ['ARREST', 'CAPTURE']],
  [/^Conflict\.Demonstrate/, ['PROTEST']],
];

export function measuredGroup(kairos: string): number {
  return WIKIEVENTS_MEASURED.findIndex(([re]) => re.test(kairos));
}

export function groupOfType(type: string): number {
  return WIKIEVENTS_MEASURED.findIndex(([, types]) => types.includes(type));
}

/** ECB+ classes as the three the measurement compares: occurrence, generic, negated (null: not compared). */
export function ecbClass(label: string): 'occurrence' | 'generic' | 'negated' | null {
  if (label.startsWith('NEG_')) return 'negated';
  if (label === 'ACTION_GENERIC') return 'generic';
  if (label === 'ACTION_OCCURRENCE') return 'occurrence';
  return null;
}

export interface HandCandidate {
  id: string;
  source: { dataset: string; doc: string };
  split: 'train' | 'test';
  sentence_index: number;
  sentence: string;
  trigger: { text: string; start: number; end: number };
  proposed_types: string[];
}

export interface HandLabel {
  id: string;
  event: boolean;
  type: string | null;
  modality: string | null;
  repeats: string | null;
  note?: string | null;
}

/** The hand-labelled candidates that have labels, with their labels. */
export function handLabelled(): Array<{ candidate: HandCandidate; label: HandLabel; chunk: string }> {
  const out: Array<{ candidate: HandCandidate; label: HandLabel; chunk: string }> = [];
  // the chunks the committed weights are trained on; EV_CHUNKS=01,02,… chooses others (a later
  // chunk joins the default once its labels are finished and measured, docs/EVALUATION.md)
  const chunks = process.env.EV_CHUNKS?.split(',') ?? ['01', '02', '03', '04', '05', '06', '07'];
  for (const nn of chunks) {
    const cf = join(annotationDir, `candidates-${nn}.jsonl`);
    const lf = join(annotationDir, `labels-${nn}.jsonl`);
    if (!existsSync(cf) || !existsSync(lf)) continue;
    const labels = new Map<string, HandLabel>();
    for (const line of readFileSync(lf, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        const l = JSON.parse(line) as HandLabel;
        labels.set(l.id, l);
      } catch {
        // a line being written; the checker reports it
      }
    }
    for (const line of readFileSync(cf, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const c = JSON.parse(line) as HandCandidate;
      const l = labels.get(c.id);
      if (l && typeof l.event === 'boolean') out.push({ candidate: c, label: l, chunk: nn });
    }
  }
  return out;
}

/** The source article of a hand-labelled candidate. */
export function articleOf(dataset: string, id: string): Article | undefined {
  articleCache ??= new Map();
  const key = `${dataset}/${id}`;
  if (!articleCache.has(key)) {
    if (dataset === 'ecbplus') {
      const f = ecbFiles().find((x) => x.name === id);
      if (f) articleCache.set(key, readEcbFile(f.path));
    } else {
      const list = dataset === 'gvdb' ? readGvdb('dev') : dataset === 're3d' ? readRe3d() : dataset === 'giveme5w1h' ? readGiveme() : [];
      for (const a of list) articleCache.set(`${dataset}/${a.id}`, a);
    }
  }
  return articleCache.get(key);
}
let articleCache: Map<string, Article> | null = null;

/** The context of a hand-labelled candidate in its processed document, found by its sentence's text. */
export function handContext(doc: Doc, c: HandCandidate): { ctx: CandidateContext; start: number; end: number } | null {
  let s = doc.sentences.findIndex((x, k) => k === c.sentence_index && doc.text.slice(x.start, x.end) === c.sentence);
  if (s < 0) s = doc.sentences.findIndex((x) => doc.text.slice(x.start, x.end) === c.sentence);
  if (s < 0) {
    // sentences split differently now: find the text and the sentence that holds it
    const at = doc.text.indexOf(c.sentence);
    if (at < 0) return null;
    s = doc.sentences.findIndex((x) => x.start <= at + c.trigger.start && x.end >= at + c.trigger.end);
    if (s < 0) return null;
    return spanContext(doc, s, at + c.trigger.start, at + c.trigger.end, c.proposed_types);
  }
  const base = doc.sentences[s]!.start;
  return spanContext(doc, s, base + c.trigger.start, base + c.trigger.end, c.proposed_types);
}

/** The context of any text span of a processed document (the sentence that holds its start). */
export function contextAtSpan(doc: Doc, start: number, end: number, proposed: string[]): CandidateContext | null {
  const s = doc.sentences.findIndex((x) => x.start <= start && x.end > start);
  return s < 0 ? null : spanContext(doc, s, start, Math.min(end, doc.sentences[s]!.end), proposed)?.ctx ?? null;
}

function spanContext(doc: Doc, s: number, start: number, end: number, proposed: string[]): { ctx: CandidateContext; start: number; end: number } | null {
  const sent = doc.sentences[s]!;
  let first = -1;
  let last = -1;
  for (let i = sent.firstToken; i < sent.endToken; i++) {
    const t = doc.tokens[i]!;
    if (t.end > start && t.start < end) {
      if (first < 0) first = i;
      last = i;
    }
  }
  if (first < 0) return null;
  return { ctx: contextFromDoc(doc, s, first, last, proposed), start, end };
}

/** A factuality item as a candidate context: the predicate's tokens in its sentence. */
export function factualityContext(item: FactualityItem): CandidateContext | null {
  const words = item.text.split(' ');
  let start = 0;
  for (let i = 0; i < item.span[0]; i++) start += words[i]!.length + 1;
  let end = start;
  for (let i = item.span[0]; i < item.span[1]; i++) end += words[i]!.length + (i > item.span[0] ? 1 : 0);
  const doc = getTools().tokensOnly.process({ text: item.text });
  if (doc.text !== item.text) return null;
  const s = doc.sentences.findIndex((x) => x.start <= start && x.end >= end);
  if (s < 0) return null;
  return spanContext(doc, s, start, end, [])?.ctx ?? null;
}

/** A candidate for hand labelling: the trigger (sentence s, its tokens first..last) with its sentence, one either side, and its place. */
export function candidateAt(a: Article, doc: Doc, s: number, first: number, last: number, id: string, proposed: string[]): Candidate {
  const text = (k: number) => (doc.sentences[k] ? doc.text.slice(doc.sentences[k]!.start, doc.sentences[k]!.end) : '');
  const sent = doc.sentences[s]!;
  const toks = doc.sentenceTokens(s);
  const start = toks[first]!.start;
  const end = toks[last]!.end;
  return {
    id,
    source: { dataset: a.dataset, doc: a.id },
    licence: a.licence,
    split: isTestDocument(a.dataset, a.id) ? 'test' : 'train',
    title: a.title,
    sentence_index: s,
    before: text(s - 1),
    sentence: text(s),
    after: text(s + 1),
    trigger: { text: doc.text.slice(start, end), start: start - sent.start, end: end - sent.start },
    proposed_types: proposed,
  };
}
