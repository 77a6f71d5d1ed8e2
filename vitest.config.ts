import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // generous: a test waits on events, and a loaded 2-core machine must not fail it
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: 'forks',
  },
});
