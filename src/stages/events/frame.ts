// What the event sub-modules share: the sentence being read (its tokens and phrases, with
// what the pipeline knows), the draft of an event while its sentence is read, and the frame
// around one trigger (its clause, the phrases left and right of it, and small tests on them)
// that the role finders read from.
import type { ArgKeys } from './merging.js';
import type { DocIndex } from './doc-index.js';
import type { ArgRole, Casualties, CasualtyClaim, Doc, Event, EventArg, Token } from '../../doc.js';
import type { Knowledge } from '../entities/knowledge.js';
import { lastIndex, nextIndex, parentheticals, PREPOSITIONS, type EventCues } from './cues.js';
import type { NounPhraseContext } from './noun-phrase.js';
import type { Phrase } from './phrases.js';
import type { Taxonomy } from './taxonomy.js';
import type { TriggerHit } from './triggers.js';

/** What every event sub-module may read: the document, the stage's knowledge, the taxonomy. */
export interface EventKnowledge {
  doc: Doc;
  know: Knowledge;
  cues: EventCues;
  /** cues.actorNouns */
  actorNouns: Set<string>;
  taxonomy: Taxonomy;
  /** the document's mentions and quantities by sentence, built once per run */
  index: DocIndex;
}

/** One sentence being read for events. */
export interface SentenceView extends EventKnowledge {
  s: number;
  toks: Token[];
  phrases: Phrase[];
}

export interface Draft {
  event: Event;
  lemma: string;
  agentAnaphoric: boolean;
  /** named by a noun ("the attack") rather than a verb ("attacked") */
  nominal: boolean;
  /** named as known: "the attack", "these raids" */
  anaphoric?: boolean;
  /** the casualty figures of the mentions merged into it, each with its claimant */
  figures?: CasualtyClaim[];
  /** the most people its mentions say were shot without saying whether they lived ("was shot"): settleFigures makes them wounded, less the dead */
  shot?: number;
  /** its casualties are people told before ("the victim died", "he was shot"): a later mention of an incident (mergeIncidents) */
  victimKnown?: boolean;
  /** its casualties are others than those told before ("also killed a neighbor"): merged, they add to the incident's */
  also?: boolean;
  /** the casualties of mentions merged into it that add to its figures ("also"), with their shot */
  added?: Array<Casualties & { shot?: number }>;
  /** the keys of event.args, for merging (merging.ts) */
  argKeys?: ArgKeys;
}

/** One trigger and the phrases around it, with the arguments found so far. */
export interface Frame extends SentenceView {
  hit: TriggerHit;
  /** the trigger is a noun ("the attack") */
  isNoun: boolean;
  passive: boolean;
  clauseStart: number;
  /** phrases of the clause before the trigger, asides (", including …,") left out */
  left: Phrase[];
  /** phrases of the clause after the trigger */
  right: Phrase[];
  np: NounPhraseContext;
  args: EventArg[];
}

export function makeFrame(view: SentenceView, hit: TriggerHit, isNoun: boolean, passive: boolean): Frame {
  const { toks, phrases } = view;
  const clauseStart = lastIndex(toks, hit.first, (t) => /^[;:]$/.test(t.text)) + 1;
  const clauseEnd = nextIndex(toks, hit.last, (t) => /^[;:]$/.test(t.text));
  const aside = parentheticals(toks);
  const left = phrases.filter((p) => p.last < hit.first && p.first >= clauseStart && !aside.some(([a, b]) => p.first > a && p.last < b && b < hit.first));
  const right = phrases.filter((p) => p.first > hit.last && p.last < clauseEnd);
  const np: NounPhraseContext = { phrases, actorNouns: view.actorNouns, people: view.know.people };
  return { ...view, hit, isNoun, passive, clauseStart, left, right, np, args: [] };
}

/** Add an argument, once per role and start. */
export function addArg(f: Frame, role: ArgRole, p: Phrase): void {
  if (f.args.some((a) => a.role === role && a.start === p.start)) return;
  f.args.push({ role, ...f.doc.mention(p.start, p.end), ref: p.ref });
}

export const hasRole = (f: Frame, role: ArgRole): boolean => f.args.some((a) => a.role === role);

/** The preposition that introduces a phrase, past determiners and adjectives ("in the northern …"). */
export function prepOf(f: Frame, p: Phrase): string {
  const { toks } = f;
  let i = p.first - 1;
  while (i >= 0 && (/^(the|a|an|its|their|his|her|so-called)$/.test(toks[i]!.lower) || toks[i]!.pos === 'ADJ')) i--;
  return toks[i]?.lower ?? '';
}

/** Not inside a prepositional phrase (or only after "including"): a possible subject. */
export const bare = (f: Frame, p: Phrase): boolean => !PREPOSITIONS.has(prepOf(f, p)) || prepOf(f, p) === 'including';

/** "Russian jets", "Army warplanes", "US and British warplanes": a weapon named with its owner acts for them. */
function ownedWeapon(f: Frame, p: Phrase): boolean {
  return p.kind === 'equipment' && p.first < p.last && (f.phrases.some((q) => q.first === p.first && (q.kind === 'actor' || q.kind === 'place')) || f.actorNouns.has(f.toks[p.first]!.lower));
}

/** Can the phrase act? An actor, people, a state, or a weapon named with its owner. */
export const agentLike = (f: Frame, p: Phrase): boolean => p.kind === 'actor' || p.kind === 'people' || (p.kind === 'place' && p.entityType === 'GPE') || ownedWeapon(f, p) || marchers(f, p);

/**
 * "Jeepney drivers and operators rallied", "shop workers and cleaners marched": whoever a protest's
 * subject names, by a plural noun no lexicon knows, are the protesters (a protest needs people,
 * so its subject is no thing; places, dates and weapons are phrases of their own kinds).
 */
function marchers(f: Frame, p: Phrase): boolean {
  if (p.kind !== 'other' || p.quantity || !f.hit.readings.some((r) => r.type === 'PROTEST')) return false;
  const head = f.toks[p.last]!;
  // (wink tags a plural noun opening a sentence as a name: "Pensioners marched")
  return (head.pos === 'NOUN' || (head.pos === 'PROPN' && p.last === 0)) && /[^s]s$/.test(head.lower) && !f.cues.placeNouns.has(head.lower);
}

/** "Kherson", or "Zmiivka village": a place named, perhaps with what kind of place it is. */
export function placeOnly(f: Frame, p: Phrase): boolean {
  return (
    (p.kind === 'place' && f.phrases.some((q) => q.kind === 'place' && q.first === p.first && q.last === p.last)) ||
    (f.cues.placeNouns.has(f.toks[p.last]!.lower) && f.phrases.some((q) => q.kind === 'place' && q.first === p.first && q.last === p.last - 1))
  );
}
