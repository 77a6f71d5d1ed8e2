// Dictionary lookup over raw text: every alias of every lexicon entry, found at word
// starts, longest first. Matching is case-insensitive except that an alias written with
// a capital first letter needs that capital in the text ("Leopard" is not "leopard"),
// and an all-capitals acronym needs exact case ("UN" is not "un"). Plurals of countable
// names are accepted ("tanks", "T-72s", "militias").
import type { EntityType } from '../../doc.js';
import { fold } from '../../text.js';

export interface GazetteerEntry {
  type: EntityType;
  name: string;
  /** what kind of lexicon entry: place kinds, 'demonym', 'actor', 'equipment' */
  kind: string;
  kb: Record<string, unknown>;
  plural: boolean;
}

export interface GazetteerMatch {
  start: number;
  end: number;
  entry: GazetteerEntry;
  alias: string;
}

interface Alias {
  lower: string;
  /**
   * The character code after the alias's first word ("-" of "s-300", " " of "al qaeda"), or -1
   * when the alias is one word: a word of the text followed by anything else cannot start it,
   * and is passed over without comparing strings ("'s" is not "S-300", "as" is not "A-50").
   */
  next: number;
  caseRule: 'any' | 'initial' | 'exact';
  surface: string;
  entry: GazetteerEntry;
}

const ALNUM = /[\p{L}\p{N}]/u;
/** Is the character at i a letter or digit of any script? A speed trick: ASCII is decided from the character code, without the regular expression. */
function isAlnumAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i); // NaN outside the text
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return c === c && ALNUM.test(text[i]!);
}
/** Prefixes that make a name something else: anti-Kremlin protesters are not the Kremlin. */
const NEGATING_PREFIX = /(?:^|[^\p{L}])(anti|pro|non|ex|post|pre|neo)-$/iu;

/** size of the key filter in bits (128 KB): a lexicon's tens of thousands of keys fill a few percent of it */
const KEY_BITS = 1 << 20;

/** English words of two or three letters that an acronym may spell ("US", "IS", "IT", "AS"). */
const LITTLE_WORDS = new Set(['us', 'is', 'it', 'as', 'at', 'an', 'am', 'in', 'on', 'or', 'no', 'so', 'to', 'up', 'we', 'he', 'me', 'my', 'of', 'if', 'do', 'go', 'be', 'by', 'all', 'are', 'was', 'who', 'why', 'how', 'now', 'new', 'one', 'our', 'out', 'can', 'may', 'not', 'she', 'her', 'his', 'its', 'has', 'had', 'did', 'get', 'got', 'let', 'say', 'see', 'use', 'war', 'man', 'men', 'day', 'top', 'off', 'own', 'put', 'run', 'set', 'two', 'ten', 'big', 'old', 'far', 'yet']);

/** How strictly each case rule holds an alias to the text's case. */
const CASE_STRICTNESS = { any: 0, initial: 1, exact: 2 } as const;

export class Gazetteer {
  private byKey = new Map<string, Alias[]>();
  /** byKey with the plural forms of countable names added under their own keys ("tanks", "militias", "countries"); built on first use */
  private withPlurals: Map<string, Alias[]> | null = null;
  /** Speed trick: one bit per hash of a key of withPlurals: most words of a text have no bucket, and are passed over without building their string */
  private keyBits = new Uint32Array(KEY_BITS / 32);

  add(surface: string, entry: GazetteerEntry): void {
    const trimmed = surface.trim();
    const lower = fold(trimmed);
    const key = leadingKey(lower, 0);
    if (!key) return;
    const letters = trimmed.replace(/[^\p{L}]/gu, '');
    const caseRule =
      letters.length >= 2 && letters === letters.toUpperCase() && /^[\p{Lu}]/u.test(trimmed)
        ? 'exact'
        : /^\p{Lu}/u.test(trimmed)
          ? 'initial'
          : 'any';
    const list = this.byKey.get(key) ?? [];
    // "ISIS" and "Isis" are one alias folded, but two spellings the text may use: the looser case rule wins
    const same = list.find((a) => a.lower === lower && a.entry === entry);
    if (same) {
      if (CASE_STRICTNESS[caseRule] < CASE_STRICTNESS[same.caseRule]) Object.assign(same, { caseRule, surface: trimmed });
      return;
    }
    list.push({ lower, next: lower.length > key.length ? lower.charCodeAt(key.length) : -1, caseRule, surface: trimmed, entry });
    this.byKey.set(key, list);
    this.withPlurals = null;
  }

  get size(): number {
    let n = 0;
    for (const list of this.byKey.values()) n += list.length;
    return n;
  }

  /** The match of an entry of this kind that covers the whole text ("Syria" a country, "Kurds" a demonym), or undefined. */
  whole(text: string, kind: string): GazetteerMatch | undefined {
    return this.find(text).find((m) => m.start === 0 && m.end === text.length && m.entry.kind === kind);
  }

  /** All non-overlapping matches, left to right, longest first at each position. */
  find(text: string, lower = fold(text)): GazetteerMatch[] {
    const buckets = (this.withPlurals ??= this.bucketsWithPlurals());
    const out: GazetteerMatch[] = [];
    let i = 0;
    const n = text.length;
    while (i < n) {
      if (!isAlnumAt(text, i) || (i > 0 && isAlnumAt(text, i - 1))) {
        i++;
        continue;
      }
      const j = keyEnd(lower, i);
      if (j === i || !this.mayHaveKey(keyBit(lower, i, j))) {
        i = Math.max(i + 1, j);
        continue;
      }
      const key = lower.slice(i, j);
      let matched: GazetteerMatch | null = null;
      if (lower[i - 1] !== '-' || !NEGATING_PREFIX.test(lower.slice(Math.max(0, i - 6), i))) {
        const next = lower.charCodeAt(j);
        for (const alias of buckets.get(key) ?? []) {
          if (alias.next !== -1 && alias.next !== next) continue;
          const end = this.matchAt(text, lower, i, alias);
          if (end > 0) {
            matched = { start: i, end, entry: alias.entry, alias: alias.surface };
            break;
          }
        }
      }
      if (matched) {
        out.push(matched);
        i = matched.end;
      } else {
        i += Math.max(1, key.length);
      }
    }
    return out;
  }

  /**
   * The aliases to try at a word, longest first: those whose first word is this word, then
   * the one-word countable names it is a plural of ("tanks" tries "tank"; "militias",
   * "countries" likewise). A longer alias takes its plural at its end ("main battle tanks"),
   * which matchAt finds from the alias's own first word.
   */
  private bucketsWithPlurals(): Map<string, Alias[]> {
    const buckets = new Map<string, Alias[]>();
    const add = (key: string, aliases: Alias[]) => buckets.set(key, [...(buckets.get(key) ?? []), ...aliases]);
    for (const [key, list] of this.byKey) add(key, list.sort((a, b) => b.lower.length - a.lower.length));
    // in the order a word is taken back to its singular: -ies → -y, then -es, then -s
    const plurals: Array<(key: string) => string | null> = [(k) => (k.endsWith('y') ? `${k.slice(0, -1)}ies` : null), (k) => `${k}es`, (k) => `${k}s`];
    for (const plural of plurals) {
      for (const [key, list] of this.byKey) {
        const countable = list.filter((a) => a.entry.plural && a.next === -1);
        const form = plural(key);
        if (countable.length && form) add(form, countable);
      }
    }
    for (const list of buckets.values()) list.sort((a, b) => b.lower.length - a.lower.length);
    this.keyBits.fill(0);
    for (const key of buckets.keys()) {
      const bit = keyBit(key, 0, key.length);
      this.keyBits[bit >>> 5]! |= 1 << (bit & 31);
    }
    return buckets;
  }

  private mayHaveKey(bit: number): boolean {
    return (this.keyBits[bit >>> 5]! & (1 << (bit & 31))) !== 0;
  }

  private matchAt(text: string, lower: string, i: number, alias: Alias): number {
    if (!lower.startsWith(alias.lower, i)) return this.pluralInIesAt(text, lower, i, alias);
    if (!caseFits(text, i, alias, alias.lower.length)) return -1;
    // "TELL US WHAT", "IT IS TIME": in a line of capitals an acronym that spells a little word is that word
    if (alias.caseRule === 'exact' && LITTLE_WORDS.has(alias.lower) && inCapitals(text, i, i + alias.lower.length)) return -1;
    const end = i + alias.lower.length;
    if (!isAlnumAt(text, end)) return end;
    if (!alias.entry.plural) return -1;
    for (const suffix of ['s', 'es']) {
      if (lower.startsWith(suffix, end) && !isAlnumAt(text, end + suffix.length)) return end + suffix.length;
    }
    return -1;
  }

  /** country → countries, battery → batteries: the alias's final y is not in the text */
  private pluralInIesAt(text: string, lower: string, i: number, alias: Alias): number {
    if (!alias.entry.plural || !alias.lower.endsWith('y')) return -1;
    const stem = alias.lower.length - 1;
    for (let k = 0; k < stem; k++) if (lower.charCodeAt(i + k) !== alias.lower.charCodeAt(k)) return -1;
    if (!lower.startsWith('ies', i + stem) || isAlnumAt(text, i + stem + 3) || !caseFits(text, i, alias, stem)) return -1;
    return i + stem + 3;
  }
}

/** Has the text at i the case the alias asks for, over the alias's first n characters? */
function caseFits(text: string, i: number, alias: Alias, n: number): boolean {
  if (alias.caseRule === 'initial') return text[i] === alias.surface[0];
  if (alias.caseRule === 'exact') return alias.surface.length === alias.lower.length && text.startsWith(alias.surface.slice(0, n), i);
  return true;
}

/** Is [start, end) in a stretch of capitals: no lower-case letter between the sentence marks or line ends around it? */
function inCapitals(text: string, start: number, end: number): boolean {
  let from = start;
  while (from > 0 && !/[.!?\n]/.test(text[from - 1]!)) from--;
  let to = end;
  while (to < text.length && !/[.!?\n]/.test(text[to]!)) to++;
  return !/\p{Ll}/u.test(text.slice(from, to));
}

/** The run of letters and digits starting at i: the bucket an alias or a text position falls in. */
function leadingKey(lower: string, i: number): string {
  return lower.slice(i, keyEnd(lower, i));
}

/** Where the run of letters and digits starting at i ends. */
function keyEnd(lower: string, i: number): number {
  let j = i;
  while (j < lower.length && isAlnumAt(lower, j)) j++;
  return j;
}

/** The key filter's bit for lower[start, end): the same for a bucket key and for a word of a text that spells it. */
function keyBit(s: string, start: number, end: number): number {
  let hash = 0;
  for (let k = start; k < end; k++) hash = (Math.imul(hash, 31) + s.charCodeAt(k)) | 0;
  return hash & (KEY_BITS - 1);
}
