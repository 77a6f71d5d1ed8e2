// Where sitrep link loses on ECB+: per-metric precision and recall, and the gold links it misses
// and the links it makes wrongly, counted as pairs of events and sorted by what the two events
// have: another type, no date, no place, places or dates apart, or all agreeing.
// tsx bench/link-errors.ts [--topics 8,12] [--examples]
import { collect, goldPartition, linkedScored, VIOLENT_TOPICS, type Setting } from './link-ecbplus.js';
import { corefScores } from '../src/eval/coref.js';
import type { CodedEvent } from '../src/export/coded.js';

const arg = (name: string) => process.argv[process.argv.indexOf(name) + 1];
const topics = process.argv.includes('--topics') ? arg('--topics')!.split(',').map(Number) : VIOLENT_TOPICS;

function describePair(a: CodedEvent, b: CodedEvent): string {
  if (a.event_type !== b.event_type) return a.event_type.startsWith('none:') || b.event_type.startsWith('none:') ? 'untyped' : 'type differs';
  const parts: string[] = [a.doc_id === b.doc_id ? 'same doc' : 'cross doc'];
  const day = (e: CodedEvent) => e.event_date ?? e.published;
  parts.push(day(a) && day(b) ? (day(a) === day(b) ? 'same day' : 'other day') : day(a) || day(b) ? 'one dated' : 'undated');
  parts.push(a.places.length && b.places.length ? 'both placed' : a.places.length || b.places.length ? 'one placed' : 'unplaced');
  const names = (e: CodedEvent) => new Set([...e.actors1, ...e.actors2].map((x) => x.name.toLowerCase()));
  const na = names(a);
  parts.push([...names(b)].some((n) => na.has(n)) ? 'shared actor' : 'no shared actor');
  return parts.join(', ');
}

function analyse(name: string, s: Setting) {
  const predicted = linkedScored(s);
  const untyped = new Set(s.events.filter((e) => e.event_type.startsWith('none:')).map((e) => e.id));
  const sc = corefScores(goldPartition(s.chains), predicted);
  const f = (x: number | null) => (x === null ? '—' : (100 * x).toFixed(1));
  console.log(`\n== ${name}: ${s.chains.size} events scored; CoNLL ${f(sc.conll)}`);
  for (const m of ['muc', 'b3', 'ceafe'] as const) console.log(`  ${m.padEnd(6)} P ${f(sc[m].p)}  R ${f(sc[m].r)}  F ${f(sc[m].f)}`);
  // the best any linker can do on these events: the gold chains, with the events sitrep could not type alone
  const oracle = [...new Map([...s.chains].filter(([id]) => !untyped.has(id)).map(([, c]) => [c, [] as string[]])).keys()].map((c) => [...s.chains].filter(([id, x]) => x === c && !untyped.has(id)).map(([id]) => id));
  const ceiling = corefScores(goldPartition(s.chains), [...oracle, ...[...untyped].map((id) => [id])]);
  console.log(`  ceiling with these types (untyped events alone, the rest as gold): CoNLL ${f(ceiling.conll)} (MUC ${f(ceiling.muc.f)}, B³ ${f(ceiling.b3.f)}, CEAF-e ${f(ceiling.ceafe.f)}); ${untyped.size} untyped`);
  const cluster = new Map<string, number>();
  predicted.forEach((c, i) => c.forEach((id) => cluster.set(id, i)));
  const missed = new Map<string, number>();
  const wrong = new Map<string, number>();
  let goldLinks = 0;
  let found = 0;
  const ev = s.events.filter((e) => s.chains.has(e.id));
  const examples: string[] = [];
  for (let i = 0; i < ev.length; i++) {
    for (let j = i + 1; j < ev.length; j++) {
      const a = ev[i]!;
      const b = ev[j]!;
      const same = s.chains.get(a.id) === s.chains.get(b.id);
      const joined = cluster.get(a.id) === cluster.get(b.id);
      if (same) goldLinks++;
      if (same && joined) found++;
      if (same && !joined) missed.set(describePair(a, b), (missed.get(describePair(a, b)) ?? 0) + 1);
      if (!same && joined) {
        const key = `${s.topics.get(a.id) === s.topics.get(b.id) ? 'same topic' : 'OTHER TOPIC'}; ${describePair(a, b)}`;
        wrong.set(key, (wrong.get(key) ?? 0) + 1);
        if (examples.length < 30 && Math.random() < 0.05) examples.push(`  WRONG ${a.trigger.text} | ${a.notes.slice(0, 100)}\n     vs ${b.trigger.text} | ${b.notes.slice(0, 100)}`);
      }
    }
  }
  const sum = (m: Map<string, number>) => [...m.values()].reduce((x, y) => x + y, 0);
  console.log(`  gold links (pairs) ${goldLinks}, found ${found}; wrong links ${sum(wrong)}, ${[...wrong].filter(([k]) => k.startsWith('OTHER')).reduce((x, [, v]) => x + v, 0)} of them across topics`);
  const show = (title: string, m: Map<string, number>) => {
    console.log(`  ${title}:`);
    for (const [k, v] of [...m].sort((x, y) => y[1] - x[1]).slice(0, 14)) console.log(`    ${String(v).padStart(6)}  ${k}`);
  };
  show('missed gold links', missed);
  show('wrong links', wrong);
  if (process.argv.includes('--examples')) console.log(examples.join('\n'));
}

const { gold, sitrep } = collect(topics);
analyse("sitrep's events", sitrep);
analyse('gold mentions', gold);
