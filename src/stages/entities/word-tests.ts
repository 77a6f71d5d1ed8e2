// What compromise's lexicon knows about a single word: whether it is an ordinary English
// word, a first name or a surname. Used as data, without running compromise's tagger, and read
// from compromise-words.json (written from compromise by `npm run words:compromise`) rather
// than from compromise itself, whose loading costs each worker thread far more memory than this
// table of words (docs/PERFORMANCE-NOTES.md).
import { readFileSync } from 'node:fs';

const NAME_TAGS = /Name|Person|Place|Country|City|Region|Organization/;

export interface WordTests {
  isCommonWord(word: string): boolean;
  isFirstName(word: string): boolean;
  isLastName(word: string): boolean;
  /** not in compromise's lexicon at all: a foreign name, a rare word */
  isUnknown(word: string): boolean;
  /** "Chicago" → city, "Texas" → region: the places compromise's lexicon knows by name */
  placeKind(phrase: string): 'city' | 'region' | null;
  /** compromise's tags of a word, joined by commas ("Place,ProperNoun"), or '' when it has none */
  tagsOf(word: string): string;
}

/** compromise's lexicon: word → its tags, joined by commas ("Abbreviation,Honorific") */
function compromiseLexicon(): Map<string, string> {
  const file = JSON.parse(readFileSync(new URL('./compromise-words.json', import.meta.url), 'utf8')) as { tags: Record<string, string> };
  const lexicon = new Map<string, string>();
  for (const [tags, words] of Object.entries(file.tags)) for (const word of words.split(',')) lexicon.set(word, tags);
  return lexicon;
}

export function wordTests(): WordTests {
  const lexicon = compromiseLexicon();
  return {
    isCommonWord: (w) => {
      const tag = lexicon.get(w.toLowerCase());
      return tag !== undefined && !NAME_TAGS.test(tag);
    },
    isFirstName: (w) => /FirstName|MaleName|FemaleName/.test(lexicon.get(w.toLowerCase()) ?? ''),
    isLastName: (w) => /LastName/.test(lexicon.get(w.toLowerCase()) ?? ''),
    isUnknown: (w) => !lexicon.has(w.toLowerCase()),
    placeKind: (phrase) => {
      const tag = lexicon.get(phrase.toLowerCase()) ?? '';
      return /City/.test(tag) ? 'city' : /Region|Place/.test(tag) && !/Abbreviation/.test(tag) ? 'region' : null;
    },
    tagsOf: (w) => lexicon.get(w.toLowerCase()) ?? '',
  };
}
