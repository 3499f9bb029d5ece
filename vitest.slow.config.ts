// The slow suite (npm run test:slow): the default config excludes test/slow, and
// a command-line filter cannot undo an exclude, so the slow tests have their own.

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/slow/**/*.test.ts'],
    testTimeout: 120_000,
    // One file at a time: the slow files load both cores by themselves (the
    // lost-update trials run two at a time), and a second worker beside them
    // starved vitest's own process until a worker's report to it timed out.
    fileParallelism: false,
  },
});
