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

/** A unit that failed, with its line for errors.jsonl. */
export type Failed = { ok: false; failure: Failure; line: string };

/**
 * A unit's outcome as it crosses from a worker thread to the main thread. The dataset lines
 * travel as UTF-8 bytes (documents, then events, then CSV rows; `ends` marks where the first
 * two end) rather than as strings: bytes arrive outside the V8 heap and go to the files as
 * they are, so the main thread of a long run allocates almost nothing per document.
 */
export type Outcome = { ok: true; bytes: Uint8Array; ends: [number, number]; eventCount: number; entityCount: number } | Failed;

export const failure = (error: InputError): Failed => ({
  ok: false,
  failure: { file: error.file, line: error.line ?? null, code: error.code, message: error.message },
  line: errorLine(error),
});

const utf8 = new TextEncoder();

/** The lines of a record (recordLines), as an outcome. */
export function succeeded(lines: { documents: string; events: string; csv: string }, eventCount: number, entityCount: number): Outcome {
  const parts = [lines.documents, lines.events, lines.csv];
  const bytes = new Uint8Array(parts.reduce((n, part) => n + Buffer.byteLength(part), 0));
  const ends: number[] = [];
  let at = 0;
  for (const part of parts) {
    at += utf8.encodeInto(part, bytes.subarray(at)).written;
    ends.push(at);
  }
  return { ok: true, bytes, ends: [ends[0]!, ends[1]!], eventCount, entityCount };
}
