import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import lunr from 'lunr';
import { ALL_FIELDS } from '../../src/search/fields.js';
import { parseQuerySyntax, QuerySyntaxError, type SyntaxClause } from '../../src/search/query-syntax.js';
import { cpuTimed } from '../helpers/cpu-time.js';

const clause = (term: string, more: Partial<SyntaxClause> = {}): SyntaxClause => ({
  term,
  fields: null,
  presence: 'optional',
  boost: 1,
  editDistance: 0,
  ...more,
});

function syntaxError(query: string): string {
  try {
    parseQuerySyntax(query);
  } catch (err) {
    expect(err).toBeInstanceOf(QuerySyntaxError);
    return (err as Error).message;
  }
  throw new Error(`no QuerySyntaxError for ${JSON.stringify(query)}`);
}

// What lunr 2.3.9's QueryParser, which searching used before, makes of a query; its messages rewritten as
// query.ts rewrote them (lexeme names become what a user typed).
const TYPED: Record<string, string> = {
  PRESENCE: "'+' or '-'",
  EDIT_DISTANCE: "'~' (write word~1)",
  BOOST: "'^' (write word^2)",
  FIELD: 'a field (write field:word)',
  TERM: 'a word',
};
const PRESENCE = { 1: 'optional', 2: 'required', 3: 'prohibited' } as const;
type LunrParser = new (str: string, query: lunr.Query) => { parse(): lunr.Query };

function viaLunr(query: string): SyntaxClause[] | string {
  const parsed = new lunr.Query([...ALL_FIELDS]);
  try {
    new (lunr as unknown as { QueryParser: LunrParser }).QueryParser(query, parsed).parse();
  } catch (err) {
    const text = (err as Error).message.replace(/found '?(PRESENCE|EDIT_DISTANCE|BOOST|FIELD|TERM)'?/, (_, t: string) => `found ${TYPED[t]}`);
    return text.startsWith('unrecognised field') ? `${text} (a word before ':' names a field: leave out the ':' to search for the word)` : text;
  }
  return parsed.clauses.map((c) => ({
    term: c.term,
    fields: c.fields === parsed.allFields ? null : c.fields,
    presence: PRESENCE[(c.presence ?? 1) as 1 | 2 | 3],
    boost: c.boost ?? 1,
    editDistance: c.editDistance ?? 0,
  })) as SyntaxClause[];
}

function viaOurs(query: string): SyntaxClause[] | string {
  try {
    return parseQuerySyntax(query);
  } catch (err) {
    if (!(err instanceof QuerySyntaxError)) throw err;
    return err.message;
  }
}

describe('parseQuerySyntax', () => {
  it('reads words, cut at white space and at a hyphen inside a word', () => {
    expect(parseQuerySyntax('الاتجار  بالأطفال\tو\nالتهريب')).toEqual(
      ['الاتجار', 'بالأطفال', 'و', 'التهريب'].map((t) => clause(t)),
    );
    expect(parseQuerySyntax('حقوق-الإنسان')).toEqual([clause('حقوق'), clause('الإنسان')]);
    expect(parseQuerySyntax('a\u00a0b\u3000c')).toEqual([clause('a'), clause('b'), clause('c')]);
    expect(parseQuerySyntax('')).toEqual([]);
    expect(parseQuerySyntax('   ')).toEqual([]);
  });

  it('lower-cases words, not field names', () => {
    expect(parseQuerySyntax('title:E/C.12/UZB/CO/1')).toEqual([clause('e/c.12/uzb/co/1', { fields: ['title'] })]);
  });

  it('reads + and - opening a word as its presence', () => {
    expect(parseQuerySyntax('+طفل -تهريب a+b c-')).toEqual([
      clause('طفل', { presence: 'required' }),
      clause('تهريب', { presence: 'prohibited' }),
      clause('a+b'),
      clause('c'),
    ]);
    expect(parseQuerySyntax('+title:طفل')).toEqual([clause('طفل', { presence: 'required', fields: ['title'] })]);
  });

  it('reads field:word for every field', () => {
    for (const field of ALL_FIELDS) {
      expect(parseQuerySyntax(`${field}:كلمة`)).toEqual([clause('كلمة', { fields: [field] })]);
    }
    expect(parseQuerySyntax('title:a b')).toEqual([clause('a', { fields: ['title'] }), clause('b')]);
  });

  it('keeps wildcards in the word', () => {
    expect(parseQuerySyntax('طفو* *ال ا*ل')).toEqual([clause('طفو*'), clause('*ال'), clause('ا*ل')]);
  });

  it('reads ~n and ^n after a word, the last one given winning', () => {
    expect(parseQuerySyntax('طفل~1 حماية^3 x~2^4 y~1~2')).toEqual([
      clause('طفل', { editDistance: 1 }),
      clause('حماية', { boost: 3 }),
      clause('x', { editDistance: 2, boost: 4 }),
      clause('y', { editDistance: 2 }),
    ]);
    expect(parseQuerySyntax('x^0 y~12abc')).toEqual([clause('x', { boost: 0 }), clause('y', { editDistance: 12 }), clause('abc')]);
  });

  it('reads a backslash as making the next character plain, and drops it', () => {
    expect(parseQuerySyntax('a\\:b c\\~1 d\\+ \\-e')).toEqual([clause('a:b'), clause('c~1'), clause('d+'), clause('-e')]);
    expect(parseQuerySyntax('\\')).toEqual([clause('')]);
    expect(parseQuerySyntax('ab\\')).toEqual([clause('ab')]);
  });

  it('says what is wrong in words a user typed', () => {
    expect(syntaxError('+')).toBe('expecting term or field, found nothing');
    expect(syntaxError('-')).toBe('expecting term or field, found nothing');
    expect(syntaxError('+-طفل')).toBe("expecting term or field, found '+' or '-'");
    expect(syntaxError('+~1')).toBe("expecting term or field, found '~' (write word~1)");
    expect(syntaxError('~')).toBe("expected either a field or a term, found '~' (write word~1)");
    expect(syntaxError('^')).toBe("expected either a field or a term, found '^' (write word^2)");
    expect(syntaxError('~2 طفل')).toBe("expected either a field or a term, found '~' (write word~1) with value '2'");
    expect(syntaxError('طفل~')).toBe('edit distance must be numeric');
    expect(syntaxError('طفل^')).toBe('boost must be numeric');
    expect(syntaxError('title:')).toBe('expecting term, found nothing');
    expect(syntaxError('title:text:x')).toBe("expecting term, found a field (write field:word)");
    expect(syntaxError('title:^2')).toBe("expecting term, found '^' (write word^2)");
    expect(syntaxError(':طفل')).toBe(
      "unrecognised field '', possible fields: 'text', 'lead', 'section', 'cites', 'notes', 'ref', 'matter', 'title', 'years' (a word before ':' names a field: leave out the ':' to search for the word)",
    );
    expect(syntaxError('يقرر ما يلي: حماية')).toMatch(/^unrecognised field 'يلي', possible fields: /);
  });

  it('reads every query as lunr 2.3.9 did: same clauses, same messages', () => {
    const pieces = ['a', 'ب', 'طفل', 'A', ' ', '  ', '\t', '\u00a0', '+', '-', ':', '~', '^', '*', '\\', '1', '23', 'title', 'text', 'foo', '"'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 14 }), (parts) => {
        const query = parts.join('');
        expect(viaOurs(query)).toEqual(viaLunr(query));
      }),
      { numRuns: 3000 },
    );
    for (const query of ['+a -b title:c d~1 e^2 f*', 'a b- -c', '\\\\', 'a\\', 'x~1^2~3', '+title:-x', 'found\\ TERM:x', '9~99999999999999999999']) {
      expect(viaOurs(query), query).toEqual(viaLunr(query));
    }
  });

  it('stays linear on hostile input', () => {
    const n = 200_000;
    const { cpuMs } = cpuTimed(() => {
      for (const q of ['\\'.repeat(n), '\\a'.repeat(n / 2), '+'.repeat(n), 'a-'.repeat(n / 2), ':'.repeat(n), 'a:'.repeat(n / 2), '~'.repeat(n), 'a~1'.repeat(n / 3), '1'.repeat(n), 'a '.repeat(n / 2), '*'.repeat(n)]) {
        const out = viaOurs(q);
        expect(typeof out === 'string' || Array.isArray(out)).toBe(true);
      }
    });
    expect(cpuMs).toBeLessThan(5000);
  });
});
