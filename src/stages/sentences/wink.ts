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
// This leans on how wink-nlp 2 builds its cache: the tokenizer's lookup keeps the table it was
// created with, while learning writes to whatever model.features.lexeme.hash holds then.
// tests/determinism.test.ts fails if an upgrade of wink changes that.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export type Wink = ReturnType<typeof winkNLP>;

interface CoreModel {
  features: { lexeme: { hash: Record<string, number>; intrinsicSize: number } };
}

interface CacheView {
  lookup(text: string): number[] | null;
  intrinsicSize(): number;
  posOf(index: number): number;
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
      // the part-of-speech guess of a new word looks the word up in the whole vocabulary
      features.pos = (word, category, cache) => pos(word, category, learnedView(cache));
      return features;
    },
  } as unknown as Parameters<typeof winkNLP>[0], PIPE);
  const lexeme = core!.features.lexeme;
  // wink's lookup (tokenizer) keeps the model's own table; learned words go to a table that
  // inherits it (and so answers for the model's words too) without copying its 87,000 entries
  learned = Object.create(lexeme.hash) as Record<string, number>;
  lexeme.hash = learned;
  return nlp;
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
