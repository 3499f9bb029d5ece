// Child processes need JavaScript: the project is compiled once into a
// temporary directory (never into the shared dist/), with node_modules
// linked beside it so packages resolve.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export function compileProject(): string {
  const out = mkdtempSync(join(tmpdir(), 'unres-compiled-'));
  try {
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'tsconfig.json'), '--outDir', out], {
      cwd: ROOT,
      stdio: 'pipe',
    });
  } catch {
    // Type errors elsewhere in the tree do not stop the emit; typecheck reports them.
  }
  if (!existsSync(join(out, 'src', 'store', 'index.js'))) throw new Error('compiling the project produced no src/store/index.js');
  symlinkSync(join(ROOT, 'node_modules'), join(out, 'node_modules'), 'dir');
  return out;
}

/**
 * A child script: `ingest DIR DOCS.json` ingests (printing `progress N` lines),
 * `hold DIR MS` holds the write lock for MS milliseconds (printing `locked`),
 * `batches DIR DOCS.json` ingests one document per batch as a long run does,
 * merging every 3 segments in the background (printing the index's stats).
 * Errors go to stderr as one line; the exit code is the error's.
 */
export function writeChildScript(compiled: string): string {
  const path = join(compiled, 'child.mjs');
  writeFileSync(
    path,
    `import { readFileSync } from 'node:fs';
const [mode, dir, arg] = process.argv.slice(2);
try {
  if (mode === 'ingest') {
    const { UnresIndex } = await import('./src/store/index.js');
    const docs = JSON.parse(readFileSync(arg, 'utf8'));
    const index = await UnresIndex.open(dir, { create: true, segmentClauses: Number(process.env.SEGMENT_CLAUSES ?? 50000) });
    const summary = await index.ingest(docs, { onProgress: (done) => { if (done % 20 === 0) process.stdout.write('progress ' + done + '\\n'); } });
    process.stdout.write(JSON.stringify(summary) + '\\n');
  } else if (mode === 'batches') {
    const { UnresIndex } = await import('./src/store/index.js');
    const docs = JSON.parse(readFileSync(arg, 'utf8'));
    const index = await UnresIndex.open(dir, { create: true, mergePolicy: { mergeFactor: 3, levelBase: 1000000 } });
    for (const [i, d] of docs.entries()) await index.ingest([d], { mergeInBackground: i < docs.length - 1 });
    process.stdout.write(JSON.stringify(index.stats()) + '\\n');
  } else if (mode === 'hold') {
    const { withWriteLock } = await import('./src/store/lock.js');
    await withWriteLock(dir, async () => {
      process.stdout.write('locked\\n');
      await new Promise((r) => setTimeout(r, Number(arg)));
    });
  }
} catch (err) {
  process.stderr.write(String(err && err.message) + '\\n');
  process.exitCode = err && err.exitCode ? err.exitCode : 1;
}
`,
  );
  return path;
}
