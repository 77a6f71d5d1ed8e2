// sitrep diff OLD.jsonl NEW.jsonl: two runs of an extractor over the same documents,
// compared fact by fact (src/eval/diff.ts), as a readable report or, with --json, as a
// "sitrep.diff/1" object. Exit 1 with --fail-on-change when anything differs.
import { readFileSync } from 'node:fs';
import { compareRuns, recordProblem, type NumberedRecord } from '../eval/diff.js';
import { renderRun } from '../eval/summary.js';
import { InputError, UsageError } from '../io/errors.js';
import type { DocumentRecord } from '../record/record.js';

export interface DiffOptions {
  json?: boolean;
  failOnChange?: boolean;
}

const TAKES = 'sitrep diff takes two JSONL files of document records, such as the output of sitrep extract';

export async function diff(before: string, after: string, options: DiffOptions): Promise<number> {
  if (before === '-' && after === '-') throw new UsageError('- (standard input) can stand for only one of the two runs');
  const run = compareRuns({ old: before, new: after }, readRecords(before), readRecords(after));
  process.stdout.write(options.json ? `${JSON.stringify(run, null, 2)}\n` : renderRun(run));
  return options.failOnChange && run.changed ? 1 : 0;
}

/** The records of a JSONL file (or "-" for standard input); the first bad line throws an InputError naming it. */
function readRecords(file: string): NumberedRecord[] {
  const records: NumberedRecord[] = [];
  readText(file)
    .split(/\r?\n/)
    .forEach((line, i) => {
      if (!line.trim()) return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        const pretty = line.trim() === '{' ? '; this looks like indented records (sitrep extract --pretty): extract again without --pretty' : '';
        throw new InputError(file, `line is not valid JSON (${(error as Error).message})${pretty}; ${TAKES}`, i + 1);
      }
      const problem = recordProblem(value);
      if (problem) throw new InputError(file, problem, i + 1);
      records.push({ record: value as DocumentRecord, line: i + 1 });
    });
  return records;
}

function readText(file: string): string {
  try {
    return readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`cannot find ${file}: no such file; ${TAKES}`);
    if (code === 'EISDIR') throw new UsageError(`${file} is a folder; ${TAKES} (sitrep extract --out DIR writes DIR/documents.jsonl)`);
    throw new InputError(file, `cannot read it: ${code ?? (error as Error).message}`);
  }
}
