// What a raid does, told by a list of verbs: "stormed the village, shot residents and torched
// their homes". The verbs share the raid's subject, the shooting is the raid's, and what each
// verb did to whom is read past its complement ("hacked to death four farmers"). Found on coded
// notes in the ACLED style written for the purpose (data/eval/acled-notes/dev2.csv, dev3.csv);
// the sentences here are this file's own.
import { describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../src/record/record.js';
import { pipeline } from './helpers.js';

const events = (text: string) => pipeline().process({ text, published: '2024-05-10' }).events;
const of = (e: DocumentRecord['events'][number] | undefined, role: string) => (e?.args ?? []).filter((a) => a.role === role).map((a) => a.text);
const byTrigger = (text: string, trigger: string) => events(text).find((e) => e.trigger.text === trigger);

describe('raids told by a list of verbs', () => {
  it('reads "shot" after "and" or a comma as a verb, and the shooting as the raid\'s', () => {
    const list = events('Militiamen stormed the village of Kara and shot 7 residents.');
    expect(list.map((e) => e.type)).toEqual(['INCURSION']);
    expect(list[0]!.mentions?.map((m) => m.text)).toEqual(['shot']);
    expect(of(list[0], 'target')).toContain('7 residents');
    expect(list[0]!.casualties.injured).toBe(7);
    expect(list[0]!.mappings.acled).toEqual({ event_type: 'Violence against civilians', sub_event_type: 'Attack' });
    // a shot that is a noun stays one: "a warning shot", "shot wounds"
    expect(events('The guard fired a warning shot and the crowd dispersed.').some((e) => e.trigger.text === 'shot')).toBe(false);
  });

  it('gives every verb of the list the subject of the first, not the object of the one before', () => {
    const text = 'On 3 May, armed bandits entered the market town, gunned down 5 traders and set ablaze several shops.';
    expect(of(byTrigger(text, 'set ablaze'), 'agent')).toEqual(['armed bandits']);
    expect(of(byTrigger(text, 'entered'), 'agent')).toEqual(['armed bandits']);
  });

  it('finds the torching after a storming: "stormed" tells no storm', () => {
    const text = 'Gunmen stormed the hamlet, shot two herders and torched their huts.';
    expect(byTrigger(text, 'torched')?.type).toBe('DESTRUCTION');
    expect(of(byTrigger(text, 'torched'), 'agent')).toEqual(['Gunmen']);
  });

  it('reads the object after "to death" and "for ransom"', () => {
    expect(of(byTrigger('Militiamen hacked to death three farmers near the river.', 'hacked'), 'target')).toEqual(['three farmers']);
    expect(of(byTrigger('Gang members kidnapped for ransom six passengers of a bus.', 'kidnapped'), 'target')).toContain('six passengers');
  });

  it('keeps a verb listed after a comma a verb, and a participle before a subject\'s verb a description', () => {
    const text = 'Rioters smashed windows, looted shops and burned cars in the old town.';
    expect(byTrigger(text, 'looted')?.type).toBe('DESTRUCTION');
    expect(events('After the blast, wounded soldiers were evacuated to the capital.').some((e) => e.trigger.text === 'wounded' && e.type !== 'KILLING')).toBe(false);
  });

  it('leaves a killing told ", two days after" its own event, and one told "after storming" the raid\'s', () => {
    const apart = events('Youths looted shops in the town centre, two days after a teenager was killed by a police officer.');
    expect(apart.find((e) => e.trigger.text === 'killed')?.type).toBe('KILLING');
    const one = events('Gunmen killed five villagers after storming the hamlet at dawn.');
    expect(one).toHaveLength(1);
    expect(one[0]!.casualties.killed).toBe(5);
    expect(of(one[0], 'agent')).toEqual(['Gunmen']);
  });
});

describe('who marches and who riots', () => {
  it('takes the plural noun a protest verb has for subject as the protesters', () => {
    expect(of(byTrigger('Taxi drivers and conductors rallied outside the transport ministry on Monday.', 'rallied'), 'agent')).toEqual(['Taxi drivers and conductors']);
    expect(of(byTrigger('On Friday, shop workers and cleaners marched to parliament to demand higher pay.', 'marched'), 'agent')).toEqual(['shop workers and cleaners']);
  });

  it('never takes the region in brackets after a town for the agent', () => {
    const text = 'In Beira (Sofala), crowds angered by the vote count set ablaze a police post.';
    expect(of(byTrigger(text, 'set ablaze'), 'agent')).toEqual(['crowds']);
  });
});
