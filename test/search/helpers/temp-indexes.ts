// Indexes in temporary folders for tests that build several layouts of one corpus, removed by cleanUp().
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UnresIndex } from '../../../src/store/index.js';

export class TempIndexes {
  private readonly dirs: string[] = [];

  constructor(private readonly prefix: string) {}

  async open(name: string, options: Parameters<typeof UnresIndex.open>[1]): Promise<UnresIndex> {
    const dir = mkdtempSync(join(tmpdir(), `unres-${this.prefix}-${name}-`));
    this.dirs.push(dir);
    return UnresIndex.open(dir, { create: true, ...options });
  }

  cleanUp(): void {
    for (const d of this.dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  }
}
