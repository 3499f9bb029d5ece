// Bundles the compiled CLI (dist/src) into dist/bundle: the command line, the
// parse worker and the merge worker as entry points, with what they load lazily
// split into chunks; and, built apart, `unres search`'s own entry as one
// CommonJS file (search.cjs), which bin/unres.js runs through its loader
// (search-loader.cjs, src/cli/code-cache.ts) with a V8 code cache.
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
// Why search is one CommonJS file (issue 13): compiling was a quarter of a cold
// search's instructions (valgrind's count for a rare word at 1,000 documents:
// 355 M in all, 41 M compiling the ES modules' top level, 86 M compiling
// functions on first call), and Node 20 keeps no code cache for ES modules.
// For a script compiled by vm.Script, V8 takes a cache (cachedData): with it the
// same search counted 285 M instead of 376 M. Chunks cannot be had in CommonJS
// (esbuild splits only ES modules), so the file holds all the search command's
// code, the writer's and the terminal code's too (540 KB); esbuild keeps a
// module reached only by import() in a function run on first use, so a search
// runs no more of it than before (startup.test.ts checks which ran, by V8's
// coverage). string-width, an ES module only, is bundled too: a CommonJS file
// could load it only by require(esm), Node 20.19 and later.
//
// Tried for issue 13 and left out, by measurement (cold `search --json` at
// 1,000 documents, 30 interleaved runs per variant, CPU time of the process,
// median; the 2-core machine at load 6 to 11, so differences under ~15 ms are
// noise): one ES module without splitting: 475 ms against 295 ms (all of it
// compiled and evaluated at start). lunr bundled instead of required from
// node_modules: 308 ms against 307 ms. A startup snapshot (--snapshot-blob)
// must be named on node's command line, which an npm bin can only do by
// starting a second node (~50 ms or more). What did pay is in src/cli/exit.ts.
//
// Usage: node dist/scripts/bundle.js [distDir]   (default: this build's dist/)
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions, type Plugin } from 'esbuild';

/** The entry points, relative to a dist folder; their outputs keep the file name. */
export const BUNDLE_ENTRIES = ['src/cli/main.js', 'src/index/parse-worker.js', 'src/store/merge-worker.js'];

/** `unres search`'s entry, bundled on its own into search.cjs: one CommonJS file, compiled with a code cache. */
export const SEARCH_ENTRY = 'src/cli/search-main.js';

/** What loads search.cjs with its code cache (src/cli/code-cache.ts), bundled alone into search-loader.cjs. */
export const SEARCH_LOADER_ENTRY = 'src/cli/code-cache.js';

/** The packages bundled with unres's code; every other dependency stays external. */
const BUNDLED_PACKAGES = ['commander'];

/**
 * Packages search.cjs holds too: ES modules only, which a CommonJS file could
 * load only by require(esm) (Node 20.19 and later). string-width is the terminal
 * code's, evaluated only for human output.
 */
const SEARCH_BUNDLED_PACKAGES = [...BUNDLED_PACKAGES, 'string-width'];

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

/**
 * Rewrites a bundle with every character outside ASCII as a \\u escape. esbuild
 * escapes them in strings, not in regular expression literals or comments
 * (the Arabic of the analysis' patterns), and one such character makes the
 * whole source a two-byte string for V8: decoded from UTF-8, then scanned, at
 * twice the size (valgrind, a rare word at 1,000 documents: about 5 M
 * instructions of 280 M). In a literal or a comment the escape means the same.
 * A character written after a backslash (an identity escape) would not: refused.
 */
function asciiOnly(file: string): void {
  const source = readFileSync(file, 'utf8');
  if (/\\[^\x00-\x7f]/.test(source)) throw new Error(`${file}: a non-ASCII character after a backslash cannot be escaped safely`);
  writeFileSync(file, source.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/** Writes `${distDir}/bundle/` from the tsc output in `distDir` (its package.json is `${distDir}/../package.json`). */
export async function bundle(distDir: string): Promise<void> {
  const outdir = join(distDir, 'bundle');
  rmSync(outdir, { recursive: true, force: true });
  const pkg = JSON.parse(readFileSync(join(distDir, '..', 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  const dependencies = Object.keys(pkg.dependencies ?? {});
  const shared = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    plugins: [deferChildProcess],
    logLevel: 'warning',
  } satisfies BuildOptions;
  const common = {
    ...shared,
    outdir,
    splitting: true,
    format: 'esm',
    // A bare name marks its subpaths external too (word-extractor/lib/...).
    external: dependencies.filter((name) => !BUNDLED_PACKAGES.includes(name)),
    // A bundled CommonJS package's require() of a Node module needs a require in an ES module.
    banner: { js: "import { createRequire as __unresCreateRequire } from 'node:module'; const require = __unresCreateRequire(import.meta.url);" },
  } satisfies BuildOptions;
  await build({ ...common, entryPoints: BUNDLE_ENTRIES.map((entry) => join(distDir, entry)), entryNames: '[name]', chunkNames: 'chunk-[hash]' });
  await build({
    ...shared,
    entryPoints: [join(distDir, SEARCH_ENTRY)],
    outfile: join(outdir, 'search.cjs'),
    format: 'cjs',
    external: dependencies.filter((name) => !SEARCH_BUNDLED_PACKAGES.includes(name)),
    // The modules' import.meta.url (where a module finds its neighbours and package.json) is the file's URL.
    define: { 'import.meta.url': '__unresImportMetaUrl' },
    // Strict as the ES modules it is made of ("use strict" first, or the banner would cancel it).
    banner: { js: "'use strict'; var __unresImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    // import() of a package or a Node module becomes require(): a script compiled by vm.Script has no import().
    supported: { 'dynamic-import': false },
  });
  asciiOnly(join(outdir, 'search.cjs'));
  // The code cache is made by the node that runs the searches, beside the bundle: never packed.
  writeFileSync(join(outdir, '.npmignore'), 'search.cache\nsearch.cache.*.tmp\n');
  // CommonJS too: bin/unres.js requires it (src/cli/code-cache.ts says why).
  await build({ ...shared, entryPoints: [join(distDir, SEARCH_LOADER_ENTRY)], outfile: join(outdir, 'search-loader.cjs'), format: 'cjs' });
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
