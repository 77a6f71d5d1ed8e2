// compromise's lexicon as src/stages/entities/compromise-words.json holds it: words grouped
// by their tags (a word with several tags under the tags joined by commas), both sorted.
// Shared by scripts/compromise-words.ts, which writes the file, and the test that checks it.
import nlp from 'compromise';

export const COMPROMISE_WORDS_FILE = new URL('../src/stages/entities/compromise-words.json', import.meta.url);

export interface CompromiseWords {
  source: string;
  /** tags (joined by commas) → words, joined by commas */
  tags: Record<string, string>;
}

export function compromiseWords(): CompromiseWords {
  const lexicon = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
  const byTags = new Map<string, string[]>();
  for (const [word, tags] of Object.entries(lexicon)) {
    const key = String(tags);
    if (word.includes(',')) throw new Error(`compromise's lexicon has a word with a comma: "${word}"`);
    byTags.set(key, [...(byTags.get(key) ?? []), word]);
  }
  const tags = Object.fromEntries([...byTags].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, words]) => [key, words.sort().join(',')]));
  return { source: `compromise ${nlp.version}, nlp.model().one.lexicon (MIT licence)`, tags };
}
