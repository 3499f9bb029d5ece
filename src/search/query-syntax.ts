// The query syntax: `+must -not field:word word* word~1 word^2`, read into
// clauses. unres read this syntax with lunr 2.3.9's query parser before; this
// module reads it on its own, so a search does not load lunr (~7 ms of every
// cold start) for its parser alone. Users keep the same clauses, the same
// messages and the same edge cases (test/search/query-syntax.test.ts compares
// the two on generated queries):
//   - words are cut at white space and at a '-' that does not open a word;
//   - a '+' or '-' opening a word is its presence, one per word;
//   - `name:` before a word names its field (it must be one of ALL_FIELDS);
//   - `~n` and `^n` after a word set its edit distance and boost (ASCII digits);
//   - a backslash makes the next character plain (`\:`), and is dropped;
//   - a word is lower-cased; a '*' in it is kept for the caller.
// Quoted phrases are cut out before (query.ts splitPhrases). One pass over the
// query, each character looked at a bounded number of times: linear.

import { ALL_FIELDS, type Field } from './fields.js';

export type Presence = 'optional' | 'required' | 'prohibited';

export interface SyntaxClause {
  /** The word as typed, lower-cased, wildcards kept. */
  term: string;
  /** The field named (`title:word`), or null: the caller's default fields. */
  fields: Field[] | null;
  presence: Presence;
  /** `^n`; 1 when not given. */
  boost: number;
  /** `~n`; 0 when not given. */
  editDistance: number;
}

/** A query the syntax cannot read; the message names what was typed. */
export class QuerySyntaxError extends Error {
  override name = 'QuerySyntaxError';
}

type LexemeType = 'FIELD' | 'TERM' | 'EDIT_DISTANCE' | 'BOOST' | 'PRESENCE';

interface Lexeme {
  type: LexemeType;
  str: string;
}

/** What a user typed for each kind of lexeme, for messages. */
const TYPED: Record<LexemeType, string> = {
  PRESENCE: "'+' or '-'",
  EDIT_DISTANCE: "'~' (write word~1)",
  BOOST: "'^' (write word^2)",
  FIELD: 'a field (write field:word)',
  TERM: 'a word',
};

// lunr's term separator (lunr.tokenizer.separator), tested one character at a time.
const SEPARATOR = /[\s-]/;

const BACKSLASH = 92;

/** The query cut into lexemes, as lunr's QueryLexer cuts it. */
function lex(str: string): Lexeme[] {
  const lexemes: Lexeme[] = [];
  const length = str.length;
  let pos = 0;
  let start = 0;
  let escapes: number[] = [];

  const emit = (type: LexemeType): void => {
    let text = '';
    let from = start;
    for (const at of escapes) {
      text += str.slice(from, at);
      from = at + 1;
    }
    text += str.slice(from, pos);
    escapes = [];
    lexemes.push({ type, str: text });
    start = pos;
  };
  // Skips the character at pos when nothing was read since start, then starts after it.
  const ignore = (): void => {
    if (start === pos) pos++;
    start = pos;
  };
  const acceptDigits = (): void => {
    while (pos < length) {
      const code = str.charCodeAt(pos);
      if (code < 48 || code > 57) return;
      pos++;
    }
  };

  for (;;) {
    if (pos >= length) {
      if (pos - start > 0) emit('TERM');
      return lexemes;
    }
    const char = str[pos]!;
    pos++;
    if (char.charCodeAt(0) === BACKSLASH) {
      escapes.push(pos - 1);
      pos++;
      continue;
    }
    if (char === ':') {
      pos--;
      emit('FIELD');
      ignore();
      continue;
    }
    if (char === '~' || char === '^') {
      pos--;
      if (pos - start > 0) emit('TERM');
      ignore();
      acceptDigits();
      emit(char === '~' ? 'EDIT_DISTANCE' : 'BOOST');
      continue;
    }
    if ((char === '+' || char === '-') && pos - start === 1) {
      emit('PRESENCE');
      continue;
    }
    if (SEPARATOR.test(char)) {
      if (pos - start > 1) {
        pos--;
        emit('TERM');
      }
      ignore();
      // lunr stops at a separator ending the query, without a last empty lexeme.
      if (pos >= length) return lexemes;
    }
  }
}

function syntaxError(message: string): QuerySyntaxError {
  return new QuerySyntaxError(message);
}

/** lunr's messages name lexeme types ("found EDIT_DISTANCE"): the first such name becomes what a user typed. */
function readable(message: string): string {
  const text = message.replace(/found '?(PRESENCE|EDIT_DISTANCE|BOOST|FIELD|TERM)'?/, (_, type: LexemeType) => `found ${TYPED[type]}`);
  if (text.startsWith('unrecognised field')) return `${text} (a word before ':' names a field: leave out the ':' to search for the word)`;
  return text;
}

const FIELD_LIST = ALL_FIELDS.map((f) => `'${f}'`).join(', ');

/** Reads a query (without quoted phrases) into clauses; throws QuerySyntaxError with a one-line-able message. */
export function parseQuerySyntax(query: string): SyntaxClause[] {
  try {
    return parse(lex(query));
  } catch (err) {
    if (err instanceof QuerySyntaxError) throw syntaxError(readable(err.message));
    throw err;
  }
}

function parse(lexemes: Lexeme[]): SyntaxClause[] {
  const clauses: SyntaxClause[] = [];
  let clause: Partial<SyntaxClause> = {};
  let i = 0;
  const finish = (): void => {
    clauses.push({
      term: clause.term!,
      fields: clause.fields ?? null,
      presence: clause.presence ?? 'optional',
      boost: clause.boost ?? 1,
      editDistance: clause.editDistance ?? 0,
    });
    clause = {};
  };

  if (lexemes.length === 0) return clauses;
  const first = lexemes[0]!;
  if (first.type === 'EDIT_DISTANCE' || first.type === 'BOOST') {
    throw syntaxError(`expected either a field or a term, found ${first.type}${first.str.length >= 1 ? ` with value '${first.str}'` : ''}`);
  }
  for (;;) {
    const lexeme = lexemes[i++];
    if (lexeme === undefined) return clauses;
    const next = lexemes[i];
    switch (lexeme.type) {
      case 'PRESENCE':
        clause.presence = lexeme.str === '-' ? 'prohibited' : 'required';
        if (next === undefined) throw syntaxError('expecting term or field, found nothing');
        if (next.type !== 'FIELD' && next.type !== 'TERM') throw syntaxError(`expecting term or field, found '${next.type}'`);
        break;
      case 'FIELD':
        if (!(ALL_FIELDS as readonly string[]).includes(lexeme.str)) {
          throw syntaxError(`unrecognised field '${lexeme.str}', possible fields: ${FIELD_LIST}`);
        }
        clause.fields = [lexeme.str as Field];
        if (next === undefined) throw syntaxError('expecting term, found nothing');
        if (next.type !== 'TERM') throw syntaxError(`expecting term, found '${next.type}'`);
        break;
      case 'EDIT_DISTANCE':
      case 'BOOST': {
        const n = parseInt(lexeme.str, 10);
        if (Number.isNaN(n)) throw syntaxError(lexeme.type === 'BOOST' ? 'boost must be numeric' : 'edit distance must be numeric');
        if (lexeme.type === 'BOOST') clause.boost = n;
        else clause.editDistance = n;
        if (next === undefined || next.type === 'TERM' || next.type === 'FIELD' || next.type === 'PRESENCE') finish();
        break;
      }
      case 'TERM':
        clause.term = lexeme.str.toLowerCase();
        if (next === undefined || next.type === 'TERM' || next.type === 'FIELD' || next.type === 'PRESENCE') finish();
        break;
    }
  }
}
