#!/usr/bin/env node
// The published entry point: the compiled CLI, bundled by `npm run build`
// (scripts/bundle.ts) so that a cold start reads a few files, not a hundred.
// `unres search` loads its own bundle (search.js: the same program with the
// search command alone), every other command the whole CLI (main.js).
// finishProcess exits without Node's heap teardown when nothing is pending
// (src/cli/exit.ts).
const { finishProcess, main } = await import(process.argv[2] === 'search' ? '../dist/bundle/search.js' : '../dist/bundle/main.js');

main(process.argv).then(finishProcess);
