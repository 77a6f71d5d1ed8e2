// documents.jsonl: the full document record (docs/RECORD.md), one per line.
import type { OutputFormat } from './format.js';

export const documentsJsonl: OutputFormat = {
  name: 'documents.jsonl',
  linesOf: (record) => `${JSON.stringify(record)}\n`,
};
