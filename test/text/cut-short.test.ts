// A UTF-8 file cut short inside its last character (a half-finished download)
// is UTF-8 text with a broken last character, never a legacy code page.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytesSync } from '../../src/text/decode.js';
import { CUT_SHORT_ENCODING } from '../../src/text/cut-short.js';
import { SEEDS } from '../cli/run-bin.js';

const bytes = (text: string) => Buffer.from(text, 'utf8');

/** The text before a cut last character, or null when decoding did not see a cut. */
function cutShortUtf8(input: Uint8Array): Uint8Array | null {
  if (input.length === 0) return null;
  try {
    const decoded = decodeBytesSync(input, 'file.txt');
    return decoded.encoding === CUT_SHORT_ENCODING ? Buffer.from(decoded.text, 'utf8') : null;
  } catch {
    return null;
  }
}

describe('decoding a UTF-8 file cut inside its last character', () => {
  it('drops an incomplete last character of every length', () => {
    for (const ch of ['ب', '€', '𝔸']) {
      const whole = bytes(`نص عربي ${ch}`);
      for (let cut = 1; cut < bytes(ch).length; cut++) {
        const head = cutShortUtf8(whole.subarray(0, whole.length - cut));
        expect(head && Buffer.from(head).toString('utf8')).toBe('نص عربي ');
      }
    }
  });

  it('leaves whole files alone', () => {
    expect(cutShortUtf8(bytes('نص عربي كامل'))).toBeNull();
    expect(cutShortUtf8(bytes('plain ascii'))).toBeNull();
    expect(cutShortUtf8(new Uint8Array())).toBeNull();
  });

  it('leaves legacy code pages alone, even when they end in a high byte', () => {
    const cp1256 = iconv.encode('إن الجمعية العامة، تقرر', 'windows-1256');
    expect(cutShortUtf8(cp1256)).toBeNull();
    // ASCII then one Arabic letter in Windows-1256: no evidence of UTF-8 before it.
    expect(cutShortUtf8(Buffer.concat([bytes('Report 2017 '), Buffer.from([0xc7])]))).toBeNull();
  });

  it('leaves a file with broken bytes elsewhere to the decoder', () => {
    expect(cutShortUtf8(Buffer.concat([bytes('نص'), Buffer.from([0xff]), bytes('عربي'), bytes('ب').subarray(0, 1)]))).toBeNull();
    // A continuation byte with no lead before it is not a cut character.
    expect(cutShortUtf8(Buffer.concat([bytes('نص '), Buffer.from([0x80])]))).toBeNull();
  });

  it('reads every seed cut inside its last character back to the seed minus that character', () => {
    for (const name of readdirSync(SEEDS).filter((f) => f.endsWith('.txt'))) {
      const seed = readFileSync(join(SEEDS, name));
      // the last lead byte of a multi-byte character
      let lead = seed.length - 1;
      while (seed[lead]! < 0xc2) lead--;
      const head = cutShortUtf8(seed.subarray(0, lead + 1));
      expect(head?.length, name).toBe(lead);
    }
  });
});
