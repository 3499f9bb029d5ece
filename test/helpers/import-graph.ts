// The module graph of the TypeScript sources, read with the compiler's parser:
// what a process loads when it starts from a module (static value imports and
// re-exports; `import type` and `import()` are not loaded up front), or
// everything it may ever load (dynamic imports too).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import ts from 'typescript';

/** Module specifiers a source file imports: static value imports and re-exports, and `import('…')` calls when `dynamic`. */
export function importsOf(source: string, dynamic = false): string[] {
  const file = ts.createSourceFile('x.ts', source, ts.ScriptTarget.ES2022);
  const specifiers: string[] = [];
  for (const statement of file.statements) {
    if (ts.isImportDeclaration(statement) && !statement.importClause?.isTypeOnly) {
      specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  if (dynamic) {
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        const [argument] = node.arguments;
        if (argument && ts.isStringLiteral(argument)) specifiers.push(argument.text);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return specifiers;
}

export interface ModuleGraph {
  /** Source files reached (absolute paths). */
  files: Set<string>;
  /** Packages reached, by package name. */
  packages: Set<string>;
}

/** The source files and packages reachable from `entry` (static imports; dynamic ones too when asked). */
export function moduleGraph(entry: string, dynamic = false): ModuleGraph {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    for (const specifier of importsOf(readFileSync(file, 'utf8'), dynamic)) {
      if (specifier.startsWith('.')) {
        const target = resolve(dirname(file), specifier.replace(/\.js$/, '.ts'));
        if (existsSync(target)) queue.push(target);
      } else {
        const parts = specifier.split('/');
        packages.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!);
      }
    }
  }
  return { files, packages };
}
