// What a job holds and what it leaves. One job per document: the article's text and metadata
// (so workers need no access to the files), where it came from (for errors.jsonl), and the
// configuration hash it was made with. An input that cannot be read at all (a bad JSONL line,
// an empty or binary file) is a job too, holding its error, so that it is recorded as failed
// with its reason in the same place and order as in `extract --out`.
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { DocInput } from '../doc.js';
import { InputError, type InputErrorCode } from '../io/errors.js';

export interface DocumentJob {
  /** the pipeline configuration hash (src/queue/config.ts) */
  config: string;
  /** where the document came from, as errors.jsonl names it */
  file: string;
  line: number | null;
  /** the article: text and metadata, source included */
  input?: DocInput;
  /** an input that could not be read */
  failure?: { code: InputErrorCode; message: string };
}

/**
 * A job's return value: the lines it adds to the file of each output format (src/io/outputs),
 * kept in Redis until the queue is removed, so packed: gzip, then base64 (a third of the size
 * of the lines themselves).
 */
export interface DocumentResult {
  /** base64 of the gzip of JSON {output name: lines} */
  lines: string;
  eventCount: number;
  entityCount: number;
}

/** The lines of a record, by output name. */
export type DatasetLines = Record<string, string>;

export function packLines(lines: DatasetLines): string {
  return gzipSync(JSON.stringify(lines)).toString('base64');
}

export function unpackLines(packed: string): DatasetLines {
  return JSON.parse(gunzipSync(Buffer.from(packed, 'base64')).toString('utf8')) as DatasetLines;
}

export const JOB_NAME = 'document';

/**
 * Every job is tried at most 3 times, 2 s then 4 s apart: a worker that dies or a Redis
 * hiccup is retried, bad input is not (it fails with UnrecoverableError). Finished jobs are
 * kept: they hold the records `collect` writes and make `add` idempotent.
 */
export const JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: false,
  removeOnFail: false,
} as const;

/** A worker that died this many times more on a job (killed, out of memory) fails it. */
export const MAX_STALLED = 2;

const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

/**
 * The BullMQ job id of a document: its doc.id, prefixed (BullMQ refuses ids that are
 * integers or hold ":"); an id with other characters, or a long one, is hashed.
 */
export function jobIdOf(docId: string): string {
  return /^[A-Za-z0-9_.-]{1,200}$/.test(docId) ? `d.${docId}` : `h.${hash(docId)}`;
}

/** The job id of an input that could not be read: the same error on the same input is the same job. */
export function failureJobIdOf(error: InputError): string {
  return `e.${hash(JSON.stringify([error.file, error.line ?? null, error.code, error.message]))}`;
}

const CODES = new Set<string>([
  'invalid', 'not-found', 'unreadable', 'symlink-loop', 'format', 'empty', 'binary', 'encoding', 'too-large',
  'unzip-limit', 'gzip', 'json', 'extraction', 'crash', 'timeout', 'duplicate', 'blank',
] satisfies InputErrorCode[]);

/** A failed job's reason, as BullMQ keeps it: "CODE: message". */
export const failedReason = (code: InputErrorCode, message: string) => `${code}: ${message}`;

/**
 * A failed job's reason → the code and message of its errors.jsonl line. A reason without a
 * known code is BullMQ's own (a job that stalled too often: its worker kept dying) or an
 * unexpected error after the last try: both are 'crash', as in a batch run.
 */
export function parseFailedReason(reason: string | null | undefined): { code: InputErrorCode; message: string } {
  const text = reason ?? 'failed without a reason';
  const m = /^([a-z-]+): ([\s\S]*)$/.exec(text);
  if (m && CODES.has(m[1]!)) return { code: m[1] as InputErrorCode, message: m[2]! };
  return { code: 'crash', message: `the worker processing it died: ${text}` };
}
