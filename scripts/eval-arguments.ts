// npm run eval:arguments — who did what to whom (issue 20): the event arguments of the events
// stage against WikiEvents' human-coded arguments (../shared/data/wikievents), for the gold
// events of the five measured types (Conflict.Attack, Life.Die, Life.Injure,
// Justice.ArrestJailDetain, Conflict.Demonstrate; scripts/events/corpus.ts).
//
//   npm run eval:arguments                 dev (tune on this)
//   npm run eval:arguments -- --split test the test split (report once)
//   --show                                 print every error with its sentence, to read
//
// A gold event is found when a sitrep event's trigger, or one of the mentions merged into it,
// overlaps its trigger (whatever the type), else by the sitrep event of its sentence (sitrep
// counts "…, killing two soldiers" as the casualties of the attack, not as an event). Its gold arguments are mapped to sitrep's roles:
// Attacker, Killer, Injurer, Jailer, Demonstrator → agent; Target, Victim, Detainee → target
// (a victim may also be sitrep's `casualties`, the dead of a killing merged into an attack);
// Instrument, ExplosiveDevice → instrument; Place → location. A sitrep argument matches a gold
// one when their spans overlap (WikiEvents marks the head word: "general" in "a Russian major
// general"); the data has no entity coreference, so a pronoun matches only itself. Every
// WikiEvents argument lies in its trigger's sentence, so the sitrep arguments scored are those
// of the found event in that sentence (a merged record also holds its other mentions'
// arguments). Precision: sitrep arguments that match a gold argument of their role, over all
// sitrep arguments of that role; recall: gold arguments matched by a sitrep argument of their
// role, over all gold arguments (of found events, and of all events).
import type { ArgRole, Event, EventArg } from '../src/doc.js';
import { alignSpans, getTools, measuredGroup } from './events/corpus.js';
import { readWikiEvents, type WikiEvent } from './events/data.js';

type Measured = 'agent' | 'target' | 'instrument' | 'location';
const MEASURED: Measured[] = ['agent', 'target', 'instrument', 'location'];

/** WikiEvents roles as sitrep's; the roles a sitrep argument may carry to count as right. */
const ROLE_OF: Record<string, Measured> = {
  Attacker: 'agent', Killer: 'agent', Injurer: 'agent', Jailer: 'agent', Demonstrator: 'agent',
  Target: 'target', Victim: 'target', Detainee: 'target',
  Instrument: 'instrument', ExplosiveDevice: 'instrument',
  Place: 'location',
};
const SITREP_ROLES: Record<Measured, ArgRole[]> = { agent: ['agent'], target: ['target', 'casualties'], instrument: ['instrument'], location: ['location'] };
const measuredOf = (role: ArgRole): Measured | undefined => MEASURED.find((m) => SITREP_ROLES[m].includes(role));

interface Span {
  start: number;
  end: number;
}
const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

type Outcome = 'right' | 'wrong role' | 'wrong span' | 'missed' | 'event not found';

interface Tally {
  /** per measured role: sitrep arguments, those right, gold arguments, gold of found events, gold matched */
  roles: Record<Measured, { pred: number; predRight: number; gold: number; goldFound: number; goldRight: number }>;
  /** per WikiEvents role: how each gold argument fared */
  gold: Map<string, Map<Outcome, number>>;
  spurious: Map<Measured, number>;
  events: { gold: number; found: Map<FoundBy, number> };
  lines: string[];
}

function newTally(): Tally {
  const roles = Object.fromEntries(MEASURED.map((m) => [m, { pred: 0, predRight: 0, gold: 0, goldFound: 0, goldRight: 0 }])) as Tally['roles'];
  return { roles, gold: new Map(), spurious: new Map(), events: { gold: 0, found: new Map() }, lines: [] };
}

type FoundBy = 'trigger' | 'merged mention' | 'sentence';

/**
 * The sitrep event that tells the gold event: its trigger, or a mention merged into it, overlaps
 * the gold trigger; else the event of the same sentence whose trigger is nearest, or one with
 * arguments in that sentence (sitrep tells "…, killing two soldiers" and the casualty sentence
 * after an attack as the attack's casualties, not as events of their own).
 */
function eventAt(events: Event[], trigger: Span, sentence: Span): { event: Event; by: FoundBy } | undefined {
  const inSentence = (x: Span) => x.start >= sentence.start && x.end <= sentence.end;
  const byTrigger = events.find((e) => overlaps(e.trigger, trigger));
  if (byTrigger) return { event: byTrigger, by: 'trigger' };
  const byMention = events.find((e) => e.mentions?.some((m) => overlaps(m, trigger)));
  if (byMention) return { event: byMention, by: 'merged mention' };
  const distance = (e: Event) => Math.min(...[e.trigger, ...(e.mentions ?? [])].filter(inSentence).map((m) => Math.abs(m.start - trigger.start)), Infinity);
  const near = [...events].sort((a, b) => distance(a) - distance(b))[0];
  if (near && distance(near) < Infinity) return { event: near, by: 'sentence' };
  const holding = events.find((e) => e.args.some((a) => measuredOf(a.role) && inSentence(a)));
  return holding ? { event: holding, by: 'sentence' } : undefined;
}

/** A gold event's arguments and trigger moved onto the normalized text (spans not found are dropped). */
function alignEvent(original: string, normalized: string, g: WikiEvent): { trigger: Span | undefined; args: Array<WikiEvent['args'][number] & { text: string }> } {
  const spans = [{ ...g.trigger, key: -1 }, ...g.args.map((a, k) => ({ ...a, key: k }))];
  const aligned = alignSpans(original, normalized, spans);
  const trigger = aligned.find((s) => s.key === -1);
  const args = aligned.filter((s) => s.key >= 0).map((s) => ({ ...g.args[s.key]!, start: s.start, end: s.end, text: normalized.slice(s.start, s.end) }));
  return { trigger, args };
}

const bump = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);

type GoldArg = ReturnType<typeof alignEvent>['args'][number];
const describe = (a: EventArg) => `${a.role} "${a.text}"`;
const argsIn = (e: Event | undefined, sentence: Span) => (e?.args ?? []).filter((a) => measuredOf(a.role) && a.start >= sentence.start && a.end <= sentence.end);

/** Recall: how each gold argument of a gold event fared; returns the lines that tell its errors. */
function scoreGold(t: Tally, args: GoldArg[], predicted: EventArg[], found: boolean): string[] {
  const errors: string[] = [];
  for (const a of args) {
    const role = ROLE_OF[a.role]!;
    t.roles[role].gold++;
    let outcome: Outcome = 'event not found';
    if (found) {
      t.roles[role].goldFound++;
      const over = predicted.filter((p) => overlaps(p, a));
      if (over.some((p) => SITREP_ROLES[role].includes(p.role))) outcome = 'right';
      else if (over.length) outcome = 'wrong role';
      else if (predicted.some((p) => SITREP_ROLES[role].includes(p.role))) outcome = 'wrong span';
      else outcome = 'missed';
      if (outcome === 'right') t.roles[role].goldRight++;
      else errors.push(`  ${outcome}: ${a.role} "${a.text}"${over.length ? ` (sitrep: ${over.map(describe).join(', ')})` : ''}`);
    }
    const byRole = t.gold.get(a.role) ?? new Map<Outcome, number>();
    bump(byRole, outcome);
    t.gold.set(a.role, byRole);
  }
  return errors;
}

/**
 * Precision: each sitrep argument of the event in the sentence counted once, against the
 * gold arguments of every gold event of that sentence it tells ("attacked …, killing …" is one
 * sitrep record for an Attack and a Die).
 */
function scorePredicted(t: Tally, predicted: EventArg[], gold: GoldArg[]): string[] {
  const errors: string[] = [];
  for (const p of predicted) {
    const role = measuredOf(p.role)!;
    t.roles[role].pred++;
    if (gold.some((a) => ROLE_OF[a.role] === role && overlaps(p, a))) t.roles[role].predRight++;
    else if (!gold.some((a) => overlaps(p, a))) {
      bump(t.spurious, role);
      errors.push(`  spurious: ${describe(p)}`);
    }
  }
  return errors;
}

interface Scored {
  g: WikiEvent;
  trigger: Span;
  args: GoldArg[];
  sentence: Span;
  found: { event: Event; by: FoundBy } | undefined;
}

function scoreDocument(t: Tally, text: string, items: Scored[]): void {
  const groups = new Map<string, Scored[]>();
  for (const x of items) {
    const key = x.found ? `${x.found.event.id}@${x.sentence.start}` : `none:${x.g.id}`;
    groups.set(key, [...(groups.get(key) ?? []), x]);
  }
  for (const group of groups.values()) {
    const { found, sentence } = group[0]!;
    const predicted = argsIn(found?.event, sentence);
    t.lines.push(`${found ? `sitrep ${found.event.type} "${found.event.trigger.text}" (${found.by})` : 'no sitrep event'}`, `  | ${text.slice(sentence.start, sentence.end).replace(/\s+/g, ' ')}`);
    for (const x of group) {
      t.lines.push(`  gold ${x.g.id} ${x.g.type} "${text.slice(x.trigger.start, x.trigger.end)}"`, ...scoreGold(t, x.args, predicted, !!found));
    }
    t.lines.push(...scorePredicted(t, predicted, group.flatMap((x) => x.args)));
  }
}

function tallySplit(split: 'dev' | 'test'): Tally {
  const t = newTally();
  const pipeline = getTools().withEvents;
  for (const a of readWikiEvents(split)) {
    const doc = pipeline.process({ text: a.text, id: a.id, title: a.title, published: a.published });
    const items: Scored[] = [];
    for (const g of a.events) {
      if (measuredGroup(g.type) < 0) continue;
      const gold = alignEvent(a.text, doc.text, g);
      const trigger = gold.trigger;
      const sentence = trigger && doc.sentences.find((x) => x.start <= trigger.start && x.end > trigger.start);
      if (!trigger || !sentence) continue;
      t.events.gold++;
      const found = eventAt(doc.events, trigger, sentence);
      if (found) bump(t.events.found, found.by);
      items.push({ g, trigger, args: gold.args.filter((x) => ROLE_OF[x.role]), sentence, found });
    }
    scoreDocument(t, doc.text, items);
  }
  return t;
}

const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);
const fmt = (x: number) => x.toFixed(3);

function report(split: string, t: Tally, show: boolean): void {
  if (show) for (const line of t.lines) console.log(line);
  console.log(`\nWikiEvents ${split}: ${t.events.gold} gold events of the five types, ${[...t.events.found.values()].reduce((x, y) => x + y, 0)} found by a sitrep event (${[...t.events.found].map(([by, n]) => `${n} by ${by}`).join(', ')})`);
  console.log('| role | gold | sitrep | P | R (found events) | F (found events) | R (all events) | F (all events) |');
  console.log('|---|---|---|---|---|---|---|---|');
  const sum = { pred: 0, predRight: 0, gold: 0, goldFound: 0, goldRight: 0 };
  const row = (name: string, x: typeof sum) => {
    const p = x.pred ? x.predRight / x.pred : 0;
    const rFound = x.goldFound ? x.goldRight / x.goldFound : 0;
    const rAll = x.gold ? x.goldRight / x.gold : 0;
    console.log(`| ${name} | ${x.gold} | ${x.pred} | ${fmt(p)} (${x.predRight}/${x.pred}) | ${fmt(rFound)} (${x.goldRight}/${x.goldFound}) | ${fmt(f1(p, rFound))} | ${fmt(rAll)} | ${fmt(f1(p, rAll))} |`);
  };
  for (const m of MEASURED) {
    row(m, t.roles[m]);
    for (const k of Object.keys(sum) as Array<keyof typeof sum>) sum[k] += t.roles[m][k];
  }
  row('all four', sum);
  const outcomes: Outcome[] = ['right', 'wrong role', 'wrong span', 'missed', 'event not found'];
  console.log(`\nGold arguments by WikiEvents role, and how they fared`);
  console.log(`| role | ${outcomes.join(' | ')} |`);
  console.log(`|---|${outcomes.map(() => '---').join('|')}|`);
  for (const [role, m] of [...t.gold].sort((a, b) => [...b[1].values()].reduce((x, y) => x + y, 0) - [...a[1].values()].reduce((x, y) => x + y, 0))) {
    console.log(`| ${role} | ${outcomes.map((o) => m.get(o) ?? 0).join(' | ')} |`);
  }
  console.log(`\nsitrep arguments overlapping no gold argument of the event: ${MEASURED.map((m) => `${m} ${t.spurious.get(m) ?? 0}`).join(', ')}`);
}

const argv = process.argv.slice(2);
const split = argv.includes('--split') ? (argv[argv.indexOf('--split') + 1] as 'dev' | 'test') : 'dev';
report(split, tallySplit(split), argv.includes('--show'));
