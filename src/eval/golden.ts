// Golden files: the record of each article pinned in a file, so that a change of the
// extractor shows up as a difference. `updateGolden` writes them, `checkGolden` compares a
// fresh run with them; both report the differences the way `sitrep diff` does.
//
// Layouts: beside the articles (`a/b.txt` → `a/b.golden.json`), or in a folder of their own
// that mirrors the articles' folders (`a/b.txt` → `GOLDEN/a/b.json`; fixtures/golden/).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative } from 'node:path';
import type { Pipeline } from '../index.js';
import { InputError, UsageError } from '../io/errors.js';
import { expandPaths, readArticles } from '../io/read.js';
import type { DocumentRecord } from '../record/record.js';
import { compareRecords, recordProblem, wholeRecord, type RecordDiff } from './diff.js';
import { block, recordDiffLines } from './summary.js';

/** The article formats a golden folder holds. */
export const ARTICLE_FORMATS = ['.txt', '.md'];

export interface GoldenPair {
  article: string;
  golden: string;
}

/**
 * Each .txt and .md article below `articles` (subfolders included, in sorted order) with
 * its golden file: in `goldens` mirroring the folders as `name.json` when given, else
 * beside the article as `name.golden.json`.
 */
export function goldenPairs(articles: string, goldens?: string): GoldenPair[] {
  const files = expandPaths([articles]).filter((f) => ARTICLE_FORMATS.includes(extname(f).toLowerCase()));
  const pairs = files.map((article) => {
    const name = basename(article, extname(article));
    const golden = goldens ? join(goldens, relative(articles, dirname(article)), `${name}.json`) : join(dirname(article), `${name}.golden.json`);
    return { article, golden };
  });
  const seen = new Map<string, string>();
  for (const { article, golden } of pairs) {
    const other = seen.get(golden);
    if (other) throw new UsageError(`${other} and ${article} would both be pinned in ${golden}; rename one of them`);
    seen.set(golden, article);
  }
  return pairs;
}

/** The record as it is pinned: the source path, which depends on where it ran, is left out. */
export function pinned(record: DocumentRecord): DocumentRecord {
  return { ...record, doc: { ...record.doc, source: null } };
}

/** A golden file's content: 2-space JSON with a trailing newline. */
export function goldenText(record: DocumentRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}

/** The pinned record of one article; an article that cannot be read throws its InputError. */
export async function runArticle(pipeline: Pipeline, article: string): Promise<DocumentRecord> {
  const [read] = await readArticles(article);
  if (!read) throw new InputError(article, 'could not be read');
  if (read instanceof InputError) throw read;
  return pinned(pipeline.process(read.input));
}

/** The record in a golden file, or null when there is none; a broken file throws an InputError. */
export function readGolden(golden: string): DocumentRecord | null {
  if (!existsSync(golden)) return null;
  const fix = 'run sitrep golden update to rewrite it';
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(golden, 'utf8'));
  } catch (error) {
    throw new InputError(golden, `golden file is not valid JSON (${(error as Error).message}); ${fix}`);
  }
  const problem = recordProblem(value);
  if (problem) throw new InputError(golden, `golden file holds ${problem}; ${fix}`);
  return value as DocumentRecord;
}

/**
 * same: the fresh record is the golden file, byte for byte; changed: it differs; missing:
 * there is no golden file (check); new: one was written where there was none (update).
 */
export type GoldenStatus = 'same' | 'changed' | 'missing' | 'new';

export interface GoldenResult extends GoldenPair {
  status: GoldenStatus;
  old: DocumentRecord | null;
  fresh: DocumentRecord;
  diff: RecordDiff;
}

export async function checkGolden(pipeline: Pipeline, pair: GoldenPair): Promise<GoldenResult> {
  const fresh = await runArticle(pipeline, pair.article);
  return compareGolden(pair, readGolden(pair.golden), fresh);
}

/** Writes the golden file when it is missing or differs; a broken golden file is rewritten. */
export async function updateGolden(pipeline: Pipeline, pair: GoldenPair): Promise<GoldenResult> {
  const fresh = await runArticle(pipeline, pair.article);
  let old: DocumentRecord | null = null;
  try {
    old = readGolden(pair.golden);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
  }
  const result = compareGolden(pair, old, fresh);
  if (result.status === 'same') return result;
  mkdirSync(dirname(pair.golden), { recursive: true });
  writeFileSync(pair.golden, goldenText(fresh));
  return result.status === 'missing' ? { ...result, status: 'new' } : result;
}

function compareGolden(pair: GoldenPair, old: DocumentRecord | null, fresh: DocumentRecord): GoldenResult {
  if (!old) return { ...pair, status: 'missing', old, fresh, diff: wholeRecord(fresh, 'added') };
  const status = goldenText(old) === goldenText(fresh) ? 'same' : 'changed';
  return { ...pair, status, old, fresh, diff: compareRecords(old, fresh) };
}

const SIGNS: Record<GoldenStatus, string> = { same: '=', changed: '~', missing: '+', new: '+' };

/**
 * One article's line (`=` same, `~` changed, `+` new or missing) with its differences
 * under it, in the format of `sitrep diff`; a new golden file lists every fact it pins.
 */
export function report(result: GoldenResult): string {
  const heading = `${SIGNS[result.status]} ${result.article}`;
  if (result.status === 'same') return heading;
  if (result.status === 'missing') return `${heading}: no golden file ${result.golden}; run sitrep golden update to write it`;
  const lines = recordDiffLines(result.diff);
  return block(heading, lines.length ? lines : ['(the same facts; only ids, order or layout of the golden file differ)']);
}
