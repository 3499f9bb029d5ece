// Bundles the compiled CLI (dist/src) into dist/bundle: the command line, the
// parse worker and the merge worker as entry points, with what they load lazily
// split into chunks; and, built apart, `unres search`'s own entry (search.js,
// its chunks named search-*), which bin/unres.js loads for that command.
// Why: a cold `unres search` spent about 50 ms of CPU resolving, reading and
// compiling some hundred small modules; one file per load path costs a fraction.
// Packages stay in node_modules (imported as they are), so the bundle holds
// unres's own code, except commander, which every command loads: imported from
// node_modules it went through Node's CommonJS loader (package resolution, an
// export scan of its entry, six files read and wrapped) and it loads
// node:child_process (with net and dgram) for executable subcommands, which
// unres has none of. Bundled, with that one require deferred to first use, a
// cold `unres search` started about 30 ms of CPU sooner (15 interleaved runs at
// 100,000 documents: first index read at 166 ms instead of 204 ms from process
// start, CPU by then 193 ms instead of 228 ms). Every output lands flat in one
// folder, so a module's `new URL('./parse-worker.js', import.meta.url)` still
// names its neighbour.
//
// Tried for issue 13 and left out, by measurement (cold `search --json` at
// 1,000 documents, 30 interleaved runs per variant, CPU time of the process,
// median; the 2-core machine at load 6 to 11, so differences under ~15 ms are
// noise): a V8 code cache (one CommonJS build of the CLI run by a vm.Script
// with cachedData written after a real search) 356 ms, against 368 ms for
// these chunks and 411 ms for that CommonJS file without its cache: too little
// for a second build, a cache tied to the node binary and a CommonJS form that
// must require() ES-only packages (unified, string-width: Node 20.19 and later
// only). One ES module without splitting: 475 ms against 295 ms (all of it
// compiled and evaluated at start). lunr bundled instead of required from
// node_modules: 308 ms against 307 ms. A startup snapshot (--snapshot-blob)
// must be named on node's command line, which an npm bin can only do by
// starting a second node (~50 ms or more). What did pay is in src/cli/exit.ts.
//
// Why search has a build of its own: chunks are cut by which entry points
// reach a module, and with three entries, the writer, the workers and every
// command's lazy imports, the code of a cold `unres search --json` came in 21
// files (main.js with commander and every command's module, then 20 chunks of
// 0.1 to 89 KB), each resolved (a realpath, an lstat per folder), read,
// decoded and compiled on its own. Built from src/cli/search-main.ts alone,
// the same code is 6 files (search.js: the CLI, commander and the search
// command; the engine in two chunks, as the writer, imported on first write,
// shares half of it; three small ones). Without splitting it would be one
// file, but esbuild then hoists every package the lazy code imports (the
// terminal code's string-width, the writer's worker_threads) to the top, and
// all of it is compiled: a cold search cost ~30 ms more CPU than the 21
// chunks, against ~27 ms less for these 6 (w3, --json, 1,000 documents).
// The two builds share no module at run time: a process loads one or the other.
//
// Usage: node dist/scripts/bundle.js [distDir]   (default: this build's dist/)
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions, type Plugin } from 'esbuild';

/** The entry points, relative to a dist folder; their outputs keep the file name. */
export const BUNDLE_ENTRIES = ['src/cli/main.js', 'src/index/parse-worker.js', 'src/store/merge-worker.js'];

/** `unres search`'s entry, bundled on its own into search.js with chunks named search-*. */
export const SEARCH_ENTRY = 'src/cli/search-main.js';

/** The package bundled with unres's code; every other dependency stays external. */
const BUNDLED_PACKAGES = ['commander'];

/**
 * Commander's `require('node:child_process')` as an object that loads the
 * module on first use (commander only spawns for executable subcommands).
 */
const deferChildProcess: Plugin = {
  name: 'defer-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'deferred' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'deferred' }, () => ({
      contents: "let m; module.exports = new Proxy({}, { get: (_, k) => (m ??= require('node:child_process'))[k] });",
      loader: 'js',
    }));
  },
};

/** Writes `${distDir}/bundle/` from the tsc output in `distDir` (its package.json is `${distDir}/../package.json`). */
export async function bundle(distDir: string): Promise<void> {
  const outdir = join(distDir, 'bundle');
  rmSync(outdir, { recursive: true, force: true });
  const pkg = JSON.parse(readFileSync(join(distDir, '..', 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  const external = Object.keys(pkg.dependencies ?? {}).filter((name) => !BUNDLED_PACKAGES.includes(name));
  const common = {
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // A bare name marks its subpaths external too (word-extractor/lib/...).
    external,
    // A bundled CommonJS package's require() of a Node module needs a require in an ES module.
    banner: { js: "import { createRequire as __unresCreateRequire } from 'node:module'; const require = __unresCreateRequire(import.meta.url);" },
    plugins: [deferChildProcess],
    logLevel: 'warning',
  } satisfies BuildOptions;
  await build({ ...common, entryPoints: BUNDLE_ENTRIES.map((entry) => join(distDir, entry)), entryNames: '[name]', chunkNames: 'chunk-[hash]' });
  await build({ ...common, entryPoints: { search: join(distDir, SEARCH_ENTRY) }, entryNames: '[name]', chunkNames: 'search-[hash]' });
}

const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  // dist/scripts/bundle.js: the dist folder is one level up unless given.
  const distDir = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
  bundle(distDir).catch((err: unknown) => {
    process.stderr.write(`bundle: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
