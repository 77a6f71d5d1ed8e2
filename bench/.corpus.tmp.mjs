// bench/corpus.ts
import { existsSync, readdirSync, readFileSync } from "node:fs";
var root = new URL("..", import.meta.url).pathname;
function baseTexts() {
  const texts = [];
  const data = `${root}../shared/data`;
  const lines = (file) => existsSync(file) ? readFileSync(file, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l)) : [];
  for (const a of lines(`${data}/giveme5w1h.jsonl`)) texts.push(a.text);
  const plover = lines(`${data}/plover-gsr.jsonl`).map((r) => r.text);
  for (let i = 0; i < plover.length; i += 8) texts.push(plover.slice(i, i + 8).join(" "));
  for (const f of readdirSync(`${root}corpus`)) if (f.endsWith(".txt")) texts.push(readFileSync(`${root}corpus/${f}`, "utf8"));
  return texts;
}
function corpus(texts, n) {
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const out = [];
  for (let i = 0; out.length < n; i++) {
    const text = texts[i % texts.length];
    if (i < texts.length) {
      out.push(text);
      continue;
    }
    const sentences = text.split(/(?<=[.!?])\s+/);
    for (let k = sentences.length - 1; k > 0; k--) {
      const j = Math.floor(random() * (k + 1));
      [sentences[k], sentences[j]] = [sentences[j], sentences[k]];
    }
    out.push(sentences.join(" "));
  }
  return out;
}
export {
  baseTexts,
  corpus
};
