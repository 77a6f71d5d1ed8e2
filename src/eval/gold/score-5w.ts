// Giveme5W1H's who, when and where, scored recall-style: the share of the coders' phrases that
// we found. The phrases are not spans, and an article has many actors and places besides the
// ones the coders picked, so nothing we extract counts against us here.
//   who:   the phrase names one of our PERSON, ORG, ARMED_GROUP or NORP entities (name or a
//          mention) or an event's agent, by token overlap (text-match.ts)
//   where: the phrase names one of our GPE, LOC or FACILITY entities, by token overlap
//   when:  one of our DATE mentions overlaps an occurrence of the phrase in the text, or
//          names it by token overlap (the coders' resolved dates are not used: many of them
//          are the publication date rather than the date the phrase gives)
import type { DocumentRecord } from '../../record/record.js';
import { Accuracy, type AccuracyJSON } from '../score.js';
import type { DocErrors } from './doc-errors.js';
import { argNames, entityNames } from './predicted.js';
import { foundAmong, occurrences } from './text-match.js';
import type { GoldDoc, GoldPhrase } from './types.js';

export interface FiveWJSON {
  who: AccuracyJSON;
  when: AccuracyJSON;
  where: AccuracyJSON;
}

const WHO_TYPES = ['PERSON', 'ORG', 'ARMED_GROUP', 'NORP'] as const;
const WHERE_TYPES = ['GPE', 'LOC', 'FACILITY'] as const;

export class FiveWScore {
  readonly who = new Accuracy();
  readonly when = new Accuracy();
  readonly where = new Accuracy();

  add(gold: GoldDoc, record: DocumentRecord, errors: DocErrors): void {
    if (!gold.w) return;
    const agents = record.events.flatMap((e) => e.args.filter((a) => a.role === 'agent').flatMap((a) => argNames(record, a)));
    const who = [...entityNames(record, WHO_TYPES), ...agents];
    const where = entityNames(record, WHERE_TYPES);
    const dates = record.entities.filter((e) => e.type === 'DATE');
    const dateNames = dates.flatMap((e) => e.mentions.map((m) => m.text));
    const dateSpans = dates.flatMap((e) => e.mentions);

    const score = (w: 'who' | 'when' | 'where', phrases: GoldPhrase[], found: (p: GoldPhrase) => boolean) => {
      for (const p of phrases) {
        const ok = found(p);
        this[w].add(ok);
        if (!ok) errors.missed.push(`${w} ${JSON.stringify(p.text)}`);
      }
    };
    score('who', gold.w.who, (p) => foundAmong(p.text, who));
    score('where', gold.w.where, (p) => foundAmong(p.text, where));
    score('when', gold.w.when, (p) => {
      const spans = occurrences(record.text, p.text);
      return dateSpans.some((m) => spans.some((s) => m.start < s.end && s.start < m.end)) || foundAmong(p.text, dateNames);
    });
  }

  toJSON(): FiveWJSON {
    return { who: this.who.toJSON(), when: this.when.toJSON(), where: this.where.toJSON() };
  }
}
