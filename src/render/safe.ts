// Text from documents (and their file names) must never drive the terminal:
// an ESC sequence could recolour the screen, set the window title (OSC 0),
// write the clipboard (OSC 52) or hide text; BEL rings, backspace and
// carriage return overwrite what was printed. Every C0 control, DEL and every
// C1 control in human output becomes a visible stand-in: C0 and DEL their
// Unicode control picture (ESC shows as ␛), C1 the replacement character.
// Tab and line breaks are the renderers' business (text.ts turns them into
// spaces before this runs; here they get pictures too, so nothing slips by).
//
// JSON output keeps the text exact: JSON.stringify escapes C0 itself, and
// jsonSafe also escapes DEL and C1 (\u007f-\u009f), which JSON allows raw but
// an 8-bit terminal would obey when the JSON is printed to it.

// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
// eslint-disable-next-line no-control-regex
const RAW_IN_JSON = /[\u007f-\u009f]/g;

const CONTROL_PICTURES = 0x2400;
const DELETE_PICTURE = '\u2421';
const REPLACEMENT = '\ufffd';

function standIn(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(CONTROL_PICTURES + code);
  if (code === 0x7f) return DELETE_PICTURE;
  return REPLACEMENT;
}

/** `text` with every C0/C1 control (and DEL) replaced by a visible character of width one. */
export function neutralise(text: string): string {
  return text.replace(CONTROLS, standIn);
}

/** JSON.stringify, with DEL and C1 controls escaped as \u00XX too (the value parses back unchanged). */
export function jsonSafe(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(RAW_IN_JSON, (ch) => `\\u00${ch.charCodeAt(0).toString(16)}`);
}
