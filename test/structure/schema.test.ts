// The contract's Document JSON as a JSON Schema: every seed's parse output
// validates, and the schema is strict enough to reject what the contract forbids.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBytes } from '../../src/structure/parse.js';
import type { UnresDocument } from '../../src/types.js';
import { seedsDir } from '../helpers/gold.js';
import { craftedDir } from './support/crafted.js';
import { schemaErrors } from './support/schema.js';

const seeds = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort();

describe('every seed parses to schema-valid Document JSON', () => {
  it('has the five seeds', () => expect(seeds).toHaveLength(5));

  it.each(seeds)('%s', (file) => {
    const doc = parseBytes(readFileSync(join(seedsDir, file)), join('seeds', file));
    expect(schemaErrors(doc)).toEqual([]);
  });
});

describe('every crafted text fixture parses to schema-valid Document JSON', () => {
  const fixtures = readdirSync(craftedDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.txt'))
    .sort();

  it('finds crafted fixtures', () => expect(fixtures.length).toBeGreaterThan(5));

  it.each(fixtures)('%s', (file) => {
    const doc = parseBytes(readFileSync(join(craftedDir, file)), file);
    expect(schemaErrors(doc)).toEqual([]);
  });
});

describe('the schema is strict', () => {
  const valid = parseBytes(readFileSync(join(seedsDir, seeds[3]!)), seeds[3]!);
  const broken = (change: (doc: Record<string, any>) => void): string[] => {
    const copy = JSON.parse(JSON.stringify(valid)) as Record<string, any>;
    change(copy);
    return schemaErrors(copy as UnresDocument);
  };

  it('accepts the unchanged document, which has clauses, footnotes and citations', () => {
    expect(valid.clauses.length).toBeGreaterThan(10);
    expect(valid.footnotes.length).toBeGreaterThan(0);
    expect(valid.citations.length).toBeGreaterThan(0);
    expect(broken(() => {})).toEqual([]);
  });

  it.each<[string, (doc: Record<string, any>) => void]>([
    ['a missing required key', (d) => delete d.agendaItem],
    ['an unknown top-level key', (d) => (d.extra = 1)],
    ['an unknown document kind', (d) => (d.kind = 'treaty')],
    ['a date that is not YYYY-MM-DD', (d) => (d.adopted = '6 July 2017')],
    ['an impossible month', (d) => (d.distributed = '2017-13-01')],
    ['sponsors that are not strings', (d) => (d.sponsors = [1])],
    ['an empty title (null is the absence)', (d) => (d.title = '')],
    ['a clause id without a kind prefix', (d) => (d.clauses[0].id = 'x1')],
    ['a clause id whose prefix is not its kind', (d) => (d.clauses[0].id = 'op1')],
    ['a fractional clause number', (d) => (d.clauses[0].number = 1.5)],
    ['a clause index of 0', (d) => (d.clauses[0].index = 0)],
    ['a clause without items', (d) => delete d.clauses[0].items],
    ['an unknown clause kind', (d) => (d.clauses[0].kind = 'annex')],
    ['a footnote number that is a string', (d) => (d.footnotes[0].number = '1')],
    ['a repeated footnote reference in a clause', (d) => (d.clauses[5].footnotes = [1, 1])],
    ['a citation symbol in Arabic order', (d) => (d.citations[0].symbol = '293/64')],
    ['a citation pointing nowhere', (d) => (d.citations[0].clause = 'clause 3')],
    ['a source hash that is not SHA-256', (d) => (d.source.sha256 = 'abc')],
    ['an unknown encoding', (d) => (d.source.encoding = 'latin-1')],
  ])('rejects %s', (_, change) => {
    expect(broken(change)).not.toEqual([]);
  });
});
