// What every gold reader produces: documents with the layers their format annotates. A layer
// that is absent (undefined) is not scored; an empty layer is (nothing to find, so everything
// predicted there is spurious). docs/GOLD-FORMATS.md describes each format's mapping onto this.

export const GOLD_FORMATS = ['sitrep', 'conll', 'events', 'plover', 'giveme5w1h'] as const;
export type GoldFormat = (typeof GOLD_FORMATS)[number];

/** Which label set `GoldDoc.entities` uses; the scorer maps our entity types onto it. */
export type EntityScheme = 'sitrep' | 'conll';

export interface GoldSpan {
  type: string;
  start: number;
  end: number;
}

export interface GoldQuantity {
  value: number | null;
  /** head noun, singular, lowercase, as in the record */
  item: string;
  start?: number;
  end?: number;
}

export interface GoldArg {
  role: string;
  text: string;
}

export interface GoldActor {
  text: string;
  /** ISO 3166-1 alpha-3 as coded (PLOVER uses a few CAMEO codes: IGO, NGO, JAP, …) */
  country?: string;
  sector?: string;
}

/**
 * One coded event. Every field is optional: the scorer compares only the fields the gold gives.
 * `type` is sitrep's taxonomy (RECORD.md); `acled` and `plover` are coded in those schemes.
 */
export interface GoldEvent {
  type?: string;
  trigger?: GoldSpan;
  args?: GoldArg[];
  /** YYYY-MM-DD (or YYYY-MM, YYYY); null: the text dates it not */
  date?: string | null;
  /** people counted; "no count" is coded 0 */
  killed?: number;
  injured?: number;
  captured?: number;
  /** place name coded for the event (ACLED `location`, PLOVER `eventLoc.name`) */
  location?: string;
  admin1?: string;
  /** ACLED actor names, e.g. "Military Forces of Russia (2000-)" */
  actor1?: string;
  actor2?: string;
  acled?: { event_type?: string; sub_event_type?: string };
  plover?: string;
  sourceActors?: GoldActor[];
  targetActors?: GoldActor[];
}

/** A Giveme5W1H phrase: `text` as the coders marked it, and how many coders agreed. */
export interface GoldPhrase {
  text: string;
  coders?: number;
  /** the coders' resolved date, for `when` */
  date?: string;
}

export interface GoldDoc {
  /** the gold's id, or `<file>:<line>` when it has none */
  id: string;
  /** `file:line` where the document starts, for messages */
  where: string;
  /** the text every gold offset indexes (UTF-16 code units, end exclusive) */
  text: string;
  published?: string;
  /** entity mentions, labelled in the set's `entityScheme` */
  entities?: GoldSpan[];
  quantities?: GoldQuantity[];
  /** every event the text reports (sitrep gold): scored as a set against all our events */
  events?: GoldEvent[];
  /** the one event the document was coded for (a table row, a PLOVER record): scored against our primary event */
  coded?: GoldEvent;
  /** Giveme5W1H phrases */
  w?: { who: GoldPhrase[]; when: GoldPhrase[]; where: GoldPhrase[] };
}

export interface GoldSet {
  path: string;
  format: GoldFormat;
  entityScheme: EntityScheme;
  /** the coded columns the file has, even where every row leaves them empty (tables) */
  columns?: string[];
  docs: GoldDoc[];
}
