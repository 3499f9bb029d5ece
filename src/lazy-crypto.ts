// node:crypto, loaded on first use. Importing it costs a new process about
// 7 ms of CPU (it loads some twenty internal modules), and a search uses none
// of it: hashes and random names are for writing (ingest, commits, merges,
// rebuild). Every unres module takes crypto from here, so that a module on the
// search path can name what its write side needs without loading it.

import { createRequire } from 'node:module';
import type * as Crypto from 'node:crypto';

// Not named `require`: the bundle's banner (scripts/bundle.ts) declares one in every chunk.
const load = createRequire(import.meta.url);
let crypto: typeof Crypto | undefined;

function nodeCrypto(): typeof Crypto {
  return (crypto ??= load('node:crypto') as typeof Crypto);
}

/** A streaming sha256 (chunked files hash what they write). */
export function createSha256(): Crypto.Hash {
  return nodeCrypto().createHash('sha256');
}

/** The sha256 of bytes or of a string's UTF-8, in hex. */
export function sha256Hex(data: Uint8Array | string): string {
  return createSha256().update(data).digest('hex');
}

/** `bytes` random bytes in hex (names of temporary files and claims). */
export function randomHex(bytes: number): string {
  return nodeCrypto().randomBytes(bytes).toString('hex');
}

export function randomUUID(): string {
  return nodeCrypto().randomUUID();
}
