import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLURAL_STEMS } from '../../src/search/analysis/plural-stems.js';
import { pluralStemEntries, pluralStemsModule } from '../../src/search/analysis/plural-stems-source.js';
import { stemVariants } from '../../src/search/analysis/stemmer.js';

describe('plural-stems.ts (precomputed broken plurals)', () => {
  it('is what broken-plurals.ts and the suffix rules give today (else: npm run build && node dist/scripts/make-plural-stems.js)', () => {
    expect(PLURAL_STEMS).toEqual(pluralStemEntries());
    const file = readFileSync(join(import.meta.dirname, '..', '..', 'src', 'search', 'analysis', 'plural-stems.ts'), 'utf8');
    expect(file).toBe(pluralStemsModule());
  });

  it('maps listed plurals to their singular', () => {
    expect(stemVariants('الاطفال')).toContain('طفل');
    expect(stemVariants('ضحايا')).toContain('ضحي');
    expect(stemVariants('القضاه')).toContain('قاضي');
  });
});
