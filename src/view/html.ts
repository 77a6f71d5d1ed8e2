// The one way a sitrep page is put together, safe by construction:
//
// - every string from an article or a record enters the markup through escapeHtml, or
//   travels as JSON inside <script type="application/json"> through scriptJson, which
//   escapes every "<", ">" and "&" so that no "</script>" or "<!--" can end the block;
// - the page's own CSS and JavaScript are inline, and the Content-Security-Policy allows
//   exactly those (their SHA-256 hashes, computed here) and nothing else: no other script,
//   no inline event handler, no style attribute, no network, no frames, no forms;
// - Trusted Types are required for script sinks, so a stray innerHTML in the page's own
//   code throws instead of parsing markup.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text or an attribute value (quoted with "), escaped for HTML. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/**
 * JSON for a <script type="application/json"> block: JSON.parse(block.textContent) gives the
 * value back, and no character sequence in it can close the block or open a comment.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value ?? null)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The CSP source expression for an inline block: 'sha256-…' of its exact text. */
export function cspHash(content: string): string {
  return `'sha256-${createHash('sha256').update(content, 'utf8').digest('base64')}'`;
}

export function contentSecurityPolicy(script: string, style: string): string {
  return [
    "default-src 'none'",
    `script-src ${cspHash(script)}`,
    `style-src ${cspHash(style)}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
    "require-trusted-types-for 'script'",
    "trusted-types 'none'",
  ].join('; ');
}

/** A file of this folder (client scripts, styles) as text. */
export function asset(name: string): string {
  return readFileSync(new URL(`./${name}`, import.meta.url), 'utf8');
}

export interface PageParts {
  title: string;
  /** the page's own CSS */
  style: string;
  /** the page's own JavaScript, run once the document is parsed */
  script: string;
  /** markup built by this module's callers, with every outside string escaped */
  body: string;
  /** values handed to the script: each becomes <script type="application/json" id="ID"> */
  data: Record<string, unknown>;
  /** page class on <body> */
  kind: string;
}

/** A complete, self-contained HTML page. */
export function renderPage(parts: PageParts): string {
  for (const [what, text, closer] of [['script', parts.script, '</script'], ['style', parts.style, '</style']] as const) {
    if (text.toLowerCase().includes(closer)) throw new Error(`the page's own ${what} must not contain ${closer}`);
  }
  const data = Object.entries(parts.data)
    .map(([id, value]) => {
      if (!/^[a-z][a-z0-9-]*$/.test(id)) throw new Error(`bad data block id ${id}`);
      return `<script type="application/json" id="${id}">${scriptJson(value)}</script>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(parts.script, parts.style))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="sitrep">
<title>${escapeHtml(parts.title)}</title>
<style>${parts.style}</style>
</head>
<body class="${escapeHtml(parts.kind)}">
${parts.body}
${data}
<script>${parts.script}</script>
</body>
</html>
`;
}
