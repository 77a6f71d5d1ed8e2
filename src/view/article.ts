// The article view: one document record as a self-contained page, its text with entities,
// quantities, dates and event triggers highlighted, and its events in a table. The page
// carries the record as JSON (articleData: the record's facts, checked and trimmed) and
// its own script draws it, the same drawing the dataset report uses for its articles.
import type { DocumentRecord } from '../record/record.js';
import { asset, escapeHtml, renderPage } from './html.js';

/** A span as the page's script receives it: [start, end), always inside the text. */
export type Range = [number, number];

export interface ArticleData {
  doc: { id: string; source: string | null; title: string | null; published: string | null; url: string | null; dateline: string | null };
  text: string;
  /** [start, end, 1 for a heading] */
  sentences: Array<[number, number, number]>;
  entities: Array<{ id: string; type: string; name: string; kb: Record<string, string | number | boolean>; mentions: Range[] }>;
  quantities: Array<{ id: string; range: Range; value: number | null; approximate: boolean; item: string; entity: string | null }>;
  events: Array<{
    id: string;
    type: string;
    trigger: Range;
    sentence: number;
    modality: string;
    source: string | null;
    args: Array<{ role: string; range: Range; ref: string | null }>;
    date: string | null;
    casualties: { killed: number | null; injured: number | null; captured: number | null };
    acled: [string, string];
    plover: string;
  }>;
}

const str = (value: unknown): string => (typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value));
const strOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null);
const count = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

/** A web address to link to, or null: only http(s), so no javascript: or data: link can come from a record. */
export function safeUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * The facts of a record that the page shows, with every field checked: strings are strings,
 * numbers are finite, spans lie inside the text (others are dropped), kb holds plain values.
 * A record from a tampered or foreign file can make the page show less, never run anything.
 */
export function articleData(record: DocumentRecord): ArticleData {
  const text = str(record.text);
  const range = (span: unknown): Range | null => {
    const s = span as { start?: unknown; end?: unknown } | null;
    const start = s?.start;
    const end = s?.end;
    if (!Number.isInteger(start) || !Number.isInteger(end)) return null;
    if ((start as number) < 0 || (end as number) > text.length || (start as number) >= (end as number)) return null;
    return [start as number, end as number];
  };
  const kb = (value: unknown): Record<string, string | number | boolean> => {
    const out: Record<string, string | number | boolean> = {};
    if (!value || typeof value !== 'object' || Array.isArray(value)) return out;
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      if (typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) out[key] = v;
    }
    return out;
  };
  const doc = (record.doc ?? {}) as Partial<DocumentRecord['doc']>;
  return {
    doc: {
      id: str(doc.id),
      source: strOrNull(doc.source),
      title: strOrNull(doc.title),
      published: strOrNull(doc.published),
      url: safeUrl(doc.url),
      dateline: strOrNull(doc.dateline),
    },
    text,
    sentences: list<{ start: number; end: number; heading: boolean }>(record.sentences).flatMap((s) => {
      const r = range(s);
      return r ? [[r[0], r[1], s.heading === true ? 1 : 0] as [number, number, number]] : [];
    }),
    entities: list<DocumentRecord['entities'][number]>(record.entities).map((e) => ({
      id: str(e.id),
      type: str(e.type),
      name: str(e.name),
      kb: kb(e.kb),
      mentions: list(e.mentions).map(range).filter((r): r is Range => r !== null),
    })),
    quantities: list<DocumentRecord['quantities'][number]>(record.quantities).flatMap((q) => {
      const r = range(q);
      if (!r) return [];
      return [{ id: str(q.id), range: r, value: count(q.value), approximate: q.approximate === true, item: str(q.item), entity: strOrNull(q.entity) }];
    }),
    events: list<DocumentRecord['events'][number]>(record.events).flatMap((v) => {
      const trigger = range(v.trigger);
      if (!trigger) return [];
      const casualties = (v.casualties ?? {}) as Partial<DocumentRecord['events'][number]['casualties']>;
      const acled = v.mappings?.acled;
      return [
        {
          id: str(v.id),
          type: str(v.type),
          trigger,
          sentence: Number.isInteger(v.sentence) ? v.sentence : -1,
          modality: str(v.modality),
          source: strOrNull(v.source),
          args: list<DocumentRecord['events'][number]['args'][number]>(v.args).flatMap((a) => {
            const r = range(a);
            return r ? [{ role: str(a.role), range: r, ref: strOrNull(a.ref) }] : [];
          }),
          date: strOrNull(v.date),
          casualties: { killed: count(casualties.killed), injured: count(casualties.injured), captured: count(casualties.captured) },
          acled: [str(acled?.event_type), str(acled?.sub_event_type)],
          plover: str(v.mappings?.plover),
        },
      ];
    }),
  };
}

/** The page's own script and style for article views (the report adds its own on top). */
export const articleAssets = {
  script: () => asset('client/article.js'),
  style: () => `${asset('styles/base.css')}\n${asset('styles/article.css')}`,
};

export interface ArticlePageOptions {
  /** what made the record, shown in the footer: "sitrep 0.1.0" */
  generator?: string;
}

/** The article view of one record: a complete HTML page. */
export function articlePage(record: DocumentRecord, options: ArticlePageOptions = {}): string {
  const data = articleData(record);
  const title = data.doc.title ?? firstWords(data.text) ?? data.doc.source ?? data.doc.id;
  const script = `(() => {\n'use strict';\n${articleAssets.script()}\n${asset('client/view.js')}\n})();\n`;
  return renderPage({
    title: `${title} · sitrep`,
    kind: 'page-view',
    style: articleAssets.style(),
    script,
    data: { 'sitrep-article': data },
    body: `<main id="app" class="view-main" aria-live="polite">
<noscript><p class="noscript">This page draws the article with JavaScript. The text:</p><pre class="noscript-text">${escapeHtml(data.text)}</pre></noscript>
</main>
<footer class="page-foot">Made by ${escapeHtml(options.generator ?? 'sitrep')} from document ${escapeHtml(data.doc.id)}. Offline page: no network, no outside scripts.</footer>`,
  });
}

function firstWords(text: string): string | null {
  const line = text.trim().split('\n')[0]?.trim();
  if (!line) return null;
  return line.length > 80 ? `${line.slice(0, 77).replace(/\s+\S*$/, '')}…` : line;
}
