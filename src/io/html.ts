// HTML pages: the article's main text found by Mozilla's Readability (the library behind
// Firefox Reader View) over a linkedom DOM, so navigation, footers, share bars and related-
// article lists stay out; title, publication date and canonical URL come from the page's meta
// tags (Open Graph, article:published_time, schema.org, Dublin Core) or its JSON-LD.
import { createRequire } from 'node:module';
import type { Readability as ReadabilityClass } from '@mozilla/readability';
import type { parseHTML as parseHTMLFunction } from 'linkedom';
import type { DocInput } from '../doc.js';
import { isoDate, metaString } from './meta.js';

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'H1', 'H2', 'H3',
  'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL', 'CAPTION',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'CANVAS', 'BUTTON', 'SELECT', 'TEXTAREA', 'INPUT']);
/** page furniture, dropped before the article is looked for */
const FURNITURE = 'nav, header, footer, aside, form, noscript, template, iframe, svg, [role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"], [aria-hidden="true"]';

const PUBLISHED_META = [
  'meta[property="article:published_time"]',
  'meta[property="og:article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="publish-date"]',
  'meta[name="parsely-pub-date"]',
  'meta[name="sailthru.date"]',
  'meta[name="dcterms.date"]',
  'meta[name="DC.date.issued"]',
  'meta[name="dc.date"]',
  'meta[name="DC.date"]',
  'meta[name="date"]',
];
const TITLE_META = ['meta[property="og:title"]', 'meta[name="twitter:title"]', 'meta[name="title"]'];
const URL_META = ['link[rel="canonical"]', 'meta[property="og:url"]'];

/** An HTML page → its article text and metadata (text is '' when the page holds none). */
export function fromHtml(html: string): Omit<DocInput, 'source'> {
  const { parseHTML, Readability } = htmlLibraries();
  const { document } = parseHTML(html) as unknown as { document: Document };
  const attr = (selectors: string[], name: 'content' | 'href') => {
    for (const selector of selectors) {
      const value = metaString(document.querySelector(selector)?.getAttribute(name));
      if (value) return value;
    }
    return null;
  };
  const metaTitle = attr(TITLE_META, 'content');
  let published = isoDate(attr(PUBLISHED_META, 'content'));
  published ??= isoDate(document.querySelector('time[itemprop="datePublished"], time[pubdate]')?.getAttribute('datetime'));
  const url = attr(URL_META, 'href') ?? attr(URL_META, 'content');
  const pageTitle = metaString(document.querySelector('title')?.textContent?.replace(/\s+/g, ' '));
  const h1 = metaString(document.querySelector('h1')?.textContent?.replace(/\s+/g, ' '));
  // "Headline | Site name": the page title is the article's own heading plus the site's name
  const headline = h1 && pageTitle?.startsWith(h1) ? h1 : null;
  const linked = jsonLd(document);
  published ??= isoDate(linked.datePublished);

  // page furniture never holds the article; short pages fool Readability into keeping it
  for (const node of [...document.querySelectorAll(FURNITURE)]) {
    if (node.tagName === 'HEADER' && node.closest('article, main')) continue; // an article's own header: headline, byline
    node.remove();
  }
  flattenDeepNesting(document);
  // Readability changes the document it reads, so the metadata above is read first
  let article: ReturnType<ReadabilityClass<Node>['parse']> = null;
  try {
    article = new Readability<Node>(document, { serializer: (node) => node }).parse();
  } catch {
    article = null;
  }
  let text = article?.content ? blockText(article.content) : '';
  if (!text.trim()) {
    const body = document.body ?? document.documentElement;
    if (body) text = blockText(body);
  }
  published ??= isoDate(article?.publishedTime);
  const input: Omit<DocInput, 'source'> = {
    text,
    title: metaTitle ?? metaString(linked.headline) ?? headline ?? metaString(article?.title) ?? pageTitle,
    published,
  };
  const link = url ?? metaString(linked.url);
  if (link) input.url = link;
  return input;
}

/**
 * How deep elements may nest before Readability sees the page. Real pages nest a few dozen
 * levels; Readability's work grows with the square of the depth (a page nested 2,000 deep
 * took minutes), so deeper subtrees are flattened into paragraphs of their text first.
 */
export const MAX_HTML_DEPTH = 100;

/** Replace each subtree that starts at MAX_HTML_DEPTH by paragraphs of its text (its blocks kept apart). */
function flattenDeepNesting(document: Document): void {
  const root = document.documentElement;
  if (!root) return;
  const stack: Array<[Element, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [element, depth] = stack.pop()!;
    if (depth < MAX_HTML_DEPTH) {
      for (let child = element.firstElementChild; child; child = child.nextElementSibling) stack.push([child, depth + 1]);
      continue;
    }
    if (!element.firstElementChild) continue;
    const paragraphs = blockText(element).split(/\n{2,}/).filter((p) => p.trim());
    while (element.firstChild) element.removeChild(element.firstChild);
    for (const text of paragraphs) {
      const p = document.createElement('p');
      p.textContent = text;
      element.appendChild(p);
    }
  }
}

const ARTICLE_TYPES = /Article|Posting|Report|BlogPosting/;

/** schema.org metadata in JSON-LD: the first article-like object's headline, datePublished and url. */
function jsonLd(document: Document): { headline?: unknown; datePublished?: unknown; url?: unknown } {
  const found: Array<Record<string, unknown>> = [];
  const collect = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') {
      const item = value as Record<string, unknown>;
      found.push(item);
      if (item['@graph']) collect(item['@graph']);
    }
  };
  for (const script of [...document.querySelectorAll('script[type="application/ld+json"]')]) {
    try {
      collect(JSON.parse(script.textContent ?? ''));
    } catch {
      // broken JSON-LD is common; the meta tags still count
    }
  }
  const types = (item: Record<string, unknown>) => [item['@type']].flat().map(String).join(' ');
  return found.find((item) => ARTICLE_TYPES.test(types(item))) ?? found.find((item) => item.datePublished) ?? {};
}

/**
 * The text of a DOM subtree with the breaks a reader sees: a blank line between blocks
 * (paragraphs, headings, list items), a line break for <br>, white space collapsed elsewhere.
 */
export function blockText(root: Node): string {
  const out: string[] = [];
  const breakLine = (n: number) => out.push(n === 2 ? '\n\n' : '\n');
  const visit = (node: Node, pre: boolean) => {
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      out.push(pre ? value : value.replace(/\s+/g, ' '));
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = (node as Element).tagName?.toUpperCase() ?? '';
    if (SKIP.has(name)) return;
    if (name === 'BR') return breakLine(1);
    const block = BLOCK.has(name);
    if (block) breakLine(2);
    for (let child = node.firstChild; child; child = child.nextSibling) visit(child, pre || name === 'PRE');
    if (block) breakLine(2);
  };
  visit(root, false);
  return out
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

let libraries: { parseHTML: typeof parseHTMLFunction; Readability: typeof ReadabilityClass } | null = null;

/**
 * linkedom and Readability, loaded with the first HTML page: every worker thread reads through
 * this module, and a run without HTML pages (or the main thread of any run) does without their
 * memory.
 */
function htmlLibraries(): NonNullable<typeof libraries> {
  if (!libraries) {
    const require = createRequire(import.meta.url);
    libraries = {
      parseHTML: (require('linkedom') as typeof import('linkedom')).parseHTML,
      Readability: (require('@mozilla/readability') as typeof import('@mozilla/readability')).Readability,
    };
  }
  return libraries;
}
