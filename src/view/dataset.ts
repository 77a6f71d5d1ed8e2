// Reading a dataset folder written by `sitrep extract --out DIR` for the report: the records
// of documents.jsonl (streamed line by line), and what run.json and errors.jsonl say.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../io/errors.js';
import { DOCUMENT_RECORD, jsonlValues, type LineKind } from '../io/jsonl.js';
import type { DocumentRecord } from '../record/record.js';

export interface Dataset {
  /** the folder's name, for the default title */
  name: string;
  records: DocumentRecord[];
  /** run.json as written by extract, when present */
  run: { sitrep?: string; documents?: number; failed?: number; events?: number; seconds?: number } | null;
  /** lines of errors.jsonl: articles that could not be extracted */
  failed: number;
  /** incidents.jsonl, when `sitrep link` has run on the dataset */
  incidents?: IncidentSummary[] | null;
}

/** What the report shows of an incident (a line of incidents.jsonl, src/link/files.ts). */
export interface IncidentSummary {
  id: string;
  event_type: string;
  event_date: string | null;
  places: Array<{ name: string; country: string | null; lat: number | null; lon: number | null }>;
  sources: string[];
  documents: number;
  events: unknown[];
  killed: { value: number | null; min: number | null; max: number | null };
}

const TAKES = 'sitrep report takes a dataset folder written by sitrep extract ARTICLES --out DIR';

export async function readDataset(path: string): Promise<Dataset> {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new UsageError(`cannot find ${path}: no such folder; ${TAKES}`);
  }
  if (!stat.isDirectory() && !path.toLowerCase().endsWith('.jsonl')) {
    throw new UsageError(`${path} is not a dataset folder; ${TAKES} (or give its documents.jsonl)`);
  }
  const dir = stat.isDirectory() ? path : dirname(path);
  const documents = stat.isDirectory() ? join(path, 'documents.jsonl') : path;
  if (!existsSync(documents)) throw new UsageError(`${path} has no documents.jsonl; ${TAKES}`);

  const records: DocumentRecord[] = [];
  for await (const record of jsonlValues(documents, DOCUMENT_RECORD, TAKES)) records.push(record);

  const runFile = join(dir, 'run.json');
  let run: Dataset['run'] = null;
  if (existsSync(runFile)) {
    try {
      const value = JSON.parse(readFileSync(runFile, 'utf8')) as unknown;
      if (value && typeof value === 'object' && !Array.isArray(value)) run = value as Dataset['run'];
    } catch {
      run = null; // a damaged run.json only costs the report its run line
    }
  }
  const errorsFile = join(dir, 'errors.jsonl');
  const failed = existsSync(errorsFile) ? readFileSync(errorsFile, 'utf8').split('\n').filter((l) => l.trim()).length : 0;
  return { name: basename(resolve(dir)), records, run, failed, incidents: await readIncidents(join(dir, 'incidents.jsonl')) };
}

/** A line of incidents.jsonl, as the report reads it. */
const INCIDENT: LineKind<IncidentSummary> = {
  what: 'an incident of sitrep link (it needs events, sources and places)',
  is: (value): value is IncidentSummary => {
    const incident = value as IncidentSummary;
    return !!incident && Array.isArray(incident.events) && Array.isArray(incident.sources) && Array.isArray(incident.places);
  },
};

async function readIncidents(path: string): Promise<IncidentSummary[] | null> {
  if (!existsSync(path)) return null;
  const incidents: IncidentSummary[] = [];
  for await (const incident of jsonlValues(path, INCIDENT, 'run sitrep link on the dataset again')) incidents.push(incident);
  return incidents;
}
