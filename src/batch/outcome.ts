// What working on one unit yields, as plain data that crosses a thread boundary: the lines
// to write, or the failure. Apart from src/batch/work.ts so that the main thread of a run,
// which only writes outcomes, does not load the readers (HTML parsing among them) that the
// workers use.
import { errorLine } from '../io/dataset.js';
import type { InputError, InputErrorCode } from '../io/errors.js';
import type { Limits } from '../io/formats.js';

export interface WorkOptions {
  limits: Limits;
  /** publication date for documents that carry none (--published) */
  defaultPublished: string | null;
  /** dataset files, or one JSON record per document for stdout (indented with pretty) */
  output: 'dataset' | 'jsonl' | 'pretty';
}

/** An error as plain data (InputError does not survive a thread boundary as a class). */
export interface Failure {
  file: string;
  line: number | null;
  code: InputErrorCode;
  message: string;
}

export type Outcome =
  | { ok: true; documents: string; events: string; csv: string; eventCount: number; entityCount: number }
  | { ok: false; failure: Failure; line: string };

export const failure = (error: InputError): Outcome => ({
  ok: false,
  failure: { file: error.file, line: error.line ?? null, code: error.code, message: error.message },
  line: errorLine(error),
});

