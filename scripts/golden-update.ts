// npm run golden:update — rewrite fixtures/golden/ from fixtures/articles/ and show what changed,
// fact by fact. Read every changed line against the article before committing.
import { createPipeline } from '../src/index.js';
import { goldenPairs, report, updateGolden } from '../src/eval/golden.js';

const pipeline = createPipeline();
const root = new URL('../fixtures/', import.meta.url).pathname;
for (const pair of goldenPairs(`${root}articles`, `${root}golden`)) {
  console.log(report(await updateGolden(pipeline, pair)));
}
