// Candidates: which trigger words announce an event, of which type.
import { describe, expect, it } from 'vitest';
import { insideWeaponName, isAnaphoric, isNominal, isPassive, isReference, readingOf } from '../src/stages/events/candidates.js';
import { readSentence } from './events-harness.js';
import { pipeline } from './helpers.js';

const typeOf = (text: string, word: string) => {
  const view = readSentence(text);
  return readingOf(view, view.hit(word))?.type ?? null;
};

/** The types of the events of a text, through the whole pipeline. */
const types = (text: string) => pipeline().process({ text, published: '2024-05-10' }).events.map((e) => e.type);

describe('event candidates', () => {
  it('reads a missile or drone that slams or crashes into something as a strike, and a truck that does as a crash', () => {
    expect(types('Russian missiles and drones slammed into the power grid overnight.')).toEqual(['DRONE_STRIKE']);
    expect(types('A Russian missile slammed into an apartment block in Dnipro.')).toEqual(['AIRSTRIKE']);
    expect(types('A truck slammed into a checkpoint in Kabul.')).toEqual(['CRASH']);
  });

  it('reads a word of violence that opens a sentence as one, whatever the tagger calls it, but not a label before a colon', () => {
    expect(types('Clashes between rival armed groups killed 27 people in Tripoli on Tuesday.')).toEqual(['CLASH']);
    expect(types('Looting: On 2 August 2022, militants looted livestock in the village.')).toEqual(['DESTRUCTION']);
    expect(pipeline().process({ text: 'Looting: On 2 August 2022, militants looted livestock in the village.', published: '2024-05-10' }).events[0]!.trigger.text).toBe('looted');
  });

  it('finds no agreement in "in exchange for", and no record in a war named by its toll', () => {
    expect(types('Mediators hope to see hostages released in exchange for prisoners.')).not.toContain('AGREEMENT');
    expect(types("Israel's offensive has since killed more than 38,000 Palestinians, according to the health ministry.")).toEqual([]);
  });

  it('finds no capture in pictures captured: "video captured by a neighbor", "captured on camera"', () => {
    expect(types('The shooting was seen on video captured by a neighbor.')).toEqual(['ATTACK']);
    expect(types('Security cameras captured the moment the gunman fired.')).toEqual([]);
    expect(types('Rebels captured 25 soldiers near the border.')).toEqual(['CAPTURE']);
  });

  it('finds no event in power seized, nor a delivery in a ship or in shipping', () => {
    expect(types('The military seized power in a coup in February 2021.')).toEqual([]);
    expect(types('The ship continued to its next port of call.')).toEqual([]);
    expect(types('Houthi rebels fired two missiles at a tanker, the latest attack on commercial shipping.')).not.toContain('SUPPLY');
    expect(types('Iran shipped 200 drones to Russia.')).toEqual(['SUPPLY']);
  });

  it('finds no record in deeds summed up by a word of frequency, nor in a fight told by its aim', () => {
    expect(types('The group has carried out frequent bombings in Mogadishu and elsewhere in Somalia.')).toEqual([]);
    expect(types('Nightly raids by the army have terrified residents.')).toEqual([]);
    expect(types('About 100 people have died in three months of anti-government street protests.')).toEqual([]);
    expect(types('The government issued a ban on public gatherings and protests.')).toEqual([]);
    expect(types('Police fired tear gas at protests in Lagos and Abuja.')).toEqual(['PROTEST']);
    expect(types('Al Shabaab, the al Qaeda-linked group fighting to topple the government, claimed responsibility for the blast.')).not.toContain('CLASH');
  });

  it('finds no record in a habit told in the perfect, nor in a deed that opens a span after "since"', () => {
    expect(types('Russia has repeatedly shelled the city since Ukrainian forces recaptured it in November 2022.')).toEqual([]);
    expect(types('Militants have frequently attacked convoys on the road.')).toEqual([]);
    // one deed told before another stays
    expect(types('The suspect had repeatedly stabbed the victim before police arrived.')).toEqual(['ATTACK']);
  });

  it('reads a strike told by its length, its caller or its strikers as a protest, and any other as an attack', () => {
    expect(types('Following an opposition-called 48-hour strike, the government banned public gatherings.')).toEqual(['PROTEST']);
    expect(types('A three-day strike by doctors shut hospitals in Nairobi.')).toEqual(['PROTEST']);
    expect(types('The strike hit a house in Idlib on Monday, killing five.')).toEqual(['ATTACK']);
  });

  it('finds no event in a person\'s name that is also a word of violence: "Lynch asked", "Mr. Strike said"', () => {
    expect(types('At one point, Lynch asked the witness whether he had lied.')).toEqual([]);
    expect(types('Peter Lynch, the defender, questioned the witness. Lynch said his client was at home.')).toEqual([]);
    // the word at a sentence's start is still a deed
    expect(types('Shelling killed two people in Kharkiv.')).toContain('SHELLING');
  });

  it('reads "captured" as people taken (CAPTURE) or ground taken (SEIZE) by what follows', () => {
    expect(typeOf('Rebels captured 25 soldiers near the border.', 'captured')).toBe('CAPTURE');
    expect(typeOf('Rebels captured the village after a week of fighting.', 'captured')).toBe('SEIZE');
  });

  it('reads "neutralised" people as killed, a device as destroyed, whatever the tagger makes of the word', () => {
    // (wink tags "neutralised" a noun: a past form it does not know)
    expect(typeOf('Its forces had neutralised 54 terrorists.', 'neutralised')).toBe('KILLING');
    expect(typeOf('Troops neutralised an explosive device near the road.', 'neutralised')).toBe('DESTRUCTION');
  });

  it('reads a bare "strike" of an article that tells of aircraft as an air strike, not a strike of labour', () => {
    const text = 'Coalition aircraft bombed the town on Monday. On Tuesday, Coalition forces conducted 26 strikes against militants near Raqqa.';
    expect(pipeline().process({ text, published: '2024-05-10' }).events.map((e) => e.type)).toEqual(['AIRSTRIKE', 'AIRSTRIKE']);
    expect(typeOf('Teachers began a three-day strike on Monday after the air force cut their pay.', 'strike')).toBe('PROTEST');
    // a suicide bomber is no aircraft
    const bombers = 'A suicide bomber blew himself up at a checkpoint in Gao on Monday. On Tuesday, militants carried out two strikes on army positions near the town.';
    expect(pipeline().process({ text: bombers, published: '2024-05-10' }).events.map((e) => e.type)).toEqual(['EXPLOSION', 'ATTACK']);
  });

  it('takes the kind of an attack from the weapon named beside it', () => {
    expect(typeOf('A drone attack hit a fuel depot in the night.', 'drone attack')).toBe('DRONE_STRIKE');
    expect(typeOf('Insurgents attacked the base with mortars.', 'attacked')).toBe('SHELLING');
  });

  it('finds no statement in a purpose clause, and no seizure in "took note"', () => {
    expect(typeOf('Crowds gathered to demand the release of the prisoners.', 'demand')).toBeNull();
    expect(typeOf('The government demanded the release of the prisoners.', 'demanded')).toBe('STATEMENT');
    expect(typeOf('The army took note of the village.', 'took')).toBeNull();
  });

  it('finds no event in words of another sense: street blocks, injuries not life-threatening, a gun pulled out, one accused of a deed, pounds of weight, shell casings, a stand-off, a score, sexual assault, an appeal for information, a fall, smoke damage, police closing a street, idioms', () => {
    for (const [text, type] of OTHER_SENSES) expect(types(text), text).not.toContain(type);
  });

  it('still finds the events those words announce in their own sense', () => {
    for (const [text, type] of OWN_SENSES) expect(types(text), text).toContain(type);
    for (const text of BOMBED) expect(types(text).length, text).toBeGreaterThan(0);
  });

  it('reads the short event reports of conflict datasets: bombs dropped, ground regained, "shot" after a plural noun', () => {
    const events = (text: string) => pipeline().process({ text, published: '2024-05-10' }).events;
    expect(types('On 23 April 2019, regime helicopters dropped barrel bombs on Khan Shaykhun, Idlib.')).toEqual(['AIRSTRIKE']);
    expect(types('On 1 September 2022, Ukrainian forces regained control of Vysokopillia, Kherson.')).toEqual(['SEIZE']);
    // wink tags "shot" a noun here; with a subject before it and an object after it, it is the verb
    expect(types('On 2 December 2021, unidentified gunmen shot a former opposition fighter in Tafas, Daraa.')).toEqual(['ATTACK']);
    expect(types('Gunmen shot at the convoy on the highway.')).toEqual(['ATTACK']);
    // the weapon a launching verb takes is the instrument, not the target
    const dropped = events('Regime helicopters dropped barrel bombs on Khan Shaykhun.')[0]!;
    expect(dropped.args.filter((a) => a.role === 'instrument').map((a) => a.text)).toContain('barrel bombs');
    expect(dropped.args.filter((a) => a.role === 'target')).toEqual([]);
  });

  it('finds no event in those words of another sense: charges or rifles dropped, control regained over property, a flu shot', () => {
    expect(types('Prosecutors dropped the charges against him.')).toEqual([]);
    expect(types('Soldiers dropped their rifles and fled.')).toEqual([]);
    expect(types('Officials demanded support in regaining control over the properties that belonged to them.')).not.toContain('SEIZE');
    expect(types('He took a flu shot this week.')).toEqual([]);
  });

  it('finds no attack in what police fire to disperse a crowd, unless someone is hurt, and no destruction in burning tyres', () => {
    expect(types('Residents staged a protest, blocking roads with burning tyres. Police fired tear gas to disperse them.')).toEqual(['PROTEST']);
    expect(types('Soldiers fired warning shots into the air.')).toEqual([]);
    expect(types('Police fired rubber bullets, injuring 12 protesters.')).toContain('ATTACK');
  });

  it('reads a crowd that gathers against something as a protest, and a gathering for nothing named as none', () => {
    expect(types('On 17 December 2022, protesters gathered in Irkutsk against mobilisation.')).toEqual(['PROTEST']);
    expect(types('Hundreds of people gathered outside parliament to demand his resignation.')).toEqual(['PROTEST']);
    expect(types('Journalists gathered at the press conference.')).toEqual([]);
  });

  it('types a candidate its word cannot name only on the same side of the line between deeds and words: "launched an assault" is no statement', () => {
    expect(types('On 30 May 2023, Russian forces launched an assault near Vuhledar, Donetsk, and lost several tanks.')).toEqual(['ATTACK']);
  });

  it('knows a participle describing a noun is no new event', () => {
    const view = readSentence('The captured soldiers were moved to a camp.');
    expect(isReference(view.hit('captured'), view.toks)).toBe(true);
    const verb = readSentence('Rebels captured two soldiers.');
    expect(isReference(verb.hit('captured'), verb.toks)).toBe(false);
  });

  it('finds no incursion in a treaty that enters into force', () => {
    const types = (text: string) => pipeline().process({ text, published: '2024-03-16' }).events.map((e) => e.type);
    expect(types('Sudan and Chad signed a border accord that, once it has entered into force, will let Chad patrol the frontier.')).not.toContain('INCURSION');
    expect(types('Troops entered the town of Kafr Nabl on Monday.')).toContain('INCURSION');
  });

  it('tells nouns from verbs, and passives', () => {
    const noun = readSentence('The attack began before dawn.');
    expect(isNominal(noun.hit('attack'), noun.toks, noun.cues)).toBe(true);
    const verb = readSentence('Gunmen attacked a bus.');
    expect(isNominal(verb.hit('attacked'), verb.toks, verb.cues)).toBe(false);
    const passive = readSentence('Two journalists were arrested in the capital.');
    expect(isPassive(passive.hit('arrested'), passive.toks)).toBe(true);
    expect(isPassive(verb.hit('attacked'), verb.toks)).toBe(false);
  });

  it('sees "these raids" as a reference back', () => {
    const view = readSentence('These raids continued for a week.');
    expect(isAnaphoric(view.hit('raids'), view.toks)).toBe(true);
  });

  it('reads a weapon named after a trigger word as a weapon', () => {
    const view = readSentence('Britain sent Storm Shadow missiles to Ukraine.');
    const storm = view.hits.find((h) => view.toks[h.first]!.text === 'Storm');
    expect(!storm || insideWeaponName(storm, view.phrases)).toBe(true);
  });
});

/** Sentences whose trigger word has another sense here, with the type it must not give (written for these tests). */
const OTHER_SENSES: Array<[string, string]> = [
  ['Marcus Hill, of the 4100 block of West Avenue, was pronounced dead at the scene, police said.', 'PROTEST'],
  ['Residents of a block of flats in Mariupol were evacuated.', 'PROTEST'],
  ['The victim lived with his parents three blocks from where the men shot him.', 'PROTEST'],
  ['A guard was wounded, but his injuries were not life-threatening, officials said.', 'STATEMENT'],
  ['She was taken to hospital with non-life threatening injuries.', 'STATEMENT'],
  ['The robber pulled out a knife and stabbed the cashier.', 'WITHDRAWAL'],
  ['A teenager accused of stabbing a bus driver appeared in court.', 'STATEMENT'],
  ['The wounded guard was taken in stable condition to a hospital in Kaduna.', 'CAPTURE'],
  ['Prosecutors are looking into his alleged role in the smuggling ring.', 'STATEMENT'],
  ['He faces up to five years in jail if convicted.', 'ARREST'],
  ['The journey across the desert took over 100 hours.', 'SEIZE'],
  ['The quake, which struck before dawn, cut power to the island.', 'ATTACK'],
  ['The old city was destroyed in an earthquake in 2003.', 'DESTRUCTION'],
  ['The verdict set off an explosion of anger in the town.', 'EXPLOSION'],
  ['The aide ordered the destruction of documents and tapes.', 'DESTRUCTION'],
  ['I agreed with the director that she was the best choice.', 'AGREEMENT'],
  ['The singer died on Thursday at the age of 91.', 'KILLING'],
  ['The company warned of targeted attacks that exploit a vulnerability in its browser.', 'ATTACK'],
  ['The town was hit by two hurricanes in one summer.', 'ATTACK'],
  ['The scandal did lasting damage to the agency\'s image.', 'DESTRUCTION'],
  ['The integrity of the election has already been damaged.', 'DESTRUCTION'],
  ['Two victims were taken in stable condition to the county medical centre.', 'CAPTURE'],
  ['According to jail records, she is held without bond.', 'ARREST'],
  ['A cyclist died after being struck by a bus in Nairobi.', 'ATTACK'],
  ['The earthquake struck on Sunday about 100 kilometres from the capital.', 'ATTACK'],
  ['I welcome the steps that have been taken by the new government.', 'CAPTURE'],
  ['The truck carried 2,000 pounds of fertiliser.', 'ATTACK'],
  ['Officers found 14 shell casings near the car.', 'SHELLING'],
  ['The gunman barricaded himself inside a house for six hours.', 'PROTEST'],
  ['The champion fell to 31-4 after the defeat.', 'SEIZE'],
  ['The old man fell to the ground outside the shop.', 'SEIZE'],
  ['The pastor was jailed for sexually assaulting two girls.', 'ATTACK'],
  ['The shelling of the market demonstrates the cruelty of the siege.', 'PROTEST'],
  ['The sanctions target companies engaged in the sale of oil.', 'CLASH'],
  ['Anyone with information is urged to contact police.', 'STATEMENT'],
  ['A climber has fallen to his death on the mountain.', 'SEIZE'],
  ['The warehouse has only smoke damage, firefighters said.', 'DESTRUCTION'],
  ['Storm damage closed the coastal road for a week.', 'DESTRUCTION'],
  ['Police blocked the street outside the station.', 'PROTEST'],
  ['Is the new film a hit or miss?', 'ATTACK'],
  ['The children had a blast at the fair.', 'EXPLOSION'],
  ['He later struck it rich in the oil business.', 'ATTACK'],
  ['A bombing at an election rally killed 149 people in 2018.', 'PROTEST'],
];

/** The same words in the sense of the taxonomy. */
const OWN_SENSES: Array<[string, string]> = [
  ['A gas explosion destroyed two houses in Kharkiv.', 'EXPLOSION'],
  ['The two sides agreed to a ceasefire on Monday.', 'AGREEMENT'],
  ['The soldier died at the age of 19 after he was shot at a checkpoint.', 'ATTACK'],
  ['Shelling damaged the main water station in Donetsk.', 'DESTRUCTION'],
  ['Protesters blocked the main road into the city.', 'PROTEST'],
  ['Fighters looted homes and markets across the city.', 'DESTRUCTION'],
  ['Rebel fighters took over the town of Kidal on Tuesday.', 'SEIZE'],
  ['The driver was booked into county jail on Sunday night.', 'ARREST'],
  ['Hundreds of farmers blocked the main road into Abuja on Monday.', 'PROTEST'],
  ['The militia is threatening to attack the town.', 'STATEMENT'],
  ['Government troops pulled out of the town on Friday.', 'WITHDRAWAL'],
  ['The ministry accused the rebels of shelling the port.', 'STATEMENT'],
  ['The former governor has been accused of stealing public funds by the anti-graft agency.', 'STATEMENT'],
  ['A court in Minsk jailed the activist for two years.', 'ARREST'],
  ['Rebels struck an army base near Goma on Sunday.', 'ATTACK'],
  ['Students barricaded the gates of the university.', 'PROTEST'],
  ['The town fell to rebel forces on Monday.', 'SEIZE'],
  ['Hundreds of students demonstrated against the new law in Dhaka.', 'PROTEST'],
  ['Government forces engaged the rebels near the border.', 'CLASH'],
];

/** A truck bomb or artillery: an event of some type, whatever the lexicon calls it. */
const BOMBED = [
  'Three soldiers were hit by a truck bomb in Mogadishu.',
  'Government artillery pounded the rebel town overnight.',
];
