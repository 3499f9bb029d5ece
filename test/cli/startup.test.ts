// The search path must stay light: nothing that `unres search` loads up front
// may reach the parser or unified. Commands load those with `await import()`
// inside their actions; this walks the static imports from the CLI entry.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

/** Module specifiers of the runtime (non-type) top-level imports and re-exports of a TypeScript file. */
function staticImports(source: string): string[] {
  const file = ts.createSourceFile('x.ts', source, ts.ScriptTarget.ES2022);
  const specifiers: string[] = [];
  for (const statement of file.statements) {
    if (ts.isImportDeclaration(statement) && !statement.importClause?.isTypeOnly) {
      specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return specifiers;
}

function staticGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of staticImports(readFileSync(file, 'utf8'))) {
      if (!specifier.startsWith('.')) {
        seen.add(specifier);
        continue;
      }
      const target = resolve(dirname(file), specifier.replace(/\.js$/, '.ts'));
      if (existsSync(target)) visit(target);
    }
  };
  visit(entry);
  return seen;
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
    expect(staticImports(source)).toEqual(['./b.js', './d.js', 'side-effect']);
  });

  it('the CLI entry reaches neither the parser nor unified', () => {
    const graph = [...staticGraph(join(ROOT, 'src', 'cli', 'main.ts'))];
    // The walk does see what main loads up front.
    expect(graph).toContain('commander');
    expect(graph.some((m) => m.endsWith(join('src', 'cli', 'commands', 'search.ts')))).toBe(true);
    expect(graph.some((m) => m.endsWith(join('src', 'render', 'hits-json.ts')))).toBe(true);
    expect(graph.filter((m) => m.includes(join('src', 'structure')))).toEqual([]);
    expect(graph.filter((m) => m === 'unified' || m.startsWith('remark') || m.startsWith('mdast'))).toEqual([]);
  });

  it('the CLI entry loads no terminal code up front: search --json never pays for it', () => {
    const graph = [...staticGraph(join(ROOT, 'src', 'cli', 'main.ts'))];
    const terminal = ['terminal.ts', 'width.ts', 'wrap.ts', 'shape.ts'].map((name) => join('src', 'render', name));
    expect(graph.filter((m) => terminal.some((t) => m.endsWith(t)))).toEqual([]);
    expect(graph.filter((m) => m === 'string-width' || m === 'bidi-js' || m === 'arabic-reshaper')).toEqual([]);
  });

  it('the engine behind search reaches neither the parser nor unified', () => {
    const engine = join(ROOT, 'src', 'store', 'index.ts');
    if (!existsSync(engine)) return;
    const graph = [...staticGraph(engine)];
    expect(graph.filter((m) => m.includes(join('src', 'structure')))).toEqual([]);
    expect(graph.filter((m) => m === 'unified' || m.startsWith('remark'))).toEqual([]);
  });
});
