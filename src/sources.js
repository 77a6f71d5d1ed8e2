// A hash of sitrep's sources (src/: code, lexicons, page assets). The build records it in
// dist/BUILD.json, and bin/sitrep.js runs the compiled dist/ only while it still matches.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';

/** @type {Map<string, string>} */
const known = new Map(); // bin/sitrep.js and a batch run ask for the same folder in one process

/** @param {URL} dir the src/ folder */
export function sourcesHash(dir) {
  const memo = known.get(dir.href);
  if (memo) return memo;
  const hash = createHash('sha256');
  const walk = (/** @type {URL} */ folder, /** @type {string} */ prefix) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.isDirectory()) walk(new URL(`${entry.name}/`, folder), `${prefix}${entry.name}/`);
      else if (/\.(ts|js|json|css)$/.test(entry.name)) hash.update(`${prefix}${entry.name}\0`).update(readFileSync(new URL(entry.name, folder)));
    }
  };
  walk(dir, '');
  const digest = hash.digest('hex').slice(0, 16);
  known.set(dir.href, digest);
  return digest;
}
