// The dataset report: one self-contained page with events over time by type, a map of their
// places, counts by type, actor, place and equipment, and a searchable, sortable table of
// every event whose rows open the article view with the event's spans highlighted.
//
// The page carries two JSON blocks: "sitrep-report" (the events as columns over a table of
// strings, the places with their positions on the map, the documents' titles) read at load,
// and "sitrep-docs" (every document's article data, packed in gzipped parts) unpacked part by
// part as articles are opened.
import { gunzipSync, gzipSync } from 'node:zlib';
import type { DocumentRecord } from '../record/record.js';
import { articleAssets, articleData, type ArticleData } from './article.js';
import type { Dataset } from './dataset.js';
import { asset, escapeHtml, renderPage } from './html.js';
import { drawMap, MAP_HEIGHT, MAP_WIDTH } from './map.js';
import { placeRank } from '../record/places.js';

/** Entity types that act: counted as actors when they are an event's agent or target. */
const ACTOR_TYPES = new Set(['PERSON', 'ORG', 'ARMED_GROUP', 'NORP']);
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export interface ReportData {
  title: string;
  generator: string;
  summary: { documents: number; events: number; failed: number; seconds: number | null };
  /** every string the columns refer to, once */
  strings: string[];
  docs: Array<{ id: string; title: number; source: number; published: number }>;
  places: Array<{ name: number; country: number; lat: number; lon: number; x: number | null; y: number | null }>;
  map: { view: 'world' | 'region'; width: number; height: number };
  /** the dataset's incidents (sitrep link), when it has them: counts, the most reported first, and their places on a map of their own */
  incidents: {
    total: number;
    events: number;
    /** incidents told by more than one document */
    multi: number;
    /** shown in the list (the most reported first); the map has all of them */
    listed: number;
    view: 'world' | 'region';
    items: Array<{ id: string; date: string | null; type: string; location: string | null; x: number | null; y: number | null; documents: number; events: number; sources: string[]; killed: string | null }>;
  } | null;
  /** one entry per event in each column; strings as indexes into `strings` (-1: none), counts -1 for none */
  rows: {
    n: number;
    cols: {
      doc: number[];
      ev: number[];
      type: number[];
      date: number[];
      /** 1: the event's own date, 2: the article's publication date, 0: none */
      dated: number[];
      place: number[];
      location: number[];
      country: number[];
      agent: number[];
      target: number[];
      instrument: number[];
      claimant: number[];
      modality: number[];
      trigger: number[];
      killed: number[];
      injured: number[];
      captured: number[];
      actors: number[][];
      equipment: number[][];
    };
  };
}

class StringTable {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  of(value: string | null | undefined): number {
    if (value === null || value === undefined || value === '') return -1;
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(value);
      this.index.set(value, i);
    }
    return i;
  }
}

export interface ReportOptions {
  title?: string;
  generator?: string;
}

/** The report's data: the columns of the events table, the documents' article data, and the drawn map. */
export function reportData(dataset: Pick<Dataset, 'records' | 'run' | 'failed' | 'name' | 'incidents'>, options: ReportOptions = {}): { report: ReportData; docs: ArticleData[]; mapSvg: string; incidentMapSvg: string } {
  const strings = new StringTable();
  const docs = dataset.records.map((r: DocumentRecord) => articleData(r));
  const placeIndex = new Map<string, number>();
  const placeList: Array<{ name: string; country: string | null; lat: number; lon: number }> = [];
  const cols: ReportData['rows']['cols'] = {
    doc: [], ev: [], type: [], date: [], dated: [], place: [], location: [], country: [], agent: [], target: [], instrument: [],
    claimant: [], modality: [], trigger: [], killed: [], injured: [], captured: [], actors: [], equipment: [],
  };

  docs.forEach((data, d) => {
    const entity = new Map(data.entities.map((e) => [e.id, e]));
    const quantity = new Map(data.quantities.map((q) => [q.id, q]));
    const published = data.doc.published !== null && DATE.test(data.doc.published.slice(0, 10)) ? data.doc.published.slice(0, 10) : null;
    data.events.forEach((event, k) => {
      const named = (a: ArticleData['events'][number]['args'][number]) => entity.get(a.ref ?? '')?.name ?? data.text.slice(a.range[0], a.range[1]);
      const names = (role: string) => [...new Set(event.args.filter((a) => a.role === role).map(named))].join('; ') || null;
      // the most precise of the event's places (a town before its region, a region before its country)
      const rank = (a: (typeof event.args)[number]) => {
        const e = entity.get(a.ref ?? '');
        return e ? placeRank(e) ?? 5 : 6;
      };
      const location = event.args.filter((a) => a.role === 'location').sort((a, b) => rank(a) - rank(b) || a.range[0] - b.range[0])[0];
      const place = location ? entity.get(location.ref ?? '') : undefined;
      let placeId = -1;
      const lat = place?.kb.lat;
      const lon = place?.kb.lon;
      // a whole country's centre point is no place on a map: such events count as unlocated there
      if (place && place.kb.kind !== 'country' && typeof lat === 'number' && typeof lon === 'number' && Math.abs(lat) <= 90 && Math.abs(lon) <= 180) {
        const key = `${place.name}\u0000${lat}\u0000${lon}`;
        let id = placeIndex.get(key);
        if (id === undefined) {
          id = placeList.length;
          placeIndex.set(key, id);
          placeList.push({ name: place.name, country: typeof place.kb.country === 'string' ? place.kb.country : null, lat, lon });
        }
        placeId = id;
      }
      const actors = new Set<string>();
      const equipment = new Set<string>();
      for (const a of event.args) {
        const e = entity.get(a.ref ?? '');
        const counted = e ? undefined : quantity.get(a.ref ?? '');
        const thing = e ?? (counted?.entity ? entity.get(counted.entity) : undefined);
        if (thing?.type === 'EQUIPMENT') equipment.add(thing.name);
        if (a.role === 'agent' || a.role === 'target') {
          if (e && ACTOR_TYPES.has(e.type)) actors.add(e.name);
          else if (!e && !counted && a.role === 'agent') actors.add(named(a));
        }
      }
      const date = event.date !== null && DATE.test(event.date) ? event.date : null;
      cols.doc.push(d);
      cols.ev.push(k);
      cols.type.push(strings.of(event.type));
      cols.date.push(strings.of(date ?? published));
      cols.dated.push(date ? 1 : published ? 2 : 0);
      cols.place.push(placeId);
      cols.location.push(strings.of(location ? named(location) : null));
      cols.country.push(strings.of(typeof place?.kb.country === 'string' ? place.kb.country : null));
      cols.agent.push(strings.of(names('agent')));
      cols.target.push(strings.of(names('target')));
      cols.instrument.push(strings.of(names('instrument')));
      cols.claimant.push(strings.of(event.source !== null ? (entity.get(event.source)?.name ?? null) : null));
      cols.modality.push(strings.of(event.modality));
      cols.trigger.push(strings.of(data.text.slice(event.trigger[0], event.trigger[1])));
      cols.killed.push(event.casualties.killed ?? -1);
      cols.injured.push(event.casualties.injured ?? -1);
      cols.captured.push(event.casualties.captured ?? -1);
      cols.actors.push([...actors].map((a) => strings.of(a)));
      cols.equipment.push([...equipment].map((e) => strings.of(e)));
    });
  });

  const map = drawMap(placeList);
  const report: ReportData = {
    title: options.title ?? `sitrep report: ${dataset.name}`,
    generator: options.generator ?? 'sitrep',
    summary: {
      documents: docs.length,
      events: cols.doc.length,
      failed: dataset.failed,
      seconds: typeof dataset.run?.seconds === 'number' ? dataset.run.seconds : null,
    },
    strings: [],
    docs: docs.map((d) => ({ id: d.doc.id, title: strings.of(d.doc.title), source: strings.of(d.doc.source), published: strings.of(d.doc.published) })),
    places: placeList.map((p, i) => ({
      name: strings.of(p.name),
      country: strings.of(p.country),
      lat: p.lat,
      lon: p.lon,
      x: map.positions[i]?.[0] ?? null,
      y: map.positions[i]?.[1] ?? null,
    })),
    map: { view: map.view, width: MAP_WIDTH, height: MAP_HEIGHT },
    incidents: null,
    rows: { n: cols.doc.length, cols },
  };
  report.strings = strings.list;
  const incidents = incidentData(dataset.incidents ?? null);
  report.incidents = incidents?.data ?? null;
  return { report, docs, mapSvg: map.svg, incidentMapSvg: incidents?.svg ?? '' };
}

/** Incidents in the list of the page: the most reported first (the map shows every one). */
const INCIDENTS_LISTED = 200;

function incidentData(incidents: NonNullable<Dataset['incidents']> | null): { data: NonNullable<ReportData['incidents']>; svg: string } | null {
  if (!incidents) return null;
  const located = (i: (typeof incidents)[number]) => i.places.find((p) => typeof p.lat === 'number' && typeof p.lon === 'number' && Math.abs(p.lat) <= 90 && Math.abs(p.lon) <= 180);
  const order = [...incidents].sort((a, b) => b.documents - a.documents || b.events.length - a.events.length || (a.event_date ?? '9999').localeCompare(b.event_date ?? '9999'));
  const points = order.map(located);
  const map = drawMap(points.filter((p): p is NonNullable<typeof p> => Boolean(p)).map((p) => ({ lat: p.lat!, lon: p.lon! })));
  let k = 0;
  const items = order.map((i, n) => {
    const p = points[n];
    const position = p ? map.positions[k++] ?? null : null;
    const killed = i.killed.min === null ? null : i.killed.value !== null ? String(i.killed.value) : `${i.killed.min}–${i.killed.max}`;
    return { id: i.id, date: i.event_date, type: i.event_type, location: i.places[0]?.name ?? null, x: position?.[0] ?? null, y: position?.[1] ?? null, documents: i.documents, events: i.events.length, sources: i.sources, killed };
  });
  return {
    data: {
      total: incidents.length,
      events: incidents.reduce((n, i) => n + i.events.length, 0),
      multi: incidents.filter((i) => i.documents > 1).length,
      listed: Math.min(INCIDENTS_LISTED, items.length),
      view: map.view,
      // every incident's point; the list shows the first INCIDENTS_LISTED
      items: items.map((item, n) => (n < INCIDENTS_LISTED ? item : { ...item, sources: [] })),
    },
    svg: map.svg,
  };
}

/** The report page of a dataset: a complete HTML page. */
export function reportPage(dataset: Pick<Dataset, 'records' | 'run' | 'failed' | 'name' | 'incidents'>, options: ReportOptions = {}): string {
  const { report, docs, mapSvg, incidentMapSvg } = reportData(dataset, options);
  const script = `(() => {\n'use strict';\n${articleAssets.script()}\n${asset('client/report.js')}\n})();\n`;
  return renderPage({
    title: report.title,
    kind: 'page-report',
    style: `${articleAssets.style()}\n${asset('styles/report.css')}`,
    script,
    data: { 'sitrep-report': report, 'sitrep-docs': packDocs(docs) },
    body: reportBody(report, mapSvg, incidentMapSvg),
  });
}

/** Documents per packed part: opening an article unpacks only its part. */
export const DOCS_PER_PART = 200;

/**
 * The documents' article data, packed: JSON in gzip in base64, DOCS_PER_PART documents a part.
 * Articles are most of a report's weight (50,000 events: about 50 MB of JSON, 7 MB packed);
 * the page unpacks a part with the browser's own DecompressionStream when an article opens.
 */
export function packDocs(docs: ArticleData[]): { perPart: number; parts: string[] } {
  const parts: string[] = [];
  for (let i = 0; i < docs.length; i += DOCS_PER_PART) {
    parts.push(gzipSync(JSON.stringify(docs.slice(i, i + DOCS_PER_PART)), { level: 6 }).toString('base64'));
  }
  return { perPart: DOCS_PER_PART, parts };
}

/** The documents back from packDocs (for tests and tools; the page does the same in the browser). */
export function unpackDocs(packed: { perPart: number; parts: string[] }): ArticleData[] {
  return packed.parts.flatMap((part) => JSON.parse(gunzipSync(Buffer.from(part, 'base64')).toString('utf8')) as ArticleData[]);
}

function incidentsSection(report: ReportData, svg: string): string {
  if (!report.incidents) return '';
  return `<section class="card incidents-card" aria-labelledby="incidents-title">
    <div class="card-head"><h2 id="incidents-title">Incidents</h2><p class="card-note" id="incidents-note"></p></div>
    <div class="grid-2 incidents-grid">
      <svg class="map ${report.incidents.view}" id="incident-map" viewBox="0 0 ${report.map.width} ${report.map.height}" role="img" aria-labelledby="incidents-title incidents-note">${svg}<g class="map-points" id="incident-points"></g></svg>
      <ol class="incident-list" id="incident-list" aria-label="Incidents, the most reported first"></ol>
    </div>
  </section>`;
}

function reportBody(report: ReportData, mapSvg: string, incidentMapSvg = ''): string {
  return `<header class="report-head">
  <div class="report-title">
    <h1>${escapeHtml(report.title)}</h1>
    <p class="report-sub" id="report-sub"></p>
  </div>
  <div class="kpis" id="kpis" aria-live="polite"></div>
</header>
<div class="filter-bar" role="search">
  <label class="search"><span class="sr-only">Search events</span>
    <input id="search" type="search" placeholder="Search events: place, actor, type, trigger, document…" autocomplete="off" spellcheck="false">
  </label>
  <div class="chips" id="chips" aria-live="polite"></div>
  <p class="status" id="status" aria-live="polite"></p>
  <button type="button" class="clear-all" id="clear-all" hidden>Clear filters</button>
</div>
<main class="report-main">
  <section class="card chart-card" aria-labelledby="chart-title">
    <div class="card-head"><h2 id="chart-title">Events over time, by type</h2><p class="card-note" id="chart-note"></p></div>
    <div class="chart-legend" id="chart-legend" role="group" aria-label="Event types in the chart"></div>
    <div class="chart" id="chart"></div>
  </section>
  <div class="grid-2">
    <section class="card map-card" aria-labelledby="map-title">
      <div class="card-head"><h2 id="map-title">Where</h2><p class="card-note" id="map-note"></p></div>
      <svg class="map ${report.map.view}" id="map" viewBox="0 0 ${report.map.width} ${report.map.height}" role="img" aria-labelledby="map-title map-note">${mapSvg}<g class="map-points" id="map-points"></g><g class="map-labels" id="map-labels"></g></svg>
    </section>
    <section class="counts" aria-label="Counts">
      <div class="card count-card"><h2>By type</h2><div class="count-list" id="count-type"></div></div>
      <div class="card count-card"><h2>By actor</h2><div class="count-list" id="count-actor"></div></div>
      <div class="card count-card"><h2>By place</h2><div class="count-list" id="count-place"></div></div>
      <div class="card count-card"><h2>By equipment</h2><div class="count-list" id="count-equipment"></div></div>
    </section>
  </div>
  ${incidentsSection(report, incidentMapSvg)}
  <section class="card table-card" aria-labelledby="table-title">
    <div class="card-head"><h2 id="table-title">Events</h2><p class="card-note">Select a row (or press Enter on it) to open its article with the event highlighted. Sort by any column.</p></div>
    <div class="vtable" id="vtable" role="table" aria-labelledby="table-title">
      <div class="vhead" role="rowgroup"><div class="vrow vheader" role="row" id="vheader"></div></div>
      <div class="vbody" id="vbody" role="rowgroup" tabindex="-1"><div class="vspacer" id="vspacer"></div></div>
    </div>
  </section>
</main>
<dialog class="article-dialog" id="article-dialog" aria-label="Article">
  <div class="dialog-bar"><p class="dialog-crumb" id="dialog-crumb"></p><button type="button" class="dialog-close" id="dialog-close">Close <kbd>Esc</kbd></button></div>
  <div class="dialog-body" id="dialog-body"></div>
</dialog>
<div class="tip report-tip" id="report-tip" role="tooltip" hidden></div>
<footer class="page-foot">Made by ${escapeHtml(report.generator)}. Offline page: no network, no outside scripts. Map: Natural Earth via world-atlas.</footer>`;
}
