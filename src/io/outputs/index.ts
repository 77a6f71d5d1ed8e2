// The output formats of a dataset folder, in the order their files are listed. Adding a
// format: a module beside these (an OutputFormat) and one line here.
import { UsageError } from '../errors.js';
import { documentsJsonl } from './documents.js';
import { eventsCsv } from './events-csv.js';
import { eventsJsonl } from './events-jsonl.js';
import type { OutputFormat } from './format.js';

export type { OutputFormat } from './format.js';

export const OUTPUTS: readonly OutputFormat[] = [documentsJsonl, eventsJsonl, eventsCsv];

/** The names of the formats a run writes when --outputs is not given: all of them. */
export const DEFAULT_OUTPUTS: readonly string[] = OUTPUTS.map((o) => o.name);

/** The formats of these names (--outputs), in the registry's order; an unknown name is misuse. */
export function outputsNamed(names: readonly string[] = DEFAULT_OUTPUTS): OutputFormat[] {
  const known = new Map(OUTPUTS.map((o) => [o.name, o]));
  for (const name of names) {
    if (!known.has(name)) throw new UsageError(`--outputs: there is no output "${name}"; sitrep writes ${DEFAULT_OUTPUTS.join(', ')}`);
  }
  if (names.length === 0) throw new UsageError(`--outputs names no output; give one or more of ${DEFAULT_OUTPUTS.join(', ')}`);
  return OUTPUTS.filter((o) => names.includes(o.name));
}

/** The lines a record adds to each file of these formats, by file name. */
export function linesByOutput(record: Parameters<OutputFormat['linesOf']>[0], outputs: readonly OutputFormat[]): Record<string, string> {
  return Object.fromEntries(outputs.map((o) => [o.name, o.linesOf(record)]));
}
