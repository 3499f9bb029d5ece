// The slow suite (npm run test:slow): the default config excludes test/slow, and
// a command-line filter cannot undo an exclude, so the slow tests have their own.

import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/slow/**/*.test.ts'],
    testTimeout: 120_000,
    // The lost-update trials mostly wait for a lock to go stale: a second worker
    // runs the CPU-bound files meanwhile instead of after them.
    maxWorkers: Math.max(2, availableParallelism()),
  },
});
