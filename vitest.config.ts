import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // generous: a test waits on events, and a loaded 2-core machine must not fail it
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // two test files at once on any machine: most files wait on child processes (the CLI, worker
    // threads, Redis, Chromium) for much of their time, so two overlap well even on 2 cores, and
    // vitest's default (one fork fewer than the cores) would run them one by one there
    maxWorkers: 2,
    minWorkers: 1,
  },
});
