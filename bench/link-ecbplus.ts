// npm run eval:link: sitrep link on ECB+ cross-document event coreference (Cybulska and Vossen
// 2014, ../shared/data/ecbplus), on its violent topics, beside a same-type-same-day baseline.
// Prints MUC, B³, CEAF-e and CoNLL F (their mean) for two settings:
//
//   - gold mentions: every ECB+ event mention of the annotated sentences is an event; it takes
//     the type, date, places and actors of the sitrep event whose trigger it overlaps (any
//     modality), and a mention sitrep found no event at stays a singleton, as it would in a
//     dataset;
//   - sitrep's events: the events sitrep extracts (asserted or claimed, statements left out,
//     as a dataset holds them), scored on those whose trigger overlaps a gold mention (the
//     share is printed as coverage).
//
// Articles carry no publication date in ECB+; the later (ecbplus) half gives its URL on the
// first line, whose date (/2013/may/03/, 20070503, 2011-11-10) is taken as the publication date
// and the URL line is left out of the text. `--json` prints the figures as JSON.
//
// `--split violent` (the default) scores the twelve violent topics pooled; `--split train`,
// `dev` or `test` the topic splits of Cybulska and Vossen (2015), pooled likewise. The link
// model (scripts/train-link.ts) learns on train and is tuned on dev: its fair figure is test's,
// and eight of the twelve violent topics are training topics.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPipeline } from '../src/index.js';
import { codeEvent, isCodable, type CodedEvent } from '../src/export/coded.js';
import { eventDate } from '../src/record/event-date.js';
import { linkEvents, type LinkModel } from '../src/link/link.js';
import { loadLexicons } from '../src/lexicons/load.js';
import { Taxonomy } from '../src/stages/events/taxonomy.js';
import { corefScores, type CorefScores } from '../src/eval/coref.js';
import type { DocumentRecord, RecordEvent } from '../src/record/record.js';

// ../shared/data beside the repository, or where $SITREP_DATA says (a worktree elsewhere)
const DATA = join(process.env.SITREP_DATA ?? new URL('../../shared/data/', import.meta.url).pathname, 'ecbplus');
/** shootings, a bombing, riots, piracy, murders, an armed robbery, police raids and arrests */
export const VIOLENT_TOPICS = [8, 12, 16, 18, 19, 21, 22, 24, 26, 32, 33, 41];
/** ECB+'s topic splits as Cybulska and Vossen (2015) and later work use them: dev 2, 5, 12, 18, 21, 23, 34, 35; test 36–45; the rest train (there is no topic 15 or 17) */
export const DEV_TOPICS = [2, 5, 12, 18, 21, 23, 34, 35];
export const TEST_TOPICS = [36, 37, 38, 39, 40, 41, 42, 43, 44, 45];
export const TRAIN_TOPICS = Array.from({ length: 35 }, (_, i) => i + 1).filter((t) => t !== 15 && t !== 17 && !DEV_TOPICS.includes(t));
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

interface GoldMention {
  key: string;
  chain: string;
  start: number;
  end: number;
}

interface EcbDoc {
  name: string;
  topic: number;
  text: string;
  published: string | null;
  mentions: GoldMention[];
}

function urlDate(url: string): string | null {
  const pad = (n: string | number) => String(n).padStart(2, '0');
  let m = /(20\d\d|19\d\d)\/([a-z]{3})[a-z]*\/(\d{1,2})\b/i.exec(url);
  if (m && MONTHS.includes(m[2]!.toLowerCase().slice(0, 3))) return `${m[1]}-${pad(MONTHS.indexOf(m[2]!.toLowerCase().slice(0, 3)) + 1)}-${pad(m[3]!)}`;
  m = /(20\d\d|19\d\d)[/-](\d{2})[/-](\d{2})\b/.exec(url);
  if (m && Number(m[2]) <= 12 && Number(m[3]) <= 31) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /\b(20\d\d|19\d\d)(\d{2})(\d{2})\b/.exec(url);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12 && Number(m[3]) >= 1 && Number(m[3]) <= 31) return `${m[1]}-${m[2]}-${m[3]}`;
  return null;
}

function readDoc(topic: number, file: string, selected: Set<string>): EcbDoc {
  const xml = readFileSync(join(DATA, 'ECB+', String(topic), file), 'utf8');
  const name = file.replace(/\.xml$/, '');
  const tokens = [...xml.matchAll(/<token t_id="(\d+)" sentence="(\d+)" number="\d+">([^<]*)<\/token>/g)].map((m) => ({ id: m[1]!, sentence: Number(m[2]), text: decode(m[3]!) }));
  const sentences = new Map<number, typeof tokens>();
  for (const t of tokens) sentences.set(t.sentence, [...(sentences.get(t.sentence) ?? []), t]);
  let text = '';
  let published: string | null = null;
  const offsets = new Map<string, [number, number]>();
  for (const [s, toks] of [...sentences].sort((a, b) => a[0] - b[0])) {
    if (toks[0]?.text === 'http') {
      published ??= urlDate(toks.map((t) => t.text).join(''));
      continue;
    }
    if (text) text += '\n';
    toks.forEach((t, i) => {
      if (i) text += ' ';
      offsets.set(t.id, [text.length, text.length + t.text.length]);
      text += t.text;
    });
    void s;
  }
  const sentenceOf = new Map(tokens.map((t) => [t.id, t.sentence]));
  const markables = xml.split('<Markables>')[1]?.split('</Markables>')[0] ?? '';
  const anchors = new Map<string, string[]>();
  for (const m of markables.matchAll(/<((?:NEG_)?ACTION_[A-Z_]+) m_id="(\d+)"\s*>([\s\S]*?)<\/\1>/g)) {
    anchors.set(m[2]!, [...m[3]!.matchAll(/t_id="(\d+)"/g)].map((a) => a[1]!));
  }
  const chainOf = new Map<string, string>();
  const relations = xml.split('<Relations>')[1] ?? '';
  for (const r of relations.matchAll(/<(CROSS_DOC_COREF|INTRA_DOC_COREF) r_id="(\d+)"(?: note="([^"]*)")?\s*>([\s\S]*?)<\/\1>/g)) {
    const target = /<target m_id="(\d+)"/.exec(r[4]!)?.[1];
    const chain = r[1] === 'CROSS_DOC_COREF' && r[3] ? r[3] : `${name}:${target}`;
    for (const s of r[4]!.matchAll(/<source m_id="(\d+)"/g)) chainOf.set(s[1]!, chain);
  }
  const mentions: GoldMention[] = [];
  for (const [id, ts] of anchors) {
    if (!ts.length || !ts.every((t) => offsets.has(t))) continue;
    const sentence = sentenceOf.get(ts[0]!)!;
    if (!selected.has(`${topic}|${name.replace(/^\d+_/, '')}|${sentence}`)) continue;
    const spans = ts.map((t) => offsets.get(t)!);
    mentions.push({ key: `${name}:${id}`, chain: chainOf.get(id) ?? `${name}:${id}`, start: Math.min(...spans.map((s) => s[0])), end: Math.max(...spans.map((s) => s[1])) });
  }
  return { name, topic, text, published, mentions };
}

/** The sentence (one line of the text built from ECB+'s tokens) at an offset. */
const lineAt = (text: string, at: number) => text.slice(text.lastIndexOf('\n', at) + 1, text.indexOf('\n', at) === -1 ? undefined : text.indexOf('\n', at));

const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");

function partition<T>(items: readonly T[], key: (x: T) => string, cluster: (x: T) => string): string[][] {
  const groups = new Map<string, string[]>();
  for (const x of items) groups.set(cluster(x), [...(groups.get(cluster(x)) ?? []), key(x)]);
  return [...groups.values()];
}

/** The same-type-same-day baseline: one cluster per ACLED event type and day (undated events alone). */
function baseline(events: readonly CodedEvent[], undated: 'apart' | 'together'): string[][] {
  const day = (e: CodedEvent) => e.event_date ?? e.published ?? (undated === 'together' ? 'undated' : null);
  return partition(events, (e) => e.id, (e) => (day(e) ? `${e.event_type}|${day(e)}` : `alone|${e.id}`));
}

/** sitrep link's incidents; a gold mention sitrep could not type is no event of a dataset, and stays alone. */
export function linked(events: readonly CodedEvent[], undated: 'apart' | 'together', model?: LinkModel): string[][] {
  const typed = events.filter((e) => !e.event_type.startsWith('none:'));
  const alone = events.filter((e) => e.event_type.startsWith('none:')).map((e) => [e.id]);
  return [...linkEvents(typed, { undated, model }).map((i) => i.events.map((e) => `${e.doc_id}-${e.event_id}`)), ...alone];
}

type Scores = Record<string, CorefScores>;

function methods(gold: string[][], events: readonly CodedEvent[]): Scores {
  // only the events of the gold partition are scored; the others were there to be linked
  const scored = new Set(gold.flat());
  const score = (predicted: string[][]) => corefScores(gold, predicted.map((c) => c.filter((id) => scored.has(id))).filter((c) => c.length));
  return {
    link: score(linked(events, 'apart')),
    baseline: score(baseline(events, 'apart')),
    'link, undated together': score(linked(events, 'together')),
    'baseline, undated together': score(baseline(events, 'together')),
  };
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/** The events of one setting and the gold chain of each event scored (by event id). */
export interface Setting {
  /** every event the linker is given */
  events: CodedEvent[];
  /** the gold chain of each event scored */
  chains: Map<string, string>;
  /** each event's ECB+ topic, for the error analysis and the topic splits */
  topics: Map<string, number>;
}

export interface Collected {
  gold: Setting;
  sitrep: Setting;
  /** sitrep's dataset events in those articles */
  codable: number;
}

const emptySetting = (): Setting => ({ events: [], chains: new Map(), topics: new Map() });

/** Runs sitrep over the articles of the topics and collects both settings' events. */
export function collect(topics: readonly number[] = VIOLENT_TOPICS): Collected {
  const selected = new Set(
    readFileSync(join(DATA, 'ECBplus_coreference_sentences.csv'), 'utf8')
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((l) => l.trim().split(',').join('|')),
  );
  const pipeline = createPipeline();
  const out: Collected = { gold: emptySetting(), sitrep: emptySetting(), codable: 0 };
  const keep = (s: Setting, e: CodedEvent, chain: string, topic: number) => {
    s.events.push(e);
    s.chains.set(e.id, chain);
    s.topics.set(e.id, topic);
  };
  for (const topic of topics) {
    for (const file of readdirSync(join(DATA, 'ECB+', String(topic))).filter((f) => f.endsWith('.xml')).sort()) {
      const doc = readDoc(topic, file, selected);
      const record: DocumentRecord = pipeline.process({ text: doc.text, id: doc.name, published: doc.published });
      const entities = new Map(record.entities.map((e) => [e.id, e]));
      // gold mentions, typed by the sitrep event at them
      for (const m of doc.mentions) {
        const at = record.events.find((e) => overlaps(e.trigger, m));
        const coded = at
          ? { ...codeEvent(record, { ...at, ...eventDate({ date: at.date, modality: 'asserted' }, record.doc.published) } as RecordEvent, entities), id: `${doc.name}-${m.key}`, event_id: m.key }
          : null;
        const word = typeByWord(doc.text.slice(m.start, m.end));
        const event: CodedEvent = coded ?? { ...emptyEvent(record), id: `${doc.name}-${m.key}`, event_id: m.key, event_type: word ?? `none:${m.key}`, trigger: { text: doc.text.slice(m.start, m.end), start: m.start, end: m.end }, notes: lineAt(doc.text, m.start) };
        keep(out.gold, event, m.chain, topic);
      }
      // sitrep's own events, scored where they meet a gold mention
      for (const e of record.events.filter(isCodable)) {
        out.codable++;
        const m = doc.mentions.find((g) => overlaps(e.trigger, g));
        const coded = codeEvent(record, e, entities);
        if (m && !out.sitrep.chains.has(`${doc.name}-${m.key}`)) keep(out.sitrep, { ...coded, id: `${doc.name}-${m.key}`, event_id: m.key }, m.chain, topic);
        else out.sitrep.events.push(coded); // linked with the others, as in a dataset, and not scored
      }
    }
  }
  return out;
}

export const goldPartition = (chains: Map<string, string>) => partition([...chains], ([k]) => k, ([, c]) => c);

/** sitrep link's incidents of a setting (undated events together), cut to the events scored. */
export function linkedScored(s: Setting, model?: LinkModel): string[][] {
  return linked(s.events, 'together', model).map((c) => c.filter((id) => s.chains.has(id))).filter((c) => c.length);
}

export function evaluate(topics: readonly number[] = VIOLENT_TOPICS): Record<string, { mentions: number; typed?: number; dated?: number; coverage?: number; scores: Scores }> {
  const { gold, sitrep, codable } = collect(topics);
  return {
    'gold mentions': {
      mentions: gold.events.length,
      typed: gold.events.filter((e) => !e.event_type.startsWith('none:')).length / gold.events.length,
      dated: gold.events.filter((e) => e.event_date ?? e.published).length / gold.events.length,
      scores: methods(goldPartition(gold.chains), gold.events),
    },
    "sitrep's events": {
      mentions: sitrep.chains.size,
      coverage: codable ? sitrep.chains.size / codable : 0,
      scores: methods(goldPartition(sitrep.chains), sitrep.events),
    },
  };
}

let triggerWords: Map<string, string> | null = null;

/** A gold mention sitrep made no event of, typed by sitrep's trigger lexicon alone (its word, or the word less an inflection). */
function typeByWord(text: string): string | null {
  if (!triggerWords) {
    triggerWords = new Map();
    const lexicons = loadLexicons([]);
    const taxonomy = new Taxonomy(lexicons.taxonomy);
    for (const t of lexicons.triggers) {
      const acled = taxonomy.mapping(t.type, { lemma: '', civilianTarget: false, militaryTarget: false, armedTarget: false, stateAgent: false, stateForces: false, civilianHarmed: false, unarmedVictims: false, cues: new Set(), weapons: new Set(), agentSector: undefined, targetSectors: new Set() }).acled?.event_type ?? '';
      for (const w of t.words ?? []) if (!triggerWords.has(w)) triggerWords.set(w, acled);
    }
  }
  const w = text.toLowerCase().trim();
  for (const form of [w, w.replace(/ings?$/, ''), w.replace(/e?[sd]$/, ''), w.replace(/ed$/, 'e'), w.replace(/s$/, '')]) {
    const type = triggerWords.get(form);
    if (type) return type;
  }
  return null;
}

function emptyEvent(record: DocumentRecord): CodedEvent {
  return {
    id: '', doc_id: record.doc.id, event_id: '', type: '', modality: 'asserted', event_date: null, time_precision: null, published: record.doc.published,
    disorder_type: '', event_type: '', sub_event_type: '', plover: '', actors1: [], actors2: [], places: [], sources: [], notes: '',
    sentence: { start: 0, end: 0 }, trigger: { text: '', start: 0, end: 0 }, killed: null, injured: null, captured: null,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = performance.now();
  const split = process.argv.includes('--split') ? process.argv[process.argv.indexOf('--split') + 1]! : 'violent';
  const splits: Record<string, readonly number[]> = { violent: VIOLENT_TOPICS, train: TRAIN_TOPICS, dev: DEV_TOPICS, test: TEST_TOPICS };
  const topics = splits[split];
  if (!topics) throw new Error(`--split is one of ${Object.keys(splits).join(', ')}`);
  const results = evaluate(topics);
  if (process.argv.includes('--json')) console.log(JSON.stringify(results, null, 2));
  else {
    const pct = (x: number | null) => (x === null ? '—' : (100 * x).toFixed(1));
    console.log(`ECB+ ${split} topics (${topics.join(', ')}), ${((performance.now() - started) / 1000).toFixed(0)} s`);
    console.log('setting           mentions  method                      MUC F  B³ F  CEAF-e F  CoNLL F');
    for (const [name, r] of Object.entries(results)) {
      for (const [method, s] of Object.entries(r.scores)) {
        console.log(`${name.padEnd(17)} ${String(r.mentions).padStart(8)}  ${method.padEnd(26)}  ${pct(s.muc.f).padStart(5)}  ${pct(s.b3.f).padStart(4)}  ${pct(s.ceafe.f).padStart(8)}  ${pct(s.conll).padStart(7)}`);
      }
      if (r.typed !== undefined) console.log(`${''.padEnd(17)} (${(100 * r.typed).toFixed(1)}% of the gold mentions meet a sitrep event, ${(100 * r.dated!).toFixed(1)}% have a date)`);
      if (r.coverage !== undefined) console.log(`${''.padEnd(17)} (${(100 * r.coverage).toFixed(1)}% of sitrep's dataset events meet a gold mention)`);
    }
  }
}
