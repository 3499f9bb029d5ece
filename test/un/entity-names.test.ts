// The table of UN entities and treaties (src/un/entity-names.ts) and the
// organs' acronyms (src/un/organ-table.ts), as search reads them: each
// acronym is one word naming one entry, each name is several words, and each
// entry is found from its acronyms (the names as phrases) and from each name
// typed whole (the acronyms).
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/search/analysis/tokenizer.js';
import { planQuery } from '../../src/search/query.js';
import { ENTITY_NAMES } from '../../src/un/entity-names.js';
import { ORGANS } from '../../src/un/organ-table.js';

const entries = [
  ...ORGANS.filter((o) => o.latin).map((o) => ({ english: o.english, latin: o.latin!, arabic: [] as readonly string[], names: [o.arabic] })),
  ...ENTITY_NAMES.map((e) => ({ english: e.english, latin: e.latin, arabic: e.arabic ?? [], names: e.names })),
];

const matcherOf = (query: string, g: number) => {
  const m = planQuery(query).groups[g]!.matcher;
  if (m.kind !== 'exact') throw new Error(`${query}: not an exact word`);
  return m;
};

describe('the table of UN entities and treaties', () => {
  it('has an English name, an acronym and a name of two words or more in every entry', () => {
    expect(entries.length).toBeGreaterThanOrEqual(40);
    for (const e of entries) {
      expect(e.english).not.toBe('');
      expect(e.latin.length, e.english).toBeGreaterThan(0);
      for (const name of e.names) expect(name.split(' ').length, name).toBeGreaterThanOrEqual(2);
    }
  });

  it('writes every acronym as one word, Latin in capitals, each naming one entry', () => {
    const seen = new Set<string>();
    for (const e of entries) {
      for (const a of e.latin) expect(a, e.english).toMatch(/^[A-Z]{2,}$/);
      for (const a of [...e.latin, ...e.arabic]) {
        expect(tokenize(a), a).toHaveLength(1);
        expect(seen.has(a), a).toBe(false);
        seen.add(a);
      }
    }
  });

  it('finds each entry from its acronyms and from each of its names', () => {
    for (const e of entries) {
      for (const a of [...e.latin, ...e.arabic]) expect(matcherOf(a, 0).names?.length, a).toBeGreaterThan(0);
      const acronym = matcherOf(e.latin[0]!, 0).terms[0]!;
      for (const name of e.names) {
        const last = planQuery(name).groups.length - 1;
        expect(matcherOf(name, last).alternates ?? [], name).toContain(acronym);
      }
    }
  });
});
