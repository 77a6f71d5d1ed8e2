// The ACLED export: events-acled.csv with ACLED's 31 public columns, in ACLED's order, one row
// per asserted or claimed event (or per incident, when the dataset is linked). A column sitrep
// cannot fill stays empty; the README's table says where each value comes from.
import type { EventPlace } from '../record/places.js';
import { csvField } from '../io/dataset.js';
import { acledCountry } from './countries.js';
import { interaction, type CodedActor, type CodedEvent } from './coded.js';

export const ACLED_COLUMNS = [
  'event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type',
  'actor1', 'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'civilian_targeting',
  'iso', 'region', 'country', 'admin1', 'admin2', 'admin3', 'location', 'latitude', 'longitude', 'geo_precision',
  'source', 'source_scale', 'notes', 'fatalities', 'tags', 'timestamp',
] as const;

export type AcledRow = Record<(typeof ACLED_COLUMNS)[number], string | number | null>;

/** The place a row is filed under: the most precise place that has coordinates, else the most precise. */
export function primaryPlace(places: readonly EventPlace[]): EventPlace | undefined {
  return places.find((p) => p.lat !== null && p.lon !== null) ?? places[0];
}

const names = (actors: readonly CodedActor[]) => (actors.length ? actors.map((a) => a.name).join('; ') : null);

/** One ACLED row for an event (or an incident: its merged event, its sources and its notes). */
export function acledRow(event: CodedEvent, options: { sources?: string[]; notes?: string; fatalities?: number | null; id?: string } = {}): AcledRow {
  const place = primaryPlace(event.places);
  const country = acledCountry(place?.country);
  const [actor1, ...assoc1] = event.actors1;
  const [actor2, ...assoc2] = event.actors2;
  const inter1 = actor1?.inter ?? null;
  const inter2 = actor2?.inter ?? null;
  const civilian = event.event_type === 'Violence against civilians' || event.actors2.some((a) => a.inter === 7);
  const sources = options.sources ?? event.sources;
  const killed = options.fatalities !== undefined ? options.fatalities : event.killed;
  return {
    event_id_cnty: options.id ?? event.id,
    event_date: event.event_date,
    year: event.event_date ? Number(event.event_date.slice(0, 4)) : null,
    time_precision: event.time_precision,
    disorder_type: event.disorder_type || null,
    event_type: event.event_type,
    sub_event_type: event.sub_event_type,
    actor1: actor1?.name ?? null,
    assoc_actor_1: names(assoc1),
    inter1,
    actor2: actor2?.name ?? null,
    assoc_actor_2: names(assoc2),
    inter2,
    interaction: interaction(inter1, inter2),
    civilian_targeting: civilian ? 'Civilian targeting' : null,
    iso: country?.iso ?? null,
    region: country?.region ?? null,
    country: country?.country ?? null,
    admin1: place?.admin1 ?? null,
    admin2: place?.admin2 ?? null,
    admin3: null,
    location: place?.name ?? null,
    latitude: place?.lat ?? null,
    longitude: place?.lon ?? null,
    geo_precision: place?.geo_precision ?? null,
    source: sources.length ? sources.join('; ') : null,
    source_scale: null,
    notes: options.notes ?? event.notes,
    // ACLED records 0 when no fatality is reported
    fatalities: killed ?? 0,
    tags: event.modality,
    timestamp: null,
  };
}

export const ACLED_HEADER = `${ACLED_COLUMNS.join(',')}\r\n`;

export const acledLine = (row: AcledRow) => `${ACLED_COLUMNS.map((c) => csvField(row[c])).join(',')}\r\n`;
