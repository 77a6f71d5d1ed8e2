import { describe, expect, it } from 'vitest';
import {
  FEATURE_VERSION, TEMPLATES, capitalsSentence, documentContext, hashFeature, normalizeWord, plainWords, sentenceFeatureHashes, sentenceFeatures, shape, shortShape,
  type FeatureToken,
} from '../src/models/ner/features.js';

const toks = (words: string, lex: Record<string, string[]> = {}): FeatureToken[] =>
  words.split(' ').map((text) => ({ text, pos: /^\p{Lu}/u.test(text) ? 'PROPN' : 'NOUN', lex: lex[text] ?? [] }));

describe('word shapes', () => {
  it('keeps letters outside ASCII as letters of their case', () => {
    expect(shape('Erdoğan')).toBe('Xxxxx');
    expect(shortShape('Erdoğan')).toBe('Xx');
    expect(shortShape('Şanlıurfa')).toBe('Xx');
    expect(shortShape('Élysée')).toBe('Xx');
  });
  it('marks hyphens, digits and apostrophes', () => {
    expect(shape('F-16')).toBe('X-dd');
    expect(shortShape('al-Assad')).toBe('x-Xx');
    expect(shortShape('O’Brien')).toBe("X'Xx");
    expect(shortShape('U.S.')).toBe('X.X.');
  });
  it('folds case, typographic apostrophes and digits', () => {
    expect(normalizeWord('D’Alema')).toBe("d'alema");
    expect(normalizeWord('1996')).toBe('0000');
  });
});

describe('sentences in capitals', () => {
  it('recognises a wire headline and a title-case headline, not an ordinary sentence', () => {
    expect(capitalsSentence(toks('FLOODS CUT ROADS TO THREE VILLAGES'))).toBe(true);
    expect(capitalsSentence(toks('Army Convoy Hit Near Border Town'))).toBe(true);
    expect(capitalsSentence(toks('Clash at the Border'))).toBe(true);
    expect(capitalsSentence(toks('The convoy was hit near Aleppo on Monday'))).toBe(false);
    expect(capitalsSentence(toks('Vladimir Putin met Recep Tayyip Erdoğan in Sochi .'))).toBe(false);
  });
  it('shows headline words to the model without their case', () => {
    const plain = (words: string) => words.split(' ').map((text) => ({ text, pos: 'X', lex: [] }));
    const title = sentenceFeatures({ tokens: plain('Clash at the Border') }, documentContext([]));
    const caps = sentenceFeatures({ tokens: plain('CLASH AT THE BORDER') }, documentContext([]));
    expect(title).toEqual(caps);
  });
});

describe('document context', () => {
  const doc = documentContext([
    { tokens: toks('Police said Farouk Haddad was held in Homs .') },
    { tokens: toks('HADDAD DETAINED') },
    { tokens: toks('Witnesses said the police closed the road .') },
  ]);
  it('lists words written with a capital mid-sentence, not sentence-initial or headline ones', () => {
    expect(doc.capitalised.has('haddad')).toBe(true);
    expect(doc.capitalised.has('homs')).toBe(true);
    expect(doc.capitalised.has('police')).toBe(false);
    expect(doc.capitalised.has('witnesses')).toBe(false);
    expect(doc.capitalised.has('detained')).toBe(false);
  });
  it('lists words written in lower case', () => {
    expect(doc.lowercase.has('police')).toBe(true);
    expect(doc.lowercase.has('haddad')).toBe(false);
  });
  it('gives a capitalised word the words next to it anywhere in the document, outside headlines', () => {
    expect(doc.neighbours.get('haddad')).toEqual(['<farouk', '>was']);
    expect(doc.neighbours.get('homs')).toEqual(['<in', '>.']);
    expect(doc.neighbours.has('detained')).toBe(false);
  });
  it('tells a capitalised word what its other mentions stand next to', () => {
    const first = { tokens: toks('Fighters left Dabiq on Sunday .') };
    const second = { tokens: toks('Turkish troops entered the town of Dabiq .') };
    const f = sentenceFeatures(first, documentContext([first, second]));
    expect(f[2]).toEqual(expect.arrayContaining(['dn=<left', 'dn=<of', 'dn=>on', 'dn=>.']));
    expect(f[1]!.some((x) => x.startsWith('dn='))).toBe(false);
  });
});

describe('sentenceFeatures', () => {
  const sentence = { tokens: toks('President Recep Tayyip Erdoğan visited al-Bab', { 'al-Bab': ['geo:U'], President: ['title'] }) };
  const context = documentContext([sentence]);
  const f = sentenceFeatures(sentence, context);
  it('gives every token the word, its shape, affixes, part of speech and window', () => {
    expect(f).toHaveLength(6);
    const erdogan = f[3]!;
    expect(erdogan).toContain('b');
    expect(erdogan).toContain('w=Erdoğan');
    expect(erdogan).toContain('l=erdoğan');
    expect(erdogan).toContain('ss=Xx');
    expect(erdogan).toContain('s3=ğan');
    expect(erdogan).toContain('p2=er');
    expect(erdogan).toContain('pos=PROPN');
    expect(erdogan).toContain('l-1=tayyip');
    expect(erdogan).toContain('l-2=recep');
    expect(erdogan).toContain('l+1=visited');
    expect(erdogan).toContain('l+2=al-bab');
  });
  it('marks the sentence start and the window edges', () => {
    expect(f[0]).toContain('first|Xx');
    expect(f[0]).toContain('l-1=<s>');
    expect(f[5]).toContain('l+1=</s>');
  });
  it('gives the parts of a hyphenated word', () => {
    expect(f[5]).toContain('hy<=al');
    expect(f[5]).toContain('hy>=bab');
    expect(f[3]!.some((x) => x.startsWith('hy'))).toBe(false);
  });
  it('turns lexicon memberships into features of the word and its neighbours', () => {
    expect(f[5]).toContain('x=geo:U');
    expect(f[5]).toContain('xs=geo:U|x-Xx');
    expect(f[4]).toContain('x+1=geo:U');
    expect(f[1]).toContain('x-1=title');
  });
  it('marks words the document writes with a capital elsewhere', () => {
    expect(f[3]).toContain('dc|Xx');
    expect(f[2]).toContain('dc|Xx');
  });
  it('is pure: the same input gives the same features', () => {
    expect(sentenceFeatures(sentence, context)).toEqual(f);
  });
});

describe('feature hashing and version', () => {
  it('hashes deterministically and never to 0', () => {
    expect(hashFeature('w=Kyiv')).toBe(hashFeature('w=Kyiv'));
    expect(hashFeature('w=Kyiv')).not.toBe(hashFeature('w=Kiev'));
    expect(hashFeature('')).not.toBe(0);
  });
  it('derives the version from the template list', () => {
    expect(TEMPLATES.length).toBeGreaterThan(10);
    expect(FEATURE_VERSION).toMatch(/^[0-9a-f]{8}$/);
  });
});

describe('feature hashes', () => {
  it('are one hash for each feature string, in the same order, with or without the word cache', () => {
    const sentences = [
      { tokens: toks('Şanlıurfa governor Halil Öztürk met al-Sham envoys 💥 in F-16 hangars', { Şanlıurfa: ['geo:U'], governor: ['role'] }) },
      { tokens: toks('SOCCER - JAPAN GET LUCKY WIN') },
      { tokens: toks('Clash at the Border') },
      { tokens: toks('The army said the army left', { army: ['role'] }) },
    ];
    const context = documentContext(sentences);
    const cache = new Map<string, number[]>();
    // the same string always has the same hash, and two strings of these sentences never share one
    const byString = new Map<string, number>();
    const byHash = new Map<number, string>();
    for (let round = 0; round < 2; round++) {
      for (const s of sentences) {
        const strings = sentenceFeatures(s, context);
        const hashes = sentenceFeatureHashes(s, context).map((h) => Array.from(h));
        expect(sentenceFeatureHashes(s, context, cache).map((h) => Array.from(h))).toEqual(hashes);
        expect(hashes.map((h) => h.length)).toEqual(strings.map((f) => f.length));
        strings.forEach((features, i) => features.forEach((f, k) => {
          const h = hashes[i]![k]!;
          expect(h).not.toBe(0);
          expect(byString.get(f) ?? h).toBe(h);
          expect(byHash.get(h) ?? f).toBe(f);
          byString.set(f, h);
          byHash.set(h, f);
        }));
      }
    }
    // a template tells features of the same words apart: "the" before "army" is not "army" after "the"
    expect(byString.get('ll=the|army')).toBeDefined();
    expect(byString.get('lr=the|army')).toBeDefined();
    expect(byString.get('ll=the|army')).not.toBe(byString.get('lr=the|army'));
  });
});

describe('plain words, which the tagger leaves outside any name unread', () => {
  const plain = (words: string, lex: Record<string, string[]> = {}) => {
    const marks = plainWords({ tokens: toks(words, lex) });
    return words.split(' ').filter((_, i) => marks?.[i] === 1);
  };
  it('are lower-case words and punctuation between such words', () => {
    expect(plain('the convoy was hit by a drone , officials said .')).toEqual(['the', 'convoy', 'was', 'hit', 'by', 'a', 'drone', ',', 'officials', 'said', '.']);
  });
  it('are not the words next to a capitalised word or a figure, which may belong to a name', () => {
    expect(plain('troops of the Bank of England were sent in 1998 to the border')).toEqual(['troops', 'of', 'sent', 'the', 'border']);
  });
  it('are not words with a capital or a digit inside them, such as an "al-" surname', () => {
    expect(plain('the forces of al-Assad and the iPhone of a g7 envoy said')).toEqual(['the', 'forces', 'said']);
  });
  it('are not words inside a name the gazetteer knows, even in lower case', () => {
    expect(plain('the al shabaab fighters left', { al: ['gz:ARMED_GROUP:B'], shabaab: ['gz:ARMED_GROUP:L'] })).toEqual(['the', 'fighters', 'left']);
  });
  it('are none in a sentence of names', () => {
    expect(plainWords({ tokens: toks('Joseph Kony ( Uganda )') })).toBeNull();
  });
});
