// ACLED's event and sub-event types as its codebook gives them, read from what a report says:
// the weapon, who acted, who was hit, and what followed. Sentences written for these tests.
import { describe, expect, it } from 'vitest';
import { createPipeline } from '../src/index.js';
import { primaryEvent } from '../src/eval/gold/predicted.js';
import { loadLexicons } from '../src/lexicons/load.js';
import { TriggerIndex } from '../src/stages/events/triggers.js';
import { createContext, buildPipeline } from '../src/pipeline.js';

const pipeline = createPipeline();
/** "event_type / sub_event_type" of the report's primary event, as `sitrep eval` scores it */
const coded = (text: string) => {
  const record = pipeline.process({ text, published: '2024-06-01' });
  const acled = primaryEvent(record)?.mappings.acled;
  return acled ? `${acled.event_type} / ${acled.sub_event_type}` : null;
};

describe('ACLED sub-event types from the weapon', () => {
  it('a suicide bomber makes an explosion a suicide bomb', () => {
    expect(coded('On 2 June 2024, a suicide bomber blew himself up at a wedding hall in Kunduz, killing 9 guests.')).toBe('Explosions/Remote violence / Suicide bomb');
  });
  it('a thrown grenade is a grenade attack; stun grenades are not', () => {
    expect(coded('On 4 June 2024, unidentified men threw a grenade at a shop in Anantnag, injuring 2 people.')).toBe('Explosions/Remote violence / Grenade');
    expect(coded('On 4 June 2024, police fired stun grenades to disperse students who had gathered in Tbilisi to protest against the law.')).toBe('Protests / Protest with intervention');
  });
  it('a missile fired is a missile attack, an air force strike an air strike', () => {
    expect(coded('On 6 June 2024, rebel forces fired a ballistic missile at an oil terminal near Ras Isa.')).toBe('Explosions/Remote violence / Shelling/artillery/missile attack');
    expect(coded('On 6 June 2024, the Malian Air Force struck rebel positions near Kidal, killing 6 fighters.')).toBe('Explosions/Remote violence / Air/drone strike');
  });
  it('a "missile strike" names its weapon in its own words, unless aircraft fired it', () => {
    expect(coded('A Russian missile strike on Odesa killed eight people on Monday.')).toBe('Explosions/Remote violence / Shelling/artillery/missile attack');
    expect(coded('Russian warplanes carried out a missile strike on a market in Idlib.')).toBe('Explosions/Remote violence / Air/drone strike');
    expect(coded('An Israeli air strike hit a house in Rafah, killing five people.')).toBe('Explosions/Remote violence / Air/drone strike');
  });
  it('drones shot down are disrupted weapons use, not fighting', () => {
    expect(coded('On 7 June 2024, air defence units shot down 8 drones over Belgorod region. No casualties were reported.')).toBe('Strategic developments / Disrupted weapons use');
  });
});

describe('what the weapon did to whom', () => {
  it('a vehicle that drives over a landmine is a landmine blast, and its passengers its victims', () => {
    const text = 'On 3 June 2024, a truck carrying farm workers drove over a landmine near Damboa. 4 passengers died.';
    expect(coded(text)).toBe('Explosions/Remote violence / Remote explosive/landmine/IED');
    const blast = pipeline.process({ text, published: '2024-06-05' }).events.find((e) => e.type === 'EXPLOSION')!;
    expect(blast.args.filter((a) => a.role === 'agent')).toEqual([]);
    expect(blast.casualties.killed).toBe(4);
  });
  it('"the air force" in lower case is the agent of its strike', () => {
    expect(coded('On 6 June 2024, the air force struck a rebel camp near Tessit, killing 5 fighters.')).toBe('Explosions/Remote violence / Air/drone strike');
  });
  it('a town retaken in the simple past is no plan, whatever stands between the forces and the verb', () => {
    const [event] = pipeline.process({ text: 'On 7 June 2024, army units backed by allied militias and air cover retook Kalaat, Hama, from the rebels.', published: '2024-06-08' }).events;
    expect(event).toMatchObject({ type: 'SEIZE', modality: 'asserted', mappings: { acled: { event_type: 'Battles', sub_event_type: 'Government regains territory' } } });
  });
});

describe('ACLED types from who acted and who was hit', () => {
  it('gunmen who shoot dead a man of no armed side commit violence against civilians', () => {
    expect(coded('On 8 June 2024, gunmen shot dead a schoolteacher outside his home in Jamrud.')).toBe('Violence against civilians / Attack');
  });
  it('an attack on a checkpoint stays a battle', () => {
    expect(coded('On 8 June 2024, militants attacked an army checkpoint near Djibo, killing 4 soldiers.')).toBe('Battles / Armed clash');
  });
  it("a raid's dead are the raid's: villagers shot in a raid make it violence against civilians", () => {
    expect(coded('On 9 June 2024, militiamen raided a hamlet near Bunia, shooting dead 5 villagers and torching about 20 huts.')).toBe('Violence against civilians / Attack');
  });
  it('forces that open fire on demonstrators use excessive force against protesters', () => {
    expect(coded('On 10 June 2024, soldiers opened fire on demonstrators in Mandalay, killing 3 protesters.')).toBe('Protests / Excessive force against protesters');
  });
  it('a mob that lynches a man is mob violence; rioters who throw stones riot', () => {
    expect(coded('On 11 June 2024, a mob lynched a man accused of theft in a market in Onitsha.')).toBe('Riots / Mob violence');
    expect(coded('On 11 June 2024, rioters threw stones at police and burned tyres in Conakry.')).toBe('Riots / Violent demonstration');
  });
  it('armed vigilantes who exchange fire with bandits fight a battle, not a mob', () => {
    expect(coded('On 12 June 2024, local vigilantes exchanged fire with bandits near Gusau. Casualties unknown.')).toBe('Battles / Armed clash');
  });
});

describe('protests and what followed them', () => {
  it('a sit-in is a protest (the tokenizer splits the hyphen)', () => {
    expect(coded('On 13 June 2024, nurses held a sit-in outside the health ministry in Nairobi to demand unpaid salaries.')).toBe('Protests / Peaceful protest');
  });
  it('protesters who gather are a protest wherever the grievance is told', () => {
    expect(coded('On 13 June 2024, protesters gathered outside the city hall in the centre of Tbilisi against the new media law.')).toBe('Protests / Peaceful protest');
  });
  it('a protest dispersed in the sentence after is a protest with intervention', () => {
    expect(coded('On 14 June 2024, around 200 traders protested in Kano against new market levies. Police dispersed them with tear gas.')).toBe('Protests / Protest with intervention');
  });
  it('a protest over an arrest is not an intervention, nor one that disperses by itself', () => {
    expect(coded('On 15 June 2024, hundreds of people marched in Dakar demanding the release of an arrested opposition leader.')).toBe('Protests / Peaceful protest');
    expect(coded('On 15 June 2024, about 40 students rallied in Yangon against conscription before dispersing.')).toBe('Protests / Peaceful protest');
  });
  it('riot police are no riot', () => {
    expect(coded('On 16 June 2024, riot police watched as hundreds of workers marched peacefully in Lima to protest against pension cuts.')).toBe('Protests / Peaceful protest');
  });
});

describe('more of the codebook, on sentences of their own', () => {
  it('rape by an armed group is sexual violence, and the tag "[women targeted: …]" is no attack', () => {
    expect(coded('On 2 May 2024, militiamen raped three women collecting water near Kalehe. [women targeted: displaced women]')).toBe('Violence against civilians / Sexual violence');
    expect(pipeline.process({ text: 'On 2 May 2024, women marched in Goma. [women targeted: activists]', published: '2024-05-03' }).events.map((e) => e.type)).toEqual(['PROTEST']);
  });
  it('troops and rebels who trade fire clash', () => {
    expect(coded('On 3 May 2024, soldiers and rebels traded fire for an hour near Catarman, leaving 2 rebels dead.')).toBe('Battles / Armed clash');
  });
  it('a drone that crashes into a refinery is a drone strike; a glide bomb is dropped from the air', () => {
    expect(coded('On 4 May 2024, a drone crashed into a storage tank at the refinery in Novoshakhtinsk, starting a fire.')).toBe('Explosions/Remote violence / Air/drone strike');
    expect(coded('On 4 May 2024, Russian forces hit a school in Kupiansk with a guided aerial bomb, killing 2 teachers.')).toBe('Explosions/Remote violence / Air/drone strike');
  });
  it('a crowd that beats a man it accuses of theft is a mob, though only his death is an event', () => {
    expect(coded('On 2 June 2024, a crowd beat and stoned a man accused of stealing a phone at a bus station in Kampala; he died later in hospital.')).toBe('Riots / Mob violence');
    expect(coded('On 2 June 2024, villagers beat a suspected thief outside Gulu; he died of his injuries the next day.')).toBe('Riots / Mob violence');
  });
  it('residents who beat a man to death are a mob', () => {
    expect(coded('On 5 May 2024, residents beat a suspected thief to death at the market in Kisumu.')).toBe('Riots / Mob violence');
  });
  it('civilians abducted at a checkpoint are abducted, not captured in battle', () => {
    expect(coded('On 6 May 2024, gunmen abducted 7 traders at a checkpoint near Zurmi.')).toBe('Violence against civilians / Abduction/forced disappearance');
  });
  it('a picket broken up by arrests is a protest with intervention', () => {
    expect(coded('On 7 May 2024, about 30 nurses picketed the regional hospital in Perm against wage cuts, and police detained 6 of them.')).toBe('Protests / Protest with intervention');
  });
  it("the report's event is the main clause's, not one told in an opening time clause", () => {
    expect(coded('Two days after militants ambushed a patrol near Menaka, the Malian Air Force struck a militant camp near Anderamboukane on 9 May 2024, killing 8 fighters.')).toBe('Explosions/Remote violence / Air/drone strike');
    expect(coded('After a week of talks, gunmen attacked a bus near Jos on 9 May 2024.')).toBe('Battles / Armed clash');
  });
  it('girls raped, in the simple past passive, were raped: no habit', () => {
    expect(coded('Three teenage girls were raped by gunmen near Bambari on 10 May 2024.')).toBe('Violence against civilians / Sexual violence');
  });
  it('settlers who attack farmers commit violence against civilians, not mob violence', () => {
    expect(coded('On 10 May 2024, settlers attacked farmers harvesting olives near Turmus Ayya, injuring 4 of them.')).toBe('Violence against civilians / Attack');
  });
  it('a word of cold or illness tells no other sense of a sit-in', () => {
    expect(coded('On 11 May 2024, pensioners held a sit-in outside the central bank in Beirut (Beirut) to demand access to their frozen savings.')).toBe('Protests / Peaceful protest');
  });
  it('a firing squad is no attack of its own', () => {
    expect(pipeline.process({ text: 'On 8 May 2024, the militants executed a man by firing squad in Jamaame.', published: '2024-05-09' }).events.map((e) => e.type)).toEqual(['KILLING']);
  });
});

describe("one fight and its dead", () => {
  const events = (text: string) => pipeline.process({ text, published: '2024-06-01' }).events;
  it('an assault repelled is the fight that repelled it, and the attackers killed are its dead', () => {
    const [fight, ...rest] = events('On 3 May 2024, soldiers repelled an insurgent assault on their base near Kolofata, killing 14 insurgents.');
    expect(rest).toEqual([]);
    expect(fight).toMatchObject({ type: 'CLASH', modality: 'asserted', casualties: { killed: 14 } });
  });
  it('an attack and the fire traded after it are one fight, which the next sentence counts', () => {
    const [fight, ...rest] = events('On 4 May 2024, militants attacked a police station in Bannu and traded fire with officers for an hour. Police said 3 officers and 4 attackers were killed.');
    expect(rest).toEqual([]);
    expect(fight).toMatchObject({ type: 'ATTACK', casualties: { killed: 7 } });
  });
  it("the dead a raid's men gunned down are the raid's", () => {
    expect(events('On 6 May 2024, gang members entered Cabaret, gunned down 5 residents and set ablaze several houses.')[0]).toMatchObject({ type: 'INCURSION', casualties: { killed: 5 } });
  });
  it('a town taken by forces of no state is no government gain', () => {
    expect(coded('On 7 May 2024, Kurdish-led forces captured the village of Hajin from the militants.')).toBe('Battles / Non-state actor overtakes territory');
    expect(coded('On 7 May 2024, government forces recaptured the village of Hajin from the militants.')).toBe('Battles / Government regains territory');
  });
  it('people gunned down are killed', () => {
    expect(events('On 5 May 2024, gang members gunned down 6 residents in Mirebalais.')[0]!.casualties.killed).toBe(6);
  });
});

describe('the date of a report', () => {
  const first = (text: string) => pipeline.process({ text, published: '2024-06-01' }).events[0]!;
  it('"As reported on …" dates the event it opens; "officials said on …" dates only the saying', () => {
    expect(first('As reported on 14 May 2024, gunmen kidnapped 4 farmers near Birnin Gwari.').date).toBe('2024-05-14');
    expect(first('Gunmen kidnapped 4 farmers near Birnin Gwari, officials said on 14 May 2024.').date).not.toBe('2024-05-14');
  });
});

describe('the taxonomy rules name cues that exist', () => {
  it('every cue and weapon a rule names is a list of cues.json', () => {
    const lexicons = loadLexicons();
    const names = new Set(Object.keys(lexicons.cues.acledCues));
    const named = lexicons.taxonomy.flatMap((row) => (row.when ?? []).flatMap((w) => [...(w.cue === undefined ? [] : typeof w.cue === 'string' ? [w.cue] : w.cue), ...(w.weapon ? [w.weapon] : [])]));
    expect(named.length).toBeGreaterThan(10);
    expect(named.filter((n) => !names.has(n))).toEqual([]);
  });
});

describe('trigger words with a hyphen', () => {
  it('are found whether the tokenizer keeps the word whole or splits it', () => {
    const ctx = createContext();
    const before = buildPipeline(ctx, ['normalize', 'sentences']);
    const index = new TriggerIndex([{ type: 'PROTEST', words: ['sit-in'] }, { type: 'ATTACK', phrases: ['cross-border raid'] }]);
    const found = (text: string) => {
      const doc = before.process({ text });
      const toks = doc.sentenceTokens(0);
      return index.find(toks).map((h) => toks.slice(h.first, h.last + 1).map((t) => t.text).join(''));
    };
    expect(found('Teachers began a sit-in on Monday.')).toEqual(['sit-in']);
    expect(found('Troops carried out a cross-border raid at dawn.')).toEqual(['cross-borderraid']);
  });
});

describe('a group no lexicon knows', () => {
  it('takes territory as a non-state actor, not as a government regaining it', () => {
    expect(coded('On 1 December 2024, Turkish-backed RKN factions took control of the town after two days of fighting.')).toBe('Battles / Non-state actor overtakes territory');
  });
});

describe('devices defused and protests thwarted', () => {
  it('a bomb defused is a disrupted weapons use; tensions defused are nothing', () => {
    expect(coded('On 5 May 2024, army engineers defused two roadside bombs near the bridge.')).toBe('Strategic developments / Disrupted weapons use');
    expect(coded('The talks defused tensions between the two parties.')).toBeNull();
  });
  it('protesters who tried to block a road and were dispersed protested all the same', () => {
    expect(coded('On 9 May 2024, police fired tear gas to disperse protesters who tried to block the highway against fuel prices.')).toBe('Protests / Protest with intervention');
  });
});

describe('the primary event a one-event coding is compared with', () => {
  const primary = (text: string) => {
    const e = primaryEvent(pipeline.process({ text, published: '2024-05-10' }));
    return e && { type: e.type, trigger: e.trigger.text };
  };
  it('is a speech act of its own kind told first, not the deed it speaks of', () => {
    expect(primary('Palestinians blamed Israel for the bombing of a house in Tulkarm.')).toEqual({ type: 'STATEMENT', trigger: 'blamed' });
  });
  it('is the deed where the statement only reports it', () => {
    expect(primary('The governor said Russian forces shelled Kherson overnight.')?.type).toBe('SHELLING');
  });
});
