import { describe, expect, it } from 'vitest';
import { jsonSafe, neutralise } from '../../src/render/safe.js';
import { renderLines } from '../../src/render/terminal.js';

// What a hostile document might carry: colour, OSC 52 (clipboard), OSC 0 (window title), BEL, backspace, CR, C1 CSI.
const HOSTILE = 'a\x1b[31mred\x1b]52;c;ZXZpbA==\x07\x1b]0;pwned\x07\b\b\rX\x9b2J\x7fz';

describe('neutralise', () => {
  it('leaves no C0, DEL or C1 control, and keeps the length (highlight offsets stay valid)', () => {
    const out = neutralise(HOSTILE);
    expect(out).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(out.length).toBe(HOSTILE.length);
    expect(out).toContain('␛[31mred');
    expect(out).toContain('␇');
    expect(out).toContain('␈');
    expect(neutralise('نص عربي')).toBe('نص عربي');
  });
});

describe('human lines', () => {
  it('never carry a document control character, only the writer\'s own colours', () => {
    const out = renderLines([[{ text: HOSTILE, style: 'match' }]], { color: true, shape: false, width: 40 });
    const withoutOwnColours = out.replace(/\x1b\[(?:1;31|0)m/g, '');
    expect(withoutOwnColours).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });

  it('with --shape too', () => {
    const out = renderLines([[{ text: `نص ${HOSTILE}` }]], { color: false, shape: true, width: 80 });
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });
});

describe('jsonSafe', () => {
  it('escapes C0, DEL and C1, and parses back to the same value', () => {
    const json = jsonSafe({ text: HOSTILE });
    expect(json).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(json).toContain('\\u001b');
    expect(json).toContain('\\u009b');
    expect(JSON.parse(json)).toEqual({ text: HOSTILE });
  });
});
