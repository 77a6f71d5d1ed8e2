// The stage contract: every stage made by one factory from the pipeline's context, layers
// that are fields of the Doc, and pipelines that either work or are refused with a message
// that says what to do.
import { describe, expect, it } from 'vitest';
import { LAYERS } from '../src/doc.js';
import { createPipeline } from '../src/index.js';
import { assemble, buildPipeline, createContext, FACTORIES, PipelineError, STAGE_NAMES, type StageName } from '../src/pipeline.js';

const ctx = createContext();
const text = 'Russian forces shelled the village of Zmiivka in Kherson region on Tuesday, killing two civilians, the governor said.';

describe('stage contract', () => {
  it('makes every stage by one factory, named as the stage, reading and writing only layers of a Doc', () => {
    for (const name of STAGE_NAMES) {
      const stage = FACTORIES[name](ctx);
      expect(stage.name).toBe(name);
      for (const layer of [...stage.requires, ...stage.assigns]) expect(LAYERS).toContain(layer);
    }
  });

  it('runs partial pipelines that are complete, with every entity numbered', () => {
    const partial: StageName[][] = [
      ['normalize', 'sentences', 'entities'],
      ['normalize', 'sentences', 'entities', 'places'],
      ['normalize', 'sentences', 'entities', 'dates'],
      ['normalize', 'sentences', 'entities', 'quantities', 'events'],
      ['normalize', 'sentences', 'entities', 'places', 'dates', 'quantities', 'events'],
    ];
    for (const stages of partial) {
      const record = createPipeline({ stages }).process({ text, published: '2024-05-10' });
      const ids = record.entities.map((e) => e.id);
      expect(ids, stages.join('+')).toEqual(ids.map((_, i) => `e${i + 1}`));
      const known = new Set([...ids, ...record.quantities.map((q) => q.id)]);
      for (const q of record.quantities) if (q.entity !== null) expect(ids).toContain(q.entity);
      for (const e of record.events) for (const a of e.args) if (a.ref !== null) expect(known).toContain(a.ref);
    }
    // the places stage adds a village the lexicons lack, numbered with the others
    const places = createPipeline({ stages: ['normalize', 'sentences', 'entities', 'places'] }).process({ text, published: '2024-05-10' });
    expect(places.entities.find((e) => e.name === 'Zmiivka')?.id).toMatch(/^e\d+$/);
  });

  it('refuses a stage that reads a layer no earlier stage writes, and says which stage writes it', () => {
    expect(() => buildPipeline(ctx, ['normalize', 'entities'])).toThrow(PipelineError);
    expect(() => buildPipeline(ctx, ['normalize', 'entities', 'sentences'])).toThrow(
      'stage "entities" reads "tokens", which no earlier stage writes; put "sentences", which writes it, before "entities"',
    );
    expect(() => buildPipeline(ctx, ['sentences'])).toThrow('stage "sentences" reads "text", which no earlier stage writes; add a stage that writes it before "sentences"');
    expect(() => buildPipeline(ctx, ['normalize', 'sentences', 'entities', 'events'])).toThrow(/reads "quantities"/);
  });

  it('refuses an unknown stage or layer', () => {
    expect(() => buildPipeline(ctx, ['normalize', 'parse' as StageName])).toThrow('there is no stage "parse"; the stages are normalize, sentences, entities, places, dates, quantities, events');
    const odd = { name: 'odd', requires: ['places' as never], assigns: [], run() {} };
    expect(() => assemble([odd])).toThrow('stage "odd" names "places", which is not a layer of a document');
  });

  it('builds the knowledge of a context only when a stage needs it', () => {
    const light = createContext();
    buildPipeline(light, ['normalize', 'sentences']);
    let built = false;
    const watched = Object.create(light, { knowledge: { get: () => ((built = true), light.knowledge) } });
    buildPipeline(watched, ['normalize', 'sentences']);
    expect(built).toBe(false);
    buildPipeline(watched, ['normalize', 'sentences', 'entities']);
    expect(built).toBe(true);
  });
});
