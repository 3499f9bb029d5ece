// The slow suite (npm run test:slow): the default config excludes test/slow, and
// a command-line filter cannot undo an exclude, so the slow tests have their own.

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/slow/**/*.test.ts'],
    testTimeout: 120_000,
  },
});
