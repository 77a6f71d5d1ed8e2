// One job's work, in a worker thread or in the worker's main thread alike: the pipeline over
// the article, and the lines it adds to the dataset files — the same as a batch unit's
// (src/batch/work.ts), so the collected dataset is the one `extract --out` writes.
import type { Pipeline } from '../index.js';
import { recordLines } from '../io/dataset.js';
import { InputError } from '../io/errors.js';
import { failure, type Failed, type Failure } from '../batch/outcome.js';
import { packLines, type DocumentJob, type DocumentResult } from './jobs.js';

export type ArticleJob = Pick<DocumentJob, 'file' | 'line'> & { input: NonNullable<DocumentJob['input']> };

/** The lines a record adds to the dataset files, or why there is none. */
export type Extracted = ({ ok: true; eventCount: number; entityCount: number } & ReturnType<typeof recordLines>) | Failed;

export function extractArticle(pipeline: Pipeline, job: ArticleJob, defaultPublished: string | null): Extracted {
  let record;
  try {
    record = pipeline.process({ ...job.input, defaultPublished });
  } catch (error) {
    return failure(new InputError(job.file, `extraction failed: ${(error as Error).message}`, job.line ?? undefined, 'extraction'));
  }
  return { ok: true, ...recordLines(record), eventCount: record.events.length, entityCount: record.entities.length };
}

/** What a worker thread sends back: the job's packed return value, or why it failed. */
export type JobOutcome = { ok: true; result: DocumentResult } | { ok: false; failure: Failure };

export function extractJob(pipeline: Pipeline, job: ArticleJob, defaultPublished: string | null): JobOutcome {
  const outcome = extractArticle(pipeline, job, defaultPublished);
  if (!outcome.ok) return { ok: false, failure: outcome.failure };
  return { ok: true, result: { lines: packLines(outcome), eventCount: outcome.eventCount, entityCount: outcome.entityCount } };
}
