// Stage 1: the raw article becomes the normalized text every offset refers to.
// Unicode and white space are folded, page furniture lines are dropped, and metadata
// headers ("date 2024-03-16", "Title: …") and wire datelines ("KYIV, March 12 (Reuters) -")
// move out of the text into doc.meta.
import type { Doc } from '../../doc.js';
import type { PipelineContext, Stage } from '../../pipeline.js';
import { parseHeaderDate } from './header-date.js';

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const ODD_SPACE = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
const HEADER = /^(date|published|publication date|dateline|title|headline|url|link|source)\s*[:\-–]?\s+/i;
const WIRE_AGENCIES = 'Reuters|AP|AFP|dpa|DPA|ANI|IANS|PTI|UPI|Xinhua|TASS|Interfax|Ukrinform|Anadolu|Bloomberg|CNN|BBC|Al Jazeera';
const DATELINE = new RegExp(
  String.raw`^([A-Z][A-Z.'’\- ]{1,40}(?:,\s+[A-Z][A-Za-z.'’\- ]{1,30})?)` + // KYIV or KYIV, Ukraine
    String.raw`(?:,\s+((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s+\d{4})?))?` +
    String.raw`\s*(\((?:${WIRE_AGENCIES}|[A-Z][A-Za-z]{1,12})\))?\s*[-–—]+\s+`,
);

/** Boilerplate lines are the lexicons' (boilerplate.json: whole-line regular expressions). */
export function normalizeStage(ctx: PipelineContext): Stage {
  const boilerplate = ctx.lexicons.boilerplate.map((source) => new RegExp(`^(?:${source})$`, 'i'));
  const isBoilerplate = (line: string) => boilerplate.some((re) => re.test(line));

  return {
    name: 'normalize',
    requires: ['raw', 'defaultPublished'],
    assigns: ['text', 'meta', 'defaultPublished', 'warnings'],
    run(doc) {
      checkPublished(doc);
      let text = doc.raw.normalize('NFC').replace(INVISIBLE, '').replace(/\r\n?/g, '\n').replace(ODD_SPACE, ' ');
      const lines = text.split('\n').map((line) => line.replace(/ {2,}/g, ' ').trim());
      const kept: string[] = [];
      let dropped = 0;
      for (const line of lines) {
        if (line && isBoilerplate(line)) dropped++;
        else kept.push(line);
      }
      if (dropped > 0) doc.warn('boilerplate', `dropped ${dropped} boilerplate line${dropped > 1 ? 's' : ''}`);
      text = kept.join('\n').replace(/\n{3,}/g, '\n\n').trim();
      text = takeHeaders(doc, text);
      text = takeDateline(doc, text);
      doc.meta.published ??= doc.defaultPublished;
      doc.text = text;
      if (!doc.text) doc.warn('empty', 'the article has no text after normalization');
    },
  };
}

/** A publication date given with the input must be a day: "2024-03-16", a timestamp, or "March 16, 2024". */
function checkPublished(doc: Doc): void {
  for (const key of ['published', 'defaultPublished'] as const) {
    const given = key === 'published' ? doc.meta.published : doc.defaultPublished;
    if (given === null) continue;
    const date = given.trim() ? parseHeaderDate(given.trim()) : null;
    if (!date) doc.warn('bad-published', `the publication date ${JSON.stringify(given)} is not a day (YYYY-MM-DD); it is ignored`);
    if (key === 'published') doc.meta.published = date?.iso ?? null;
    else doc.defaultPublished = date?.iso ?? null;
  }
}

/** Metadata lines or an inline prefix at the very top: "date 2024-03-16 In a daring…". */
function takeHeaders(doc: Doc, text: string): string {
  for (let guard = 0; guard < 6; guard++) {
    const m = HEADER.exec(text);
    if (!m) break;
    const key = m[1]!.toLowerCase();
    const rest = text.slice(m[0].length);
    if (key === 'title' || key === 'headline' || key === 'url' || key === 'link' || key === 'source') {
      const eol = rest.indexOf('\n');
      if (eol < 0) break; // a one-line article starting with "Source …" is text, not a header
      const value = rest.slice(0, eol).trim();
      if (key === 'title' || key === 'headline') doc.meta.title ??= value;
      else if (key === 'url' || key === 'link') doc.meta.url ??= value;
      text = rest.slice(eol + 1).trimStart();
      continue;
    }
    const date = parseHeaderDate(rest);
    if (!date) break;
    doc.meta.published ??= date.iso;
    text = rest.slice(date.length).replace(/^\s*[|•·\-–—]?\s*/, '');
  }
  return text;
}

function takeDateline(doc: Doc, text: string): string {
  const m = DATELINE.exec(text);
  if (!m || (!m[2] && !m[3])) return text; // an all-caps opening without date or agency is not a dateline
  doc.meta.dateline = m[0].replace(/\s*[-–—]+\s*$/, '').trim();
  if (!doc.meta.published && m[2]) {
    const date = parseHeaderDate(m[2]);
    if (date && /\d{4}/.test(m[2])) doc.meta.published = date.iso;
  }
  return text.slice(m[0].length);
}
