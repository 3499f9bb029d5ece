// Metadata and citations of the fifteen real documents (fixtures/real/, see its
// README) against their hand-read gold.
//
// - metadata: each field the gold lists (only those the visible text decides)
//   must equal the parse; kind must equal the gold kind.
// - citations: the gold lists General Assembly and ECOSOC resolutions only
//   (r-034 cites Security Council 242 and its gold list is empty), so the
//   parse's A/RES and E/RES subset is compared; Security Council and Human
//   Rights Council citations are checked by the crafted tests. A lettered part
//   is part of the symbol (A/RES/40/152O) while the gold requires the resolution
//   (A/RES/40/152) and lists lettered forms as optional: both sides are compared
//   as resolutions, without the part (baseSymbol). Every gold citation must be
//   found; every one found must be in the gold or its citationsOptional.
//
// Every field, kind and citation list must equal the gold: there are no known misses.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBytes } from '../../src/structure/parse.js';
import type { UnresDocument } from '../../src/types.js';
import { baseSymbol } from '../../src/un/symbols.js';
import { projectRoot, type Gold } from '../helpers/gold.js';

const realDir = join(projectRoot, 'fixtures', 'real');
const golds = readdirSync(realDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(realDir, f), 'utf8')) as Gold);

const isGaOrEcosocResolution = (symbol: string): boolean => /^(?:A|E)\/RES\//.test(symbol);

function misses(doc: UnresDocument, gold: Gold): Array<[string, unknown, unknown]> {
  const found: Array<[string, unknown, unknown]> = [];
  if (doc.kind !== gold.kind) found.push(['kind', doc.kind, gold.kind]);
  for (const [field, expected] of Object.entries(gold.metadata)) {
    const actual = (doc as unknown as Record<string, unknown>)[field];
    if (JSON.stringify(actual) !== JSON.stringify(expected)) found.push([field, actual, expected]);
  }
  const cited = [...new Set(doc.citations.map((c) => c.symbol).filter(isGaOrEcosocResolution).map(baseSymbol))];
  const required = (gold.citations ?? []).map(baseSymbol);
  const allowed = new Set([...required, ...(gold.citationsOptional ?? []).map(baseSymbol)]);
  const missing = required.filter((s) => !cited.includes(s));
  const extra = cited.filter((s) => !allowed.has(s));
  if (missing.length > 0 || extra.length > 0) found.push(['citations', { missing, extra }, gold.citations]);
  return found;
}

describe('real documents: metadata and citations against the gold', () => {
  it('has the fifteen real documents', () => expect(golds).toHaveLength(15));

  for (const gold of golds) {
    it(gold.file, () => {
      const doc = parseBytes(readFileSync(join(realDir, gold.file)), gold.file);
      expect(misses(doc, gold)).toEqual([]);
    });
  }

  it('reaches every field, kind and citation list of every document', () => {
    let fields = 0;
    let right = 0;
    for (const gold of golds) {
      const doc = parseBytes(readFileSync(join(realDir, gold.file)), gold.file);
      const wrong = misses(doc, gold).length;
      const total = Object.keys(gold.metadata).length + 2; // + kind + citations
      fields += total;
      right += total - wrong;
    }
    expect(right).toBe(fields);
  });
});
