// sitrep link DATASET: the events that several articles report of one incident, joined into
// incidents (src/link/link.ts), written beside the dataset's own files.
import { existsSync, statSync } from 'node:fs';
import { UsageError } from '../io/errors.js';
import { parseFormats } from '../export/formats.js';
import { linkDataset } from '../link/files.js';

export interface LinkCommandOptions {
  format?: string[];
  quiet?: boolean;
}

export async function linkCommand(dir: string, options: LinkCommandOptions): Promise<number> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`cannot find the dataset folder ${dir}; sitrep link takes a folder written by sitrep extract ARTICLES --out DIR`);
  const formats = parseFormats(options.format);
  const other = formats.find((f) => f.name !== 'acled');
  if (other) throw new UsageError(`sitrep link writes incidents as acled only (incidents-acled.csv), not ${other.name}; use sitrep export for events`);
  const counts = await linkDataset(dir, { acled: formats.length > 0 });
  if (!options.quiet) process.stderr.write(describeLink(dir, counts, formats.length > 0));
  return 0;
}

export function describeLink(dir: string, counts: { events: number; incidents: number; linked_events: number; seconds: number }, acled: boolean): string {
  const nf = (n: number) => n.toLocaleString('en-US');
  return `sitrep: ${nf(counts.events)} events → ${nf(counts.incidents)} incidents (${nf(counts.linked_events)} events reported by more than one article or sentence) in ${counts.seconds} s; wrote ${dir}/incidents.jsonl, ${dir}/incidents.csv${acled ? `, ${dir}/incidents-acled.csv` : ''}\n`;
}
