// The page builder of src/view/html.ts: escaping, JSON blocks that nothing can close, and a
// Content-Security-Policy that allows exactly the page's own inline script and style.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, cspHash, escapeHtml, renderPage, scriptJson } from '../src/view/html.js';

const HOSTILE = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=2">',
  '</textarea><svg onload=window.__pwned=3>',
  '</script><script>window.__pwned=4</script>',
  '<!-- <script>',
  "' onmouseover='window.__pwned=5",
  '\u2028\u2029 & &amp; </STYLE>',
];

/** The page's blocks: [attributes, content] of every <script> and <style>. */
const blocks = (html: string, tag: 'script' | 'style') => [...html.matchAll(new RegExp(`<${tag}([^>]*)>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => [m[1]!, m[2]!] as const);

describe('escapeHtml', () => {
  it('escapes the five characters that matter in text and quoted attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(42)).toBe('42');
    for (const s of HOSTILE) expect(escapeHtml(s)).not.toMatch(/[<>"']/);
  });
});

describe('scriptJson', () => {
  it('gives the value back through JSON.parse, and holds no < > & or line separators', () => {
    const value = { text: HOSTILE.join('\n'), list: HOSTILE, nested: { '</script>': '<!--' } };
    const json = scriptJson(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('renderPage', () => {
  const script = "document.body.setAttribute('data-ready', '1');";
  const style = 'body { color: black; }';
  const page = renderPage({
    title: HOSTILE[0]!,
    kind: 'page-test',
    style,
    script,
    body: `<p>${escapeHtml(HOSTILE[1])}</p>`,
    data: { 'test-data': { hostile: HOSTILE } },
  });

  it('sets the CSP first in <head>, allowing only the hashes of its own script and style', () => {
    const head = page.slice(page.indexOf('<head>'), page.indexOf('</head>'));
    expect(head.indexOf('http-equiv="Content-Security-Policy"')).toBeGreaterThan(0);
    expect(head.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(head.indexOf('<style>'));
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(page)![1]!.replace(/&#39;/g, "'");
    expect(csp).toBe(contentSecurityPolicy(script, style));
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`script-src ${cspHash(script)}`);
    expect(csp).toContain(`style-src ${cspHash(style)}`);
    expect(csp).toContain("require-trusted-types-for 'script'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });

  it('computes the hashes the browser computes: SHA-256 of the exact block text, base64', () => {
    expect(cspHash('alert(1)')).toBe(`'sha256-${createHash('sha256').update('alert(1)').digest('base64')}'`);
    const [executable] = blocks(page, 'script').filter(([attrs]) => !attrs.includes('application/json'));
    expect(executable![1]).toBe(script);
    expect(blocks(page, 'style')[0]![1]).toBe(style);
  });

  it('has exactly one executable script, and data only in JSON blocks', () => {
    const scripts = blocks(page, 'script');
    expect(scripts.filter(([attrs]) => !attrs.includes('type="application/json"'))).toHaveLength(1);
    const [attrs, content] = scripts.find(([a]) => a.includes('id="test-data"'))!;
    expect(attrs).toBe(' type="application/json" id="test-data"');
    expect(JSON.parse(content)).toEqual({ hostile: HOSTILE });
  });

  it('lets no outside string become markup: no inline handlers, no stray tags', () => {
    const outsideJson = page.replace(/<script type="application\/json"[\s\S]*?<\/script>/g, '');
    const tags = outsideJson.match(/<[a-z][^>]*>/gi)!;
    expect(tags.filter((tag) => /\son[a-z]+\s*=/i.test(tag))).toEqual([]);
    for (const s of HOSTILE.slice(0, 4)) expect(outsideJson).not.toContain(s);
    expect(outsideJson).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
    expect(page.match(/<script/g)).toHaveLength(2);
  });

  it('refuses its own code when it holds a closing tag', () => {
    expect(() => renderPage({ title: '', kind: 'k', style, script: 'const s = "</script>";', body: '', data: {} })).toThrow(/<\/script/);
    expect(() => renderPage({ title: '', kind: 'k', style: '</STYLE>', script, body: '', data: {} })).toThrow(/<\/style/);
    expect(() => renderPage({ title: '', kind: 'k', style, script, body: '', data: { 'bad id"': 1 } })).toThrow(/data block id/);
  });
});
