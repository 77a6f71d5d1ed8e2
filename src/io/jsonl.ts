// Streaming the JSON lines a dataset folder holds (documents.jsonl, incidents.jsonl), line by
// line, for the commands that read a dataset back (report, export, link). A line that is not
// JSON, or not the kind of line the file should hold, stops the read with an InputError that
// names the file and the line, and says what to do about it.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { InputError } from './errors.js';
import type { DocumentRecord } from '../record/record.js';

export interface LineKind<T> {
  /** what a line must be, for the message: "a sitrep document record (it needs text, entities and events)" */
  what: string;
  is(value: unknown): value is T;
}

/** The values of a JSONL file, blank lines skipped; `hint` ends every message ("run sitrep link again"). */
export async function* jsonlValues<T>(path: string, kind: LineKind<T>, hint?: string): AsyncGenerator<T> {
  const tail = hint ? `; ${hint}` : '';
  let n = 0;
  for await (const line of createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })) {
    n++;
    if (!line.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new InputError(path, `line is not valid JSON (${(error as Error).message})${tail}`, n);
    }
    if (!kind.is(value)) throw new InputError(path, `line is not ${kind.what}${tail}`, n);
    yield value;
  }
}

/** A line of documents.jsonl. */
export const DOCUMENT_RECORD: LineKind<DocumentRecord> = {
  what: 'a sitrep document record (it needs text, entities and events)',
  is: (value): value is DocumentRecord => {
    const record = value as DocumentRecord;
    return !!record && typeof record === 'object' && typeof record.text === 'string' && Array.isArray(record.events) && Array.isArray(record.entities);
  },
};
