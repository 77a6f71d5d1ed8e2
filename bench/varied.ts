// npm run bench:varied: whole batch runs over distinct real documents, the check the main
// benchmark cannot make. bench/batch.ts reuses the sentences of a few dozen texts, so its runs
// meet a few thousand distinct words; a long run over real news meets new names, numbers and
// spellings all the time, which fills the per-word memos and wink's vocabulary, and which made
// records depend on what a worker had read before (docs/PERFORMANCE.md, "Varied text").
//
// The documents are the texts of ../shared/data, written to a temporary folder and never into
// the project: CoNLL-2003 train and dev cut into pieces of 35 sentences, the GVDB and WikiEvents
// articles, Giveme5W1H and ECB+. It runs `sitrep extract` with one worker and with one worker
// per core, and prints for each the documents/s, the peak RSS (from run.json), and whether
// the records are the same bytes.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConllDocs } from '../src/models/ner/prepare.js';
import { dataRoot, detokenize, ecbFiles, readEcbFile, readGiveme, readGvdb, readWikiEvents } from '../scripts/events/data.js';

const root = new URL('..', import.meta.url).pathname;
const SENTENCES_PER_PIECE = 35;

/** The distinct documents of ../shared/data, as plain texts. */
function texts(): string[] {
  const out: string[] = [];
  for (const split of ['train', 'dev']) {
    for (const doc of readConllDocs(join(dataRoot(), 'conll2003', `${split}.txt`))) {
      for (let i = 0; i < doc.sentences.length; i += SENTENCES_PER_PIECE) {
        const piece = doc.sentences.slice(i, i + SENTENCES_PER_PIECE);
        out.push(piece.map((s) => detokenize(s.tokens.map((t) => t.text)).text).join('\n\n'));
      }
    }
  }
  for (const split of ['dev', 'test'] as const) for (const a of readGvdb(split)) out.push(a.text);
  for (const split of ['dev', 'test'] as const) for (const a of readWikiEvents(split)) out.push(a.text);
  for (const a of readGiveme()) out.push(a.text);
  for (const f of ecbFiles()) out.push(readEcbFile(f.path).text);
  return out.filter((t) => t.length >= 300);
}

const build = spawnSync(process.execPath, ['scripts/build.js'], { cwd: root, encoding: 'utf8' });
if (build.status !== 0) throw new Error(`npm run build failed: ${build.stderr}`);
const tmp = mkdtempSync(join(tmpdir(), 'sitrep-varied-'));
const input = join(tmp, 'corpus');
mkdirSync(input);
const docs = texts();
docs.forEach((text, i) => writeFileSync(join(input, `${String(i).padStart(5, '0')}.txt`), text));
const words = new Set(docs.join(' ').toLowerCase().match(/\p{L}+/gu) ?? []);
console.log(`documents                      ${docs.length.toLocaleString('en')} distinct (${(docs.join('').length / 2 ** 20).toFixed(1)} MB, ${words.size.toLocaleString('en')} distinct lower-case words)`);

function extract(threads: number, name: string): Buffer {
  const out = join(tmp, name);
  const r = spawnSync(process.execPath, ['bin/sitrep.js', 'extract', input, '--out', out, '--quiet', '--allow-errors', '--concurrency', String(threads)], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`sitrep extract failed (${r.status}): ${r.stderr}`);
  const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as { documents: number; timing: { seconds: number; peak_rss_mb: number } };
  const label = `sitrep extract, ${threads} worker${threads > 1 ? 's' : ''}`.padEnd(31);
  console.log(`${label}${(run.documents / run.timing.seconds).toFixed(0)} docs/s, peak RSS ${run.timing.peak_rss_mb} MB`);
  return readFileSync(join(out, 'documents.jsonl'));
}

const cores = Math.max(2, availableParallelism());
const one = extract(1, 'one');
const all = extract(cores, 'all');
const again = extract(cores, 'again');
console.log(`same records                   ${one.equals(all) && all.equals(again) ? 'yes' : 'NO'}: 1 worker, ${cores} workers, ${cores} workers again`);
rmSync(tmp, { recursive: true, force: true });
