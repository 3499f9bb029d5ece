// From a query string to a plan: lunr's own query parser reads the syntax
// (`+must -not field:word word* word~1 word^2`), then each term goes through
// the analysis pipeline. One printed word of a term becomes one group: its stem
// variants are alternatives, and a group counts once for "clauses holding all
// words rank first".
//
// Defined edge cases (tested in test/search/query.test.ts):
//   - empty or blank query: UsageError (the CLI checks too).
//   - only stop words or punctuation: a plan with no groups; search returns no
//     hits (exit 1 at the CLI), because nothing searchable was asked.
//   - only excluded words (`-x`): UsageError; it would list the whole index.
//   - longer than MAX_QUERY_CHARS (4,096): UsageError saying the limit; a
//     pasted paragraph fits, a runaway pipe does not.
//   - wildcards need two literal characters (`ط*` would read every term);
//     fuzzy distance is at most 2.

import { createRequire } from 'node:module';
import type lunrModule from 'lunr';
import { UsageError } from '../errors.js';
import { analyseQueryTerm } from './analysis/pipeline.js';
import { normaliseToken } from './analysis/normalise.js';
import { stemVariants } from './analysis/stemmer.js';
import { ALL_FIELDS, DEFAULT_FIELDS, type Field } from './fields.js';

// lunr is CommonJS: required directly, Node does not scan its source for ES
// named exports, which cost every search's start-up ~10 ms.
const lunr = createRequire(import.meta.url)('lunr') as typeof lunrModule;

export const MAX_QUERY_CHARS = 4096;
export const MAX_EDIT_DISTANCE = 2;
const MIN_WILDCARD_LITERAL = 2;

export type Presence = 'optional' | 'required' | 'prohibited';

export type TermMatcher =
  | { kind: 'exact'; terms: string[] }
  | { kind: 'fuzzy'; terms: string[]; distance: number }
  /** Trailing wildcard: any term starting with one of these. */
  | { kind: 'prefix'; prefixes: string[] }
  /** Other wildcards: literal parts in order, `*` between them. */
  | { kind: 'pattern'; parts: string[] };

export interface QueryGroup {
  /** The query term this group comes from, for messages. */
  source: string;
  fields: Field[];
  presence: Presence;
  boost: number;
  matcher: TermMatcher;
}

export interface QueryPlan {
  groups: QueryGroup[];
}

interface LunrClause {
  term: string;
  fields: string[];
  boost: number;
  editDistance?: number;
  usePipeline: boolean;
  wildcard: number;
  presence: number;
}

// lunr exports its query parser at runtime; @types/lunr does not declare it.
const QueryParser = (lunr as unknown as { QueryParser: new (str: string, query: lunr.Query) => { parse(): lunr.Query } })
  .QueryParser;
const PRESENCE = { 1: 'optional', 2: 'required', 3: 'prohibited' } as const;

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? flat.slice(0, 200) + '…' : flat;
}

/** lunr names its tokens in messages ("found EDIT_DISTANCE"): say the characters a user typed instead. */
const LUNR_TOKENS: Record<string, string> = {
  PRESENCE: "'+' or '-'",
  EDIT_DISTANCE: "'~' (write word~1)",
  BOOST: "'^' (write word^2)",
  FIELD: "a field (write field:word)",
  TERM: 'a word',
};

function readableLunrMessage(message: string): string {
  const text = message.replace(/found '?(PRESENCE|EDIT_DISTANCE|BOOST|FIELD|TERM)'?/, (_, token: string) => `found ${LUNR_TOKENS[token]}`);
  if (text.startsWith('unrecognised field')) return `${text} (a word before ':' names a field: leave out the ':' to search for the word)`;
  return text;
}

function parseWithLunr(query: string): { clauses: LunrClause[]; allFields: string[] } {
  const lunrQuery = new lunr.Query([...ALL_FIELDS]);
  try {
    new QueryParser(query, lunrQuery).parse();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new UsageError(`bad query syntax: ${oneLine(readableLunrMessage(message))}`);
  }
  return { clauses: lunrQuery.clauses as unknown as LunrClause[], allFields: lunrQuery.allFields };
}

function wildcardMatcher(term: string): TermMatcher {
  const parts = term.split('*').map(normaliseToken);
  const literal = parts.join('');
  if (literal.length < MIN_WILDCARD_LITERAL) {
    throw new UsageError(`bad query: wildcard '${oneLine(term)}' needs at least ${MIN_WILDCARD_LITERAL} letters besides '*'`);
  }
  const trailingOnly = parts.length === 2 && parts[1] === '' && parts[0] !== '';
  if (!trailingOnly) return { kind: 'pattern', parts };
  // The index holds stems: a prefix typed with its article or suffixes should still start them.
  const prefixes = new Set([parts[0]!, ...stemVariants(parts[0]!)]);
  return { kind: 'prefix', prefixes: [...prefixes].filter((p) => p.length >= MIN_WILDCARD_LITERAL) };
}

export function planQuery(query: string): QueryPlan {
  if (query.trim() === '') throw new UsageError('empty query: give at least one word to search for');
  if (query.length > MAX_QUERY_CHARS) {
    throw new UsageError(`query too long: ${query.length} characters, the limit is ${MAX_QUERY_CHARS}`);
  }
  const { clauses, allFields } = parseWithLunr(query);
  const groups: QueryGroup[] = [];
  const seen = new Set<string>();
  const addGroup = (group: QueryGroup): void => {
    const key = JSON.stringify([group.fields, group.presence, group.matcher]);
    if (seen.has(key)) return;
    seen.add(key);
    groups.push(group);
  };

  for (const clause of clauses) {
    // lunr gives an unfielded clause the very array of all fields.
    const fields = (clause.fields === allFields ? DEFAULT_FIELDS : clause.fields) as Field[];
    const presence = PRESENCE[clause.presence as 1 | 2 | 3] ?? 'optional';
    const boost = clause.boost > 0 ? clause.boost : 1;
    const base = { source: clause.term, fields: [...fields], presence, boost };
    if (clause.term.includes('*')) {
      addGroup({ ...base, matcher: wildcardMatcher(clause.term) });
      continue;
    }
    const distance = clause.editDistance ?? 0;
    if (distance > MAX_EDIT_DISTANCE) {
      throw new UsageError(`bad query: edit distance ${distance} in '${oneLine(clause.term)}~${distance}' is above ${MAX_EDIT_DISTANCE}`);
    }
    for (const terms of analyseQueryTerm(clause.term)) {
      addGroup({ ...base, matcher: distance > 0 ? { kind: 'fuzzy', terms, distance } : { kind: 'exact', terms } });
    }
  }

  if (groups.length > 0 && groups.every((g) => g.presence === 'prohibited')) {
    throw new UsageError('bad query: only excluded words (-word); add at least one word to look for');
  }
  return { groups };
}
