#!/usr/bin/env node
// The published entry point: the compiled CLI, bundled by `npm run build`
// (scripts/bundle.ts) so that a cold start reads a few files, not a hundred.
import { main } from '../dist/bundle/main.js';

main(process.argv).then((code) => {
  process.exitCode = code;
});
