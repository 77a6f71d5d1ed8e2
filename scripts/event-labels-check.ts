// Checks hand labels of event candidates against data/annotations/events/GUIDELINE.md:
// every candidate of the matching candidates file labelled once, fields of the right kind,
// modality consistent with `event`, `repeats` naming an earlier true event of the same document.
//
//   npx tsx scripts/event-labels-check.ts data/annotations/events/labels-01.jsonl [...]
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { HandLabel as Label } from './events/corpus.js'; // a type only: the pipeline corpus.ts loads is not imported

export const EVENT_TYPES = [
  'ATTACK', 'CLASH', 'INCURSION', 'AIRSTRIKE', 'DRONE_STRIKE', 'SHELLING', 'EXPLOSION', 'DESTRUCTION', 'CAPTURE',
  'KILLING', 'SEIZE', 'WITHDRAWAL', 'ARREST', 'PROTEST', 'CRASH', 'STATEMENT', 'AGREEMENT', 'SUPPLY',
];
export const EVENT_MODALITIES = ['asserted', 'claimed', 'denied', 'attempted', 'negated', 'future', 'hypothetical'];

/** The problems of one labels file, given its candidates' ids in order. */
export function checkLabels(labels: unknown[], candidateIds: string[]): string[] {
  const problems: string[] = [];
  const known = new Set(candidateIds);
  const seen = new Map<string, Label>();
  labels.forEach((raw, k) => {
    const at = `line ${k + 1}`;
    const l = raw as Label;
    if (!l || typeof l !== 'object' || typeof l.id !== 'string') return void problems.push(`${at}: not an object with an id`);
    if (!known.has(l.id)) problems.push(`${at}: id ${l.id} is not a candidate of this chunk`);
    if (seen.has(l.id)) problems.push(`${at}: ${l.id} labelled twice`);
    if (typeof l.event !== 'boolean') problems.push(`${at}: event must be true or false`);
    if (l.type !== null && !EVENT_TYPES.includes(l.type as string)) problems.push(`${at}: type ${JSON.stringify(l.type)} is not a taxonomy type or null`);
    if (l.event) {
      if (l.type === null) problems.push(`${at}: a true event needs a type`);
      if (!EVENT_MODALITIES.includes(l.modality as string)) problems.push(`${at}: a true event needs a modality of ${EVENT_MODALITIES.join(', ')}`);
      if (l.repeats !== null && l.repeats !== undefined) {
        const first = seen.get(l.repeats);
        const doc = (id: string) => id.split('#')[0];
        if (!first) problems.push(`${at}: repeats ${l.repeats}, which is not an earlier candidate`);
        else if (doc(l.repeats) !== doc(l.id)) problems.push(`${at}: repeats a candidate of another document`);
        else if (!first.event) problems.push(`${at}: repeats ${l.repeats}, which is not labelled an event`);
        else if (first.repeats) problems.push(`${at}: repeats ${l.repeats}, itself a repeat: point to ${first.repeats}`);
      }
    } else if (l.event === false) {
      if (l.repeats) problems.push(`${at}: a non-event repeats nothing`);
      if (l.type === null && l.modality !== null) problems.push(`${at}: a non-event without a type has modality null`);
      if (l.type !== null && l.modality !== 'generic') problems.push(`${at}: a non-event with a type has modality "generic"`);
    }
    if (l.note !== undefined && l.note !== null && typeof l.note !== 'string') problems.push(`${at}: note must be text or null`);
    seen.set(l.id, l);
  });
  const missing = candidateIds.filter((id) => !seen.has(id));
  if (missing.length) problems.push(`${missing.length} candidates not labelled (first: ${missing[0]})`);
  return problems;
}

function main(): void {
  const files = process.argv.slice(2);
  if (!files.length) {
    console.error('usage: npx tsx scripts/event-labels-check.ts data/annotations/events/labels-NN.jsonl [...]');
    process.exit(2);
  }
  let bad = 0;
  for (const file of files) {
    const candidatesFile = join(dirname(file), basename(file).replace(/^labels/, 'candidates'));
    if (!existsSync(file) || !existsSync(candidatesFile)) {
      console.error(`${file}: ${existsSync(file) ? `no ${candidatesFile} beside it` : 'not found'}`);
      bad++;
      continue;
    }
    const ids = readFileSync(candidatesFile, 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { id: string }).id);
    const labels: unknown[] = [];
    const problems: string[] = [];
    readFileSync(file, 'utf8').split('\n').forEach((line, k) => {
      if (!line.trim()) return;
      try {
        labels.push(JSON.parse(line));
      } catch {
        problems.push(`line ${k + 1}: not JSON`);
        labels.push(null);
      }
    });
    problems.push(...checkLabels(labels, ids));
    if (problems.length) {
      bad++;
      console.error(`${file}: ${problems.length} problem(s)`);
      for (const p of problems.slice(0, 50)) console.error(`  ${p}`);
    } else {
      const events = labels.filter((l) => (l as Label).event).length;
      console.log(`${file}: ${labels.length} labels, ${events} events, all well-formed`);
    }
  }
  process.exit(bad ? 1 : 0);
}

if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))) main();
