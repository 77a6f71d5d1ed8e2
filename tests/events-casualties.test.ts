// Casualties: how many were killed, injured or captured, and which event they belong to.
import { describe, expect, it } from 'vitest';
import { casualtyWords, countCasualties } from '../src/stages/events/casualties.js';
import { readSentence } from './events-harness.js';
import { pipeline } from './helpers.js';

const count = (text: string) => {
  const view = readSentence(text);
  return countCasualties(view.doc, casualtyWords(view), view.toks, view.phrases);
};

describe('event casualties', () => {
  it('reads an age as no count: "two 17-year-old boys" are two, "killed 10-year-old Maria Lopez" one', () => {
    expect(count('Two 17-year-old boys were wounded in a shooting on Friday.').injured).toBe(2);
    expect(count('The gunman killed 10-year-old Maria Lopez outside her school.').killed).toBe(1);
    expect(count('Three 20-year-old men and a 16 year old girl were injured in the blast.').injured).toBe(4);
    expect(count('Soldiers shot dead a 25-year-old protester on Friday.').killed).toBe(1);
  });

  it('counts a family by its members: "a family of seven", "two families of four"', () => {
    expect(count('One strike hit a building in Aitaroun, killing a family of seven.').killed).toBe(7);
    expect(count('The raid killed two families of four.').killed).toBe(8);
    expect(count('Gunmen killed a family of 5 in their home.').killed).toBe(5);
  });

  it('reads the people "shot and wounded" as wounded, whatever a later sentence counts of them', () => {
    const text = 'Police are searching for a gunman after three people were shot and wounded early Sunday outside a hotel. Investigators are trying to determine whether the men were shot outside or inside the hotel. At least one man was wounded outside the hotel, police said.';
    const events = pipeline().process({ text, published: '2016-01-12' }).events;
    expect(events.map((e) => e.casualties)).toEqual([{ killed: null, injured: 3, captured: null }]);
  });

  it('reads a year before an event noun as no count: "the 2019 killing of his neighbor"', () => {
    expect(count('A man was charged with murder in the 2019 killing of his neighbor.').killed).toBe(1);
  });

  it('reads "shot dead" before its people as a killing of them', () => {
    expect(count('Gunmen shot dead two farmers in the village.').killed).toBe(2);
    expect(count('Gunmen shot dead Ahmed Musa and his father on Monday.').killed).toBe(2);
  });

  it('counts the people a count of a kind of people names after it between commas once', () => {
    expect(count('4 people, the bomber and 3 soldiers, were killed at the checkpoint.').killed).toBe(4);
    expect(count('Three people, two of them children, were wounded.').injured).toBe(3);
    // a list that is no apposition counts each of its people
    expect(count('Five soldiers, two policemen and a civilian were killed.').killed).toBe(8);
  });

  it('counts as dead the people a relative clause after them says died', () => {
    expect(count('Gunmen shot Jose Alvarez, who died Monday.')).toEqual({ killed: 1, injured: null, captured: null });
    expect(count('A gunman shot three people, who were killed instantly.').killed).toBe(3);
    // a relative clause of care says nothing of death
    expect(count('Gunmen shot two men, who were taken to hospital.')).toEqual({ killed: null, injured: 2, captured: null });
  });

  it('counts the lower figure of a range, as ACLED codes one', () => {
    expect(count('A warplane bombed a livestock market, killing between 12 and 15 civilians.').killed).toBe(12);
    expect(count('The blast killed 4 to 6 people and wounded two or three others.')).toEqual({ killed: 4, injured: 2, captured: null });
  });

  it('counts the killed and the wounded of a sentence', () => {
    expect(count('An airstrike killed 12 civilians and wounded 30 others.')).toEqual({ killed: 12, injured: 30, captured: null });
  });

  it('does not count the one who shot as shot: "A man shot and killed two women" killed two', () => {
    expect(count('A man shot and killed two women at a bus stop.').killed).toBe(2);
    expect(count('A man shot his wife.')).toEqual({ killed: null, injured: 1, captured: null });
  });

  it('counts the people of a list of participles after "were": "were trapped, wounded and left" wounded them', () => {
    expect(count('Some 40 people were trapped, wounded and left without food.').injured).toBe(40);
  });

  it('counts those beaten, stabbed or burned "to death" as killed, and no one "sentenced to death"', () => {
    expect(count('A mob beat two suspected thieves to death in the market.').killed).toBe(2);
    expect(count('A man was stabbed to death outside a bar.').killed).toBe(1);
    expect(count('Two men were sentenced to death on Monday.').killed).toBeNull();
    const types = (text: string) => pipeline().process({ text, published: '2024-05-10' }).events.map((e) => e.type);
    expect(types('On 5 February 2021, villagers beat a suspected thief to death in Bunia, Ituri.')).toEqual(['KILLING']);
    expect(types('Police said he beat his dog.')).toEqual([]);
  });

  it('counts the victims an incident\'s noun gives: "a double shooting" two shot, "a triple homicide" three dead', () => {
    expect(count('Police are investigating a double shooting in the Kensington section.')).toEqual({ killed: null, injured: 2, captured: null });
    expect(count('Detectives are investigating a triple homicide on the east side.').killed).toBe(3);
    expect(count('He was charged in the double-murder of his neighbours.').killed).toBe(2);
    // a count the sentence gives wins: the noun only fills in where none does
    expect(count('A man was killed and a woman wounded in a double shooting on Friday.')).toEqual({ killed: 1, injured: 1, captured: null });
    // a double suicide bombing counts no victims of its own
    expect(count('A double suicide bombing hit the market.')).toEqual({ killed: null, injured: null, captured: null });
  });

  it('counts no toll of thousands in the perfect as an incident\'s dead, whether or not a span is named', () => {
    const events = pipeline().process({ text: 'Gunmen stormed the village on Sunday, shooting residents as they fled. The insurgency erupted in 2012. Thousands of soldiers and civilians have been killed.', published: '2019-03-25' }).events;
    expect(events.map((e) => e.casualties.killed)).not.toContain(2000);
    expect(events.every((e) => (e.casualties.killed ?? 0) < 1000)).toBe(true);
  });

  it('counts one person named by an article', () => {
    expect(count('Soldiers shot dead a young man at a checkpoint.').killed).toBe(1);
  });

  it('gives a count to the verb it is the object of: "displaced 5,000 people and killed scores of civilians" killed no 5,000', () => {
    const c = count('The offensive displaced 5,000 people and killed scores of civilians in the valley.');
    expect(c.killed).not.toBe(5000);
    expect(count('Militias evacuated 300 families and wounded two guards.')).toEqual({ killed: null, injured: 2, captured: null });
  });

  it('counts "another 15" as people, not as some other number', () => {
    expect(count('The raiders killed nine guards and wounded another 15.')).toEqual({ killed: 9, injured: 15, captured: null });
  });

  it('counts the people a deed "saw" killed, as those it "left" dead', () => {
    expect(count('Two days of clashes in the valley saw 40 fighters killed.').killed).toBe(40);
    expect(count('The shelling left six villagers wounded.').injured).toBe(6);
  });

  it('reads a participle after the object of "saw" as done to that object, not by it', () => {
    const r = pipeline().process({ text: 'The offensive saw 40 fighters killed near the river.', published: '2024-03-16' });
    const killing = r.events.find((e) => e.type === 'KILLING');
    const agent = killing?.args.find((a) => a.role === 'agent');
    expect(agent).toBeUndefined();
    // a verb of its own after "left the town and" keeps its subject
    const own = pipeline().process({ text: 'Rebels left the town and killed two guards.', published: '2024-03-16' });
    expect(own.events.find((e) => e.type === 'KILLING')?.args.filter((a) => a.role === 'agent').map((a) => a.text)).toEqual(['Rebels']);
    // nor does "left" as an adjective
    const flank = pipeline().process({ text: 'Troops on the left flank attacked the village.', published: '2024-03-16' });
    expect(flank.events.find((e) => e.type === 'ATTACK')?.args.filter((a) => a.role === 'agent').map((a) => a.text)).toEqual(['Troops']);
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

  it('counts the victims, not the doers, when a sentence opens with them: "Gunmen abducted more than 200 students"', () => {
    expect(count('Gunmen abducted more than 200 students from a school in the north on Thursday.').captured).toBe(200);
    expect(count('Gunmen kidnapped 12 villagers in the east, police said.').captured).toBe(12);
    expect(count('Gunman kills three at a market in the capital.').killed).toBe(3);
  });

  it('gives the deaths of an attack to the attack, not to an event of their own', () => {
    const record = pipeline().process({ text: 'Gunmen attacked a market in the town, killing four traders.', published: '2024-05-10' });
    expect(record.events.map((e) => e.type)).toEqual(['ATTACK']);
    expect(record.events[0]!.casualties.killed).toBe(4);
  });

  it('gives the dead to the violent event, not to an arrest told nearer them', () => {
    const record = pipeline().process({ text: 'Soldiers opened fire on the marchers in the capital on Sunday, killing two people and arresting 30.', published: '2024-05-10' });
    const byType = new Map(record.events.map((e) => [e.type, e]));
    expect(byType.get('ATTACK')?.casualties.killed).toBe(2);
    expect(byType.get('ARREST')?.casualties.killed ?? null).toBeNull();
  });

  it('counts no casualties for a statement', () => {
    const record = pipeline().process({ text: 'The president condemned the killing of five soldiers.', published: '2024-05-10' });
    const statement = record.events.find((e) => e.type === 'STATEMENT');
    expect(statement?.casualties).toEqual({ killed: null, injured: null, captured: null });
  });

  it('makes no event of a war-wide or period toll', () => {
    const record = pipeline().process({
      text: 'More than 330,000 people have been killed since the conflict began in March 2011. Air strikes have killed 1,200 civilians this year, the monitor said.',
      published: '2019-07-24',
    });
    expect(record.events).toEqual([]);
  });

  it('counts one victim told without a number: "shot her husband", "a waitress … was shot", "Man shot, killed" over a report', () => {
    expect(count('A woman in Dayton accidentally shot her husband in the arm on Friday.')).toEqual({ killed: null, injured: 1, captured: null });
    expect(count('A waitress who tried to stop a thief was shot outside the diner.')).toEqual({ killed: null, injured: 1, captured: null });
    expect(count('Man shot, killed near a gas station in Tulsa.')).toEqual({ killed: 1, injured: null, captured: null });
    expect(count('Teen shot outside school dies in hospital.')).toEqual({ killed: 1, injured: null, captured: null });
    expect(count('A 3-year-old boy shot and killed his 6-year-old sister with a pistol.').killed).toBe(1);
  });

  it('counts those who took their own life or shot themselves', () => {
    expect(count('The gunman then took his own life in the garage.').killed).toBe(1);
    expect(count('A retired officer shot himself in the parking lot.')).toEqual({ killed: null, injured: 1, captured: null });
  });

  it('adds up victims listed by name and age, or joined by "and"', () => {
    expect(count('Lamar Hodges, 31, and Keisha Bryant, 27, were shot and killed on the porch.').killed).toBe(2);
    expect(count('The gunman killed his three children as well as his wife.').killed).toBe(4);
    expect(count('A man and a woman were wounded in the exchange of gunfire.').injured).toBe(2);
  });

  it('reads "two men were shot; one died" as one killed and one wounded, and "a man was killed and a woman was shot" as one of each', () => {
    expect(count('Two men were shot outside the bar; one died.')).toEqual({ killed: 1, injured: 1, captured: null });
    expect(count('Police said three people were shot, one fatally.')).toEqual({ killed: 1, injured: 2, captured: null });
    expect(count('A man was killed and a woman was shot in the leg at the party.')).toEqual({ killed: 1, injured: 1, captured: null });
  });

  it('reads the subject across other words than people: "a man wielding two handguns was shot" counts one, "three blocks" counts no one', () => {
    expect(count('A man carrying two rifles was shot and killed by deputies.').killed).toBe(1);
    expect(count('The store owner lives about three blocks from where the clerk was shot.').injured).toBe(1);
    expect(count('The brothers shot him to death three days after the bombing.').killed).not.toBe(3);
  });

  it('still counts an incident that names the year: "shot and killed …, the first homicide this year"', () => {
    const record = pipeline().process({ text: 'A man was shot and killed in the city on Tuesday, the first homicide in the city this year.', published: '2019-07-24' });
    expect(record.events.map((e) => e.casualties.killed)).toEqual([1]);
  });

  it('gives a victim shot in one sentence who died in another to the dead only', () => {
    const record = pipeline().process({ text: 'Darnell Pruitt, 19, was shot in the chest on Elm Street on Sunday night. He died at a hospital early Monday, police said.', published: '2016-01-12' });
    const counted = record.events.filter((e) => e.casualties.killed !== null || e.casualties.injured !== null);
    expect(counted.map((e) => e.casualties)).toEqual([{ killed: 1, injured: null, captured: null }]);
  });

  it('counts the victims of a headline over its report once', () => {
    const record = pipeline().process({ text: 'Man shot, killed outside Fresno liquor store. A 40-year-old man was shot and killed outside a liquor store in Fresno on Friday night, police said.', published: '2016-01-12' });
    const killed = record.events.reduce((n, e) => n + (e.casualties.killed ?? 0), 0);
    expect(killed).toBe(1);
  });

  it('gives the casualties to the event whose word tells them: "was arguing with his brother when he was shot" is the shooting\'s', () => {
    const record = pipeline().process({ text: 'A 42-year-old man was shot and killed by his brother outside a bar on Saturday. Police said the man was engaged in an argument with his brother when he was shot.', published: '2016-01-12' });
    const counted = record.events.filter((e) => e.casualties.killed !== null || e.casualties.injured !== null);
    expect(counted.map((e) => [e.type, e.casualties.killed, e.casualties.injured])).toEqual([['ATTACK', 1, null]]);
  });

  it('makes no capture of the wounded taken to a hospital', () => {
    const record = pipeline().process({ text: 'A teenager was shot in the leg on Main Street. The victim was taken to a local hospital in stable condition.', published: '2016-01-12' });
    expect(record.events.map((e) => e.type)).not.toContain('CAPTURE');
    expect(record.events.map((e) => e.type)).not.toContain('SEIZE');
  });

  it('keeps a killing by gunfire beside a crash it followed: "officers shot and killed a man … after a crash" is not the crash\'s toll', () => {
    const record = pipeline().process({ text: 'Officers shot and killed a man who was acting erratically after a crash on Route 9 on Monday.', published: '2016-01-12' });
    const counted = record.events.filter((e) => e.casualties.killed !== null);
    expect(counted.map((e) => e.type)).not.toContain('CRASH');
    expect(counted.reduce((n, e) => n + e.casualties.killed!, 0)).toBe(1);
  });

  it('gives the shot of a headline to the shooting told after it, not to a home invasion (a burglary, no incursion) nor to an attempt', () => {
    const invasion = pipeline().process({ text: 'Teen shot during home invasion in Tampa. Deputies said a 16-year-old girl was shot in the arm on Thursday morning.', published: '2016-01-12' });
    expect(invasion.events.map((e) => [e.type, e.casualties.injured])).toEqual([['ATTACK', 1]]);
    const text = 'Man shot by store clerk charged with robbery. A 30-year-old man has been charged with attempted robbery and assault after the incident. Police said Marcus Lane grabbed the register and was shot in the leg on Tuesday.';
    const record = pipeline().process({ text, published: '2016-01-12' });
    expect(record.events.reduce((n, e) => n + (e.modality === 'asserted' || e.modality === 'claimed' ? e.casualties.injured ?? 0 : 0), 0)).toBe(1);
  });

  it('gives a toll told in a sentence of no event to no incident ("recorded 65 to 105 civilian deaths during this period")', () => {
    const record = pipeline().process({ text: 'Gunmen attacked a checkpoint in Kirkuk on Monday. Monitors recorded 300 civilian deaths during this period.', published: '2016-01-12' });
    expect(record.events.map((e) => e.casualties.killed)).not.toContain(300);
  });

  it('reads a passive past an adverb: "was accidentally shot and killed", "was later shot"', () => {
    expect(count('A 15-year-old girl was accidentally shot and killed by her cousin.').killed).toBe(1);
    expect(count('The suspect was later shot by deputies near the river.')).toEqual({ killed: null, injured: 1, captured: null });
  });

  it('counts one person named with a long description: "killed a 34-year-old Lakewood woman"', () => {
    expect(count('Police said the gunman killed a 34-year-old Lakewood woman on Sunday.').killed).toBe(1);
  });

  it('reads the dead a deed left: "left three people dead"', () => {
    expect(count('The shooting left three people dead.').killed).toBe(3);
  });

  it('counts victims named by a plural of local news: "two cousins were wounded"', () => {
    expect(count('Two cousins were wounded outside a bar on Friday night.').injured).toBe(2);
  });

  it('counts "him" and "the man" as the object of a casualty verb done, not of a wish', () => {
    expect(count('He walked up to the clerk and shot him twice.')).toEqual({ killed: null, injured: 1, captured: null });
    expect(count('Witnesses said the boyfriend ran outside, shooting the man in the street.').injured).toBe(1);
    expect(count('He kept yelling at the officers to kill him.')).toEqual({ killed: null, injured: null, captured: null });
  });

  it('reads a person in care as hit, wounded unless the article says they died', () => {
    expect(count('A man is in critical condition after a shooting on Elm Street.')).toEqual({ killed: null, injured: 1, captured: null });
    expect(count('Man hospitalized after shooting in Oak Park.')).toEqual({ killed: null, injured: 1, captured: null });
    expect(count('Officers found a man with a gunshot wound to the leg.')).toEqual({ killed: null, injured: 1, captured: null });
    expect(count('A woman was taken to a hospital in critical condition, where she died.')).toEqual({ killed: 1, injured: null, captured: null });
  });
});

describe('one victim named by what they do', () => {
  it('counts a shepherd, a teacher or a village chairman killed as one dead', () => {
    const killed = (text: string) => pipeline().process({ text, published: '2024-05-10' }).events[0]?.casualties.killed;
    expect(killed('Militants executed a shepherd near the well.')).toBe(1);
    expect(killed('Gunmen killed a teacher in the village on Monday.')).toBe(1);
    expect(killed('A village chairman was shot dead by two gunmen outside his home.')).toBe(1);
  });
});

describe('people named after a count of their kind', () => {
  const killed = (text: string) => pipeline().process({ text, published: '2024-05-10' }).events[0]?.casualties.killed;
  it('"killing 3 civilians, a man and two women" counts three, not six', () => {
    expect(killed('The shelling hit the market, killing 3 civilians, a man and two women.')).toBe(3);
  });
  it('"killing 2 soldiers, a policeman and a civilian" counts four', () => {
    expect(killed('Gunmen attacked the post, killing 2 soldiers, a policeman and a civilian.')).toBe(4);
  });
});

describe('a count after a verb of saying', () => {
  it('"claimed responsibility, saying 5 soldiers were killed" counts the five', () => {
    const events = pipeline().process({ text: 'The group claimed responsibility, saying 5 soldiers were killed.', published: '2024-05-10' }).events;
    expect(events.reduce((n, e) => n + (e.casualties.killed ?? 0), 0)).toBe(5);
  });
});

describe('"neutralised": people killed or things destroyed', () => {
  const first = (text: string) => pipeline().process({ text, published: '2024-05-10' }).events[0];
  it('"the army said it neutralised 20 terrorists" is a killing of 20', () => {
    const e = first('The army said it neutralised 20 terrorists near the border post.');
    expect([e?.type, e?.casualties.killed]).toEqual(['KILLING', 20]);
  });
  it('"air defences neutralised 12 drones" kills no one', () => {
    expect(first('Air defences neutralised 12 drones overnight.')?.casualties.killed ?? null).toBeNull();
  });
});

describe('"no one"', () => {
  it('"with no one hurt" counts nobody hurt', () => {
    const e = pipeline().process({ text: 'Militants looted and burned shops in the market, with no one hurt.', published: '2024-05-10' }).events[0];
    expect(e?.casualties.injured ?? null).toBeNull();
  });
});
