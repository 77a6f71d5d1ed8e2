// Claims: modality and who says so.
import { describe, expect, it } from 'vitest';
import { pipeline } from './helpers.js';

const firstEvent = (text: string, type: string) => {
  const record = pipeline().process({ text, published: '2024-05-10' });
  const event = record.events.find((e) => e.type === type);
  if (!event) throw new Error(`no ${type} event in: ${text}`);
  const source = record.entities.find((e) => e.id === event.source);
  return { modality: event.modality, source: source?.mentions.map((m) => m.text) ?? null };
};

/** The modality of the event a trigger word names, through the whole pipeline. */
const modality = (text: string, trigger: string) => pipeline().process({ text, published: '2019-05-28' }).events.find((e) => e.trigger.text === trigger)?.modality;

describe('event claims', () => {
  it('reads a deed told inside what someone says as claimed, with the speaker as its source', () => {
    expect(firstEvent('Two men were shot dead in Kirkuk on Friday, police said.', 'KILLING')).toEqual({ modality: 'claimed', source: ['police'] });
    expect(modality('Local officials said government troops shelled the village of Kafr Nabl overnight.', 'shelled')).toBe('claimed');
    expect(modality('According to the health ministry, an airstrike hit a school in the town on Monday.', 'airstrike')).toBe('claimed');
    // a quotation is what its speaker says, begun in the sentence or before it
    expect(modality('"The gunman walked in and opened fire on the crowd," a witness told reporters.', 'opened fire')).toBe('claimed');
    expect(modality('Then the soldiers opened fire on the crowd in the square."', 'opened fire')).toBe('claimed');
    // a headline's label naming who says it, but not a place's
    expect(modality('Police: Man shoots at officers outside shopping mall.', 'shoots')).toBe('claimed');
    expect(modality('Syria: Government troops shelled the village overnight.', 'shelled')).toBe('asserted');
    // "alleged" hedges the noun it stands before, a guillemet after a scraped title is no quotation
    expect(modality('The alleged attack on the convoy killed two drivers.', 'attack')).toBe('claimed');
    expect(modality('An alleged gang leader hanged himself in his cell hours after his arrest in Palermo.', 'arrest')).toBe('asserted');
    expect(modality('Victim of Christmas Day shooting in Aurora identified « CBS Denver.', 'shooting')).toBe('asserted');
    // a deed in the past perfect passive is one deed, and the speaker after "said" is one only at the clause's end
    expect(firstEvent('The ministry said 105 people had been arrested.', 'ARREST')).toEqual({ modality: 'claimed', source: ['ministry'] });
    expect(firstEvent('Two soldiers were killed in the attack on Sunday, said the governor.', 'ATTACK').source).toEqual(['governor']);
    expect(pipeline().process({ text: 'Thousands of protesters marched on parliament. The president called the protests treasonous and said the government would respond.', published: '2024-06-25' }).events.find((e) => e.type === 'PROTEST')?.source).toBeNull();
    // the article's own voice, with no one said to say it
    expect(modality('Government troops shelled the village of Kafr Nabl overnight.', 'shelled')).toBe('asserted');
  });

  it('keeps a deed the sentence names as known, or tells in a relative clause, asserted inside what someone says', () => {
    expect(modality('The shooting happened shortly after noon, police said.', 'shooting')).toBe('asserted');
    expect(modality('Officers said the man, who was arrested at his home, had no weapon.', 'arrested')).toBe('asserted');
    expect(modality('Authorities say two residents died in the police shooting early Saturday.', 'shooting')).toBe('asserted');
    // a clause of time is part of what is said
    expect(modality('RSF fighters killed 40 people when they attacked a camp near El Fasher, activists said.', 'attacked')).toBe('claimed');
    // a statement is the saying itself
    expect(modality('The group claimed responsibility for the bombing in a message posted online, officials said.', 'claimed responsibility')).toBe('asserted');
  });

  it('keeps the modality each mention\'s own sentence tells beside the event\'s', () => {
    const events = pipeline().process({ text: 'A gunman shot and wounded a man outside a bar in Dayton on Friday. Police said the gunman shot the man twice after an argument.', published: '2016-01-12' }).events;
    const attack = events.find((e) => e.type === 'ATTACK')!;
    expect(attack.modality).toBe('asserted');
    expect(attack.mentions?.filter((m) => m.sentence === 1).map((m) => m.modality)).toEqual(['claimed']);
  });

  it('ends a verb of thwarting at "and" when it has its own object, but not "tried to … and …"', () => {
    const events = pipeline().process({ text: "The ministry's claims of repelling the incursions and inflicting heavy losses on the attackers were denied.", published: '2024-03-16' }).events;
    const losses = events.flatMap((e) => [{ text: e.trigger.text, modality: e.modality }, ...(e.mentions ?? [])]).find((m) => m.text === 'inflicting heavy losses');
    expect(losses?.modality).not.toBe('attempted');
    expect(modality('Gunmen tried to storm the police station on Monday.', 'storm')).toBe('attempted');
  });

  it('keeps the event\'s modality to its own sentence, and each later mention\'s to its own', () => {
    const told = pipeline().process({ text: 'Police said a man was shot in Dayton on Friday. The man was shot in the head and died at the scene.', published: '2016-01-12' }).events;
    const shooting = told.find((e) => e.type === 'ATTACK')!;
    expect(shooting.modality).toBe('claimed');
    expect(shooting.mentions?.filter((m) => m.sentence === 1).map((m) => m.modality)).toContain('asserted');
  });

  it('reads an event noun that is the subject of a modal as a possibility, unless the article knows of it', () => {
    expect(modality('Turkey has warned that a full-scale offensive on Idlib would trigger a new wave of refugees.', 'offensive')).toBe('hypothetical');
    expect(modality('An attack on the capital could come within days.', 'attack')).toBe('hypothetical');
    expect(modality('The attack will be investigated, police said.', 'attack')).toBe('asserted');
  });

  it('reads a deed in the present after "until" as not yet done, and one in the past as done', () => {
    expect(modality('The prime minister has vowed to continue fighting until the group is destroyed.', 'destroyed')).toBe('hypothetical');
    expect(modality('The rebels fought on until the town was destroyed.', 'destroyed')).toBe('asserted');
  });

  it('reads a denial as a statement made, and "not clear who launched" as no negation of the deed', () => {
    const events = pipeline().process({ text: 'The RSF denied reports that its fighters had executed detained soldiers.', published: '2023-12-19' }).events;
    expect(events.find((e) => e.type === 'STATEMENT')?.modality).toBe('asserted');
    // "detained" describes the soldiers: no arrest of its own
    expect(events.map((e) => e.type)).not.toContain('ARREST');
    const strike = pipeline().process({ text: 'On Monday, a drone struck a hospital in El Fasher, killing four patients. It was not clear who launched the drone.', published: '2023-12-19' }).events;
    expect(strike.map((e) => e.modality)).toEqual(['asserted']);
    expect(pipeline().process({ text: 'The ministry did not deny the reports.', published: '2023-12-19' }).events[0]?.modality).toBe('negated');
  });

  it('reads what is demanded, urged, threatened or vowed as ahead (future), what is conditional as hypothetical', () => {
    expect(modality('The junta demanded the withdrawal of the UN mission.', 'withdrawal')).toBe('future');
    expect(modality('The president urged allies to speed up deliveries of air defence systems.', 'deliveries')).toBe('future');
    expect(modality('The junta has vowed to retake territory from the militants.', 'retake')).toBe('future');
    expect(modality('If the army had attacked the town, the rebels would have withdrawn.', 'attacked')).toBe('hypothetical');
  });

  it('reads a denial beside a claim as its own deed, made by the one who speaks', () => {
    const events = pipeline().process({ text: "Russia's defence ministry said its forces had struck military infrastructure in Odesa and denied targeting civilians.", published: '2024-11-18' }).events;
    expect(events.find((e) => e.trigger.text === 'struck')).toMatchObject({ type: 'ATTACK', modality: 'claimed' });
    expect(events.find((e) => e.trigger.text === 'struck')!.args.map((a) => a.text)).not.toContain('civilians');
    expect(events.find((e) => e.trigger.text === 'targeting')).toMatchObject({ type: 'ATTACK', modality: 'denied' });
    expect(events.find((e) => e.type === 'STATEMENT')!.args.filter((a) => a.role === 'agent').map((a) => a.text)).toEqual(["Russia's defence ministry"]);
  });

  it('gives a statement after "and" the speaker of the saying before it, not the people it told of', () => {
    const statement = pipeline().process({ text: 'Amnesty International said at least 50 people had been arrested and called for the release of those detained.', published: '2024-06-25' }).events.find((e) => e.type === 'STATEMENT')!;
    expect(statement.args.filter((a) => a.role === 'agent').map((a) => a.text)).toEqual(['Amnesty International']);
  });

  it('reads a claim no one made as negated, and the deed it names as the article tells it', () => {
    const events = (text: string) => pipeline().process({ text, published: '2024-03-04' }).events;
    const [statement, attack] = events('No group has claimed responsibility for the attack.');
    expect(statement).toMatchObject({ type: 'STATEMENT', modality: 'negated' });
    expect(statement!.args.filter((a) => a.role === 'agent')).toEqual([]);
    expect(attack).toMatchObject({ type: 'ATTACK', modality: 'asserted' });
    expect(attack!.args.filter((a) => a.role === 'agent')).toEqual([]);
    expect(events('Nobody claimed responsibility for the bombing.').find((e) => e.type === 'EXPLOSION')?.modality).toBe('asserted');
    // a claim made stays one
    expect(events('The IRA claimed responsibility for the bombing.').find((e) => e.type === 'EXPLOSION')?.modality).toBe('claimed');
  });

  it('reads "May" in a date as the month, not the modal: reports dated in May are asserted', () => {
    const modalities = (text: string) => pipeline().process({ text, published: '2024-06-01' }).events.map((e) => e.modality);
    expect(modalities('On 22 May 2023, Russian forces shelled Marinka, Donetsk.')).toEqual(['asserted']);
    expect(modalities('On 3 May 2022, JNIM militants attacked a FAMa camp in Douentza, Mopti region.')).toEqual(['asserted']);
    expect(modalities('In May, rebels clashed with the army near the border.')).toEqual(['asserted']);
    expect(modalities('Officials said rebels may attack the town.')).toEqual(['hypothetical']);
  });

  it('reads "said it had destroyed" as a claim by the speaker', () => {
    const e = firstEvent('The army said it had destroyed two enemy tanks.', 'DESTRUCTION');
    expect(e.modality).toBe('claimed');
    expect(e.source?.[0]).toMatch(/army/);
  });

  it('reads "possible" as a cue of a hypothetical event, but not in "the strongest possible terms" or "as soon as possible"', () => {
    expect(firstEvent('Officials said a possible attack on the port of Berdiansk was being studied.', 'ATTACK').modality).toBe('hypothetical');
    // a warning puts it ahead, which the guideline ranks before a condition
    expect(firstEvent('Officials warned of a possible attack on the port of Berdiansk.', 'ATTACK').modality).toBe('future');
    expect(firstEvent('The foreign minister condemned in the strongest possible terms the attacks on the village of Kamyanka on Tuesday.', 'ATTACK').modality).toBe('asserted');
    expect(firstEvent('Rebels fired as many shells as possible on the town of Nassib overnight.', 'SHELLING').modality).toBe('asserted');
  });

  it('reads "said on Sunday it had killed" as the speaker\'s claim of its own deed, counting the people in quotes', () => {
    const r = pipeline().process({ text: 'The army said on Sunday it had killed "dozens of terrorists" in an operation in the area.', published: '2024-07-10' });
    const killing = r.events.find((e) => e.type === 'KILLING');
    expect(killing).toMatchObject({ modality: 'claimed', casualties: { killed: 24 } });
    expect(killing?.args.filter((a) => a.role === 'agent').map((a) => a.text)).toEqual(['army']);
  });

  it('reads "said in a statement that it had liberated" as a claim too', () => {
    expect(firstEvent('The army said in a statement that it had liberated the villages from terrorist groups.', 'SEIZE').modality).toBe('claimed');
  });

  it('ends a denial\'s reach at a verb of saying after it: what follows is the speaker\'s claim', () => {
    expect(firstEvent('The ministry denied that officers had used live ammunition and said 105 people had been arrested.', 'ARREST').modality).toBe('claimed');
    expect(firstEvent('The ministry denied that officers shelled the town and said the army had withdrawn.', 'SHELLING').modality).toBe('denied');
    // and at a verb the denial is coordinated with
    expect(modality('The Taliban denied any involvement and condemned the attack.', 'attack')).toBe('asserted');
    expect(modality('The army denied its troops had raided homes and detained residents.', 'detained')).toBe('denied');
  });

  it('reads a deed dated "next week" as planned, and the statement that tells of it as made, with no date of its own', () => {
    const r = pipeline().process({ text: 'Opposition leaders announced protests in Nairobi next week.', published: '2024-07-10' });
    expect(r.events.find((e) => e.type === 'PROTEST')).toMatchObject({ modality: 'future', date: '2024-07-17' });
    expect(r.events.find((e) => e.type === 'STATEMENT')).toMatchObject({ modality: 'asserted', date: null });
  });

  it('reads what is called for as not yet done, as what is demanded, and "called for backup after the attack" as no call for the attack', () => {
    expect(modality('The UN called for an immediate ceasefire.', 'ceasefire')).toBe('hypothetical');
    expect(modality('Police called for backup after the attack on the station.', 'attack')).toBe('asserted');
  });

  it('reads a denial as denied, and a plain negation as negated', () => {
    expect(firstEvent('The ministry denied that its forces shelled the town.', 'SHELLING').modality).toBe('denied');
    expect(firstEvent('Its forces did not shell the town.', 'SHELLING').modality).toBe('negated');
  });

  it('recognises "claimed responsibility" and "said it had reclaimed", with the speaker as claimant', () => {
    const r = pipeline().process({ text: 'The Syrian army said it had reclaimed the border town of Nassib from rebels.', published: '2024-05-10' });
    const seize = r.events.find((e) => e.type === 'SEIZE');
    expect(seize?.modality).toBe('claimed');
    expect(r.entities.find((e) => e.id === seize?.source)?.mentions.some((m) => m.text === 'Syrian army')).toBe(true);
    const c = pipeline().process({ text: 'A local militia claimed responsibility for the bombing of the bridge near Kidal.', published: '2024-05-10' });
    expect(c.events.map((e) => e.type)).toContain('STATEMENT');
    expect(c.events.find((e) => e.type === 'EXPLOSION')?.modality).toBe('claimed');
  });

  it('takes the speaker of the attribution as claimant, not the last-named person', () => {
    const r = pipeline().process({ text: 'Rebels shelled the airport on Monday, the monitoring group said, citing Omar Haddad.', published: '2024-05-10' });
    const shelling = r.events.find((e) => e.type === 'SHELLING');
    expect(r.entities.find((e) => e.id === shelling?.source)?.name.toLowerCase()).toBe('monitoring group');
  });

  it('reads a thwarted attack as attempted, and a threat as hypothetical', () => {
    expect(firstEvent('Police thwarted an attack on the embassy.', 'ATTACK').modality).toBe('attempted');
    expect(firstEvent('The group could attack the capital.', 'ATTACK').modality).toBe('hypothetical');
  });

  it('names the claimant of "according to"', () => {
    const e = firstEvent('Militants burned 40 homes in the village, according to local officials.', 'DESTRUCTION');
    expect(e.source?.[0]).toMatch(/local officials/);
  });

  it('asserts what the article tells as fact', () => {
    expect(firstEvent('Protesters blocked the main road in the capital.', 'PROTEST')).toEqual({ modality: 'asserted', source: null });
  });
});

describe('announcements and hedges', () => {
  const types = (text: string) => pipeline().process({ text, published: '2024-05-10' }).events.map((e) => e.type);

  it('an announcement of a deed in its sentence is the deed\'s channel, not a statement; the announcer is its claimant', () => {
    expect(types('The Halvorsen Police Department announced on Friday that officers have made an arrest in the killing of a shopkeeper.')).not.toContain('STATEMENT');
    expect(firstEvent('The Halvorsen Police Department announced on Friday that officers have made an arrest in the killing of a shopkeeper.', 'ARREST').source).toEqual(['Halvorsen Police Department']);
  });

  it('an announcement of nothing else, or of a deal, stays a statement', () => {
    expect(types('The company announced a new phone on Monday.')).toEqual(['STATEMENT']);
    expect(types('The firm announced that it has signed an agreement to buy a rival.')).toContain('STATEMENT');
  });

  it('"allegedly" and "reportedly" make a deed a claim', () => {
    expect(modality('A former employee walked into the office party and allegedly shot a manager.', 'shot')).toBe('claimed');
    expect(modality('Militants reportedly stormed the checkpoint overnight.', 'stormed')).toBe('claimed');
  });
});

describe('an announcement of what is still to come', () => {
  it('stays a statement: the announcing is what took place ("announced that the troops would be withdrawn")', () => {
    const events = pipeline().process({ text: 'The president announced in December that all 2,000 troops would be withdrawn from the north.', published: '2024-05-10' }).events;
    expect(events.map((e) => e.type)).toContain('STATEMENT');
  });
});

describe('negation needs a word of negation', () => {
  it('a deed told in a long sentence with no "not", "no", "none" or "without" is not negated', () => {
    expect(modality('On 2 May 2022, a shepherd stepped on a mine while clearing brush in a field near the village of Hrakove outside Chuhuiv (Kharkiv) and died at the scene; police said the mine had been laid by Russian forces before they withdrew from the area in September 2022.', 'stepped on a mine')).toBe('asserted');
  });
  it('"none of the soldiers were killed" stays negated', () => {
    expect(modality('None of the soldiers were killed.', 'killed')).toBe('negated');
  });
});
