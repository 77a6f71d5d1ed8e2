// The date an analyst files an event under (RECORD.md's event_date and time_precision, on
// ACLED's scale: 1 the day is known, 2 the week, 3 the month or vaguer). An asserted or
// claimed event takes its own date; an event the text does not date took place in the days
// before its report, so it takes the publication date at week precision. Other modalities
// (attempted, negated, hypothetical) did not happen as reported and get no date.
import type { Event } from '../doc.js';

export type TimePrecision = 1 | 2 | 3;

export interface EventDate {
  event_date: string | null;
  time_precision: TimePrecision | null;
}

const DATED_MODALITIES = new Set(['asserted', 'claimed']);

export function eventDate(event: Pick<Event, 'date' | 'modality'>, published: string | null): EventDate {
  if (!DATED_MODALITIES.has(event.modality)) return { event_date: null, time_precision: null };
  const own = event.date;
  const day = (d: string | null) => (d && /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : null);
  const pub = day(published);
  if (own && own.length === 10) return { event_date: own, time_precision: 1 };
  if (own && own.length === 7) {
    // "in March": the publication date when the report falls in that month, else its middle
    return { event_date: pub?.startsWith(own) ? pub : `${own}-15`, time_precision: 3 };
  }
  if (own && own.length === 4) return { event_date: pub?.startsWith(own) ? pub : `${own}-07-01`, time_precision: 3 };
  return pub ? { event_date: pub, time_precision: 2 } : { event_date: null, time_precision: null };
}
