// npm run eval:places: scores the pipeline's places on data/places/dev.jsonl (built by
// scripts/build-places-dev.ts). For each labelled mention:
//   found      a GPE, LOC or FACILITY entity has a mention overlapping it;
//   50 km      that entity is resolved and its coordinates lie within 50 km of the label's
//              (mentions labelled with coordinates);
//   admin1     that entity's kb.admin1Code is the label's (mentions labelled with an admin1);
//   event      the event location (the first place of each own report): some event's location
//              argument overlaps it.
// Prints the figures overall and by source; --misses prints every miss.
import { readFileSync } from 'node:fs';
import { createPipeline } from '../src/index.js';
import type { DevDoc } from './build-places-dev.js';
import { sharedDocText } from './places-dev-sources.js';
import { distanceKm } from '../src/stages/places/resolver.js';

const showMisses = process.argv.includes('--misses');
const file = new URL('../data/places/dev.jsonl', import.meta.url);
const docs = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as DevDoc);
const pipeline = createPipeline();

interface Tally { n: number; found: number; nGeo: number; geo: number; nAdmin1: number; admin1: number; nEvent: number; event: number }
const blank = (): Tally => ({ n: 0, found: 0, nGeo: 0, geo: 0, nAdmin1: 0, admin1: 0, nEvent: 0, event: 0 });
const tallies = new Map<string, Tally>([['all', blank()]]);
const misses: string[] = [];
let words = 0;
const started = performance.now();

for (const doc of docs) {
  const text = doc.text ?? sharedDocText(doc.source, doc.doc!);
  words += text.split(/\s+/).length;
  const record = pipeline.process({ text, id: doc.id });
  const places = record.entities.filter((e) => e.type === 'GPE' || e.type === 'LOC' || e.type === 'FACILITY');
  const group = doc.source === 'own' ? `own-${doc.id.slice(4, 5)}` : doc.source;
  for (const original of doc.places) {
    const gold = { ...original, ...moved(text, record.text, original) };
    const t = [tallies.get('all')!, tallies.get(group) ?? tallies.set(group, blank()).get(group)!];
    const hit = places.find((e) => e.mentions.some((m) => m.start < gold.end && m.end > gold.start));
    const kb = hit?.kb ?? {};
    const where = `${doc.id} "${gold.mention}"@${original.start}`;
    for (const x of t) x.n++;
    if (hit) for (const x of t) x.found++;
    else misses.push(`not found  ${where}: ${record.text.slice(Math.max(0, gold.start - 40), gold.end + 30).replace(/\s+/g, ' ')}`);
    if (gold.lat !== null && gold.lon !== null) {
      for (const x of t) x.nGeo++;
      const km = kb.resolved === true && typeof kb.lat === 'number' && typeof kb.lon === 'number' ? distanceKm({ lat: gold.lat, lon: gold.lon }, { lat: kb.lat, lon: kb.lon }) : null;
      if (km !== null && km <= 50) for (const x of t) x.geo++;
      else if (hit) misses.push(`${km === null ? 'unresolved' : `${Math.round(km)} km off`}  ${where} → ${hit.name} ${kb.admin1 ?? ''} (${kb.resolution ?? kb.reason ?? ''})`);
    }
    if (gold.admin1) {
      for (const x of t) x.nAdmin1++;
      if (kb.admin1Code === gold.admin1) for (const x of t) x.admin1++;
      else if (hit) misses.push(`admin1 ${String(kb.admin1Code ?? 'none')} ≠ ${gold.admin1}  ${where} → ${hit.name}`);
    }
    if (gold.event) {
      for (const x of t) x.nEvent++;
      const located = record.events.some((e) => e.args.some((a) => a.role === 'location' && a.start < gold.end && a.end > gold.start));
      if (located) for (const x of t) x.event++;
      else misses.push(`event location  ${where}: ${record.events.map((e) => `${e.type}@${e.args.filter((a) => a.role === 'location').map((a) => a.text).join('+') || '-'}`).join(', ') || 'no event'}`);
    }
  }
}

/**
 * The span of a labelled mention in the record's text, which the normalize stage may have
 * changed (whitespace, quotes): the same occurrence of the mention, counted from the start.
 */
function moved(text: string, normalized: string, gold: { start: number; end: number; mention: string }): { start: number; end: number } {
  if (text === normalized) return gold;
  let k = 0;
  for (let at = text.indexOf(gold.mention); at >= 0 && at < gold.start; at = text.indexOf(gold.mention, at + 1)) k++;
  let at = normalized.indexOf(gold.mention);
  for (let i = 0; i < k && at >= 0; i++) at = normalized.indexOf(gold.mention, at + 1);
  return at < 0 ? { start: -1, end: -1 } : { start: at, end: at + gold.mention.length };
}

const seconds = (performance.now() - started) / 1000;
const ratio = (a: number, b: number) => (b ? (a / b).toFixed(3) : 'n/a');
console.log(`places dev set: ${docs.length} documents, ${tallies.get('all')!.n} place mentions, ${Math.round(words / seconds)} words/s`);
console.log('source      mentions  found   50km (n)      admin1 (n)    event location (n)');
for (const [name, t] of tallies) {
  console.log(`${name.padEnd(11)} ${String(t.n).padStart(8)}  ${ratio(t.found, t.n)}  ${ratio(t.geo, t.nGeo)} (${t.nGeo})`.padEnd(44) + `${ratio(t.admin1, t.nAdmin1)} (${t.nAdmin1})`.padEnd(14) + `${ratio(t.event, t.nEvent)} (${t.nEvent})`);
}
if (showMisses) console.log(`\n${misses.join('\n')}`);
