// sitrep report DIR: a dataset written by `sitrep extract --out DIR` as one self-contained
// HTML page: events over time by type, a map, counts, and a searchable table of events
// whose rows open the article view (src/view/report.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { readDataset } from '../view/dataset.js';
import { reportPage } from '../view/report.js';

export interface ReportCommandOptions {
  out?: string;
  title?: string;
}

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

export async function report(dir: string, options: ReportCommandOptions): Promise<number> {
  const dataset = await readDataset(dir);
  const html = reportPage(dataset, { title: options.title, generator: `sitrep ${pkg.version}` });
  if (options.out) {
    writeFileSync(options.out, html);
    const events = dataset.records.reduce((n, r) => n + r.events.length, 0);
    const size = Buffer.byteLength(html) / 1024;
    process.stderr.write(
      `sitrep: wrote ${options.out} (${dataset.records.length} documents, ${events} events, ` +
        `${size >= 1024 ? `${(size / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(size))} KB`}); open it in a browser\n`,
    );
  } else {
    process.stdout.write(html);
  }
  return 0;
}
