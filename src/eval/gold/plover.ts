// PLOVER gold standard records: JSON lines of one coded sentence each,
//   {"id", "text", "event": "ASSAULT", "mode", "context",
//    "source": [{"actorText", "code", "sector"?}] | null, "target": [...] | "" | null,
//    "eventLoc": {"name", "country code"?} | null, "dead": "3" | null, "injured": null, "size": …}
// The sentence is the document and its coding is scored against our primary event. A `source`
// or `target` that is not a list (null, "") is not coded, and is not scored.
import { InputError } from '../../io/errors.js';
import { jsonLines, optionalCount, optionalString } from './lines.js';
import type { GoldActor, GoldDoc, GoldEvent, GoldSet } from './types.js';

/**
 * PLOVER's gold records code a few countries the CAMEO way rather than ISO 3166-1 alpha-3; these
 * are read as their ISO codes. Group codes (IGO, NGO, IMG: international militarized group,
 * ISM: Islamic militants, …) are left as they are.
 */
export const CAMEO_COUNTRY: Readonly<Record<string, string>> = { JAP: 'JPN', ITL: 'ITA', VTN: 'VNM' };

/**
 * The gold standard uses the 2018 edition's names of two categories that the later (POLECAT)
 * edition, and so RECORD.md and our mappings, renamed; they are read under the new names.
 */
export const PLOVER_RENAMED: Readonly<Record<string, string>> = { DISAPPROVE: 'ACCUSE', DEMAND: 'REQUEST' };

export function readPlover(path: string, text: string): GoldSet {
  const docs = jsonLines(path, text).map(({ line, value }): GoldDoc => {
    const fail = (message: string): never => {
      throw new InputError(path, message, line);
    };
    const sentence = optionalString(value.text) ?? fail('no "text": a PLOVER record holds the coded sentence in "text"');
    const event = optionalString(value.event) ?? fail('no "event": a PLOVER record holds its event type in "event"');
    const coded: GoldEvent = { plover: PLOVER_RENAMED[event.toUpperCase()] ?? event.toUpperCase() };
    const sources = actors(value.source, 'source', fail);
    const targets = actors(value.target, 'target', fail);
    if (sources) coded.sourceActors = sources;
    if (targets) coded.targetActors = targets;
    const place = value.eventLoc && typeof value.eventLoc === 'object' ? optionalString((value.eventLoc as Record<string, unknown>).name) : undefined;
    if (place) coded.location = place;
    const dead = optionalCount(value.dead, 'dead', fail);
    const injured = optionalCount(value.injured, 'injured', fail);
    if (dead !== undefined) coded.killed = dead;
    if (injured !== undefined) coded.injured = injured;
    return { id: optionalString(value.id) ?? `${path}:${line}`, where: `${path}:${line}`, text: sentence, coded };
  });
  return { path, format: 'plover', entityScheme: 'sitrep', docs };
}

function actors(value: unknown, field: string, fail: (message: string) => never): GoldActor[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.map((a, i) => {
    if (!a || typeof a !== 'object') fail(`"${field}"[${i}] is not an actor object {"actorText", "code"}`);
    const actor = a as Record<string, unknown>;
    const text = optionalString(actor.actorText) ?? fail(`"${field}"[${i}] has no "actorText"`);
    const code = optionalString(actor.code)?.toUpperCase();
    const sector = optionalString(actor.sector);
    return { text, ...(code ? { country: CAMEO_COUNTRY[code] ?? code } : {}), ...(sector ? { sector } : {}) };
  });
}
