// The files of a dataset folder as the tests compare them: run.json without its timing (the
// one part that differs between runs of the same input).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function datasetFiles(out: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(out).sort()) files[name] = readFileSync(join(out, name), 'utf8');
  const run = JSON.parse(files['run.json']!) as Record<string, unknown>;
  delete run.timing;
  files['run.json'] = JSON.stringify(run);
  return files;
}
