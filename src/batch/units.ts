// The units of a run, in input order: one per single-document file, one per JSONL line, one
// per item of a JSON array, and one per problem met on the way (an unreadable folder, a link
// loop, a bad line). Units are numbered; the same input gives the same numbered sequence, which
// is what makes a run resumable. JSONL files are streamed, so the sequence is produced as it
// is consumed, and a slow consumer holds the reading back.
import { decodeText } from '../io/decode.js';
import { InputError } from '../io/errors.js';
import type { Limits } from '../io/formats.js';
import { readJsonRecords } from '../io/bytes.js';
import { readLines } from '../io/lines.js';
import { isStdin, type WalkEntry } from '../io/walk.js';

/** What a worker does for one unit. Plain data: tasks cross thread boundaries. */
export type Task =
  | { kind: 'file'; path: string; origin: string; format: 'txt' | 'md' | 'html'; gzip: boolean }
  | { kind: 'line'; file: string; line: number; text: string }
  | { kind: 'record'; file: string; line: number | null; value: unknown }
  | { kind: 'text'; text: string };

export interface Unit {
  seq: number;
  /** bytes of input this unit stands for, for progress */
  bytes: number;
  task?: Task;
  error?: InputError;
}

/** The units of the entries, in order; `stdin` is what standard input held. */
export async function* unitsOf(entries: WalkEntry[], limits: Limits, stdin: Buffer | undefined, skip = 0): AsyncGenerator<Unit> {
  let seq = 0;
  for (const entry of entries) {
    if (entry instanceof InputError) {
      yield { seq: seq++, bytes: 0, error: entry };
      continue;
    }
    if (isStdin(entry)) {
      const bytes = stdin ?? Buffer.alloc(0);
      let text: string | InputError;
      try {
        text = decodeText(bytes, '-');
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        text = error;
      }
      if (text instanceof InputError) yield { seq: seq++, bytes: bytes.length, error: text };
      else yield { seq: seq++, bytes: bytes.length, task: { kind: 'text', text } };
      continue;
    }
    const { path, origin, format, gzip, size } = entry;
    if (format === 'jsonl') {
      for await (const item of readLines(path, origin, gzip, limits)) {
        if (item instanceof InputError) yield { seq: seq++, bytes: 0, error: item };
        else if (seq < skip) yield { seq: seq++, bytes: item.bytes }; // already done: no need to carry the text
        else yield { seq: seq++, bytes: item.bytes, task: { kind: 'line', file: origin, line: item.line, text: item.text } };
      }
      continue;
    }
    if (format === 'json') {
      const records = await readJsonRecords(path, origin, gzip, limits);
      if (records instanceof InputError) {
        yield { seq: seq++, bytes: size, error: records };
        continue;
      }
      const share = size / records.length;
      for (const { value, line } of records) yield { seq: seq++, bytes: share, task: { kind: 'record', file: origin, line: line ?? null, value } };
      continue;
    }
    yield { seq: seq++, bytes: size, task: { kind: 'file', path, origin, format, gzip } };
  }
}
