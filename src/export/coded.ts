// One event of a record coded the way event datasets code it: its filing date, its ACLED
// types, its actors as ACLED names and codes them (actor, associated actors, inter code), its
// places (the most precise first), its sources and its own sentence. The ACLED, PLOVER and
// GeoJSON exports and the incident linker all read events through this one view.
import type { Entity, EventArg } from '../doc.js';
import type { DocumentRecord, RecordEvent } from '../record/record.js';
import { eventPlaces, type EventPlace } from '../record/places.js';
import { acledCountry } from './countries.js';

export interface CodedActor {
  /** as ACLED would name it: the entity's name, or a generic name from its coding ("Civilians (Ukraine)") */
  name: string;
  /** the text that names it in the article */
  text: string;
  start: number;
  end: number;
  /** ISO 3166-1 alpha-3 */
  country: string | null;
  sector: string | null;
  /** ACLED's inter code, 1–8 */
  inter: number | null;
  /** the entity it refers to, when named */
  entity: string | null;
}

export interface CodedEvent {
  /** `${doc_id}-${event_id}`: stable, and joins back to events.csv */
  id: string;
  doc_id: string;
  event_id: string;
  type: string;
  modality: string;
  event_date: string | null;
  time_precision: number | null;
  published: string | null;
  disorder_type: string;
  event_type: string;
  sub_event_type: string;
  plover: string;
  actors1: CodedActor[];
  actors2: CodedActor[];
  places: EventPlace[];
  /** the publisher (the host of the article's URL) and the claimant, when known */
  sources: string[];
  notes: string;
  sentence: { start: number; end: number };
  trigger: { text: string; start: number; end: number };
  killed: number | null;
  injured: number | null;
  captured: number | null;
}

/** Events an event dataset codes: asserted or claimed, and not a mere statement. */
export function isCodable(event: RecordEvent): boolean {
  return (event.modality === 'asserted' || event.modality === 'claimed') && event.type !== 'STATEMENT' && Boolean(event.mappings.acled?.event_type);
}

const DISORDER: Record<string, string> = {
  Battles: 'Political violence',
  'Explosions/Remote violence': 'Political violence',
  'Violence against civilians': 'Political violence',
  Protests: 'Demonstrations',
  Riots: 'Demonstrations',
  'Strategic developments': 'Strategic developments',
};

const ACTOR_TYPES = new Set(['PERSON', 'ORG', 'ARMED_GROUP', 'GPE', 'NORP']);
/** a description whose head noun is a thing, not people: "fuel depots", "two armoured vehicles" */
const THING = /\b(equipment|vehicles?|carriers?|tanks?|assets?|facilit(y|ies)|infrastructure|buildings?|howitzers?|aircraft|planes?|drones?|jets?|helicopters?|ships?|vessels?|systems?|positions?|depots?|bases?|incursions?|attacks?|homes?|houses?)$/i;

function isActor(arg: EventArg, entity: Entity | undefined): boolean {
  // "Ukrainian drones struck a refinery": a state's weapons that act are its forces (the events stage codes them so)
  if (arg.role === 'agent' && arg.kb?.sector === 'military' && arg.kb.country && (!entity || entity.type === 'EQUIPMENT')) return true;
  if (entity && (entity.type === 'EQUIPMENT' || entity.type === 'FACILITY' || entity.type === 'DATE')) return false;
  // a town, a region or an area is where the event happened, not a party to it ("CODECO
  // militiamen raided Fataki, killing 5 civilians": the civilians are ACLED's actor 2); a country may act
  if (entity && (entity.type === 'GPE' || entity.type === 'LOC') && entity.kb?.kind !== 'country') return false;
  if (entity && ACTOR_TYPES.has(entity.type) && !THING.test(arg.text)) return true;
  return Boolean(arg.kb?.sector) && !THING.test(arg.text.trim());
}

/** ACLED's inter codes: 1 state forces, 2 rebels, 3 political militias, 5 rioters, 6 protesters, 7 civilians, 8 external or other forces (a state's forces outside their own country). */
export function interCode(sector: string | null, country: string | null, eventCountry: string | null, eventType: string): number | null {
  switch (sector) {
    case 'military':
    case 'police':
    case 'government':
      return country && eventCountry && country !== eventCountry ? 8 : 1;
    case 'rebels':
      return 2;
    case 'militia':
      return 3;
    case 'protesters':
      return eventType === 'Riots' ? 5 : 6;
    case 'civilians':
    case 'media':
    case 'business':
      return 7;
    default:
      return null;
  }
}

/** ACLED's interaction: the two inter codes, the lower first (12, 17, 28), or one actor's code times ten (60). */
export function interaction(inter1: number | null, inter2: number | null): number | null {
  if (inter1 === null && inter2 === null) return null;
  if (inter1 === null || inter2 === null) return (inter1 ?? inter2)! * 10;
  return Math.min(inter1, inter2) * 10 + Math.max(inter1, inter2);
}

/** ACLED's generic name for an actor the text only describes ("Belarusian troops" → Military Forces of Belarus; a crowd that riots → Rioters). */
function genericName(sector: string | null, country: string | null, eventCountry: string | null, eventType = ''): string | null {
  const own = acledCountry(country)?.country ?? null;
  const where = own ?? acledCountry(eventCountry)?.country ?? null;
  const of = (label: string) => (where ? `${label} (${where})` : label);
  switch (sector) {
    // (soldiers and police named without a nationality are those of the country where it
    // happened: "a roadside bomb killed 6 soldiers near Dargol", "shelled Kherson, killing 2 soldiers")
    case 'military':
      return where ? `Military Forces of ${where}` : null;
    case 'police':
      return where ? `Police Forces of ${where}` : null;
    case 'government':
      return own ? `Government of ${own}` : null;
    case 'rebels':
    case 'militia':
      return of('Unidentified Armed Group');
    case 'protesters':
      return of(eventType === 'Riots' ? 'Rioters' : 'Protesters');
    case 'civilians':
    case 'business':
      return of('Civilians');
    case 'media':
      return of('Journalists');
    default:
      return null;
  }
}

export function codeEvent(record: DocumentRecord, event: RecordEvent, entities = new Map(record.entities.map((e) => [e.id, e]))): CodedEvent {
  const acled = event.mappings.acled ?? { event_type: '', sub_event_type: '' }; // null for events that are not asserted or claimed
  const places = eventPlaces(event, entities);
  const eventCountry = places.find((p) => p.country)?.country ?? null;
  // (excessive force against protesters is coded as any attack: the forces first, the protesters second)
  const demonstration = (acled.event_type === 'Protests' || acled.event_type === 'Riots') && acled.sub_event_type !== 'Excessive force against protesters';
  const actors = (role: EventArg['role']): CodedActor[] => {
    const out: CodedActor[] = [];
    for (const arg of event.args) {
      if (arg.role !== role) continue;
      const entity = arg.ref ? entities.get(arg.ref) : undefined;
      // the people who demonstrate are its actors however the text describes them ("dozens of
      // motorcycle-taxi drivers rallied"), with no sector a lexicon gives
      if (!isActor(arg, entity) && !(demonstration && role === 'agent' && !entity && !THING.test(arg.text.trim()))) continue;
      // "rebel groups, including the Northern Front and the Valley Brigades": the named members are the actors
      const members = entity && entity.type !== 'NORP' ? [] : namedMembers(record, arg.end, entities);
      if (members.length) {
        for (const m of members) if (!out.some((a) => a.name === m.entity.name)) out.push(namedActor(m.entity, m, eventCountry, acled.event_type));
        continue;
      }
      const country = arg.kb?.country ?? (typeof entity?.kb?.country === 'string' ? entity.kb.country : null);
      const described = arg.kb?.sector ?? (typeof entity?.kb?.sector === 'string' ? entity.kb.sector : null);
      // "4 ISWAP fighters": a description of a named group's members is the group
      const member = entity ? undefined : namedInside(arg, entities, OWNER_TYPES)[0]?.entity;
      const named = entity && ACTOR_TYPES.has(entity.type) && entity.type !== 'NORP' ? entity.name : member?.name ?? null;
      // the people who protest or riot are protesters or rioters to ACLED, whatever the text calls
      // them ("thousands of residents rallied", "youths set cars ablaze")
      const crowd = !named && entity?.type !== 'GPE' && demonstration && (described === null || UNARMED_SECTORS.has(described));
      const sector = crowd ? 'protesters' : described;
      const name = named ?? genericName(sector, country, eventCountry, acled.event_type) ?? arg.text;
      if (out.some((a) => a.name === name)) continue;
      out.push({ name, text: arg.text, start: arg.start, end: arg.end, country, sector, inter: interCode(sector, country, eventCountry, acled.event_type), entity: entity?.id ?? null });
    }
    return out;
  };
  // "a FAMa drone struck", "attacked an SDF checkpoint", "killing 2 PKK members": the armed actor
  // whose weapon, post or members the argument names, where no argument names the actor itself
  const owners = (role: 'instrument' | 'target' | 'casualties'): CodedActor[] => {
    const out: CodedActor[] = [];
    for (const arg of event.args) {
      if (arg.role !== role) continue;
      // a nationality owns a weapon or a military post or vehicle as its state's forces ("a Turkish drone")
      const stateOwned = role === 'instrument' || MILITARY_THING.test(arg.text);
      for (const { entity, mention: m } of namedInside(arg, entities, stateOwned ? OWNER_OR_NATIONALITY : OWNER_TYPES)) {
        const nationality = entity.type === 'NORP';
        if (out.some((a) => a.entity === entity.id)) continue;
        const country = typeof entity.kb?.country === 'string' ? entity.kb.country : null;
        const sector = nationality ? 'military' : typeof entity.kb?.sector === 'string' ? entity.kb.sector : entity.type === 'ARMED_GROUP' ? 'rebels' : null;
        const name = nationality ? genericName(sector, country, null) : entity.name;
        if (!name || out.some((a) => a.name === name)) continue;
        out.push({ name, text: m.text, start: m.start, end: m.end, country, sector, inter: interCode(sector, country, eventCountry, acled.event_type), entity: entity.id });
      }
    }
    return out;
  };
  function codedActors(): { actors1: CodedActor[]; actors2: CodedActor[] } {
    if (demonstration) {
      const coded = demonstrators(event, actors('agent'), [...actors('target'), ...actors('casualties')], eventCountry, acled.event_type);
      return coded.actors2.length ? coded : { ...coded, actors2: interveners(record, event, eventCountry, acled.event_type) };
    }
    // "troops repelled an ISWAP attack": who attacked is ACLED's first actor, who repelled it the second
    const attackers = REPELLED.test(event.trigger.text) ? owners('target') : [];
    if (attackers.length) return { actors1: attackers, actors2: actors('agent') };
    return {
      actors1: orElse(claimedBy(record, event, actors('agent'), entities, eventCountry, acled.event_type), () => owners('instrument')),
      actors2: orElse(actors('target'), () => orElse(owners('target'), () => orElse(actors('casualties'), () => orElse(owners('casualties'), () => civilianVictims(event, acled.event_type, eventCountry))))),
    };
  }
  const sentence = record.sentences[event.sentence] ?? { start: event.trigger.start, end: event.trigger.end };
  const sources: string[] = [];
  const host = publisher(record.doc.url);
  if (host) sources.push(host);
  const claimant = event.source ? entities.get(event.source)?.name : undefined;
  if (claimant && !sources.includes(claimant)) sources.push(claimant);
  return {
    id: `${record.doc.id}-${event.id}`,
    doc_id: record.doc.id,
    event_id: event.id,
    type: event.type,
    modality: event.modality,
    event_date: event.event_date ?? null,
    time_precision: event.time_precision ?? null,
    published: record.doc.published,
    disorder_type: DISORDER[acled.event_type] ?? '',
    event_type: acled.event_type,
    sub_event_type: acled.sub_event_type,
    plover: event.mappings.plover,
    ...codedActors(),
    places,
    sources,
    notes: record.text.slice(sentence.start, sentence.end).replace(/\s+/g, ' ').trim(),
    sentence: { start: sentence.start, end: sentence.end },
    trigger: event.trigger,
    killed: event.casualties.killed,
    injured: event.casualties.injured,
    captured: event.casualties.captured,
  };
}

/** Targets a state's forces own: "an Israeli armoured vehicle", "a Turkish base" (not "a Turkish school"). */
const MILITARY_THING = /\b(vehicles?|convoys?|tanks?|bases?|positions?|posts?|outposts?|checkpoints?|barracks|drones?|aircraft|jets?|helicopters?|warships?|vessels?|patrols?|troops|soldiers)$/i;
/** Entities that own weapons and posts: "a FAMa drone", "an SDF checkpoint", "a Sudanese army warplane". */
const OWNER_TYPES: ReadonlySet<string> = new Set(['ORG', 'ARMED_GROUP']);
const OWNER_OR_NATIONALITY: ReadonlySet<string> = new Set([...OWNER_TYPES, 'NORP']);

/** The named entities of these types (not descriptions) with a mention inside the argument, each with its first mention there, in entity order. */
function namedInside(arg: EventArg, entities: ReadonlyMap<string, Entity>, types: ReadonlySet<string>): Array<{ entity: Entity; mention: Entity['mentions'][number] }> {
  const out: Array<{ entity: Entity; mention: Entity['mentions'][number] }> = [];
  for (const entity of entities.values()) {
    if (!types.has(entity.type) || entity.kb?.description === true) continue;
    const mention = entity.mentions.find((m) => m.start >= arg.start && m.end <= arg.end);
    if (mention) out.push({ entity, mention });
  }
  return out;
}

/** ACLED's types whose victims, where no one names their side, are civilians. */
const CIVILIAN_VICTIMS = new Set(['Violence against civilians', 'Explosions/Remote violence']);

/**
 * "IS militants opened fire on a group of truffle hunters, killing 7", "a landmine … killing 2
 * brothers", "an air strike on a house …, killing 5": as ACLED codes them, the people an attack
 * or a remote blast kills or wounds are civilians (actor 2, inter 7) unless the text names their
 * side; not in a battle, not where no one was hurt ("a drone hit an oil depot"), and not where
 * what was hit is a military post, vehicle or unit ("a checkpoint", "a convoy").
 */
function civilianVictims(event: RecordEvent, eventType: string, eventCountry: string | null): CodedActor[] {
  if (!CIVILIAN_VICTIMS.has(eventType)) return [];
  const hit = event.args.filter((a) => a.role === 'target' || a.role === 'casualties');
  const harmed = (event.casualties.killed ?? 0) + (event.casualties.injured ?? 0) > 0;
  if (!harmed || hit.some((a) => MILITARY_THING.test(a.text.trim()) || a.kb?.sector)) return [];
  const at = hit[0] ?? event.trigger;
  const name = genericName('civilians', null, eventCountry)!;
  return [{ name, text: at.text, start: at.start, end: at.end, country: null, sector: 'civilians', inter: interCode('civilians', null, eventCountry, eventType), entity: null }];
}

/** Sectors of people without arms or office: when they demonstrate, ACLED's protesters or rioters. */
const UNARMED_SECTORS: ReadonlySet<string> = new Set(['civilians', 'business', 'media', 'protesters']);
/** Sectors of a state's forces, which ACLED puts second in a demonstration they act on. */
const STATE_FORCES: ReadonlySet<string> = new Set(['police', 'military', 'government']);

/**
 * ACLED's demonstration events (Protests, Riots) have the demonstrators as actor 1, "Protesters
 * (Kenya)" or "Rioters (Kenya)" whatever the text calls them ("dozens of motorcycle-taxi drivers
 * rallied"), with a named organisation that marched as an associated actor. A demonstration
 * always has its demonstrators, so where the text names none ("a sit-in was held") they are
 * named from the event's word. Actor 2 of a protest is the force that intervened, never what the
 * protest was against: "Gendarmes blocked a march" is coded with the gendarmes second, though
 * they are the sentence's subject. Actor 2 of a riot is whom the rioters fought or attacked, not
 * their own hurt.
 */
function demonstrators(event: RecordEvent, agents: CodedActor[], targets: CodedActor[], eventCountry: string | null, eventType: string): { actors1: CodedActor[]; actors2: CodedActor[] } {
  const forces = agents.filter((a) => a.sector !== null && STATE_FORCES.has(a.sector));
  const people = agents.filter((a) => !forces.includes(a));
  if (forces.length && !people.length && eventType === 'Riots') return { actors1: forces, actors2: targets };
  const crowd = forces.length && !people.length ? targets.filter((t) => t.sector === 'protesters') : people;
  // an armed group that riots stays itself; everyone else marches as protesters or rioters
  const armed = crowd.filter((a) => a.sector !== null && !UNARMED_SECTORS.has(a.sector));
  const generic = crowd.find((a) => a.sector === 'protesters' && a.entity === null);
  const at = generic ?? crowd.find((a) => a.entity === null) ?? crowd[0] ?? event.trigger;
  const sector = 'protesters';
  const lead: CodedActor = generic ?? { name: genericName(sector, null, eventCountry, eventType)!, text: at.text, start: at.start, end: at.end, country: null, sector, inter: interCode(sector, null, eventCountry, eventType), entity: null };
  const associated = crowd.filter((a) => a !== generic && a.entity !== null && !armed.includes(a));
  const actors1 = armed.length ? [...armed, ...associated] : [lead, ...associated];
  if (forces.length && !people.length) return { actors1, actors2: forces };
  return { actors1, actors2: eventType === 'Riots' ? targets.filter((t) => t.sector !== 'protesters') : [] };
}

/** Police and soldiers told without a name, and what they do to a crowd right after the words that name them. */
const FORCES = /\b(riot police|police(?:men)?|gendarmes?|security forces|soldiers|troops|the army)\b(?=[^.;]{0,40}?\b(fired|used|dispersed|detained|arrested|broke up|blocked|beat|charged|opened fire|responded|intervened|clashed|tear-?gassed|pushed back|cordoned|stormed|raided)\b)/i;

/**
 * "Police used stun grenades and detained dozens", "gendarmes broke up the gathering": the
 * forces that stepped in, as the demonstration's second actor, where no argument of the event
 * names them. They are read in the event's sentence and the one after (ACLED codes the
 * intervention with the protest, not as an event of its own), from the words that name them
 * as the subject of what they did to the crowd; "a protest against police brutality" names none.
 */
function interveners(record: DocumentRecord, event: RecordEvent, eventCountry: string | null, eventType: string): CodedActor[] {
  for (const s of [event.sentence, event.sentence + 1]) {
    const sentence = record.sentences[s];
    if (!sentence) continue;
    const found = FORCES.exec(record.text.slice(sentence.start, sentence.end));
    if (!found) continue;
    const sector = /police|gendarme|security/i.test(found[1]!) ? 'police' : 'military';
    const name = genericName(sector, null, eventCountry, eventType) ?? found[1]!;
    const start = sentence.start + found.index;
    return [{ name, text: found[1]!, start, end: start + found[1]!.length, country: null, sector, inter: interCode(sector, null, eventCountry, eventType), entity: null }];
  }
  return [];
}

/** The actors found, or the next way of finding them where there are none. */
/**
 * "A suicide attacker detonated his explosives … IS Sahel claimed responsibility": the group that
 * claims a deed whose doer the text does not name is its first actor, as ACLED codes it. The
 * claim is a STATEMENT of claiming responsibility in the deed's sentence or after it, with no
 * other violent deed between them, made by a named group.
 */
function claimedBy(record: DocumentRecord, event: RecordEvent, agents: CodedActor[], entities: Map<string, Entity>, eventCountry: string | null, eventType: string): CodedActor[] {
  if (agents.some((a) => a.entity && entities.get(a.entity)?.type !== 'NORP')) return agents;
  const after = record.events.filter((e) => e.sentence >= event.sentence && e.trigger.start > event.trigger.start);
  const claim = after.find((e) => e.type === 'STATEMENT' && /^claim/i.test(e.trigger.text) && /responsib/i.test(e.trigger.text));
  if (!claim || after.some((e) => e !== claim && e.type !== 'STATEMENT' && e.trigger.start < claim.trigger.start && (e.modality === 'asserted' || e.modality === 'claimed'))) return agents;
  const agent = claim.args.find((a) => a.role === 'agent' && a.ref);
  const group = agent?.ref ? entities.get(agent.ref) : undefined;
  if (!group || (group.type !== 'ARMED_GROUP' && group.type !== 'ORG')) return agents;
  return [namedActor(group, agent!, eventCountry, eventType)];
}

/** A named group as a coded actor, from the words that name it: its country and sector from the lexicon (an armed group of no known sector is rebels). */
function namedActor(entity: Entity, named: { text: string; start: number; end: number }, eventCountry: string | null, eventType: string): CodedActor {
  const country = typeof entity.kb?.country === 'string' ? entity.kb.country : null;
  const sector = typeof entity.kb?.sector === 'string' ? entity.kb.sector : entity.type === 'ARMED_GROUP' ? 'rebels' : null;
  return { name: entity.name, text: named.text, start: named.start, end: named.end, country, sector, inter: interCode(sector, country, eventCountry, eventType), entity: entity.id };
}

/** Verbs of an attack fought off: "repelled", "repulsed", "foiled", "thwarted". */
const REPELLED = /^(repel|repuls|foil|thwart|fended off|fought off|beat back|beaten back)/i;

function orElse(found: CodedActor[], next: () => CodedActor[]): CodedActor[] {
  return found.length ? found : next();
}

const MEMBERS_CUE = /^,?\s+(including|among them|among which|such as|namely)\s+/i;

/** The named groups a description lists after "including" (up to the end of the list): its members. */
function namedMembers(record: DocumentRecord, from: number, entities: ReadonlyMap<string, Entity>): Array<{ entity: Entity; text: string; start: number; end: number }> {
  const cue = MEMBERS_CUE.exec(record.text.slice(from, from + 20));
  if (!cue) return [];
  const members: Array<{ entity: Entity; text: string; start: number; end: number }> = [];
  let at = from + cue[0].length;
  for (;;) {
    const next = [...entities.values()]
      .filter((e) => e.type === 'ARMED_GROUP' || e.type === 'ORG')
      .flatMap((e) => e.mentions.map((m) => ({ entity: e, ...m })))
      .filter((m) => m.start >= at && /^(the)?$/i.test(record.text.slice(at, m.start).trim()))
      .sort((a, b) => a.start - b.start)[0];
    if (!next) break;
    members.push(next);
    const gap = /^(,\s*(and\s+)?|\s+and\s+)/.exec(record.text.slice(next.end, next.end + 8));
    if (!gap) break;
    at = next.end + gap[0].length;
  }
  return members;
}

/** The publisher of an article: the host of its URL, without "www.". */
export function publisher(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/** The coded events of a record that event datasets take. */
export function codedEvents(record: DocumentRecord): CodedEvent[] {
  const entities = new Map(record.entities.map((e) => [e.id, e]));
  return record.events.filter(isCodable).map((e) => codeEvent(record, e, entities));
}
