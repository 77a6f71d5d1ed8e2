// The entry file of a pool worker. Worker threads do not inherit the tsx loader that
// bin/sitrep.js registers in the main thread, so each worker registers it before loading the
// TypeScript worker module; this file is JavaScript for that reason.
import { register } from 'tsx/esm/api';

register();
const { default: run } = await import('./worker.ts');

export default run;
