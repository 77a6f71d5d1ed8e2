// Crash-safe, resumable dataset runs: the work folder and its journal.
//
// While a run is unfinished, everything it writes lives in OUT/.sitrep-run/:
//
//   documents.jsonl, events.jsonl, events.csv, errors.jsonl   the data so far, in input order
//   journal.jsonl                                             a header line, then checkpoints
//
// The input is a sequence of units (a file, a JSONL line, a JSON array item, or a problem
// found while walking the folders), numbered in input order; the same paths, files and options
// give the same sequence, and the header's fingerprint says which sequence this is. Each unit's
// outcome (a record with its event rows, or an error line) is appended to the data files
// strictly in unit order, whichever worker finished first.
//
// A checkpoint flushes the buffers, fdatasyncs the four data files, and only then appends
//   {"units": N, "bytes": {"documents.jsonl": …, …}, "counts": {…}, "seconds": s}
// to the journal and fdatasyncs it: a checkpoint never claims bytes that are not on disk.
// Checkpoints are taken every second or so while the run goes on.
//
// A kill at any moment (SIGKILL, a crash, a power cut) leaves data files at least as long as
// the last checkpoint says, perhaps longer (units after it, perhaps a torn last line), and a
// journal whose last line may be torn. `--resume` reads the header (and refuses if the input
// or the options changed), takes the last complete checkpoint, truncates each data file to the
// size it gives, and goes on from unit N+1, passing over the first N units without processing
// them. Every unit is so written exactly once, and the files end byte-identical to those of an
// uninterrupted run.
//
// Finishing: a last checkpoint with "done": true; each data file is renamed into OUT (replacing
// the files of an earlier run there only now, so OUT holds a whole dataset at every moment);
// run.json is written to a temporary name, synced and renamed; the work folder is removed. A
// kill while finishing is finished by --resume: a data file still in the work folder is cut to
// its size and moved, one already moved is left as it is.
//
// The work folder is created with mkdir, which fails when it exists, so two runs cannot share
// an output folder; an interrupted run's folder stays until it is resumed or deleted.
import { closeSync, existsSync, fdatasyncSync, fsyncSync, lstatSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, truncateSync, writeSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import PQueue from 'p-queue';
import type { OutputFormat } from '../io/outputs/index.js';
import { UsageError } from '../io/errors.js';

export const WORK_FOLDER = '.sitrep-run';
/** The errors of a run, one JSON line per input left out. */
export const ERRORS_FILE = 'errors.jsonl';
/**
 * The doc.id and source of each document written, one "id<TAB>source" line each: what a
 * resumed run needs to know which ids it has seen (for duplicates). It stays in the work
 * folder and goes with it.
 */
export const IDS_FILE = 'ids.tsv';
const JOURNAL = 'journal.jsonl';
const FORMAT = 'sitrep.journal/1';

export interface Counts {
  documents: number;
  failed: number;
  events: number;
  entities: number;
  /** failures by InputErrorCode */
  errors: Record<string, number>;
}

export interface Checkpoint {
  units: number;
  bytes: Record<string, number>;
  counts: Counts;
  /** seconds spent by the sessions of this run so far */
  seconds: number;
  done?: boolean;
}

interface Header {
  journal: string;
  fingerprint: string;
  /** what the fingerprint covers, to say what changed */
  inputs: string;
  options: string;
  code: string;
}

export const emptyCounts = (): Counts => ({ documents: 0, failed: 0, events: 0, entities: 0, errors: {} });

/** What a run's identity is made of: hashes of the input files, of the options, and of sitrep's code and lexicons. */
export interface Identity {
  inputs: string;
  options: string;
  code: string;
}

/** Bytes buffered before a file is written out (between checkpoints). */
const FLUSH_BYTES = 1 << 20;
/** Flushes allowed to wait before the run waits for them: the writing side's backpressure. */
const PENDING_FLUSHES = 8;

/**
 * The work folder of a dataset run: opened fresh or resumed, appended to in unit order,
 * checkpointed, and finished into the output folder.
 */
export class RunFolder {
  readonly dir: string;
  private readonly handles = new Map<string, FileHandle>();
  private readonly buffered = new Map<string, Array<string | Uint8Array>>();
  private bufferedBytes = 0;
  private readonly written: Record<string, number>;
  /** the files of the work folder: the outputs', errors.jsonl and ids.tsv */
  private readonly files: string[];
  private journal = -1;
  private readonly writes = new PQueue({ concurrency: 1 });
  /** units whose outcome is written (or buffered) */
  units: number;
  counts: Counts;
  /** seconds of earlier sessions */
  readonly earlierSeconds: number;
  /** the run is resumed from an earlier, interrupted session */
  readonly resumed: boolean;

  private constructor(
    readonly out: string,
    private readonly outputs: readonly OutputFormat[],
    checkpoint: Checkpoint,
    resumed: boolean,
  ) {
    this.dir = join(out, WORK_FOLDER);
    this.files = filesOf(outputs);
    this.units = checkpoint.units;
    this.counts = structuredClone(checkpoint.counts);
    this.written = { ...checkpoint.bytes };
    this.earlierSeconds = checkpoint.seconds;
    this.resumed = resumed;
  }

  /**
   * Open the work folder of OUT: a new one, or (with resume) the interrupted run's, cut back
   * to its last checkpoint. Refuses an interrupted run without resume, and a resume whose
   * input or options changed.
   */
  static async open(out: string, identity: Identity, resume: boolean, outputs: readonly OutputFormat[]): Promise<RunFolder> {
    const dir = join(out, WORK_FOLDER);
    if (existsSync(out) && !statSync(out).isDirectory()) throw new UsageError(`--out ${out} is a file; give a folder (it is created if missing)`);
    mkdirSync(out, { recursive: true });
    const state = resume ? readJournal(dir) : null;
    if (!resume && existsSync(dir)) {
      throw new UsageError(
        `${out} holds an interrupted run (${join(out, WORK_FOLDER)}); add --resume to finish it, or delete that folder to start over`,
      );
    }
    if (state && state.header) {
      const changed = [
        state.header.inputs !== identity.inputs ? 'the input files' : '',
        state.header.options !== identity.options ? 'the options' : '',
        state.header.code !== identity.code ? "sitrep's code or lexicons" : '',
      ].filter(Boolean);
      if (changed.length) {
        throw new UsageError(
          `cannot resume the run in ${out}: ${changed.join(' and ')} changed since it was interrupted; ` +
            `run the same command as before with --resume, or delete ${dir} to start over`,
        );
      }
      if (state.checkpoint) {
        const folder = new RunFolder(out, outputs, state.checkpoint, true);
        await folder.reopen(state.length);
        return folder;
      }
    }
    // a new run (or an interrupted one that had not written its first checkpoint)
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    const headers = new Map(outputs.map((o) => [o.name, o.header ?? '']));
    const bytes = Object.fromEntries(filesOf(outputs).map((f) => [f, Buffer.byteLength(headers.get(f) ?? '')]));
    const folder = new RunFolder(out, outputs, { units: 0, bytes, counts: emptyCounts(), seconds: 0 }, false);
    await folder.create({ journal: FORMAT, fingerprint: `${identity.inputs}:${identity.options}:${identity.code}`, ...identity });
    return folder;
  }

  private async create(header: Header): Promise<void> {
    for (const name of this.files) {
      const handle = await open(join(this.dir, name), 'wx');
      const header = this.outputs.find((o) => o.name === name)?.header;
      if (header) await handle.write(header);
      await handle.datasync();
      this.handles.set(name, handle);
      this.buffered.set(name, []);
    }
    this.journal = openSync(join(this.dir, JOURNAL), 'wx');
    appendSynced(this.journal, `${JSON.stringify(header)}\n`);
    this.appendCheckpoint(false, 0);
  }

  /** Cut the data files back to the checkpoint, and the journal to its whole lines, and reopen them for appending. */
  private async reopen(journalLength: number): Promise<void> {
    for (const name of this.files) {
      const path = join(this.dir, name);
      const stat = lstatSync(path, { throwIfNoEntry: false });
      if (!stat || !stat.isFile() || this.written[name] === undefined) {
        throw new UsageError(`cannot resume: ${path} is missing; delete ${this.dir} to start over`);
      }
      if (stat.size < this.written[name]) {
        throw new UsageError(`cannot resume: ${path} is shorter than the journal says (${stat.size} < ${this.written[name]} bytes); delete ${this.dir} to start over`);
      }
      truncateSync(path, this.written[name]);
      this.handles.set(name, await open(path, 'a'));
      this.buffered.set(name, []);
    }
    truncateSync(join(this.dir, JOURNAL), journalLength);
    this.journal = openSync(join(this.dir, JOURNAL), 'a');
  }

  /** Append one unit's lines to the data files (buffered; written in the background). */
  async append(lines: Partial<Record<string, string | Uint8Array>>): Promise<void> {
    for (const name of this.files) {
      const data = lines[name];
      if (!data?.length) continue;
      this.buffered.get(name)!.push(data);
      this.bufferedBytes += data.length;
    }
    this.units++;
    if (this.bufferedBytes >= FLUSH_BYTES) {
      this.flush();
      // backpressure: the run waits when the disk falls behind
      if (this.writes.size >= PENDING_FLUSHES) await this.writes.onSizeLessThan(PENDING_FLUSHES / 2);
    }
  }

  /** Queue what is buffered to be written, in order. */
  private flush(): void {
    for (const name of this.files) {
      const parts = this.buffered.get(name)!;
      if (parts.length === 0) continue;
      this.buffered.set(name, []);
      const data = Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : part)));
      const handle = this.handles.get(name)!;
      this.written[name] = (this.written[name] ?? 0) + data.length;
      void this.writes.add(() => writeAll(handle, data));
    }
    this.bufferedBytes = 0;
  }

  /** Make everything appended so far durable, then record it in the journal. */
  async checkpoint(seconds: number, done = false): Promise<void> {
    this.flush();
    await this.writes.onIdle();
    for (const handle of this.handles.values()) await handle.datasync();
    this.appendCheckpoint(done, seconds);
  }

  private appendCheckpoint(done: boolean, seconds: number): void {
    const checkpoint: Checkpoint = { units: this.units, bytes: { ...this.written }, counts: this.counts, seconds: Number((this.earlierSeconds + seconds).toFixed(3)) };
    if (done) checkpoint.done = true;
    appendSynced(this.journal, `${JSON.stringify(checkpoint)}\n`);
  }

  /** Close the files, leaving the work folder for --resume. */
  async close(): Promise<void> {
    for (const handle of this.handles.values()) await handle.close();
    this.handles.clear();
    if (this.journal >= 0) closeSync(this.journal);
    this.journal = -1;
  }

  /**
   * The last checkpoint is taken (done): move the data files into OUT, write run.json,
   * remove the work folder.
   */
  /** The ids of the documents written so far, each with where it came from (for duplicates). */
  seenIds(): Map<string, string> {
    const seen = new Map<string, string>();
    if (!this.resumed) return seen;
    const text = readFileSync(join(this.dir, IDS_FILE)).subarray(0, this.written[IDS_FILE]).toString('utf8');
    for (const line of text.split('\n')) {
      const tab = line.indexOf('\t');
      if (tab > 0) seen.set(line.slice(0, tab), line.slice(tab + 1));
    }
    return seen;
  }

  async finish(runJson: string): Promise<void> {
    await this.close();
    moveInto(this.out, this.dir, this.written);
    writeAtomically(join(this.out, 'run.json'), runJson);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * A run whose last checkpoint is "done" but that was killed while finishing: returns the
 * checkpoint so the caller can write run.json, after moving what is left into OUT.
 */
export function finishedCheckpoint(out: string): Checkpoint | null {
  const dir = join(out, WORK_FOLDER);
  const state = readJournal(dir);
  if (!state?.checkpoint?.done) return null;
  return state.checkpoint;
}

/** Move the data files of a done run into OUT and remove the work folder. */
export function completeFinishedRun(out: string, checkpoint: Checkpoint, runJson: string): void {
  const dir = join(out, WORK_FOLDER);
  moveInto(out, dir, checkpoint.bytes);
  writeAtomically(join(out, 'run.json'), runJson);
  rmSync(dir, { recursive: true, force: true });
}

/** The files of a work folder for these outputs. */
function filesOf(outputs: readonly OutputFormat[]): string[] {
  return [...outputs.map((o) => o.name), ERRORS_FILE, IDS_FILE];
}

/** Move the dataset files of a done run into OUT (all but ids.tsv, which goes with the work folder). */
function moveInto(out: string, dir: string, bytes: Record<string, number>): void {
  for (const name of Object.keys(bytes)) {
    if (name === IDS_FILE) continue;
    const from = join(dir, name);
    const stat = lstatSync(from, { throwIfNoEntry: false });
    if (!stat) continue; // moved before the interruption
    if (!stat.isFile()) throw new UsageError(`${from} is not a file; delete ${dir} to start over`);
    if (stat.size !== bytes[name]) truncateSync(from, bytes[name]);
    renameSync(from, join(out, name));
  }
  syncFolder(out);
}

/**
 * The journal's header and last complete checkpoint, and the length of its whole lines: a torn
 * last line (a kill in the middle of an append) is ignored, and cut off before appending again.
 */
function readJournal(dir: string): { header: Header | null; checkpoint: Checkpoint | null; length: number } | null {
  let text: string;
  try {
    text = readFileSync(join(dir, JOURNAL), 'utf8');
  } catch {
    return null;
  }
  const lines = text.split('\n');
  lines.pop(); // what follows the last newline is a torn line, or nothing
  let header: Header | null = null;
  let checkpoint: Checkpoint | null = null;
  let length = 0;
  for (const [i, line] of lines.entries()) {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      break;
    }
    if (i === 0) {
      const h = value as Header;
      if (h?.journal !== FORMAT) return { header: null, checkpoint: null, length: 0 };
      header = h;
    } else if (value && typeof (value as Checkpoint).units === 'number') checkpoint = value as Checkpoint;
    else break;
    length += Buffer.byteLength(line) + 1;
  }
  return { header, checkpoint, length };
}

async function writeAll(handle: FileHandle, data: Buffer): Promise<void> {
  let offset = 0;
  while (offset < data.length) {
    const { bytesWritten } = await handle.write(data, offset, data.length - offset);
    offset += bytesWritten;
  }
}

function appendSynced(fd: number, line: string): void {
  const data = Buffer.from(line, 'utf8');
  let offset = 0;
  while (offset < data.length) offset += writeSync(fd, data, offset, data.length - offset);
  fdatasyncSync(fd);
}

/** Write a whole file and sync it to disk. */
export function writeSynced(path: string, content: string): void {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function writeAtomically(path: string, content: string): void {
  const temporary = `${path}.tmp`;
  writeSynced(temporary, content);
  renameSync(temporary, path);
}

function syncFolder(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // some file systems cannot sync a folder; the renames are still atomic
  }
}
