// sitrep export DATASET --format F...: the dataset's records written again in the formats
// other tools read (ACLED's CSV, PLOVER's JSON lines, GeoJSON), beside sitrep's own files.
import { existsSync, statSync } from 'node:fs';
import { UsageError } from '../io/errors.js';
import { exportDataset, FORMAT_NAMES, parseFormats, type ExportCounts, type ExportFormat } from '../export/formats.js';
import { linkDataset } from '../link/files.js';
import { describeLink } from './link.js';

export interface ExportOptions {
  format?: string[];
  quiet?: boolean;
}

export async function exportCommand(dir: string, options: ExportOptions): Promise<number> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`cannot find the dataset folder ${dir}; sitrep export takes a folder written by sitrep extract ARTICLES --out DIR`);
  const formats = parseFormats(options.format);
  if (!formats.length) throw new UsageError(`sitrep export needs --format (${FORMAT_NAMES.join(', ')}; repeatable)`);
  const counts = await exportDataset(dir, formats);
  if (!options.quiet) process.stderr.write(describeExports(dir, counts));
  return 0;
}

/** "sitrep: wrote out/events-acled.csv (12 rows), out/events.geojson (9 features; 3 events without coordinates left out)" */
export function describeExports(dir: string, counts: ExportCounts): string {
  const parts = Object.values(counts).map((c) =>
    c.unlocated !== undefined
      ? `${dir}/${c.file} (${c.rows.toLocaleString('en-US')} features; ${c.unlocated.toLocaleString('en-US')} events without coordinates left out)`
      : `${dir}/${c.file} (${c.rows.toLocaleString('en-US')} rows)`,
  );
  return parts.length ? `sitrep: wrote ${parts.join(', ')}\n` : '';
}

/** --format and --link of extract --out and queue collect: checked before the run, written after it. */
export function datasetExtras(options: { format?: string[]; link?: boolean }, out: string | undefined): { formats: ExportFormat[]; link: boolean } {
  const formats = parseFormats(options.format);
  if ((formats.length || options.link) && !out) throw new UsageError('--format and --link need --out DIR: they write files beside the dataset');
  return { formats, link: Boolean(options.link) };
}

/** Writes the export files (and the incidents) of a finished dataset folder. */
export async function writeExtras(dir: string, extras: { formats: readonly ExportFormat[]; link: boolean }, quiet?: boolean): Promise<void> {
  if (extras.formats.length) {
    const counts = await exportDataset(dir, extras.formats);
    if (!quiet) process.stderr.write(describeExports(dir, counts));
  }
  if (extras.link) {
    const acled = extras.formats.some((f) => f.name === 'acled');
    const counts = await linkDataset(dir, { acled });
    if (!quiet) process.stderr.write(describeLink(dir, counts, acled));
  }
}
