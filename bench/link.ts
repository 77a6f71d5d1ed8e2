// sitrep link's speed: 100,000 events (or the number given: tsx bench/link.ts N) spread over a
// year, 40 countries and the ACLED event types, with the share of repeated reports a news
// archive has (a third of the incidents told by two to six articles, a day apart at most, a
// few kilometres apart, some with casualty figures that differ), each with a sentence of its
// own (the town and the group, and a dozen words drawn from 3,000). Prints events/s and how many
// incidents it found against how many were made. npm run bench runs it after the batch runs.
import { linkEvents } from '../src/link/link.js';
import type { CodedEvent } from '../src/export/coded.js';
import type { EventPlace } from '../src/record/places.js';

/** mulberry32, a seeded stream in [0, 1): 32-bit integer arithmetic, so the stream does not collapse as a float LCG does */
export function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

export function syntheticEvents(n: number, seed = 7): { events: CodedEvent[]; incidents: number } {
  const random = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  // words of letters only, as names are: 0 → "ba", 1 → "be", …
  const word = (k: number) => {
    let w = '';
    for (let x = k + 1; x > 0; x = Math.floor(x / 30)) w += 'bcdfghklmnprstvz'[x % 16]! + 'aeiou'[x % 5]!;
    return w;
  };
  const filler = () => Array.from({ length: 12 }, () => word(Math.floor(random() * 3000))).join(' ');
  const types = [['Battles', 'Armed clash'], ['Explosions/Remote violence', 'Shelling/artillery/missile attack'], ['Explosions/Remote violence', 'Air/drone strike'], ['Violence against civilians', 'Attack'], ['Protests', 'Peaceful protest'], ['Riots', 'Violent demonstration'], ['Strategic developments', 'Arrests']] as const;
  const countries = Array.from({ length: 40 }, (_, i) => ({ code: `C${String(i).padStart(2, '0')}`, lat: -30 + (i % 8) * 9, lon: -60 + Math.floor(i / 8) * 30 }));
  const events: CodedEvent[] = [];
  let incidents = 0;
  const start = Date.parse('2024-01-01T00:00:00Z');
  while (events.length < n) {
    incidents++;
    const [event_type, sub_event_type] = pick(types);
    const country = pick(countries);
    const day = Math.floor(random() * 365);
    const lat = country.lat + random() * 8;
    const lon = country.lon + random() * 8;
    const actor = `Group ${Math.floor(random() * 500)}`;
    const town = `Town ${word(incidents)}`;
    const reports = random() < 0.33 ? 2 + Math.floor(random() * 5) : 1;
    for (let r = 0; r < reports && events.length < n; r++) {
      const id = events.length;
      const date = new Date(start + (day + (r && random() < 0.3 ? 1 : 0)) * 86_400_000).toISOString().slice(0, 10);
      const place: EventPlace = { name: town, entity: null, geo_precision: 1, lat: lat + random() * 0.05, lon: lon + random() * 0.05, country: country.code, admin1: `Region ${Math.floor(lat)}`, admin2: null, geonames: null, rank: 1, start: 0 };
      events.push({
        id: `d${id}-v1`, doc_id: `d${id}`, event_id: 'v1', type: 'ATTACK', modality: 'asserted', event_date: date, time_precision: random() < 0.5 ? 1 : 2, published: date,
        disorder_type: 'Political violence', event_type, sub_event_type, plover: 'FIGHT',
        actors1: [{ name: actor, text: actor, start: 0, end: actor.length, country: country.code, sector: 'rebels', inter: 2, entity: 'e1' }], actors2: [],
        places: [place], sources: [`source${id % 50}.example`], notes: `${actor} fighters attacked ${town} in the ${word(Number(country.code.slice(1)))} region, ${filler()}.`, sentence: { start: 0, end: 0 }, trigger: { text: 'attack', start: 0, end: 6 },
        killed: random() < 0.4 ? Math.floor(random() * 10) : null, injured: null, captured: null,
      });
    }
  }
  return { events, incidents };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.argv[2] ?? 100_000);
  const { events, incidents } = syntheticEvents(n);
  const started = performance.now();
  const found = linkEvents(events);
  const seconds = (performance.now() - started) / 1000;
  console.log(`${'sitrep link'.padEnd(30)} ${n.toLocaleString('en-US')} events in ${seconds.toFixed(1)} s (${Math.round(n / seconds).toLocaleString('en-US')} events/s, one thread): ${found.length.toLocaleString('en-US')} incidents found, ${incidents.toLocaleString('en-US')} made`);
}
