// Reading a file's bytes within the limits of a run: at most --max-size of them, and for a
// gzip file at most --max-unzipped once decompressed, so a compression bomb is refused early.
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { decodeText } from './decode.js';
import { InputError } from './errors.js';
import { DEFAULT_LIMITS, formatSize, type Limits } from './formats.js';
import { recordsOfJson } from './json.js';
import { ioError, notAFile } from './lines.js';

/**
 * A file's bytes, decompressed when it is gzip: at most limits.maxSize of them (for a gzip
 * file, also at most limits.maxUnzipped), or an InputError that says which limit it broke.
 *
 * The calls are synchronous: a worker thread has nothing else to do while its document is
 * read, and the promise-based calls cost about 80 µs a file in hops through libuv's thread
 * pool (open, stat, read, close) against 8 µs for the same calls made directly.
 */
export async function readBytes(path: string, origin: string, gzip: boolean, limits: Limits = DEFAULT_LIMITS): Promise<Buffer> {
  let fd: number;
  try {
    // O_NONBLOCK: a named pipe must not hang the run
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw ioError(error, origin);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw notAFile(origin, stat.isDirectory());
    const cap = gzip ? Math.min(limits.maxSize, limits.maxUnzipped) : limits.maxSize;
    const tooLarge = (size: number) =>
      new InputError(origin, `the file is ${formatSize(size)}, over the ${formatSize(limits.maxSize)} limit for one document (raise it with --max-size)`, undefined, 'too-large');
    if (stat.size > (gzip ? limits.maxUnzipped : limits.maxSize)) throw tooLarge(stat.size);
    let bytes: Buffer;
    try {
      bytes = readFileSync(fd);
    } catch (error) {
      throw ioError(error, origin);
    }
    if (!gzip) {
      if (bytes.length > cap) throw tooLarge(bytes.length);
      return bytes;
    }
    try {
      return gunzipSync(bytes, { maxOutputLength: cap });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new InputError(
          origin,
          `gzip data decompresses to more than ${formatSize(cap)} (from ${formatSize(bytes.length)}); refused as a possible compression bomb ` +
            `(one document may be at most ${formatSize(limits.maxSize)}: --max-size; a gzip file at most ${formatSize(limits.maxUnzipped)} unzipped: --max-unzipped)`,
          undefined,
          'unzip-limit',
        );
      }
      throw new InputError(origin, `not valid gzip data (${(error as Error).message})`, undefined, 'gzip');
    }
  } finally {
    try {
      closeSync(fd);
    } catch {
      // nothing was written: a failed close loses nothing
    }
  }
}

/** A .json file → its records (parsed values, each with the line where it starts), or an InputError. */
export async function readJsonRecords(path: string, origin: string, gzip: boolean, limits: Limits = DEFAULT_LIMITS): Promise<Array<{ value: unknown; line: number | undefined }> | InputError> {
  try {
    const text = decodeText(await readBytes(path, origin, gzip, limits), origin);
    if (!text) return new InputError(origin, 'the file is empty', undefined, 'empty');
    if (!text.trim()) return new InputError(origin, 'the file is blank (only white space)', undefined, 'blank');
    return recordsOfJson(text, origin);
  } catch (error) {
    if (error instanceof InputError) return error;
    return new InputError(origin, `cannot read it: ${(error as Error).message}`, undefined, 'unreadable');
  }
}
