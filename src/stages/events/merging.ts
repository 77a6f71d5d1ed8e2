// Merging (event coreference): one real incident is one event. Within a sentence, a verb that
// tells what an event named before it did ("Russian shelling hit Zmiivka") adds to that event,
// and the noun that names an event a support verb launched ("launch massive missile strikes")
// replaces the verb's. Across the article, a later mention ("the incursions", "these raids")
// and the same fact told again add to the earlier event; a sentence that only lists ("These
// included four tanks …") adds targets to the event before it, and one that only retells an
// event names who vouches for it.
import type { Doc, Token } from '../../doc.js';
import { isAnaphoric, isSubjectOf } from './candidates.js';
import type { Draft, SentenceView } from './frame.js';
import type { Taxonomy } from './taxonomy.js';
import type { TriggerHit } from './triggers.js';

export class EventMemory {
  /** the article's events so far, in order */
  readonly drafts: Draft[] = [];
  /** the event the previous sentences spoke of last, for "This included …" */
  private lastTouched: { draft: Draft; sentence: number } | null = null;
  /** claimants of events told again in the current sentence */
  private retold: Array<{ into: Draft; source: string }> = [];

  constructor(private taxonomy: Taxonomy) {}

  startSentence(): void {
    this.retold = [];
  }

  /** A new draft of the current sentence: merged into an event already told, or added to `made`. */
  place(made: Draft[], draft: Draft, hit: TriggerHit, toks: Token[]): void {
    // "Russian shelling hit Zmiivka": the verb tells what the event named before it did
    const subjectEvent = made.find((d) => isSubjectOf(d, hit, toks));
    if (subjectEvent && this.taxonomy.is(draft.event.type, 'strike') && !draft.nominal) {
      for (const a of draft.event.args) if (a.role !== 'agent' && !subjectEvent.event.args.some((b) => b.role === a.role && b.start === a.start)) subjectEvent.event.args.push(a);
      return;
    }
    // the same event told again in this sentence, or earlier in the article
    const same = made.find((d) => d.event.type === draft.event.type);
    if (same) {
      // "launch massive missile strikes": the noun names the event, the verb only launches it
      if (/^(fire|launch|carry|conduct)/.test(same.lemma) && draft.nominal) {
        absorb(draft, same);
        made[made.indexOf(same)] = draft;
      }
      return;
    }
    if (isAnaphoric(hit, toks) && this.mergeIntoEarlier(draft)) return;
    made.push(draft);
  }

  /** The events a sentence made, after its own merges: they share agents and targets; a sentence of retellings names its claimants. */
  settleSentence(doc: Doc, made: Draft[]): void {
    shareCoordinatedAgent(doc, made);
    lendEffectTargets(this.taxonomy, made);
    // "Videos released by the ministry showed the destruction …": a sentence that only retells an
    // event names who vouches for it; one that reports a new event ("claims of repelling the
    // incursions") does not make its claimant the source of the old one
    if (made.length === 0) for (const { into, source } of this.retold) into.event.source ??= source;
  }

  /** Keep the sentence's events, each unless it is a fact told before. */
  keep(kept: Draft[], s: number): void {
    for (const d of kept) {
      if (this.duplicateOfEarlier(d)) continue;
      this.drafts.push(d);
      this.lastTouched = { draft: d, sentence: s };
    }
  }

  private mergeIntoEarlier(draft: Draft): boolean {
    const earlier = [...this.drafts].reverse().find((d) => d.event.type === draft.event.type);
    if (!earlier) return false;
    absorb(earlier, draft);
    if (draft.event.source) this.retold.push({ into: earlier, source: draft.event.source });
    this.lastTouched = { draft: earlier, sentence: draft.event.sentence };
    return true;
  }

  /** The same fact told twice: same type, trigger and agent; or a later "these groups launched raids". */
  private duplicateOfEarlier(draft: Draft): boolean {
    const agentRef = (d: Draft) => d.event.args.find((a) => a.role === 'agent')?.ref ?? null;
    // descriptions without an entity: the same words ("a gunman", "the gunman") are the same actor
    const agentText = (x: Draft) => x.event.args.find((a) => a.role === 'agent')?.text.toLowerCase().replace(/^(the|a|an)\s+/, '') ?? null;
    const earlier = [...this.drafts].reverse().find((d) => {
      if (d.event.type !== draft.event.type) return false;
      if (draft.agentAnaphoric && draft.event.sentence - d.event.sentence <= 2) return true;
      if (d.lemma !== draft.lemma) return false;
      if (agentRef(d) !== null) return agentRef(d) === agentRef(draft);
      return agentText(d) !== null && agentText(d) === agentText(draft);
    });
    if (!earlier) return false;
    absorb(earlier, draft);
    return true;
  }

  /** "These included four tanks and a Polish Krab howitzer." lists the previous event's targets. */
  continueLast(view: SentenceView): void {
    const { doc, s, phrases } = view;
    if (!this.lastTouched || this.lastTouched.sentence !== s - 1) return;
    const last = this.lastTouched.draft;
    const sentence = doc.sentences[s]!;
    const counted = doc.quantities.filter((q) => q.start >= sentence.start && q.end <= sentence.end);
    for (const q of counted) {
      last.event.args.push({ role: 'target', ...doc.mention(q.start, q.end), ref: q.entity });
      last.event.args.push({ role: 'quantity', ...doc.mention(q.start, q.end), ref: q.id });
    }
    for (const p of phrases) {
      if (p.kind !== 'equipment' && p.kind !== 'people' && p.kind !== 'facility') continue;
      if (p.quantity || counted.some((q) => q.start <= p.start && q.end >= p.end)) continue;
      last.event.args.push({ role: 'target', ...doc.mention(p.start, p.end), ref: p.ref });
    }
  }
}

/** One event told twice: the first keeps its agent and time, and takes the other's other arguments, date and casualties. */
export function absorb(into: Draft, from: Draft): void {
  const e = into.event;
  for (const a of from.event.args) {
    if ((a.role === 'agent' || a.role === 'time') && e.args.some((b) => b.role === a.role)) continue;
    if (!e.args.some((b) => b.role === a.role && b.start === a.start)) e.args.push(a);
  }
  e.date ??= from.event.date;
  for (const key of ['killed', 'injured', 'captured'] as const) e.casualties[key] ??= from.event.casualties[key];
}

/** "reported engaging Russian forces and destroying military assets": one subject for both. */
export function shareCoordinatedAgent(doc: Doc, made: Draft[]): void {
  for (let k = 1; k < made.length; k++) {
    const d = made[k]!.event;
    const prev = made[k - 1]!.event;
    const before = doc.text.slice(prev.trigger.end, d.trigger.start);
    if (!/\band\s*$/.test(before) || !/ing$/.test(d.trigger.text) || !/ing$/.test(prev.trigger.text)) continue;
    const agent = prev.args.find((a) => a.role === 'agent');
    d.args = d.args.filter((a) => a.role !== 'agent');
    if (agent) d.args.push({ ...agent });
  }
}

/** "A drone attack set fire to an oil depot": what the attack's effect hit, the attack hit. */
export function lendEffectTargets(taxonomy: Taxonomy, made: Draft[]): void {
  for (const d of made) {
    if (!taxonomy.is(d.event.type, 'violent') || taxonomy.is(d.event.type, 'effect') || d.event.args.some((a) => a.role === 'target')) continue;
    const effect = made.find((e) => taxonomy.is(e.event.type, 'effect') && e.event.trigger.start > d.event.trigger.start);
    for (const a of effect?.event.args.filter((x) => x.role === 'target') ?? []) d.event.args.push({ ...a });
  }
}

/** One argument per role and span: "a powerful Taliban truck" and "truck" are one instrument. */
export function uniqueArgs(drafts: Draft[]): void {
  for (const d of drafts) {
    d.event.args = d.event.args.filter((a) => !d.event.args.some((b) => b !== a && b.role === a.role && b.start <= a.start && b.end >= a.end && b.end - b.start > a.end - a.start));
  }
}
