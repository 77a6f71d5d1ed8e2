// ACLED's actors of an event where the text names no actor in the argument itself: the armed
// actor whose weapon or post is named, and the people a casualty figure counts.
import { describe, expect, it } from 'vitest';
import { codeEvent } from '../src/export/coded.js';
import { pipeline } from './helpers.js';

const coded = (text: string) => {
  const record = pipeline().process({ text, published: '2024-05-10' });
  const event = record.events[0]!;
  const c = codeEvent(record, event);
  return { actor1: c.actors1.map((a) => a.name), actor2: c.actors2.map((a) => a.name) };
};

describe('ACLED actors from owners and victims', () => {
  it('the owner of the weapon is the first actor: "a Sudanese army warplane bombed"', () => {
    expect(coded('On 9 February 2025, a Sudanese army warplane bombed a market in Nyala, killing 12 civilians.').actor1).toEqual(['Military Forces of Sudan']);
  });
  it('the owner of the post attacked is the second actor: "attacked an SDF checkpoint"', () => {
    expect(coded('On 7 September 2021, IS militants attacked an SDF checkpoint in Thiban.').actor2).toEqual(['Syrian Democratic Forces']);
  });
  it('where the target is a place or a thing, the people killed are the second actor', () => {
    expect(coded('On 9 February 2025, a Sudanese army warplane bombed a market in Nyala, killing 12 civilians.').actor2).toEqual(['Civilians (Sudan)']);
  });
  it('a named target stays the second actor, whoever the casualties are', () => {
    expect(coded('On 2 March 2024, Houthi forces shelled Yemeni army positions near Taiz, killing 3 soldiers.').actor2).toEqual(['Military Forces of Yemen']);
  });
  it('a nationality alone that strikes from afar is its state\'s forces: "Israeli airstrikes"', () => {
    expect(coded('Israeli airstrikes on a market in northern Gaza killed at least 30 people on Saturday.').actor1).toEqual(['Military Forces of Israel']);
  });
  it('a state\'s weapons that act are its forces: "Ukrainian drones struck", "Saudi-led coalition jets struck"', () => {
    expect(coded('Ukrainian drones struck an oil refinery in the Samara region on Sunday.').actor1).toEqual(['Military Forces of Ukraine']);
    expect(coded('Saudi-led coalition jets struck a school bus in northern Yemen on Thursday, killing dozens of people.').actor1).toEqual(['Military Forces of Saudi Arabia']);
  });
  it('a nationality owns a weapon or a military post as its state\'s forces: "a Turkish drone", but not a school', () => {
    expect(coded('On 4 May 2022, a Turkish drone struck a car near Sinjar.').actor1).toEqual(['Military Forces of Türkiye']);
    expect(coded('On 4 May 2022, gunmen attacked a Turkish school in the city.').actor2).not.toContain('Military Forces of Türkiye');
  });
  it('an armed group inside the casualty figure is the second actor: "killing 4 ISWAP fighters"', () => {
    expect(coded('On 6 June 2023, an airstrike hit a camp near Monguno, killing 4 ISWAP fighters.').actor2).toEqual(['Islamic State West Africa Province']);
  });
});

describe('ACLED actors: places and unnamed victims', () => {
  it('the people an attack or a blast kills are civilians where the text names no side: "killing 2 brothers"', () => {
    expect(coded('On 6 August 2023, a landmine planted by Houthi forces exploded under a motorcycle in Hays, Al Hudaydah, killing 2 brothers.').actor2).toEqual(['Civilians (Yemen)']);
    // no one hurt, no civilians: "a drone hit a fuel tank"
    expect(coded('On 6 August 2023, a Houthi drone hit a fuel tank in Hays, Al Hudaydah.').actor2).not.toContainEqual(expect.stringMatching(/^Civilians/));
    // and never in a battle: the other side is an armed actor, named or not
    expect(coded('On 2 March 2024, Houthi forces clashed with gunmen near Taiz, killing 3.').actor2).not.toContainEqual(expect.stringMatching(/^Civilians/));
  });
  it('a village raided is where the event happened, not its second actor', () => {
    const c = coded('On 22 March 2021, CODECO militiamen raided Fataki (Djugu, Ituri), killing 5 civilians.');
    expect(c.actor2).toEqual(['Civilians (DR Congo)']);
    expect(c.actor2).not.toContain('Fataki');
  });
});

describe('ACLED actors: crowds and both sides of a fight', () => {
  it('the people who protest or riot are protesters or rioters, whatever the text calls them', () => {
    expect(coded('On 20 May 2024, thousands of residents rallied in Mekelle, Tigray, to demand the return of their land.').actor1).toEqual(['Protesters (Ethiopia)']);
    expect(coded('On 4 April 2019, young men in Maradi, Niger, burned tyres and threw stones at police after the arrest of a trader.').actor1).toEqual(['Rioters (Niger)']);
    // a named organisation that marches is the protesters' associated actor, as ACLED codes it
    expect(coded('On 3 May 2024, members of the Nigeria Labour Congress marched in Abuja to demand higher wages.').actor1).toEqual(['Protesters (Nigeria)', 'Nigeria Labour Congress']);
    // people the lexicons give no sector are protesters too
    expect(coded('On 2 July 2024, dozens of bus drivers rallied outside the city hall in Accra, Ghana, against a new toll.').actor1).toEqual(['Protesters (Ghana)']);
    expect(coded('On 2 July 2024, hundreds of traders held a sit-in outside the city hall in Accra, Ghana, against a new market tax.').actor1).toEqual(['Protesters (Ghana)']);
  });
  it('a protest names no second actor by what it is against, only by the forces that stepped in', () => {
    expect(coded('On 2 July 2024, hundreds of nurses marched against the health ministry in Accra, Ghana.').actor2).toEqual([]);
    // the forces that break up a sit-in are its second actor, though they are the sentence's subject
    expect(coded('On 2 July 2024, police broke up a sit-in in Accra, Ghana.')).toEqual({ actor1: ['Protesters (Ghana)'], actor2: ['Police Forces of Ghana'] });
    // but forces that fire on protesters are actor 1, as of any attack
    expect(coded('On 2 July 2024, soldiers opened fire on protesters in Accra, Ghana, killing two.').actor2).toEqual(['Protesters (Ghana)']);
  });
  it('the forces that stepped in are a protest\'s second actor, told in its sentence or the next', () => {
    expect(coded('On 2 July 2024, hundreds of nurses rallied in Accra, Ghana, to demand back pay. Police fired tear gas and detained 12 of them.').actor2).toEqual(['Police Forces of Ghana']);
    expect(coded('On 2 July 2024, police fired tear gas to disperse opposition supporters marching in Lomé, Togo.')).toEqual({ actor1: ['Protesters (Togo)'], actor2: ['Police Forces of Togo'] });
    // forces the protest is against are not its second actor
    expect(coded('On 2 July 2024, hundreds of students marched in Accra, Ghana, against police brutality and the arrest of a classmate.').actor2).toEqual([]);
  });
  it('soldiers named without a nationality are the forces of the country where it happened', () => {
    expect(coded('On 11 August 2023, a roadside bomb went off near Dargol, Niger, killing 6 soldiers.').actor2).toEqual(['Military Forces of Niger']);
  });
  it('a riot\'s second actor is whom the rioters fought, not their own dead', () => {
    const c = coded('On 2 July 2024, opposition supporters clashed with police in Kumasi, Ghana. One protester was shot dead.');
    expect(c).toEqual({ actor1: ['Rioters (Ghana)'], actor2: ['Police Forces of Ghana'] });
  });
  it('the group that claims a deed whose doer the text does not name is actor 1', () => {
    expect(coded('On 2 June 2024, a suicide bomber blew himself up at a checkpoint near Bannu, Pakistan. The Pakistani Taliban claimed responsibility.').actor1).toEqual(['Tehreek-e-Taliban Pakistan']);
    // a doer the text names keeps the deed
    expect(coded('On 2 June 2024, al-Shabaab fighters attacked a checkpoint near Afgoye, Somalia. Another group claimed responsibility.').actor1).toEqual(['Al-Shabaab']);
  });
  it('police named without a nationality are the police of the country where it happened', () => {
    expect(coded('On 25 September 2022, protesters clashed with police in Makhachkala, Dagestan, Russia.').actor2).toEqual(['Police Forces of Russia']);
  });
  it('of an attack fought off, who attacked is actor 1 and who fought it off actor 2', () => {
    expect(coded('On 16 February 2022, Nigerian troops repelled an ISWAP attack on their base in Dikwa, Borno.')).toEqual({ actor1: ['Islamic State West Africa Province'], actor2: ['Military Forces of Nigeria'] });
  });
  it('the two sides of a fight told as one subject are actor 1 and actor 2', () => {
    expect(coded('On 3 May 2021, al-Shabaab militants and Somali soldiers clashed near Afgoye, Lower Shabelle.')).toEqual({ actor1: ['Al-Shabaab'], actor2: ['Military Forces of Somalia'] });
  });
});
