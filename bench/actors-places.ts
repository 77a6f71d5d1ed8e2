// Issue 5's measures, from one run over the development data in ../shared/data:
// - actor sector against the PLOVER gold records' source/target sector codes (CAMEO-style,
//   the first three letters: GOV, MIL, REB, COP, CVL, MED/JRN, BUS, LEG, JUD, OPP, …);
// - the fraction of place (GPE/LOC) mentions resolved, on every text of the dev data.
//
//   npx tsx bench/actors-places.ts
import { existsSync, readFileSync } from 'node:fs';
import { createPipeline } from '../src/index.js';

const data = new URL('../../shared/data/', import.meta.url).pathname;
if (!existsSync(`${data}plover-gsr.jsonl`)) {
  console.error(`no development data at ${data}`);
  process.exit(2);
}
const lines = (file: string) => readFileSync(`${data}${file}`, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
const pipeline = createPipeline();

/** CAMEO-style sector codes → sitrep's sectors; codes with no counterpart are left out of the score. */
const SECTORS: Record<string, string> = {
  GOV: 'government', LEG: 'government', JUD: 'government', ELI: 'government', MIL: 'military', UAF: 'military',
  COP: 'police', SPY: 'intelligence', REB: 'rebels', CVL: 'civilians', CIV: 'civilians', REF: 'civilians',
  MED: 'media', JRN: 'media', BUS: 'business', PTY: 'party', OPP: 'party', CRM: 'criminal',
};

interface Actor { actorText: string; sector?: string }
let sectorSupport = 0;
let sectorFound = 0;
let sectorRight = 0;
for (const row of lines('plover-gsr.jsonl')) {
  const record = pipeline.process({ text: String(row.text) });
  const args = record.events.flatMap((e) => e.args.filter((a) => a.role === 'agent' || a.role === 'target'));
  const actors = [...((row.source as Actor[] | null) ?? []), ...(Array.isArray(row.target) ? (row.target as Actor[]) : [])];
  for (const actor of actors) {
    const want = SECTORS[(actor.sector ?? '').slice(0, 3)];
    if (!want) continue;
    sectorSupport++;
    const words = actor.actorText.toLowerCase().split(/\W+/).filter((w) => w.length > 2);
    const arg = args.find((a) => words.some((w) => a.text.toLowerCase().includes(w)));
    if (!arg?.kb?.sector) continue;
    sectorFound++;
    if (arg.kb.sector === want || (want === 'rebels' && arg.kb.sector === 'militia')) sectorRight++;
  }
}

let mentions = 0;
let resolved = 0;
const unresolved = new Map<string, number>();
for (const row of [...lines('giveme5w1h.jsonl'), ...lines('plover-gsr.jsonl')]) {
  const record = pipeline.process({ text: String(row.text), published: typeof row.published === 'string' ? row.published : null });
  for (const e of record.entities) {
    if (e.type !== 'GPE' && e.type !== 'LOC') continue;
    mentions += e.mentions.length;
    if (e.kb?.resolved) resolved += e.mentions.length;
    else unresolved.set(e.name, (unresolved.get(e.name) ?? 0) + e.mentions.length);
  }
}

const pct = (a: number, b: number) => (b ? `${((a / b) * 100).toFixed(1)}%` : '—');
console.log(`actor sector vs PLOVER  found ${sectorFound} of ${sectorSupport} coded actors (${pct(sectorFound, sectorSupport)}); right ${sectorRight} of ${sectorFound} found (${pct(sectorRight, sectorFound)})`);
console.log(`places resolved         ${resolved} of ${mentions} GPE/LOC mentions (${pct(resolved, mentions)})`);
console.log(`unresolved              ${[...unresolved].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([n, k]) => `${n} (${k})`).join(', ') || 'none'}`);
