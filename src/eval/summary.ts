// Records as one readable line per fact, for golden files' diffs and `sitrep diff`:
// entities by type and name, quantities by span, events by type and trigger with their
// arguments. Ids are left out, so renumbering is not a change.
import type { DocumentRecord } from '../record/record.js';

export function factLines(record: DocumentRecord): string[] {
  const name = (id: string | null) => (id ? record.entities.find((e) => e.id === id)?.name ?? record.quantities.find((q) => q.id === id)?.text ?? id : null);
  const lines: string[] = [];
  for (const e of record.entities) {
    lines.push(`entity ${e.type} "${e.name}": ${e.mentions.map((m) => `"${m.text}"@${m.start}`).join(', ')}${e.kb ? ` ${JSON.stringify(e.kb)}` : ''}`);
  }
  for (const q of record.quantities) {
    lines.push(`quantity "${q.text}"@${q.start} = ${q.value ?? '?'}${q.approximate ? '~' : ''} × ${q.item}${q.entity ? ` (${name(q.entity)})` : ''}`);
  }
  for (const v of record.events) {
    const args = v.args.map((a) => `${a.role}="${a.text}"`).join(' ');
    const cas = Object.entries(v.casualties).filter(([, n]) => n !== null).map(([k, n]) => `${k}=${n}`).join(' ');
    lines.push(
      `event ${v.type} "${v.trigger.text}"@${v.trigger.start} ${v.modality}` +
        `${v.source ? ` source="${name(v.source)}"` : ''}${v.date ? ` date=${v.date}` : ''}${cas ? ` ${cas}` : ''}${args ? ` ${args}` : ''}` +
        ` [${v.mappings.acled.event_type} / ${v.mappings.acled.sub_event_type}; ${v.mappings.plover}]`,
    );
  }
  return lines;
}

export interface LineDiff {
  added: string[];
  removed: string[];
}

/** Lines only in `after` (added) and only in `before` (removed), counting repeats. */
export function diffLines(before: string[], after: string[]): LineDiff {
  return { added: minus(after, before), removed: minus(before, after) };
}

function minus(xs: string[], ys: string[]): string[] {
  const left = new Map<string, number>();
  for (const y of ys) left.set(y, (left.get(y) ?? 0) + 1);
  return xs.filter((x) => {
    const n = left.get(x) ?? 0;
    if (n > 0) left.set(x, n - 1);
    return n === 0;
  });
}

export function renderDiff(diff: LineDiff): string {
  return [...diff.removed.map((l) => `- ${l}`), ...diff.added.map((l) => `+ ${l}`)].join('\n');
}
