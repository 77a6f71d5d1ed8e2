// The PLOVER export: events-plover.jsonl, one event per line in PLOVER's JSON fields (the
// POLECAT edition): id, date, event, mode, context, actor and recipient (code, sector,
// entity_text), event_loc (geonameid, lat, lon, country_code, resolution), size (dead,
// injured, arrested) and text_info (the document, its sentence and the character offsets of
// the trigger and the actors, into the record's text). A field sitrep does not know is null.
import type { EventPlace } from '../record/places.js';
import { primaryPlace } from './acled.js';
import type { CodedActor, CodedEvent } from './coded.js';

export const PLOVER_FIELDS = ['id', 'date', 'event', 'mode', 'context', 'actor', 'recipient', 'event_loc', 'size', 'text_info'] as const;

/** sitrep's actor sectors in PLOVER's (CAMEO's) sector codes */
const SECTOR: Record<string, string> = {
  military: 'MIL', police: 'COP', government: 'GOV', rebels: 'REB', militia: 'REB',
  protesters: 'OPP', civilians: 'CVL', media: 'MED', business: 'BUS',
};

/** PLOVER's mode where the sitrep type names the means: FIGHT from the air or by artillery */
const MODE: Record<string, string> = { AIRSTRIKE: 'aerial', DRONE_STRIKE: 'aerial', SHELLING: 'artillery' };

export interface PloverActor {
  code: string | null;
  sector: string | null;
  entity_text: string;
  name: string;
  start: number;
  end: number;
}

export interface PloverEvent {
  id: string;
  date: string | null;
  event: string;
  mode: string | null;
  context: string[];
  actor: PloverActor | null;
  recipient: PloverActor | null;
  event_loc: { name: string; geonameid: number | null; lat: number | null; lon: number | null; country_code: string | null; resolution: string | null } | null;
  size: { dead: number | null; injured: number | null; arrested: number | null };
  text_info: { doc_id: string; event_id: string; sentence: string; sentence_start: number; sentence_end: number; trigger: string; trigger_start: number; trigger_end: number };
}

const actor = (a: CodedActor | undefined): PloverActor | null =>
  a ? { code: a.country, sector: a.sector ? SECTOR[a.sector] ?? null : null, entity_text: a.text, name: a.name, start: a.start, end: a.end } : null;

function resolution(place: EventPlace): string | null {
  if (place.rank <= 1) return 'city';
  if (place.rank <= 2) return 'adm2';
  if (place.rank <= 3.5) return 'adm1';
  return place.rank === 4 ? 'country' : null;
}

export function ploverEvent(event: CodedEvent): PloverEvent {
  const place = primaryPlace(event.places);
  return {
    id: event.id,
    date: event.event_date,
    event: event.plover,
    mode: MODE[event.type] && event.plover === 'FIGHT' ? MODE[event.type]! : null,
    context: event.disorder_type === 'Political violence' ? ['military'] : [],
    actor: actor(event.actors1[0]),
    recipient: actor(event.actors2[0]),
    event_loc: place ? { name: place.name, geonameid: place.geonames, lat: place.lat, lon: place.lon, country_code: place.country, resolution: resolution(place) } : null,
    size: { dead: event.killed, injured: event.injured, arrested: event.type === 'ARREST' ? event.captured : null },
    text_info: {
      doc_id: event.doc_id,
      event_id: event.event_id,
      sentence: event.notes,
      sentence_start: event.sentence.start,
      sentence_end: event.sentence.end,
      trigger: event.trigger.text,
      trigger_start: event.trigger.start,
      trigger_end: event.trigger.end,
    },
  };
}
