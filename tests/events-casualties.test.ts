// Casualties: how many were killed, injured or captured, and which event they belong to.
import { describe, expect, it } from 'vitest';
import { countCasualties } from '../src/stages/events/casualties.js';
import { readSentence } from './events-harness.js';
import { pipeline } from './helpers.js';

const count = (text: string) => {
  const view = readSentence(text);
  return countCasualties(view.doc, view.know.people, view.toks, view.phrases);
};

describe('event casualties', () => {
  it('counts the killed and the wounded of a sentence', () => {
    expect(count('An airstrike killed 12 civilians and wounded 30 others.')).toEqual({ killed: 12, injured: 30, captured: null });
  });

  it('counts one person named by an article', () => {
    expect(count('Soldiers shot dead a young man at a checkpoint.').killed).toBe(1);
  });

  it('gives a count to the verb it is the object of: "displaced 5,000 people and killed scores of civilians" killed no 5,000', () => {
    const c = count('The offensive displaced 5,000 people and killed scores of civilians in the valley.');
    expect(c.killed).not.toBe(5000);
    expect(count('Militias evacuated 300 families and wounded two guards.')).toEqual({ killed: null, injured: 2, captured: null });
  });

  it('counts the whole and not the part: "At least 14 civilians including three children were killed" is 14', () => {
    expect(count('At least 14 civilians including three children were killed in the raid.').killed).toBe(14);
    expect(count('Nine soldiers, among them two officers, died in the ambush.').killed).toBe(9);
  });

  it('reads the subject of a passive or intransitive casualty verb', () => {
    expect(count('Eleven villagers were killed when the shell hit.').killed).toBe(11);
    expect(count('An 18-year-old man was shot and killed outside a store.').killed).toBe(1);
    expect(count('A 40-year-old woman was shot in the leg near the bridge.')).toEqual({ killed: null, injured: 1, captured: null });
    expect(count('Two guards were fatally shot at the gate.').killed).toBe(2);
  });

  it('counts no one for a gunman or an officer who shoots', () => {
    expect(count('A gunman shot at a passing car on the highway.')).toEqual({ killed: null, injured: null, captured: null });
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
