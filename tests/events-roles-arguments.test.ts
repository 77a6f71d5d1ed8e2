// Roles read the way news English says who did what to whom (issue 20, measured on WikiEvents
// by scripts/eval-arguments.ts): subjects that suffer ("died"), pronoun subjects, asides beside
// the subject, participles after a comma or dash, "including" lists after a verb, bare counts,
// "claimed responsibility for", and a town before an event noun.
import { describe, expect, it } from 'vitest';
import type { ArgRole, EventArg } from '../src/doc.js';
import { pipeline } from './helpers.js';

/** The arguments of the first event of the given type. */
function argsOf(text: string, type: string): EventArg[] {
  const event = pipeline().process({ text, published: '2024-05-10' }).events.find((e) => e.type === type);
  if (!event) throw new Error(`no ${type} event in: ${text}`);
  return event.args;
}

const texts = (args: EventArg[], role: ArgRole) => args.filter((a) => a.role === role).map((a) => a.text);

describe('event roles: who did what to whom', () => {
  it('reads the subject of "died" as the victim, not the agent', () => {
    const args = argsOf('Two soldiers died in Kherson on Monday.', 'KILLING');
    expect(texts(args, 'target')).toEqual(['Two soldiers']);
    expect(texts(args, 'agent')).toEqual([]);
  });

  it('reads a suicide bomber as an actor', () => {
    expect(texts(argsOf('A suicide bomber attacked a police checkpoint in Kabul.', 'ATTACK'), 'agent')).toEqual(['suicide bomber']);
  });

  it('takes a pronoun subject as agent, "he" standing for the person named before', () => {
    const args = argsOf('Police said Ahmed Khan opened fire at a market in Peshawar. He killed three shoppers.', 'KILLING');
    const agent = args.find((a) => a.role === 'agent');
    expect(agent?.text).toBe('He');
    const doc = pipeline().process({ text: 'Police said Ahmed Khan opened fire at a market in Peshawar. He killed three shoppers.', published: '2024-05-10' });
    expect(doc.entities.find((e) => e.id === agent?.ref)?.name).toBe('Ahmed Khan');
    expect(texts(argsOf('In May, she was arrested and held without charge.', 'ARREST'), 'target')).toEqual(['she']);
  });

  it('gives the victims of a second casualty verb, and a count with no noun, to the event', () => {
    expect(texts(argsOf('They killed 12 soldiers and wounded 30.', 'KILLING'), 'target')).toEqual(['12 soldiers', '30']);
    expect(texts(argsOf('Gunmen injured another 15.', 'KILLING'), 'target')).toEqual(['another 15']);
    expect(texts(argsOf('The attack killed three people and injured more than 260.', 'ATTACK'), 'target')).toEqual(['three people', 'more than 260']);
    // a number after a verb that counts no casualties is no victim
    expect(texts(argsOf('For 20 minutes the bombs exploded at one a minute.', 'EXPLOSION'), 'target')).toEqual([]);
  });

  it('takes no pronoun as the agent of "exploded": what explodes is the device', () => {
    expect(texts(argsOf('Then for 20 minutes they exploded in the city centre.', 'EXPLOSION'), 'agent')).toEqual([]);
    expect(texts(argsOf('They detonated two bombs in the market.', 'EXPLOSION'), 'agent')).toEqual(['They']);
  });

  it('reads the subject past an aside: an age or a description, or the name the aside gives', () => {
    expect(texts(argsOf('Hassan Ali, 32, was arrested in Karachi on Friday.', 'ARREST'), 'target')).toEqual(['Hassan Ali']);
    expect(texts(argsOf('Hamas, the militant group, attacked an Israeli army post.', 'ATTACK'), 'agent')).toEqual(['Hamas']);
    expect(texts(argsOf('The spokesman, John Kirby, condemned the attack.', 'STATEMENT'), 'agent')).toEqual(['John Kirby']);
  });

  it('reads a participle after a dash as said of the phrase before it', () => {
    const args = argsOf('The suspect, Omar Haddad – shot dead by police – had been on a watch list.', 'KILLING');
    expect(texts(args, 'target')).toEqual(['Omar Haddad']);
    expect(texts(args, 'agent')).toEqual(['police']);
  });

  it('takes what is fired for no target, and what it is fired at, on or into for one', () => {
    expect(texts(argsOf('The gunman fired shots at police near the market.', 'ATTACK'), 'target')).toEqual(['police']);
    expect(texts(argsOf('Shots were fired at the convoy near Gao.', 'ATTACK'), 'target')).toEqual(['convoy']);
    expect(texts(argsOf('Troops fired several rounds into the crowd.', 'ATTACK'), 'target')).toEqual(['crowd']);
    // fired into the air, at no one: no attack at all (sense.ts firedToDisperse)
    expect(pipeline().process({ text: 'Soldiers fired into the air outside the barracks.', published: '2024-05-10' }).events).toEqual([]);
    // an inquiry launched "into" something aims at nothing
    expect(pipeline().process({ text: 'Police have launched an investigation into the alleged crimes.', published: '2024-05-10' }).events.flatMap((e) => e.args).map((a) => a.text)).not.toContain('alleged crimes');
  });

  it('leaves a dateline\'s dash out of the agent, and keeps a hyphen inside a name', () => {
    const story = 'Gunmen kill 12 villagers in Burkina Faso\n\nOUAGADOUGOU, March 4 (Reuters) - Gunmen on motorbikes killed 12 people in an attack on a village on Saturday, officials said.';
    expect(texts(argsOf(story, 'ATTACK'), 'agent')).toEqual(['Gunmen']);
    expect(texts(argsOf('Turkish-backed fighters attacked the town.', 'ATTACK'), 'agent')).toEqual(['Turkish-backed fighters']);
  });

  it('takes no speakers for victims: "killing 17 soldiers, a military officer and residents said"', () => {
    expect(texts(argsOf('A suicide car bomb blew open the gate, killing at least 17 soldiers, a military officer and residents said.', 'EXPLOSION'), 'target')).toEqual(['at least 17 soldiers']);
    // a list with no verb of saying after it is all victims
    expect(texts(argsOf('The strike killed three soldiers, a nurse and two children in the town.', 'ATTACK'), 'target').length).toBeGreaterThanOrEqual(3);
  });

  it('takes the side that made an assault for the target of its repelling, not the assault', () => {
    expect(texts(argsOf('The RSF said its forces had repelled an assault by the army and allied militias east of the city.', 'CLASH'), 'target')).toEqual(['army', 'allied militias']);
  });

  it('takes no place after "in" for an agent: "a car bomb in Mogadishu, which killed 20"', () => {
    const args = argsOf('A car bomb in Mogadishu, which killed 20 people, was claimed by al-Shabaab.', 'EXPLOSION');
    expect(texts(args, 'agent')).toEqual([]);
    expect(texts(args, 'location')).toEqual(['Mogadishu']);
    expect(texts(argsOf('Russia attacked the power grid overnight.', 'ATTACK'), 'agent')).toEqual(['Russia']);
  });

  it('takes a junta, a regime or a coalition for an actor, not the state that owns it', () => {
    expect(texts(argsOf("Burkina Faso's junta, which seized power in 2022, has vowed to retake territory from the militants.", 'STATEMENT'), 'agent')).toEqual(['junta']);
    expect(texts(argsOf('The Assad regime bombed the town of Ariha.', 'AIRSTRIKE'), 'agent')).toEqual(['Assad regime']);
  });

  it('takes no time of day for a target: "at dawn", "at midday"', () => {
    expect(texts(argsOf('The attackers stormed the village of Koulpelogo at dawn.', 'INCURSION'), 'target')).toEqual([]);
    expect(texts(argsOf('Militants attacked the convoy at midday on Sunday.', 'ATTACK'), 'target')).toEqual(['convoy']);
  });

  it('takes military sites as ground taken', () => {
    expect(texts(argsOf('Islamic State fighters took over the barracks on Sunday.', 'SEIZE'), 'target')).toEqual(['barracks']);
    expect(texts(argsOf('Rebels seized two checkpoints near Goma.', 'SEIZE'), 'target')).toEqual(['two checkpoints']);
  });

  it('takes an "including" list after a verb as targets', () => {
    expect(texts(argsOf('Leftists were arrested, including Maria Lopez and Juan Perez.', 'ARREST'), 'target')).toEqual(['Leftists', 'Maria Lopez', 'Juan Perez']);
  });

  it('takes who claims or accepts responsibility for a deed as its agent', () => {
    expect(texts(argsOf('The Islamic State group accepted responsibility for the bombing.', 'EXPLOSION'), 'agent')).toEqual(['Islamic State group']);
  });

  it('reads a town before an event noun as the place, a state or a possessive as the agent', () => {
    const kabul = argsOf('The Kabul bombing killed 22 people.', 'EXPLOSION');
    expect(texts(kabul, 'agent')).toEqual([]);
    expect(texts(kabul, 'location')).toEqual(['Kabul']);
    expect(texts(argsOf("Ukraine's drone attack hit a refinery.", 'DRONE_STRIKE'), 'agent')).toEqual(['Ukraine']);
    expect(texts(argsOf("Kyiv's offensive stalled near Bakhmut.", 'ATTACK'), 'agent')).toEqual(['Kyiv']);
  });
});
