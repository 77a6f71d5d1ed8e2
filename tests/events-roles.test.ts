// Roles: the agent, targets, location, origin and instrument of an event.
import { describe, expect, it } from 'vitest';
import type { ArgRole } from '../src/doc.js';
import { pipeline } from './helpers.js';

/** role → the texts of that role, for the first event of the given type */
function rolesOf(text: string, type: string): Partial<Record<ArgRole, string[]>> {
  const event = pipeline().process({ text, published: '2024-05-10' }).events.find((e) => e.type === type);
  if (!event) throw new Error(`no ${type} event in: ${text}`);
  const out: Partial<Record<ArgRole, string[]>> = {};
  for (const a of event.args) (out[a.role] ??= []).push(a.text);
  return out;
}

describe('event roles', () => {
  it('reads the two sides of a fight told as one subject as agent and target, and allies as one agent', () => {
    const fight = rolesOf('Al-Shabaab militants and Somali soldiers clashed near Afgoye on Monday.', 'CLASH');
    expect(fight.agent).toEqual(['Al-Shabaab militants']);
    expect(fight.target).toEqual(['Somali soldiers']);
    expect(rolesOf('Rebel factions and army units exchanged fire on the outskirts of the town.', 'CLASH')).toMatchObject({ agent: ['Rebel factions'], target: ['army units'] });
    // allies who do one deed together stay one agent, and so do allies whose fight names the other side
    expect(rolesOf('Government troops and allied militias retreated from the town on Monday.', 'WITHDRAWAL').agent).toEqual(['Government troops and allied militias']);
    expect(rolesOf('Government troops and allied militias fought Islamic State militants near Raqqa.', 'CLASH')).toMatchObject({ agent: ['Government troops and allied militias'], target: ['Islamic State militants'] });
    expect(rolesOf('Students and workers clashed with police in the capital.', 'CLASH')).toMatchObject({ agent: ['Students and workers'], target: ['police'] });
  });

  it('reads the country a statement is aimed at as its target, not where it was made', () => {
    expect(rolesOf('Palestinian officials blamed Israel for the killing of a militant leader.', 'STATEMENT').target).toEqual(['Israel']);
    expect(rolesOf('Lebanon complained to the United Nations on Tuesday.', 'STATEMENT').agent).toEqual(['Lebanon']);
  });

  it('reads the other side a fight names after "with", and ground taken names after "from", as the target', () => {
    expect(rolesOf('Protesters clashed with police in the city centre on Sunday.', 'CLASH').target).toEqual(['police']);
    expect(rolesOf('Government forces retook the town from rebel factions on Monday.', 'SEIZE').target).toContain('rebel factions');
    // an attack "with" a weapon names no side
    expect(rolesOf('Militants attacked the base with drones on Monday.', 'DRONE_STRIKE').target ?? []).not.toContain('drones');
  });

  it('reads a firing of a small arm whose name holds a bigger weapon\'s word as an attack with it', () => {
    const pipe = pipeline().process({ text: 'Militants fired rocket-propelled grenades at the convoy.', published: '2024-05-10' });
    expect(pipe.events.map((e) => [e.type, e.trigger.text])).toEqual([['ATTACK', 'fired']]);
    expect(rolesOf('Militants fired rocket-propelled grenades at the convoy.', 'ATTACK')).toMatchObject({ instrument: ['rocket-propelled grenades'], target: ['convoy'] });
    // rockets and mortars fired are shelling still
    expect(pipeline().process({ text: 'Militants fired mortar rounds at the base.', published: '2024-05-10' }).events.map((e) => e.type)).toEqual(['SHELLING']);
  });

  it('reads the weapon a verb of setting off or throwing takes as its object as the instrument, not the target', () => {
    const bomb = rolesOf('Gunmen detonated a car bomb near a market in the town.', 'EXPLOSION');
    expect(bomb.instrument).toEqual(['a car bomb']);
    expect(bomb.target ?? []).not.toContain('a car bomb');
    const grenade = rolesOf('Militants threw a grenade at a police patrol, wounding three officers.', 'EXPLOSION');
    expect(grenade.instrument).toEqual(['a grenade']);
    expect(grenade.target).toContain('police patrol');
  });

  it('reads the name before an aside with a verb in it as the subject: "Al Shabaab, the group fighting to topple the government, claimed"', () => {
    expect(rolesOf('Al Shabaab, the al Qaeda-linked group fighting to topple the government, claimed responsibility for the blast.', 'STATEMENT').agent).toEqual(['Al Shabaab']);
    // so is an aside whose noun has a relative clause: "the jihadist group that controls much of Idlib"
    expect(rolesOf('Hayat Tahrir al-Sham, the jihadist group that controls much of Idlib, claimed responsibility for the attack.', 'STATEMENT').agent).toEqual(['Hayat Tahrir al-Sham']);
    // a clause before the comma is no aside
    expect(rolesOf('When the army attacked the town, the rebels fled.', 'ATTACK').agent).toEqual(['army']);
  });

  it('reads the sides after "between" as a fight\'s agent and target, and no witness who reports a deed as its agent', () => {
    expect(rolesOf('Heavy fighting between al-Shabaab militants and Somali soldiers broke out in Lower Shabelle on Monday.', 'CLASH')).toMatchObject({ agent: ['al-Shabaab militants'], target: ['Somali soldiers'] });
    expect(rolesOf('Residents reported heavy gunfire in several districts overnight.', 'ATTACK').agent).toBeUndefined();
  });

  it('reads the one "which" or "who" stands for as the subject of a relative clause', () => {
    expect(rolesOf('Two people were shot dead, according to the Uganda Law Society, which accused police of using excessive force.', 'STATEMENT').agent).toEqual(['Uganda Law Society']);
  });

  it('reads a name followed by "several times" as the target, and an attribution inside a relative clause as no agent', () => {
    expect(rolesOf('Police say Carl Dunn shot Ray Odom several times.', 'ATTACK')).toMatchObject({ agent: ['Carl Dunn'], target: ['Ray Odom'] });
    expect(rolesOf('A man who police say shot a 22-year-old clerk last week has been arrested.', 'ATTACK').agent).toEqual(['man']);
  });

  it('reads the subject as agent, the object as target and the "in" place as location', () => {
    const roles = rolesOf('Militants attacked a police station in Kano on Monday.', 'ATTACK');
    expect(roles.agent).toEqual(['Militants']);
    expect(roles.target).toEqual(['police station']);
    expect(roles.location).toEqual(['Kano']);
  });

  it('gives a second verb after "and" the subject of the first, not its object', () => {
    expect(rolesOf('Soldiers stopped Daniel Okafor and killed him at the roadside.', 'KILLING').agent).toEqual(['Soldiers']);
    expect(rolesOf('He pulled out a pistol and shot the guard.', 'ATTACK').agent).toEqual(['He']);
    // wink tags this "shot" a noun: the past form after a noun is still the first verb
    expect(rolesOf('A gunman shot and killed two men in Jos.', 'KILLING').agent).toEqual(['gunman']);
  });

  it('gives a participle after a comma the subject of the clause\'s first verb, not the place named last', () => {
    const roles = rolesOf('On 3 May 2024, a suicide bomber drove a truck into an army post near Gao, Mali, killing 6 soldiers.', 'KILLING');
    expect(roles.agent).toEqual(['suicide bomber']);
    expect(roles.location).toEqual(['Gao', 'Mali']);
  });

  it('reads the people before a participle of killing or wounding with no object as its victims, not its agents', () => {
    const roles = rolesOf('There were three women and four men wounded.', 'KILLING');
    expect(roles.agent).toBeUndefined();
    expect(roles.target).toContain('four men');
    const listed = rolesOf('Some 40 people were trapped, wounded and left without food.', 'KILLING');
    expect(listed.agent).toBeUndefined();
    expect(listed.target).toEqual(['Some 40 people']);
  });

  it('reads a passive: the subject is the target, the "by" phrase the agent', () => {
    const roles = rolesOf('The convoy was ambushed by gunmen near Gao.', 'ATTACK');
    expect(roles.agent).toEqual(['gunmen']);
    expect(roles.target).toEqual(['convoy']);
    expect(roles.location).toEqual(['Gao']);
  });

  it('reads the actor before a noun trigger as its agent', () => {
    const roles = rolesOf('A Russian missile strike destroyed a bridge in Kharkiv.', 'AIRSTRIKE');
    expect(roles.agent?.[0]).toMatch(/Russian/);
  });

  it('takes coordinated objects as targets too', () => {
    const roles = rolesOf('Ukrainian forces destroyed two tanks and an armoured vehicle.', 'DESTRUCTION');
    expect(roles.target).toEqual(['two tanks', 'an armoured vehicle']);
  });

  it('gives a crash its vehicle as instrument and a withdrawal its "from" place as location', () => {
    expect(rolesOf('A military helicopter crashed near Kabul on Sunday.', 'CRASH').instrument?.[0]).toMatch(/helicopter/);
    expect(rolesOf('Government troops withdrew from Avdiivka.', 'WITHDRAWAL').location).toEqual(['Avdiivka']);
  });

  it('counts the quantities of the target', () => {
    const roles = rolesOf('Rebels abducted 15 students from a school.', 'CAPTURE');
    expect(roles.quantity).toEqual(['15 students']);
  });
});

describe('a bracket before the verb', () => {
  const first = (text: string) => pipeline().process({ text, published: '2024-05-10' }).events[0];
  it('an acronym in brackets after a name does not hide the verb: "the Karen National Union (KNU) seized Myawaddy"', () => {
    const e = first('On 10 April 2024, the Karen National Union (KNU) seized Myawaddy from the junta.');
    expect(e?.type).toBe('SEIZE');
    expect(e?.args.find((a) => a.role === 'agent')?.text).toBe('Karen National Union');
  });
  it('the places in brackets are no subject: "residents of Kasindi (Beni, North Kivu) lynched a man"', () => {
    const e = first('On 3 May 2021, residents of Kasindi (Beni, North Kivu) lynched a man accused of theft.');
    expect(e?.args.find((a) => a.role === 'agent')?.text).toBe('residents of Kasindi');
  });
});

describe('acronyms of armed groups', () => {
  const agent = (text: string) => pipeline().process({ text, published: '2024-05-10' }).events[0]?.args.find((a) => a.role === 'agent');
  it('"IS militants" are the Islamic State\'s, as ACLED writes the group', () => {
    const r = pipeline().process({ text: 'On 2 June 2021, IS militants attacked an army checkpoint near Hit.', published: '2024-05-10' });
    const a = r.events[0]?.args.find((x) => x.role === 'agent');
    expect(a?.text).toBe('IS militants');
    expect(r.entities.find((e) => e.id === a?.ref)?.name).toBe('Islamic State');
  });
  it('a line of capitals spells words, not acronyms: "IT IS TIME", "TELL US"', () => {
    const r = pipeline().process({ text: 'TELL US WHAT YOU THINK. IT IS TIME TO ACT.', published: '2024-05-10' });
    expect(r.entities.map((e) => e.name)).toEqual([]);
  });
  it('"Kachin Independence Army (KIA) fighters" are the group\'s fighters, name and acronym', () => {
    expect(agent('On 10 December 2024, Kachin Independence Army (KIA) fighters exchanged fire with the military near Bhamo.')?.text).toBe('Kachin Independence Army (KIA) fighters');
  });
});

describe('subjects around a preposition and its article', () => {
  const agent = (text: string) => pipeline().process({ text, published: '2024-05-10' }).events[0]?.args.find((a) => a.role === 'agent')?.text;
  it('"government forces backed by the Southern Brigades retook the town": the forces, not their backers', () => {
    expect(agent('On 3 May 2022, government forces backed by the Southern Brigades retook Bayhan from Houthi fighters.')).toBe('government forces');
  });
  it('"a drone operated by a police task force struck a house": who worked the drone', () => {
    expect(agent('On 4 June 2025, an explosive-laden drone operated by a police task force struck a house used by gang members.')).toBe('police task force');
  });
  it('"members of a local militia traded fire": the militia', () => {
    expect(agent('On 2 April 2023, members of a Misrata militia traded fire with a rival militia in the town centre.')).toMatch(/militia$/);
  });
});
