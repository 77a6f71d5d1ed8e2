// The sitrep command line: one module per command, loaded when called; typed errors
// become exit codes here and nowhere else (0 ok, 1 some documents failed, 2 misuse).
import { readFileSync } from 'node:fs';
import { Argument, Command, CommanderError, Option } from 'commander';
import { InputError, UsageError } from '../io/errors.js';
import { DEFAULT_OUTPUTS } from '../io/outputs/index.js';
import { LexiconError } from '../lexicons/load.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

const collect = (value: string, previous: string[] = []) => [...previous, value];
const list = (value: string) => value.split(',').map((v) => v.trim()).filter(Boolean);

export function program(): Command {
  const cli = new Command('sitrep')
    .description('Turn conflict and security news into evidence-linked JSON event records.')
    .version(pkg.version, '-v, --version')
    .showHelpAfterError('(run sitrep --help for usage)')
    .exitOverride();

  cli
    .command('extract')
    .description('extract document records from articles: files, folders, or - for standard input')
    .argument('<paths...>', '.txt, .md, .html, .json or .jsonl files (or .gz of each), folders (walked recursively), or - for stdin')
    .option('-o, --out <dir>', 'write the dataset into this folder instead of JSONL on stdout')
    .option('--outputs <names>', `the files of the dataset, comma-separated (default: ${DEFAULT_OUTPUTS.join(',')}); errors.jsonl and run.json are always written`, list)
    .option('--pretty', 'indent each record (for reading, not for JSONL tools)')
    .option('--lexicon <file>', 'add a lexicon file (JSON); repeatable', collect, [])
    .addOption(new Option('--published <date>', 'publication date (YYYY-MM-DD) for articles that carry none').argParser(isoDate))
    .option('--include <glob>', 'read only the files of a folder that match this glob (e.g. "**/*.html"); repeatable', collect, [])
    .option('--exclude <glob>', 'leave out the files and folders that match this glob (e.g. "drafts/**"); repeatable', collect, [])
    .option('-j, --concurrency <n>', 'threads that run the pipeline (default: the number of cores)')
    .option('--resume', 'finish an interrupted run into the same --out folder')
    .option('--allow-errors', 'exit 0 even when some documents failed')
    .option('--format <format>', 'with --out, also write acled (events-acled.csv), plover (events-plover.jsonl) or geojson (events.geojson); repeatable', collect, [])
    .option('--link', 'with --out, also join the events of all documents into incidents (incidents.jsonl, incidents.csv)')
    .option('--max-size <size>', 'largest document read: a file, or one JSONL line (default 10MB)')
    .option('--max-unzipped <size>', 'most a gzip file may decompress to (default 1GB)')
    .option('--max-memory <size>', 'heap of each worker thread (default 384MB)')
    .option('--max-seconds <n>', 'time budget of one document, in seconds; a document over it fails as a timeout (default 60)')
    .option('-q, --quiet', 'print no progress and no summary')
    .action(async (paths: string[], options) => {
      const { extract } = await import('./extract.js');
      process.exitCode = await extract(paths, options);
    });

  cli
    .command('export')
    .description('write a dataset again in the formats other tools read: ACLED CSV, PLOVER JSON lines, GeoJSON')
    .argument('<dataset>', 'a dataset folder written by sitrep extract ARTICLES --out DIR')
    .option('--format <format>', 'acled (events-acled.csv), plover (events-plover.jsonl) or geojson (events.geojson); repeatable', collect, [])
    .option('-q, --quiet', 'print nothing but errors')
    .action(async (dir: string, options) => {
      const { exportCommand } = await import('./export.js');
      process.exitCode = await exportCommand(dir, options);
    });

  cli
    .command('link')
    .description('join the events of a dataset that several articles report into incidents (incidents.jsonl, incidents.csv)')
    .argument('<dataset>', 'a dataset folder written by sitrep extract ARTICLES --out DIR')
    .option('--format <format>', 'also write the incidents as acled (incidents-acled.csv: one row per incident); repeatable', collect, [])
    .option('-q, --quiet', 'print nothing but errors')
    .action(async (dir: string, options) => {
      const { linkCommand } = await import('./link.js');
      process.exitCode = await linkCommand(dir, options);
    });

  cli
    .command('eval')
    .description('score extraction against gold annotations: sitrep gold JSONL, CoNLL BIO, coded event tables, PLOVER records')
    .argument('<gold>', 'the gold file')
    .option('--pred <records.jsonl>', 'score these records instead of running the pipeline')
    .addOption(new Option('--format <format>', 'the gold format (detected from the file when not given)').choices(['sitrep', 'conll', 'events', 'plover', 'giveme5w1h']))
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

  cli
    .command('view')
    .description('show one article in the browser: a self-contained HTML page with its entities, dates, quantities and events highlighted')
    .argument('<article>', 'an article (.txt, .md, .html, or - for stdin), a document record (.json), or a JSONL file of articles or records')
    .option('-o, --out <file.html>', 'write the page into this file instead of standard output')
    .option('--doc <id>', 'the document to show from a .json or .jsonl file that holds several')
    .option('--lexicon <file>', 'add a lexicon file (JSON); repeatable', collect, [])
    .addOption(new Option('--published <date>', 'publication date (YYYY-MM-DD) for an article that carries none').argParser(isoDate))
    .action(async (article: string, options) => {
      const { view } = await import('./view.js');
      process.exitCode = await view(article, options);
    });

  cli
    .command('report')
    .description('show a dataset in the browser: events over time, a map, counts and a searchable table, in one self-contained HTML page')
    .argument('<dir>', 'a dataset folder written by sitrep extract --out DIR (or its documents.jsonl)')
    .option('-o, --out <file.html>', 'write the page into this file instead of standard output')
    .option('--title <text>', 'the title of the report (default: the folder name)')
    .action(async (dir: string, options) => {
      const { report } = await import('./report.js');
      process.exitCode = await report(dir, options);
    });

  const redisOption = () =>
    new Option('--redis <url>', 'the Redis server holding the queue, e.g. redis://127.0.0.1:6379 (default: $SITREP_REDIS)').env('SITREP_REDIS').makeOptionMandatory();
  const queueOption = () => new Option('--queue <name>', 'the queue (one per dataset)').default('sitrep');
  const queue = cli.command('queue').description('distributed extraction on Redis (BullMQ): queue documents, see progress, collect the dataset; `sitrep worker` does the work');

  queue
    .command('add')
    .description('queue one job per document (a document already queued or done, by doc.id, is not queued again)')
    .argument('<paths...>', 'files, folders (walked recursively) or - for stdin, as for extract')
    .addOption(redisOption())
    .addOption(queueOption())
    .option('--lexicon <file>', 'add a lexicon file (JSON); repeatable; workers must be started with the same', collect, [])
    .addOption(new Option('--published <date>', 'publication date (YYYY-MM-DD) for articles that carry none; workers must be started with the same').argParser(isoDate))
    .option('--include <glob>', 'read only the files of a folder that match this glob; repeatable', collect, [])
    .option('--exclude <glob>', 'leave out the files and folders that match this glob; repeatable', collect, [])
    .option('--max-size <size>', 'largest document read: a file, or one JSONL line (default 10MB)')
    .option('--max-unzipped <size>', 'most a gzip file may decompress to (default 1GB)')
    .option('-q, --quiet', 'print no summary')
    .action(async (paths: string[], options) => {
      const { queueAdd } = await import('./queue.js');
      process.exitCode = await queueAdd(paths, options);
    });

  queue
    .command('collect')
    .description('write the finished documents of the queue into a dataset folder, as extract --out does (it can run while workers are busy)')
    .addOption(redisOption())
    .addOption(queueOption())
    .requiredOption('-o, --out <dir>', 'the dataset folder (created if missing; its dataset files are replaced)')
    .option('--wait', 'wait until no document is waiting or being worked on, then collect')
    .option('--outputs <names>', `the files of the dataset, comma-separated (default: ${DEFAULT_OUTPUTS.join(',')})`, list)
    .option('--allow-errors', 'exit 0 even when some documents failed')
    .option('--format <format>', 'also write acled, plover or geojson files beside the dataset (see sitrep export); repeatable', collect, [])
    .option('--link', 'also join the events of all documents into incidents (incidents.jsonl, incidents.csv)')
    .option('-q, --quiet', 'print no summary')
    .action(async (options) => {
      const { queueCollect } = await import('./queue.js');
      process.exitCode = await queueCollect(options);
    });

  queue
    .command('status')
    .description('count the documents waiting, active, done and failed')
    .addOption(redisOption())
    .addOption(queueOption())
    .option('--json', 'print the counts as JSON')
    .action(async (options) => {
      const { queueStatusCommand } = await import('./queue.js');
      process.exitCode = await queueStatusCommand(options);
    });

  cli
    .command('worker')
    .description('run the pipeline on the documents of a queue until stopped; start any number, on any number of machines')
    .addOption(redisOption())
    .addOption(queueOption())
    .option('--lexicon <file>', 'add a lexicon file (JSON); repeatable; the same as the queue add', collect, [])
    .addOption(new Option('--published <date>', 'publication date (YYYY-MM-DD) for articles that carry none; the same as the queue add').argParser(isoDate))
    .option('-j, --concurrency <n>', 'documents worked on at once, each in its own thread (default: the number of cores)')
    .option('--lock-duration <ms>', 'how long a job stays locked without a sign of life from its worker (default 30000)')
    .option('--stalled-interval <ms>', 'how often to look for jobs whose worker died, to put them back in the queue (default 30000)')
    .option('--max-memory <size>', 'heap of each worker thread (default 384MB); a document that needs more fails as a crash')
    .option('--max-seconds <n>', 'time budget of one document, in seconds; a document over it fails as a timeout (default 60)')
    .option('-q, --quiet', 'print nothing but errors')
    .action(async (options) => {
      const { worker } = await import('./worker.js');
      process.exitCode = await worker(options);
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

// "sitrep extract … | head": a reader that stops early is not an error
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2));
