// The loader of search's bundle (src/cli/code-cache.ts): a CommonJS file run
// as require() would run it, and a cache file that is believed only for the
// source it was made from and only whole. The built package's use of it (a
// cache written by a search, then taken by V8) is in startup.test.ts.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachePath, decodeCache, encodeCache, loadWithCache, sourceKey } from '../../src/cli/code-cache.js';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'unres-code-cache-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A CommonJS file of its own (a source no other test compiled: V8 keeps compiled scripts per process). */
function bundleFile(name: string, body: string): string {
  const folder = join(dir, name);
  mkdirSync(folder, { recursive: true });
  const file = join(folder, 'bundle.cjs');
  writeFileSync(file, `// ${name} ${Math.random()}\n${body}`);
  return file;
}

describe('the cache file', () => {
  const key = sourceKey('module.exports = 1;');
  const data = Buffer.from('bytes V8 made');

  it('is named after the bundle', () => {
    expect(cachePath('/a/dist/bundle/search.cjs')).toBe('/a/dist/bundle/search.cache');
    expect(cachePath('/a/b.js')).toBe('/a/b.cache');
  });

  it('gives back the data for the source it was made from', () => {
    expect(decodeCache(encodeCache(key, data), key)).toEqual(data);
  });

  it('is not believed for another source, even of the same length', () => {
    const file = encodeCache(key, data);
    expect(decodeCache(file, sourceKey('module.exports = 2;'))).toBeNull();
    expect(decodeCache(file, sourceKey('module.exports = 1; '))).toBeNull();
  });

  it('is not believed damaged, cut short or foreign', () => {
    const file = encodeCache(key, data);
    for (let at = 0; at < file.length; at++) {
      const flipped = Buffer.from(file);
      flipped[at]! ^= 0x10;
      expect(decodeCache(flipped, key), `byte ${at}`).toBeNull();
    }
    expect(decodeCache(file.subarray(0, file.length - 1), key)).toBeNull();
    expect(decodeCache(file.subarray(0, 16), key)).toBeNull();
    expect(decodeCache(Buffer.alloc(0), key)).toBeNull();
  });
});

describe('loadWithCache', () => {
  it('runs the file as require() would: exports, module, its own require, __filename, __dirname, strict', () => {
    writeFileSync(join(dir, 'neighbour.cjs'), 'module.exports = 42;');
    const file = bundleFile('plain', "'use strict';\nexports.answer = require('../neighbour.cjs');\nexports.where = [__filename, __dirname];\nexports.strict = (function () { return this === undefined; })();\nmodule.exports.self = module.exports === exports;\n");
    const { exports } = loadWithCache<{ answer: number; where: string[]; strict: boolean; self: boolean }>(file);
    expect(exports.answer).toBe(42);
    expect(exports.where).toEqual([file, join(dir, 'plain')]);
    expect(exports.strict).toBe(true);
    expect(exports.self).toBe(true);
  });

  it('keeps the file\'s own line numbers in stack traces', () => {
    const file = bundleFile('lines', "'use strict';\n\n\nexports.stack = () => new Error('here').stack;\n");
    const { exports } = loadWithCache<{ stack: () => string }>(file);
    // The bundle's line 5 (a comment line, then the source's line 4).
    expect(exports.stack()).toContain(`${file}:5:`);
  });

  it('writes the cache once asked, and a cache that fits is what V8 is given', () => {
    const file = bundleFile('cached', "'use strict';\nexports.f = (x) => x * 2;\n");
    const first = loadWithCache<{ f: (x: number) => number }>(file);
    expect(first.cached).toBe(false);
    expect(existsSync(cachePath(file))).toBe(false);
    expect(first.exports.f(21)).toBe(42);
    first.saveCache();
    const written = readFileSync(cachePath(file));
    expect(decodeCache(written, sourceKey(readFileSync(file, 'utf8')))).not.toBeNull();
    const second = loadWithCache<{ f: (x: number) => number }>(file);
    expect(second.cached).toBe(true);
    expect(second.exports.f(4)).toBe(8);
    // Nothing to write when the cache served.
    second.saveCache();
    expect(readFileSync(cachePath(file))).toEqual(written);
  });

  it('ignores a cache made from another version of the file', () => {
    const file = bundleFile('stale', "'use strict';\nexports.v = 1;\n");
    loadWithCache(file).saveCache();
    writeFileSync(file, readFileSync(file, 'utf8').replace('exports.v = 1', 'exports.v = 2'));
    const again = loadWithCache<{ v: number }>(file);
    expect(again.cached).toBe(false);
    expect(again.exports.v).toBe(2);
  });

  it('never fails for want of a place to write the cache', () => {
    const file = bundleFile('gone', "'use strict';\nexports.ok = true;\n");
    const loaded = loadWithCache<{ ok: boolean }>(file);
    rmSync(join(dir, 'gone'), { recursive: true });
    expect(() => loaded.saveCache()).not.toThrow();
    expect(loaded.exports.ok).toBe(true);
  });
});
