// Golden files: a record pinned next to the article it came from. `update` writes them,
// `check` compares a fresh run with them fact by fact.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { Pipeline } from '../index.js';
import type { DocumentRecord } from '../record/record.js';
import { diffLines, factLines, renderDiff, type LineDiff } from './summary.js';

export interface GoldenPair {
  article: string;
  golden: string;
}

/** Each .txt/.md article in `articles`, with the golden file it is pinned by in `goldens`. */
export function goldenPairs(articles: string, goldens: string): GoldenPair[] {
  return readdirSync(articles)
    .filter((f) => ['.txt', '.md'].includes(extname(f)))
    .sort()
    .map((f) => ({ article: join(articles, f), golden: join(goldens, `${basename(f, extname(f))}.json`) }));
}

/** The record as it is pinned: the source path, which depends on where it ran, is left out. */
export function pinned(record: DocumentRecord): DocumentRecord {
  return { ...record, doc: { ...record.doc, source: null } };
}

export function runArticle(pipeline: Pipeline, article: string): DocumentRecord {
  return pinned(pipeline.process({ text: readFileSync(article, 'utf8'), source: article }));
}

export function render(record: DocumentRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}

export interface GoldenResult extends GoldenPair {
  status: 'same' | 'changed' | 'new';
  diff: LineDiff;
}

export function checkGolden(pipeline: Pipeline, pair: GoldenPair): GoldenResult {
  const fresh = runArticle(pipeline, pair.article);
  if (!existsSync(pair.golden)) return { ...pair, status: 'new', diff: { added: factLines(fresh), removed: [] } };
  const old = JSON.parse(readFileSync(pair.golden, 'utf8')) as DocumentRecord;
  const same = render(old) === render(fresh);
  return { ...pair, status: same ? 'same' : 'changed', diff: diffLines(factLines(old), factLines(fresh)) };
}

export function updateGolden(pipeline: Pipeline, pair: GoldenPair): GoldenResult {
  const result = checkGolden(pipeline, pair);
  if (result.status !== 'same') {
    mkdirSync(join(pair.golden, '..'), { recursive: true });
    writeFileSync(pair.golden, render(runArticle(pipeline, pair.article)));
  }
  return result;
}

export function report(result: GoldenResult): string {
  const head = `${result.status === 'same' ? '=' : result.status === 'new' ? '+' : '~'} ${result.article}`;
  const body = renderDiff(result.diff);
  return body ? `${head}\n${body.replace(/^/gm, '    ')}` : head;
}
