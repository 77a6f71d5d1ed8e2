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

/**
 * A file-system error met while writing the dataset folder `out`, in plain words, or null
 * when it is not one a user can act on. `resume` is the command that finishes the run once
 * the problem is fixed, when the work so far was kept.
 */
export function outFolderError(error: unknown, out: string, resume: string | null): UsageError | null {
  const { code, path } = (error ?? {}) as NodeJS.ErrnoException;
  const where = path ? ` (${path})` : '';
  const then = resume ? `; what was saved at the last checkpoint is kept: once fixed, run ${resume}` : '';
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return new UsageError(`cannot write the dataset in ${out}: permission denied${where}; give an --out folder you can write to, or change its permissions${then}`);
    case 'EROFS':
      return new UsageError(`cannot write the dataset in ${out}: the file system is read-only${where}; give an --out folder on a writable disk${then}`);
    case 'ENOSPC':
    case 'EDQUOT':
      return new UsageError(`cannot write the dataset in ${out}: the disk is full${code === 'EDQUOT' ? ' (disk quota reached)' : ''}${where}; free some space or give another --out folder${then}`);
    case 'EIO':
      return new UsageError(`cannot write the dataset in ${out}: the disk reported an input/output error${where}${then}`);
    case 'ENOTDIR':
      return new UsageError(`cannot write the dataset in ${out}: a part of that path is a file, not a folder${where}`);
    default:
      return null;
  }
}
