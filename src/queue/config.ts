// The pipeline configuration of a queue: what makes two workers produce the same record for
// the same article. `queue add` stores it (and its hash) with the queue and in every job; a
// worker computes its own from its options and refuses jobs made with another.
import { createHash } from 'node:crypto';
import { lexiconVersions } from '../batch/run.js';
import { SITREP_VERSION } from '../io/dataset.js';

export interface PipelineConfig {
  /** sitrep's version */
  sitrep: string;
  /** hashes of the contents of the bundled lexicons and of each --lexicon file, in order */
  lexicons: { bundled: string; added: string[] };
  /** --published: the date for documents that carry none */
  published: string | null;
}

export interface ConfigOptions {
  lexicons: string[];
  published: string | null;
}

export function pipelineConfig(options: ConfigOptions): { hash: string; config: PipelineConfig } {
  const versions = lexiconVersions(options.lexicons);
  const config: PipelineConfig = {
    sitrep: SITREP_VERSION,
    lexicons: { bundled: versions.bundled, added: versions.added.map((a) => a.sha256) },
    published: options.published,
  };
  return { hash: createHash('sha256').update(JSON.stringify(config)).digest('hex').slice(0, 16), config };
}

/** What differs between the configuration of a queue and a worker's, in words. */
export function configDifferences(queue: PipelineConfig, mine: PipelineConfig): string[] {
  const out: string[] = [];
  if (queue.sitrep !== mine.sitrep) out.push(`the jobs were made for sitrep ${queue.sitrep}, this is sitrep ${mine.sitrep}`);
  if (queue.lexicons.bundled !== mine.lexicons.bundled) out.push("sitrep's bundled lexicons differ");
  const added = (list: string[]) => (list.length ? `${list.length} --lexicon file${list.length > 1 ? 's' : ''} (${list.join(', ')})` : 'no --lexicon');
  if (queue.lexicons.added.join() !== mine.lexicons.added.join()) out.push(`the jobs were made with ${added(queue.lexicons.added)}, this worker has ${added(mine.lexicons.added)}`);
  const published = (p: string | null) => (p ? `--published ${p}` : 'no --published');
  if (queue.published !== mine.published) out.push(`the jobs were made with ${published(queue.published)}, this worker has ${published(mine.published)}`);
  return out;
}
