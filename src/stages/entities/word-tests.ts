// What compromise's lexicon knows about a single word: whether it is an ordinary English
// word, a first name or a surname. Used as data, without running compromise's tagger.
import nlp from 'compromise';

const NAME_TAGS = /Name|Person|Place|Country|City|Region|Organization/;

export interface WordTests {
  isCommonWord(word: string): boolean;
  isFirstName(word: string): boolean;
  isLastName(word: string): boolean;
  /** not in compromise's lexicon at all: a foreign name, a rare word */
  isUnknown(word: string): boolean;
  /** "Chicago" → city, "Texas" → region: the places compromise's lexicon knows by name */
  placeKind(phrase: string): 'city' | 'region' | null;
}

export function wordTests(): WordTests {
  const lexicon = (nlp.model() as { one: { lexicon: Record<string, string | undefined> } }).one.lexicon;
  return {
    isCommonWord: (w) => {
      const tag = lexicon[w.toLowerCase()];
      return tag !== undefined && !NAME_TAGS.test(tag);
    },
    isFirstName: (w) => /FirstName|MaleName|FemaleName/.test(lexicon[w.toLowerCase()] ?? ''),
    isLastName: (w) => /LastName/.test(lexicon[w.toLowerCase()] ?? ''),
    isUnknown: (w) => lexicon[w.toLowerCase()] === undefined,
    placeKind: (phrase) => {
      const tag = String(lexicon[phrase.toLowerCase()] ?? '');
      return /City/.test(tag) ? 'city' : /Region|Place/.test(tag) && !/Abbreviation/.test(tag) ? 'region' : null;
    },
  };
}
