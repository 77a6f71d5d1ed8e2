// Finding the words that announce events, from triggers.json: single words by lemma or
// surface form (restricted by part of speech), and phrases by lemma sequence.
import type { EventType, Token } from '../../doc.js';
import type { TriggerEntry } from '../../lexicons/load.js';
import { WORD_MEMO_LIMIT, remembered } from '../../memo.js';

export interface TriggerHit {
  first: number;
  last: number;
  /** candidate readings, most specific first */
  readings: TriggerEntry[];
  phrase: boolean;
}

export class TriggerIndex {
  private words = new Map<string, TriggerEntry[]>();
  /** phrases by their first word, longest first */
  private phrases = new Map<string, Array<{ words: string[]; entry: TriggerEntry | null }>>();
  /**
   * Speed trick: the entries of a word's stems ("shelled" → shell, shelle), by word, for the life
   * of the pipeline (words repeat, and stems build strings); it clears itself when full, as a
   * long run meets words without end.
   */
  private stemEntries = new Map<string, TriggerEntry[] | null>();

  /** `notTriggers` are phrases that hold a trigger word but announce nothing ("according to"). */
  constructor(entries: TriggerEntry[], notTriggers: string[] = []) {
    // the tokenizer keeps some hyphenated words whole ("counter-offensive") and splits others
    // ("sit", "-", "in"), so a phrase or word with a hyphen is also looked for split
    const addPhrase = (phrase: string, entry: TriggerEntry | null) => {
      const words = phrase.toLowerCase().split(/\s+/);
      const split = words.flatMap((w) => (/\p{L}-\p{L}/u.test(w) ? w.split(/(-)/) : [w]));
      for (const variant of split.length > words.length ? [words, split] : [words]) {
        const list = this.phrases.get(variant[0]!) ?? [];
        list.push({ words: variant, entry });
        this.phrases.set(variant[0]!, list);
      }
    };
    for (const p of notTriggers) addPhrase(p, null);
    for (const entry of entries) {
      for (const w of entry.words ?? []) {
        const key = w.toLowerCase();
        const list = this.words.get(key) ?? [];
        list.push(entry);
        this.words.set(key, list);
        if (/\p{L}-\p{L}/u.test(key)) addPhrase(key, entry);
      }
      for (const p of entry.phrases ?? []) addPhrase(p, entry);
    }
    for (const list of this.phrases.values()) list.sort((a, b) => b.words.length - a.words.length);
  }

  find(toks: Token[]): TriggerHit[] {
    const hits: TriggerHit[] = [];
    let i = 0;
    while (i < toks.length) {
      const phrase = this.phraseAt(toks, i);
      if (phrase) {
        if (phrase.readings.length) hits.push(phrase); // a not-trigger phrase is skipped whole
        i = phrase.last + 1;
        continue;
      }
      const t = toks[i]!;
      // the entries of the word, its lemma and its stems, each once, in that order (most
      // words have none, and then nothing is allocated)
      let entries = this.entriesOf(t.lower, null);
      entries = this.entriesOf(t.lemma, entries);
      if (mayHaveStem(t.lower)) entries = merge(this.entriesOfStems(t.lower), entries);
      if (!entries) {
        i++;
        continue;
      }
      // (a past form the tagger reads as an adjective or, for words it does not know, a noun: "had neutralised/NOUN 54 fighters")
      const readings = entries.filter((e) => !e.pos || e.pos.includes(t.pos as 'VERB') || ((t.pos === 'ADJ' || (t.pos === 'NOUN' && t.lower.length > 6)) && /ed$/.test(t.lower)) || (t.pos === 'PROPN' && (/^\p{Ll}/u.test(t.text) || (i === 0 && toks[1]?.text !== ':'))) || (t.pos === 'ADJ' && e.pos.includes('NOUN') && nounSlot(toks, i)));
      if (readings.length) hits.push({ first: i, last: i, readings, phrase: false });
      i++;
    }
    return hits;
  }

  /** entries, with the entries of this form added (each entry once), or null while there are none */
  private entriesOf(form: string, entries: TriggerEntry[] | null): TriggerEntry[] | null {
    return merge(this.words.get(form) ?? null, entries);
  }

  private entriesOfStems(word: string): TriggerEntry[] | null {
    return remembered(this.stemEntries, word, WORD_MEMO_LIMIT, () => {
      let found: TriggerEntry[] | null = null;
      for (const stem of stems(word)) found = this.entriesOf(stem, found);
      return found;
    });
  }

  private phraseAt(toks: Token[], i: number): TriggerHit | null {
    const first = toks[i]!;
    const byWord = this.phrases.get(first.lower);
    const byLemma = first.lemma !== first.lower ? this.phrases.get(first.lemma) : undefined;
    if (!byWord && !byLemma) return null; // most words start no phrase
    const readings: TriggerEntry[] = [];
    let length = 0;
    let blocked = false;
    const candidates = [...(byWord ?? []), ...(byLemma ?? [])];
    for (const p of candidates) {
      if (length && p.words.length < length) continue;
      // lemmas let "drone attacks" match "drone attack"; a verb only matches in first place ("missile struck" is no "missile strike")
      if (p.words.every((w, k) => toks[i + k] && (toks[i + k]!.lower === w || (toks[i + k]!.lemma === w && (k === 0 || toks[i + k]!.pos !== 'VERB'))))) {
        length = p.words.length;
        if (!p.entry) blocked = true;
        else if (!readings.includes(p.entry)) readings.push(p.entry);
      }
    }
    if (!length) return null;
    return { first: i, last: i + length - 1, readings: blocked ? [] : readings, phrase: true };
  }
}

/** entries with those of list added (each entry once, in order), or null while both are empty; never changes list */
function merge(list: TriggerEntry[] | null, entries: TriggerEntry[] | null): TriggerEntry[] | null {
  if (!list) return entries;
  const out = entries ?? [];
  for (const e of list) if (!out.includes(e)) out.push(e);
  return out;
}

/** Does the word end in -s, -ed or -ing, the endings stems() takes off? A speed trick: character codes, no string built. */
function mayHaveStem(word: string): boolean {
  const n = word.length;
  const last = word.charCodeAt(n - 1);
  if (last === 115) return true; // s
  if (last === 100) return word.charCodeAt(n - 2) === 101; // ed
  return last === 103 && word.endsWith('ing');
}

/** "a ground offensive into Rafah": an adjective-tagged word standing where a noun goes. */
function nounSlot(toks: Token[], i: number): boolean {
  const next = toks[i + 1];
  return !next || !['NOUN', 'PROPN', 'ADJ'].includes(next.pos);
}

/** Base forms wink's lemmatizer misses: "repelling" → repel, "shelled" → shell, "raids" → raid. */
export function stems(word: string): string[] {
  const out: string[] = [];
  for (const suffix of ['ing', 'ed', 'es', 's']) {
    if (!word.endsWith(suffix) || word.length <= suffix.length + 2) continue;
    const stem = word.slice(0, -suffix.length);
    out.push(stem, `${stem}e`);
    if (/([bdgklmnprt])\1$/.test(stem)) out.push(stem.slice(0, -1));
    if (suffix === 'es' && stem.endsWith('i')) out.push(`${stem.slice(0, -1)}y`);
  }
  return out;
}

export type { EventType };
