// Loads `unres search`'s bundle with a V8 code cache (issue 13). A cold search
// spent about a quarter of its instructions compiling JavaScript: the bundle's
// top level parsed whole, then each function it runs compiled on its first
// call. V8 can keep that work as a code cache, but Node 20 has none for ES
// modules (module.enableCompileCache came with Node 22). So search's bundle is
// one CommonJS file (scripts/bundle.ts), which this module compiles itself, as
// Node's require would, with vm.Script and the cache as V8's cachedData.
//
// The cache is a file beside the bundle (search.cache). The first search that
// finds it missing or unusable writes it once its work is done (a temporary
// file renamed over it, so a reader sees a whole cache or none), holding the
// code that search compiled. Its header names the bundle it was made from
// (length and CRC-32 of the source) and checks its own bytes, so a rebuilt
// bundle or a damaged file is never believed. V8 refuses a cache made by
// another V8 version or with other flags; it is then written again. Where the
// bundle's folder cannot be written (a read-only install), searches compile as
// before and nothing is written. This module is bundled alone, as CommonJS
// (dist/bundle/search-loader.cjs), and loads only Node's own modules: with
// bin/unres.js, also CommonJS, a search never starts Node's ES module loader.

import { accessSync, constants, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';
import { crc32 } from 'node:zlib';

const MAGIC = 0x43434e55; // "UNCC"
const HEADER_BYTES = 16;

/** What a cache was made from: the bundle's source, by length and CRC-32. */
export interface SourceKey {
  length: number;
  crc: number;
}

/** The key of a source read as `bytes` (its CRC-32 taken from the bytes: from the string, Node converts it first). */
export function sourceKey(source: string, bytes: Uint8Array = Buffer.from(source, 'utf8')): SourceKey {
  return { length: source.length, crc: crc32(bytes) };
}

/** The cache file of a bundle: its name with .cache for the extension. */
export function cachePath(bundle: string): string {
  return bundle.replace(/\.c?js$/, '') + '.cache';
}

/** A cache file's bytes: magic, the source's length and CRC-32, the payload's CRC-32, then V8's data. */
export function encodeCache(key: SourceKey, data: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(HEADER_BYTES + data.length);
  out.writeUInt32LE(MAGIC, 0);
  out.writeUInt32LE(key.length >>> 0, 4);
  out.writeUInt32LE(key.crc >>> 0, 8);
  out.writeUInt32LE(crc32(data) >>> 0, 12);
  out.set(data, HEADER_BYTES);
  return out;
}

/** V8's data from a cache file, or null when it was made from another source or its bytes are damaged. */
export function decodeCache(file: Buffer, key: SourceKey): Buffer | null {
  if (file.length <= HEADER_BYTES || file.readUInt32LE(0) !== MAGIC) return null;
  if (file.readUInt32LE(4) !== key.length >>> 0 || file.readUInt32LE(8) !== key.crc >>> 0) return null;
  const data = file.subarray(HEADER_BYTES);
  return file.readUInt32LE(12) === crc32(data) >>> 0 ? data : null;
}

export interface LoadedScript<T> {
  /** The bundle's module.exports. */
  exports: T;
  /** Whether V8 took the cache found (the bundle's compiled code came from it). */
  cached: boolean;
  /** Writes the cache when the one found did not serve and the folder can be written; never throws. */
  saveCache(): void;
}

/**
 * Runs the CommonJS file `bundle` as require() would (module, exports, a require
 * resolving from its folder), compiled with its code cache when one fits.
 */
export function loadWithCache<T>(bundle: string): LoadedScript<T> {
  const bytes = readFileSync(bundle);
  const source = bytes.toString('utf8');
  const key = sourceKey(source, bytes);
  const cacheFile = cachePath(bundle);
  let cachedData: Buffer | undefined;
  try {
    cachedData = decodeCache(readFileSync(cacheFile), key) ?? undefined;
  } catch {
    cachedData = undefined; // none yet, or unreadable: compile as without one
  }
  // On the source's first line, as Node's own wrapper: line numbers in stack traces stay the bundle's.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundle, cachedData });
  const cached = cachedData !== undefined && !script.cachedDataRejected;
  const module = { exports: {} as T };
  const wrapper = script.runInThisContext() as (e: T, r: NodeJS.Require, m: { exports: T }, f: string, d: string) => void;
  wrapper.call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  return { exports: module.exports, cached, saveCache: () => (cached ? undefined : writeCache(cacheFile, key, script)) };
}

function writeCache(cacheFile: string, key: SourceKey, script: Script): void {
  const temporary = `${cacheFile}.${process.pid}.tmp`;
  try {
    // Checked first: a read-only install must not pay for serialising the code on every search.
    accessSync(dirname(cacheFile), constants.W_OK);
    writeFileSync(temporary, encodeCache(key, script.createCachedData()), { flag: 'wx' });
    renameSync(temporary, cacheFile);
  } catch {
    // A cache is only ever a saving: any failure leaves the next search to compile (and try) again.
    try {
      rmSync(temporary, { force: true });
    } catch {
      // nothing was written
    }
  }
}
