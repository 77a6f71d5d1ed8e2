// Casualties: how many people a sentence says were killed, injured or captured, from the
// counted people near "killed", "wounded", "captured" ("killing two civilians", "25 soldiers
// were captured", "killed a Palestinian man"), and which of the sentence's events they belong
// to: the deaths of an attack are the attack's ("…, killing two civilians"), not an event of
// their own.
import type { Casualties, Doc, Token } from '../../doc.js';
import { WORD_NUMBERS } from './cues.js';
import type { Draft, SentenceView } from './frame.js';
import type { Phrase } from './phrases.js';

/**
 * The events of a sentence that stand (a KILLING beside a violent event folds into it), with
 * the sentence's casualties given to the first of them that can carry casualties (the
 * captured to a CAPTURE when there is one), and the killed as its casualties arguments.
 */
export function settleCasualties(view: SentenceView, made: Draft[]): Draft[] {
  const { taxonomy } = view;
  const violent = made.filter((d) => taxonomy.is(d.event.type, 'absorbsKilling'));
  const kept = made.filter((d) => !(d.event.type === 'KILLING' && violent.length > 0));
  const primary = kept.find((d) => taxonomy.is(d.event.type, 'casualties'));
  if (!primary) return kept;
  const casualties = countCasualties(view.doc, view.know.people, view.toks, view.phrases, view.cues.casualty);
  const killingTarget = made.find((d) => d.event.type === 'KILLING')?.event.args.filter((a) => a.role === 'target') ?? [];
  for (const key of ['killed', 'injured', 'captured'] as const) {
    if (casualties[key] !== null) {
      const owner = key === 'captured' ? kept.find((d) => d.event.type === 'CAPTURE') ?? primary : primary;
      owner.event.casualties[key] = casualties[key];
    }
  }
  if (primary.event.type !== 'KILLING') for (const a of killingTarget) if (!primary.event.args.some((b) => b.start === a.start)) primary.event.args.push({ ...a, role: 'casualties' });
  return kept;
}

/** Numbers of people killed, injured and captured in a sentence. */
export function countCasualties(doc: Doc, people: Set<string>, toks: Token[], phrases: Phrase[], casualty: ReadonlyMap<string, keyof Casualties>): Casualties {
  const out: Casualties = { killed: null, injured: null, captured: null };
  const counts: Array<{ first: number; last: number; value: number }> = [];
  for (const p of phrases) {
    if (p.kind !== 'people' || !p.quantity) continue;
    const q = doc.quantities.find((x) => x.id === p.quantity);
    if (q && q.value !== null && Number.isInteger(q.value)) counts.push({ first: p.first, last: p.last, value: q.value });
  }
  // "killed a Palestinian man": one person
  for (let i = 0; i < toks.length; i++) {
    if (!/^(a|an|one)$/.test(toks[i]!.lower)) continue;
    let k = i + 1;
    while (k < toks.length && k <= i + 3 && !people.has(toks[k]!.lower) && (toks[k]!.pos === 'ADJ' || toks[k]!.pos === 'PROPN' || toks[k]!.pos === 'NOUN')) k++;
    const head = toks[k];
    if (head && people.has(head.lower) && !/s$/.test(head.lower)) counts.push({ first: i, last: k, value: 1 });
  }
  // bare numbers after a casualty verb: "killing two", "wounding at least 12"
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (covers(counts, i)) continue;
    if (t.pos !== 'NUM' && !/^\d[\d,]*$/.test(t.text)) continue;
    if (doc.entities.some((e) => e.type === 'DATE' && e.mentions.some((m) => m.start <= t.start && m.end >= t.end))) continue;
    const value = Number(t.text.replace(/,/g, '')) || WORD_NUMBERS[t.lower];
    if (!value) continue;
    const prev = toks[i - 1]?.lower ?? '';
    const next = toks[i + 1]?.lower ?? '';
    if (/^(kill|killed|killing|wounding|injuring|wounded|injured|to|least|than|about|nearly)$/.test(prev) || /^(dead|killed|wounded|injured|died|people|others)$/.test(next)) {
      counts.push({ first: i, last: i, value });
    }
  }
  for (const c of counts) {
    let best: { d: number; key: keyof Casualties } | null = null;
    for (let i = Math.max(0, c.first - 4); i <= Math.min(toks.length - 1, c.last + 4); i++) {
      if (i >= c.first && i <= c.last) continue;
      const w = toks[i]!.lower;
      const key = casualty.get(w);
      if (!key) continue;
      const d = i < c.first ? c.first - i : i - c.last;
      if (!best || d < best.d) best = { d, key };
    }
    if (best && out[best.key] === null) out[best.key] = c.value;
  }
  return out;
}

function covers(counts: ReadonlyArray<{ first: number; last: number }>, i: number): boolean {
  for (const c of counts) if (c.first <= i && c.last >= i) return true;
  return false;
}
