// sitrep as a package (issue 17): `npm pack` holds what a user needs, and the tarball,
// installed into an empty project, is imported from plain node (no TypeScript loader) and
// runs: createPipeline from the compiled dist/, with its type declarations, and the bin.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = new URL('..', import.meta.url).pathname;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let tmp: string;
let tarball: string;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'sitrep-pack-'));
  // dist/ is built by npm test before vitest runs; --ignore-scripts packs it as it is
  execFileSync(npm, ['pack', '--ignore-scripts', '--silent', '--pack-destination', tmp], { cwd: ROOT, encoding: 'utf8' });
  tarball = join(tmp, readdirSync(tmp).find((f) => f.endsWith('.tgz'))!);
}, 120_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the npm package', () => {
  it('holds the compiled code with its types, the sources, the schema and the record contract', () => {
    const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n');
    for (const file of ['package/dist/index.js', 'package/dist/index.d.ts', 'package/dist/BUILD.json', 'package/bin/sitrep.js', 'package/schema/document.schema.json', 'package/docs/RECORD.md', 'package/README.md', 'package/dist/lexicons/triggers.json']) {
      expect(files, file).toContain(file);
    }
    expect(files.some((f) => f.startsWith('package/tests/'))).toBe(false);
  });

  it('installs from the tarball and imports createPipeline from plain node', () => {
    const project = join(tmp, 'project');
    execFileSync('mkdir', ['-p', project]);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'uses-sitrep', version: '1.0.0', type: 'module', private: true }));
    // dependencies come from the npm cache that npm ci filled; no install scripts are needed
    execFileSync(npm, ['install', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund', '--silent', tarball], { cwd: project, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(existsSync(join(project, 'node_modules', 'sitrep', 'dist', 'index.d.ts'))).toBe(true);
    const script = `import { createPipeline } from 'sitrep';
const record = createPipeline().process({ text: 'Rebels attacked a police post on Friday, killing four officers, the army said.' });
console.log(JSON.stringify({ schema: record.schema, events: record.events.map((e) => e.type) }));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: project, encoding: 'utf8', timeout: 120_000 });
    expect(run.status, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as { schema: string; events: string[] };
    expect(out.schema).toBe('sitrep.document/1');
    expect(out.events.length).toBeGreaterThan(0);
    const bin = spawnSync(join(project, 'node_modules', '.bin', 'sitrep'), ['--version'], { cwd: project, encoding: 'utf8', timeout: 60_000 });
    expect(bin.status, bin.stderr).toBe(0);
    expect(bin.stderr).not.toContain('tsx');
  }, 240_000);
});
