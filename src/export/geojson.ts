// The GeoJSON export: events.geojson, one FeatureCollection of Point features (WGS 84,
// [longitude, latitude] as RFC 7946 orders them) whose properties are the ACLED row of the
// event, plus the document and event ids and every place the event names. An event with no
// coordinates has no feature; the export counts them.
import { acledRow, type AcledRow } from './acled.js';
import type { CodedEvent } from './coded.js';

export interface Feature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: AcledRow & { doc_id: string; event_id: string; locations: string[] };
}

/** The feature of an event, or null when it has no coordinates. */
export function feature(event: CodedEvent, row: AcledRow = acledRow(event)): Feature | null {
  if (typeof row.latitude !== 'number' || typeof row.longitude !== 'number') return null;
  return {
    type: 'Feature',
    id: String(row.event_id_cnty),
    geometry: { type: 'Point', coordinates: [row.longitude, row.latitude] },
    properties: { ...row, doc_id: event.doc_id, event_id: event.event_id, locations: event.places.map((p) => p.name) },
  };
}

export const GEOJSON_HEAD = '{"type":"FeatureCollection","features":[\n';
export const GEOJSON_TAIL = '\n]}\n';
/** between two features: the file stays one JSON document with one feature per line */
export const GEOJSON_JOIN = ',\n';
