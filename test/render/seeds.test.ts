// The readable renderings hold up on the real seeds, as the parser sees them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clauseBodyLines, renderDocument } from '../../src/render/document.js';
import { renderOutline } from '../../src/render/outline.js';
import { lineText } from '../../src/render/styled.js';
import { renderLines } from '../../src/render/terminal.js';
import { parseBytes } from '../../src/structure/parse.js';

const SEEDS = join(import.meta.dirname, '..', '..', 'seeds');
const seeds = readdirSync(SEEDS).filter((f) => f.endsWith('.txt'));

describe.each(seeds)('%s', (file) => {
  const doc = parseBytes(readFileSync(join(SEEDS, file)), join('seeds', file));

  it('puts every item of every clause on a line of its own', () => {
    for (const clause of doc.clauses.filter((c) => c.items.length > 0)) {
      expect(clauseBodyLines(clause).length, clause.id).toBeGreaterThan(clause.items.length);
    }
  });

  it('outlines one line per clause, plus detail lines', () => {
    const lines = renderOutline(doc).map(lineText);
    for (const clause of doc.clauses) expect(lines.some((l) => l.startsWith(clause.id + ' '))).toBe(true);
  });

  it('renders the whole document shaped and unshaped without losing a clause', () => {
    const plain = renderLines(renderDocument(doc), { color: false, shape: false });
    for (const clause of doc.clauses) expect(plain).toContain(`\n${clause.id}  ${clause.kind}`);
    const shaped = renderLines(renderDocument(doc), { color: true, shape: true, width: 80 });
    // Tatweel (U+0640) has no presentation form and stays.
    expect(shaped).not.toMatch(/[\u0621-\u063f\u0641-\u064a]/);
  });
});
