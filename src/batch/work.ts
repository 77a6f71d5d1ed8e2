// What happens to one unit, in a worker thread or in the main thread alike: read the file
// (or parse the line), run the pipeline (extractOne, which queue workers use too), and
// serialize what the outputs need. Failures are outcomes, not exceptions, so a bad document
// never stops the run.
import type { DocInput } from '../doc.js';
import type { DocumentRecord, Pipeline } from '../index.js';
import { InputError } from '../io/errors.js';
import { formatSize, type Limits } from '../io/formats.js';
import { articleFromLine, articleFromRecord } from '../io/json.js';
import { outputsNamed } from '../io/outputs/index.js';
import { parseDocument, readDocument, type ReadResult } from '../io/read.js';
import { failure, succeeded, type Failed, type Origin, type Outcome, type WorkOptions } from './outcome.js';
import type { Task } from './units.js';

/**
 * The one extraction path of sitrep: an article through the pipeline, or the failure that
 * names it. Batch runs (work, below) and queue workers (src/queue/extract.ts) both call it.
 */
export function extractOne(pipeline: Pipeline, input: DocInput, origin: Origin, defaultPublished: string | null): { ok: true; record: DocumentRecord } | Failed {
  try {
    return { ok: true, record: pipeline.process({ ...input, defaultPublished }) };
  } catch (error) {
    return failure(new InputError(origin.file, `extraction failed: ${(error as Error).message}`, origin.line ?? undefined, 'extraction'));
  }
}


export async function work(pipeline: Pipeline, task: Task, options: WorkOptions): Promise<Outcome> {
  const read = await readTask(task, options.limits);
  if (read instanceof InputError) return failure(read);
  const origin = task.kind === 'line' || task.kind === 'record' ? { file: task.file, line: task.line ?? null } : { file: read.origin, line: null };
  const extracted = extractOne(pipeline, read.input, origin, options.defaultPublished);
  if (!extracted.ok) return extracted;
  const { record } = extracted;
  const counts = { id: record.doc.id, ...origin, eventCount: record.events.length, entityCount: record.entities.length };
  if (options.output !== 'dataset') return succeeded([`${JSON.stringify(record, null, options.output === 'pretty' ? 2 : undefined)}\n`], counts);
  return succeeded(outputsNamed(options.outputs).map((o) => o.linesOf(record)), counts);
}

/** A unit of a run read into its article (or the reason it cannot be read); `sitrep queue add` reads the same way. */
export async function readTask(task: Task, limits: Limits): Promise<ReadResult> {
  switch (task.kind) {
    case 'file':
      return readDocument(task.path, task.origin, task.format, task.gzip, limits);
    case 'line':
      return articleFromLine(task.text, task.file, task.line);
    case 'text':
      if (Buffer.byteLength(task.text) > limits.maxSize) {
        return new InputError('-', `standard input holds ${formatSize(Buffer.byteLength(task.text))}, over the ${formatSize(limits.maxSize)} limit for one document (--max-size)`, undefined, 'too-large');
      }
      return parseDocument(task.text, 'txt', '-', null);
    case 'record':
      return articleFromRecord(task.value, task.file, task.line ?? undefined);
  }
}
