// sitrep link DATASET: the events that several articles report of one incident, joined into
// incidents (src/link/link.ts), written beside the dataset's own files.
import { UsageError } from '../io/errors.js';
import { linkDataset } from '../link/files.js';
import { datasetCommand, type DatasetCommandOptions } from './export.js';

export async function linkCommand(dir: string, options: DatasetCommandOptions): Promise<number> {
  const formats = datasetCommand('link', dir, options);
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
