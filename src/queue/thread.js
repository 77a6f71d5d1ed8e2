// The entry file of a worker thread of `sitrep worker`. Threads do not inherit the tsx loader
// that bin/sitrep.js registers in the main thread, so each registers it before loading the
// TypeScript module; this file is JavaScript for that reason.
import { register } from 'tsx/esm/api';

register();
const { default: run } = await import('./thread.ts');

export default run;
