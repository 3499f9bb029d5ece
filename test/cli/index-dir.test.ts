import { describe, expect, it } from 'vitest';
import { defaultIndexDir, indexDir } from '../../src/cli/index-dir.js';
import { describeFailure } from '../../src/cli/failure.js';
import { IndexError, InputError } from '../../src/errors.js';

describe('index directory', () => {
  it('prefers --index, then UNRES_INDEX, then XDG_DATA_HOME, then ~/.local/share', () => {
    const env = { UNRES_INDEX: '/a', XDG_DATA_HOME: '/b', HOME: '/home/u' };
    expect(indexDir('/x', env)).toBe('/x');
    expect(defaultIndexDir(env)).toBe('/a');
    expect(defaultIndexDir({ XDG_DATA_HOME: '/b', HOME: '/home/u' })).toBe('/b/unres');
    expect(defaultIndexDir({ HOME: '/home/u' })).toBe('/home/u/.local/share/unres');
    // A relative XDG_DATA_HOME is invalid by the spec and ignored.
    expect(defaultIndexDir({ XDG_DATA_HOME: 'rel', HOME: '/home/u' })).toBe('/home/u/.local/share/unres');
  });

  it("refuses HOME='' or a relative HOME (issue 11, item 14): never an index in the current folder", () => {
    expect(() => defaultIndexDir({ HOME: '' })).toThrow(/^no place for the index: HOME is empty; set UNRES_INDEX or give --index <dir>$/);
    expect(() => defaultIndexDir({ HOME: 'rel' })).toThrow(/HOME is 'rel', not an absolute path/);
    expect(describeFailure((() => { try { defaultIndexDir({ HOME: '' }); } catch (e) { return e; } })()).exitCode).toBe(2);
    expect(defaultIndexDir({ HOME: '', UNRES_INDEX: '/i' })).toBe('/i');
  });
});

describe('describeFailure', () => {
  it('keeps the exit code of unres errors', () => {
    expect(describeFailure(new InputError('a.pdf', 'a PDF, not text'))).toEqual({ exitCode: 2, message: 'a.pdf: a PDF, not text' });
    expect(describeFailure(new IndexError('no index at /x\nrun unres ingest')).message).toBe('no index at /x run unres ingest');
    expect(describeFailure(new IndexError('x')).exitCode).toBe(3);
  });

  it('names the path of file-system errors; inside the index they are index errors', () => {
    const missing = Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT', path: '/in/a.txt' });
    expect(describeFailure(missing, '/idx')).toEqual({ exitCode: 2, message: '/in/a.txt: no such file or directory' });
    const denied = Object.assign(new Error('EACCES'), { code: 'EACCES', path: '/idx/store.json' });
    expect(describeFailure(denied, '/idx').exitCode).toBe(3);
  });

  it('calls anything else internal, exit 2, one line', () => {
    const failure = describeFailure(new TypeError('x is undefined\n  at y'));
    expect(failure.exitCode).toBe(2);
    expect(failure.message).toMatch(/^internal error: x is undefined at y/);
  });
});
