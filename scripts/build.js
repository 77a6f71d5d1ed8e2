// npm run build (npm ci runs it too, as `prepare`): compiles src/ to dist/ with tsc and copies
// the files the code reads beside itself (lexicons, page styles and scripts). bin/sitrep.js
// runs dist/ while dist/BUILD.json matches the sources, and the TypeScript sources through tsx
// otherwise. Compiled, a batch run needs no TypeScript loader: tsx registers one per thread,
// each an extra V8 isolate (docs/PERFORMANCE.md, "Tuning constants", has its cost). Last, it
// writes the GeoNames index's cache (src/stages/places/geo-cache.ts).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { sourcesHash } from '../src/sources.js';

const root = new URL('../', import.meta.url);
const src = new URL('src/', root);
const dist = new URL('dist/', root);
const require = createRequire(import.meta.url);

let tsc;
try {
  tsc = require.resolve('typescript/bin/tsc');
} catch {
  console.error('sitrep build: TypeScript is not installed (a production install); sitrep runs from its sources through tsx');
  process.exit(0);
}
const sources = sourcesHash(src);
rmSync(dist, { recursive: true, force: true });
const compiled = spawnSync(process.execPath, [tsc, '-p', new URL('tsconfig.build.json', root).pathname], { stdio: 'inherit' });
if (compiled.status !== 0) {
  rmSync(dist, { recursive: true, force: true });
  console.error('sitrep build: tsc failed; nothing was built');
  process.exit(1);
}

// data and page assets; not the .js entry files of worker threads (they load their .ts sibling
// through tsx), which the compiled sibling replaces
const copy = (/** @type {string} */ folder) => {
  for (const entry of readdirSync(new URL(folder, src), { withFileTypes: true })) {
    const path = `${folder}${entry.name}`;
    if (entry.isDirectory()) copy(`${path}/`);
    else if (!entry.name.endsWith('.ts') && !(entry.name.endsWith('.js') && existsSync(new URL(path.replace(/\.js$/, '.ts'), src)))) cpSync(new URL(path, src), new URL(path, dist));
  }
};
copy('');
writeFileSync(new URL('BUILD.json', dist), `${JSON.stringify({ sources }, null, 2)}\n`);
console.error(`sitrep build: dist/ compiled from sources ${sources}`);

// the GeoNames index's tables, written once to node_modules/.cache/sitrep/ (geo-cache.ts), so
// that the first run starts as fast as the next
const warmed = spawnSync(process.execPath, ['--input-type=module', '-e', `import { geoIndex } from ${JSON.stringify(new URL('stages/places/geonames.js', dist).href)}; geoIndex();`], { stdio: 'inherit' });
if (warmed.status !== 0) console.error('sitrep build: the GeoNames index could not be prepared; each run builds it instead');
