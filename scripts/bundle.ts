// Bundles the compiled CLI (dist/src) into dist/bundle: the command line, the
// parse worker and the merge worker as entry points, with what they load lazily
// split into chunks.
// Why: a cold `unres search` spent about 50 ms of CPU resolving, reading and
// compiling some hundred small modules; one file per load path costs a fraction.
// Packages stay in node_modules (imported as they are), so the bundle holds only
// unres's own code. Every output lands flat in one folder, so a module's
// `new URL('./parse-worker.js', import.meta.url)` still names its neighbour.
//
// Usage: node dist/scripts/bundle.js [distDir]   (default: this build's dist/)
import { rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** The entry points, relative to a dist folder; their outputs keep the file name. */
export const BUNDLE_ENTRIES = ['src/cli/main.js', 'src/index/parse-worker.js', 'src/store/merge-worker.js'];

/** Writes `${distDir}/bundle/` from the tsc output in `distDir`. */
export async function bundle(distDir: string): Promise<void> {
  const outdir = join(distDir, 'bundle');
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: BUNDLE_ENTRIES.map((entry) => join(distDir, entry)),
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    entryNames: '[name]',
    chunkNames: 'chunk-[hash]',
    logLevel: 'warning',
  });
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
