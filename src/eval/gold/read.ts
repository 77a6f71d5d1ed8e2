// Reading a gold file in any of the formats: detected from the file unless given.
import { UsageError } from '../../io/errors.js';
import { readConll } from './conll.js';
import { detectFormat } from './detect.js';
import { readEventTable } from './events.js';
import { readGiveme5w1h } from './giveme5w1h.js';
import { readTextFile } from './lines.js';
import { readPlover } from './plover.js';
import { readSitrepGold } from './sitrep.js';
import { GOLD_FORMATS, type GoldFormat, type GoldSet } from './types.js';

const READERS: Record<GoldFormat, (path: string, text: string) => GoldSet> = {
  sitrep: readSitrepGold,
  conll: readConll,
  events: readEventTable,
  plover: readPlover,
  giveme5w1h: readGiveme5w1h,
};

export function readGold(path: string, format?: GoldFormat): GoldSet {
  const text = readTextFile(path);
  const chosen = format ?? detectFormat(path, text.split(/\r?\n/, 20));
  if (!chosen) {
    throw new UsageError(`cannot tell the format of ${path} from its name or first lines; give --format (${GOLD_FORMATS.join(', ')})`);
  }
  return READERS[chosen](path, text);
}
