#!/usr/bin/env node
// The published entry point: the compiled CLI, bundled by `npm run build`
// (scripts/bundle.ts) so that a cold start reads a few files, not a hundred.
// finishProcess exits without Node's heap teardown when nothing is pending
// (src/cli/exit.ts).
import { finishProcess, main } from '../dist/bundle/main.js';

main(process.argv).then(finishProcess);
