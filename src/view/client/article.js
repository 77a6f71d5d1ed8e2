// The article view, drawn in the browser from the JSON of src/view/article.ts (articleData).
// Shared by the page of `sitrep view` and the article dialog of `sitrep report`; each page
// wraps it with its own boot code in one function, so nothing here is global.
//
// Safe by construction: every string from the record reaches the page as a text node or an
// attribute value set with setAttribute (never markup: the page's CSP forbids innerHTML
// through Trusted Types), and handlers are attached with addEventListener.

/** Creates an element. props: class, text, or attributes (never on* handlers). */
function h(tag, props, ...children) {
  const node = tag.startsWith('svg:') ? document.createElementNS('http://www.w3.org/2000/svg', tag.slice(4)) : document.createElement(tag);
  if (props) {
    for (const [key, value] of Object.entries(props)) {
      if (value === null || value === undefined || value === false) continue;
      if (/^on/i.test(key)) throw new Error(`no handler attributes (${key})`);
      if (key === 'class') node.setAttribute('class', value);
      else if (key === 'text') node.textContent = String(value);
      else node.setAttribute(key, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'object' ? child : String(child));
  }
  return node;
}

/** The kinds of highlight, in legend order; colours (Okabe–Ito) are in article.css. */
const KINDS = [
  { key: 'trigger', label: 'Event trigger' },
  { key: 'ORG', label: 'Forces & organisations' },
  { key: 'ARMED_GROUP', label: 'Armed groups' },
  { key: 'PERSON', label: 'People' },
  { key: 'PLACE', label: 'Places' },
  { key: 'NORP', label: 'Nationalities' },
  { key: 'EQUIPMENT', label: 'Equipment' },
  { key: 'DATE', label: 'Dates' },
  { key: 'QUANTITY', label: 'Quantities' },
];
const KIND_LABEL = new Map(KINDS.map((k) => [k.key, k.label]));
const ENTITY_TYPE_LABEL = {
  PERSON: 'Person', ORG: 'Organisation or state force', ARMED_GROUP: 'Armed group', GPE: 'Place (country, region, city)',
  LOC: 'Place (area, water)', FACILITY: 'Facility', NORP: 'Nationality or group', MISC: 'Other name (event, law, work, product)', EQUIPMENT: 'Equipment', DATE: 'Date',
};

function kindOf(entityType) {
  if (entityType === 'GPE' || entityType === 'LOC' || entityType === 'FACILITY') return 'PLACE';
  return KIND_LABEL.has(entityType) ? entityType : 'OTHER';
}

const safeKey = (value) => String(value).replace(/[^A-Za-z0-9_-]/g, '_');

function casualtiesText(c) {
  const parts = [];
  if (c && c.killed !== null && c.killed !== undefined) parts.push(`${c.killed} killed`);
  if (c && c.injured !== null && c.injured !== undefined) parts.push(`${c.injured} injured`);
  if (c && c.captured !== null && c.captured !== undefined) parts.push(`${c.captured} captured`);
  return parts.join(', ');
}

function coordinates(lat, lon) {
  const f = (v, pos, neg) => `${Math.abs(v).toFixed(2)}° ${v >= 0 ? pos : neg}`;
  return `${f(lat, 'N', 'S')}, ${f(lon, 'E', 'W')}`;
}

/** What the record's kb says, as label/value rows for a tooltip. */
function kbRows(entity) {
  const kb = entity.kb || {};
  const rows = [];
  const seen = new Set();
  const add = (label, value, ...keys) => {
    keys.forEach((k) => seen.add(k));
    if (value !== undefined && value !== null && value !== '') rows.push([label, String(value)]);
  };
  if (entity.type === 'DATE') {
    add('resolved', kb.value, 'value');
    add('precision', kb.precision, 'precision');
  }
  add('kind', kb.kind, 'kind');
  add('country', kb.country, 'country');
  add('region', kb.admin1, 'admin1');
  if (typeof kb.lat === 'number' && typeof kb.lon === 'number') add('coordinates', coordinates(kb.lat, kb.lon), 'lat', 'lon');
  add('population', typeof kb.population === 'number' ? kb.population.toLocaleString('en') : kb.population, 'population');
  add('sector', kb.sector, 'sector');
  add('opposes', kb.opposes, 'opposes');
  add('based in', kb.based, 'based');
  add('GeoNames id', kb.geonames, 'geonames');
  add('resolved by', kb.resolution, 'resolution', 'resolved');
  seen.add('iso2');
  add('admin1 code', kb.admin1Code, 'admin1Code');
  add('category', kb.category, 'category');
  add('origin', kb.origin, 'origin');
  if (kb.generic === true) add('model', 'generic (no specific model)', 'generic');
  if (kb.description === true) add('named by', 'description, not a name', 'description');
  for (const [key, value] of Object.entries(kb)) if (!seen.has(key)) add(key, value, key);
  return rows;
}

let articleViews = 0;

/**
 * Draws one article into root. options.event: the index of an event to select at once.
 * Returns { select(index), root }.
 */
function renderArticle(root, data, options = {}) {
  const uid = `a${++articleViews}`;
  const text = typeof data.text === 'string' ? data.text : '';
  const entities = Array.isArray(data.entities) ? data.entities : [];
  const quantities = Array.isArray(data.quantities) ? data.quantities : [];
  const events = Array.isArray(data.events) ? data.events : [];
  const sentences = Array.isArray(data.sentences) ? data.sentences : [];
  const entityById = new Map(entities.map((e) => [e.id, e]));
  const quantityById = new Map(quantities.map((q) => [q.id, q]));
  const slice = (r) => text.slice(r[0], r[1]);

  /** What an argument names: its entity's canonical name, else its own text. */
  const argName = (a) => {
    const e = a.ref !== null ? entityById.get(a.ref) : undefined;
    return e ? e.name : slice(a.range);
  };
  const roleNames = (event, role) => {
    const names = [];
    for (const a of event.args) if (a.role === role && !names.includes(argName(a))) names.push(argName(a));
    return names.join('; ');
  };
  const claimant = (event) => (event.source !== null && entityById.has(event.source) ? entityById.get(event.source).name : '');

  // ---- every span the text shows, outermost layer first when two cover the same text
  const spans = [];
  sentences.forEach((s, i) => spans.push({ start: s[0], end: s[1], layer: 0, sentence: i, heading: s[2] === 1 }));
  events.forEach((event, k) => {
    // one outline per argument span; a span with two roles (target and quantity) names both
    const byRange = new Map();
    for (const a of event.args) {
      const key = `${a.range[0]}:${a.range[1]}`;
      if (!byRange.has(key)) byRange.set(key, { start: a.range[0], end: a.range[1], layer: 1, event: k, roles: [] });
      if (!byRange.get(key).roles.includes(a.role)) byRange.get(key).roles.push(a.role);
    }
    for (const span of byRange.values()) spans.push({ ...span, role: span.roles.join(' · ') });
  });
  quantities.forEach((q) => spans.push({ start: q.range[0], end: q.range[1], layer: 2, kind: 'QUANTITY', quantity: q, label: 'QTY' }));
  entities.forEach((e) => {
    for (const m of e.mentions) spans.push({ start: m[0], end: m[1], layer: 3, kind: kindOf(e.type), entity: e, label: e.type });
  });
  events.forEach((event, k) => spans.push({ start: event.trigger[0], end: event.trigger[1], layer: 4, kind: 'trigger', event: k, label: event.type }));
  spans.forEach((s, i) => { s.index = i; s.nodes = []; });

  const order = (a, b) => a.start - b.start || b.end - a.end || a.layer - b.layer || a.index - b.index;
  const counts = new Map();
  for (const s of spans) if (s.kind) counts.set(s.kind, (counts.get(s.kind) || 0) + 1);

  // ---- the text, cut at every span boundary; spans nest, and one that crosses another is cut in two
  const textNode = h('div', { class: 'doc-text labels', lang: 'en', id: `${uid}-text` });
  const starts = new Map();
  const ends = new Map();
  const cuts = new Set([0, text.length]);
  for (const s of spans) {
    cuts.add(s.start);
    cuts.add(s.end);
    if (!starts.has(s.start)) starts.set(s.start, []);
    starts.get(s.start).push(s);
    if (!ends.has(s.end)) ends.set(s.end, []);
    ends.get(s.end).push(s);
  }
  const boundaries = [...cuts].sort((a, b) => a - b);
  let active = [];
  let stack = [];
  const parent = () => (stack.length ? stack[stack.length - 1].node : textNode);
  for (let b = 0; b < boundaries.length - 1; b++) {
    const at = boundaries[b];
    const closing = ends.get(at);
    if (closing) active = active.filter((s) => !closing.includes(s));
    const opening = starts.get(at);
    if (opening) active = active.concat(opening);
    const cover = active.slice().sort(order);
    let keep = 0;
    while (keep < stack.length && keep < cover.length && stack[keep].span === cover[keep]) keep++;
    stack = stack.slice(0, keep);
    for (let j = keep; j < cover.length; j++) {
      const node = spanNode(cover[j]);
      parent().append(node);
      stack.push({ span: cover[j], node });
    }
    parent().append(text.slice(at, boundaries[b + 1]));
  }

  function spanNode(span) {
    const head = span.nodes.length === 0;
    let node;
    if (span.layer === 0) node = h('span', { class: span.heading ? 'sent heading' : 'sent' });
    else if (span.layer === 1) node = h('span', { class: 'arg', 'data-role': span.role });
    else {
      node = h('mark', {
        class: `m k-${safeKey(span.kind)}${head ? ' head' : ' cont'}`,
        'data-i': span.index,
        'data-label': head ? span.label : null,
        tabindex: head ? 0 : null,
      });
    }
    span.nodes.push(node);
    return node;
  }

  // ---- the tooltip: one per view, filled with text nodes for the span under the pointer or focus
  const tip = h('div', { class: 'tip', role: 'tooltip', id: `${uid}-tip`, hidden: true });
  let tipFor = null;

  function tipContent(span) {
    const rows = [];
    let kind;
    let name;
    let hint = null;
    if (span.entity) {
      const e = span.entity;
      kind = `${ENTITY_TYPE_LABEL[e.type] || e.type} · ${e.type}`;
      name = e.name;
      rows.push(...kbRows(e));
      if (e.mentions.length > 1) rows.push(['mentions', `${e.mentions.length} in this article`]);
      if (slice([span.start, span.end]) !== e.name) rows.unshift(['text', `“${slice([span.start, span.end])}”`]);
    } else if (span.quantity) {
      const q = span.quantity;
      kind = 'Quantity';
      name = `${q.value === null ? '?' : `${q.approximate ? '≈ ' : ''}${q.value.toLocaleString('en')}`} × ${q.item}`;
      rows.push(['text', `“${slice(q.range)}”`]);
      if (q.approximate) rows.push(['approximate', 'yes (“at least”, “dozens of”, …)']);
      const counted = q.entity !== null ? entityById.get(q.entity) : undefined;
      if (counted) rows.push(['counts', `${counted.name} (${counted.type})`]);
    } else {
      const event = events[span.event];
      kind = `Event · ${event.type}`;
      name = `“${slice(event.trigger)}”`;
      rows.push(['modality', event.modality]);
      if (event.date) rows.push(['date', event.date]);
      const c = casualtiesText(event.casualties);
      if (c) rows.push(['casualties', c]);
      if (claimant(event)) rows.push(['according to', claimant(event)]);
      for (const a of event.args) {
        if (a.role === 'time' || a.role === 'casualties' || a.role === 'quantity') continue;
        rows.push([a.role, argName(a)]);
      }
      if (event.acled[0]) rows.push(['ACLED', `${event.acled[0]} / ${event.acled[1]}`]);
      if (event.plover) rows.push(['PLOVER', event.plover]);
      hint = 'Click or press Enter to select this event';
    }
    return [
      h('div', { class: 'tip-kind' }, h('span', { class: `swatch k-${safeKey(span.kind)}` }), kind),
      h('div', { class: 'tip-name', text: name }),
      rows.length ? h('dl', { class: 'tip-rows' }, rows.map(([k, v]) => [h('dt', { text: k }), h('dd', { text: v })])) : null,
      hint ? h('div', { class: 'tip-hint', text: hint }) : null,
    ];
  }

  function showTip(mark) {
    const span = spans[Number(mark.getAttribute('data-i'))];
    if (!span) return;
    if (tipFor !== span) tip.replaceChildren(...tipContent(span).filter(Boolean));
    tipFor = span;
    tip.hidden = false;
    for (const node of span.nodes) node.classList.add('hover');
    const head = span.nodes[0];
    const box = head.getClientRects()[0] || head.getBoundingClientRect(); // the first line of a span that wraps
    const width = tip.offsetWidth;
    const height = tip.offsetHeight;
    const left = Math.max(8, Math.min(box.left, window.innerWidth - width - 8));
    const below = box.bottom + 8;
    const top = below + height > window.innerHeight - 8 && box.top - height - 8 > 8 ? box.top - height - 8 : below;
    tip.style.left = `${Math.round(left)}px`;
    tip.style.top = `${Math.round(top)}px`;
    mark.setAttribute('aria-describedby', tip.id);
  }

  function hideTip() {
    if (tipFor) for (const node of tipFor.nodes) node.classList.remove('hover');
    tipFor = null;
    tip.hidden = true;
  }

  const markOf = (target) => (target instanceof Element ? target.closest('mark[data-i]') : null);
  textNode.addEventListener('mouseover', (e) => {
    const mark = markOf(e.target);
    if (mark) showTip(mark);
  });
  textNode.addEventListener('mouseout', (e) => {
    const mark = markOf(e.target);
    if (mark && !mark.contains(e.relatedTarget) && document.activeElement !== mark) hideTip();
  });
  textNode.addEventListener('focusin', (e) => {
    const mark = markOf(e.target);
    if (mark) showTip(mark);
  });
  textNode.addEventListener('focusout', () => hideTip());
  textNode.addEventListener('click', (e) => {
    const mark = markOf(e.target);
    const span = mark && spans[Number(mark.getAttribute('data-i'))];
    if (span && span.kind === 'trigger') select(span.event, { from: 'text' });
  });
  textNode.addEventListener('keydown', (e) => {
    const mark = markOf(e.target);
    const span = mark && spans[Number(mark.getAttribute('data-i'))];
    if (e.key === 'Escape') hideTip();
    else if (span && span.kind === 'trigger' && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      select(span.event, { from: 'text' });
    }
  });
  const onScroll = () => hideTip();
  window.addEventListener('scroll', onScroll, { passive: true, capture: true });

  // ---- the legend: one toggle per kind present, with its count
  const legend = h('div', { class: 'legend', role: 'group', 'aria-label': 'Highlights by kind' },
    KINDS.filter((k) => counts.has(k.key)).map((k) => {
      const button = h('button', { type: 'button', class: 'legend-item', 'aria-pressed': 'true', 'data-kind': k.key, title: `Show or hide ${k.label.toLowerCase()}` },
        h('span', { class: `swatch k-${k.key}` }), h('span', { class: 'legend-label', text: k.label }), h('span', { class: 'legend-count', text: counts.get(k.key) }));
      button.addEventListener('click', () => {
        const on = button.getAttribute('aria-pressed') !== 'true';
        button.setAttribute('aria-pressed', String(on));
        textNode.classList.toggle(`off-${k.key}`, !on);
      });
      return button;
    }));
  const labelsToggle = h('button', { type: 'button', class: 'legend-item labels-toggle', 'aria-pressed': 'true', title: 'Show or hide the type labels after each highlight' }, 'Labels');
  labelsToggle.addEventListener('click', () => {
    const on = labelsToggle.getAttribute('aria-pressed') !== 'true';
    labelsToggle.setAttribute('aria-pressed', String(on));
    textNode.classList.toggle('labels', on);
  });
  legend.append(labelsToggle);

  // ---- the events table (a column that no event of this article fills is left out)
  const rows = [];
  const columns = [
    ['Agent', (event) => roleNames(event, 'agent')],
    ['Target', (event) => roleNames(event, 'target')],
    ['Location', (event) => roleNames(event, 'location')],
    ['Date', (event) => event.date || '', 'nowrap'],
    ['Casualties', (event) => casualtiesText(event.casualties)],
    ['According to', (event) => claimant(event)],
  ].filter(([, get]) => events.some((event) => get(event) !== ''));
  const table = h('table', { class: 'events-table' },
    h('caption', { class: 'sr-only', text: 'Events of this article: select one to highlight its trigger and arguments in the text' }),
    h('thead', null, h('tr', null, h('th', { scope: 'col', text: 'Event' }), columns.map(([label]) => h('th', { scope: 'col', text: label })))),
    h('tbody', null, events.map((event, k) => {
      const row = h('tr', { tabindex: 0, 'data-event': k, 'aria-selected': 'false' },
        h('td', { class: 'ev-type' },
          h('span', { class: 'type-chip k-trigger', text: event.type }),
          h('span', { class: 'ev-trigger', text: `“${slice(event.trigger)}”` }),
          h('span', { class: `modality mod-${safeKey(event.modality)}`, title: 'modality', text: event.modality })),
        columns.map(([, get, cls]) => h('td', { class: cls || null, text: get(event) })));
      row.addEventListener('click', () => select(k, { from: 'table' }));
      row.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          select(k, { from: 'table' });
        } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          e.preventDefault();
          const next = rows[k + (e.key === 'ArrowDown' ? 1 : -1)];
          if (next) next.focus();
        }
      });
      rows.push(row);
      return row;
    })));

  const doc = data.doc || {};
  const meta = [];
  if (doc.published) meta.push(h('span', null, 'Published ', h('time', { text: doc.published })));
  if (doc.dateline) meta.push(h('span', { text: `Dateline: ${doc.dateline}` }));
  if (doc.source) meta.push(h('span', { class: 'mono', text: doc.source }));
  if (typeof doc.url === 'string' && /^https?:\/\//i.test(doc.url)) meta.push(h('a', { href: doc.url, rel: 'noopener noreferrer nofollow', target: '_blank', text: doc.url }));
  meta.push(h('span', { class: 'mono', text: `id ${doc.id}` }));
  const Heading = options.heading || 'h1';
  const header = h('header', { class: 'doc-head' },
    h(Heading, { class: 'doc-title', id: `${uid}-title`, text: doc.title || (sentences[0] && sentences[0][2] === 1 ? slice(sentences[0]) : doc.source ? `Article ${doc.source.split('/').pop()}` : 'Untitled article') }),
    h('div', { class: 'doc-meta' }, meta),
    h('div', { class: 'doc-stats' },
      [[events.length, 'events'], [entities.filter((e) => e.type !== 'DATE').length, 'entities'], [quantities.length, 'quantities'], [entities.filter((e) => e.type === 'DATE').length, 'dates']]
        .map(([n, what]) => h('span', { class: 'stat' }, h('b', { text: n }), ` ${n === 1 ? what.replace(/ies$/, 'y').replace(/s$/, '') : what}`))));

  const selectionNote = h('p', { class: 'sr-only', 'aria-live': 'polite' });
  const clear = h('button', { type: 'button', class: 'clear-selection', hidden: true, text: 'Clear selection' });
  clear.addEventListener('click', () => select(null));
  const eventsPanel = h('section', { class: 'events-panel', 'aria-labelledby': `${uid}-events` },
    h('div', { class: 'events-head' }, h('h2', { id: `${uid}-events`, text: `Events (${events.length})` }), clear),
    events.length ? h('p', { class: 'hint', text: 'Select an event to highlight its trigger and arguments in the text.' }) : h('p', { class: 'hint', text: 'No events were extracted from this article.' }),
    selectionNote,
    events.length ? h('div', { class: 'table-wrap' }, table) : null);

  root.append(header, legend, h('div', { class: 'doc-cols' }, h('section', { class: 'text-panel', 'aria-label': 'Article text' }, textNode), eventsPanel), tip);

  // ---- selecting an event: its row, its trigger, its arguments (with their roles) and its sentence
  let selected = null;
  function select(k, how = {}) {
    textNode.querySelectorAll('.sel, .sel-sent').forEach((n) => n.classList.remove('sel', 'sel-sent'));
    rows.forEach((r) => r.setAttribute('aria-selected', 'false'));
    textNode.classList.toggle('has-selection', k !== null && k !== undefined);
    selected = k === null || k === undefined || !events[k] ? null : k;
    clear.hidden = selected === null;
    if (selected === null) {
      selectionNote.textContent = '';
      return;
    }
    const event = events[selected];
    for (const s of spans) {
      if (s.event !== selected) continue;
      for (const node of s.nodes) node.classList.add('sel');
    }
    const sentence = spans.find((s) => s.layer === 0 && s.sentence === event.sentence);
    if (sentence) for (const node of sentence.nodes) node.classList.add('sel-sent');
    rows[selected].setAttribute('aria-selected', 'true');
    const parts = [...new Set(event.args.filter((a) => a.role !== 'time').map((a) => `${a.role} “${slice(a.range)}”`))];
    selectionNote.textContent = `Selected: ${event.type} “${slice(event.trigger)}”${parts.length ? `, with ${parts.join(', ')}` : ''}.`;
    const trigger = spans.find((s) => s.layer === 4 && s.event === selected);
    if (trigger && trigger.nodes[0] && how.from !== 'text') trigger.nodes[0].scrollIntoView({ block: 'center', behavior: how.instant ? 'auto' : 'smooth' });
    if (how.from === 'text') rows[selected].scrollIntoView({ block: 'nearest' });
  }

  if (options.event !== undefined && options.event !== null) select(options.event, { instant: true });
  const destroy = () => window.removeEventListener('scroll', onScroll, { capture: true });
  return { root, select, selected: () => selected, destroy };
}
