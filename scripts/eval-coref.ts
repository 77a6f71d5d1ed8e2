// npm run eval:coref: within-document event coreference on ECB+ (Cybulska and Vossen 2014,
// ../shared/data/ecbplus), on the fully annotated sentences (ECBplus_coreference_sentences.csv),
// scored with the CoNLL scorer of src/eval/coref.ts (MUC, B³, CEAF-e and their mean). Two
// settings, both per document and summed over documents:
//
//   - gold mentions: every ECB+ event mention of the annotated sentences is a mention to
//     cluster; it joins the sitrep event whose trigger or merged mention overlaps it, and a
//     mention sitrep made no event at stays a singleton;
//   - sitrep's events: the triggers and merged mentions sitrep extracted that overlap a gold
//     mention, clustered by sitrep's events, against the gold chains of those mentions (the
//     share of sitrep's mentions that meet a gold mention is printed as coverage).
//
// Beside each, the all-singletons baseline (no mention merged) on the same mentions, since most
// ECB+ chains within one document are single mentions. Topics: all 43, and the violent ones
// (shootings, a bombing, riots, piracy, murders, raids and arrests) that sitrep is built for.
import { createPipeline } from '../src/index.js';
import { corefScores, type CorefScores } from '../src/eval/coref.js';
import type { DocumentRecord } from '../src/record/record.js';
import { VIOLENT_TOPICS } from '../bench/link-ecbplus.js';
import { ecbAnnotatedSentences, ecbFiles, readEcbFile } from './events/data.js';

interface Span {
  start: number;
  end: number;
}
const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/**
 * Every span an event was told by as itself: its trigger and the mentions merged into it, but
 * not the deaths it caused (a KILLING mention of another type of event: "…, killing two"),
 * which ECB+ annotates as an event of their own, not a mention of the bombing.
 */
function eventSpans(record: DocumentRecord): Array<{ event: string; span: Span }> {
  const itself = (e: DocumentRecord['events'][number]) => (e.mentions ?? []).filter((m) => m.type !== 'KILLING' || e.type === 'KILLING');
  return record.events.flatMap((e) => [e.trigger, ...itself(e)].map((span) => ({ event: e.id, span })));
}

interface Partitions {
  gold: string[][];
  predicted: string[][];
  singletons: string[][];
}

function group(pairs: Array<[string, string]>): string[][] {
  const m = new Map<string, string[]>();
  for (const [key, cluster] of pairs) m.set(cluster, [...(m.get(cluster) ?? []), key]);
  return [...m.values()];
}

function main(): void {
  const annotated = ecbAnnotatedSentences();
  const pipeline = createPipeline();
  const settings = { all: { goldMentions: empty(), sitrep: empty() }, violent: { goldMentions: empty(), sitrep: empty() } };
  let sitrepMentions = 0;
  let sitrepMatched = 0;
  const t0 = performance.now();
  for (const f of ecbFiles()) {
    const sentences = annotated.get(f.name);
    if (!sentences) continue;
    const article = readEcbFile(f.path);
    // sentence numbers of the ECB+ file → our sentences (an ecbplus file's sentence 0, its URL, is left out)
    const offset = f.name.endsWith('ecbplus') ? 1 : 0;
    const inAnnotated = (m: Span) => article.sentences.some((s, k) => sentences.has(k + offset) && m.start >= s.start && m.end <= s.end);
    const gold = article.mentions.filter(inAnnotated);
    if (!gold.length) continue;
    const record = pipeline.process({ text: article.text, id: f.name, published: null, title: null });
    const spans = eventSpans(record);
    const key = (m: Span) => `${f.name}:${m.start}-${m.end}`;
    const targets = [settings.all, ...(VIOLENT_TOPICS.includes(f.topic) ? [settings.violent] : [])];
    for (const t of targets) {
      // gold mentions, clustered by the sitrep event they meet
      t.goldMentions.gold.push(...group(gold.map((m) => [key(m), `${f.name}|${m.chain ?? key(m)}`])));
      t.goldMentions.predicted.push(...group(gold.map((m) => [key(m), `${f.name}|${spans.find((s) => overlaps(s.span, m))?.event ?? key(m)}`])));
      t.goldMentions.singletons.push(...gold.map((m) => [key(m)]));
      // sitrep's mentions that meet a gold mention, against the gold chains
      const matched: Array<{ k: string; event: string; chain: string }> = [];
      const seen = new Set<string>();
      for (const s of spans) {
        const g = gold.find((m) => overlaps(s.span, m));
        if (!g || seen.has(key(g))) continue;
        seen.add(key(g));
        matched.push({ k: key(g), event: `${f.name}|${s.event}`, chain: `${f.name}|${g.chain ?? key(g)}` });
      }
      t.sitrep.gold.push(...group(matched.map((m) => [m.k, m.chain])));
      t.sitrep.predicted.push(...group(matched.map((m) => [m.k, m.event])));
      t.sitrep.singletons.push(...matched.map((m) => [m.k]));
    }
    sitrepMentions += spans.filter((s) => inAnnotated(s.span)).length;
    sitrepMatched += spans.filter((s) => inAnnotated(s.span) && gold.some((m) => overlaps(s.span, m))).length;
  }
  const pct = (x: number | null) => (x === null ? '—' : (100 * x).toFixed(1));
  const row = (label: string, n: number, s: CorefScores) => console.log(`${label.padEnd(44)} ${String(n).padStart(6)}  ${pct(s.muc.f).padStart(5)}  ${pct(s.b3.f).padStart(5)}  ${pct(s.ceafe.f).padStart(7)}  ${pct(s.conll).padStart(7)}`);
  console.log(`ECB+ within-document event coreference, annotated sentences (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  console.log(`${'topics / setting / method'.padEnd(44)} ${'mentions'.padStart(6)}  MUC F   B³ F  CEAF-e F  CoNLL F`);
  for (const [topics, s] of Object.entries(settings)) {
    for (const [setting, p] of Object.entries(s)) {
      const n = p.singletons.length;
      row(`${topics} / ${setting} / sitrep`, n, corefScores(p.gold, p.predicted));
      row(`${topics} / ${setting} / all singletons`, n, corefScores(p.gold, p.singletons));
    }
  }
  console.log(`sitrep's mentions in the annotated sentences that meet a gold mention: ${sitrepMatched} of ${sitrepMentions}`);
}

function empty(): Partitions {
  return { gold: [], predicted: [], singletons: [] };
}

main();
