// npm run eval:casualties: killed and injured per article on GVDB (US local news reports of
// shootings, ../shared/data/gvdb), against the annotators' victim counts. An article's counts
// are the sums over its asserted and claimed events (no number = 0), so an incident told
// twice and not merged, or a figure summed over mentions, shows as a wrong count.
//
//   npx tsx scripts/eval-casualties.ts                 the test articles with counts (data/eval/gvdb-test-casualties.json)
//   npx tsx scripts/eval-casualties.ts --split dev     the dev articles with counts (data/eval/gvdb-dev-casualties.json), to tune on
//   --all                                              with --split dev: every dev article, the ones without counts printed to read by hand
//   --first N                                          only the first N articles of the gold file (--first 43: the dev set the first rules were tuned on)
//   --show                                             print every article, not only the misses
import { readFileSync } from 'node:fs';
import { createPipeline } from '../src/index.js';
import type { DocumentRecord } from '../src/record/record.js';
import { readGvdb } from './events/data.js';

interface GoldCounts {
  doc_key: string;
  killed: number;
  injured: number;
}

const args = process.argv.slice(2);
const split = args.includes('--split') ? (args[args.indexOf('--split') + 1] as 'dev' | 'test') : 'test';
const show = args.includes('--show');
const all = args.includes('--all');
const first = args.includes('--first') ? Number(args[args.indexOf('--first') + 1]) : Infinity;

/** Killed and injured over an article's asserted and claimed events. */
export function articleCounts(record: DocumentRecord): { killed: number; injured: number } {
  let killed = 0;
  let injured = 0;
  for (const e of record.events) {
    if (e.modality !== 'asserted' && e.modality !== 'claimed') continue;
    killed += e.casualties.killed ?? 0;
    injured += e.casualties.injured ?? 0;
  }
  return { killed, injured };
}

/**
 * Killed and injured of the article's own incident, the one its lede tells: the first asserted
 * or claimed event that counts people harmed. An incident the article recalls ("the 2012
 * shooting at the same complex") is an event of its own in the record, and GVDB's annotators
 * count only the incident the article reports.
 */
export function incidentCounts(record: DocumentRecord): { killed: number; injured: number } {
  const e = record.events.find((x) => (x.modality === 'asserted' || x.modality === 'claimed') && (x.casualties.killed !== null || x.casualties.injured !== null));
  return { killed: e?.casualties.killed ?? 0, injured: e?.casualties.injured ?? 0 };
}

function main(): void {
  const goldFile = new URL(`../data/eval/gvdb-${split}-casualties.json`, import.meta.url);
  const goldArticles = (JSON.parse(readFileSync(goldFile, 'utf8')) as { articles: GoldCounts[] }).articles.slice(0, first);
  const gold = new Map(goldArticles.map((a) => [a.doc_key, a]));
  const articles = readGvdb(split).filter((a) => all || gold.has(a.id));
  const pipeline = createPipeline();
  let both = 0;
  let incidentBoth = 0;
  let killedOk = 0;
  let injuredOk = 0;
  const t0 = performance.now();
  for (const a of articles) {
    const record = pipeline.process({ text: a.text, id: a.id, published: a.published, title: null });
    const got = articleCounts(record);
    const g = gold.get(a.id);
    const ok = !!g && got.killed === g.killed && got.injured === g.injured;
    const own = incidentCounts(record);
    if (g && own.killed === g.killed && own.injured === g.injured) incidentBoth++;
    if (g) {
      if (got.killed === g.killed) killedOk++;
      if (got.injured === g.injured) injuredOk++;
      if (ok) both++;
    }
    if (show || (g && !ok) || !g) {
      const events = record.events
        .filter((e) => e.casualties.killed !== null || e.casualties.injured !== null)
        .map((e) => `${e.type}/${e.modality} "${e.trigger.text}" k=${e.casualties.killed ?? '-'} i=${e.casualties.injured ?? '-'}`);
      console.log(`${a.id}\t${g ? `gold k=${g.killed} i=${g.injured}\t` : ''}sitrep k=${got.killed} i=${got.injured}\t${a.title?.slice(0, 60)}\n    ${events.join('\n    ')}`);
    }
  }
  const n = articles.filter((a) => gold.has(a.id)).length;
  const secs = (performance.now() - t0) / 1000;
  if (gold.size) {
    console.log(`\nGVDB ${split}: ${n} articles with counts`);
    console.log(`  killed and injured both equal  ${(both / n).toFixed(3)} (${both} of ${n})`);
    console.log(`  killed equal                   ${(killedOk / n).toFixed(3)} (${killedOk} of ${n})`);
    console.log(`  injured equal                  ${(injuredOk / n).toFixed(3)} (${injuredOk} of ${n})`);
    console.log(`  the lede's incident alone, both equal  ${(incidentBoth / n).toFixed(3)} (${incidentBoth} of ${n})`);
  }
  console.log(`  ${articles.length} articles in ${secs.toFixed(1)} s`);
}

if (process.argv[1]?.endsWith("eval-casualties.ts")) main();
