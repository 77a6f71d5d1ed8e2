// Actor coding, the way ACLED and PLOVER code agents and targets: a country (ISO3) and a
// sector for every agent and target argument, and for the people a casualty figure counts
// ("killing 12 civilians": ACLED's second actor where no target is one). Named actors take theirs from the lexicon
// entity; descriptions take the sector from their head noun ("Islamist militants" →
// rebels, "two civilians" → civilians) and the country from a nationality or place inside
// them ("Russian soldiers" → RUS). "These groups", "the militants", "they" take the coding
// of the actor they refer back to.
import type { Doc, Entity, Event, EventArg } from '../../doc.js';
import { SpanIndex } from '../../spans.js';
import { headWord } from '../../text.js';

export interface ActorCode {
  country?: string;
  sector?: string;
  /** for a description that refers back: the earlier mention it stands for */
  refersTo?: string;
}

const ANAPHORA = /^(these|those|the|such)\s+(\w+\s+)?(groups?|militants?|rebels?|fighters?|militias?|forces|troops|attackers?|gunm[ae]n|insurgents?|soldiers?|units?)$|^(they|them|it)$/i;

/** Codes each agent and target; `sectors` (cues.json) give a description's sector by its words, tried in order. */
export function codeActors(doc: Doc, events: Event[], sectors: ReadonlyArray<[RegExp, string]>): void {
  const byId = new Map<string, Entity>();
  for (const e of doc.entities) if (!byId.has(e.id)) byId.set(e.id, e);
  const entity = (id: string | null) => (id ? byId.get(id) : undefined);
  // the mentions of nationalities, places and organisations, found by span (an incident of a long text has thousands of arguments)
  const inside = new SpanIndex(doc.entities.filter((e) => CODED.has(e.type)).flatMap((e) => e.mentions.map((m) => ({ e, start: m.start, end: m.end }))));
  const seen: Array<{ arg: EventArg; code: ActorCode }> = [];
  for (const event of events) {
    for (const arg of event.args) {
      if (arg.role !== 'agent' && arg.role !== 'target' && arg.role !== 'casualties') continue;
      // ("opened fire on a group of fishermen": the argument may end before the "of" that names whom the group is of)
      const of = COLLECTIVE.test(arg.text.trim()) ? GROUP_OF.exec(doc.text.slice(arg.end, arg.end + 60)) : null;
      let code = codeOf(inside, of ? { ...arg, text: `${arg.text} of ${of[1]}` } : arg, entity(arg.ref), sectors);
      // "Israeli airstrikes", "Russian shelling": a nationality alone that strikes from afar is its state's forces
      if (arg.role === 'agent' && !code.sector && code.country && REMOTE.has(event.type) && entity(arg.ref)?.type === 'NORP' && !/\s/.test(arg.text.trim())) code.sector = 'military';
      // "these groups launched coordinated raids": the groups named before
      if (ANAPHORA.test(arg.text.trim())) {
        const head = headWord(arg.text);
        const antecedent = findLast(seen, (s) => s.arg.role === 'agent' && s.arg.text !== arg.text && (s.arg.text.toLowerCase().includes(head) || s.code.sector === code.sector || !code.sector));
        if (antecedent) {
          code = { ...antecedent.code, refersTo: antecedent.arg.text };
          if (!arg.ref && antecedent.arg.ref) arg.ref = antecedent.arg.ref;
        }
      }
      if (code.country || code.sector) (arg as EventArg & { kb?: ActorCode }).kb = code;
      seen.push({ arg, code });
    }
  }
}

/** The strikes only a state's forces, or an armed group named as such, carry out from afar. */
const REMOTE: ReadonlySet<string> = new Set(['AIRSTRIKE', 'DRONE_STRIKE', 'SHELLING']);

/** A word for a number of people, which names no sector by itself: "a group", "dozens". */
const COLLECTIVE = /^(a |the )?(group|groups|number|couple|handful|dozens|hundreds|scores)$/i;
/** The people a collective word is of, up to the next preposition, clause or punctuation. */
const GROUP_OF = /^\s+of\s+([\w'-]+(?:\s+(?!(?:at|in|on|near|from|with|who|that|and|as)\b)[\w'-]+){0,3})/i;

/** The entity types whose mentions inside a description give its country. */
const CODED = new Set(['NORP', 'GPE', 'ORG', 'ARMED_GROUP']);

function findLast<T>(items: readonly T[], test: (item: T) => boolean): T | undefined {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return items[i];
  return undefined;
}

function codeOf(inside: SpanIndex<{ e: Entity; start: number; end: number }>, arg: EventArg, named: Entity | undefined, sectors: ReadonlyArray<[RegExp, string]>): ActorCode {
  const code: ActorCode = {};
  const kb = named?.kb ?? {};
  if (named && named.type !== 'DATE' && named.type !== 'EQUIPMENT') {
    if (typeof kb.country === 'string') code.country = kb.country;
    if (typeof kb.sector === 'string') code.sector = kb.sector;
    if (!code.sector && named.type === 'ARMED_GROUP') code.sector = 'rebels';
    if (!code.sector && named.type === 'GPE' && kb.kind === 'country') code.sector = 'government';
  }
  // a nationality or a country inside a description: "Russian soldiers", "Israel's army"
  if (!code.country) {
    const within = inside.overlapping(arg.start, arg.end).find(({ e, start, end }) => start >= arg.start && end <= arg.end && typeof e.kb?.country === 'string');
    if (within) code.country = within.e.kb!.country as string;
  }
  if (!code.sector && (!named || named.type === 'NORP' || named.type === 'EQUIPMENT' || (named.kb as { description?: boolean } | undefined)?.description)) {
    // "a group of truffle hunters" is the hunters, not an armed group
    const text = arg.text.toLowerCase().replace(/\b(group|number|couple|handful|dozens?|hundreds?|scores?) of\b/g, '');
    // "government forces and allied militias": the first named leads
    const first = text.split(/\s+(?:and|&)\s+|,\s*/)[0]!;
    code.sector = (sectors.find(([re]) => re.test(first)) ?? sectors.find(([re]) => re.test(text)))?.[1];
    // "Ukrainian drones struck a refinery", "Saudi-led coalition jets": a state's weapons are its forces
    if (!code.sector && code.country && STATE_WEAPONS.test(headWord(arg.text))) code.sector = 'military';
    if (!code.sector) delete code.sector;
  }
  return code;
}
const STATE_WEAPONS = /^(drone|missile|jet|warplane|aircraft|helicopter|gunship|bomber|artillery|tank|warship|gunboat|navy|rocket)$/; // head words, their plural s cut (headWord)
