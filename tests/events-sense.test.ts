// Sense and occurrence by rule (src/stages/events/sense.ts, and the sense cue the overrule reads
// in src/models/events/features.ts): decisions no trained weight turns. Sentences written for
// these tests.
import { describe, expect, it } from 'vitest';
import { contextFromDoc, senseCue } from '../src/models/events/features.js';
import { isReference } from '../src/stages/events/candidates.js';
import { governedByIntent, opensSpan, otherSense, pastOccurrence, performed, periodSummary, subjectOfPast } from '../src/stages/events/sense.js';
import type { EventModel, EventPrediction } from '../src/models/events/model.js';
import { assemble, createContext, FACTORIES, STAGE_NAMES } from '../src/pipeline.js';
import { eventsStage } from '../src/stages/events/events.js';
import { readSentence } from './events-harness.js';
import { pipeline } from './helpers.js';

/** The candidate context of a trigger word of the sentence. */
function context(text: string, word: string) {
  const view = readSentence(text);
  const hit = view.hit(word);
  return { view, hit, ctx: contextFromDoc(view.doc, 0, hit.first, hit.last, [...new Set(hit.readings.map((r) => r.type))]) };
}

/** A test of the trigger word's context. */
const on = <T>(text: string, word: string, test: (c: ReturnType<typeof context>) => T): T => test(context(text, word));
/** The types of the events the pipeline records for a text. */
const types = (text: string) => pipeline().process({ text, published: '2024-05-10' }).events.map((e) => e.type);

const naturalDeath = (text: string, word = 'died') => on(text, word, ({ view, ctx }) => otherSense(ctx, 'KILLING', view.cues));

describe('a death of a natural cause', () => {
  it('is one whose cause after "of" or "from" is an illness, cold or hunger', () => {
    expect(naturalDeath('Four prisoners died of tuberculosis in the jail last year.')).toBe(true);
    expect(naturalDeath('An elderly man died from hypothermia after the power cut.')).toBe(true);
    expect(naturalDeath('The former mayor died of a heart attack on Sunday.')).toBe(true);
  });
  it('follows the cause along "of", "from" and "to"', () => {
    expect(naturalDeath('The singer died of complications from pneumonia.')).toBe(true);
    expect(naturalDeath('The migrant died from exposure to the cold.')).toBe(true);
  });
  it('holds an adverb in its cause: "died of the yet unknown disease"', () => {
    expect(naturalDeath('Eight patients died of the yet unidentified disease.')).toBe(true);
  });
  it('counts no dead for an attack told before: the dead of illness are no one\'s victims', () => {
    const record = pipeline().process({ text: 'Rebels attacked the town on Monday. Three children died of cholera in the camp.', published: '2024-05-10' });
    expect(record.events.map((e) => e.casualties.killed)).toEqual([null]);
    const wounds = pipeline().process({ text: 'Rebels attacked the town on Monday. Two men died of their wounds in hospital.', published: '2024-05-10' });
    expect(wounds.events.map((e) => e.casualties.killed)).toEqual([2]);
  });
  it('is not one whose cause names wounds, injuries or anything but illness', () => {
    expect(naturalDeath('The guard died of complications from gunshot wounds.')).toBe(false);
    expect(naturalDeath('The guard died of his injuries in hospital.')).toBe(false);
    expect(naturalDeath('Two villagers died from exposure to nerve gas.')).toBe(false);
    expect(naturalDeath('Two villagers died in the shelling of the market.')).toBe(false);
  });
});

describe('a scene of sport', () => {
  const sport = (text: string, word: string, type: 'ATTACK' | 'CLASH' | 'CRASH' = 'ATTACK') => on(text, word, ({ view, ctx }) => otherSense(ctx, type, view.cues));
  it('is another sense where the sentence names no weapon, armed force or casualty', () => {
    expect(sport('The winger hit the post twice before the goalkeeper saved his penalty.', 'hit')).toBe(true);
  });
  it('is a match result by itself: a score after a verb of winning or before a word of result', () => {
    expect(sport('United beat Tottenham 2-1 on Sunday, with a late strike from Rashford.', 'strike')).toBe(true);
    expect(sport('The hosts sealed a 3-0 win with a strike in stoppage time.', 'strike')).toBe(true);
    expect(sport('Rebels attacked the checkpoint at 2-3 in the morning.', 'attacked')).toBe(false);
  });
  it('may hold a real fight or a crash', () => {
    expect(sport('Supporters fought with police outside the stadium after the match.', 'fought', 'CLASH')).toBe(false);
    expect(sport('A gunman attacked the team bus after the match, wounding two players.', 'attacked')).toBe(false);
    expect(sport('His car crashed into the wall on the second lap of the race, ending his season.', 'crashed', 'CRASH')).toBe(false);
  });
});

describe('a sum of many deeds over a span of time', () => {
  const summary = (text: string, word: string) => on(text, word, ({ view, hit }) => periodSummary(hit, view.toks));
  it('is a counted plural event noun in a sentence spanning a year, a war or months', () => {
    expect(summary('Sleeper cells have carried out dozens of bombings in Raqqa this year.', 'bombings')).toBe(true);
    expect(summary('The coalition has carried out more than 30,000 airstrikes since 2014.', 'airstrikes')).toBe(true);
    expect(summary('Hundreds of raids over the past two years have emptied the villages.', 'raids')).toBe(true);
  });
  it('is a verb in the perfect with a counted object over such a span', () => {
    expect(summary('Russia has launched more than 1,000 missiles at the power grid since the full-scale invasion began.', 'launched')).toBe(true);
    expect(summary('Russia launched 40 missiles at Kyiv on Tuesday.', 'launched')).toBe(false);
  });
  it('is not one day\'s strikes, nor one deed told with a span', () => {
    expect(summary('Russian jets carried out dozens of airstrikes on Idlib on Tuesday.', 'airstrikes')).toBe(false);
    expect(summary('The worst bombing since 2015 killed 40 people in the market.', 'bombing')).toBe(false);
  });
});

describe('an event that opens a span of time', () => {
  const opens = (text: string, word: string) => on(text, word, ({ view, hit }) => opensSpan(hit, view.toks));
  it('is an invasion or a war, or what "began", after "since": background, not a record', () => {
    expect(opens('Prices have tripled since the full-scale invasion began in February 2022.', 'invasion')).toBe(true);
    expect(opens('Millions have fled the country since the invasion.', 'invasion')).toBe(true);
  });
  it('is not an incident retold after "since"', () => {
    expect(opens('Since the shooting, over 50 arrests have been made.', 'shooting')).toBe(false);
  });
});

describe('an event noun governed by a verb in the past', () => {
  const tookPlace = (text: string, word: string) => on(text, word, ({ view, hit }) => performed(view.toks, hit.first, view.cues));
  it('took place after a support verb or an occasion verb', () => {
    expect(tookPlace('Rebels staged an ambush on the road.', 'ambush')).toBe(true);
    expect(tookPlace('The weekend saw heavy fighting in the east.', 'heavy fighting')).toBe(true);
    expect(tookPlace('The convoy, which witnessed the bombardment of the port, turned back.', 'bombardment')).toBe(true);
  });
  it('is not said to have taken place by an occasion verb in the perfect, which often sums many up', () => {
    expect(tookPlace('The war has seen the destruction of whole districts.', 'destruction')).toBe(false);
  });
});

describe('a noun describing the noun after it', () => {
  const reference = (text: string, word: string) => {
    const view = readSentence(text);
    return isReference(view.hit(word), view.toks, view.phrases);
  };
  it('names a thing or a place after any determiner, not an event', () => {
    expect(reference('Officials inspected the detention camps near the capital.', 'detention')).toBe(true);
    expect(reference('Their protest leaders met the minister.', 'protest')).toBe(true);
  });
  it('is not one followed by a date', () => {
    expect(reference('The attack yesterday killed four soldiers.', 'attack')).toBe(false);
  });
});

describe('the cue of another sense', () => {
  it('is a scene of sport with two words of sport in the sentence, a weaker context with one', () => {
    expect(senseCue(context('The forward hit the post twice before the goalkeeper saved his penalty.', 'hit').ctx)).toBe('scene');
    expect(senseCue(context('Gunmen attacked a night club in the city centre.', 'attacked').ctx)).toBe('context');
    expect(senseCue(context('Gunmen attacked a bus in the city centre.', 'attacked').ctx)).toBeNull();
  });
});

describe('one deed rather than a kind of event', () => {
  const pastDeed = (text: string, word: string) => on(text, word, ({ view, hit }) => pastOccurrence(hit, view.toks, view.cues.habitWords));
  const intended = (text: string, word: string) => on(text, word, ({ view, hit }) => governedByIntent(view.toks, hit.first, view.cues));
  it('is told by an active verb in the simple past, regular or not', () => {
    expect(pastDeed('Government artillery shelled the northern suburbs on Monday.', 'shelled')).toBe(true);
    expect(pastDeed('Two rival militias fought for the airport overnight.', 'fought')).toBe(true);
  });
  it('is told by a passive in the simple past, not by a perfect or present passive', () => {
    expect(pastDeed('The northern suburbs were shelled on Monday.', 'shelled')).toBe(true);
    expect(pastDeed('The northern suburbs have been shelled for weeks.', 'shelled')).toBe(false);
    expect(pastDeed('The northern suburbs are shelled at night.', 'shelled')).toBe(false);
  });
  it('is not told by an infinitive, a present or a past of habit', () => {
    expect(pastDeed('The militias want to fight for the airport.', 'fight')).toBe(false);
    expect(pastDeed('Government artillery shells the suburbs.', 'shells')).toBe(false);
    expect(pastDeed('Government artillery shelled the suburbs every night.', 'shelled')).toBe(false);
  });
  it('is named by an event noun that is the subject of a verb in the simple past, counted or not', () => {
    const subject = (text: string, word: string) => on(text, word, ({ view, hit }) => subjectOfPast(hit, view.toks));
    expect(subject('Near Kupiansk, four strikes destroyed two tanks.', 'strikes')).toBe(true);
    expect(subject('The blast badly damaged the mosque.', 'blast')).toBe(true);
    expect(subject('Such strikes destroy whole districts.', 'strikes')).toBe(false);
    expect(subject('The strikes were carried out at night.', 'strikes')).toBe(false);
    expect(subject('Seven strikes have hit the city this year.', 'strikes')).toBe(false);
    expect(subject('The attacks began to change in nature.', 'attacks')).toBe(false);
  });
  it('is one that a threat, plan, attempt or denial governs, not a modal', () => {
    expect(intended('The militia threatened to attack the convoy.', 'attack')).toBe(true);
    expect(intended('Rebels tried to seize the bridge.', 'seize')).toBe(true);
    expect(intended('The new missiles could attack ships far out at sea.', 'attack')).toBe(false);
  });
});

describe('a disaster\'s dead and a market\'s lows', () => {
  it('are no events: "the earthquake in February, which killed 50,000", "the pound hits new lows"', () => {
    expect(types('The earthquake in February, which killed more than 50,000 people, destroyed thousands of homes.')).toEqual([]);
    expect(types('Residents queue for bread as the Syrian pound hits new lows.')).toEqual([]);
  });
  it('leave a bomb\'s dead and a strike that hit a market alone', () => {
    expect(types('A car bomb in Mogadishu, which killed 20 people, was claimed by al-Shabaab.')).toContain('EXPLOSION');
    expect(types('A missile hit the market in Kostiantynivka on Wednesday.')).not.toEqual([]);
  });
});

describe('an allegation', () => {
  it('is a statement only where someone makes it', () => {
    expect(types('This came amidst Russian allegations of Ukrainian orchestration behind the raids.')).toContain('STATEMENT');
    expect(types('RCMP officers began investigating allegations of polygamy in Bountiful.')).toEqual([]);
  });
});

describe('an event named as the support an actor has', () => {
  it('is a means, no record: "backed by US air strikes", "under the cover of artillery fire"', () => {
    expect(types('Government forces, backed by clan militias and US air strikes, have been trying to push the group out since 2022.')).toEqual([]);
    expect(types('Troops advanced under the cover of artillery fire and took the village.')).toEqual(['SEIZE']);
  });
  it('is not a strike told for itself', () => {
    expect(types('US air strikes hit al-Shabaab positions near Jilib on Tuesday.')).toContain('AIRSTRIKE');
    // the deed of a force told with its support is its own
    expect(types('Malian forces supported by Wagner Group personnel exchanged fire with CSP-PSD fighters near Bourem.')).toEqual(['CLASH']);
  });
});

describe('words of events in phrases of another sense', () => {
  it('"declared dead" and "pronounced dead" are no statements', () => {
    expect(types('One man was declared dead at the scene.')).not.toContain('STATEMENT');
    expect(types('The driver was pronounced dead at a hospital.')).not.toContain('STATEMENT');
  });
  it('fighting back tears and fire-fighting equipment are no fights', () => {
    expect(types('The mother fought back tears as the verdict was read.')).toEqual([]);
    expect(types('Most of the fire-fighting equipment in the valley was called in.')).not.toContain('CLASH');
  });
});

describe('the classifier decides where it is nearly certain and the rules have not pinned the reading', () => {
  it('a hit with readers, a dispute that will hit earnings and crops that will die are no events', () => {
    expect(types('Her latest novel is a hit with readers.')).toEqual([]);
    expect(types('Investors worry the dispute will hit earnings.')).toEqual([]);
    expect(types('Without rain, the crops will die within weeks.')).toEqual([]);
  });
  it('keeps what the rules pin: a fight named, a deed told in the past, a protest, a hit beside the shelling it is', () => {
    expect(types('Russian shelling hit Zmiivka village on Sunday.')).toEqual(['SHELLING']);
    expect(types('Several hundred people marched through the town to denounce the agreement.')).toContain('PROTEST');
    expect(types('Militia factions looted homes and shops in the town.')).toEqual(['DESTRUCTION']);
  });
});

describe('agreements stay the rules\' reading', () => {
  it('"have agreed to reopen the crossings" is an agreement, whatever a classifier of general news makes of "agree"', () => {
      expect(types('The two communities of the divided island have agreed to reopen two crossing points.')).toContain('AGREEMENT');
    expect(types('The regional forum has agreed to set up a joint security centre.')).toContain('AGREEMENT');
  });
});

describe('a death in an article of no violence', () => {
  it('an obituary or a climbing accident records no killing', () => {
    expect(types('The film star, famed for her swimming roles, has died. She was 91 and lived in Los Angeles.')).toEqual([]);
    expect(types('Two climbers died after slipping from a ridge in the national park on Sunday.')).toEqual([]);
  });
  it('soldiers who died, or a death after a shooting, are still killings', () => {
    expect(types('Two soldiers died in Kherson on Monday.')).toEqual(['KILLING']);
    expect(types('Gunmen opened fire on the bus. The driver died in hospital.').length).toBeGreaterThan(0);
  });
});

describe('a natural disaster\'s dead and damage', () => {
  it('an earthquake that kills and destroys records no killing and no destruction', () => {
    expect(types('A magnitude 6.1 earthquake hit the island on Sunday, killing 12 people. The tremor destroyed or damaged 800 mudbrick houses in 10 villages.')).toEqual([]);
  });
  it('a killing in a flood article that names gunmen stays one', () => {
    expect(types('As the floods receded, gunmen killed two aid workers near the camp.')).toContain('KILLING');
  });
});

describe('words of events that describe people', () => {
  it('"his accused killer" and "the walking wounded" are no statement and no killing', () => {
    expect(types('His accused killer made a brief appearance in court on Monday.')).toEqual([]);
    expect(types('Many of those hurt were walking wounded, the ambulance service said.')).not.toContain('KILLING');
  });
});

describe('taking over', () => {
  it('is a SEIZE of the place taken over, but not "over" a number nor taking over a post', () => {
    expect(types('Rebels took over the town of Saraqib on Sunday.')).toEqual(['SEIZE']);
    expect(types('The trip took over 100 hours in the desert near Kidal.')).toEqual([]);
    expect(types('He took over as army chief in Kabul last year.')).toEqual([]);
  });
});

describe('fired', () => {
  it('is no attack where a person is dismissed ("will be fired"), but is where shots are fired or someone is fired upon', () => {
    expect(on('Workers say that if they do not vote for the party, they will be fired.', 'fired', ({ view, ctx }) => otherSense(ctx, 'ATTACK', view.cues))).toBe(true);
    expect(on('Shots were fired outside the bar on Friday.', 'fired', ({ view, ctx }) => otherSense(ctx, 'ATTACK', view.cues))).toBe(false);
    expect(types('He was fired upon by gunmen near the market.')).toEqual(['ATTACK']);
    expect(on('The manager was fired from his job after the scandal.', 'fired', ({ view, ctx }) => otherSense(ctx, 'ATTACK', view.cues))).toBe(true);
    expect(types('Rockets were fired from a helicopter at the village.')).toEqual(['AIRSTRIKE']);
    expect(on('The bullet struck the girl seconds after it was fired from more than a block away.', 'fired', ({ view, ctx }) => otherSense(ctx, 'ATTACK', view.cues))).toBe(false);
  });
});

describe('wars, habits and negotiations', () => {
  const events = (text: string) => pipeline().process({ text, published: '2019-08-18' }).events.map((e) => `${e.type}/${e.modality}`);
  it('records no event for a war\'s toll told by the war in the perfect, but keeps a day\'s fighting', () => {
    expect(events('The war, now in its ninth year, has killed more than 370,000 people.')).toEqual([]);
    expect(events('The fighting has killed at least 12 civilians in Kherson on Monday.')).toEqual(['CLASH/asserted']);
  });

  it('records no event for deeds a support verb in the simple present names in the plural, unless the day is named', () => {
    expect(events('The group still carries out ambushes and bombings in Syria and Iraq.')).toEqual([]);
    expect(events('Militants carried out attacks on two villages on Sunday.')).toEqual(['ATTACK/asserted']);
    expect(events('Russia launches strikes on Kyiv overnight.')).toEqual(['ATTACK/asserted']);
  });

  it('reads a deal, withdrawal or delivery under negotiation as not yet done, but not an attack talked about', () => {
    expect(events('The rebels, who are negotiating with the government over a withdrawal of their fighters, met in Doha.')).toContain('WITHDRAWAL/hypothetical');
    expect(events('Diplomats held talks on a ceasefire in Doha.')).toEqual(['AGREEMENT/hypothetical']);
    expect(events('Qatar negotiated a ceasefire between the two sides on Friday.')).toEqual(['AGREEMENT/asserted']);
    expect(events('Talks about the attack on the convoy continued.')).toEqual(['ATTACK/asserted']);
  });

  it('reads "taken full control" of a place as a SEIZE', () => {
    expect(events('Government forces have taken full control of the town of Saraqib.')).toEqual(['SEIZE/asserted']);
  });
});

describe("the classifier's modality", () => {
  // a classifier that reads every candidate as a conditional event: what the stage lets it decide
  const conditional: EventPrediction = { event: true, type: 'ATTACK', modality: 'hypothetical', pEvent: 0.9, pHappened: 0.2, pModality: 0.9 };
  const model = { predict: () => conditional } as unknown as EventModel;
  const ctx = createContext();
  const stage = assemble(STAGE_NAMES.map((name) => (name === 'events' ? eventsStage(ctx, model) : FACTORIES[name](ctx))));
  const modalityOf = (text: string, trigger: string) => stage.process({ text, published: '2024-05-10' }).events.find((e) => e.trigger.text === trigger)?.modality;
  it('makes no condition of a deed told in the simple past where no word of condition stands', () => {
    expect(modalityOf('Near Palmyra, one strike destroyed two weapons caches.', 'destroyed')).toBe('asserted');
    expect(modalityOf('Gunmen opened fire on a bus near Kaduna on Friday.', 'opened fire')).toBe('asserted');
  });
  it('keeps a condition the sentence words', () => {
    expect(modalityOf('The strike possibly destroyed two weapons caches.', 'destroyed')).toBe('hypothetical');
    expect(modalityOf('Residents asked whether gunmen opened fire on the bus.', 'opened fire')).toBe('hypothetical');
  });
});
