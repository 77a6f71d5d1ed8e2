// The pages of `sitrep view` and `sitrep report` in a real browser: Debian's Chromium driven
// by playwright-core. Highlights, tooltips on hover and on keyboard focus, event selection,
// the chart, the map, the table's search and sort, a report of 50,000 events, and hostile
// articles that must run nothing. Screenshots go to output/browser/ (not committed).
//
// Skipped, with a message, where no Chromium is installed (apt-get install chromium; or set
// SITREP_CHROMIUM to a Chromium binary); CI installs it in .ci/run.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../src/index.js';
import { articlePage } from '../src/view/article.js';
import { reportPage } from '../src/view/report.js';
import { pipeline } from './helpers.js';

const ROOT = new URL('..', import.meta.url).pathname;
const CHROMIUM = process.env.SITREP_CHROMIUM || '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const OUT = join(ROOT, 'output', 'browser');
// the flags of this machine's probe (.library/env/machines/node.md); Playwright adds a fresh,
// empty --user-data-dir of its own to every launch
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

if (!HAVE_CHROMIUM) {
  console.warn(`\nsitrep browser tests SKIPPED: no Chromium at ${CHROMIUM}. Install it (apt-get install chromium) or set SITREP_CHROMIUM to a Chromium binary.\n`);
}

let browser: Browser;
beforeAll(async () => {
  if (!HAVE_CHROMIUM) return;
  mkdirSync(OUT, { recursive: true });
  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}, 30_000);
afterAll(async () => {
  await browser?.close();
});

interface Opened {
  page: Page;
  /** console errors, page errors and CSP or Trusted Types reports */
  problems: string[];
  /** every URL the page asked for */
  requests: string[];
  /** milliseconds from navigation to the page's data-ready */
  ms: number;
}

const CSP_PROBE = `document.addEventListener('securitypolicyviolation', (e) => {
  window.__csp = (window.__csp || []).concat(e.violatedDirective + ' ' + e.blockedURI);
});`;

async function open(file: string, viewport = { width: 1440, height: 900 }): Promise<Opened> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content.Security.Policy|Trusted.Type/i.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('request', (r) => requests.push(r.url()));
  await page.addInitScript({ content: CSP_PROBE });
  const started = performance.now();
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector('body[data-ready="1"]', { timeout: 20_000 });
  return { page, problems, requests, ms: performance.now() - started };
}

const write = (name: string, html: string) => {
  const file = join(OUT, name);
  writeFileSync(file, html);
  return file;
};

/** Every request of a page stayed on the file itself (or data: URLs): no network. */
const offline = (requests: string[], file: string) => requests.filter((u) => u !== pathToFileURL(file).href && !u.startsWith('data:'));

// ---- hostile input: an article, and a record whose every string is an attack
const ATTACKS = [
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned = 2">',
  '</textarea><svg onload="window.__pwned = 3"></svg>',
  '</script><script>window.__pwned = 4</script>',
  '<iframe src="javascript:window.top.__pwned = 5"></iframe>',
];
const HOSTILE_ARTICLE = `---
title: "${ATTACKS[0]} Shelling of Kherson"
date: 2024-05-10
---
Russian forces shelled Kherson on Thursday, killing two civilians, the governor said. ${ATTACKS.join(' ')}

Ukrainian forces repelled an attack near Pokrovsk <b onmouseover="window.__pwned = 6">on Friday</b>, the General Staff said.`;

function hostileRecord(): DocumentRecord {
  const record = pipeline().process({ text: `Russian forces shelled Kherson on Thursday. ${ATTACKS.join(' ')} The governor said so.`, published: '2024-05-10' });
  const attack = (k: number) => ATTACKS[k % ATTACKS.length]!;
  record.doc = { ...record.doc, id: `${attack(3)}`, title: attack(0), source: attack(1), url: 'javascript:window.__pwned = 7', dateline: attack(2) };
  record.entities.forEach((e, k) => {
    e.name = attack(k);
    e.kb = { ...e.kb, note: attack(k + 1), [attack(k + 2)]: attack(k + 3) };
  });
  record.events.forEach((v, k) => {
    v.modality = attack(k) as never;
    v.type = attack(k + 1) as never;
    v.mappings = { acled: { event_type: attack(k + 2), sub_event_type: attack(k + 3) }, plover: attack(k + 4) };
    v.args.forEach((a, j) => {
      a.role = attack(j) as never;
    });
  });
  record.quantities.forEach((q) => {
    q.item = attack(1);
  });
  return record;
}

async function assertSafe(opened: Opened, file: string) {
  const { page } = opened;
  expect(await page.evaluate('window.__pwned')).toBeUndefined();
  expect(await page.evaluate('window.__csp')).toBeUndefined(); // nothing was even attempted
  expect(opened.problems).toEqual([]);
  expect(offline(opened.requests, file)).toEqual([]);
  expect(await page.locator('img, iframe').count()).toBe(0);
  expect(await page.locator('script:not([type="application/json"])').count()).toBe(1); // the page's own
  // no element anywhere carries an event handler attribute
  expect(await page.evaluate(`[...document.querySelectorAll('*')].filter((n) => [...n.attributes].some((a) => /^on/i.test(a.name))).length`)).toBe(0);
}

describe.skipIf(!HAVE_CHROMIUM)('the article view in Chromium', () => {
  let file: string;
  let opened: Opened;
  beforeAll(async () => {
    const text = readFileSync(join(ROOT, 'corpus/000_49e5a31c79cda5c8.txt'), 'utf8');
    const record = pipeline().process({ text, source: 'corpus/000_49e5a31c79cda5c8.txt' });
    file = write('view.html', articlePage(record));
    opened = await open(file);
  }, 30_000);
  afterAll(async () => {
    await opened?.page.context().close();
  });

  it('loads offline, with no error and no CSP report', async () => {
    expect(opened.problems).toEqual([]);
    expect(offline(opened.requests, file)).toEqual([]);
    expect(await opened.page.evaluate('window.__csp')).toBeUndefined();
    await opened.page.screenshot({ path: join(OUT, 'view.png') });
  });

  it('highlights spans by kind, with a legend', async () => {
    const { page } = opened;
    for (const kind of ['trigger', 'ORG', 'PLACE', 'EQUIPMENT', 'NORP', 'QUANTITY']) {
      expect(await page.locator(`.doc-text mark.k-${kind}`).count(), kind).toBeGreaterThan(0);
    }
    await expect.poll(() => page.locator('.doc-text mark.k-PLACE.head').first().textContent()).toBe('Belgorod region');
    const legend = await page.locator('.legend-item .legend-label').allTextContents();
    expect(legend).toEqual(expect.arrayContaining(['Event trigger', 'Places', 'Equipment', 'Quantities']));
    // the legend hides a kind, and shows it again
    const places = page.locator('.legend-item[data-kind="PLACE"]');
    await places.click();
    expect(await page.locator('.doc-text.off-PLACE').count()).toBe(1);
    await places.click();
    expect(await page.locator('.doc-text.off-PLACE').count()).toBe(0);
  });

  it('shows details on hover', async () => {
    const { page } = opened;
    await page.locator('.doc-text mark.k-PLACE.head', { hasText: 'Belgorod region' }).first().hover();
    const tip = page.locator('.tip[role="tooltip"]');
    await expect.poll(() => tip.isVisible()).toBe(true);
    const text = await tip.textContent();
    expect(text).toContain('Belgorod Oblast');
    expect(text).toMatch(/50\.70° N, 37\.50° E/);
    expect(text).toContain('RUS');
    await page.mouse.move(5, 5);
    await expect.poll(() => tip.isVisible()).toBe(false);
  });

  it('shows details on keyboard focus, and selects an event with Enter', async () => {
    const { page } = opened;
    await page.locator('.legend-item').first().focus();
    let focused = '';
    for (let i = 0; i < 30 && !focused.startsWith('MARK'); i++) {
      await page.keyboard.press('Tab');
      focused = (await page.evaluate("document.activeElement.tagName + ' ' + document.activeElement.className")) as string;
    }
    expect(focused).toMatch(/^MARK /);
    const tip = page.locator('.tip[role="tooltip"]');
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await page.evaluate("document.activeElement.getAttribute('aria-describedby')")).toBe(await tip.getAttribute('id'));
    expect(await tip.textContent()).toContain('Military Forces of Russia');
    // on to the first trigger, and Enter selects its event
    for (let i = 0; i < 10 && !focused.includes('k-trigger'); i++) {
      await page.keyboard.press('Tab');
      focused = (await page.evaluate("document.activeElement.className")) as string;
    }
    expect(await tip.textContent()).toContain('Event · ATTACK');
    await page.keyboard.press('Enter');
    expect(await page.locator('.events-table tr[aria-selected="true"]').count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => tip.isVisible()).toBe(false);
  });

  it('highlights the trigger and arguments of the event clicked in the table', async () => {
    const { page } = opened;
    const row = page.locator('.events-table tbody tr', { hasText: 'DESTRUCTION' }).first();
    await row.click();
    expect(await row.getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('.doc-text mark.k-trigger.sel').allTextContents()).toEqual([expect.stringMatching(/^destruction/)]);
    const roles = await page.locator('.doc-text .arg.sel').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-role')));
    expect(roles.some((role) => role?.split(' · ').includes('target'))).toBe(true);
    expect(await page.locator('.doc-text .sent.sel-sent').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(OUT, 'view-selected.png') });
    // another event moves the selection
    await page.locator('.events-table tbody tr', { hasText: 'CRASH' }).first().click();
    await expect.poll(() => page.locator('.doc-text mark.k-trigger.sel').allTextContents()).toEqual([expect.stringMatching(/^crash/)]);
    // the click goes to the button itself: the page may still be scrolling smoothly to the
    // trigger just selected, and a click by position could land on whatever scrolled under it
    await page.locator('.clear-selection').dispatchEvent('click');
    await expect.poll(() => page.locator('.doc-text .sel').count()).toBe(0);
  });
});

describe.skipIf(!HAVE_CHROMIUM)('hostile articles in Chromium', () => {
  it('an article with markup in its text and title runs nothing in the article view', async () => {
    const input = { text: HOSTILE_ARTICLE.replace(/^---[\s\S]*?---\n/, ''), title: `${ATTACKS[0]} Shelling of Kherson`, published: '2024-05-10' };
    const file = write('hostile-view.html', articlePage(pipeline().process(input)));
    const opened = await open(file);
    await assertSafe(opened, file);
    const { page } = opened;
    expect(await page.locator('.doc-title').textContent()).toBe(`${ATTACKS[0]} Shelling of Kherson`);
    const shown = await page.locator('.doc-text').textContent();
    for (const attack of ATTACKS) expect(shown).toContain(attack);
    expect(await page.title()).toContain('<script>');
    await page.context().close();
  });

  it('a record whose every string is an attack runs nothing, in the view and in the report', async () => {
    const record = hostileRecord();
    const viewFile = write('hostile-record.html', articlePage(record));
    const view = await open(viewFile);
    await assertSafe(view, viewFile);
    // hover and select everything: tooltips and selection notes render the strings as text
    for (const mark of await view.page.locator('mark.head').all()) await mark.hover();
    for (const row of await view.page.locator('.events-table tbody tr').all()) await row.click();
    expect(await view.page.evaluate('window.__pwned')).toBeUndefined();
    expect(await view.page.locator('a[href^="javascript"]').count()).toBe(0);
    await view.page.context().close();

    const reportFile = write('hostile-report.html', reportPage({ name: ATTACKS[1]!, records: [record, hostileRecord()], run: null, failed: 0 }, { title: ATTACKS[3] }));
    const report = await open(reportFile);
    await assertSafe(report, reportFile);
    await report.page.locator('.vrow[data-pos]').first().click();
    await report.page.locator('#dialog-body mark.head').first().waitFor();
    for (const mark of await report.page.locator('#dialog-body mark.head').all()) await mark.hover();
    await report.page.locator('#search').fill('<script>');
    await expect.poll(() => report.page.getAttribute('body', 'data-shown')).not.toBeNull();
    expect(await report.page.evaluate('window.__pwned')).toBeUndefined();
    expect(report.problems).toEqual([]);
    await report.page.context().close();
  });

  it('the CSP and Trusted Types are a second wall behind the escaping', async () => {
    const file = write('csp-wall.html', articlePage(pipeline().process({ text: 'Russian forces shelled Kherson.' })));
    const { page, requests } = await open(file);
    // Trusted Types: markup and handler attributes set from script throw instead of parsing
    const attempt = (code: string) => page.evaluate(`(() => { try { ${code}; return 'done'; } catch (e) { return e.name; } })()`);
    expect(await attempt(`document.body.innerHTML = '<img src=x onerror="window.__pwned = 8">'`)).toBe('TypeError');
    expect(await attempt(`document.createElement('img').setAttribute('onerror', 'window.__pwned = 9')`)).toBe('TypeError');
    expect(await attempt(`document.createElement('script').textContent = 'window.__pwned = 10'`)).toBe('TypeError');
    // the CSP: no style attribute, no request to the network; each attempt is reported
    await attempt(`document.body.setAttribute('style', 'display: none')`);
    expect(await page.locator('body').isVisible()).toBe(true);
    expect(await attempt(`fetch('https://example.com/beacon').catch(() => {})`)).toBe('done');
    const reported = async () => ((await page.evaluate('window.__csp')) as string[] | undefined) ?? [];
    await expect.poll(async () => (await reported()).some((r) => r.startsWith('connect-src')), { timeout: 5000 }).toBe(true);
    expect(await reported()).toEqual(expect.arrayContaining([
      expect.stringMatching(/^require-trusted-types-for/),
      expect.stringMatching(/^style-src-attr/),
      expect.stringMatching(/^connect-src https:\/\/example\.com/),
    ]));
    expect(offline(requests, file)).toEqual([]);
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    await page.context().close();
  });
});

// ---- a dataset from the test passages and the corpus, through the real pipeline
function demoRecords(): DocumentRecord[] {
  const cases = JSON.parse(readFileSync(join(ROOT, 'tests/cases/sentences.json'), 'utf8')) as Array<{ id: string; text: string; published?: string }>;
  const records = cases.map((c) => pipeline().process({ id: c.id, text: c.text, published: c.published ?? null, source: `tests/cases/sentences.json#${c.id}` }));
  for (const name of ['000_49e5a31c79cda5c8.txt', '002_714127bd9c241300.txt']) {
    records.push(pipeline().process({ text: readFileSync(join(ROOT, 'corpus', name), 'utf8'), source: `corpus/${name}` }));
  }
  return records;
}

describe.skipIf(!HAVE_CHROMIUM)('the dataset report in Chromium', () => {
  let file: string;
  let opened: Opened;
  let total: number;
  beforeAll(async () => {
    const records = demoRecords();
    total = records.reduce((n, r) => n + r.events.length, 0);
    file = write('report.html', reportPage({ name: 'demo', records, run: null, failed: 0 }, { title: 'sitrep report: test passages and corpus' }));
    opened = await open(file, { width: 1440, height: 1000 });
  }, 30_000);
  afterAll(async () => {
    await opened?.page.context().close();
  });

  it('loads offline, with no error and no CSP report', async () => {
    expect(opened.problems).toEqual([]);
    expect(offline(opened.requests, file)).toEqual([]);
    expect(await opened.page.evaluate('window.__csp')).toBeUndefined();
    expect(await opened.page.getAttribute('body', 'data-shown')).toBe(String(total));
    await opened.page.screenshot({ path: join(OUT, 'report.png'), fullPage: true });
  });

  it('draws the chart, the map with its points, and the counts', async () => {
    const { page } = opened;
    expect(await page.locator('#chart svg .chart-bars rect').count()).toBeGreaterThan(10);
    expect(await page.locator('#chart-legend .series').count()).toBeGreaterThan(3);
    expect(await page.locator('#map .country').count()).toBeGreaterThan(100);
    const points = await page.locator('#map circle.pt').count();
    expect(points).toBeGreaterThan(20);
    expect(await page.locator('#map-note').textContent()).toMatch(new RegExp(`^${points} places`));
    for (const id of ['count-type', 'count-actor', 'count-place', 'count-equipment']) {
      expect(await page.locator(`#${id} .count-row`).count(), id).toBeGreaterThan(0);
    }
    // a point tells its place on hover, and a click filters by it
    const point = page.locator('#map circle.pt').last();
    await point.hover();
    await expect.poll(() => page.locator('#report-tip').isVisible()).toBe(true);
    expect(await page.locator('#report-tip').textContent()).toMatch(/\d+ events?/);
    await point.click();
    const shown = Number(await page.getAttribute('body', 'data-shown'));
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(total);
    expect(await page.locator('#chips .chip').count()).toBe(1);
    await page.locator('#clear-all').click();
    expect(await page.getAttribute('body', 'data-shown')).toBe(String(total));
  });

  it('searches and sorts the table, and a count filters it', async () => {
    const { page } = opened;
    await page.locator('#search').fill('kherson');
    await expect.poll(() => page.getAttribute('body', 'data-shown')).not.toBe(String(total));
    const rows = await page.locator('.vrow[data-pos]').allTextContents();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(10);
    await page.locator('#search').fill('');
    await expect.poll(() => page.getAttribute('body', 'data-shown')).toBe(String(total));

    const dates = async () => (await page.locator('.vrow[data-pos] .vcell:first-child').allTextContents()).filter(Boolean);
    const newestFirst = await dates();
    expect(newestFirst).toEqual([...newestFirst].sort().reverse());
    await page.locator('.sort[data-key="date"]').click();
    const oldestFirst = await dates();
    expect(oldestFirst).toEqual([...oldestFirst].sort());
    expect(oldestFirst[0]! < newestFirst[0]!).toBe(true);
    expect(await page.locator('[role="columnheader"][aria-sort="ascending"]').count()).toBe(1);

    await page.locator('#count-type .count-row').first().click();
    const type = (await page.locator('#count-type .count-row[aria-pressed="true"] .count-name').textContent())!;
    const types = await page.locator('.vrow[data-pos] .type-name').allTextContents();
    expect(new Set(types)).toEqual(new Set([type]));
    await page.locator('#clear-all').click();
  });

  it('opens the article of a row with the event highlighted, and closes it with Escape', async () => {
    const { page } = opened;
    await page.locator('#search').fill('Kherson');
    await expect.poll(() => page.getAttribute('body', 'data-shown')).not.toBe(String(total));
    await page.locator('.vrow[data-pos="0"]').click();
    const dialog = page.locator('#article-dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.locator('mark.k-trigger.sel').count()).toBeGreaterThan(0);
    expect(await dialog.locator('.events-table tr[aria-selected="true"]').count()).toBe(1);
    expect(await dialog.locator('.doc-text').textContent()).toContain('Kherson');
    await dialog.locator('mark.k-PLACE.head').first().hover();
    await expect.poll(() => dialog.locator('.tip').isVisible()).toBe(true);
    await page.screenshot({ path: join(OUT, 'report-article.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    // keyboard: the focused row opens with Enter
    await page.locator('.vrow[data-pos="0"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await page.locator('#search').fill('');
  });
});

describe.skipIf(!HAVE_CHROMIUM)('pages with nothing to show in Chromium', () => {
  it('an article without events and a dataset without documents draw without errors', async () => {
    const viewFile = write('empty-view.html', articlePage(pipeline().process({ text: 'The weather was mild.' })));
    const view = await open(viewFile);
    expect(view.problems).toEqual([]);
    expect(await view.page.locator('.events-panel .hint').textContent()).toBe('No events were extracted from this article.');
    await view.page.context().close();
    const reportFile = write('empty-report.html', reportPage({ name: 'empty', records: [], run: null, failed: 3 }));
    const report = await open(reportFile);
    expect(report.problems).toEqual([]);
    expect(await report.page.getAttribute('body', 'data-shown')).toBe('0');
    expect(await report.page.locator('#chart').textContent()).toBe('No events in this dataset.');
    expect(await report.page.locator('#report-sub').textContent()).toMatch(/^0 documents · 0 events · 3 failed to extract/);
    await report.page.context().close();
  });
});

// ---- 50,000 events: made up, in the shape the pipeline writes, over places of the lexicon
function syntheticRecords(events: number, perDoc: number): DocumentRecord[] {
  const lexicon = JSON.parse(readFileSync(join(ROOT, 'src/lexicons/places.json'), 'utf8')) as { places: Array<{ name: string; kind: string; country?: string; lat?: number; lon?: number }> };
  const places = lexicon.places.filter((p) => p.kind === 'city' && typeof p.lat === 'number').slice(0, 300);
  const types = ['SHELLING', 'AIRSTRIKE', 'DRONE_STRIKE', 'ATTACK', 'CLASH', 'EXPLOSION', 'CAPTURE', 'ARREST', 'PROTEST', 'STATEMENT', 'SEIZE', 'KILLING'];
  const actors = ['Government forces', 'Rebel fighters', 'Unidentified gunmen', 'Police', 'Militia members', 'Air force'];
  let seed = 11;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(list: T[], skew = 1) => list[Math.floor(random() ** skew * list.length)]!;
  const records: DocumentRecord[] = [];
  for (let d = 0; d * perDoc < events; d++) {
    let text = '';
    const record: DocumentRecord = {
      schema: 'sitrep.document/1',
      doc: { id: `synthetic-${d}`, source: `synthetic/${d}.txt`, title: `Synthetic report ${d}`, published: null, url: null, dateline: null },
      text: '', sentences: [], entities: [], quantities: [], events: [], warnings: [],
    };
    for (let k = 0; k < perDoc && d * perDoc + k < events; k++) {
      const place = pick(places, 2);
      const day = new Date(Date.UTC(2023, 0, 1) + Math.floor(random() * 700) * 86400000).toISOString().slice(0, 10);
      const killed = Math.floor(random() * 6);
      const start = text.length;
      const span = (piece: string) => {
        const at = text.length;
        text += piece;
        return { text: piece, start: at, end: at + piece.length };
      };
      const agent = span(pick(actors));
      text += ' ';
      const trigger = span(pick(['struck', 'shelled', 'attacked', 'hit']));
      text += ' positions in ';
      const where = span(place.name);
      text += ' on ';
      const when = span(day);
      text += ', killing ';
      const count = span(`${killed} people`);
      text += '. ';
      const n = record.entities.length;
      record.entities.push(
        { id: `e${n + 1}`, type: 'ORG', name: agent.text, mentions: [agent], kb: { sector: 'military' } },
        { id: `e${n + 2}`, type: 'GPE', name: place.name, mentions: [where], kb: { kind: 'city', country: place.country ?? null, lat: place.lat, lon: place.lon } },
        { id: `e${n + 3}`, type: 'DATE', name: day, mentions: [when], kb: { value: day, precision: 'day' } },
      );
      record.quantities.push({ id: `q${k + 1}`, ...count, value: killed, approximate: false, item: 'people', entity: null });
      record.sentences.push({ start, end: text.length - 1, heading: false });
      record.events.push({
        id: `v${k + 1}`, type: pick(types, 1.6) as never, trigger, sentence: k, modality: 'asserted', source: null,
        args: [
          { role: 'agent', ...agent, ref: `e${n + 1}` },
          { role: 'location', ...where, ref: `e${n + 2}` },
          { role: 'time', ...when, ref: `e${n + 3}` },
          { role: 'casualties', ...count, ref: `q${k + 1}` },
        ],
        date: day, casualties: { killed, injured: null, captured: null },
        mappings: { acled: { event_type: 'Explosions/Remote violence', sub_event_type: 'Shelling/artillery/missile attack' }, plover: 'FIGHT' },
      });
    }
    record.text = text;
    records.push(record);
  }
  return records;
}

describe.skipIf(!HAVE_CHROMIUM)('a report of 50,000 events in Chromium', () => {
  it('builds, loads, filters, sorts, scrolls and opens the last row', async () => {
    let t = performance.now();
    const records = syntheticRecords(50_000, 10);
    const html = reportPage({ name: 'synthetic', records, run: null, failed: 0 });
    const built = performance.now() - t;
    const file = write('report-50k.html', html);
    const opened = await open(file, { width: 1440, height: 1000 });
    const { page } = opened;
    expect(opened.problems).toEqual([]);
    expect(await page.getAttribute('body', 'data-shown')).toBe('50000');
    expect(await page.locator('.vrow[data-pos]').count()).toBeLessThan(60); // only the rows in view are drawn

    t = performance.now();
    await page.locator('#search').fill('rebel shelled');
    await expect.poll(() => page.getAttribute('body', 'data-shown'), { interval: 20 }).not.toBe('50000');
    const searched = performance.now() - t;
    const hits = Number(await page.getAttribute('body', 'data-shown'));
    expect(hits).toBeGreaterThan(100);
    for (const row of await page.locator('.vrow[data-pos]').allTextContents()) expect(row.toLowerCase()).toContain('rebel');

    t = performance.now();
    await page.locator('#search').fill('');
    await page.locator('.sort[data-key="location"]').click();
    await expect.poll(() => page.locator('[role="columnheader"][aria-sort="ascending"] .sort').getAttribute('data-key'), { interval: 20 }).toBe('location');
    const sorted = performance.now() - t;

    // the last row is reachable by scrolling, and opens its article
    await page.locator('#vbody').evaluate((node) => { node.scrollTop = node.scrollHeight; });
    await page.locator('.vrow[data-pos="49999"]').click();
    await expect.poll(() => page.locator('#article-dialog').isVisible()).toBe(true);
    expect(await page.locator('#article-dialog mark.k-trigger.sel').count()).toBe(1);
    await page.keyboard.press('Escape');
    await page.screenshot({ path: join(OUT, 'report-50k.png') });

    console.info(`50,000 events: page ${(html.length / 1048576).toFixed(1)} MB built in ${built.toFixed(0)} ms; loaded in ${opened.ms.toFixed(0)} ms; search ${searched.toFixed(0)} ms; sort + clear ${sorted.toFixed(0)} ms`);
    // wall-clock limits hold on an idle machine only: npm test must pass on a busy one (issue 17),
    // so they are checked when asked for (SITREP_TIMING=1 npx vitest run tests/browser-pages.test.ts)
    if (process.env.SITREP_TIMING === '1') {
      expect(opened.ms).toBeLessThan(8000);
      expect(searched).toBeLessThan(1500);
      expect(sorted).toBeLessThan(3000);
    }
    expect(opened.problems).toEqual([]);
    await page.context().close();
  }, 300_000);
});
