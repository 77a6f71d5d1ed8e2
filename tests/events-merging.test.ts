// Merging: one real incident is one event.
import { describe, expect, it } from 'vitest';
import type { Draft } from '../src/stages/events/frame.js';
import { absorb, settleFigures, uniqueArgs } from '../src/stages/events/merging.js';
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

/** The killed and the injured over a text's asserted and claimed events, as GVDB's annotators count an article's victims. */
function assertedCasualties(text: string, published: string): { killed: number; injured: number } {
  const asserted = pipeline().process({ text, published }).events.filter((e) => e.modality === 'asserted' || e.modality === 'claimed');
  return { killed: asserted.reduce((n, e) => n + (e.casualties.killed ?? 0), 0), injured: asserted.reduce((n, e) => n + (e.casualties.injured ?? 0), 0) };
}

/** The trigger words of a text's STATEMENT events, through the whole pipeline. */
const statementTriggers = (text: string, published: string) =>
  pipeline().process({ text, published }).events.filter((e) => e.type === 'STATEMENT').map((e) => e.trigger.text);

describe('event merging', () => {
  it('adds a later "the attack" to the attack told before', () => {
    const text = 'Militants attacked a village in Borno on Sunday. The attack drew condemnation from the governor.';
    const record = pipeline().process({ text, published: '2024-05-10' });
    const attacks = record.events.filter((e) => e.type === 'ATTACK');
    expect(attacks).toHaveLength(1);
    expect(attacks[0]!.args.find((a) => a.role === 'location')?.text).toBe('Borno');
  });

  it('keeps two statements told by different verbs apart', () => {
    const text = 'Baghdadi declared the caliphate from a mosque in Mosul in 2014. Analysts warn that the group remains a threat.';
    expect(statementTriggers(text, '2019-03-24')).toEqual(['declared', 'warn']);
  });

  it('dates an incident by the most precise date its mentions agree on', () => {
    // "this year" and "Sunday" both date the attack; the record takes the day
    const text = 'Suspected jihadists killed at least 40 civilians in an attack on a village in central Mali, in one of the deadliest assaults on civilians this year. Gunmen on motorcycles stormed Ogossagou in the Mopti region on Sunday morning, shooting residents as they fled.';
    const attack = pipeline().process({ text, published: '2019-03-25' }).events.find((e) => e.trigger.text === 'attack')!;
    expect(attack.mentions?.map((m) => m.text)).toContain('shooting');
    expect(attack.date).toBe('2019-03-24');
  });

  it('merges no statement told by a verb into one before it: "after the junta demanded" retells nothing', () => {
    const text = 'The mission condemned the attack. The mission is due to leave the country after the junta demanded its withdrawal.';
    expect(statementTriggers(text, '2019-03-25')).toEqual(['condemned', 'demanded']);
  });

  it('keeps apart a mention whose own possessor is another agent: "Israel\'s offensive" after an attack by Hamas', () => {
    const text = 'The war began when Hamas-led militants attacked southern Israel on 7 October 2023, killing about 1,200 people. Israel\'s offensive has since killed more than 40,000 Palestinians, according to the Gaza health ministry.';
    const events = pipeline().process({ text, published: '2024-09-01' }).events;
    const attack = events.find((e) => e.trigger.text === 'attacked')!;
    // its mentions are its own deaths ("killing about 1,200"), not the offensive
    expect((attack.mentions ?? []).map((m) => [m.text, m.type])).toEqual([['killing', 'KILLING']]);
    expect(attack.casualties.killed).toBe(1200);
    // "has since killed": a toll of the war, on no event
    expect(events.map((e) => e.casualties.killed)).not.toContain(40000);
  });

  it('tells the deaths a deed caused in its own sentence as a mention of the deed, typed by its own words', () => {
    const text = 'A car bomb exploded near a market in the town on Monday, killing two civilians. Police said the attack was the third this year.';
    const events = pipeline().process({ text, published: '2024-09-01' }).events;
    expect(events.map((e) => e.type)).toEqual(['EXPLOSION']);
    expect(events[0]!.casualties.killed).toBe(2);
    expect(events[0]!.mentions?.map((m) => [m.text, m.type, m.sentence])).toEqual([['killing', 'KILLING', 0], ['attack', 'ATTACK', 1]]);
  });

  it('keeps every word of a killing folded into a deed: "died in the crash, while 50 others were injured"', () => {
    const events = pipeline().process({ text: 'A tram derailed in south London on Wednesday. A total of six men and one woman died in the crash, while 50 other passengers were injured.', published: '2016-11-10' }).events;
    expect(events).toHaveLength(1);
    expect(events[0]!.mentions!.map((m) => m.text)).toEqual(expect.arrayContaining(['died', 'injured']));
  });

  it('takes no date from a plan to go on: "vowed to continue the protests on Thursday"', () => {
    const text = 'Thousands of demonstrators marched through central Nairobi, demanding the withdrawal of the tax rises. Organisers vowed to continue the protests on Thursday.';
    const protest = pipeline().process({ text, published: '2024-06-25' }).events.find((e) => e.type === 'PROTEST' && e.modality === 'asserted')!;
    expect(protest.date).not.toBe('2024-06-27');
    expect(protest.args.filter((a) => a.role === 'time')).toEqual([]);
  });

  it('keeps apart two deeds of one type told by two verbs done to other things', () => {
    const text = 'The missile hit a residential area, damaging an apartment block and dozens of cars, the governor said. The air force said it had shot down 36 of 47 drones launched overnight.';
    const destruction = pipeline().process({ text, published: '2024-11-18' }).events.filter((e) => e.type === 'DESTRUCTION');
    expect(destruction.map((e) => e.trigger.text)).toEqual(['damaging', 'shot down']);
    // and an apartment block is a building, no protest's blockade
    expect(pipeline().process({ text, published: '2024-11-18' }).events.map((e) => e.type)).not.toContain('PROTEST');
  });

  it('gives the dead "killed in the battle" to the battle told before, not to another deed of their sentence', () => {
    const events = pipeline().process({ text: 'Rebels and troops fought for the town of Tal Tamr on Monday. Ten soldiers were killed in the fighting, which ended when aircraft bombed rebel positions.', published: '2024-03-04' }).events;
    expect(events.find((e) => e.type === 'CLASH')?.casualties.killed).toBe(10);
    expect(events.find((e) => e.type === 'AIRSTRIKE')?.casualties.killed).toBeNull();
  });

  it('reads a death told with its day after an apposition as a death, not as a word describing the day', () => {
    const text = 'Jose Alvarez, a 21-year-old man, died Monday after being shot in a park, police said.';
    const events = pipeline().process({ text, published: '2024-09-01' }).events;
    expect(events.map((e) => e.type)).toEqual(['ATTACK']);
    expect(events[0]!.casualties.killed).toBe(1);
    expect(events[0]!.mentions?.map((m) => [m.text, m.type])).toEqual([['died', 'KILLING']]);
  });

  it('reads "Russian shelling hit the town" as one shelling', () => {
    const record = pipeline().process({ text: 'Russian shelling hit the town of Vovchansk overnight.', published: '2024-05-10' });
    expect(record.events.map((e) => e.type)).toEqual(['SHELLING']);
  });

  it('absorbs a retelling: the first keeps its agent, takes new arguments, date, mention and casualties', () => {
    const into = draft([arg('agent', 'rebels', 0)]);
    const from = draft([arg('agent', 'they', 50), arg('target', 'the base', 60)], '2024-05-01');
    from.event.trigger = { text: 'the raid', start: 40, end: 48 };
    from.event.sentence = 2;
    from.event.casualties = { killed: 2, injured: 9, captured: null };
    absorb(into, from);
    settleFigures(into);
    expect(into.event.args.map((a) => a.text)).toEqual(['rebels', 'the base']);
    expect(into.event.date).toBe('2024-05-01');
    expect(into.event.mentions).toEqual([{ text: 'the raid', start: 40, end: 48, sentence: 2, type: from.event.type, modality: from.event.modality }]);
    // one claimant's figures: the highest it gives for each count, never the sum (3 + 9)
    expect(into.event.casualties).toEqual({ killed: 2, injured: 9, captured: null });
    expect(into.event.casualty_claims).toBeUndefined();
  });

  it('keeps the figure of the event\'s own claimant and lists a claimant who differs', () => {
    const into = draft([]);
    const from = draft([]);
    from.event.source = 'e4';
    from.event.casualties = { killed: 7, injured: 3, captured: null };
    absorb(into, from);
    settleFigures(into);
    expect(into.event.casualties).toEqual({ killed: 7, injured: 3, captured: null });
    const other = draft([]);
    other.event.source = 'e5';
    other.event.casualties = { killed: 12, injured: null, captured: null };
    absorb(into, other);
    settleFigures(into);
    expect(into.event.casualties.killed).toBe(7);
    expect(into.event.casualty_claims).toEqual([{ source: 'e5', killed: 12, injured: null, captured: null }]);
  });

  it('keeps the longest of arguments of one role that overlap', () => {
    const d = draft([arg('instrument', 'a powerful truck', 10), arg('instrument', 'truck', 21), arg('target', 'truck', 21)]);
    uniqueArgs([d]);
    expect(d.event.args.map((a) => `${a.role}:${a.text}`)).toEqual(['instrument:a powerful truck', 'target:truck']);
  });

  it('merges "X were killed" in the sentence after a strike, and a later "the attack", into the strike', () => {
    const text = 'Warplanes struck a market in the town of Ariha on Monday. Eleven civilians were killed, rescuers said. The attack was condemned by the United Nations.';
    const record = pipeline().process({ text, published: '2024-05-10' });
    const violent = record.events.filter((e) => e.type !== 'STATEMENT');
    expect(violent).toHaveLength(1);
    expect(violent[0]!.casualties.killed).toBe(11);
    expect(violent[0]!.mentions?.map((m) => m.text)).toEqual(['killed', 'attack']);
    expect(violent[0]!.date).toBe('2024-05-06');
  });

  it('never sums a toll told twice, and keeps a second claimant\'s figure beside it', () => {
    const text = 'A suicide bomber blew himself up at a checkpoint in Kirkuk on Tuesday, killing at least four people. Police said the bombing killed 16 people.';
    const record = pipeline().process({ text, published: '2024-05-10' });
    expect(record.events).toHaveLength(1);
    const e = record.events[0]!;
    expect(e.casualties.killed).toBe(4);
    const police = record.entities.find((x) => x.name.toLowerCase() === 'police');
    expect(e.casualty_claims).toEqual([{ source: police?.id, killed: 16, injured: null, captured: null }]);
  });

  it('keeps attacks in different places or on different days apart', () => {
    const record = pipeline().process({ text: 'Gunmen attacked a checkpoint in Kirkuk on Monday. Gunmen attacked a market in Mosul on Tuesday.', published: '2024-05-10' });
    expect(record.events.filter((e) => e.type === 'ATTACK')).toHaveLength(2);
    const days = pipeline().process({ text: 'Gunmen attacked a checkpoint in Kirkuk on Monday. The gunmen attacked it again on Thursday.', published: '2024-05-10' });
    expect(days.events.filter((e) => e.type === 'ATTACK').map((e) => e.date)).toEqual(['2024-05-06', '2024-05-09']);
  });

  it('keeps "another attack" apart from the attack before it', () => {
    const record = pipeline().process({ text: 'Militants attacked a convoy near Gao. Hours later, another attack hit a base near the town.', published: '2024-05-10' });
    expect(record.events.filter((e) => e.type === 'ATTACK')).toHaveLength(2);
  });

  it('keeps "another man was shot" in the incident: another victim, not another incident', () => {
    const text = 'Police are investigating a double shooting in the city\'s Kensington section on Saturday. Police said an 18-year-old man was shot multiple times. Another man was shot and suffered unknown injuries.';
    const events = pipeline().process({ text, published: '2016-03-13' }).events.filter((e) => e.type === 'ATTACK');
    expect(events).toHaveLength(1);
    expect(events[0]!.casualties.injured).toBe(2);
    // while "another attack" stays apart (above), and so does "a second shooting"
    const two = pipeline().process({ text: 'A man was shot in Kensington on Saturday. Hours later, a second shooting left a woman wounded.', published: '2016-03-13' }).events;
    expect(two.filter((e) => e.type === 'ATTACK')).toHaveLength(2);
  });

  it('takes no date from a neighbouring sentence', () => {
    const record = pipeline().process({ text: 'Gunmen attacked a checkpoint in Kirkuk on Monday. In Mosul, a car bomb exploded near a market.', published: '2024-05-10' });
    expect(record.events.find((e) => e.type === 'EXPLOSION')?.date).toBeNull();
  });

  it('adds a later shooting of "the teen" or "he" to the incident whose victim it tells, however far apart', () => {
    const text = [
      'A 15-year-old girl was shot in the arm at a house on Oak Street on Friday night.',
      'Neighbors said the house had been a problem for years.',
      'Deputies searched the area with dogs.',
      'Two men were later arrested at a motel.',
      'The teen who was shot remains in serious condition, the sheriff said.',
    ].join(' ');
    const record = pipeline().process({ text, published: '2016-01-12' });
    const shootings = record.events.filter((e) => e.type === 'ATTACK');
    expect(shootings).toHaveLength(1);
    expect(shootings[0]!.casualties.injured).toBe(1);
  });

  it('keeps a victim told by name apart from another shooting in the article', () => {
    const text = 'Two guards were wounded when gunmen opened fire at a bank in Dallas on Monday. In Houston, a clerk was shot and killed at a gas station on Tuesday.';
    const record = pipeline().process({ text, published: '2016-01-12' });
    expect(record.events.map((e) => [e.casualties.killed, e.casualties.injured])).toEqual([[null, 2], [1, null]]);
  });

  it('adds the victims a later mention says are others ("also shot and killed a neighbor") to the incident\'s', () => {
    const text = 'A deputy fatally shot Marcus Hale, 24, outside an apartment in Tulsa on Sunday. The deputy also accidentally shot and killed a neighbor, 61-year-old Ruth Ellis.';
    const record = pipeline().process({ text, published: '2016-01-12' });
    expect(record.events.reduce((n, e) => n + (e.casualties.killed ?? 0), 0)).toBe(2);
  });

  it('keeps a killing apart from the next sentence\'s attack when their dead differ ("killed 190" … "Last week, a car bomb killed five")', () => {
    const text = 'The rebels said they had killed 40 soldiers in the assault. Last week, militants set off a car bomb outside a compound in Kabul, killing at least five people.';
    const record = pipeline().process({ text, published: '2019-01-20' });
    expect(record.events.map((e) => e.casualties.killed).filter((k): k is number => k !== null).sort((a, b) => a - b)).toEqual([5, 40]);
  });

  it('joins a shooting told in the body to the killing the lead sentence tells, under a title line written as a sentence', () => {
    const text = 'Arrest made in Lakeside case | News, Weather, Sports | KXTV. Deputies say a 19-year-old man shot and killed a 22-year-old Lakeside man last week. Carl Dunn was arrested on Jan. 30 at his home. He is held at the county jail. Police say Dunn shot Ray Odom several times.';
    expect(assertedCasualties(text, '2016-02-02')).toEqual({ killed: 1, injured: 0 });
  });

  it('tells the dead of a participle after a comma as the deed\'s before it, not the next verb\'s', () => {
    const r = pipeline().process({ text: 'Islamic State fighters attacked an army post in north-eastern Nigeria overnight, killing at least seven soldiers and seizing weapons, military sources said on Tuesday.', published: '2024-07-10' });
    const attack = r.events.find((e) => e.type === 'ATTACK');
    expect(attack?.casualties.killed).toBe(7);
    expect(attack?.mentions?.map((m) => m.text)).toContain('killing');
  });

  it('gives a deed the agent of the killing told before it that folds into it: "Gunmen killed 40 people in an attack"', () => {
    const r = pipeline().process({ text: 'Gunmen killed at least 40 people in an attack on a village in the north on Saturday.', published: '2024-07-10' });
    expect(r.events).toHaveLength(1);
    expect(r.events[0]!.args.filter((a) => a.role === 'agent').map((a) => a.text)).toEqual(['Gunmen']);
  });

  it('lists a second word of the same deed in its sentence as a mention of the event', () => {
    const r = pipeline().process({ text: 'Gunfire was exchanged outside the bar, with one bullet hitting a customer in the leg, police said.', published: '2024-07-10' });
    expect(r.events).toHaveLength(1);
    expect(r.events[0]!.mentions?.map((m) => [m.text, m.type])).toContainEqual(['hitting', 'ATTACK']);
  });

  it('keeps a bombing of another year apart: a verb after "in the capital" names no event already told', () => {
    const text = 'A car bomb exploded near a checkpoint in Mogadishu on Saturday, killing at least 15 people.\n\nPolice said the bomber drove a minibus towards the checkpoint before detonating it.\n\nIn October 2017, a truck bomb in the capital killed more than 500 people.';
    const r = pipeline().process({ text, published: '2024-07-10' });
    expect(r.events.map((e) => [e.date, e.casualties.killed])).toEqual([['2024-07-06', 15], ['2017-10', 500]]);
    // the detonation is Saturday's bombing told again
    expect(r.events[0]!.mentions?.map((m) => m.text)).toContain('detonating');
  });

  it('reads the crime an arrest is "in connection with" as a mention of it, not a deed on the day of the arrest', () => {
    const text = 'Gunmen opened fire on a group of people at a bar late on Saturday, killing 12. Police arrested two suspects on Sunday in connection with the killings.';
    const r = pipeline().process({ text, published: '2024-07-10' });
    expect(r.events.filter((e) => e.type !== 'ARREST').map((e) => [e.date, e.casualties.killed])).toEqual([['2024-07-06', 12]]);
  });

  it('reads the crime a charge names as a mention of the deed, not as a deed on the day of the charge', () => {
    const text = 'A gunman shot and killed Ray Odom in Lakeside on Jan. 26. Carl Dunn was arrested on Jan. 30 and charged with first-degree murder.';
    const record = pipeline().process({ text, published: '2016-02-02' });
    const killings = record.events.filter((e) => e.type === 'KILLING' || e.type === 'ATTACK');
    expect(killings).toHaveLength(1);
    expect(killings[0]!.date).toBe('2016-01-26');
    expect(killings[0]!.mentions?.map((m) => m.text)).toContain('murder');
    // a charge alone names a crime of no day the sentence gives
    const alone = pipeline().process({ text: 'Police arrested a man on Tuesday and charged him with murder.', published: '2016-02-02' });
    expect(alone.events.find((e) => e.type === 'KILLING')?.date ?? null).toBeNull();
  });

  it('joins the body\'s telling of an incident to the headline that opened the report, whatever agent or street it names', () => {
    const text = 'Man dies after being shot while driving in Claymont. The shooting happened around 6:30 p.m. Thursday on Jacqueline Drive, near the Maple Court Apartments. Police said Jordan Pike was shot while driving a pickup truck, causing it to leave the road.';
    expect(assertedCasualties(text, '2016-01-12')).toEqual({ killed: 1, injured: 0 });
  });
});
