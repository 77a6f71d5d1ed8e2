// The baseline for docs/EVALUATION.md: what compromise alone finds in the same gold texts,
// with no sitrep stage — people(), places() and organizations() over each document, written as
// document records so `sitrep eval GOLD --pred` scores them exactly like sitrep's own records.
//
//   npx tsx bench/baseline-compromise.ts GOLD > baseline.jsonl
//   node bin/sitrep.js eval GOLD --pred baseline.jsonl
import nlp from 'compromise';
import type { Entity, EntityType } from '../src/doc.js';
import { readGold } from '../src/eval/gold/read.js';
import { emptyRecord } from '../src/eval/gold/predicted.js';

const gold = process.argv[2];
if (!gold) {
  console.error('usage: npx tsx bench/baseline-compromise.ts GOLD > baseline.jsonl');
  process.exit(2);
}

interface Match {
  text: string;
  offset: { start: number; length: number };
}

for (const doc of readGold(gold).docs) {
  const record = emptyRecord(doc.id, doc.text);
  const parsed = nlp(doc.text);
  const byName = new Map<string, Entity>();
  const add = (type: EntityType, matches: Match[]) => {
    for (const m of matches) {
      const start = m.offset.start;
      const end = start + m.offset.length;
      if (end <= start || doc.text.slice(start, end) !== m.text) continue; // compromise's offsets, as they are
      const key = `${type}|${m.text.toLowerCase()}`;
      let entity = byName.get(key);
      if (!entity) {
        entity = { id: `e${byName.size + 1}`, type, name: m.text, mentions: [] };
        byName.set(key, entity);
      }
      entity.mentions.push({ text: m.text, start, end });
    }
  };
  add('PERSON', parsed.people().json({ offset: true }) as Match[]);
  add('GPE', parsed.places().json({ offset: true }) as Match[]);
  add('ORG', parsed.organizations().json({ offset: true }) as Match[]);
  record.entities = [...byName.values()];
  process.stdout.write(`${JSON.stringify(record)}\n`);
}
