import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/slow/**'],
    testTimeout: 30_000,
    // One worker per core, not one less (vitest's default): most tests wait on an
    // unres child process, so a second worker keeps a two-core machine busy.
    maxWorkers: Math.max(2, availableParallelism()),
  },
});
