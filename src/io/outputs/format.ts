// What an output format of a dataset is: one file of a dataset folder, filled record by
// record. A format is one module in this folder and one line in ./index.ts.
import type { DocumentRecord } from '../../record/record.js';

export interface OutputFormat {
  /** the file's name in the dataset folder, and the name --outputs takes */
  name: string;
  /** what the file starts with before any record (a CSV header) */
  header?: string;
  /** what one record adds to the file: whole lines, each ending in a line break, or nothing */
  linesOf(record: DocumentRecord): string;
}
