#!/usr/bin/env node
// sitrep's command line. It runs the compiled dist/ (npm ci builds it, `npm run build` rebuilds
// it) while dist/ matches the sources, and the TypeScript sources through tsx otherwise:
// slower, and heavier in memory, so it says so when a build exists but is out of date.
import { readFileSync } from 'node:fs';
import { sourcesHash } from '../src/sources.js';

const root = new URL('../', import.meta.url);
let built = null;
try {
  built = JSON.parse(readFileSync(new URL('dist/BUILD.json', root), 'utf8')).sources;
} catch {
  // never built
}
if (built && built === sourcesHash(new URL('src/', root))) {
  await import('../dist/cli/main.js');
} else {
  if (built) process.stderr.write('sitrep: dist/ is older than src/, so the sources run through tsx (slower); `npm run build` rebuilds it\n');
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
