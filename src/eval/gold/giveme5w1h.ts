// Giveme5W1H gold standard: JSON lines of news articles,
//   {"id", "title", "published", "url", "text",
//    "gold": {"who": [{"text", "coders", "parsed"}], "what": […], "when": […], "where": […], "why": […], "how": […]}}
// Who, when and where are scored (what, why and how are clauses, not entities). The coders
// marked phrases in the title as well as the body, so the document text is the title, a blank
// line, then the body. Phrases whose text is null (coders agreed there was none) are skipped.
import { InputError } from '../../io/errors.js';
import { isoDay, jsonLines, optionalCount, optionalString } from './lines.js';
import type { GoldDoc, GoldPhrase, GoldSet } from './types.js';

export const SCORED_WS = ['who', 'when', 'where'] as const;

export function readGiveme5w1h(path: string, text: string): GoldSet {
  const docs = jsonLines(path, text).map(({ line, value }): GoldDoc => {
    const fail = (message: string): never => {
      throw new InputError(path, message, line);
    };
    const body = optionalString(value.text) ?? fail('no "text"');
    const gold = value.gold;
    if (!gold || typeof gold !== 'object' || Array.isArray(gold)) fail('no "gold" object with who, when and where phrases');
    const g = gold as Record<string, unknown>;
    const phrases = (w: (typeof SCORED_WS)[number]): GoldPhrase[] => {
      const list = g[w] ?? [];
      if (!Array.isArray(list)) fail(`"gold.${w}" is not a list of phrases`);
      return (list as unknown[]).flatMap((p, i) => {
        if (!p || typeof p !== 'object') fail(`"gold.${w}"[${i}] is not a phrase object {"text", "coders"}`);
        const phrase = p as Record<string, unknown>;
        const said = optionalString(phrase.text);
        if (!said) return [];
        const coders = optionalCount(phrase.coders, `gold.${w}[${i}].coders`, fail);
        const date = w === 'when' ? optionalString(phrase.parsed) : undefined;
        const day = date ? isoDay(date) : undefined;
        return [{ text: said, ...(coders !== undefined ? { coders } : {}), ...(day ? { date: day } : {}) }];
      });
    };
    const title = optionalString(value.title);
    const published = optionalString(value.published);
    const day = published ? isoDay(published) : undefined;
    return {
      id: optionalString(value.id) ?? `${path}:${line}`,
      where: `${path}:${line}`,
      text: title ? `${title}\n\n${body}` : body,
      ...(day ? { published: day } : {}),
      w: { who: phrases('who'), when: phrases('when'), where: phrases('where') },
    };
  });
  return { path, format: 'giveme5w1h', entityScheme: 'sitrep', docs };
}
