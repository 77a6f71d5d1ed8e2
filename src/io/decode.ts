// Bytes to text. sitrep reads UTF-8 (with or without a byte-order mark) and UTF-16 with a
// byte-order mark; anything else is refused with a reason that says what the bytes look like.
import { isUtf8 } from 'node:buffer';
import { InputError } from './errors.js';

/** Well-known binary formats, by their first bytes, for a clearer refusal. */
const MAGIC: Array<[number[], string]> = [
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (or a .docx/.xlsx/.epub)'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x1f, 0x8b], 'gzip-compressed data; name the file with .gz at the end (article.txt.gz) and sitrep decompresses it'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'a Microsoft Office document'],
];

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** The encoding announced by a byte-order mark, and the mark's length. */
export function sniffBom(bytes: Uint8Array): { encoding: TextEncoding; bom: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe && !(bytes[2] === 0 && bytes[3] === 0)) return { encoding: 'utf-16le', bom: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  return { encoding: 'utf-8', bom: 0 };
}

/** Why these bytes are not text, or null when they may be: NUL bytes or a known binary signature. */
export function binaryReason(bytes: Uint8Array): string | null {
  for (const [magic, what] of MAGIC) {
    if (magic.every((b, i) => bytes[i] === b)) return `not a text file: ${what}`;
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) return 'UTF-32 text, which sitrep does not read; convert it to UTF-8 first';
  const nul = bytes.indexOf(0);
  if (nul < 0) return null;
  // UTF-16 without a byte-order mark: every other byte of ASCII text is 0
  const sample = bytes.subarray(0, Math.min(bytes.length, 512));
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) (i % 2 ? oddZero++ : evenZero++);
  if (sample.length >= 8 && Math.max(evenZero, oddZero) > sample.length * 0.35 && Math.min(evenZero, oddZero) < sample.length * 0.05) {
    return 'looks like UTF-16 text without a byte-order mark; save it as UTF-8 (or UTF-16 with a BOM)';
  }
  return `not a text file (binary content at byte ${nul})`;
}

/** Offset of the first byte that breaks UTF-8, for the error message. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * Decode a whole file's bytes to text, or throw an InputError that says why not (binary,
 * invalid UTF-8 with the offset of the first bad byte, unpaired UTF-16 surrogates).
 */
export function decodeText(bytes: Uint8Array, origin: string): string {
  const { encoding, bom } = sniffBom(bytes);
  if (bom === 0 || encoding === 'utf-8') {
    const binary = binaryReason(bytes);
    if (binary) throw new InputError(origin, binary, undefined, 'binary');
  }
  const body = bytes.subarray(bom);
  if (encoding === 'utf-8') {
    if (!isUtf8(body)) {
      if (controlShare(body) > 0.05) throw new InputError(origin, 'not a text file (binary content: control bytes throughout)', undefined, 'binary');
      const at = firstInvalidUtf8(body) + bom;
      throw new InputError(
        origin,
        `not valid UTF-8 text (byte 0x${(bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, '0')} at offset ${at} starts no UTF-8 character); ` +
          'convert it to UTF-8 first, e.g. iconv -f WINDOWS-1252 -t UTF-8',
        undefined,
        'encoding',
      );
    }
    return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  }
  if (body.length % 2 !== 0) throw new InputError(origin, `not valid ${encoding.toUpperCase()} text (an odd number of bytes after the byte-order mark)`, undefined, 'encoding');
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    throw new InputError(origin, `not valid ${encoding.toUpperCase()} text (an unpaired surrogate); convert it to UTF-8 first`, undefined, 'encoding');
  }
}

/** The share of control bytes (other than tab, line feed, form feed and carriage return) in the first 4 KB. */
function controlShare(bytes: Uint8Array): number {
  const n = Math.min(bytes.length, 4096);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if ((b < 0x20 && b !== 9 && b !== 10 && b !== 12 && b !== 13) || b === 0x7f) control++;
  }
  return n ? control / n : 0;
}
