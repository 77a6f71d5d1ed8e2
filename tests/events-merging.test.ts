// Merging: one real incident is one event.
import { describe, expect, it } from 'vitest';
import type { Draft } from '../src/stages/events/frame.js';
import { absorb, uniqueArgs } from '../src/stages/events/merging.js';
import { pipeline } from './helpers.js';

const draft = (args: Draft['event']['args'], date: string | null = null): Draft => ({
  event: {
    id: '', type: 'ATTACK', trigger: { text: 'attack', start: 0, end: 6 }, sentence: 0, modality: 'asserted', source: null,
    args, date, casualties: { killed: null, injured: 3, captured: null }, mappings: { acled: { event_type: '', sub_event_type: '' }, plover: '' },
  },
  lemma: 'attack',
  agentAnaphoric: false,
  nominal: true,
});
const arg = (role: Draft['event']['args'][number]['role'], text: string, start: number) => ({ role, text, start, end: start + text.length, ref: null });

describe('event merging', () => {
  it('adds a later "the attack" to the attack told before', () => {
    const text = 'Militants attacked a village in Borno on Sunday. The attack drew condemnation from the governor.';
    const record = pipeline().process({ text, published: '2024-05-10' });
    const attacks = record.events.filter((e) => e.type === 'ATTACK');
    expect(attacks).toHaveLength(1);
    expect(attacks[0]!.args.find((a) => a.role === 'location')?.text).toBe('Borno');
  });

  it('reads "Russian shelling hit the town" as one shelling', () => {
    const record = pipeline().process({ text: 'Russian shelling hit the town of Vovchansk overnight.', published: '2024-05-10' });
    expect(record.events.map((e) => e.type)).toEqual(['SHELLING']);
  });

  it('absorbs a retelling: the first keeps its agent, takes new arguments, date and casualties', () => {
    const into = draft([arg('agent', 'rebels', 0)]);
    const from = draft([arg('agent', 'they', 50), arg('target', 'the base', 60)], '2024-05-01');
    from.event.casualties = { killed: 2, injured: 9, captured: null };
    absorb(into, from);
    expect(into.event.args.map((a) => a.text)).toEqual(['rebels', 'the base']);
    expect(into.event.date).toBe('2024-05-01');
    expect(into.event.casualties).toEqual({ killed: 2, injured: 3, captured: null });
  });

  it('keeps the longest of arguments of one role that overlap', () => {
    const d = draft([arg('instrument', 'a powerful truck', 10), arg('instrument', 'truck', 21), arg('target', 'truck', 21)]);
    uniqueArgs([d]);
    expect(d.event.args.map((a) => `${a.role}:${a.text}`)).toEqual(['instrument:a powerful truck', 'target:truck']);
  });
});
