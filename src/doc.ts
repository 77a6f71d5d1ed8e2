// The one object that flows through every stage. Each stage reads what earlier stages
// assigned and adds its own layer; nothing here knows about any particular stage.

export type EntityType =
  | 'PERSON' | 'ORG' | 'ARMED_GROUP' | 'GPE' | 'LOC' | 'FACILITY' | 'NORP' | 'MISC' | 'EQUIPMENT' | 'DATE';

export type EventType =
  | 'ATTACK' | 'CLASH' | 'INCURSION' | 'AIRSTRIKE' | 'DRONE_STRIKE' | 'SHELLING' | 'EXPLOSION'
  | 'DESTRUCTION' | 'CAPTURE' | 'KILLING' | 'SEIZE' | 'WITHDRAWAL' | 'ARREST' | 'PROTEST'
  | 'CRASH' | 'STATEMENT' | 'AGREEMENT' | 'SUPPLY';

export type Modality = 'asserted' | 'claimed' | 'denied' | 'attempted' | 'negated' | 'future' | 'hypothetical';

export type ArgRole =
  | 'agent' | 'target' | 'location' | 'time' | 'instrument' | 'origin' | 'quantity' | 'casualties';

export interface Span { start: number; end: number }
export interface Mention extends Span { text: string }

export interface Token extends Span {
  text: string;
  /** lower-cased text, apostrophes folded to ' */
  lower: string;
  lemma: string;
  pos: string;
  /** wink-nlp token type: word, number, punctuation, … */
  kind: string;
  sentence: number;
}

export interface Sentence extends Span {
  heading: boolean;
  /** index of the first token and one past the last, in doc.tokens */
  firstToken: number;
  endToken: number;
}

export interface Entity {
  id: string;
  type: EntityType;
  name: string;
  mentions: EntityMention[];
  kb?: Record<string, unknown>;
}

/**
 * A mention of an entity; `nominal` marks a description of it rather than a name (record.ts
 * recordMention), and `inner_name` the people's word or the country's name a description opens
 * with ("Iraqi" of "Iraqi troops", "U.S." of "U.S. military"), a name in its own right.
 */
export interface EntityMention extends Mention {
  nominal?: true;
  inner_name?: Mention & { type: EntityType };
}

export interface Quantity extends Mention {
  id: string;
  value: number | null;
  approximate: boolean;
  item: string;
  entity: string | null;
}

export interface EventArg extends Mention {
  role: ArgRole;
  ref: string | null;
  /** agents and targets: the actor's country (ISO3) and sector, as ACLED and PLOVER code them */
  kb?: { country?: string; sector?: string; refersTo?: string };
}

export interface Casualties { killed: number | null; injured: number | null; captured: number | null }

export interface Event {
  id: string;
  type: EventType;
  trigger: Mention;
  sentence: number;
  modality: Modality;
  source: string | null;
  args: EventArg[];
  date: string | null;
  casualties: Casualties;
  /** acled is null for events that are not asserted or claimed (planned, denied, averted, negated, conditional) */
  mappings: { acled: { event_type: string; sub_event_type: string } | null; plover: string };
  /** the other mentions of the same incident merged into it ("the raid", the casualty sentence after it, "killing two civilians" in its own sentence), each with the type and modality its own words tell ("…, police said": claimed); absent when none */
  mentions?: Array<Mention & { sentence: number; type: EventType; modality: Modality }>;
  /** the casualty figures of claimants other than the one `casualties` follows, where they differ; absent when none */
  casualty_claims?: CasualtyClaim[];
}

/** One claimant's figures for an event (source null: the article itself). */
export interface CasualtyClaim extends Casualties { source: string | null }

export interface Warning { code: string; message: string; start?: number; end?: number }

export interface DocMeta {
  id: string | null;
  source: string | null;
  title: string | null;
  published: string | null;
  url: string | null;
  dateline: string | null;
}

export interface DocInput {
  text: string;
  id?: string | null;
  source?: string | null;
  title?: string | null;
  published?: string | null;
  url?: string | null;
  /** the publication date to use when neither the metadata nor the text gives one */
  defaultPublished?: string | null;
}

/**
 * The layers of a Doc: its data fields, each written by one or more stages and read by later
 * ones. A stage names the layers it requires and assigns from this list, and a pipeline
 * checks that each is written before it is read.
 */
export const LAYERS = [
  'raw', 'defaultPublished', 'text', 'meta', 'sentences', 'tokens', 'entities', 'quantities', 'events', 'warnings',
] as const satisfies ReadonlyArray<keyof Doc>;
export type Layer = (typeof LAYERS)[number];

export class Doc {
  readonly raw: string;
  defaultPublished: string | null;
  text = '';
  meta: DocMeta;
  sentences: Sentence[] = [];
  tokens: Token[] = [];
  entities: Entity[] = [];
  quantities: Quantity[] = [];
  events: Event[] = [];
  warnings: Warning[] = [];
  /**
   * Names the record has no entity type for, set with the entities: the tagger's MISC names of
   * several words that a place or a people's name opens (an event, a title, a treaty: "U.S.
   * Open", "Paris Agreement"), and its MISC words that are no known place of note ("Moslem",
   * "Wimbledon"). Later stages find no place inside them.
   */
  otherNames: Span[] = [];
  private entityCount = 0;

  constructor(input: DocInput) {
    this.raw = input.text;
    this.defaultPublished = input.defaultPublished ?? null;
    this.meta = {
      id: input.id ?? null,
      source: input.source ?? null,
      title: input.title ?? null,
      published: input.published ?? null,
      url: input.url ?? null,
      dateline: null,
    };
  }

  /**
   * An id for a new entity, unique in this document while it is processed. Stages refer to
   * entities by these ids; the record layer numbers the entities e1, e2, … in the order of
   * doc.entities and rewrites the references (record/record.ts).
   */
  newEntityId(): string {
    return `#${++this.entityCount}`;
  }

  warn(code: string, message: string, span?: Span): void {
    this.warnings.push(span ? { code, message, start: span.start, end: span.end } : { code, message });
  }

  mention(start: number, end: number): Mention {
    return { text: this.text.slice(start, end), start, end };
  }

  /** The index of the first token that starts at or after offset (tokens.length when none does). */
  tokenFrom(offset: number): number {
    return this.firstToken((t) => t.start >= offset);
  }

  /** The tokens that overlap any of the spans (tokens are in text order and do not overlap). */
  tokensOverlapping(spans: Iterable<Span>): Set<Token> {
    const found = new Set<Token>();
    for (const span of spans) {
      for (let k = this.firstToken((t) => t.end > span.start); k < this.tokens.length && this.tokens[k]!.start < span.end; k++) found.add(this.tokens[k]!);
    }
    return found;
  }

  /** Binary search: the first token for which test holds, given that it holds for every token after it. */
  private firstToken(test: (t: Token) => boolean): number {
    let lo = 0;
    let hi = this.tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (test(this.tokens[mid]!)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** Tokens of one sentence. */
  sentenceTokens(index: number): Token[] {
    const s = this.sentences[index];
    return s ? this.tokens.slice(s.firstToken, s.endToken) : [];
  }

  /** The entity whose mention covers [start, end) exactly, or contains it. */
  entityAt(start: number, end: number): { entity: Entity; mention: Mention } | null {
    for (const entity of this.entities) {
      for (const mention of entity.mentions) {
        if (mention.start <= start && mention.end >= end) return { entity, mention };
      }
    }
    return null;
  }
}
