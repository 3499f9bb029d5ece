import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExportNames, MAX_STEM_BYTES, fileStem } from '../../src/export/file-names.js';

describe('export file names', () => {
  it('keep a safe id as it is, Arabic letters included', () => {
    expect(fileStem('A-RES-64-293')).toBe('A-RES-64-293');
    expect(fileStem('قرار_1')).toBe('قرار_1');
  });

  it('never let two ids share a name, whatever the ids (case ignored, as some file systems do)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ unit: fc.constantFrom('a', 'A', 'x', '_', '\\', '/', '.', '~', '-', 'ب', '\u0000', ' ') }), { maxLength: 30 }), (ids) => {
        const names = new ExportNames('.akn.xml');
        const given = ids.map((id) => names.name(id).toLowerCase());
        expect(new Set(given).size).toBe(ids.length);
        // The same id asked again gets the same name.
        for (const [i, id] of ids.entries()) expect(names.name(id).toLowerCase()).toBe(given[i]);
      }),
    );
  });

  it('are bounded, never hidden, never a path', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 600 }), (id) => {
        const stem = fileStem(id);
        expect(Buffer.byteLength(stem)).toBeLessThanOrEqual(MAX_STEM_BYTES + 1 + 64);
        expect(stem.startsWith('.')).toBe(false);
        expect(stem).not.toMatch(/[/\\\u0000-\u001f]/);
      }),
    );
  });
});
