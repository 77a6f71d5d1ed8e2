// The tables of the GeoNames index (geonames.ts builds them, geo-cache.ts keeps them on disk):
// strings kept as one string with offsets, and small vocabularies of codes. Speed and memory
// tricks, behind the GeoIndex interface: the garbage collector sees a few large objects where
// it would see hundreds of thousands of small ones.

/**
 * The index's tables: the places in columns, their codes, and four string tables (the place
 * names, the folded spellings that find them, the other spellings of place-spellings.tsv, and
 * the loose keys of the spellings, translit.ts).
 * Built from the packages' files, or read back from the cache that a first build wrote
 * (geo-cache.ts): the build takes most of a second, the read a few milliseconds, and every
 * process and worker thread of a run needs the index.
 */
export interface GeoTables {
  size: number;
  ids: Int32Array;
  populations: Float64Array;
  lats: Int32Array;
  lons: Int32Array;
  countries: Uint16Array;
  features: Uint8Array;
  admins: Int32Array;
  codes: Codes;
  names: StringTable;
  spellings: StringTable;
  alternates: StringTable;
  /** the places by the loose keys of their spellings (translit.ts), most populous first */
  loose: StringTable;
}

/**
 * Strings kept as one array of UTF-16 code units and the offsets of each, so that the collector
 * sees one object where it would see thousands, and so that worker threads can share one copy
 * (a typed array can live in a SharedArrayBuffer, a string cannot); sorted (by code unit, as `<`
 * compares) when built from a map, with each key's numbers (postings) in a typed array, for
 * lookups by binary search.
 */
export class StringTable {
  private constructor(
    readonly chars: Uint16Array,
    readonly starts: Int32Array,
    readonly postingStart: Int32Array,
    readonly postings: Int32Array,
  ) {}

  /** a table from the parts another one gave (the cache) */
  static fromParts(chars: Uint16Array, starts: Int32Array, postingStart: Int32Array, postings: Int32Array): StringTable {
    return new StringTable(chars, starts, postingStart, postings);
  }

  static of(strings: readonly string[]): StringTable {
    return new StringTable(codeUnits(strings), offsets(strings), new Int32Array(0), new Int32Array(0));
  }

  /** keys already sorted as `<` compares, with their postings */
  static presorted(keys: readonly string[], postingStart: Int32Array, postings: Int32Array): StringTable {
    return new StringTable(codeUnits(keys), offsets(keys), postingStart, postings);
  }

  static sorted(map: ReadonlyMap<string, number | readonly number[]>): StringTable {
    const keys = [...map.keys()].sort();
    const postingStart = new Int32Array(keys.length + 1);
    let total = 0;
    keys.forEach((key, k) => {
      postingStart[k] = total;
      const value = map.get(key)!;
      total += typeof value === 'number' ? 1 : value.length;
    });
    postingStart[keys.length] = total;
    const postings = new Int32Array(total);
    keys.forEach((key, k) => {
      const value = map.get(key)!;
      if (typeof value === 'number') postings[postingStart[k]!] = value;
      else postings.set(value, postingStart[k]!);
    });
    return new StringTable(codeUnits(keys), offsets(keys), postingStart, postings);
  }

  get size(): number {
    return this.starts.length - 1;
  }

  at(i: number): string {
    let out = '';
    for (let c = this.starts[i]!; c < this.starts[i + 1]!; c++) out += String.fromCharCode(this.chars[c]!);
    return out;
  }

  /** the index of `key` in a sorted table, or -1 */
  find(key: string): number {
    let lo = 0;
    let hi = this.starts.length - 2;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const order = this.compare(key, mid);
      if (order === 0) return mid;
      if (order < 0) hi = mid - 1;
      else lo = mid + 1;
    }
    return -1;
  }

  /** `key` against entry i, code unit by code unit, without slicing */
  private compare(key: string, i: number): number {
    const start = this.starts[i]!;
    const length = this.starts[i + 1]! - start;
    const n = Math.min(key.length, length);
    for (let c = 0; c < n; c++) {
      const d = key.charCodeAt(c) - this.chars[start + c]!;
      if (d !== 0) return d;
    }
    return key.length - length;
  }
}

function codeUnits(strings: readonly string[]): Uint16Array {
  const joined = strings.join('');
  const chars = new Uint16Array(joined.length);
  for (let c = 0; c < joined.length; c++) chars[c] = joined.charCodeAt(c);
  return chars;
}

function offsets(strings: readonly string[]): Int32Array {
  const starts = new Int32Array(strings.length + 1);
  for (let i = 0; i < strings.length; i++) starts[i + 1] = starts[i]! + strings[i]!.length;
  return starts;
}

/** Small vocabularies of codes, each value numbered in the order first seen. */
export class Codes {
  private readonly numbers = new Map<string, number>();
  private readonly values = new Map<string, string[]>();

  /** the values of each kind, in number order (for the cache) */
  lists(): Record<string, string[]> {
    return Object.fromEntries(this.values);
  }

  static fromLists(lists: Record<string, string[]>): Codes {
    const codes = new Codes();
    for (const [kind, values] of Object.entries(lists)) for (const value of values) codes.number(kind, value);
    return codes;
  }

  number(kind: string, value: string): number {
    const key = `${kind}|${value}`;
    let n = this.numbers.get(key);
    if (n === undefined) {
      const list = this.values.get(kind) ?? [];
      this.values.set(kind, list);
      n = list.push(value) - 1;
      this.numbers.set(key, n);
    }
    return n;
  }

  find(kind: string, value: string): number {
    return this.numbers.get(`${kind}|${value}`) ?? -1;
  }

  value(kind: string, n: number): string {
    return this.values.get(kind)![n]!;
  }
}
