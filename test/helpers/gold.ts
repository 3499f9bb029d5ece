// The gold matching rule (DEVELOPERS brief): fold both sides; a clause matches
// when its text starts with `start`, ends with `end` (trailing punctuation
// ignored), and number, item count and footnote set are equal; clauses of one
// kind are compared in document order.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { foldForMatch } from '../../src/text/fold.js';
import type { Clause, UnresDocument } from '../../src/types.js';

export interface GoldClause {
  kind: string;
  number?: number | null;
  start: string;
  end?: string;
  /** Cut off by the end of the excerpt: only number and start are checked. */
  truncated?: boolean;
  items: number | null;
  footnotes: number[];
}

export interface Gold {
  file: string;
  kind: string;
  footnotes: number;
  metadata: Record<string, unknown>;
  citations: string[] | null;
  citationsOptional?: string[];
  clauses: GoldClause[];
}

export const projectRoot = join(import.meta.dirname, '..', '..');
export const seedsDir = join(projectRoot, 'seeds');
export const goldDir = join(projectRoot, 'fixtures', 'gold');

export function loadGold(): Gold[] {
  return readdirSync(goldDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(goldDir, f), 'utf8')) as Gold);
}

/** A gold document with the text it was read from. */
export interface GoldText {
  gold: Gold;
  text: string;
}

/**
 * The twenty gold documents under `root` (a checkout's root: compiled scripts live deeper than this file's
 * projectRoot assumes): seeds/ with fixtures/gold/, then fixtures/real/, each with its text.
 */
export function loadGoldTexts(root: string): GoldText[] {
  const read = (dir: string, textDir: string): GoldText[] =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => {
        const gold = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Gold;
        return { gold, text: readFileSync(join(textDir, gold.file), 'utf8') };
      });
  const real = join(root, 'fixtures', 'real');
  return [...read(join(root, 'fixtures', 'gold'), join(root, 'seeds')), ...read(real, real)];
}

const TRAILING_PUNCTUATION = /[\s.،,؛;:!?؟]+$/;

function trimEnd(text: string): string {
  return foldForMatch(text).replace(TRAILING_PUNCTUATION, '');
}

/** Why a clause does not match its gold entry, or null when it matches. */
export function clauseMismatch(clause: Clause | undefined, gold: GoldClause): string | null {
  if (!clause) return 'missing';
  const text = foldForMatch(clause.text);
  const problems: string[] = [];
  if (!text.startsWith(foldForMatch(gold.start))) problems.push(`start: «${text.slice(0, 60)}»`);
  // A number the gold leaves out was not printed: the clause's must be null.
  const number = gold.number ?? null;
  if (clause.number !== number) problems.push(`number ${clause.number} ≠ ${number}`);
  if (gold.truncated) return problems.length > 0 ? problems.join('; ') : null;
  if (!trimEnd(clause.text).endsWith(trimEnd(gold.end ?? ''))) problems.push(`end: «${trimEnd(clause.text).slice(-60)}»`);
  if (gold.items !== null && clause.items.length !== gold.items) problems.push(`items ${clause.items.length} ≠ ${gold.items}`);
  const fn = [...new Set(clause.footnotes)].sort((a, b) => a - b).join(',');
  const goldFn = [...new Set(gold.footnotes)].sort((a, b) => a - b).join(',');
  if (fn !== goldFn) problems.push(`footnotes [${fn}] ≠ [${goldFn}]`);
  return problems.length > 0 ? problems.join('; ') : null;
}

export interface GoldReport {
  matched: number;
  total: number;
  mismatches: string[];
}

/** Compare a parsed document with its gold: clauses per kind, in order. */
export function compareClauses(doc: UnresDocument, gold: Gold): GoldReport {
  const report: GoldReport = { matched: 0, total: gold.clauses.length, mismatches: [] };
  const kinds = new Set([...gold.clauses.map((c) => c.kind), ...doc.clauses.map((c) => c.kind)]);
  for (const kind of kinds) {
    const expected = gold.clauses.filter((c) => c.kind === kind);
    const actual = doc.clauses.filter((c) => c.kind === kind);
    expected.forEach((g, i) => {
      const why = clauseMismatch(actual[i], g);
      if (why === null) report.matched++;
      else report.mismatches.push(`${gold.file} ${kind} #${i + 1}: ${why}`);
    });
    if (actual.length > expected.length) {
      report.mismatches.push(`${gold.file} ${kind}: ${actual.length - expected.length} extra (${actual.slice(expected.length).map((c) => c.id).join(', ')})`);
    }
  }
  return report;
}

export function uniqueCitations(doc: UnresDocument): string[] {
  return [...new Set(doc.citations.map((c) => c.symbol))];
}
