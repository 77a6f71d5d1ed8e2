// tsx scripts/propose-places-dev.ts re3d|wikievents|gvdb > proposals.tsv: candidate lines for
// data/places/external-labels.tsv. Each annotated place name of the source (re3d Location
// entities, WikiEvents Place arguments, GVDB DAT-CITY spans) that is not a country, with the
// gazetteer's most populous place of that name in the countries given; a person checks every
// line against the text (and corrects or drops it) before it goes into the labels file.
import { readFileSync, readdirSync } from 'node:fs';
import { foldName } from '../src/text.js';
import { geoIndex } from '../src/stages/places/geonames.js';
import { gvdbTokenOffsets, re3dDocs, SHARED, wikieventsDocs } from './places-dev-sources.js';

const source = process.argv[2];
const countries = (process.argv[3] ?? (source === 'gvdb' ? 'US' : 'SY,IQ')).split(',');
const lexicon = JSON.parse(readFileSync(new URL('../src/lexicons/places.json', import.meta.url), 'utf8')) as { places: Array<{ kind: string; aliases?: string[]; name: string; demonyms?: string[] }> };
const notSettlements = new Set(lexicon.places.filter((p) => p.kind === 'country' || p.kind === 'region' || p.kind === 'water').flatMap((p) => [p.name, ...(p.aliases ?? [])].map(foldName)));
const geo = geoIndex();

function propose(doc: string, text: string, start: number, end: number): void {
  // the capitalised name inside an annotation ("the city of Mosul" → "Mosul")
  const span = text.slice(start, end);
  const name = /(?:^|\s)((?:al-|Al-|Ar-|As-)?\p{Lu}[\p{L}'’-]*(?:\s+(?:al-|ar-|as-|ash-|ez-|an-|az-)?\p{Lu}[\p{L}'’-]*)*)(?:,.*)?$/u.exec(span);
  if (!name) return;
  const from = start + span.indexOf(name[1]!);
  const mention = name[1]!;
  if (notSettlements.has(foldName(mention))) return;
  const found = geo.places(foldName(mention)).filter((p) => countries.includes(p.iso2));
  const best = found[0] ?? geo.places(foldName(mention))[0];
  const context = text.slice(Math.max(0, from - 50), Math.min(text.length, from + mention.length + 30)).replace(/\s+/g, ' ');
  console.log([source, doc, from, from + mention.length, mention, best?.geonames ?? '', best?.lat ?? '', best?.lon ?? '', best?.admin1Code ?? '', '', `# ${best ? `${best.name} ${best.admin1} pop ${best.population}` : 'NOT FOUND'} | ${context}`].join('\t'));
}

if (source === 're3d') {
  const docs = re3dDocs();
  const folder = new URL('re3d/', SHARED);
  for (const dir of readdirSync(folder, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    const seen = new Set<string>();
    for (const line of readFileSync(new URL(`${encodeURIComponent(dir.name)}/entities.json`, folder), 'utf8').split('\n')) {
      if (!line.includes('"Location"')) continue;
      const e = JSON.parse(line) as { documentId: string; begin: number; end: number };
      const key = `${e.documentId}|${e.begin}`;
      if (seen.has(key)) continue;
      seen.add(key);
      propose(e.documentId, docs.get(e.documentId)!, e.begin, e.end);
    }
  }
} else if (source === 'wikievents') {
  const docs = wikieventsDocs();
  for (const line of readFileSync(new URL('wikievents/dev.jsonl', SHARED), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const d = JSON.parse(line) as { doc_id: string; entity_mentions: Array<{ id: string; start: number; end: number }>; event_mentions: Array<{ arguments: Array<{ role: string; entity_id: string }> }> };
    const places = new Set(d.event_mentions.flatMap((ev) => ev.arguments.filter((a) => a.role === 'Place').map((a) => a.entity_id)));
    const { text, tokens } = docs.get(d.doc_id)!;
    for (const m of d.entity_mentions) if (places.has(m.id)) propose(d.doc_id, text, tokens[m.start]![0], tokens[m.end - 1]![1]);
  }
} else if (source === 'gvdb') {
  for (const line of readFileSync(new URL('gvdb/dev.json', SHARED), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const d = JSON.parse(line) as { doc_key: string; full_text: string[][]; spans: Array<[number, number, string]> };
    const offsets = gvdbTokenOffsets(d.full_text);
    const text = d.full_text.map((s) => s.join(' ')).join(' ');
    for (const [s, e, label] of d.spans) if (label === 'DAT-CITY') propose(d.doc_key, text, offsets[s]![0], offsets[e - 1]![1]);
  }
} else {
  console.error('usage: tsx scripts/propose-places-dev.ts re3d|wikievents|gvdb [ISO2,ISO2]');
  process.exitCode = 2;
}
