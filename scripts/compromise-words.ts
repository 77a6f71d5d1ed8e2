// npm run words:compromise: writes src/stages/entities/compromise-words.json, the part of
// compromise's lexicon sitrep reads (each word with its tags: whether it is an ordinary English
// word, a first name, a surname, a city or a region). Loading compromise itself costs every
// worker thread memory out of proportion to one table of words (docs/PERFORMANCE.md), so the
// pipeline reads this file instead. tests/word-tests.test.ts fails when the installed
// compromise no longer agrees with the file: run this again after upgrading it.
import { writeFileSync } from 'node:fs';
import { compromiseWords, COMPROMISE_WORDS_FILE } from '../tests/compromise-words.js';

writeFileSync(COMPROMISE_WORDS_FILE, `${JSON.stringify(compromiseWords(), null, 1)}\n`);
console.error(`wrote ${COMPROMISE_WORDS_FILE.pathname}`);
