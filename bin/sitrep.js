#!/usr/bin/env node
// sitrep's command line. The sources are TypeScript; tsx loads them without a build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
