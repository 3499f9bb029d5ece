// The search path must stay light: nothing reachable from the index module
// may import the parser (src/structure) or unified and its plugins.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/compiled.js';

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g;

function reachable(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(IMPORT)) {
      const spec = (match[1] ?? match[2])!;
      if (spec.startsWith('.')) queue.push(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
    }
  }
  return { files, packages };
}

describe('the search path', () => {
  it('never imports the parser or unified', () => {
    const { files, packages } = reachable(join(ROOT, 'src', 'store', 'index.ts'));
    expect([...files].filter((f) => f.includes(`${join('src', 'structure')}`))).toEqual([]);
    expect([...packages].filter((p) => /unified|remark|vfile|mdast/.test(p))).toEqual([]);
    expect(files.size).toBeGreaterThan(10);
    expect(packages).toContain('lunr');
  });
});

/** Modules a process loads when it starts from `entry`: static value imports only (not `import type`, not `import()`). */
function loadedAtStart(entry: string): Set<string> {
  const STATIC = /(?:^|\n)\s*(?:import|export)\s(?!type\s)[^;]*?from\s+'([^']+)'/g;
  const files = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(STATIC)) {
      if (match[1]!.startsWith('.')) queue.push(resolve(dirname(file), match[1]!.replace(/\.js$/, '.ts')));
    }
  }
  return files;
}

describe('a search', () => {
  it('loads the reader only: the writer side (lock, commit, identity, segment building, merging) is imported on the first write', () => {
    const files = [...loadedAtStart(join(ROOT, 'src', 'store', 'index.ts'))].map((f) => f.slice(join(ROOT, 'src').length + 1).replace(/\\/g, '/'));
    expect(files).toContain('store/reader.ts');
    expect(files).toContain('search/searcher.ts');
    for (const writer of ['store/write-side.ts', 'store/writer.ts', 'store/commit.ts', 'store/lock.ts', 'store/identity.ts', 'store/rebuild.ts', 'index/builder.ts', 'index/merge.ts']) {
      expect(files).not.toContain(writer);
    }
  });
});
