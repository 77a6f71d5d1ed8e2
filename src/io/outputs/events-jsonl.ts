// events.jsonl: one flat row per event (src/io/dataset.ts eventRows), for tools that want a table.
import { eventRows } from '../dataset.js';
import type { OutputFormat } from './format.js';

export const eventsJsonl: OutputFormat = {
  name: 'events.jsonl',
  linesOf: (record) => eventRows(record).map((row) => `${JSON.stringify(row)}\n`).join(''),
};
