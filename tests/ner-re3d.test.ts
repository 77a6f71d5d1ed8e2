import { describe, expect, it } from 'vitest';
import { nameSpans, re3dFold, re3dPart, trainingDoc, UNKNOWN_TAG, type Re3dDoc } from '../scripts/ner-re3d.js';

// a document of our own in re3d's form: character spans, re3d's types, confidence 1 for mentions
// annotated by hand and 0 for those projected from lists
function doc(text: string, mentions: Array<[string, string, number?]>): Re3dDoc {
  let from = 0;
  return {
    id: 'own',
    folder: 'tests',
    text,
    mentions: mentions.map(([value, re3dType, confidence]) => {
      const start = text.indexOf(value, from);
      from = start;
      const type = ({ Person: 'PER', Organisation: 'ORG', Location: 'LOC', Nationality: 'MISC' } as Record<string, string>)[re3dType] ?? '';
      return { re3dType, type, confidence: confidence ?? 1, start, end: start + value.length };
    }),
  };
}

const isTitle = (w: string) => ['Minister', 'President'].includes(w);

function tags(d: Re3dDoc): Array<[string, string]> {
  const t = trainingDoc(d, isTitle);
  return t.sentences.flatMap((s) => s.tokens.map((tok, i): [string, string] => [tok.text, s.gold![i]!]));
}

describe('re3d for the tagger', () => {
  it('splits by document id, the same way every time, about 70 to 30', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `document-${i}`);
    const train = ids.filter((id) => re3dPart(id) === 'train').length;
    expect(train).toBeGreaterThan(620);
    expect(train).toBeLessThan(780);
    expect(ids.map(re3dPart)).toEqual(ids.map(re3dPart));
    // the fitting and dev folds cut the training part, never the test part
    for (const id of ids) expect(re3dFold(id) === 'test').toBe(re3dPart(id) === 'test');
  });

  it('keeps names without their article, and leaves pronouns and nominals out of the names', () => {
    const d = doc('We met the Kurdish YPG and the city council in Raqqa.', [
      ['We', 'Organisation'], ['the Kurdish YPG', 'Organisation'], ['the city council', 'Organisation'], ['Raqqa', 'Location'],
    ]);
    expect(nameSpans(d).map((s) => d.text.slice(s.start, s.end))).toEqual(['Kurdish YPG', 'Raqqa']);
  });

  it('tags names as CoNLL would and leaves open what re3d does not say', () => {
    const d = doc('Minister Ellwood said Iraqi security forces entered Mosul with Peshmerga fighters.', [
      ['Minister Ellwood', 'Person'], ['Iraqi security forces', 'Organisation'], ['Iraqi', 'Nationality'], ['Mosul', 'Location'], ['Peshmerga', 'Organisation', 0],
    ]);
    expect(tags(d)).toEqual([
      // a person with a title: CoNLL leaves the title out, re3d keeps it in, so both words are open
      ['Minister', UNKNOWN_TAG], ['Ellwood', UNKNOWN_TAG], ['said', 'O'],
      // a nominal: the nationality inside is a name, the common nouns are not
      ['Iraqi', 'U-MISC'], ['security', 'O'], ['forces', 'O'], ['entered', 'O'], ['Mosul', 'U-LOC'], ['with', 'O'],
      // a mention projected from a list (confidence 0) is not trusted either way
      ['Peshmerga', UNKNOWN_TAG], ['fighters', 'O'], ['.', 'O'],
    ]);
  });

  it('leaves open a capitalised word no mention covers, and keeps a name written with al- whole', () => {
    const d = doc('Strikes hit Tal Afar and Sinjar, said Abu Bakr al-Baghdadi.', [['Tal Afar', 'Location'], ['Abu Bakr al-Baghdadi', 'Person']]);
    expect(tags(d)).toEqual([
      ['Strikes', 'O'], ['hit', 'O'], ['Tal', 'B-LOC'], ['Afar', 'L-LOC'], ['and', 'O'], ['Sinjar', UNKNOWN_TAG], [',', 'O'], ['said', 'O'],
      ['Abu', 'B-PER'], ['Bakr', 'I-PER'], ['al-Baghdadi', 'L-PER'], ['.', 'O'],
    ]);
  });
});
