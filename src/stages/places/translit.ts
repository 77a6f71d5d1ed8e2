// Keys under which transliterations of one place name meet. English news spells a Ukrainian
// or Russian village in several ways: by the Ukrainian national system (Mykhailivka,
// Zaporizhzhia, Kamianka), by older or BGN systems (Mykhaylivka, Kam'yanka, Zaporizhia), or
// by its Russian name (Mikhailovka, Zaporozhye, Kamenka, Luganskoe for Luhanske). The
// spellings differ mostly in vowels (Ukrainian i for Russian o or e, ia/ya, -yi/-iy/-yy), in
// the Ukrainian h for the Russian g, in doubled letters (zhzh) and in apostrophes; their
// consonants otherwise agree. So the loose key is the name's consonant skeleton, with the
// digraphs read as one sound and a mark for a leading vowel.
//
// A loose key joins names that are not variants too (it is a blocking key, not a verdict):
// callers look a name up by its exact folded form first and use the loose key only when that
// finds nothing in the place's region.
import { foldName } from '../../text.js';

const VOWEL = new Uint8Array(128);
for (const v of 'aeiouy') VOWEL[v.charCodeAt(0)] = 1;
const isVowel = (c: number) => c < 128 && VOWEL[c] === 1;
const isLetter = (c: number) => c >= 97 && c <= 122;
/** one-letter sounds spelt differently: the Ukrainian h is the Russian g (Luhansk, Lugansk) */
const LETTER: Readonly<Record<string, string>> = { h: 'g', w: 'v', q: 'k', c: 'k', x: 'ks' };

/** does the word ending before `end` end in a vowel sound (-a, -e, -yi, -yj; Arabic -ah, -eh: Jablah, Raqqah)? */
function endsInVowel(s: string, end: number): boolean {
  const c = s.charCodeAt(end - 1);
  return isVowel(c) || ((s[end - 1] === 'j' || s[end - 1] === 'h') && isVowel(s.charCodeAt(end - 2)));
}

/**
 * The loose key of a place name: "Mykhaylivka", "Mykhailivka" and "Mikhailovka" give one key,
 * as do "Zaporizhia", "Zaporizhzhia" and "Zaporozhye", "Kamyanka", "Kam'yanka" and "Kamianka",
 * "Luhanske" and "Luganskoye", "Zelenyi" and "Zeleniy"; "Luhansk" and "Luhanske" do not (a
 * word that ends in a vowel is marked so); "Ash Shaddadah" and "Al Shadaddi" do.
 */
export function looseKey(name: string): string {
  let s = foldName(name);
  if (QUOTES.test(s)) s = s.replace(QUOTES_ALL, '');
  // the Arabic article takes the sound of a sun letter after it: "Ash Shaddadah" is "Al
  // Shaddadah", "Jisr ash-Shughur" is "Jisr al-Shughur"
  if (ARTICLE_WORD.test(s)) s = s.replace(ARTICLE_WORDS, '$1al ');
  let key = '';
  let last = '';
  let wordStart = true;
  for (let i = 0; i < s.length; ) {
    const c = s.charCodeAt(i);
    let sound = '';
    let width = 1;
    if (!isLetter(c)) {
      if (!wordStart && endsInVowel(s, i)) sound = '@';
      wordStart = true;
    } else if (wordStart) {
      wordStart = false;
      // a leading "y" before a vowel is a glide the Russian spelling often drops (Yenakiieve, Enakievo)
      const first = c === 121 && isVowel(s.charCodeAt(i + 1)) ? i + 1 : i;
      if (isVowel(s.charCodeAt(first))) {
        // "Irpin" and "Orikhiv" keep a mark that they start with a vowel
        key += '@';
        last = '@';
        width = first - i + 1;
      } else width = 0;
    } else if (isVowel(c) || (c === 106 && isVowel(s.charCodeAt(i - 1)) && !isVowel(s.charCodeAt(i + 1))) || (c === 104 && isVowel(s.charCodeAt(i - 1)) && !isLetter(s.charCodeAt(i + 1)))) {
      // vowels, the j of -yj, -ij (Zelenyj as Zelenyi) and the h of Arabic -ah, -eh (Jablah as Jabla) say nothing
    } else {
      const n1 = s.charCodeAt(i + 1);
      const n2 = s.charCodeAt(i + 2);
      if (c === 115 && n1 === 104 && n2 === 99 && s.charCodeAt(i + 3) === 104) (sound = 'S'), (width = 4); // shch
      else if (c === 115 && n1 === 99 && n2 === 104) (sound = 'S'), (width = 3); // sch
      else if (c === 116 && n1 === 99 && n2 === 104) (sound = 'C'), (width = 3); // tch
      else if (c === 100 && n1 === 122 && n2 === 104) (sound = 'j'), (width = 3); // dzh
      else if (n1 === 104 && DIGRAPH_H[c]) (sound = DIGRAPH_H[c]!), (width = 2); // zh kh ch sh ph
      else if (c === 116 && (n1 === 115 || n1 === 122)) (sound = 'c'), (width = 2); // ts tz
      else if (c === 100 && n1 === 106) (sound = 'j'), (width = 2); // dj
      else sound = LETTER[s[i]!] ?? s[i]!;
    }
    if (sound && sound !== last) key += sound; // doubled letters: Zaporizhzhia, Tolyatti
    if (sound || isLetter(c)) last = sound || last;
    i += width;
  }
  if (s.length && endsInVowel(s, s.length) && last !== '@') key += '@';
  return key;
}
/**
 * How many vowel sounds a name has ("Karabilah" 4, "Karbala" 3, "Dayr az Zayr" and "Deir
 * ez-Zor" 3): transliterations of one name change its vowels but seldom their number, so
 * names that meet on a loose key and agree on this are likelier one name.
 */
export function vowelGroups(name: string): number {
  const s = withoutFinalH(foldName(name));
  let groups = 0;
  let inVowel = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    const vowel: boolean = 'aeiouy'.includes(c) || (c === 'w' && inVowel);
    if (vowel && !inVowel) groups++;
    inVowel = vowel;
  }
  return groups;
}
/** the silent h of Arabic -ah, -eh (Jablah as Jabla) */
const withoutFinalH = (s: string) => s.replace(/([aeiou])h\b/g, '$1');

/**
 * A folded name without the Arabic article that begins it ("al anbar", "ar raqqah", "ash
 * shaddadah" → "anbar", "raqqah", "shaddadah"): English news writes the article in several
 * ways (al-, el-, ar-, ash-), or leaves it out.
 */
export function withoutArticle(folded: string): string {
  return folded.replace(ARABIC_ARTICLE, '');
}
const ARABIC_ARTICLE = /^(?:al|el|as|ash|es|ad|adh|ed|ar|an|at|ath|az|ez)\s+(?=\S)/;
const ARTICLE_WORD = /(?:^|\s)(?:al|el|as|ash|es|ad|adh|ed|ar|an|at|ath|az|ez)\s+\S/;
const ARTICLE_WORDS = /(^|\s)(?:al|el|as|ash|es|ad|adh|ed|ar|an|at|ath|az|ez)\s+(?=\S)/g;
const QUOTES = /['’ʼʹ`"]/;
const QUOTES_ALL = /['’ʼʹ`"]/g;
/** the sound of a letter followed by "h" */
const DIGRAPH_H: Readonly<Record<number, string>> = { 122: 'Z', 107: 'X', 99: 'C', 115: 'S', 112: 'f' };
