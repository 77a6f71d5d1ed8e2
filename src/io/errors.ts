// Typed errors, mapped to exit codes in one place (src/cli/main.ts).

/** The command line was misused: exit 2. */
export class UsageError extends Error {}

/**
 * What kind of input failure an InputError is; the dataset's errors.jsonl and the run's
 * summary count failures by it.
 */
export type InputErrorCode =
  | 'invalid' // the content is not what the format promises (the default)
  | 'not-found' // vanished since the folder was listed, or a link to nothing
  | 'unreadable' // the system refused to read it, or it is not a regular file
  | 'symlink-loop' // a folder link that leads back into its own parent folders
  | 'format' // an extension sitrep does not read
  | 'empty' // no bytes, or no article text in the markup
  | 'blank' // only white space
  | 'binary' // not text at all
  | 'encoding' // text, but not UTF-8 or UTF-16 with a byte-order mark
  | 'too-large' // over --max-size
  | 'unzip-limit' // gzip data that decompresses past --max-unzipped (a compression bomb)
  | 'gzip' // corrupt or truncated gzip data
  | 'json' // a JSON or JSONL record that does not parse or is not an article object
  | 'extraction' // the pipeline failed on the document
  | 'crash' // the worker processing the document died
  | 'timeout' // the document took longer than its time budget (--max-seconds)
  | 'duplicate'; // a document whose doc.id an earlier document of the input already has

/** One input could not be read or parsed; the others go on: exit 1 at the end. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly line?: number,
    readonly code: InputErrorCode = 'invalid',
  ) {
    super(message);
  }

  get where(): string {
    return this.line ? `${this.file}:${this.line}` : this.file;
  }
}
