// The manifest's checksum: a CRC-32 of its body (read by every search without
// loading node:crypto); an edited body or checksum is damage.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IndexError } from '../../src/errors.js';
import { emptyManifest, readManifest, writeManifest } from '../../src/store/manifest.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'unres-manifest-'));
  dirs.push(dir);
  return dir;
}

const manifestFile = (dir: string) => join(dir, 'manifest.json');
const body = () => ({ ...emptyManifest(), generation: 7, nextSegment: 3 });

describe('the manifest checksum', () => {
  it('is a CRC-32 of the body, and the body reads back', () => {
    const dir = tempDir();
    const written = body();
    writeManifest(dir, written);
    const file = JSON.parse(readFileSync(manifestFile(dir), 'utf8')) as Record<string, unknown>;
    expect(typeof file.crc32).toBe('number');
    expect(file.sha256).toBeUndefined();
    expect(readManifest(dir)).toEqual(written);
  });

  it('finds an edited body or checksum', () => {
    const dir = tempDir();
    writeManifest(dir, body());
    const text = readFileSync(manifestFile(dir), 'utf8');
    for (const edited of [text.replace('"generation":7', '"generation":8'), text.replace(/"crc32":(\d+)/, (_, n: string) => `"crc32":${Number(n) ^ 1}`), text.replace(/"crc32":\d+,/, '')]) {
      writeFileSync(manifestFile(dir), edited);
      expect(() => readManifest(dir)).toThrow(IndexError);
      expect(() => readManifest(dir)).toThrow(/manifest\.json fails its checksum: truncated or edited/);
    }
  });
});
