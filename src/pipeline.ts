// A pipeline is an ordered list of named stages, checked once when it is built and
// then frozen: it processes many documents and keeps no state between them.
import { Doc, type DocInput } from './doc.js';

export interface Stage {
  name: string;
  /** layers of the Doc this stage reads */
  requires: string[];
  /** layers of the Doc this stage writes */
  assigns: string[];
  run(doc: Doc): void;
}

export interface Pipeline {
  readonly stages: readonly Stage[];
  process(input: DocInput): Doc;
}

export class PipelineError extends Error {}

export function assemble(stages: Stage[]): Pipeline {
  const available = new Set<string>(['raw']);
  for (const stage of stages) {
    for (const need of stage.requires) {
      if (!available.has(need)) {
        throw new PipelineError(
          `stage "${stage.name}" needs "${need}", which no earlier stage assigns; ` +
            `put a stage that assigns it before "${stage.name}"`,
        );
      }
    }
    for (const layer of stage.assigns) available.add(layer);
  }
  const frozen = Object.freeze([...stages]);
  return Object.freeze({
    stages: frozen,
    process(input: DocInput): Doc {
      const doc = new Doc(input);
      for (const stage of frozen) stage.run(doc);
      return doc;
    },
  });
}
