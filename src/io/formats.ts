// Which files sitrep reads, told by their extension, and the limits that protect a run.
import { UsageError } from './errors.js';

export type Format = 'txt' | 'md' | 'html' | 'json' | 'jsonl';

export interface FileFormat {
  format: Format;
  /** the file is gzip-compressed (name.txt.gz, name.jsonl.gz, …) */
  gzip: boolean;
}

const EXTENSIONS: Record<string, Format> = {
  '.txt': 'txt',
  '.md': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.json': 'json',
  '.jsonl': 'jsonl',
};

/** The extensions sitrep reads, for messages: ".txt, .md, .html, .htm, .json, .jsonl (and .gz of each)". */
export const EXTENSION_LIST = `${Object.keys(EXTENSIONS).join(', ')} (and .gz of each)`;

/** The format of a file name, or null when sitrep does not read it. */
export function formatOf(name: string): FileFormat | null {
  let lower = name.toLowerCase();
  const gzip = lower.endsWith('.gz');
  if (gzip) lower = lower.slice(0, -3);
  const dot = lower.lastIndexOf('.');
  if (dot < 0) return null;
  const format = EXTENSIONS[lower.slice(dot)];
  return format ? { format, gzip } : null;
}

/** Formats that hold one document per file; the others hold records. */
export const isSingleDocument = (format: Format) => format !== 'json' && format !== 'jsonl';

export interface Limits {
  /** the largest document in bytes: a whole file after decompression, or one .jsonl line */
  maxSize: number;
  /** the most a gzip file may decompress to; more is refused as a compression bomb */
  maxUnzipped: number;
}

export const MB = 2 ** 20;
export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({ maxSize: 10 * MB, maxUnzipped: 1024 * MB });

const UNITS: Record<string, number> = { '': 1, b: 1, k: 2 ** 10, kb: 2 ** 10, kib: 2 ** 10, m: MB, mb: MB, mib: MB, g: 2 ** 30, gb: 2 ** 30, gib: 2 ** 30 };

/** "10MB", "512 KB", "1.5G", "4096" → bytes (K, M, G are powers of 1024). */
export function parseSize(value: string, flag: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value);
  const unit = m ? UNITS[m[2]!.toLowerCase()] : undefined;
  if (!m || unit === undefined || Number(m[1]) <= 0) {
    throw new UsageError(`${flag} takes a size like 10MB, 512KB or 1GB, not "${value}"`);
  }
  return Math.round(Number(m[1]) * unit);
}

/** bytes → "10 MB", "1.5 KB", "312 bytes" */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const [n, unit] = bytes < MB ? [bytes / 1024, 'KB'] : bytes < 2 ** 30 ? [bytes / MB, 'MB'] : [bytes / 2 ** 30, 'GB'];
  return `${Number(n.toFixed(1))} ${unit}`;
}
