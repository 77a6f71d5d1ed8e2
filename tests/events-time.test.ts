// Time: the date of an event, not of the statement that reports it.
import { describe, expect, it } from 'vitest';
import { datesSpeech, eventTime } from '../src/stages/events/time.js';
import { makeFrame } from '../src/stages/events/frame.js';
import { readSentence } from './events-harness.js';

describe('event time', () => {
  it('dates an event by the date nearest its trigger', () => {
    // 10 May 2024 was a Friday: the Tuesday before it is the 7th
    const view = readSentence('Gunmen killed three villagers on Tuesday.');
    const f = makeFrame(view, view.hit('killed'), false, false);
    expect(eventTime(f, 'KILLING')).toBe('2024-05-07');
    expect(f.args.filter((a) => a.role === 'time').map((a) => a.text)).toEqual(['Tuesday']);
  });

  it('does not date a deed by the date of a relative clause on a noun before it, but keeps the date of what is said', () => {
    const vow = readSentence('The junta that seized power in a coup in 2022 has vowed to retake the north.');
    expect(eventTime(makeFrame(vow, vow.hit('vowed'), false, false), 'STATEMENT')).toBeNull();
    const said = readSentence('Officials said that troops attacked the village on Tuesday and killed five people.');
    expect(eventTime(makeFrame(said, said.hit('killed'), false, false), 'KILLING')).toBe('2024-05-07');
  });

  it('does not date a deed by the day it was spoken of', () => {
    const view = readSentence('Gunmen killed three villagers, police said on Thursday.');
    const thursday = view.phrases.find((p) => p.kind === 'date')!;
    expect(datesSpeech(thursday, view.toks, view.cues.speech)).toBe(true);
    const f = makeFrame(view, view.hit('killed'), false, false);
    expect(eventTime(f, 'KILLING')).toBeNull();
  });

  it('does not date a deed by the start of a span ("since 2015")', () => {
    const view = readSentence('Russia, which has fought alongside the regime since 2015, called for the coalition to leave.');
    const f = makeFrame(view, view.hit('called for'), false, false);
    expect(eventTime(f, 'STATEMENT')).toBeNull();
  });

  it('dates a statement by the day it was made', () => {
    const view = readSentence('The ministry condemned the attack on Thursday.');
    const f = makeFrame(view, view.hit('condemned'), false, false);
    expect(eventTime(f, 'STATEMENT')).toBe('2024-05-09');
  });
});
