// A .jsonl file (or .jsonl.gz) streamed line by line, in constant memory whatever its size:
// a line over --max-size is skipped without being held, a gzip stream that decompresses past
// --max-unzipped is cut off, and each bad line is reported by its number.
import { isUtf8 } from 'node:buffer';
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { binaryReason, firstInvalidUtf8, sniffBom } from './decode.js';
import { InputError } from './errors.js';
import { formatSize, type Limits } from './formats.js';

export interface Line {
  /** 1-based line number */
  line: number;
  text: string;
  /** bytes of the line in the file (after decompression), newline included */
  bytes: number;
}

/** Lines of text (blank lines are skipped but counted), or InputErrors for lines and for the file. */
export async function* readLines(path: string, origin: string, gzip: boolean, limits: Limits): AsyncGenerator<Line | InputError> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    yield ioError(error, origin);
    return;
  }
  const stat = await handle.stat();
  if (!stat.isFile()) {
    await handle.close();
    yield notAFile(origin, stat.isDirectory());
    return;
  }
  const file = handle.createReadStream({ highWaterMark: 256 * 1024 });
  let source: AsyncIterable<Buffer> = file;
  if (gzip) {
    const gunzip = createGunzip();
    file.on('error', (error) => gunzip.destroy(error));
    file.pipe(gunzip);
    source = gunzip;
  }
  const splitter = new LineSplitter(origin, limits.maxSize);
  let total = 0;
  let first = true;
  let utf16: TextDecoder | null = null;
  let any = false;
  try {
    for await (const raw of source) {
      let chunk = raw;
      if (first) {
        first = false;
        const { encoding, bom } = sniffBom(chunk);
        if (encoding !== 'utf-8') utf16 = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
        else {
          const binary = binaryReason(chunk);
          if (binary) {
            yield new InputError(origin, binary, undefined, 'binary');
            return;
          }
        }
        chunk = chunk.subarray(bom);
      }
      total += raw.length;
      if (gzip && total > limits.maxUnzipped) {
        // the lines that end within the limit are read; the rest is refused
        const within = chunk.length - (total - limits.maxUnzipped);
        if (!utf16) for (const item of splitter.push(chunk.subarray(0, Math.max(0, within)))) yield item;
        yield new InputError(
          origin,
          `gzip data decompresses to more than ${formatSize(limits.maxUnzipped)} (from ${formatSize(stat.size)}); the rest of the file is refused as a possible compression bomb (raise --max-unzipped to read it)`,
          undefined,
          'unzip-limit',
        );
        return;
      }
      if (utf16) {
        try {
          chunk = Buffer.from(utf16.decode(chunk, { stream: true }), 'utf8');
        } catch {
          yield new InputError(origin, `not valid UTF-16 text after line ${splitter.line - 1}; the rest of the file is skipped`, undefined, 'encoding');
          return;
        }
      }
      for (const item of splitter.push(chunk)) {
        any = true;
        yield item;
      }
    }
    for (const item of splitter.end()) {
      any = true;
      yield item;
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code.startsWith('Z_')) {
      yield new InputError(origin, `not valid gzip data after line ${splitter.line - 1} (${(error as Error).message}); the rest of the file is skipped`, undefined, 'gzip');
    } else {
      yield ioError(error, origin);
    }
    return;
  } finally {
    file.destroy();
    await handle.close().catch(() => undefined);
  }
  if (!any) yield new InputError(origin, 'the file holds no JSON lines', undefined, 'empty');
}

/** Splits a byte stream at \n; a line longer than maxSize is reported, never held. */
export class LineSplitter {
  /** the number of the line being read */
  line = 1;
  private parts: Buffer[] = [];
  private length = 0;
  private overflow = false;

  constructor(
    private readonly origin: string,
    private readonly maxSize: number,
  ) {}

  *push(chunk: Buffer): Generator<Line | InputError> {
    let start = 0;
    for (let nl = chunk.indexOf(10, start); nl >= 0; nl = chunk.indexOf(10, start)) {
      this.add(chunk.subarray(start, nl));
      start = nl + 1;
      const item = this.finish(1);
      if (item) yield item;
    }
    this.add(chunk.subarray(start));
  }

  *end(): Generator<Line | InputError> {
    if (this.length > 0 || this.overflow) {
      const item = this.finish(0);
      if (item) yield item;
    }
  }

  private add(part: Buffer): void {
    this.length += part.length;
    if (this.overflow) return;
    if (this.length > this.maxSize) {
      this.overflow = true;
      this.parts = [];
    } else if (part.length > 0) this.parts.push(part);
  }

  private finish(newline: number): Line | InputError | null {
    const line = this.line++;
    const bytes = this.length + newline;
    const overflow = this.overflow;
    const parts = this.parts;
    this.parts = [];
    this.length = 0;
    this.overflow = false;
    if (overflow) {
      return new InputError(this.origin, `line is ${formatSize(bytes)}, over the ${formatSize(this.maxSize)} limit for one document (--max-size)`, line, 'too-large');
    }
    let buffer = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
    if (buffer.length > 0 && buffer[buffer.length - 1] === 13) buffer = buffer.subarray(0, -1);
    if (!isUtf8(buffer)) {
      return new InputError(this.origin, `line is not valid UTF-8 text (bad byte at column ${firstInvalidUtf8(buffer) + 1}); convert the file to UTF-8 first`, line, 'encoding');
    }
    const text = buffer.toString('utf8');
    if (!text.trim()) return null;
    return { line, text, bytes };
  }
}

export function ioError(error: unknown, origin: string): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new InputError(origin, 'cannot read it: the file does not exist (moved or deleted, or a link to nothing)', undefined, 'not-found');
  if (code === 'EACCES' || code === 'EPERM') return new InputError(origin, 'cannot read it: permission denied', undefined, 'unreadable');
  if (code === 'EISDIR') return notAFile(origin, true);
  if (code === 'ELOOP') return new InputError(origin, 'cannot read it: a symbolic link loop', undefined, 'symlink-loop');
  return new InputError(origin, `cannot read it: ${code ?? (error as Error).message}`, undefined, 'unreadable');
}

export function notAFile(origin: string, directory: boolean): InputError {
  return new InputError(origin, directory ? 'cannot read it: it is a folder, not a file' : 'cannot read it: not a regular file (a device, socket or pipe)', undefined, 'unreadable');
}
