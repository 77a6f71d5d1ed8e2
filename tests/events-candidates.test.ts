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
  it('reads "captured" as people taken (CAPTURE) or ground taken (SEIZE) by what follows', () => {
    expect(typeOf('Rebels captured 25 soldiers near the border.', 'captured')).toBe('CAPTURE');
    expect(typeOf('Rebels captured the village after a week of fighting.', 'captured')).toBe('SEIZE');
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

  it('reads the noun "block" as a street block or a building, not a blockade', () => {
    expect(types('Marcus Hill, of the 4100 block of West Avenue, was pronounced dead at the scene, police said.')).not.toContain('PROTEST');
    expect(types('Residents of a block of flats in Mariupol were evacuated.')).not.toContain('PROTEST');
    expect(types('The victim lived with his parents three blocks from where the men shot him.')).not.toContain('PROTEST');
    expect(types('Hundreds of farmers blocked the main road into Abuja on Monday.')).toContain('PROTEST');
  });

  it('knows the words of crime reports that announce nothing: injuries not life-threatening, a gun pulled out, one accused of a deed, one taken to a hospital', () => {
    expect(types('A guard was wounded, but his injuries were not life-threatening, officials said.')).not.toContain('STATEMENT');
    expect(types('She was taken to hospital with non-life threatening injuries.')).not.toContain('STATEMENT');
    expect(types('The militia is threatening to attack the town.')).toContain('STATEMENT');
    expect(types('The robber pulled out a knife and stabbed the cashier.')).not.toContain('WITHDRAWAL');
    expect(types('Government troops pulled out of the town on Friday.')).toContain('WITHDRAWAL');
    expect(types('A teenager accused of stabbing a bus driver appeared in court.')).not.toContain('STATEMENT');
    expect(types('The ministry accused the rebels of shelling the port.')).toContain('STATEMENT');
    expect(types('The former governor has been accused of stealing public funds by the anti-graft agency.')).toContain('STATEMENT');
    expect(types('The wounded guard was taken in stable condition to a hospital in Kaduna.')).not.toContain('CAPTURE');
  });

  it('knows the other senses of "alleged", "jail", "struck" and "taken": a hedge, a place, an accident or a quake, steps taken', () => {
    expect(types('Prosecutors are looking into his alleged role in the smuggling ring.')).not.toContain('STATEMENT');
    expect(types('He faces up to five years in jail if convicted.')).not.toContain('ARREST');
    expect(types('A court in Minsk jailed the activist for two years.')).toContain('ARREST');
    expect(types('A cyclist died after being struck by a bus in Nairobi.')).not.toContain('ATTACK');
    expect(types('The earthquake struck on Sunday about 100 kilometres from the capital.')).not.toContain('ATTACK');
    expect(types('Rebels struck an army base near Goma on Sunday.')).toContain('ATTACK');
    expect(types('Three soldiers were hit by a truck bomb in Mogadishu.').length).toBeGreaterThan(0);
    expect(types('I welcome the steps that have been taken by the new government.')).not.toContain('CAPTURE');
  });

  it('knows pounds of weight, shell casings, a stand-off and a score are no attack, shelling, protest or seizure', () => {
    expect(types('The truck carried 2,000 pounds of fertiliser.')).not.toContain('ATTACK');
    expect(types('Government artillery pounded the rebel town overnight.').length).toBeGreaterThan(0);
    expect(types('Officers found 14 shell casings near the car.')).not.toContain('SHELLING');
    expect(types('The gunman barricaded himself inside a house for six hours.')).not.toContain('PROTEST');
    expect(types('Students barricaded the gates of the university.')).toContain('PROTEST');
    expect(types('The champion fell to 31-4 after the defeat.')).not.toContain('SEIZE');
    expect(types('The town fell to rebel forces on Monday.')).toContain('SEIZE');
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
