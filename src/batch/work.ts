// What happens to one unit, in a worker thread or in the main thread alike: read the file
// (or parse the line), run the pipeline, and serialize what the output needs. Failures are
// outcomes, not exceptions, so a bad document never stops the run.
import type { Pipeline } from '../index.js';
import { recordLines } from '../io/dataset.js';
import { InputError } from '../io/errors.js';
import { formatSize, type Limits } from '../io/formats.js';
import { articleFromLine, articleFromRecord } from '../io/json.js';
import { parseDocument, readDocument, type ReadResult } from '../io/read.js';
import { failure, succeeded, type Outcome, type WorkOptions } from './outcome.js';
import type { Task } from './units.js';

export async function work(pipeline: Pipeline, task: Task, options: WorkOptions): Promise<Outcome> {
  const read = await readTask(task, options.limits);
  if (read instanceof InputError) return failure(read);
  let record;
  try {
    record = pipeline.process({ ...read.input, defaultPublished: options.defaultPublished });
  } catch (error) {
    const [file, line] = task.kind === 'line' || task.kind === 'record' ? [task.file, task.line ?? undefined] : [read.origin, undefined];
    return failure(new InputError(file, `extraction failed: ${(error as Error).message}`, line, 'extraction'));
  }
  const entityCount = record.entities.length;
  const eventCount = record.events.length;
  if (options.output !== 'dataset') {
    const documents = `${JSON.stringify(record, null, options.output === 'pretty' ? 2 : undefined)}\n`;
    return succeeded({ documents, events: '', csv: '' }, eventCount, entityCount);
  }
  return succeeded(recordLines(record), eventCount, entityCount);
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
