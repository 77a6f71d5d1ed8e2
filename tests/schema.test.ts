// The document record's JSON Schema (schema/document.schema.json): it compiles, it accepts a
// hand-written record and rejects broken ones with errors that name the path, and every record
// the pipeline makes for the fixtures and the test passages validates and has sound spans.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../src/index.js';
import { checkSpans, loadSchema, validateRecord } from '../src/record/validate.js';
import { pipeline } from './helpers.js';

const TEXT = 'Russian forces shelled Kherson on Thursday, killing two civilians, U.S. officials said.';

/** A span of TEXT by its first occurrence. */
function at(part: string, from = 0): { text: string; start: number; end: number } {
  const start = TEXT.indexOf(part, from);
  if (start < 0) throw new Error(`"${part}" is not in the text`);
  return { text: part, start, end: start + part.length };
}

function minimalRecord(): DocumentRecord {
  return {
    schema: 'sitrep.document/1',
    doc: { id: '0123456789abcdef', source: null, title: null, published: '2024-05-10', url: null, dateline: null },
    text: TEXT,
    sentences: [{ start: 0, end: TEXT.length, heading: false }],
    entities: [
      { id: 'e1', type: 'ORG', name: 'Military Forces of Russia', mentions: [{ ...at('Russian forces'), nominal: true }], kb: { country: 'RUS', sector: 'military' } },
      { id: 'e2', type: 'GPE', name: 'Kherson', mentions: [at('Kherson')], kb: { kind: 'city', country: 'UKR', lat: 46.64, lon: 32.61, population: 280000, geonames: 706448 } },
      { id: 'e3', type: 'DATE', name: '2024-05-09', mentions: [at('Thursday')], kb: { value: '2024-05-09', precision: 'day' } },
      { id: 'e4', type: 'GPE', name: 'United States', mentions: [at('U.S.')] },
      { id: 'e5', type: 'PERSON', name: 'U.S. officials', mentions: [at('U.S. officials')], kb: { description: true } },
    ],
    quantities: [{ id: 'q1', ...at('two civilians'), value: 2, approximate: false, item: 'civilian', entity: null }],
    events: [
      {
        id: 'v1',
        type: 'SHELLING',
        trigger: at('shelled'),
        sentence: 0,
        modality: 'claimed',
        source: 'e5',
        args: [
          { role: 'agent', ...at('Russian forces'), ref: 'e1' },
          { role: 'location', ...at('Kherson'), ref: 'e2' },
          { role: 'time', ...at('Thursday'), ref: 'e3' },
          { role: 'casualties', ...at('two civilians'), ref: 'q1' },
        ],
        date: '2024-05-09',
        casualties: { killed: 2, injured: null, captured: null },
        mappings: { acled: { event_type: 'Explosions/Remote violence', sub_event_type: 'Shelling/artillery/missile attack' }, plover: 'FIGHT' },
      },
    ],
    warnings: [{ code: 'boilerplate', message: 'dropped 1 boilerplate line' }],
  };
}

/** A deep copy of the minimal record, changed by `edit` (which may use any shape). */
function broken(edit: (r: any) => void): unknown {
  const r = structuredClone(minimalRecord());
  edit(r);
  return r;
}

function errorsOf(record: unknown): string[] {
  const result = validateRecord(record);
  expect(result.valid).toBe(false);
  return result.valid ? [] : result.errors;
}

describe('the JSON Schema', () => {
  it('is a draft 2020-12 schema with an id and compiles', () => {
    const schema = loadSchema();
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(typeof schema.$id).toBe('string');
    expect(typeof schema.title).toBe('string');
    expect(validateRecord(minimalRecord())).toEqual({ valid: true });
  });

  it('accepts a minimal hand-written record with sound spans', () => {
    expect(validateRecord(minimalRecord())).toEqual({ valid: true });
    expect(checkSpans(minimalRecord())).toEqual([]);
  });

  it('accepts nulls where the contract allows them, and an open kb', () => {
    const r = broken((r) => {
      r.doc.published = null;
      r.events[0].date = null;
      r.events[0].source = null;
      r.events[0].args[0].ref = null;
      r.events[0].casualties = { killed: null, injured: null, captured: null };
      r.quantities[0].value = null;
      r.quantities[0].entity = 'e1';
      r.entities[1].kb.someFutureKey = { nested: true };
    });
    expect(validateRecord(r)).toEqual({ valid: true });
    const coarse = broken((r) => {
      r.doc.published = '2024-05';
      r.events[0].date = '2024';
      r.entities[2].kb = { value: '2024-05', precision: 'month' };
    });
    expect(validateRecord(coarse)).toEqual({ valid: true });
  });

  it('accepts merged mentions with the type their words tell, and without it (records written before it was added)', () => {
    const typed = broken((r) => {
      r.events[0].mentions = [{ ...at('killing'), sentence: 0, type: 'KILLING' }];
    });
    expect(validateRecord(typed)).toEqual({ valid: true });
    const older = broken((r) => {
      r.events[0].mentions = [{ ...at('killing'), sentence: 0 }];
    });
    expect(validateRecord(older)).toEqual({ valid: true });
    const wrong = broken((r) => {
      r.events[0].mentions = [{ ...at('killing'), sentence: 0, type: 'MURDER' }];
    });
    expect(validateRecord(wrong).valid).toBe(false);
  });

  it('rejects an unknown enum value, naming the path', () => {
    const errors = errorsOf(broken((r) => (r.entities[0].type = 'WEAPON')));
    expect(errors.some((e) => e.startsWith('/entities/0/type:') && /allowed values/.test(e))).toBe(true);
    expect(errorsOf(broken((r) => (r.events[0].type = 'BOMBING')))).toContainEqual(expect.stringMatching(/^\/events\/0\/type:/));
    expect(errorsOf(broken((r) => (r.events[0].modality = 'alleged')))).toContainEqual(expect.stringMatching(/^\/events\/0\/modality:/));
    expect(errorsOf(broken((r) => (r.events[0].args[1].role = 'place')))).toContainEqual(expect.stringMatching(/^\/events\/0\/args\/1\/role:/));
    expect(errorsOf(broken((r) => (r.entities[2].kb.precision = 'week')))).toContainEqual(expect.stringMatching(/^\/entities\/2\/kb\/precision:/));
    expect(errorsOf(broken((r) => (r.schema = 'sitrep.document/2')))).toContainEqual(expect.stringMatching(/^\/schema:/));
  });

  it('rejects a missing field, naming the object and the field', () => {
    const errors = errorsOf(broken((r) => delete r.events[0].modality));
    expect(errors).toContainEqual(expect.stringMatching(/^\/events\/0: .*'modality'/));
    expect(errorsOf(broken((r) => delete r.doc.published))).toContainEqual(expect.stringMatching(/^\/doc: .*'published'/));
    expect(errorsOf(broken((r) => delete r.warnings))).toContainEqual(expect.stringMatching(/^\/: .*'warnings'/));
    expect(errorsOf(broken((r) => delete r.quantities[0].approximate))).toContainEqual(expect.stringMatching(/^\/quantities\/0: .*'approximate'/));
  });

  it('rejects extra fields at the top level and in closed objects', () => {
    expect(errorsOf(broken((r) => (r.extra = 1)))).toContainEqual(expect.stringMatching(/^\/: must NOT have additional properties.*extra/));
    expect(errorsOf(broken((r) => (r.doc.author = 'x')))).toContainEqual(expect.stringMatching(/^\/doc: .*author/));
    expect(errorsOf(broken((r) => (r.events[0].args[0].confidence = 1)))).toContainEqual(expect.stringMatching(/^\/events\/0\/args\/0: .*confidence/));
    expect(errorsOf(broken((r) => (r.events[0].casualties.missing = 1)))).toContainEqual(expect.stringMatching(/^\/events\/0\/casualties: .*missing/));
    expect(errorsOf(broken((r) => (r.entities[0].mentions[0].type = 'ORG')))).toContainEqual(expect.stringMatching(/^\/entities\/0\/mentions\/0: .*type/));
    // a description is marked `nominal: true`, never false; other spans have no such field
    expect(errorsOf(broken((r) => (r.entities[0].mentions[0].nominal = false)))).toContainEqual(expect.stringMatching(/^\/entities\/0\/mentions\/0\/nominal: must be equal to constant/));
    expect(errorsOf(broken((r) => (r.quantities[0].nominal = true)))).toContainEqual(expect.stringMatching(/^\/quantities\/0: .*nominal/));
  });

  it('rejects bad ids, dates, offsets and counts, naming the path', () => {
    expect(errorsOf(broken((r) => (r.entities[0].id = 'E1')))).toContainEqual(expect.stringMatching(/^\/entities\/0\/id: must match pattern/));
    expect(errorsOf(broken((r) => (r.quantities[0].id = 'e9')))).toContainEqual(expect.stringMatching(/^\/quantities\/0\/id: must match pattern/));
    expect(errorsOf(broken((r) => (r.events[0].id = 'event1')))).toContainEqual(expect.stringMatching(/^\/events\/0\/id: must match pattern/));
    expect(errorsOf(broken((r) => (r.events[0].source = 'q1')))).toContainEqual(expect.stringMatching(/^\/events\/0\/source:/));
    expect(errorsOf(broken((r) => (r.doc.published = '2024-5-10')))).toContainEqual(expect.stringMatching(/^\/doc\/published:/));
    expect(errorsOf(broken((r) => (r.events[0].date = '10 May 2024')))).toContainEqual(expect.stringMatching(/^\/events\/0\/date:/));
    expect(errorsOf(broken((r) => (r.entities[2].kb.value = '2024-13-01')))).toContainEqual(expect.stringMatching(/^\/entities\/2\/kb\/value:/));
    expect(errorsOf(broken((r) => (r.sentences[0].start = -1)))).toContainEqual(expect.stringMatching(/^\/sentences\/0\/start:/));
    expect(errorsOf(broken((r) => (r.events[0].trigger.end = 1.5)))).toContainEqual(expect.stringMatching(/^\/events\/0\/trigger\/end:/));
    expect(errorsOf(broken((r) => (r.events[0].casualties.killed = -2)))).toContainEqual(expect.stringMatching(/^\/events\/0\/casualties\/killed:/));
    expect(errorsOf(broken((r) => (r.quantities[0].value = '2')))).toContainEqual(expect.stringMatching(/^\/quantities\/0\/value:/));
    expect(errorsOf(broken((r) => (r.entities[1].kb.lat = '46.6')))).toContainEqual(expect.stringMatching(/^\/entities\/1\/kb\/lat:/));
    expect(errorsOf(broken((r) => (r.events[0].mappings.acled.sub_event_type = 'Armed clash')))).toContainEqual(expect.stringMatching(/^\/events\/0\/mappings\/acled\/sub_event_type:/));
  });
});

describe('checkSpans', () => {
  it('finds spans that do not match the text, or leave it', () => {
    const problems = checkSpans(broken((r) => {
      r.entities[1].mentions[0].start += 1;
      r.quantities[0].end = TEXT.length + 5;
      r.events[0].trigger.text = 'shells';
      r.events[0].args[0].end = r.events[0].args[0].start;
      r.sentences.push({ start: 10, end: 5, heading: false });
    }));
    for (const path of ['/entities/1/mentions/0', '/quantities/0', '/events/0/trigger', '/events/0/args/0', '/sentences/1']) {
      expect(problems.some((p) => p.startsWith(`${path}:`)), path).toBe(true);
    }
  });

  it('finds ids that name nothing, and events outside the sentences', () => {
    const problems = checkSpans(broken((r) => {
      r.events[0].source = 'e9';
      r.events[0].args[3].ref = 'q7';
      r.quantities[0].entity = 'e42';
      r.events[0].sentence = 3;
    }));
    for (const path of ['/events/0/source', '/events/0/args/3/ref', '/quantities/0/entity', '/events/0/sentence']) {
      expect(problems.some((p) => p.startsWith(`${path}:`)), path).toBe(true);
    }
  });

  it('finds spans that cross sentences, and triggers outside their sentence', () => {
    const split = at('Kherson').end;
    const ok = broken((r) => (r.sentences = [{ start: 0, end: split, heading: false }, { start: split + 1, end: TEXT.length, heading: false }]));
    expect(checkSpans(ok)).toEqual([]);
    const problems = checkSpans(broken((r) => {
      r.sentences = [{ start: 0, end: split, heading: false }, { start: split + 1, end: TEXT.length, heading: false }];
      r.entities[1].mentions[0] = at('Kherson on Thursday');
      r.events[0].sentence = 1;
    }));
    expect(problems.some((p) => p.startsWith('/entities/1/mentions/0:') && /one sentence/.test(p))).toBe(true);
    expect(problems.some((p) => p.startsWith('/events/0/trigger:') && /sentence 1/.test(p))).toBe(true);
  });

  it('finds entity mentions with stray white space or punctuation, but allows abbreviations', () => {
    const record = broken((r) => {
      r.entities[1].mentions[0] = at('Kherson ');
      r.entities[2].mentions[0] = at('Thursday,');
      r.entities[4].mentions[0] = at('said.');
    }) as DocumentRecord;
    const problems = checkSpans(record);
    expect(problems.some((p) => p.startsWith('/entities/1/mentions/0:') && /white space/.test(p))).toBe(true);
    expect(problems.some((p) => p.startsWith('/entities/2/mentions/0:') && /punctuation/.test(p))).toBe(true);
    expect(problems.some((p) => p.startsWith('/entities/4/mentions/0:') && /punctuation/.test(p))).toBe(true);
    expect(problems.some((p) => p.startsWith('/entities/3/'))).toBe(false); // "U.S."
  });
});

interface Case {
  id: string;
  published: string;
  text: string;
}

const fixturesDir = new URL('../fixtures/articles/', import.meta.url);
const fixtures = readdirSync(fixturesDir).filter((f) => !f.startsWith('.')).sort();
const cases = JSON.parse(readFileSync(new URL('./cases/sentences.json', import.meta.url), 'utf8')) as Case[];

function expectSound(record: DocumentRecord): void {
  const round = JSON.parse(JSON.stringify(record)) as unknown;
  const result = validateRecord(record);
  expect(result.valid ? [] : result.errors).toEqual([]);
  expect(validateRecord(round)).toEqual({ valid: true });
  expect(checkSpans(record)).toEqual([]);
}

describe('pipeline output validates', () => {
  it('has fixtures and cases to check', () => {
    expect(fixtures.length).toBeGreaterThan(0);
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const file of fixtures) {
    it(`fixtures/articles/${file}`, () => {
      const text = readFileSync(new URL(file, fixturesDir), 'utf8');
      expectSound(pipeline().process({ text, source: `fixtures/articles/${file}` }));
    });
  }

  for (const c of cases) {
    it(`tests/cases/sentences.json: ${c.id}`, () => {
      expectSound(pipeline().process({ text: c.text, id: c.id, published: c.published }));
    });
  }
});
