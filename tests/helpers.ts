// Shared by the tests: one pipeline per test file, and matchers that compare extracted
// records with facts a person wrote down.
import { createPipeline, type DocumentRecord } from '../src/index.js';

let shared: ReturnType<typeof createPipeline> | null = null;
export function pipeline() {
  shared ??= createPipeline();
  return shared;
}

export interface ExpectedEvent {
  type: string;
  trigger?: string;
  modality?: string;
  agent?: string;
  target?: string;
  location?: string;
  instrument?: string;
  source?: string;
  date?: string;
  killed?: number;
  injured?: number;
  captured?: number;
}

export interface Expectations {
  events?: ExpectedEvent[];
  quantities?: Array<{ text: string; value: number | null; item: string; approximate: boolean }>;
  dates?: Array<{ text: string; value: string }>;
  entities?: Array<{ text: string; type: string }>;
  noEvents?: boolean;
}

const core = (s: string) => s.toLowerCase().replace(/^(the|a|an)\s+/, '').trim();
/** An extracted span names the expected thing when it contains it ("Belgorod region" ⊇ "Belgorod"). */
export const names = (got: string, want: string) => core(got).includes(core(want));

/** Every fact of `expect` that the record fails, as readable lines; empty when all hold. */
export function unmetFacts(record: DocumentRecord, expect: Expectations): string[] {
  const problems: string[] = [];
  const mentionsOf = (id: string | null) => record.entities.find((e) => e.id === id)?.mentions.map((m) => m.text) ?? [];
  for (const want of expect.events ?? []) {
    const candidates = record.events.filter((e) => e.type === want.type);
    if (candidates.length === 0) {
      problems.push(`no ${want.type} event (got ${record.events.map((e) => `${e.type}:${e.trigger.text}`).join(', ') || 'none'})`);
      continue;
    }
    const misses = candidates.map((event) => {
      const miss: string[] = [];
      const arg = (role: string, value: string | undefined) => {
        if (value === undefined) return;
        const args = event.args.filter((a) => a.role === role);
        if (!args.some((a) => names(a.text, value))) miss.push(`${role} "${value}" (got ${args.map((a) => `"${a.text}"`).join(', ') || 'none'})`);
      };
      if (want.trigger && !names(event.trigger.text, want.trigger) && !names(want.trigger, event.trigger.text)) miss.push(`trigger "${want.trigger}" (got "${event.trigger.text}")`);
      if (want.modality && event.modality !== want.modality) miss.push(`modality ${want.modality} (got ${event.modality})`);
      arg('agent', want.agent);
      arg('target', want.target);
      arg('location', want.location);
      arg('instrument', want.instrument);
      if (want.source !== undefined && !mentionsOf(event.source).some((m) => names(m, want.source!))) miss.push(`source "${want.source}" (got ${JSON.stringify(mentionsOf(event.source))})`);
      if (want.date !== undefined && event.date !== want.date) miss.push(`date ${want.date} (got ${event.date})`);
      for (const key of ['killed', 'injured', 'captured'] as const) {
        if (want[key] !== undefined && event.casualties[key] !== want[key]) miss.push(`${key} ${want[key]} (got ${event.casualties[key]})`);
      }
      return miss;
    });
    const best = misses.sort((a, b) => a.length - b.length)[0]!;
    if (best.length) problems.push(`${want.type}: ${best.join('; ')}`);
  }
  for (const want of expect.quantities ?? []) {
    const q = record.quantities.find((x) => x.text === want.text);
    if (!q) problems.push(`no quantity "${want.text}" (got ${record.quantities.map((x) => `"${x.text}"`).join(', ') || 'none'})`);
    else if (q.value !== want.value || q.item !== want.item || q.approximate !== want.approximate) {
      problems.push(`quantity "${want.text}": want ${want.value} × ${want.item}${want.approximate ? ' (approx.)' : ''}, got ${q.value} × ${q.item}${q.approximate ? ' (approx.)' : ''}`);
    }
  }
  const dates = record.entities.filter((e) => e.type === 'DATE');
  for (const want of expect.dates ?? []) {
    const hit = dates.find((e) => e.mentions.some((m) => names(m.text, want.text) || names(want.text, m.text)) && e.kb?.value === want.value);
    if (!hit) problems.push(`date "${want.text}" = ${want.value} (got ${dates.map((e) => `${e.mentions.map((m) => m.text).join('/')}=${e.kb?.value}`).join(', ') || 'none'})`);
  }
  for (const want of expect.entities ?? []) {
    const hit = record.entities.find((e) => e.type === want.type && e.mentions.some((m) => m.text === want.text));
    if (!hit) {
      const near = record.entities.filter((e) => e.mentions.some((m) => names(m.text, want.text) || names(want.text, m.text)));
      problems.push(`entity ${want.type} "${want.text}" (got ${near.map((e) => `${e.type} ${e.mentions.map((m) => m.text).join('/')}`).join(', ') || 'none'})`);
    }
  }
  if (expect.noEvents && record.events.length) problems.push(`no events expected (got ${record.events.map((e) => `${e.type}:${e.trigger.text}`).join(', ')})`);
  return problems;
}
