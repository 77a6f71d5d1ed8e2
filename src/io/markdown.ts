// Markdown articles: YAML front matter gives the metadata (title, date or published, url,
// id); the markup is reduced to its text, one block per paragraph.
import { parse as parseYaml } from 'yaml';
import type { DocInput } from '../doc.js';
import { isoDate, metaString } from './meta.js';

const FRONT = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** Markdown: front matter gives title and date; markup is reduced to its text. */
export function fromMarkdown(md: string): Omit<DocInput, 'source'> {
  let body = md.replace(/^\uFEFF/, '');
  const meta: Record<string, unknown> = {};
  const front = FRONT.exec(body);
  if (front) {
    Object.assign(meta, frontMatter(front[1]!));
    body = body.slice(front[0].length);
  }
  const pick = (...keys: string[]) => keys.map((k) => meta[k]).find((v) => v !== undefined && v !== null);
  const input: Omit<DocInput, 'source'> = {
    text: markdownText(body),
    title: metaString(pick('title', 'headline')),
    published: isoDate(pick('date', 'published', 'pubdate', 'publishdate', 'published_at', 'datepublished')),
  };
  const url = metaString(pick('url', 'link', 'canonical', 'canonical_url'));
  const id = metaString(pick('id'));
  if (url) input.url = url;
  if (id) input.id = id;
  return input;
}

/**
 * Front matter as YAML; hand-written front matter often is not valid YAML ("title: Attack:
 * five dead"), so when YAML refuses it each "key: value" line is taken as it stands.
 */
function frontMatter(source: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let parsed: unknown;
  try {
    parsed = parseYaml(source, { prettyErrors: false });
  } catch {
    parsed = undefined;
  }
  if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
    for (const [key, value] of Object.entries(parsed)) out[key.toLowerCase()] = value;
    return out;
  }
  for (const line of source.split(/\r?\n/)) {
    const m = /^([\w-]+)\s*:\s*(.*)$/.exec(line);
    if (m) out[m[1]!.toLowerCase()] = m[2]!.trim().replace(/^["']|["']$/g, '');
  }
  return out;
}

function markdownText(body: string): string {
  return body
    .replace(/```[\s\S]*?```/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_]([^*_\n]+)[*_](?=[^\w*]|$)/g, '$1$2')
    .replace(/^>[ \t]?/gm, '')
    .replace(/^[ \t]*[-*+][ \t]+/gm, '');
}
