// The sitrep command line: one module per command, loaded when called; typed errors
// become exit codes here and nowhere else (0 ok, 1 some documents failed, 2 misuse).
import { readFileSync } from 'node:fs';
import { Argument, Command, CommanderError, Option } from 'commander';
import { InputError, UsageError } from '../io/errors.js';
import { LexiconError } from '../lexicons/load.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function program(): Command {
  const cli = new Command('sitrep')
    .description('Turn conflict and security news into evidence-linked JSON event records.')
    .version(pkg.version, '-v, --version')
    .showHelpAfterError('(run sitrep --help for usage)')
    .exitOverride();

  cli
    .command('extract')
    .description('extract document records from articles: files, folders, or - for standard input')
    .argument('<paths...>', '.txt, .md or .jsonl files, folders (walked recursively), or - for stdin')
    .option('-o, --out <dir>', 'write the dataset into this folder instead of JSONL on stdout')
    .option('--pretty', 'indent each record (for reading, not for JSONL tools)')
    .option('--lexicon <file>', 'add a lexicon file (JSON); repeatable', collect, [])
    .addOption(new Option('--published <date>', 'publication date (YYYY-MM-DD) for articles that carry none').argParser(isoDate))
    .option('-q, --quiet', 'print no summary')
    .action(async (paths: string[], options) => {
      const { extract } = await import('./extract.js');
      process.exitCode = await extract(paths, options);
    });

  cli
    .command('eval')
    .description('score extraction against gold annotations: sitrep gold JSONL, CoNLL BIO, coded event tables, PLOVER records')
    .argument('<gold>', 'the gold file')
    .option('--pred <records.jsonl>', 'score these records instead of running the pipeline')
    .addOption(new Option('--format <format>', 'the gold format (detected from the file when not given)').choices(['sitrep', 'conll', 'events', 'plover']))
    .option('--json', 'print the scores as JSON')
    .option('--errors <n>', 'list the N worst documents with what was missed and what was spurious', (v) => positiveInt(v, '--errors'))
    .option('--min <key=value>', 'exit 1 when a score is below a threshold, e.g. entities.f=0.8; repeatable', collect, [])
    .option('--lexicon <file>', 'add a lexicon file (JSON); repeatable', collect, [])
    .action(async (gold: string, options) => {
      const { evaluate } = await import('./eval.js');
      process.exitCode = await evaluate(gold, options);
    });

  cli
    .command('diff')
    .description('compare two runs of an extractor over the same documents')
    .argument('<old>', 'records (JSONL) of the first run')
    .argument('<new>', 'records (JSONL) of the second run')
    .option('--json', 'print the differences as JSON')
    .option('--fail-on-change', 'exit 1 when anything changed')
    .action(async (before: string, after: string, options) => {
      const { diff } = await import('./diff.js');
      process.exitCode = await diff(before, after, options);
    });

  cli
    .command('golden')
    .description('pin the records of a folder of articles in golden files, and check them')
    .addArgument(new Argument('<action>', 'update writes the golden files, check compares a fresh run with them').choices(['check', 'update']))
    .argument('<dir>', 'the folder of articles (.txt, .md)')
    .option('--golden-dir <dir>', 'where the golden files are (default: beside the articles)')
    .option('--lexicon <file>', 'add a lexicon file (JSON); repeatable', collect, [])
    .action(async (action: 'check' | 'update', dir: string, options) => {
      const { golden } = await import('./golden.js');
      process.exitCode = await golden(action, dir, options);
    });

  return cli;
}

function positiveInt(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${flag} takes a whole number, not "${value}"`);
  return n;
}

function isoDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new UsageError(`--published takes a date like 2024-03-16, not "${value}"`);
  }
  return value;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await program().parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with code 0; misuse with a message already printed
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof UsageError || error instanceof LexiconError) {
      process.stderr.write(`sitrep: ${error.message}\n`);
      return 2;
    }
    if (error instanceof InputError) {
      process.stderr.write(`sitrep: ${error.where}: ${error.message}\n`);
      return 1;
    }
    process.stderr.write(`sitrep: unexpected error: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
