// Readers for the development data in ../shared/data that the event model is built and
// measured from: ECB+, WikiEvents, GVDB, re3d, Giveme5W1H and the factuality sets. Each
// turns its format into articles with plain text and, where the set has them, event
// mentions as character spans of that text.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;

/** ../shared/data beside the project (or beside its worktree folder), or $SITREP_DATA. */
export function dataRoot(): string {
  const candidates = [process.env.SITREP_DATA, join(root, '../shared/data'), join(root, '../../shared/data')].filter((p): p is string => !!p);
  const found = candidates.find((p) => existsSync(join(p, 'README.md')));
  if (!found) throw new Error(`development data not found: looked in ${candidates.join(', ')} (set SITREP_DATA to the folder)`);
  return found;
}

export interface GoldMention {
  start: number;
  end: number;
  /** the set's own label: an ECB+ class, a KAIROS type, a factuality score */
  label: string;
  /** ECB+ within-document chain, when the set gives one */
  chain?: string;
}

export interface Article {
  dataset: 'ecbplus' | 'wikievents' | 'gvdb' | 're3d' | 'giveme5w1h';
  id: string;
  licence: string;
  title: string | null;
  published: string | null;
  text: string;
  /** character spans of the set's sentences in text */
  sentences: Array<{ start: number; end: number }>;
  mentions: GoldMention[];
}

/**
 * Tokens joined back into text: a space between tokens except before closing punctuation
 * and clitics and after opening brackets and quotes. Returns each token's span in the text.
 */
export function detokenize(tokens: string[]): { text: string; spans: Array<[number, number]> } {
  let text = '';
  const spans: Array<[number, number]> = [];
  let quoteOpen = false;
  let prev = '';
  for (const raw of tokens) {
    const tok = raw === '``' || raw === "''" ? '"' : raw === '-LRB-' ? '(' : raw === '-RRB-' ? ')' : raw;
    let space = text.length > 0;
    if (/^([.,;:!?%)\]}]|['’](s|S|re|ve|ll|d|m)|n['’]t|’|-)$/.test(tok)) space = false;
    if (/^[([{$]$/.test(prev) || prev === '-' || prev === '“') space = false;
    if (tok === '"') {
      if (quoteOpen) space = false;
      quoteOpen = !quoteOpen;
    } else if (prev === '"' && quoteOpen) space = false;
    if (tok === '”') space = false;
    if (space) text += ' ';
    spans.push([text.length, text.length + tok.length]);
    text += tok;
    prev = tok;
  }
  return { text, spans };
}

/** Sentences of tokens joined into one text, a line break between sentences. */
function joinSentences(sentences: string[][]): { text: string; sentences: Array<{ start: number; end: number }>; spans: Array<Array<[number, number]>> } {
  let text = '';
  const out: Array<{ start: number; end: number }> = [];
  const spans: Array<Array<[number, number]>> = [];
  for (const toks of sentences) {
    if (text) text += '\n';
    const d = detokenize(toks);
    const base = text.length;
    out.push({ start: base, end: base + d.text.length });
    spans.push(d.spans.map(([a, b]) => [a + base, b + base]));
    text += d.text;
  }
  return { text, sentences: out, spans };
}

const ECB_LICENCE = 'CC BY 3.0 (ECB+, Cybulska and Vossen 2014)';

/** One ECB+ file: its text (sentence 0 of an ecbplus file, the page address, left out) and its event mentions. */
export function readEcbFile(path: string): Article {
  const xml = readFileSync(path, 'utf8');
  const name = path.split('/').pop()!.replace(/\.xml$/, '');
  const tokens: Array<{ id: string; sentence: number; text: string }> = [];
  for (const m of xml.matchAll(/<token t_id="(\d+)" sentence="(\d+)" number="\d+">([^<]*)<\/token>/g)) {
    tokens.push({ id: m[1]!, sentence: Number(m[2]), text: decodeXml(m[3]!) });
  }
  const skip0 = name.endsWith('ecbplus');
  const bySentence = new Map<number, typeof tokens>();
  for (const t of tokens) if (!(skip0 && t.sentence === 0)) bySentence.set(t.sentence, [...(bySentence.get(t.sentence) ?? []), t]);
  const order = [...bySentence.keys()].sort((a, b) => a - b);
  const joined = joinSentences(order.map((s) => bySentence.get(s)!.map((t) => t.text)));
  const spanOf = new Map<string, [number, number]>();
  order.forEach((s, k) => bySentence.get(s)!.forEach((t, j) => spanOf.set(t.id, joined.spans[k]![j]!)));
  const markables = xml.slice(xml.indexOf('<Markables>'), xml.indexOf('</Markables>'));
  const mentions: GoldMention[] = [];
  const byMid = new Map<string, GoldMention>();
  for (const m of markables.matchAll(/<((?:NEG_)?ACTION_[A-Z_]+) m_id="(\d+)"\s*>([\s\S]*?)<\/\1>/g)) {
    const ids = [...m[3]!.matchAll(/t_id="(\d+)"/g)].map((x) => x[1]!);
    const spans = ids.map((id) => spanOf.get(id)).filter((s): s is [number, number] => !!s);
    if (!spans.length) continue;
    const g: GoldMention = { start: Math.min(...spans.map((s) => s[0])), end: Math.max(...spans.map((s) => s[1])), label: m[1]! };
    mentions.push(g);
    byMid.set(m[2]!, g);
  }
  // within-document chains: INTRA_DOC_COREF and CROSS_DOC_COREF relations both group mentions of one instance
  const relations = xml.slice(xml.indexOf('<Relations>'));
  for (const r of relations.matchAll(/<(INTRA_DOC_COREF|CROSS_DOC_COREF) r_id="(\d+)"[^>]*>([\s\S]*?)<\/\1>/g)) {
    const target = r[3]!.match(/<target m_id="(\d+)"/)?.[1];
    for (const s of r[3]!.matchAll(/<source m_id="(\d+)"/g)) {
      const g = byMid.get(s[1]!);
      if (g) g.chain = `${r[1]}:${target ?? r[2]}`;
    }
  }
  mentions.sort((a, b) => a.start - b.start);
  return { dataset: 'ecbplus', id: name, licence: ECB_LICENCE, title: null, published: null, text: joined.text, sentences: joined.sentences, mentions };
}

function decodeXml(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** All ECB+ files as (topic, path), in topic and file order. */
export function ecbFiles(): Array<{ topic: number; path: string; name: string }> {
  const dir = join(dataRoot(), 'ecbplus/ECB+');
  const out: Array<{ topic: number; path: string; name: string }> = [];
  for (const t of readdirSync(dir).map(Number).sort((a, b) => a - b)) {
    for (const f of readdirSync(join(dir, String(t))).sort(naturalOrder)) out.push({ topic: t, path: join(dir, String(t), f), name: f.replace(/\.xml$/, '') });
  }
  return out;
}

function naturalOrder(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/** The fully annotated ECB+ sentences, as "file name without .xml" → sentence numbers. */
export function ecbAnnotatedSentences(): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  const lines = readFileSync(join(dataRoot(), 'ecbplus/ECBplus_coreference_sentences.csv'), 'utf8').trim().split('\n').slice(1);
  for (const line of lines) {
    const [topic, file, sentence] = line.split(',');
    const name = `${topic}_${file}`;
    const set = out.get(name) ?? new Set<number>();
    set.add(Number(sentence));
    out.set(name, set);
  }
  return out;
}

interface WikiEventsDoc {
  doc_id: string;
  tokens: string[];
  sentences: Array<[Array<[string, number, number]>, string]>;
  entity_mentions: Array<{ id: string; start: number; end: number; entity_type: string; text: string }>;
  event_mentions: Array<{ id: string; event_type: string; trigger: { start: number; end: number; text: string }; arguments: Array<{ entity_id: string; role: string; text: string }> }>;
}

/** A WikiEvents event mention with its arguments, as character spans of the article's text. */
export interface WikiEvent {
  id: string;
  type: string;
  trigger: { start: number; end: number };
  args: Array<{ role: string; start: number; end: number; entityType: string }>;
}

/** WikiEvents (no licence stated: for measurement only, never stored in the project). */
export function readWikiEvents(split: 'dev' | 'test'): Array<Article & { events: WikiEvent[] }> {
  const lines = readFileSync(join(dataRoot(), `wikievents/${split}.jsonl`), 'utf8').trim().split('\n');
  return lines.map((line) => {
    const d = JSON.parse(line) as WikiEventsDoc;
    // sentence boundaries from the document's token list: each sentence holds its tokens
    const sentences: string[][] = [];
    for (const [toks] of d.sentences) sentences.push(toks.map((t) => t[0]));
    const joined = joinSentences(sentences);
    const flat = joined.spans.flat();
    const span = (x: { start: number; end: number }) => ({ start: flat[x.start]![0], end: flat[x.end - 1]![1] });
    const mentions = d.event_mentions.map((e) => ({ ...span(e.trigger), label: e.event_type }));
    mentions.sort((a, b) => a.start - b.start);
    const entities = new Map(d.entity_mentions.map((m) => [m.id, m]));
    const events = d.event_mentions.map((e) => ({
      id: e.id,
      type: e.event_type,
      trigger: span(e.trigger),
      args: e.arguments.flatMap((g) => {
        const m = entities.get(g.entity_id);
        return m ? [{ role: g.role, ...span(m), entityType: m.entity_type }] : [];
      }),
    }));
    return { dataset: 'wikievents' as const, id: d.doc_id, licence: 'none stated (measurement only)', title: null, published: null, text: joined.text, sentences: joined.sentences, mentions, events };
  });
}

interface GvdbDoc {
  doc_key: string;
  date: string;
  full_text: string[][];
  spans: Array<[number, number, string, string, string[]]>;
}

/** GVDB (splits by Ebner et al. 2020, Apache-2.0); the first sentence is the headline. */
export function readGvdb(split: 'dev' | 'test'): Array<Article & { victims: Array<{ label: string; start: number; end: number }> }> {
  const lines = readFileSync(join(dataRoot(), `gvdb/${split}.json`), 'utf8').trim().split('\n');
  return lines.map((line) => {
    const d = JSON.parse(line) as GvdbDoc;
    const joined = joinSentences(d.full_text);
    const flat = joined.spans.flat();
    const victims = d.spans.filter((s) => s[2].startsWith('VIC')).map((s) => ({ label: s[2], start: flat[s[0]]![0], end: flat[s[1] - 1]![1] }));
    return { dataset: 'gvdb' as const, id: d.doc_key, licence: 'Apache-2.0 (GVDB splits, Ebner et al. 2020; Pavlick et al. 2016)', title: d.full_text[0]!.join(' '), published: d.date || null, text: joined.text, sentences: joined.sentences, mentions: [], victims };
  });
}

/** re3d documents, each folder with its own licence (the BBC folder is not in the data). */
export function readRe3d(): Article[] {
  const dir = join(dataRoot(), 're3d');
  const out: Article[] = [];
  for (const folder of readdirSync(dir).sort()) {
    const docs = join(dir, folder, 'documents.json');
    if (!existsSync(docs)) continue;
    const licenceText = readFileSync(join(dir, folder, 'LICENSE'), 'utf8');
    const licence = /public domain/i.test(licenceText) ? 'public domain' : /Open Government Licence/i.test(licenceText) ? 'OGL v3.0' : /ShareAlike 3.0/i.test(licenceText) ? 'CC BY-SA 3.0' : /3.0 Australia/i.test(licenceText) ? 'CC BY 3.0 AU' : `see re3d/${folder}/LICENSE`;
    for (const line of readFileSync(docs, 'utf8').trim().split('\n')) {
      const d = JSON.parse(line) as { _id: string; title: string; text: string };
      out.push({ dataset: 're3d', id: d._id, licence: `${licence} (re3d, ${folder})`, title: d.title, published: null, text: d.text, sentences: [], mentions: [] });
    }
  }
  return out;
}

export function readGiveme(): Article[] {
  const lines = readFileSync(join(dataRoot(), 'giveme5w1h.jsonl'), 'utf8').trim().split('\n');
  return lines.map((line) => {
    const d = JSON.parse(line) as { id: string; title: string; published: string; text: string };
    return { dataset: 'giveme5w1h' as const, id: d.id, licence: 'Apache-2.0 (Giveme5W1H gold standard)', title: d.title, published: d.published, text: d.text, sentences: [], mentions: [] };
  });
}

export interface FactualityItem {
  text: string;
  /** the predicate's token span in the text split on spaces, end exclusive */
  span: [number, number];
  /** −3 (did not happen) … +3 (happened) */
  label: number;
  spanText: string;
}

export function readFactuality(set: 'uds-ih2' | 'meantime', split: 'train' | 'dev' | 'test'): FactualityItem[] {
  const lines = readFileSync(join(dataRoot(), `factuality/${set}/${split}.jsonl`), 'utf8').trim().split('\n');
  const out: FactualityItem[] = [];
  for (const line of lines) {
    const d = JSON.parse(line) as { text: string; targets: Array<{ span1: [number, number]; label: number; span_text: string }> };
    for (const t of d.targets) out.push({ text: d.text, span: t.span1, label: Number(t.label), spanText: t.span_text });
  }
  return out;
}

/** FNV-1a of a string: document-level splits that do not move when files are added. */
export function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * The hand-labelled set's fixed test split: ECB+ documents of topics 1, 5, 9, … (topic ≡ 1
 * mod 4, which the ECB+ measurement also holds out), and a quarter of the other documents
 * by hash of "dataset/id".
 */
export function isTestDocument(dataset: string, id: string): boolean {
  if (dataset === 'ecbplus') return ecbTestTopic(Number(id.split('_')[0]));
  return hash(`${dataset}/${id}`) % 4 === 0;
}

export function ecbTestTopic(topic: number): boolean {
  return topic % 4 === 1;
}
