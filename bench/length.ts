// Work per document should grow linearly with its length (issue 17): a 10 MB text within 20×
// the time of a 500 KB one. Builds one long text by repeating the fixture articles to each size
// (KB, default 500 10000: tsx bench/length.ts 500 10000) and prints the seconds
// createPipeline().process takes, seconds per MB, and the ratio of the last size to the first
// against the ratio of their lengths. `npm run bench` ends with it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPipeline } from '../src/index.js';

const dir = join(import.meta.dirname, '..', 'fixtures', 'articles');
const articles = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(dir, f), 'utf8').trim());
const sizes = (process.argv.slice(2).length ? process.argv.slice(2) : ['500', '10000']).map(Number);

function textOf(bytes: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < bytes; i++) {
    const a = articles[i % articles.length]!;
    parts.push(a);
    length += a.length + 2;
  }
  return parts.join('\n\n');
}

const pipeline = createPipeline();
pipeline.process({ text: articles[0]! }); // load models and lexicons before timing
const times: number[] = [];
for (const kb of sizes) {
  const text = textOf(kb * 1000);
  const t0 = performance.now();
  const record = pipeline.process({ text });
  const seconds = (performance.now() - t0) / 1000;
  console.log(`${kb} KB: ${seconds.toFixed(1)} s (${(seconds / (kb / 1000)).toFixed(1)} s/MB, ${record.events.length} events)`);
  times.push(seconds);
}
if (sizes.length > 1) {
  const [first, last] = [sizes[0]!, sizes[sizes.length - 1]!];
  console.log(`${last} KB / ${first} KB: ${(times[times.length - 1]! / times[0]!).toFixed(1)}× the time for ${(last / first).toFixed(0)}× the length`);
}
