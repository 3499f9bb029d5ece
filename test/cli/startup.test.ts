// The search path must stay light: nothing that `unres search` loads up front
// may reach the parser or unified. Commands load those with `await import()`
// inside their actions; this walks the static imports from the CLI entry.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importsOf, moduleGraph } from '../helpers/import-graph.js';
import { BIN, buildPackage, removePackage, SEEDS } from './run-bin.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** What a process starting from `entry` loads up front: source files and packages in one list. */
function staticGraph(entry: string): string[] {
  const { files, packages } = moduleGraph(entry);
  return [...files, ...packages];
}

describe('start-up imports', () => {
  it('reads import statements, skipping type-only ones', () => {
    const source = [
      '// a comment; with a semicolon',
      "import type { A } from './a.js';",
      "import { b, type C } from './b.js';",
      "export { d } from './d.js';",
      "export type { E } from './e.js';",
      "import 'side-effect';",
      "async function f() { await import('./lazy.js'); }",
    ].join('\n');
    expect(importsOf(source)).toEqual(['./b.js', './d.js', 'side-effect']);
    expect(importsOf(source, true)).toEqual(['./b.js', './d.js', 'side-effect', './lazy.js']);
  });

  it('search\'s own entry reaches neither the parser, unified nor the terminal code', () => {
    const graph = staticGraph(join(ROOT, 'src', 'cli', 'search-main.ts'));
    expect(graph.some((m) => m.endsWith(join('src', 'cli', 'commands', 'search.ts')))).toBe(true);
    expect(graph.filter((m) => m.includes(join('src', 'structure')) || m.includes(join('src', 'cli', 'commands', 'ingest.ts')))).toEqual([]);
    expect(graph.filter((m) => ['terminal.ts', 'width.ts', 'wrap.ts', 'shape.ts'].some((t) => m.endsWith(join('src', 'render', t))))).toEqual([]);
    expect(graph.filter((m) => m === 'unified' || m === 'string-width' || m.startsWith('remark'))).toEqual([]);
  });

  it('the CLI entry reaches neither the parser nor unified', () => {
    const graph = staticGraph(join(ROOT, 'src', 'cli', 'main.ts'));
    // The walk does see what main loads up front.
    expect(graph).toContain('commander');
    expect(graph.some((m) => m.endsWith(join('src', 'cli', 'commands', 'search.ts')))).toBe(true);
    expect(graph.some((m) => m.endsWith(join('src', 'render', 'hits-json.ts')))).toBe(true);
    expect(graph.filter((m) => m.includes(join('src', 'structure')))).toEqual([]);
    expect(graph.filter((m) => m === 'unified' || m.startsWith('remark') || m.startsWith('mdast'))).toEqual([]);
  });

  it('the CLI entry loads no terminal code up front: search --json never pays for it', () => {
    const graph = staticGraph(join(ROOT, 'src', 'cli', 'main.ts'));
    const terminal = ['terminal.ts', 'width.ts', 'wrap.ts', 'shape.ts'].map((name) => join('src', 'render', name));
    expect(graph.filter((m) => terminal.some((t) => m.endsWith(t)))).toEqual([]);
    expect(graph.filter((m) => m === 'string-width' || m === 'bidi-js' || m === 'arabic-reshaper')).toEqual([]);
  });

  it('the engine behind search reaches neither the parser nor unified', () => {
    const engine = join(ROOT, 'src', 'store', 'index.ts');
    if (!existsSync(engine)) return;
    const graph = staticGraph(engine);
    expect(graph.filter((m) => m.includes(join('src', 'structure')))).toEqual([]);
    expect(graph.filter((m) => m === 'unified' || m.startsWith('remark'))).toEqual([]);
  });
});

// The same promise for what users run: the bundled package (npm run build),
// watched with a module hook while it answers `search --json`.
describe('the built package, as it runs', () => {
  let work = '';
  beforeAll(async () => {
    await buildPackage();
    work = mkdtempSync(join(tmpdir(), 'unres-startup-'));
  }, 120_000);
  afterAll(() => {
    removePackage();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /**
   * The unres modules (as `src/...` paths), the bundle's files and the packages a run of the CLI loads.
   * ES modules are seen by a module hook; CommonJS files (bin/unres.js, search-loader.cjs) and
   * search.cjs, compiled by the search loader (src/cli/code-cache.ts), by V8's coverage, which also
   * tells which of search.cjs's modules ran: those it holds for later (esbuild's init functions
   * named by the module's path) count only when called.
   */
  function loadedBy(args: string[]): { modules: string[]; files: string[]; packages: string[] } {
    const log = join(work, 'loaded.txt');
    const coverage = join(work, 'coverage');
    writeFileSync(
      join(work, 'hooks.mjs'),
      `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(${JSON.stringify(log)}, result.url + '\\n');
  return result;
}
`,
    );
    writeFileSync(join(work, 'register.mjs'), "import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n");
    rmSync(log, { force: true });
    rmSync(coverage, { recursive: true, force: true });
    execFileSync(process.execPath, ['--import', join(work, 'register.mjs'), BIN, ...args], {
      stdio: 'pipe',
      env: { ...process.env, NO_COLOR: '1', NODE_V8_COVERAGE: coverage },
    });
    const modules = new Set<string>();
    const files = new Set<string>();
    const packages = new Set<string>();
    const bundleModules = (path: string): string[] =>
      [...readFileSync(path, 'utf8').matchAll(/^\/\/ \S*?\b(src\/\S+)\.js$/gm)].map((m) => m[1]!);
    for (const url of readFileSync(log, 'utf8').split('\n').filter(Boolean)) {
      if (!url.startsWith('file:')) continue;
      const path = fileURLToPath(url);
      const inPackages = /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(path);
      if (inPackages) packages.add(inPackages[1]!.replace(/\\/g, '/'));
      else {
        if (/[\\/]dist[\\/]bundle[\\/]/.test(path)) files.add(basename(path));
        // A bundled file names each module it holds in a `// .../src/x.js` line.
        for (const m of bundleModules(path)) modules.add(m);
      }
    }
    for (const name of readdirSync(coverage)) {
      const report = JSON.parse(readFileSync(join(coverage, name), 'utf8')) as {
        result: { url: string; functions: { functionName: string; ranges: { count: number }[] }[] }[];
      };
      for (const script of report.result) {
        // CommonJS files (search-loader.cjs, search.cjs) are not seen by the module hook.
        const bundled = /[\\/]dist[\\/]bundle[\\/]([^\\/]+\.cjs)$/.exec(script.url);
        if (bundled) files.add(bundled[1]!);
        if (!/[\\/]dist[\\/]bundle[\\/]search\.cjs$/.test(script.url)) continue;
        const notRun = new Set(
          script.functions.filter((f) => /\bsrc\/\S+\.js$/.test(f.functionName) && f.ranges[0]!.count === 0).map((f) => /\b(src\/\S+)\.js$/.exec(f.functionName)![1]!),
        );
        for (const m of bundleModules(fileURLToPath(script.url.startsWith('file:') ? script.url : pathToFileURL(script.url).href))) {
          if (!notRun.has(m)) modules.add(m);
        }
        // A package it holds (commander, string-width) is one init function per file, named by its path.
        for (const f of script.functions) {
          const inPackages = /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(f.functionName);
          if (inPackages && f.ranges[0]!.count > 0) packages.add(inPackages[1]!);
        }
      }
    }
    return { modules: [...modules], files: [...files], packages: [...packages] };
  }

  it('search --json loads the search code only: no parser, no writer, no terminal code', () => {
    const index = join(work, 'index');
    execFileSync(process.execPath, [BIN, 'ingest', SEEDS, '--index', index], { stdio: 'pipe' });
    const { modules, packages } = loadedBy(['search', 'طفل', '--index', index, '--json']);
    expect(modules).toContain('src/cli/commands/search');
    expect(modules).toContain('src/search/searcher');
    expect(modules).toContain('src/render/hits-json');
    expect(packages).toContain('commander');
    // src/decode/detect tells an index folder from a folder of documents; no decoder is loaded.
    expect(modules.filter((m) => m.startsWith('src/structure/') || (m.startsWith('src/decode/') && m !== 'src/decode/detect'))).toEqual([]);
    expect(modules.filter((m) => ['src/store/write-side', 'src/store/writer', 'src/store/commit', 'src/index/builder', 'src/index/merge'].includes(m))).toEqual([]);
    expect(modules.filter((m) => ['src/render/terminal', 'src/render/width', 'src/render/wrap', 'src/render/shape'].includes(m))).toEqual([]);
    expect(packages.filter((p) => /^(unified|remark-|mdast|string-width|bidi-js|arabic-reshaper|pdfjs-dist|mammoth)/.test(p))).toEqual([]);
  }, 60_000);

  it('search loads its own bundle (search-loader.cjs and search.cjs), never the whole CLI\'s', () => {
    const index = join(work, 'index');
    if (!existsSync(index)) execFileSync(process.execPath, [BIN, 'ingest', SEEDS, '--index', index], { stdio: 'pipe' });
    for (const args of [['search', 'طفل', '--index', index, '--json'], ['search', 'طفل', '--index', index], ['search', '--help']]) {
      const { files } = loadedBy(args);
      expect(files.sort()).toEqual(['search-loader.cjs', 'search.cjs']);
    }
    // Any other command starts from main.js.
    expect(loadedBy(['list', '--index', index]).files).toContain('main.js');
  }, 60_000);

  it('search keeps a code cache beside its bundle: written by a search, then used; one that does not fit is written again', () => {
    const index = join(work, 'index');
    if (!existsSync(index)) execFileSync(process.execPath, [BIN, 'ingest', SEEDS, '--index', index], { stdio: 'pipe' });
    const bundleDir = join(dirname(BIN), '..', 'dist', 'bundle');
    const cache = join(bundleDir, 'search.cache');
    const search = (...words: string[]): string => execFileSync(process.execPath, [BIN, 'search', ...words, '--index', index, '--json'], { encoding: 'utf8' });
    rmSync(cache, { force: true });
    // A search that fails writes none: it compiled too little of the search to keep.
    expect(() => search('طفل', '--limit', '0')).toThrow();
    expect(existsSync(cache)).toBe(false);
    const first = search('طفل');
    expect(existsSync(cache)).toBe(true);
    const written = statSync(cache).ino;
    // Taken by V8 (else it would be written again, a new file renamed over the old).
    expect(search('طفل')).toBe(first);
    expect(statSync(cache).ino).toBe(written);
    // A damaged cache and one made from another bundle are not believed, and are replaced.
    const bytes = readFileSync(cache);
    bytes[bytes.length - 100] ^= 0xff;
    writeFileSync(cache, bytes);
    const damaged = statSync(cache).ino;
    expect(search('طفل')).toBe(first);
    expect(statSync(cache).ino).not.toBe(damaged);
    const other = readFileSync(cache);
    other.writeUInt32LE(other.readUInt32LE(4) + 1, 4);
    writeFileSync(cache, other);
    const stale = statSync(cache).ino;
    expect(search('طفل')).toBe(first);
    expect(statSync(cache).ino).not.toBe(stale);
    expect(readdirSync(bundleDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 60_000);
});
