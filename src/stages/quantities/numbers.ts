// Numbers as news writes them: "25", "1,000", "3.5 million", "twenty-five",
// "one hundred and twenty", "a dozen", "dozens of", "tens of thousands of".
// Input is a list of lower-cased words; the result says how many words the number took.

const SMALL: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, mln: 1e6, bln: 1e9, bn: 1e9 };
/** Vague amounts: a conventional value, always approximate ("dozens" = 24, as ACLED-style coders read it). */
const VAGUE: Record<string, number | null> = {
  dozens: 24, hundreds: 200, thousands: 2000, millions: 2e6, scores: 40, tens: 20, several: null, numerous: null,
};
/** The value of one number word ("twelve", "sixty", "dozen", "dozens" = 24), or undefined. */
export function numberWordValue(word: string): number | undefined {
  return SMALL[word] ?? TENS[word] ?? SCALES[word] ?? VAGUE[word] ?? (word === 'dozen' ? 12 : undefined);
}

const DIGITS = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$/;

export interface ParsedNumber {
  value: number | null;
  approximate: boolean;
  /** number of words consumed */
  length: number;
  /** true for "a"/"an"/"one", which count only when the thing counted is known */
  article: boolean;
}

const STARTERS = new Set([...Object.keys(SMALL), ...Object.keys(TENS), ...Object.keys(VAGUE), 'a', 'an', 'both', 'dozen']);

/** Can a number start with this word? A speed trick: a cheap test (digits by character code) before parseNumber. */
export function startsNumber(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c >= 48 && c <= 57) return true;
  if (STARTERS.has(word)) return true;
  const hyphen = word.indexOf('-'); // "twenty-five"
  return hyphen > 0 && STARTERS.has(word.slice(0, hyphen));
}

export function parseNumber(words: string[], at: number): ParsedNumber | null {
  const w = (k: number) => words[at + k] ?? '';
  // "tens of thousands", "hundreds of thousands"
  if ((w(0) === 'tens' || w(0) === 'hundreds') && w(1) === 'of' && (w(2) === 'thousands' || w(2) === 'millions')) {
    const value = (w(0) === 'tens' ? 20 : 200) * (w(2) === 'thousands' ? 1e3 : 1e6);
    return { value, approximate: true, length: 3, article: false };
  }
  if (w(0) in VAGUE && w(1) === 'of') return { value: VAGUE[w(0)]!, approximate: true, length: 1, article: false };
  if ((w(0) === 'a' || w(0) === 'one') && w(1) === 'dozen') return { value: 12, approximate: false, length: 2, article: false };
  if (w(0) === 'a' && (w(1) === 'few' || w(1) === 'handful') ) return { value: null, approximate: true, length: w(1) === 'handful' && w(2) === 'of' ? 2 : 2, article: false };
  if (w(0) === 'both') return { value: 2, approximate: false, length: 1, article: false };
  if (w(0) === 'dozen') return { value: 12, approximate: false, length: 1, article: false };
  if (DIGITS.test(w(0))) {
    let value = Number(w(0).replace(/,/g, ''));
    let length = 1;
    const scale = SCALES[w(1)];
    if (scale) {
      value *= scale;
      length = 2;
    }
    return { value, approximate: false, length, article: false };
  }
  const spelled = parseWords(words, at);
  if (spelled) return spelled;
  if ((w(0) === 'a' || w(0) === 'an') && !(w(1) in SCALES)) return { value: 1, approximate: false, length: 1, article: true };
  if ((w(0) === 'a' || w(0) === 'an') && w(1) in SCALES) {
    const rest = parseWords(['one', ...words.slice(at + 1)], 0);
    if (rest) return { ...rest, length: rest.length };
  }
  return null;
}

function parseWords(words: string[], at: number): ParsedNumber | null {
  let total = 0;
  let current = 0;
  let i = at;
  let seen = false;
  for (; i < words.length; i++) {
    const word = words[i]!;
    const parts = word.split('-');
    if (parts.length === 2 && parts[0]! in TENS && parts[1]! in SMALL) {
      current += TENS[parts[0]!]! + SMALL[parts[1]!]!;
      seen = true;
      continue;
    }
    if (word in SMALL || word in TENS) {
      // "forty eight" is 48, but "two three" is not a number
      const prev = (words[i - 1] === '-' ? words[i - 2] : words[i - 1]) ?? '';
      if (seen && !(prev in TENS && word in SMALL && SMALL[word]! < 10) && !(prev in SCALES) && prev !== 'and') break;
      current += SMALL[word] ?? TENS[word]!;
      seen = true;
      continue;
    }
    // wink splits "twenty-five" into twenty, -, five
    if (seen && word === '-' && (words[i - 1] ?? '') in TENS && (words[i + 1] ?? '') in SMALL) continue;
    if (seen && word in SCALES) {
      const scale = SCALES[word]!;
      if (scale === 100) current = (current || 1) * 100;
      else {
        total += (current || 1) * scale;
        current = 0;
      }
      continue;
    }
    const following = (words[i + 1] ?? '').split('-')[0]!;
    if (seen && word === 'and' && (following in SMALL || following in TENS) && (words[i - 1] ?? '') in SCALES) continue;
    break;
  }
  if (!seen) return null;
  const value = total + current;
  const article = i - at === 1 && words[at] === 'one';
  return { value, approximate: false, length: i - at, article };
}

/** Words before a number that make it approximate; the longest that fits wins. */
export const APPROXIMATORS = [
  'at least', 'at most', 'more than', 'fewer than', 'less than', 'as many as', 'up to', 'close to',
  'upwards of', 'in excess of', 'an estimated', 'nearly', 'almost', 'about', 'around', 'approximately',
  'roughly', 'some', 'over', 'some', 'estimated', 'just over', 'just under', 'well over',
];
