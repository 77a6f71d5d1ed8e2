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
  /** the output formats of a dataset, by name (src/io/outputs) */
  outputs: string[];
}

/** Where a document came from, as errors.jsonl names it. */
export interface Origin {
  file: string;
  line: number | null;
}

/** "file" or "file:line": how a document's source is named beside its doc.id (duplicates). */
export const whereOf = (origin: Origin) => (origin.line ? `${origin.file}:${origin.line}` : origin.file);

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
 * A unit's outcome as it crosses from a worker thread to the main thread. The lines of each
 * output travel as UTF-8 bytes, one after the other (`ends` marks where each ends), rather
 * than as strings: bytes arrive outside the V8 heap and go to the files as they are, so the
 * main thread of a long run allocates almost nothing per document.
 */
export type Outcome =
  | { ok: true; bytes: Uint8Array; ends: number[]; id: string; file: string; line: number | null; eventCount: number; entityCount: number }
  | Failed;

export const failure = (error: InputError): Failed => ({
  ok: false,
  failure: { file: error.file, line: error.line ?? null, code: error.code, message: error.message },
  line: errorLine(error),
});

const utf8 = new TextEncoder();

/** The lines of a record for each output, in order, as an outcome. */
export function succeeded(parts: string[], about: { id: string; file: string; line: number | null; eventCount: number; entityCount: number }): Outcome {
  const bytes = new Uint8Array(parts.reduce((n, part) => n + Buffer.byteLength(part), 0));
  const ends: number[] = [];
  let at = 0;
  for (const part of parts) {
    at += utf8.encodeInto(part, bytes.subarray(at)).written;
    ends.push(at);
  }
  return { ok: true, bytes, ends, ...about };
}
