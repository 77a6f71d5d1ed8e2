// The GeoNames index's cache (src/stages/places/geo-cache.ts): tables read back from the file
// are the tables that were built, and a damaged or foreign file is not read.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cachedTables, readTables, sharedTableBytes, useSharedTables, writeTables } from '../src/stages/places/geo-cache.js';
import { buildTables } from '../src/stages/places/geonames.js';
import { looseKey } from '../src/stages/places/translit.js';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-geo-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the GeoNames index cache', () => {
  const built = buildTables();
  const file = pathToFileURL(join(dir, 'geo.bin'));
  writeTables(file, built);

  it('reads back the tables that were built, column by column and string by string', () => {
    const read = readTables(file)!;
    expect(read).not.toBeNull();
    expect(read.size).toBe(built.size);
    for (const column of ['ids', 'populations', 'lats', 'lons', 'countries', 'features', 'admins'] as const) {
      expect(read[column].constructor).toBe(built[column].constructor);
      expect(bytesOf(read[column]).equals(bytesOf(built[column])), column).toBe(true);
    }
    for (const table of ['names', 'spellings', 'alternates', 'loose'] as const) {
      for (const part of ['chars', 'starts', 'postingStart', 'postings'] as const) expect(bytesOf(read[table][part]).equals(bytesOf(built[table][part])), `${table}.${part}`).toBe(true);
    }
    expect(read.codes.lists()).toEqual(built.codes.lists());
    // a lookup through the read tables finds what the built ones find
    const k = read.spellings.find('kharkiv');
    expect(k).toBeGreaterThanOrEqual(0);
    expect(k).toBe(built.spellings.find('kharkiv'));
    expect(read.names.at(read.spellings.postings[read.spellings.postingStart[k]!]!)).toBe('Kharkiv');
    // two transliterations of one Ukrainian village name meet at one loose key, with places in Ukraine
    const loose = read.loose.find(looseKey('Mykhaylivka'));
    expect(loose).toBeGreaterThanOrEqual(0);
    expect(read.loose.find(looseKey('Mikhailovka'))).toBe(loose);
    const places = [...read.loose.postings.subarray(read.loose.postingStart[loose]!, read.loose.postingStart[loose + 1]!)];
    expect(places.some((i) => read.codes.value('country', read.countries[i]!) === 'UA')).toBe(true);
  });

  it('gives worker threads views of one shared copy, not copies of their own', () => {
    const bytes = sharedTableBytes(file)!;
    expect(bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
    useSharedTables(bytes);
    try {
      const tables = cachedTables(() => {
        throw new Error('built instead of read from shared memory');
      });
      expect(tables.ids.buffer).toBe(bytes.buffer);
      expect(tables.spellings.chars.buffer).toBe(bytes.buffer);
      expect(bytesOf(tables.populations).equals(bytesOf(built.populations))).toBe(true);
      expect(tables.names.at(tables.spellings.postings[tables.spellings.postingStart[tables.spellings.find('kharkiv')]!]!)).toBe('Kharkiv');
    } finally {
      useSharedTables(null);
    }
  });

  it('is not read when it is cut short, not ours, or missing', () => {
    const whole = readFileSync(file);
    const cut = join(dir, 'cut.bin');
    writeFileSync(cut, whole.subarray(0, whole.length - 1000));
    expect(readTables(pathToFileURL(cut))).toBeNull();
    const foreign = join(dir, 'foreign.bin');
    writeFileSync(foreign, 'not a table file at all');
    expect(readTables(pathToFileURL(foreign))).toBeNull();
    expect(readTables(pathToFileURL(join(dir, 'missing.bin')))).toBeNull();
  });
});

/** the bytes of a typed array, for comparing two arrays whole */
function bytesOf(a: ArrayBufferView): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}
