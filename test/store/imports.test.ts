// The search path must stay light: nothing reachable from the index module
// may import the parser (src/structure) or unified and its plugins.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { moduleGraph } from '../helpers/import-graph.js';
import { ROOT } from './helpers/compiled.js';

describe('the search path', () => {
  it('never imports the parser or unified', () => {
    const { files, packages } = moduleGraph(join(ROOT, 'src', 'store', 'index.ts'), true);
    expect([...files].filter((f) => f.includes(`${join('src', 'structure')}`))).toEqual([]);
    expect([...packages].filter((p) => /unified|remark|vfile|mdast/.test(p))).toEqual([]);
    expect(files.size).toBeGreaterThan(10);
    expect(packages).toContain('proper-lockfile'); // the walk follows the writer's import()
  });
});

describe('a search', () => {
  it('loads the reader only: the writer side (lock, commit, identity, segment building, merging) is imported on the first write', () => {
    const files = [...moduleGraph(join(ROOT, 'src', 'store', 'index.ts')).files].map((f) => f.slice(join(ROOT, 'src').length + 1).replace(/\\/g, '/'));
    expect(files).toContain('store/reader.ts');
    expect(files).toContain('search/searcher.ts');
    for (const writer of ['store/write-side.ts', 'store/writer.ts', 'store/commit.ts', 'store/lock.ts', 'store/identity.ts', 'store/rebuild.ts', 'index/builder.ts', 'index/merge.ts']) {
      expect(files).not.toContain(writer);
    }
  });
});

describe('lunr', () => {
  it('is not loaded by the CLI or a search: the query syntax has its own parser (src/search/query-syntax.ts)', () => {
    for (const entry of [join(ROOT, 'src', 'cli', 'main.ts'), join(ROOT, 'src', 'store', 'index.ts')]) {
      const { files, packages } = moduleGraph(entry, true);
      expect(packages).not.toContain('lunr');
      // lunr is CommonJS, required through createRequire where it is used: no module reached names it.
      expect([...files].filter((f) => /['"]lunr['"]/.test(readFileSync(f, 'utf8')))).toEqual([]);
    }
  });
});

describe('node:crypto', () => {
  it('is not loaded up front by the CLI or the index: hashes and random names are for writing (src/lazy-crypto.ts)', () => {
    for (const entry of [join(ROOT, 'src', 'cli', 'main.ts'), join(ROOT, 'src', 'store', 'index.ts')]) {
      expect(moduleGraph(entry).packages).not.toContain('node:crypto');
    }
  });
});
