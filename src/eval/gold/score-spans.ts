// Entity mentions and quantities, scored as spans: a predicted span is right when its label,
// start and end all equal a gold span's (`label|start|end`), after our offsets are mapped onto
// the gold text. For CoNLL gold our entity types are first mapped onto CoNLL's labels, and
// the entities we made for unnamed claimants (kb.description: "the governor") are left out.
import type { EntityMention, EntityType, Mention } from '../../doc.js';
import type { DocumentRecord } from '../../record/record.js';
import { PerType, PRF, matchKeys, spanKey } from '../score.js';
import type { OffsetMap } from './align.js';
import { CONLL_LABEL } from './conll.js';
import { quote, type DocErrors } from './doc-errors.js';
import type { EntityScheme, GoldDoc } from './types.js';

/**
 * The name a news NER gold set sees in a mention of ours, and its type: the mention itself, or,
 * where it describes its entity ("Iraqi forces", "the ministry"), the people's word it opens
 * with ("Iraqi", record.ts recordMention), or nothing. A place's mention keeps the word of its
 * kind ("Guangdong province", "Kursk oblast", "mainland China") as the record's name of the
 * region does; the name a NER gold set marks is the capitalised words without it.
 */
export function nerName(mention: EntityMention, type: EntityType): (Mention & { type: EntityType }) | null {
  if (mention.nominal === true) return mention.inner_name ?? null;
  const name = type === 'GPE' || type === 'LOC' ? PLACE_NAME.exec(mention.text) : null;
  if (!name || name[0].length === mention.text.length) return { text: mention.text, start: mention.start, end: mention.end, type };
  const start = mention.start + name.index;
  return { text: name[0], start, end: start + name[0].length, type };
}

/** A place's name without the lower-case words before and after it: "Guangdong" of "Guangdong province". */
const PLACE_NAME = /(?<=^|\s)(?!\p{Ll}+(?:\s|$))\S.*?\S*(?=(?:\s+\p{Ll}+)*$)/u;

/** The label a predicted entity type is scored as under a scheme, or null when the scheme has none. */
export function labelFor(type: string, scheme: EntityScheme): string | null {
  return scheme === 'conll' ? (CONLL_LABEL[type] ?? null) : type;
}

export class EntityScore {
  readonly perType = new PerType();

  constructor(private readonly scheme: EntityScheme) {}

  add(gold: GoldDoc, record: DocumentRecord, map: OffsetMap, errors: DocErrors): void {
    if (!gold.entities) return;
    const goldKeys = gold.entities.map((e) => spanKey(e.type, e.start, e.end));
    const predKeys: string[] = [];
    for (const entity of record.entities) {
      // NER gold names names: our descriptions of unnamed actors ("the governor") are not scored against it
      if (!labelFor(entity.type, this.scheme) || (this.scheme === 'conll' && entity.kb?.description === true)) continue;
      for (const described of entity.mentions) {
        // nor are descriptions of named ones, but the people's word one opens with ("Iraqi", MISC in CoNLL's terms)
        const mention = this.scheme === 'conll' ? nerName(described, entity.type) : { ...described, type: entity.type };
        const label = mention && labelFor(mention.type, this.scheme);
        if (!mention || !label) continue;
        const span = map(mention);
        // a span that cannot be placed on the gold text cannot match, and still counts as predicted
        predKeys.push(span ? spanKey(label, span.start, span.end) : `${label}|unaligned ${JSON.stringify(mention.text)}|${mention.start}`);
      }
    }
    const { matched, missed, spurious } = matchKeys(goldKeys, predKeys);
    for (const k of matched) this.perType.add(labelOf(k), { tp: 1 });
    for (const k of missed) this.perType.add(labelOf(k), { fn: 1 });
    for (const k of spurious) this.perType.add(labelOf(k), { fp: 1 });
    errors.missed.push(...missed.map((k) => `entity ${describe(gold.text, k)}`));
    errors.spurious.push(...spurious.map((k) => `entity ${describe(gold.text, k)}`));
  }
}

const labelOf = (key: string) => key.slice(0, key.indexOf('|'));

function describe(text: string, key: string): string {
  const [label, start, end] = key.split('|');
  const a = Number(start);
  const b = Number(end);
  return Number.isInteger(a) && Number.isInteger(b) ? `${label} ${quote(text, a, b)}` : `${label} ${start}`;
}

/**
 * Quantities: matched by span, value and item when every gold quantity of the document has a
 * span (`start|end|value|item`), else by value and item alone (`value|item`, as a multiset).
 */
export class QuantityScore {
  readonly prf = new PRF();

  add(gold: GoldDoc, record: DocumentRecord, map: OffsetMap, errors: DocErrors): void {
    if (!gold.quantities) return;
    const bySpan = gold.quantities.every((q) => q.start !== undefined && q.end !== undefined);
    const key = (value: number | null, item: string, span: { start: number; end: number } | null) =>
      bySpan ? `${span ? `${span.start}|${span.end}` : 'unaligned|'}|${value ?? '?'}|${item}` : `${value ?? '?'}|${item}`;
    const goldKeys = gold.quantities.map((q) => key(q.value, q.item, q.start !== undefined ? { start: q.start, end: q.end! } : null));
    const predKeys = record.quantities.map((q) => key(q.value, q.item, map(q)));
    const { matched, missed, spurious } = matchKeys(goldKeys, predKeys);
    this.prf.add({ tp: matched.length, fp: spurious.length, fn: missed.length });
    const show = (k: string) => {
      const parts = k.split('|');
      const [value, item] = parts.slice(-2);
      const a = Number(parts[0]);
      const b = Number(parts[1]);
      return `quantity ${value} × ${item}${bySpan && Number.isInteger(a) && Number.isInteger(b) ? ` ${quote(gold.text, a, b)}` : ''}`;
    };
    errors.missed.push(...missed.map(show));
    errors.spurious.push(...spurious.map(show));
  }
}
