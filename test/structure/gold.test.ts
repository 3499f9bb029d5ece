import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBytes } from '../../src/structure/parse.js';
import { compareClauses, loadGold, seedsDir, uniqueCitations } from '../helpers/gold.js';

const golds = loadGold();

describe('seeds against the hand-read gold', () => {
  it('has the five seeds', () => {
    expect(golds).toHaveLength(5);
  });

  it('matches every gold clause, with no extra clauses', () => {
    let matched = 0;
    let total = 0;
    const mismatches: string[] = [];
    for (const gold of golds) {
      const doc = parseBytes(readFileSync(join(seedsDir, gold.file)), gold.file);
      const report = compareClauses(doc, gold);
      matched += report.matched;
      total += report.total;
      mismatches.push(...report.mismatches);
    }
    expect(mismatches).toEqual([]);
    expect(`${matched} of ${total}`).toBe('185 of 185');
  });

  for (const gold of golds) {
    describe(gold.file, () => {
      const doc = parseBytes(readFileSync(join(seedsDir, gold.file)), gold.file);

      it('has the gold kind and footnote count', () => {
        expect(doc.kind).toBe(gold.kind);
        expect(doc.footnotes).toHaveLength(gold.footnotes);
      });

      it('has the gold metadata', () => {
        const { body, title, distributed, adopted, sponsors, agendaItem, symbol } = doc;
        expect({ body, title, distributed, adopted, sponsors, agendaItem, symbol }).toEqual(gold.metadata);
      });

      it('cites the gold resolutions', () => {
        const cited = uniqueCitations(doc);
        if (gold.citations === null) {
          expect(cited).toEqual([]);
          return;
        }
        const allowed = new Set([...gold.citations, ...(gold.citationsOptional ?? [])]);
        expect(cited.filter((s) => !allowed.has(s))).toEqual([]);
        expect(gold.citations.filter((s) => !cited.includes(s))).toEqual([]);
      });
    });
  }
});
