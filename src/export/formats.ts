// The export formats, each one file of a dataset folder built from the document records:
// a format is its name, its file, the text before and after its lines, and the lines one
// record adds. `sitrep export`, `extract --out --format` and `queue collect --format` all
// write through exportDataset, which streams documents.jsonl once for every format asked.
import { createWriteStream, existsSync, readFileSync, renameSync, writeFileSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../io/errors.js';
import { DOCUMENT_RECORD, jsonlValues } from '../io/jsonl.js';
import type { DocumentRecord } from '../record/record.js';
import { ACLED_HEADER, acledLine, acledRow } from './acled.js';
import { codeEvent, codedEvents } from './coded.js';
import { feature, GEOJSON_HEAD, GEOJSON_JOIN, GEOJSON_TAIL } from './geojson.js';
import { ploverEvent } from './plover.js';

export interface ExportFormat {
  name: string;
  file: string;
  head: string;
  tail: string;
  /** written between two lines (GeoJSON's comma); lines end with their own newline otherwise */
  join: string;
  /** the lines one record adds, and how many of its events the format had to leave out */
  linesOf(record: DocumentRecord): { lines: string[]; left: number };
}

export const FORMATS: Record<string, ExportFormat> = {
  acled: {
    name: 'acled',
    file: 'events-acled.csv',
    head: ACLED_HEADER,
    tail: '',
    join: '',
    linesOf: (record) => ({ lines: codedEvents(record).map((e) => acledLine(acledRow(e))), left: 0 }),
  },
  plover: {
    name: 'plover',
    file: 'events-plover.jsonl',
    head: '',
    tail: '',
    join: '',
    linesOf(record) {
      const entities = new Map(record.entities.map((e) => [e.id, e]));
      const events = record.events.filter((e) => (e.modality === 'asserted' || e.modality === 'claimed') && e.mappings.plover);
      return { lines: events.map((e) => `${JSON.stringify(ploverEvent(codeEvent(record, e, entities)))}\n`), left: 0 };
    },
  },
  geojson: {
    name: 'geojson',
    file: 'events.geojson',
    head: GEOJSON_HEAD,
    tail: GEOJSON_TAIL,
    join: GEOJSON_JOIN,
    linesOf(record) {
      const lines: string[] = [];
      let left = 0;
      for (const event of codedEvents(record)) {
        const f = feature(event);
        if (f) lines.push(JSON.stringify(f));
        else left++;
      }
      return { lines, left };
    },
  },
};

export const FORMAT_NAMES = Object.keys(FORMATS);

/** --format values (repeatable, or comma-separated) → formats, in the order given, each once. */
export function parseFormats(values: readonly string[] | undefined): ExportFormat[] {
  const names = [...new Set((values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim().toLowerCase()).filter(Boolean))];
  return names.map((name) => FORMATS[name] ?? fail(name));
}

function fail(name: string): never {
  throw new UsageError(`--format takes ${FORMAT_NAMES.join(', ')} (repeatable), not "${name}"`);
}

export interface ExportCounts {
  [format: string]: { file: string; rows: number; unlocated?: number };
}

/** Streams the records of a dataset folder's documents.jsonl. */
export async function* datasetRecords(dir: string): AsyncGenerator<DocumentRecord> {
  const path = join(dir, 'documents.jsonl');
  if (!existsSync(path)) throw new UsageError(`${dir} has no documents.jsonl; give a dataset folder written by sitrep extract ARTICLES --out DIR`);
  yield* jsonlValues(path, DOCUMENT_RECORD);
}

/** Writes each format's file into the dataset folder (through a temporary file, so a failed export leaves the old one), and notes the counts in run.json. */
export async function exportDataset(dir: string, formats: readonly ExportFormat[]): Promise<ExportCounts> {
  const counts: ExportCounts = {};
  if (!formats.length) return counts;
  const outs = formats.map((f) => ({ format: f, path: join(dir, f.file), stream: createWriteStream(join(dir, `${f.file}.tmp`)), rows: 0, left: 0 }));
  const write = (stream: WriteStream, text: string) => (stream.write(text) ? undefined : new Promise<void>((r) => stream.once('drain', () => r())));
  for (const out of outs) await write(out.stream, out.format.head);
  for await (const record of datasetRecords(dir)) {
    for (const out of outs) {
      const { lines, left } = out.format.linesOf(record);
      out.left += left;
      for (const line of lines) {
        await write(out.stream, out.rows > 0 && out.format.join ? out.format.join + line : line);
        out.rows++;
      }
    }
  }
  for (const out of outs) {
    await write(out.stream, out.format.tail);
    await new Promise<void>((resolve, reject) => out.stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
    renameSync(join(dir, `${out.format.file}.tmp`), out.path);
    counts[out.format.name] = { file: out.format.file, rows: out.rows, ...(out.format.name === 'geojson' ? { unlocated: out.left } : {}) };
  }
  noteInRunJson(dir, 'exports', counts);
  return counts;
}

/** Adds a key to the dataset's run.json (when there is one), keeping what is there. */
export function noteInRunJson(dir: string, key: string, value: unknown): void {
  const path = join(dir, 'run.json');
  if (!existsSync(path)) return;
  let run: Record<string, unknown>;
  try {
    run = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch {
    return; // a damaged run.json is not the export's to repair
  }
  run[key] = { ...((run[key] as Record<string, unknown> | undefined) ?? {}), ...(value as Record<string, unknown>) };
  writeFileSync(path, `${JSON.stringify(run, null, 2)}\n`);
}
