// How short conflict reports tell a fight and its sides: an opening label ("Property
// destruction: …"), sides named after "between" further on in the clause, a fight that broke
// out "when" an attack set it off, machetes' hacking, the bombs that are "set off" and those
// that are dismantled, and an attack on an armed side that is a battle whoever else died.
// Found on coded notes in the ACLED style written for the purpose
// (data/eval/acled-notes/dev3.csv); the sentences here are this file's own.
import { describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../src/record/record.js';
import { pipeline } from './helpers.js';

const events = (text: string) => pipeline().process({ text, published: '2024-05-10' }).events;
const of = (e: DocumentRecord['events'][number] | undefined, role: string) => (e?.args ?? []).filter((a) => a.role === role).map((a) => a.text);

describe('the label a report opens with', () => {
  it('gives way to the deed its sentence tells, whose actors it would lose', () => {
    const list = events('Property destruction: On 4 March 2023, separatist fighters set fire to a district office in Bamenda.');
    expect(list.map((e) => e.trigger.text)).toEqual(['set fire']);
    expect(of(list[0], 'agent')).toEqual(['separatist fighters']);
    const strike = events('Air strike: On 2 May 2024, a Nigerien army drone struck a camp of militants near Tillia.');
    expect(strike.map((e) => e.trigger.text)).not.toContain('strike');
  });
  it('stays the report\'s event where the sentence does not tell it again', () => {
    const list = events('Agreement: On 9 June 2024, two clan elders in Marawi signed a peace covenant before local officials.');
    expect(list[0]?.type).toBe('AGREEMENT');
  });
});

describe('the agent of a passive', () => {
  it('is read after the place and the day, past a hedge, in the clause', () => {
    const shot = events('A council member was shot dead outside his home in Al Bab on 7 December 2022 by gunmen on a motorcycle.')[0];
    expect(of(shot, 'agent')).toEqual(['gunmen']);
    const taken = events('Seven villagers were abducted by suspected IS Sahel gunmen near Banibangou on 15 April 2024.')[0];
    expect(of(taken, 'agent')).toEqual(['IS Sahel gunmen']);
    // not from another clause
    expect(of(events('The man was killed near a warehouse and the car was later found by police.')[0], 'agent')).toEqual([]);
  });
});

describe('what came under fire', () => {
  it('is the target, and who fired is named after "from"', () => {
    const fire = events('The convoy came under fire from separatist fighters near Gao on 3 May.')[0];
    expect(of(fire, 'target')).toEqual(['convoy']);
    expect(of(fire, 'agent')).toEqual(['separatist fighters']);
    const attack = events('Army positions came under attack from JNIM fighters on 3 June 2023.');
    expect(attack.map((e) => e.type)).toEqual(['ATTACK']);
    expect(of(attack[0], 'agent')).toEqual(['JNIM fighters']);
  });
});

describe('the sides of a fight', () => {
  it('are read after "between" further on in the fight\'s clause', () => {
    const fire = events('Heavy gunfire was exchanged for two hours on 3 May between village guards and suspected cattle raiders near Tonj.')[0];
    expect(of(fire, 'agent')).toEqual(['village guards']);
    expect(of(fire, 'target')).toEqual(['cattle raiders']);
    // "between" two places names a road, not sides
    const ambush = events('Militants ambushed a convoy on the road between Gao and Ansongo.')[0];
    expect(of(ambush, 'agent')).toEqual(['Militants']);
  });
  it('are read after a gerund that opens the sentence: "Fighting between soldiers and jihadists"', () => {
    const fight = events('Fighting between soldiers and suspected jihadists left 5 dead near Djibo.')[0];
    expect(of(fight, 'agent')).toEqual(['soldiers']);
    expect(of(fight, 'target')).toEqual(['jihadists']);
    expect(fight?.casualties.killed).toBe(5);
    // and the fight is the subject of the past verb after its sides: one deed, whatever the classifier makes of it
    expect(events('Fighting between soldiers and rebels left 5 dead near Djibo.').map((e) => e.casualties.killed)).toEqual([5]);
  });
  it('an encounter between forces is a clash; an encounter with reporters is none', () => {
    const list = events('An encounter broke out between police and Maoist cadres near Dantewada on Sunday.');
    expect(list.map((e) => e.type)).toEqual(['CLASH']);
    expect(events('The minister had a brief encounter with reporters on Sunday.')).toEqual([]);
  });
  it('a fight that broke out when an attack set it off is that attack', () => {
    const list = events('Fighting erupted on 2 May when separatist fighters attacked an army camp near Turbat.');
    expect(list).toHaveLength(1);
    expect(of(list[0], 'agent')).toEqual(['separatist fighters']);
    expect(list[0]!.mappings.acled?.event_type).toBe('Battles');
    // a fight and an attack told apart stay two
    expect(events('Fighting continued in Bakhmut, and on Monday rebels attacked a post in Soledar.')).toHaveLength(2);
  });
  it('an attack on an armed side is a battle, though people of no side died in it', () => {
    const e = events('On 3 May, village guards opened fire on suspected cattle raiders near Tonj. Two guards were killed and four people were injured.')[0];
    expect(e?.mappings.acled?.event_type).toBe('Battles');
    // the attackers' own dead make no battle of an attack on villagers
    const raid = events('Gunmen attacked a village in Zamfara, killing 10 villagers. Two attackers were killed.')[0];
    expect(raid?.mappings.acled?.event_type).toBe('Violence against civilians');
    // "a group of fishermen" are fishermen, not an armed group
    const pier = events('Gunmen opened fire on a group of fishermen at a pier in Guayaquil, killing five.')[0];
    expect(pier?.mappings.acled?.event_type).toBe('Violence against civilians');
  });
});

describe('the dead of a fight told in the sentence after it', () => {
  it('are the attack\'s when the next sentence tells the fight it set off, whoever fought back', () => {
    const beaten = events('On 3 March 2023, militants raided an army post at Ngouboua. The assault was beaten back after two hours of fighting; the army reported 2 soldiers and 9 assailants killed.');
    expect(beaten).toHaveLength(1);
    expect(beaten[0]!.casualties.killed).toBe(11);
    const returned = events('On 17 October 2023, militants stormed a police checkpoint in Pezu. Police returned fire and three attackers died in the gunfight.');
    expect(returned.filter((e) => e.type !== 'KILLING').map((e) => e.trigger.text)).toEqual(['stormed']);
    expect(returned[0]!.casualties.killed).toBe(3);
    // a fight with a side of its own is another
    expect(events('On 12 March, militias raided two villages near Kursk. The Legion later reported engaging Russian forces near Belgorod.')).toHaveLength(2);
  });
  it('make an attempt that was fought off a fight that took place', () => {
    const list = events('On 8 November 2023, Russian forces attempted an armoured assault towards Synkivka. Ukrainian forces repelled the attack.');
    expect(list).toHaveLength(1);
    expect(list[0]!.modality).not.toBe('attempted');
    expect(list[0]!.mappings.acled?.event_type).toBe('Battles');
  });
  it('an exchange of gunfire is no exchange of prisoners', () => {
    expect(events('Militiamen and soldiers exchanged heavy gunfire in Debre Tabor on 15 October 2023.').map((e) => e.type)).not.toContain('AGREEMENT');
    expect(events('The two sides exchanged prisoners in Istanbul on Friday.').map((e) => e.type)).toEqual(['AGREEMENT']);
  });
  it('are read through a verb of report and as lives lost', () => {
    expect(events('On 14 June 2024, the RSF attacked army positions in El Fasher. The army said the attack was repelled; 24 RSF fighters were reported killed.')[0]?.casualties.killed).toBe(24);
    expect(events('On 18 September 2022, bandits attacked a military base in Tsafe; two soldiers lost their lives.')[0]?.casualties.killed).toBe(2);
  });
  it('add the other side\'s dead told with "also"', () => {
    expect(events('Commandos and PKK fighters clashed near Kani Masi on 28 July 2021. The ministry said 4 PKK militants were killed; 1 Turkish soldier also died.')[0]?.casualties.killed).toBe(5);
    expect(events('Bandits attacked a military base in Tsafe. The army said 11 bandits were neutralised; two soldiers also lost their lives.')[0]?.casualties.killed).toBe(13);
    // the same dead told twice are not added
    expect(events('Gunmen killed 5 villagers in Kauru. Police said 5 people were killed.')[0]?.casualties.killed).toBe(5);
  });
  it('count the beheaded and those hacked to death', () => {
    expect(events('Insurgents beheaded 3 farmers outside Ancuabe on 2 October 2023.')[0]?.casualties.killed).toBe(3);
    expect(events('Militants raided homesteads near Mpeketoni, hacking two men to death.')[0]?.casualties.killed).toBe(2);
  });
  it('are the deed\'s told before, not damage no one is said to have done', () => {
    const list = events('JNIM militants ambushed an army convoy near Boni. Between 6 and 9 soldiers were killed and two vehicles were burned.');
    expect(list[0]!.trigger.text).toBe('ambushed');
    expect(list[0]!.casualties.killed).toBe(6);
  });
});

describe('ground taken', () => {
  it('has the dead of the fight by which it was taken, told in its sentence or the next', () => {
    const overran = events('On 5 November 2024, RSF fighters overran the town of Um Kadada after several hours of fighting. At least 11 people were killed.');
    expect(overran.map((e) => e.type)).toEqual(['SEIZE']);
    expect(overran[0]!.casualties.killed).toBe(11);
    const retook = events('On 19 February 2023, army troops retook a village in Butig. Two militants were killed in the final assault.');
    expect(retook.map((e) => e.type)).toEqual(['SEIZE']);
    expect(retook[0]!.casualties.killed).toBe(2);
    // a fight told on another day is another
    expect(events('Rebels seized the town of Kalehe on Monday. Fighting continued in nearby villages on Tuesday.').map((e) => e.type)).toEqual(['SEIZE', 'CLASH']);
  });
});

describe('what a strike hit', () => {
  it('is the strike\'s, told by a participle after a comma: "shelled the district, hitting a bus stop"', () => {
    const list = events('On 10 May 2024, Russian forces shelled a district of Kherson, hitting a market. Two civilians were killed.');
    expect(list.map((e) => e.type)).toEqual(['SHELLING']);
    expect(list[0]!.casualties.killed).toBe(2);
    expect(list[0]!.mappings.acled?.event_type).toBe('Explosions/Remote violence');
  });
});

describe('arrests at a protest', () => {
  it('are the protest\'s intervention, one event, told after it or of its people', () => {
    const after = events('On 10 February 2024, several hundred teachers rallied in Peshawar against unpaid salaries. Police fired tear gas and detained around 20 people.');
    expect(after.map((e) => e.type)).toEqual(['PROTEST']);
    expect(after[0]!.mappings.acled).toEqual({ event_type: 'Protests', sub_event_type: 'Protest with intervention' });
    const before = events('On 5 March 2024, police arrested 14 opposition supporters who had gathered outside the party headquarters in Kampala to demand the release of their leader.');
    expect(before.map((e) => e.type)).toEqual(['PROTEST']);
  });
  it('but an arrest a protest is about is an event of its own', () => {
    const list = events('Police arrested the opposition leader in Kampala on Monday. On Wednesday, his supporters marched in protest against the arrest.');
    expect(list.map((e) => e.type).slice(0, 2)).toEqual(['ARREST', 'PROTEST']);
    // nor is an arrest told next on another day
    expect(events('Hundreds of nurses marched in Kampala on Monday. Police arrested their union leader on Thursday.').map((e) => e.type)).toEqual(['PROTEST', 'ARREST']);
  });
});

describe('shots', () => {
  it('fired at someone are an attack; fired into the air, at no one, are none', () => {
    expect(events('Gunmen fired several rounds at a bus near Kano.').map((e) => e.type)).toEqual(['ATTACK']);
    expect(events('Police fired live rounds into the air to disperse the crowd.')).toEqual([]);
    // unless someone was hurt
    expect(events('Soldiers fired shots into the air, wounding two protesters.').map((e) => e.type)).toEqual(['ATTACK']);
    expect(events('He was fired upon by gunmen near the market.').map((e) => e.type)).toEqual(['ATTACK']);
  });
});

describe('weapons and blades', () => {
  it('hacking beside machetes is violence, not a computer intrusion', () => {
    const list = events('Rebels armed with machetes and guns attacked the village, hacking and shooting residents in their homes.');
    expect(list.map((e) => e.type)).toContain('ATTACK');
    expect(events('Hackers linked to a foreign state attacked the ministry, hacking into email accounts.')).toEqual([]);
  });
  it('"set off" is an explosion only with an explosive', () => {
    expect(events('Militants set off explosives near a police station in Quetta.').map((e) => e.type)).toEqual(['EXPLOSION']);
    expect(events('The convoy set off for the capital at dawn.')).toEqual([]);
  });
  it('a bomb dismantled is a disrupted weapons use; a network dismantled is nothing', () => {
    const list = events('On 1 October 2023, police dismantled an improvised explosive device near a church in Mukono.');
    expect(list[0]?.mappings.acled).toEqual({ event_type: 'Strategic developments', sub_event_type: 'Disrupted weapons use' });
    expect(events('The army dismantled a smuggling network in the north.')).toEqual([]);
  });
});
