// One job's work, in a worker thread or in the worker's main thread alike: extractOne (the
// path batch runs take, src/batch/work.ts) over the article, and the lines it adds to every
// output format, so that `collect` can write whichever outputs it is asked for and the
// collected dataset is the one `extract --out` writes.
import type { Pipeline } from '../index.js';
import { OUTPUTS, linesByOutput } from '../io/outputs/index.js';
import type { Failure } from '../batch/outcome.js';
import { extractOne } from '../batch/work.js';
import { packLines, type DocumentJob, type DocumentResult } from './jobs.js';

export type ArticleJob = Pick<DocumentJob, 'file' | 'line'> & { input: NonNullable<DocumentJob['input']> };

/** What a worker thread sends back: the job's packed return value, or why it failed. */
export type JobOutcome = { ok: true; result: DocumentResult } | { ok: false; failure: Failure };

export function extractJob(pipeline: Pipeline, job: ArticleJob, defaultPublished: string | null): JobOutcome {
  const extracted = extractOne(pipeline, job.input, { file: job.file, line: job.line }, defaultPublished);
  if (!extracted.ok) return { ok: false, failure: extracted.failure };
  const { record } = extracted;
  return { ok: true, result: { lines: packLines(linesByOutput(record, OUTPUTS)), eventCount: record.events.length, entityCount: record.entities.length } };
}
