// The wink-nlp instance sitrep reads with: one per process (or worker thread), with a
// tokenizer that does not learn.
//
// wink keeps one vocabulary for the life of an instance: every out-of-vocabulary word it
// meets is added to it, and its tokenizer asks that same vocabulary whether a piece of text
// is a known word before splitting it. So a word seen in one article changes how the next
// article is split ("George's" split as "George" + "'s" by a fresh instance, kept whole once a
// document has held it whole), and a batch run's records would depend on which documents a
// worker happened to read before. Here the tokenizer's question is answered from the model's
// own vocabulary only: words learned from documents are still stored (wink needs them for
// their features) but no longer change tokenization, so a document's tokens depend on its
// own text alone, whatever was read before it and in whatever order.
//
// wink also stores a learned word's category (number, word, currency …) and its part-of-speech
// guess as it first met it, and its tokenizer gives a word different categories in different
// places: "03" is a number in "at 05 03", but a word when split from "Sep.03". So whichever
// document taught a worker the word decided its tag in every later one. A new word is therefore
// learned with the category wink's own detectors give the word standing alone (canonicalLearning),
// wherever it is first met.
//
// This leans on how wink-nlp 2 builds its cache: the tokenizer's lookup keeps the table it was
// created with, while learning writes to whatever model.features.lexeme.hash holds then, and
// documents add words through the cache's `add`, looked up on the cache object at each call.
// tests/determinism.test.ts fails if an upgrade of wink changes that.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export type Wink = ReturnType<typeof winkNLP>;

interface CoreModel {
  features: { lexeme: { hash: Record<string, number>; intrinsicSize: number } };
  /** the token-category detectors (pattern, flags, category), as wink's tokenizer tries them on a whole token */
  trex: { ltc: Array<[string, string, number]> };
  tcat: { hash: Record<string, number> };
}

interface CacheView {
  lookup(text: string): number[] | null;
  intrinsicSize(): number;
  posOf(index: number): number;
}

/** wink's cache as its documents call it: `add` learns a word it does not know yet. */
interface LearningCache extends CacheView {
  add(text: string, category: number): number[];
}

type FeatureFns = Record<string, (word: string, category: number, cache: CacheView) => unknown>;

interface ModelLoader {
  core(): CoreModel;
  featureFn(config: unknown): FeatureFns;
}

/**
 * What wink computes for each document: sentence boundaries and parts of speech (lemmas come
 * with them). Its named entities, negation and sentiment are not used by sitrep; leaving them
 * out is a speed trick (docs/PERFORMANCE-NOTES.md) that changes neither tokens, sentences, tags
 * nor lemmas (parts of speech do not depend on them).
 */
const PIPE = ['sbd', 'pos'];

/** Module-level singleton, on purpose (see sharedWink); pipelines reach it as ctx.wink. */
let shared: Wink | null = null;

/**
 * wink's model loader re-serializes its automata on every call and fails after a few
 * instances ("Invalid string length"), so every pipeline in a thread shares this one; it
 * holds no document state between readDoc calls.
 */
export function sharedWink(): Wink {
  shared ??= stableWink();
  return shared;
}

function stableWink(): Wink {
  const loader = model as unknown as ModelLoader;
  let core: CoreModel | null = null;
  const nlp = winkNLP({
    ...loader,
    core() {
      core = loader.core();
      return core;
    },
    featureFn(config: unknown) {
      const features = loader.featureFn(config);
      const pos = features.pos!;
      let canonical = false;
      // the part-of-speech guess of a new word looks the word up in the whole vocabulary; the
      // first guess wink asks for hands over its cache, whose `add` is then made canonical
      features.pos = (word, category, cache) => {
        if (!canonical) canonical = canonicalLearning(cache as LearningCache, core!);
        return pos(word, category, learnedView(cache));
      };
      return features;
    },
  } as unknown as Parameters<typeof winkNLP>[0], PIPE);
  const lexeme = core!.features.lexeme;
  // wink's lookup (tokenizer) keeps the model's own table; learned words go to a table that
  // inherits it (and so answers for the model's words too) without copying its 87,000 entries
  learned = Object.create(lexeme.hash) as Record<string, number>;
  lexeme.hash = learned;
  // one made-up word learned now, the same in every thread, so that `add` is canonical before
  // the first document
  nlp.readDoc(WARM_UP_WORD);
  return nlp;
}

const WARM_UP_WORD = 'sitrepwinkwarmup';

/**
 * Makes the cache learn each new word with the category wink's detectors give the word alone,
 * not the one the tokenizer gave it where it was split from its neighbours (a word learned once
 * keeps its category for good). Words the detectors cannot place keep the tokenizer's category.
 */
function canonicalLearning(cache: LearningCache, core: CoreModel): true {
  const detectors = core.trex.ltc.map(([pattern, flags, category]) => [new RegExp(pattern, flags), category] as const);
  const { unk, wordRP } = core.tcat.hash as { unk: number; wordRP: number };
  const alone = (text: string, given: number): number => {
    for (const [rx, category] of detectors) if (rx.test(text)) return category === unk || category === wordRP ? given : category;
    return given;
  };
  const add = cache.add.bind(cache);
  cache.add = (text, category) => add(text, learned?.[text] === undefined ? alone(text, category) : category);
  return true;
}

/** The vocabulary with the words learned from documents, for wink's feature functions. */
let learned: Record<string, number> | null = null;

function learnedView(cache: CacheView): CacheView {
  return {
    lookup(text) {
      const known = cache.lookup(text);
      if (known) return known;
      const index = learned?.[text];
      return index === undefined ? null : [index];
    },
    intrinsicSize: () => cache.intrinsicSize(),
    posOf: (index) => cache.posOf(index),
  };
}
