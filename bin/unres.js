#!/usr/bin/env node
// The published entry point: the compiled CLI, bundled by `npm run build`
// (scripts/bundle.ts) so that a cold start reads a few files, not a hundred.
// `unres search` loads its own bundle (search.cjs: the same program with the
// search command alone, compiled with a V8 code cache kept beside it: see
// src/cli/code-cache.ts), every other command the whole CLI (main.js).
// finishProcess exits without Node's heap teardown when nothing is pending
// (src/cli/exit.ts).
//
// This file is CommonJS (bin/package.json says so), as is search's path: an
// ES module entry starts Node's ES module loader, which reads files through
// fs/promises and with it loads streams, readline and the loader's own
// modules, compiled on every start (valgrind, a rare word at 1,000 documents:
// about 25 M instructions of some 300 M). Other commands import main.js.
'use strict';
const { setFlagsFromString } = require('node:v8');

const search = process.argv[2] === 'search';

// A search is one short process. V8 hands a function to its optimising compiler
// once it has run a fixed budget of bytecode; during a search of common words
// that budget is reached by some 85 functions, which are compiled on a second
// thread (many twice, after a deoptimisation) whose memory is faulted in fresh:
// about half of such a search's page faults and a third of its CPU, for code
// that then runs only a few milliseconds. With a budget 32 times V8's default,
// a cold search at 100,000 documents took 35-43% less CPU for common words
// (الاتجار بالأشخاص 0.81 -> 0.46 s, الجريمة المنظمة عبر الوطنية 0.83 -> 0.50 s,
// الأطفال 0.36 -> 0.23 s; 5 runs each) and 17% less for a rare one; a long
// search (ال* --limit 2000, five seconds of work) still gets optimised code, a
// little later, and was no slower. (Holding V8 to its baseline tier instead,
// --max-opt=1, made that search four times slower.) The flag has kept its name through V8 13
// (Node 24); an unknown flag would print an error line, so newer V8 is left be.
//
// Bytecode is kept for the whole process (--no-flush-bytecode): V8 drops the
// bytecode of functions not run for a while when it collects the old
// generation, which a search of common words does, and the code cache written
// after such a search (src/cli/code-cache.ts) then lacked what it had dropped:
// a later rare-word search compiled it again (valgrind at 1,000 documents,
// cache written by الأطفال at 100,000: 290 M instructions, 272 M with the flag).
// Both flags are part of what V8 checks a code cache against, so they are set
// the same way for every search, before the bundle is compiled.
if (search && Number(process.versions.v8.split('.')[0]) <= 13) {
  setFlagsFromString('--interrupt-budget=2162688');
  setFlagsFromString('--no-flush-bytecode');
}

if (search) {
  const { loadWithCache } = require('../dist/bundle/search-loader.cjs');
  const { exports, saveCache } = loadWithCache(require('node:path').join(__dirname, '..', 'dist', 'bundle', 'search.cjs'));
  exports.main(process.argv).then((code) => {
    // The cache is written after a search that ran (hits or none), so it holds a search's code.
    if (code === 0 || code === 1) saveCache();
    exports.finishProcess(code);
  });
} else {
  import('../dist/bundle/main.js').then(({ finishProcess, main }) => main(process.argv).then(finishProcess));
}
