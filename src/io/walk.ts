// The files a run reads: the paths given, in the order given, each folder walked recursively
// in sorted order (by UTF-16 code units, the same on every machine). Hidden files and folders,
// README.md files and golden files (*.golden.json) are passed over; links are followed, and a folder link that leads back
// into its own parent folders is reported as a loop instead of being walked forever.
import { readdirSync, statSync, type Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import { InputError, UsageError } from './errors.js';
import { formatOf, type FileFormat } from './formats.js';

export interface FileEntry extends FileFormat {
  /** the path to open */
  path: string;
  /** the path as reported: relative to the working folder when under it */
  origin: string;
  size: number;
  mtimeMs: number;
}

export interface StdinEntry {
  path: '-';
  origin: '-';
}

export type WalkEntry = FileEntry | StdinEntry | InputError;

export const isStdin = (entry: FileEntry | StdinEntry): entry is StdinEntry => entry.path === '-' && !('format' in entry);

export interface WalkOptions {
  /** globs a walked file must match (any of them), against its path inside the folder given */
  include?: string[];
  /** globs that leave out walked files and folders */
  exclude?: string[];
  /** folders never walked into (the run's own output folder) */
  skip?: string[];
}

const devIno = (s: Stats) => `${s.dev}:${s.ino}`;

export function originOf(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

/**
 * The entries of a run, in order: files with their format, "-" for standard input, and
 * InputErrors for what was found but cannot be read (loops, unreadable folders, dangling
 * links). A path given that does not exist is a UsageError.
 */
export function walkPaths(paths: string[], options: WalkOptions = {}): WalkEntry[] {
  const include = options.include?.length ? globs(options.include) : () => true;
  const exclude = options.exclude?.length ? globs(options.exclude) : () => false;
  const skip = new Set<string>();
  for (const dir of options.skip ?? []) {
    try {
      skip.add(devIno(statSync(dir)));
    } catch {
      // not there yet: nothing to skip
    }
  }
  const out: WalkEntry[] = [];
  const visited = new Set<string>();

  const walk = (dir: string, root: string, ancestors: string[]) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (error) {
      out.push(new InputError(originOf(dir), `cannot read the folder: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, undefined, 'unreadable'));
      return;
    }
    for (const name of names) {
      if (name.startsWith('.') || name === 'README.md' || isGoldenFile(name)) continue;
      const path = join(dir, name);
      const rel = relative(root, path).split(sep).join('/');
      let stat: Stats;
      try {
        stat = statSync(path);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ELOOP') out.push(new InputError(originOf(path), 'a symbolic link loop (the link leads back to itself); skipped', undefined, 'symlink-loop'));
        else if (formatOf(name) && include(rel) && !exclude(rel)) {
          out.push(new InputError(originOf(path), code === 'ENOENT' ? 'cannot read it: a symbolic link to a file that does not exist' : `cannot read it: ${code}`, undefined, code === 'ENOENT' ? 'not-found' : 'unreadable'));
        }
        continue;
      }
      if (stat.isDirectory()) {
        if (exclude(rel)) continue;
        const key = devIno(stat);
        if (skip.has(key)) continue;
        if (ancestors.includes(key)) {
          out.push(new InputError(originOf(path), 'a symbolic link loop (the folder link leads back into its own parent folder); skipped', undefined, 'symlink-loop'));
          continue;
        }
        if (visited.has(key)) continue; // the same folder, reached again through a link: read once
        visited.add(key);
        walk(path, root, [...ancestors, key]);
        continue;
      }
      const format = formatOf(name);
      if (!format || !include(rel) || exclude(rel)) continue;
      out.push({ path, origin: originOf(path), size: stat.size, mtimeMs: stat.mtimeMs, ...format });
    }
  };

  for (const path of paths) {
    if (path === '-') {
      out.push({ path: '-', origin: '-' });
      continue;
    }
    let stat: Stats;
    try {
      stat = statSync(path);
    } catch {
      throw new UsageError(`cannot find ${path}: no such file or folder`);
    }
    if (stat.isDirectory()) {
      const key = devIno(stat);
      if (visited.has(key) || skip.has(key)) continue;
      visited.add(key);
      walk(path, path, [key]);
      continue;
    }
    const format = formatOf(path);
    if (isGoldenFile(path)) {
      out.push(new InputError(originOf(path), 'a golden file (sitrep golden), not an article; sitrep extract does not read *.golden.json', undefined, 'format'));
      continue;
    }
    if (!format) {
      out.push(new InputError(originOf(path), `not a format sitrep reads (${extensionOf(path)}); sitrep reads .txt, .md, .html, .htm, .json and .jsonl, and .gz of each`, undefined, 'format'));
      continue;
    }
    out.push({ path, origin: originOf(path), size: stat.size, mtimeMs: stat.mtimeMs, ...format });
  }
  return out;
}

/** A golden file of `sitrep golden` (name.golden.json): never an article. */
const isGoldenFile = (name: string) => name.toLowerCase().endsWith('.golden.json');

function extensionOf(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot) : 'no extension';
}

/**
 * A matcher for globs against a path inside the walked folder ("sub/a.txt"): a glob with a
 * slash matches the whole path ("sub/**", "2024/*\/*.html"), one without matches the name at
 * any depth ("*.html", "drafts").
 */
function globs(patterns: string[]): (rel: string) => boolean {
  const withSlash = patterns.filter((p) => p.includes('/'));
  const withoutSlash = patterns.filter((p) => !p.includes('/'));
  const path = withSlash.length ? picomatch(withSlash, { dot: true }) : () => false;
  const name = withoutSlash.length ? picomatch(withoutSlash, { dot: true }) : () => false;
  return (rel) => path(rel) || name(rel.slice(rel.lastIndexOf('/') + 1));
}
