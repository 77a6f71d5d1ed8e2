import { createPipeline } from './dist/index.js';
const PLACES = ['Kherson', 'Kharkiv', 'Belgorod', 'Avdiivka', 'Rafah', 'Donetsk', 'Sumy', 'Odesa', 'Mariupol'];
const VERBS = ['shelled', 'struck', 'attacked', 'bombed'];
function text(bytes) { const out = []; let n = 0; let i = 0;
  while (n < bytes) { const place = PLACES[i % 9]; const s = i % 3 ? `Protesters gathered in ${place} on Sunday, police said. ` : `Russian forces ${VERBS[i % 4]} ${place} on March ${1 + i % 28}, killing ${2 + i % 13} civilians, the governor said.${i % 5 === 0 ? '\n\n' : ' '}`; out.push(s); n += s.length; i++; }
  return out.join(''); }
const p = createPipeline();
const kb = Number(process.argv[2] ?? 300);
const t0 = performance.now(); const r = p.process({ text: text(kb * 1024) }); console.log(kb, 'KB', ((performance.now() - t0)/1000).toFixed(2), 's', r.events.length, r.entities.length);
