// Document families the seeds do not show, crafted in their published layout.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBytes } from '../../src/structure/parse.js';
import { projectRoot } from '../helpers/gold.js';

const family = (name: string) => {
  const path = join(projectRoot, 'fixtures', 'crafted', 'families', name);
  return parseBytes(readFileSync(path), name);
};

describe('a General Assembly resolution', () => {
  const doc = family('ga-resolution.txt');

  it('takes its symbol from the printed English symbol and its dates from header and closing', () => {
    expect(doc.symbol).toBe('A/RES/72/195');
    expect(doc.id).toBe('A-RES-72-195');
    expect(doc.kind).toBe('resolution');
    expect(doc.body).toBe('الجمعية العامة');
    expect(doc.adopted).toBe('2017-12-19');
    expect(doc.distributed).toBe('2018-01-23');
    expect(doc.agendaItem).toBe('107');
    expect(doc.title).toBe('تحسين تنسيق الجهود المبذولة لمكافحة الاتجار بالأشخاص');
  });

  it('splits preamble and operative clauses and leaves the closing out', () => {
    expect(doc.clauses.map((c) => c.id)).toEqual(['pp1', 'pp2', 'op1', 'op2']);
    expect(doc.clauses.at(-1)!.text).toBe('تقرر أن تبقي المسألة قيد نظرها.');
  });

  it('cites its own earlier resolutions, also from a footnote that names no organ', () => {
    expect(doc.citations.map((c) => [c.symbol, c.clause])).toEqual([
      ['A/RES/70/179', 'pp1'],
      ['A/RES/64/293', 'pp2'],
    ]);
  });
});
