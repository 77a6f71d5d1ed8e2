// The texts of the documents of ../shared/data that the places development set labels
// (data/places/external-labels.tsv), as the builder and the scorer both read them:
// re3d's documents as they are; WikiEvents' `text`; GVDB's tokens joined by spaces.
import { existsSync, readFileSync } from 'node:fs';
import { readRe3d } from './ner-re3d.js';

/** ../shared/data beside the project (or beside the folder of its worktrees), or $SITREP_SHARED_DATA */
export const SHARED = (() => {
  const given = process.env.SITREP_SHARED_DATA;
  if (given) return new URL(`file://${given.replace(/\/?$/, '/')}`);
  const tried = ['../../shared/data/', '../../../shared/data/'].map((p) => new URL(p, import.meta.url));
  return tried.find((u) => existsSync(u)) ?? tried[0]!;
})();

let re3d: Map<string, string> | null = null;
let wikievents: Map<string, { text: string; tokens: Array<[number, number]> }> | null = null;
let gvdb: Map<string, string> | null = null;

function need(path: URL): void {
  if (!existsSync(path)) throw new Error(`cannot read ${path.pathname}: the places development set reads ../shared/data beside the project (or set SITREP_SHARED_DATA)`);
}

export function sharedDocText(source: string, doc: string): string {
  const text = source === 're3d' ? re3dDocs().get(doc) : source === 'wikievents' ? wikieventsDocs().get(doc)?.text : source === 'gvdb' ? gvdbDocs().get(doc) : undefined;
  if (text === undefined) throw new Error(`no document ${doc} in ../shared/data/${source}`);
  return text;
}

export function re3dDocs(): Map<string, string> {
  if (re3d) return re3d;
  const folder = new URL('re3d/', SHARED);
  need(folder);
  re3d = new Map(readRe3d(folder.pathname.replace(/\/$/, '')).map((d) => [d.id, d.text]));
  return re3d;
}

/** WikiEvents dev documents: text, and the character span of each token */
export function wikieventsDocs(): Map<string, { text: string; tokens: Array<[number, number]> }> {
  if (wikievents) return wikievents;
  const file = new URL('wikievents/dev.jsonl', SHARED);
  need(file);
  wikievents = new Map();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const d = JSON.parse(line) as { doc_id: string; text: string; sentences: Array<[Array<[string, number, number]>, string]> };
    wikievents.set(d.doc_id, { text: d.text, tokens: d.sentences.flatMap(([tokens]) => tokens.map(([, s, e]) => [s, e] as [number, number])) });
  }
  return wikievents;
}

/** GVDB dev documents: tokens joined by spaces, sentences too */
export function gvdbDocs(): Map<string, string> {
  if (gvdb) return gvdb;
  const file = new URL('gvdb/dev.json', SHARED);
  need(file);
  gvdb = new Map();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const d = JSON.parse(line) as { doc_key: string; full_text: string[][] };
    gvdb.set(d.doc_key, d.full_text.map((s) => s.join(' ')).join(' '));
  }
  return gvdb;
}

/** GVDB spans are token indices over the whole document: their character offsets in gvdbDocs' text */
export function gvdbTokenOffsets(full: string[][]): Array<[number, number]> {
  const offsets: Array<[number, number]> = [];
  let at = 0;
  for (const token of full.flat()) {
    offsets.push([at, at + token.length]);
    at += token.length + 1;
  }
  return offsets;
}
