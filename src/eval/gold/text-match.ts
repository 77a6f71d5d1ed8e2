// Matching a gold phrase with one of ours by the words they share, for the fields that are
// coded as names rather than spans (actors, locations, Giveme5W1H phrases).

/** Function words that say nothing about which actor or place a phrase names. */
const STOPWORDS = new Set(['a', 'an', 'the', 'of', 'and', 'in', 'on', 'at', 'from', 'to', 'for', 'by', 'with']);

/** Lower-cased words (letters and digits), possessive 's dropped, stopwords left out. */
export function contentTokens(text: string): string[] {
  return (text.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? [])
    .map((t) => t.replace(/['’]s$/, '').replace(/['’]/g, ''))
    .filter((t) => t && !STOPWORDS.has(t));
}

/**
 * ACLED actor names carry their kind and period: "Military Forces of Russia (2000-)",
 * "Police Forces of Ukraine (2019-)", "Unidentified Armed Group (Syria)". Lower-cased, with
 * "military/police forces of", parentheses and years removed, they compare with the names in
 * the text ("russia", "ukraine").
 */
export function actorName(text: string): string {
  return text
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\b(?:military|police)?\s*forces of\b/g, ' ')
    .replace(/\b\d{4}\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The overlap coefficient of two phrases' content words: shared words over the words of the
 * shorter phrase (Szymkiewicz–Simpson). 1 when one phrase's words all appear in the other
 * ("Trump" in "Donald Trump"); 0 when either has no content word.
 */
export function tokenOverlap(a: string, b: string): number {
  const x = new Set(contentTokens(a));
  const y = new Set(contentTokens(b));
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const t of x) if (y.has(t)) shared++;
  return shared / Math.min(x.size, y.size);
}

/** the overlap at which two phrases name the same thing */
export const OVERLAP_THRESHOLD = 0.5;

/** Whether one of the candidate phrases names what `gold` names. */
export function foundAmong(gold: string, candidates: Iterable<string>): boolean {
  for (const c of candidates) if (tokenOverlap(gold, c) >= OVERLAP_THRESHOLD) return true;
  return false;
}

/** Every [start, end) where `phrase` occurs in `text`, ignoring case and surrounding white space. */
export function occurrences(text: string, phrase: string): Array<{ start: number; end: number }> {
  const needle = phrase.trim().toLowerCase();
  if (!needle) return [];
  const hay = text.toLowerCase();
  const out: Array<{ start: number; end: number }> = [];
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) out.push({ start: at, end: at + needle.length });
  return out;
}
