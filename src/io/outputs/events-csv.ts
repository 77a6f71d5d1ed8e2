// events.csv: the rows of events.jsonl as RFC 4180 CSV, with a header line.
import { CSV_HEADER, csvLine, eventRows } from '../dataset.js';
import type { OutputFormat } from './format.js';

export const eventsCsv: OutputFormat = {
  name: 'events.csv',
  header: CSV_HEADER,
  linesOf: (record) => eventRows(record).map(csvLine).join(''),
};
