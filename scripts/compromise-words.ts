// npm run words:compromise: writes src/stages/entities/compromise-words.json, the part of
// compromise's lexicon sitrep reads (each word with its tags: whether it is an ordinary English
// word, a first name, a surname, a city or a region). Loading compromise itself cost each
// worker thread about 10 MB of heap, and 17 MB of a two-worker run's peak memory, for a table
// of 24,600 words, so the pipeline reads this file instead. tests/word-tests.test.ts fails when the installed
// compromise no longer agrees with the file: run this again after upgrading it.
import { writeFileSync } from 'node:fs';
import { compromiseWords, COMPROMISE_WORDS_FILE } from '../tests/compromise-words.js';

writeFileSync(COMPROMISE_WORDS_FILE, `${JSON.stringify(compromiseWords(), null, 1)}\n`);
console.error(`wrote ${COMPROMISE_WORDS_FILE.pathname}`);
