// Boot and behaviour of the page of `sitrep report`, over the JSON of src/view/report.ts.
// Runs after article.js (renderArticle, h) in the same function. Every string from the
// dataset reaches the page as a text node or an attribute set with setAttribute.
{
  const byId = (id) => document.getElementById(id);
  const SVG = 'http://www.w3.org/2000/svg';
  const svg = (tag, attrs) => {
    const node = document.createElementNS(SVG, tag);
    if (attrs) for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) node.setAttribute(k, String(v));
    return node;
  };
  const fmt = (n) => n.toLocaleString('en');
  const plural = (n, one, many) => `${fmt(n)} ${n === 1 ? one : many || `${one}s`}`;

  const R = JSON.parse(byId('sitrep-report').textContent);
  const S = R.strings;
  const str = (i) => (i >= 0 && i < S.length ? S[i] : '');
  const C = R.rows.cols;
  const N = R.rows.n;
  const orNull = (v) => (v < 0 ? null : v);

  /** 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' as UTC milliseconds, else NaN */
  const timeOf = (date) => {
    const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
    return m ? Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1) : NaN;
  };
  const docTitle = (d) => {
    const doc = R.docs[d];
    if (!doc) return '';
    return str(doc.title) || str(doc.source).split('/').pop() || doc.id;
  };

  // ---- the events, one object each, with a lower-cased text to search
  const rows = new Array(N);
  for (let i = 0; i < N; i++) {
    const r = {
      i, doc: C.doc[i], ev: C.ev[i], type: str(C.type[i]), date: str(C.date[i]), dated: C.dated[i], place: C.place[i],
      location: str(C.location[i]), country: str(C.country[i]), agent: str(C.agent[i]), target: str(C.target[i]),
      instrument: str(C.instrument[i]), claimant: str(C.claimant[i]), modality: str(C.modality[i]), trigger: str(C.trigger[i]),
      killed: orNull(C.killed[i]), injured: orNull(C.injured[i]), captured: orNull(C.captured[i]),
      actors: C.actors[i].map(str), equipment: C.equipment[i].map(str),
    };
    r.t = timeOf(r.date);
    r.title = docTitle(r.doc);
    const doc = R.docs[r.doc];
    r.text = [r.type, r.date, r.location, r.country, r.agent, r.target, r.instrument, r.claimant, r.modality, r.trigger, r.title,
      doc ? str(doc.source) : '', doc ? doc.id : '', r.actors.join('\u0001'), r.equipment.join('\u0001')].join('\u0001').toLowerCase();
    rows[i] = r;
  }

  // ---- event types: the eight most frequent get an Okabe–Ito colour each, the rest share grey
  const TYPE_COLORS = ['#0072b2', '#e69f00', '#009e73', '#d55e00', '#cc79a7', '#56b4e9', '#f0e442', '#3b3f45'];
  const OTHER_COLOR = '#aab3bc';
  const totalsByType = new Map();
  for (const r of rows) totalsByType.set(r.type, (totalsByType.get(r.type) || 0) + 1);
  const typesByCount = [...totalsByType.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map((e) => e[0]);
  const series = typesByCount.length <= TYPE_COLORS.length + 1 ? typesByCount.slice() : typesByCount.slice(0, TYPE_COLORS.length);
  const hasOther = series.length < typesByCount.length;
  const seriesOf = new Map(series.map((t, k) => [t, k]));
  const colorOf = (type) => {
    const k = seriesOf.get(type);
    return k === undefined || k >= TYPE_COLORS.length ? OTHER_COLOR : TYPE_COLORS[k];
  };
  const seriesLabel = (k) => (k < series.length ? series[k] : 'Other types');
  const seriesColor = (k) => (k < series.length ? colorOf(series[k]) : OTHER_COLOR);
  const nSeries = series.length + (hasOther ? 1 : 0);
  const seriesIndex = (type) => (seriesOf.has(type) ? seriesOf.get(type) : series.length);

  // ---- filters, sorting, and the rows that pass
  const FACETS = [
    ['type', 'Type'], ['actor', 'Actor'], ['place', 'Place'], ['equipment', 'Equipment'], ['period', 'Period'],
  ];
  const state = { q: '', type: null, actor: null, place: null, equipment: null, period: null };
  const COLUMNS = [
    { key: 'date', label: 'Date', width: '104px', get: (r) => r.date },
    { key: 'type', label: 'Type', width: '150px', get: (r) => r.type },
    { key: 'location', label: 'Location', width: 'minmax(120px, 1.1fr)', get: (r) => r.location },
    { key: 'country', label: 'Country', width: '96px', get: (r) => r.country },
    { key: 'agent', label: 'Agent', width: 'minmax(120px, 1.2fr)', get: (r) => r.agent },
    { key: 'target', label: 'Target', width: 'minmax(120px, 1.2fr)', get: (r) => r.target },
    { key: 'casualties', label: 'Casualties', width: '128px', numeric: true, get: (r) => (r.killed || 0) + (r.injured || 0) + (r.captured || 0) },
    { key: 'modality', label: 'Modality', width: '108px', get: (r) => r.modality },
    { key: 'claimant', label: 'Claimant', width: 'minmax(110px, 1fr)', get: (r) => r.claimant },
    { key: 'title', label: 'Article', width: 'minmax(150px, 1.4fr)', get: (r) => r.title },
  ];
  const sort = { key: 'date', dir: -1 };
  let order = sortedOrder();
  let shown = [];

  function sortedOrder() {
    const column = COLUMNS.find((c) => c.key === sort.key);
    const keys = rows.map((r) => {
      const v = column.get(r);
      return column.numeric ? v : v.toLowerCase();
    });
    const idx = rows.map((r) => r.i);
    const empty = (v) => v === '' || v === 0;
    idx.sort((a, b) => {
      const x = keys[a];
      const y = keys[b];
      if (empty(x) !== empty(y)) return empty(x) ? 1 : -1; // nothing sorts last, either way
      if (x < y) return -sort.dir;
      if (x > y) return sort.dir;
      return a - b;
    });
    return idx;
  }

  function passes(r, terms) {
    if (state.type !== null && r.type !== state.type) return false;
    if (state.actor !== null && !r.actors.includes(state.actor)) return false;
    if (state.place !== null && r.location !== state.place) return false;
    if (state.equipment !== null && !r.equipment.includes(state.equipment)) return false;
    if (state.period !== null && !(r.t >= state.period.from && r.t < state.period.to)) return false;
    for (const t of terms) if (!r.text.includes(t)) return false;
    return true;
  }

  function apply() {
    const terms = state.q.toLowerCase().split(/\s+/).filter(Boolean);
    shown = [];
    for (const i of order) if (passes(rows[i], terms)) shown.push(i);
    drawStatus();
    drawKpis();
    drawChart();
    drawMap();
    drawCounts();
    table.reset();
    document.body.setAttribute('data-shown', String(shown.length));
  }

  function setFacet(facet, value) {
    state[facet] = state[facet] === value ? null : value;
    apply();
  }

  // ---- header, search and chips
  const search = byId('search');
  let searchTimer = 0;
  search.addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => {
      state.q = search.value.trim();
      apply();
    }, 120);
  });
  search.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && search.value) {
      search.value = '';
      state.q = '';
      apply();
    }
  });
  byId('clear-all').addEventListener('click', () => {
    for (const [facet] of FACETS) state[facet] = null;
    state.q = '';
    search.value = '';
    apply();
  });

  const dated = rows.filter((r) => Number.isFinite(r.t));
  const firstDate = dated.reduce((m, r) => (m === null || r.t < m.t ? r : m), null);
  const lastDate = dated.reduce((m, r) => (m === null || r.t > m.t ? r : m), null);
  const sub = [plural(R.summary.documents, 'document'), plural(N, 'event')];
  if (R.summary.failed) sub.push(`${fmt(R.summary.failed)} failed to extract`);
  if (firstDate) sub.push(firstDate === lastDate ? firstDate.date : `${firstDate.date} to ${lastDate.date}`);
  sub.push(`made by ${R.generator}`);
  byId('report-sub').textContent = sub.join(' · ');

  function drawStatus() {
    byId('status').textContent = shown.length === N ? `All ${plural(N, 'event')}` : `${fmt(shown.length)} of ${plural(N, 'event')}`;
    const chips = byId('chips');
    chips.replaceChildren();
    for (const [facet, label] of FACETS) {
      if (state[facet] === null) continue;
      const value = facet === 'period' ? state.period.label : state[facet];
      const chip = h('button', { type: 'button', class: 'chip', 'aria-label': `Remove the filter ${label}: ${value}` },
        h('span', { class: 'chip-label', text: `${label}:` }), h('span', { class: 'chip-value', text: value }), h('span', { class: 'chip-x', 'aria-hidden': 'true', text: '×' }));
      chip.addEventListener('click', () => setFacet(facet, state[facet]));
      chips.append(chip);
    }
    byId('clear-all').hidden = !(state.q || FACETS.some(([facet]) => state[facet] !== null));
  }

  function drawKpis() {
    const docs = new Set();
    const places = new Set();
    let killed = 0;
    let injured = 0;
    let captured = 0;
    for (const i of shown) {
      const r = rows[i];
      docs.add(r.doc);
      if (r.location) places.add(r.location);
      killed += r.killed || 0;
      injured += r.injured || 0;
      captured += r.captured || 0;
    }
    const kpi = (value, label, note) => h('div', { class: 'kpi' }, h('div', { class: 'kpi-value', text: fmt(value) }), h('div', { class: 'kpi-label', text: label }), note ? h('div', { class: 'kpi-note', text: note }) : null);
    // one word for documents everywhere: the subtitle counts documents too
    byId('kpis').replaceChildren(...[
      kpi(shown.length, 'events', shown.length === N ? null : `of ${fmt(N)}`),
      shown.length === N
        ? kpi(R.summary.documents, 'documents', docs.size < R.summary.documents ? `${fmt(docs.size)} with events` : null)
        : kpi(docs.size, 'documents', 'with these events'),
      R.incidents ? kpi(R.incidents.total, 'incidents', `${fmt(R.incidents.multi)} in more than one document`) : null,
      kpi(places.size, 'places'),
      kpi(killed, 'killed'),
      kpi(injured, 'injured'),
      kpi(captured, 'captured')].filter(Boolean));
  }

  // ---- the tooltip of charts and map
  const tip = byId('report-tip');
  function showTip(x, y, lines) {
    tip.replaceChildren(...lines.map((line, k) => {
      if (k === 0) return h('div', { class: 'tip-name', text: line });
      if (Array.isArray(line)) return h('div', { class: 'tip-line' }, line[0] ? h('span', { class: 'tip-dot' }) : null, h('span', { text: line[1] }));
      return h('div', { class: 'tip-line', text: line });
    }));
    tip.querySelectorAll('.tip-dot').forEach((dot, k) => {
      const line = lines.filter((l) => Array.isArray(l) && l[0])[k];
      if (line) dot.style.background = line[0];
    });
    tip.hidden = false;
    const w = tip.offsetWidth;
    const hgt = tip.offsetHeight;
    tip.style.left = `${Math.round(Math.max(8, Math.min(x + 14, window.innerWidth - w - 8)))}px`;
    tip.style.top = `${Math.round(y + 16 + hgt > window.innerHeight - 8 ? y - hgt - 12 : y + 16)}px`;
  }
  const hideTip = () => { tip.hidden = true; };
  window.addEventListener('scroll', hideTip, { passive: true, capture: true });

  // ---- events over time: stacked bars, one bin per day, week, month or year
  const DAY = 86400000;
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const units = {
    day: { start: (t) => Math.floor(t / DAY) * DAY, next: (t) => t + DAY },
    week: { start: (t) => { const d = Math.floor(t / DAY); return (d - ((d + 3) % 7)) * DAY; }, next: (t) => t + 7 * DAY },
    month: { start: (t) => { const d = new Date(t); return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1); }, next: (t) => { const d = new Date(t); return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1); } },
    year: { start: (t) => Date.UTC(new Date(t).getUTCFullYear(), 0, 1), next: (t) => Date.UTC(new Date(t).getUTCFullYear() + 1, 0, 1) },
  };
  const binLabel = (unit, t) => {
    const d = new Date(t);
    if (unit === 'year') return String(d.getUTCFullYear());
    if (unit === 'month') return `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
    const day = `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
    return unit === 'week' ? `week of ${day}` : day;
  };
  const axisLabel = (unit, t, first) => {
    const d = new Date(t);
    if (unit === 'year') return String(d.getUTCFullYear());
    if (unit === 'month') return d.getUTCMonth() === 0 || first ? `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}` : MONTHS[d.getUTCMonth()];
    return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}${first || (d.getUTCMonth() === 0 && d.getUTCDate() <= 7) ? ` ${d.getUTCFullYear()}` : ''}`;
  };
  const niceMax = (v) => {
    if (v <= 5) return 5;
    const p = 10 ** Math.floor(Math.log10(v));
    for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
    return 10 * p;
  };

  /**
   * The span the timeline draws: the bulk of the dates (from the 5th to the 95th percentile,
   * widened by a quarter of its length, and at least a month, on each side), so that two events dated a century early do not
   * squeeze the rest into one bar; the years left out are listed in the chart's note.
   */
  function bulkOf(times) {
    if (!times.length) return { lo: Infinity, hi: -Infinity, outliers: [] };
    const sorted = times.slice().sort((a, b) => a - b);
    const at = (q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))];
    const [low, high] = sorted.length >= 20 ? [at(0.05), at(0.95)] : [sorted[0], sorted[sorted.length - 1]];
    const pad = Math.max(31 * DAY, (high - low) / 4);
    const lo = Math.max(sorted[0], low - pad);
    const hi = Math.min(sorted[sorted.length - 1], high + pad);
    const years = new Map();
    for (const t of sorted) if (t < lo || t > hi) years.set(new Date(t).getUTCFullYear(), (years.get(new Date(t).getUTCFullYear()) || 0) + 1);
    return { lo, hi, outliers: [...years.entries()].sort((a, b) => a[0] - b[0]) };
  }

  const chart = byId('chart');
  let chartBins = null;
  let chartFocus = -1;

  function drawChart() {
    drawChartLegend();
    const width = Math.max(320, chart.clientWidth);
    const height = 230;
    const m = { l: 44, r: 10, t: 10, b: 28 };
    let fromPublished = 0;
    let undated = 0;
    const times = [];
    for (const i of shown) {
      const r = rows[i];
      if (!Number.isFinite(r.t)) { undated++; continue; }
      times.push(r.t);
      if (r.dated === 2) fromPublished++;
    }
    const { lo, hi, outliers } = bulkOf(times);
    const notes = [];
    if (fromPublished) notes.push(`${plural(fromPublished, 'event')} dated by the article's publication date`);
    if (undated) notes.push(`${plural(undated, 'event')} without a date not shown`);
    if (outliers.length) notes.push(`not drawn, far from the rest: ${outliers.map(([year, n]) => `${year} (${fmt(n)})`).join(', ')}`);
    byId('chart-note').textContent = notes.join(' · ');
    const root = svg('svg', { class: 'chart-svg', width, height, viewBox: `0 0 ${width} ${height}`, role: 'group', 'aria-roledescription': 'chart', tabindex: 0 });
    if (lo === Infinity) {
      chartBins = null;
      const empty = svg('text', { x: width / 2, y: height / 2, class: 'chart-empty', 'text-anchor': 'middle' });
      empty.textContent = shown.length ? 'None of these events has a date.' : N ? 'No events match the filters.' : 'No events in this dataset.';
      root.append(empty);
      root.setAttribute('aria-label', empty.textContent);
      chart.replaceChildren(root);
      return;
    }
    const spanDays = (hi - lo) / DAY;
    const unit = spanDays <= 120 ? 'day' : spanDays <= 3 * 365 ? 'week' : spanDays <= 30 * 365 ? 'month' : 'year';
    const U = units[unit];
    const bins = [];
    const index = new Map();
    for (let t = U.start(lo); t <= hi; t = U.next(t)) {
      index.set(t, bins.length);
      bins.push({ t, end: U.next(t), total: 0, counts: new Array(nSeries).fill(0) });
    }
    for (const i of shown) {
      const r = rows[i];
      if (!Number.isFinite(r.t) || r.t < lo || r.t > hi) continue;
      const bin = bins[index.get(U.start(r.t))];
      bin.total++;
      bin.counts[seriesIndex(r.type)]++;
    }
    chartBins = { unit, bins };
    const top = niceMax(Math.max(...bins.map((b) => b.total)));
    const plotW = width - m.l - m.r;
    const plotH = height - m.t - m.b;
    const bw = plotW / bins.length;
    const gap = bw > 8 ? Math.min(4, bw * 0.18) : bw > 3 ? 1 : 0;
    const y = (v) => m.t + plotH - (v / top) * plotH;

    const grid = svg('g', { class: 'chart-grid' });
    for (let k = 0; k <= 4; k++) {
      const v = (top / 4) * k;
      grid.append(svg('line', { x1: m.l, x2: width - m.r, y1: y(v), y2: y(v) }));
      const label = svg('text', { x: m.l - 8, y: y(v) + 4, 'text-anchor': 'end' });
      label.textContent = Number.isInteger(v) ? fmt(v) : v.toFixed(1);
      grid.append(label);
    }
    root.append(grid);
    const bars = svg('g', { class: 'chart-bars' });
    bins.forEach((bin, b) => {
      let acc = 0;
      for (let k = 0; k < nSeries; k++) {
        const v = bin.counts[k];
        if (!v) continue;
        const rect = svg('rect', { x: (m.l + b * bw + gap / 2).toFixed(1), y: y(acc + v).toFixed(1), width: Math.max(1, bw - gap).toFixed(1), height: Math.max(0.5, y(acc) - y(acc + v)).toFixed(1) });
        rect.style.fill = seriesColor(k);
        bars.append(rect);
        acc += v;
      }
    });
    root.append(bars);
    // x labels, at least 84 px apart
    const every = Math.max(1, Math.ceil(84 / bw));
    const axis = svg('g', { class: 'chart-axis' });
    axis.append(svg('line', { x1: m.l, x2: width - m.r, y1: m.t + plotH + 0.5, y2: m.t + plotH + 0.5 }));
    for (let b = 0; b < bins.length; b += every) {
      const label = svg('text', { x: (m.l + b * bw + bw / 2).toFixed(1), y: height - 8, 'text-anchor': 'middle' });
      label.textContent = axisLabel(unit, bins[b].t, b === 0);
      axis.append(label);
    }
    root.append(axis);
    const cursor = svg('rect', { class: 'chart-cursor', x: 0, y: m.t, width: Math.max(1, bw), height: plotH, visibility: 'hidden' });
    root.append(cursor);
    const hits = svg('g', { class: 'chart-hits' });
    bins.forEach((bin, b) => hits.append(svg('rect', { x: (m.l + b * bw).toFixed(1), y: m.t, width: Math.max(1, bw).toFixed(1), height: plotH, 'data-bin': b })));
    root.append(hits);
    root.setAttribute('aria-label', `Events over time by type, ${binLabel(unit, bins[0].t)} to ${binLabel(unit, bins[bins.length - 1].t)}, one bar per ${unit}; the tallest has ${fmt(Math.max(...bins.map((b) => b.total)))} events. Use the arrow keys to read the bars and Enter to filter by one.`);

    const binLines = (bin) => [
      `${binLabel(unit, bin.t)}: ${plural(bin.total, 'event')}`,
      ...bin.counts.map((v, k) => [v, k]).filter(([v]) => v > 0).sort((a, b) => b[0] - a[0]).map(([v, k]) => [seriesColor(k), `${seriesLabel(k)}: ${fmt(v)}`]),
      bin.total ? 'Click to show only this period' : '',
    ].filter(Boolean);
    const point = (b) => {
      cursor.setAttribute('x', (m.l + b * bw).toFixed(1));
      cursor.setAttribute('visibility', 'visible');
    };
    const chooseBin = (b) => {
      const bin = bins[b];
      if (!bin || !bin.total) return;
      const label = binLabel(unit, bin.t);
      setFacet('period', state.period && state.period.label === label ? state.period : { from: bin.t, to: bin.end, label });
    };
    hits.addEventListener('mousemove', (e) => {
      const b = Number(e.target.getAttribute('data-bin'));
      if (!bins[b]) return;
      point(b);
      showTip(e.clientX, e.clientY, binLines(bins[b]));
    });
    hits.addEventListener('mouseleave', () => { cursor.setAttribute('visibility', 'hidden'); hideTip(); });
    hits.addEventListener('click', (e) => chooseBin(Number(e.target.getAttribute('data-bin'))));
    root.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowRight' || e.key === 'ArrowLeft' || e.key === 'Home' || e.key === 'End') {
        e.preventDefault();
        if (e.key === 'Home') chartFocus = 0;
        else if (e.key === 'End') chartFocus = bins.length - 1;
        else chartFocus = Math.max(0, Math.min(bins.length - 1, (chartFocus < 0 ? 0 : chartFocus + (e.key === 'ArrowRight' ? 1 : -1))));
        point(chartFocus);
        const box = root.getBoundingClientRect();
        showTip(box.left + (m.l + chartFocus * bw) * (box.width / width), box.top + m.t, binLines(bins[chartFocus]));
      } else if (e.key === 'Enter' && chartFocus >= 0) chooseBin(chartFocus);
      else if (e.key === 'Escape') hideTip();
    });
    root.addEventListener('blur', () => { cursor.setAttribute('visibility', 'hidden'); hideTip(); });
    chartFocus = -1;
    chart.replaceChildren(root);
  }

  function drawChartLegend() {
    const counts = new Array(nSeries).fill(0);
    for (const i of shown) counts[seriesIndex(rows[i].type)]++;
    const legend = byId('chart-legend');
    legend.replaceChildren(...Array.from({ length: nSeries }, (_, k) => {
      const isOther = k >= series.length;
      const button = h('button', {
        type: 'button', class: 'series', 'aria-pressed': String(!isOther && state.type === series[k]), disabled: isOther ? true : null,
        title: isOther ? 'Types outside the eight most frequent' : `Show only ${series[k]} events`,
      }, h('span', { class: 'series-swatch' }), h('span', { text: seriesLabel(k) }), h('span', { class: 'series-count', text: fmt(counts[k]) }));
      button.querySelector('.series-swatch').style.background = seriesColor(k);
      if (!isOther) button.addEventListener('click', () => setFacet('type', series[k]));
      return button;
    }));
  }

  // ---- the map: one point per place, its area by the number of events there
  const mapNode = byId('map');
  const pointsLayer = byId('map-points');
  const labelsLayer = byId('map-labels');
  function drawMap() {
    const counts = new Map();
    let located = 0;
    for (const i of shown) {
      const p = rows[i].place;
      if (p < 0) continue;
      located++;
      counts.set(p, (counts.get(p) || 0) + 1);
    }
    const onMap = [...counts.entries()].filter(([p]) => R.places[p].x !== null).sort((a, b) => b[1] - a[1]);
    const max = onMap.length ? onMap[0][1] : 1;
    const radius = (n) => 4.5 + 20 * Math.sqrt(n / Math.max(max, 40));
    const nodes = [];
    onMap.forEach(([p, n], rank) => {
      const place = R.places[p];
      const name = str(place.name);
      const circle = svg('circle', {
        class: state.place === name ? 'pt active' : 'pt', cx: place.x, cy: place.y, r: radius(n).toFixed(1), 'data-place': p, 'data-count': n,
        tabindex: rank < 60 ? 0 : null, role: 'button', 'aria-label': `${name}${str(place.country) ? ` (${str(place.country)})` : ''}: ${plural(n, 'event')}`,
      });
      nodes.push(circle);
    });
    pointsLayer.replaceChildren(...nodes.reverse()); // the largest first, so the small ones stay on top
    // names of the busiest places, where they do not collide
    const taken = [];
    const labels = [];
    for (const [p, n] of onMap.slice(0, 12)) {
      const place = R.places[p];
      const name = str(place.name);
      const w = name.length * 8.4 + 8;
      const r = radius(n);
      const box = { x: place.x + r + 3, y: place.y - 9, w, h: 18 };
      if (box.x + w > R.map.width) box.x = place.x - r - 3 - w;
      if (taken.some((t) => box.x < t.x + t.w && t.x < box.x + box.w && box.y < t.y + t.h && t.y < box.y + box.h)) continue;
      taken.push(box, { x: place.x - r, y: place.y - r, w: 2 * r, h: 2 * r });
      const text = svg('text', { x: box.x.toFixed(1), y: (box.y + 14).toFixed(1), class: 'map-label' });
      text.textContent = name;
      labels.push(text);
      if (labels.length >= 8) break;
    }
    labelsLayer.replaceChildren(...labels);
    const off = [...counts.keys()].filter((p) => R.places[p].x === null).length;
    const note = [`${plural(counts.size, 'place')}`, `${fmt(located)} of ${plural(shown.length, 'event')} located`];
    if (off) note.push(`${plural(off, 'place')} outside the view`);
    byId('map-note').textContent = note.join(' · ');
  }
  const placeTip = (circle) => {
    const place = R.places[Number(circle.getAttribute('data-place'))];
    const n = Number(circle.getAttribute('data-count'));
    return [str(place.name), `${str(place.country) || 'country unknown'} · ${place.lat.toFixed(2)}, ${place.lon.toFixed(2)}`, plural(n, 'event'), 'Click to show only this place'];
  };
  mapNode.addEventListener('mousemove', (e) => {
    const circle = e.target instanceof Element ? e.target.closest('circle.pt') : null;
    if (!circle) return hideTip();
    showTip(e.clientX, e.clientY, placeTip(circle));
  });
  mapNode.addEventListener('mouseleave', hideTip);
  mapNode.addEventListener('focusin', (e) => {
    const circle = e.target.closest && e.target.closest('circle.pt');
    if (!circle) return;
    const box = circle.getBoundingClientRect();
    showTip(box.right, box.top, placeTip(circle));
  });
  mapNode.addEventListener('focusout', hideTip);
  const choosePlace = (circle) => setFacet('place', str(R.places[Number(circle.getAttribute('data-place'))].name));
  mapNode.addEventListener('click', (e) => {
    const circle = e.target instanceof Element ? e.target.closest('circle.pt') : null;
    if (circle) choosePlace(circle);
  });
  mapNode.addEventListener('keydown', (e) => {
    const circle = e.target.closest && e.target.closest('circle.pt');
    if (circle && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      choosePlace(circle);
    }
  });

  // ---- incidents (sitrep link): counts, their places on a map of their own, the most reported with every source
  function drawIncidents() {
    const I = R.incidents;
    if (!I) return;
    byId('incidents-note').textContent = [`${plural(I.total, 'incident')} from ${plural(I.events, 'event')}`, `${fmt(I.multi)} told by more than one document`, I.listed < I.total ? `the ${fmt(I.listed)} most reported listed` : ''].filter(Boolean).join(' · ');
    const located = I.items.filter((it) => it.x !== null);
    const max = Math.max(1, ...located.map((it) => it.documents));
    byId('incident-points').replaceChildren(...located.slice().sort((a, b) => b.documents - a.documents).map((it) => {
      const circle = svg('circle', { class: 'pt', cx: it.x, cy: it.y, r: (4 + 16 * Math.sqrt(it.documents / Math.max(max, 10))).toFixed(1) });
      const title = svg('title');
      title.textContent = `${it.type}${it.location ? ` in ${it.location}` : ''}${it.date ? `, ${it.date}` : ''}: ${plural(it.documents, 'document')}`;
      circle.append(title);
      return circle;
    }));
    byId('incident-list').replaceChildren(...I.items.slice(0, I.listed).map((it) => h('li', { class: 'incident' },
      h('div', { class: 'incident-head' },
        h('span', { class: 'type-dot' }),
        h('span', { class: 'incident-what', text: [it.type, it.location, it.date].filter(Boolean).join(' · ') }),
        h('span', { class: 'incident-n', text: `${plural(it.documents, 'document')}${it.killed !== null ? ` · ${it.killed} killed` : ''}` })),
      h('p', { class: 'incident-sources', text: it.sources.join('; ') }))));
    byId('incident-list').querySelectorAll('.type-dot').forEach((dot, k) => { dot.style.background = colorOf(I.items[k].type); });
  }
  drawIncidents();

  // ---- counts by type, actor, place and equipment: the most frequent, each a filter
  const TOP = 6;
  function drawCounts() {
    const tally = (facet, valuesOf, id, colored) => {
      const counts = new Map();
      for (const i of shown) for (const v of valuesOf(rows[i])) if (v) counts.set(v, (counts.get(v) || 0) + 1);
      const top = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      const max = top.length ? top[0][1] : 1;
      const list = byId(id);
      const items = top.slice(0, TOP).map(([value, n]) => {
        const button = h('button', { type: 'button', class: 'count-row', 'aria-pressed': String(state[facet] === value), title: `${value}: ${plural(n, 'event')}. Click to filter.` },
          h('span', { class: 'count-name', text: value }),
          h('span', { class: 'count-bar' }, h('span', { class: 'count-fill' })),
          h('span', { class: 'count-n', text: fmt(n) }));
        const fill = button.querySelector('.count-fill');
        fill.style.width = `${Math.max(2, (100 * n) / max).toFixed(1)}%`;
        if (colored) fill.style.background = colorOf(value);
        button.addEventListener('click', () => setFacet(facet, value));
        return button;
      });
      if (top.length > TOP) items.push(h('p', { class: 'count-more', text: `and ${plural(top.length - TOP, 'other')}` }));
      if (!top.length) items.push(h('p', { class: 'count-more', text: 'none' }));
      list.replaceChildren(...items);
    };
    tally('type', (r) => [r.type], 'count-type', true);
    tally('actor', (r) => r.actors, 'count-actor', false);
    tally('place', (r) => [r.location], 'count-place', false);
    tally('equipment', (r) => r.equipment, 'count-equipment', false);
  }

  // ---- the table: a header of sort buttons, and only the rows in view drawn (50,000 stay smooth)
  const table = (() => {
    const ROW = 38;
    const vtable = byId('vtable');
    const body = byId('vbody');
    const spacer = byId('vspacer');
    const header = byId('vheader');
    vtable.style.setProperty('--cols', COLUMNS.map((c) => c.width).join(' '));
    let active = 0;
    let frame = 0;

    function drawHeader() {
      header.replaceChildren(...COLUMNS.map((c) => {
        const on = sort.key === c.key;
        const cell = h('div', { role: 'columnheader', class: 'vcell', 'aria-sort': on ? (sort.dir > 0 ? 'ascending' : 'descending') : 'none' });
        const button = h('button', { type: 'button', class: 'sort', 'data-key': c.key }, c.label, h('span', { class: 'sort-mark', 'aria-hidden': 'true', text: on ? (sort.dir > 0 ? '▲' : '▼') : '' }));
        button.addEventListener('click', () => {
          if (sort.key === c.key) sort.dir = -sort.dir;
          else {
            sort.key = c.key;
            sort.dir = c.key === 'date' || c.numeric ? -1 : 1;
          }
          order = sortedOrder();
          drawHeader();
          apply();
        });
        cell.append(button);
        return cell;
      }));
    }

    const casualties = (r) => [r.killed !== null ? `${fmt(r.killed)} killed` : '', r.injured !== null ? `${fmt(r.injured)} injured` : '', r.captured !== null ? `${fmt(r.captured)} captured` : ''].filter(Boolean).join(', ');

    function rowNode(pos) {
      const r = rows[shown[pos]];
      const row = h('div', { role: 'row', class: 'vrow', tabindex: pos === active ? 0 : -1, 'data-pos': pos, 'aria-rowindex': pos + 2 });
      row.style.transform = `translateY(${pos * ROW}px)`;
      const cell = (text, cls) => h('div', { role: 'cell', class: cls ? `vcell ${cls}` : 'vcell', title: text || null, text });
      const type = h('div', { role: 'cell', class: 'vcell', title: `${r.type}: “${r.trigger}”` }, h('span', { class: 'type-dot' }), h('span', { class: 'type-name', text: r.type }));
      type.querySelector('.type-dot').style.background = colorOf(r.type);
      row.append(
        cell(r.date, r.dated === 2 ? 'mono dim' : 'mono'),
        type,
        cell(r.location),
        cell(r.country, 'mono'),
        cell(r.agent),
        cell(r.target),
        cell(casualties(r), 'num'),
        r.modality && r.modality !== 'asserted'
          ? h('div', { role: 'cell', class: 'vcell' }, h('span', { class: `modality mod-${r.modality.replace(/[^a-z]/g, '')}`, text: r.modality }))
          : cell(r.modality, 'dim'),
        cell(r.claimant),
        cell(r.title));
      if (r.dated === 2) row.children[0].setAttribute('title', `${r.date} (the article's publication date)`);
      return row;
    }

    function draw() {
      frame = 0;
      const top = body.scrollTop;
      const height = body.clientHeight || 600;
      const first = Math.max(0, Math.floor(top / ROW) - 6);
      const last = Math.min(shown.length, Math.ceil((top + height) / ROW) + 6);
      const focused = document.activeElement && document.activeElement.parentNode === spacer;
      const nodes = [];
      for (let pos = first; pos < last; pos++) nodes.push(rowNode(pos));
      if (!shown.length) nodes.push(h('div', { class: 'vempty', text: N ? 'No events match the filters.' : 'No events in this dataset.' }));
      spacer.replaceChildren(...nodes);
      if (focused) {
        const node = spacer.querySelector(`[data-pos="${active}"]`);
        if (node) node.focus({ preventScroll: true });
      }
    }

    function reset() {
      vtable.setAttribute('aria-rowcount', String(shown.length + 1));
      spacer.style.height = `${Math.max(1, shown.length) * ROW}px`;
      active = 0;
      body.scrollTop = 0;
      draw();
    }

    function moveTo(pos) {
      if (!shown.length) return;
      active = Math.max(0, Math.min(shown.length - 1, pos));
      const top = active * ROW;
      if (top < body.scrollTop) body.scrollTop = top;
      else if (top + ROW > body.scrollTop + body.clientHeight) body.scrollTop = top + ROW - body.clientHeight;
      draw();
      const node = spacer.querySelector(`[data-pos="${active}"]`);
      if (node) node.focus({ preventScroll: true });
    }

    body.addEventListener('scroll', () => {
      if (!frame) frame = requestAnimationFrame(draw);
    }, { passive: true });
    spacer.addEventListener('click', (e) => {
      const row = e.target instanceof Element ? e.target.closest('.vrow') : null;
      if (!row) return;
      active = Number(row.getAttribute('data-pos'));
      openArticle(shown[active]);
    });
    spacer.addEventListener('keydown', (e) => {
      const page = Math.max(1, Math.floor(body.clientHeight / ROW) - 1);
      const moves = { ArrowDown: active + 1, ArrowUp: active - 1, PageDown: active + page, PageUp: active - page, Home: 0, End: shown.length - 1 };
      if (e.key in moves) {
        e.preventDefault();
        moveTo(moves[e.key]);
      } else if ((e.key === 'Enter' || e.key === ' ') && shown.length) {
        e.preventDefault();
        openArticle(shown[active]);
      }
    });
    drawHeader();
    return { reset, focusActive: () => moveTo(active) };
  })();

  // ---- the article dialog: the article view of the event's document, the event selected
  const dialog = byId('article-dialog');
  const dialogBody = byId('dialog-body');
  // the documents come packed (gzip, base64) in parts; a part is unpacked when first needed
  let packed = null;
  const parts = new Map();
  async function unpack(base64) {
    const binary = atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let k = 0; k < binary.length; k++) bytes[k] = binary.charCodeAt(k);
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    return JSON.parse(await new Response(stream).text());
  }
  function loadDoc(d) {
    if (!packed) packed = JSON.parse(byId('sitrep-docs').textContent);
    const part = Math.floor(d / packed.perPart);
    if (!parts.has(part)) parts.set(part, unpack(packed.parts[part] || ''));
    return parts.get(part).then((list) => list[d % packed.perPart]);
  }
  let openView = null;
  let opening = 0;
  async function openArticle(i) {
    const r = rows[i];
    const ticket = ++opening;
    const data = await loadDoc(r.doc);
    if (!data || ticket !== opening) return;
    byId('dialog-crumb').textContent = [r.type, r.date || 'no date', r.location || 'no place'].join(' · ');
    dialogBody.replaceChildren();
    if (!dialog.open) dialog.showModal();
    openView = renderArticle(dialogBody, data, { event: r.ev, heading: 'h2' });
    dialog.setAttribute('aria-label', `Article: ${r.title}`);
    byId('dialog-close').focus();
  }
  byId('dialog-close').addEventListener('click', () => dialog.close());
  dialog.addEventListener('click', (e) => {
    if (e.target === dialog) dialog.close(); // a click on the backdrop
  });
  dialog.addEventListener('close', () => {
    if (openView) openView.destroy();
    openView = null;
    dialogBody.replaceChildren();
    table.focusActive();
  });

  let resizeTimer = 0;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(drawChart, 150);
  });

  apply();
  document.body.setAttribute('data-ready', '1');
}
