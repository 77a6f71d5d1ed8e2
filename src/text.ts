// Text helpers every stage shares: case folding that keeps offsets, capital tests, the
// folding of place names, and the calendar words of English (months and weekdays), written
// once here for the stages that must tell a date from a name.

/** Lower case with typographic apostrophes folded, keeping the length unchanged (offsets stay valid). */
export function fold(s: string): string {
  const lower = s.toLowerCase();
  return APOSTROPHES.test(lower) ? lower.replace(APOSTROPHES_ALL, "'") : lower;
}
const APOSTROPHES = /[’‘`´]/;
const APOSTROPHES_ALL = /[’‘`´]/g;

/**
 * Does the word start with a capital letter? A speed trick, for a test that runs on every
 * token: ASCII is decided from the character code, without the regular expression.
 */
export function startsUpper(text: string): boolean {
  const c = text.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : /^\p{Lu}/u.test(text);
}

/**
 * Lower case without diacritics, apostrophes or hyphens: "Tillabéri" and "Tillaberi",
 * "Tol’yatti" and "Tolyatti", "al-Hol" and "Al Hol" fold alike.
 */
export function foldName(name: string): string {
  const plain = NON_ASCII.test(name) ? name.normalize('NFD').replace(/\p{M}/gu, '') : name; // nothing to decompose in most names of English news
  return plain.toLowerCase().replace(NAME_APOSTROPHES, '').replace(/-/g, ' ').replace(/\s+/g, ' ').trim();
}
const NAME_APOSTROPHES = /['’‘ʼʹʻ`]/g;
const NON_ASCII = /[^\x00-\x7f]/;

/** The head of a phrase as its words run: the last word, in lower case, without a plural "s" ("these armed groups" → "group"). */
export const headWord = (phrase: string): string => phrase.toLowerCase().split(/\s+/).pop()!.replace(/s$/, '');

/** "Hebei Province", "Kherson Oblast", "Borno State" → "hebei", "kherson", "borno" */
export function regionCore(name: string): string {
  return foldName(name).replace(/\b(oblast|region|province|governorate|state|krai|kray|republic|district|prefecture|county|municipality|department|city|of|the)\b/g, '').replace(/\s+/g, ' ').trim();
}

/** The months of the year, lower case. */
export const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'] as const;
/** The days of the week, lower case. */
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
/** Months as news abbreviates them ("Jan.", "Sept."), lower case; May has none. */
export const MONTH_ABBREVIATIONS = ['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec'] as const;

const CALENDAR = new Set<string>([...MONTHS, ...WEEKDAYS]);
/** Is the word (any case) the name of a month or a weekday? */
export const isMonthOrWeekday = (word: string): boolean => CALENDAR.has(word.toLowerCase());

/**
 * Is the token "May" the month rather than the modal verb? wink tags the modal AUX and the month
 * NOUN or PROPN ("On 3 May 2023, forces shelled …"), and a month read as a modal made every
 * report dated in May hypothetical.
 */
export const isMonthMay = (t: { text: string; pos: string }): boolean => t.text === 'May' && t.pos !== 'AUX' && t.pos !== 'VERB';

const MONTH_WORDS = new Set<string>([...MONTHS, ...MONTH_ABBREVIATIONS]);
const isMonthName = (t: { text: string } | undefined) => !!t && /^\p{Lu}/u.test(t.text) && MONTH_WORDS.has(t.text.toLowerCase().replace(/\.$/, ''));

/**
 * Is token i the day of a date ("11 December", "Dec. 11", "3rd of May")? Such a day is no count
 * of anything, even where no DATE entity holds it (a date without its year in an article
 * without a publication date cannot be resolved, and so makes none).
 */
export function isDayOfMonth(toks: readonly { text: string }[], i: number): boolean {
  const day = /^(\d{1,2})(?:st|nd|rd|th)?$/.exec(toks[i]?.text ?? '');
  if (!day || Number(day[1]) < 1 || Number(day[1]) > 31) return false;
  return isMonthName(toks[i + 1]) || isMonthName(toks[i - 1]) || (toks[i + 1]?.text === 'of' && isMonthName(toks[i + 2]));
}

/**
 * Is token i the figure of an age ("17-year-old", "16 year old", "a six-month-old baby")? Returns
 * the index just after "old", or -1. An age counts no one: "two 17-year-old boys" are two,
 * "killed 10-year-old Kathina" killed one.
 */
export function ageEnd(toks: readonly { text: string }[], i: number): number {
  if (!/^\d+$/.test(toks[i]?.text ?? '') && !/^(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)$/i.test(toks[i]?.text ?? '')) return -1;
  let k = i + 1;
  if (toks[k]?.text === '-') k++;
  if (!/^(years?|months?|weeks?|days?)$/i.test(toks[k]?.text ?? '')) return -1;
  k++;
  if (toks[k]?.text === '-') k++;
  return /^old$/i.test(toks[k]?.text ?? '') ? k + 1 : -1;
}

/** The words as alternatives of a regular expression: "a|b|c". */
export const alternation = (words: readonly string[]): string => words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');

/** A time clause that opens a sentence ("After …", "Two days after …", "A week before …", "Following …"): what it tells is background to the main clause's event. */
export const OPENING_TIME_CLAUSE = /^\W*((a|an|one|two|three|four|five|six|several|few|\d+)\s+(hours?|days?|weeks?|months?)\s+|hours\s+|days\s+|weeks\s+|shortly\s+|soon\s+|just\s+)?(after|before|following|since)\b/i;
