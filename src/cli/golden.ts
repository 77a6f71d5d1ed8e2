// sitrep golden check|update DIR: pin the records of a folder of articles in golden files
// (src/eval/golden.ts), and check a fresh run against them. Both print each article's
// differences the way `sitrep diff` does, then the totals; check exits 1 when any article
// differs, has no golden file or cannot be read.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { countTotals, type Compared } from '../eval/diff.js';
import { checkGolden, goldenPairs, report, updateGolden, type GoldenStatus } from '../eval/golden.js';
import { renderTotals } from '../eval/summary.js';
import { createPipeline } from '../index.js';
import { InputError, UsageError } from '../io/errors.js';

export interface GoldenOptions {
  goldenDir?: string;
  lexicon: string[];
}

export async function golden(action: 'check' | 'update', dir: string, options: GoldenOptions): Promise<number> {
  requireFolder(dir, 'the articles');
  // golden files live apart from the articles, so that extract never mistakes them for articles
  const goldenDir = options.goldenDir ?? defaultGoldenDir(dir);
  requireFolder(goldenDir, '--golden-dir', true);
  const pairs = goldenPairs(dir, goldenDir);
  if (pairs.length === 0) throw new UsageError(`no articles in ${dir}; sitrep golden pins .txt and .md files (subfolders included)`);
  const pipeline = createPipeline({ lexicons: options.lexicon });

  const compared: Compared[] = [];
  const counts: Record<GoldenStatus | 'failed', number> = { same: 0, changed: 0, missing: 0, new: 0, failed: 0 };
  for (const pair of pairs) {
    try {
      const result = action === 'update' ? await updateGolden(pipeline, pair) : await checkGolden(pipeline, pair);
      counts[result.status]++;
      compared.push({ old: result.old, new: result.fresh, diff: result.diff });
      process.stdout.write(`${report(result)}\n`);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      counts.failed++;
      process.stderr.write(`sitrep: ${error.where}: ${error.message}\n`);
    }
  }
  process.stdout.write(`\n${renderTotals(countTotals(compared))}\n`);

  const unreadable = counts.failed ? `, ${counts.failed} could not be read` : '';
  if (action === 'update') {
    process.stderr.write(`sitrep: golden files: ${counts.new} new, ${counts.changed} rewritten, ${counts.same} unchanged${unreadable}\n`);
    return counts.failed ? 1 : 0;
  }
  if (counts.changed + counts.missing + counts.failed === 0) {
    process.stderr.write(`sitrep: all ${pairs.length} articles match their golden files\n`);
    return 0;
  }
  const update = ['sitrep golden update', dir, ...(options.goldenDir ? ['--golden-dir', goldenDir] : []), ...options.lexicon.flatMap((f) => ['--lexicon', f])];
  process.stderr.write(
    `sitrep: of ${pairs.length} articles, ${counts.changed} changed and ${counts.missing} have no golden file${unreadable}; ` +
      `if the new records are right, pin them with: ${update.join(' ')}\n`,
  );
  return 1;
}

/** golden/ beside the folder of articles: fixtures/articles → fixtures/golden. */
export function defaultGoldenDir(articles: string): string {
  return join(articles, '..', 'golden');
}

/** A folder the command needs; `mayBeMissing` for one it creates. */
function requireFolder(path: string, what: string, mayBeMissing = false): void {
  let folder: boolean;
  try {
    folder = statSync(path).isDirectory();
  } catch {
    if (mayBeMissing) return;
    throw new UsageError(`cannot find ${path}: no such folder; sitrep golden takes a folder of .txt and .md articles`);
  }
  if (!folder) throw new UsageError(`${what} must be a folder, and ${path} is a file; sitrep golden takes folders (the articles, and --golden-dir for the golden files)`);
}
