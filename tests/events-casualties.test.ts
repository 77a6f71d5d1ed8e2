// Casualties: how many were killed, injured or captured, and which event they belong to.
import { describe, expect, it } from 'vitest';
import { countCasualties } from '../src/stages/events/casualties.js';
import { readSentence } from './events-harness.js';
import { pipeline } from './helpers.js';

const count = (text: string) => {
  const view = readSentence(text);
  return countCasualties(view.doc, view.know.people, view.toks, view.phrases, view.cues.casualty);
};

describe('event casualties', () => {
  it('counts the killed and the wounded of a sentence', () => {
    expect(count('An airstrike killed 12 civilians and wounded 30 others.')).toEqual({ killed: 12, injured: 30, captured: null });
  });

  it('counts one person named by an article', () => {
    expect(count('Soldiers shot dead a young man at a checkpoint.').killed).toBe(1);
  });

  it('counts the captured', () => {
    expect(count('Bandits kidnapped 20 passengers on the highway.').captured).toBe(20);
  });

  it('gives the deaths of an attack to the attack, not to an event of their own', () => {
    const record = pipeline().process({ text: 'Gunmen attacked a market in the town, killing four traders.', published: '2024-05-10' });
    expect(record.events.map((e) => e.type)).toEqual(['ATTACK']);
    expect(record.events[0]!.casualties.killed).toBe(4);
  });

  it('counts no casualties for a statement', () => {
    const record = pipeline().process({ text: 'The president condemned the killing of five soldiers.', published: '2024-05-10' });
    const statement = record.events.find((e) => e.type === 'STATEMENT');
    expect(statement?.casualties).toEqual({ killed: null, injured: null, captured: null });
  });
});
