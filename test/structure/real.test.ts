// The fifteen real documents of fixtures/real (texts nobody in this project
// wrote, with hand-read gold; conventions in fixtures/real/README.md): every
// gold clause matched and no extra clause, by the seeds' matching rule. Kinds,
// metadata and citations of these documents are the metadata stage's and are
// not asserted here.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBytes } from '../../src/structure/parse.js';
import { compareClauses, projectRoot, type Gold } from '../helpers/gold.js';

const realDir = join(projectRoot, 'fixtures', 'real');
const golds: Gold[] = readdirSync(realDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(realDir, f), 'utf8')) as Gold);

describe('real documents against their hand-read gold', () => {
  it('has the fifteen documents', () => {
    expect(golds).toHaveLength(15);
  });

  it('matches every gold clause, with no extra clauses', () => {
    let matched = 0;
    let total = 0;
    const mismatches: string[] = [];
    for (const gold of golds) {
      const report = compareClauses(parseBytes(readFileSync(join(realDir, gold.file)), gold.file), gold);
      matched += report.matched;
      total += report.total;
      mismatches.push(...report.mismatches);
    }
    expect(mismatches).toEqual([]);
    expect(`${matched} of ${total}`).toBe('172 of 172');
  });

  it.each(golds.map((gold) => [gold.file, gold] as const))('%s has as many footnote bodies as the gold', (file, gold) => {
    const doc = parseBytes(readFileSync(join(realDir, file)), file);
    expect(doc.footnotes).toHaveLength(gold.footnotes);
  });
});
