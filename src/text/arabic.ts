// Character classes of Arabic script text, from the Unicode tables.

/** Harakat, tanween, shadda, sukun, superscript alef and Quranic marks. */
export const DIACRITICS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed]/g;

/** Tatweel (kashida): a stretching mark with no letter value. */
export const TATWEEL = /\u0640/g;

/** Zero-width characters and directional controls left behind by PDF and word processors. */
export const INVISIBLE_CONTROLS = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u061c\ufeff\u00ad]/g;

/** Spaces other than U+0020 (no-break, thin, figure, ideographic...). */
export const ODD_SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\v\f]/g;

/** Arabic Presentation Forms-A and -B, which NFKC maps back to letters. */
export const PRESENTATION_FORMS = /[\ufb50-\ufdff\ufe70-\ufefc]+/g;

export function stripDiacritics(text: string): string {
  return text.replace(DIACRITICS, '').replace(TATWEEL, '');
}

/** Harakat, tanween, shadda, sukun, superscript alef, Quranic and extended marks,
 * and tatweel: marks a letter carries (the code-point form of DIACRITICS and TATWEEL). */
export function isArabicMark(code: number): boolean {
  return (
    (code >= 0x0610 && code <= 0x061a) ||
    (code >= 0x064b && code <= 0x065f) ||
    code === 0x0670 ||
    code === 0x0640 ||
    (code >= 0x06d6 && code <= 0x06dc) ||
    (code >= 0x06df && code <= 0x06e8) ||
    (code >= 0x06ea && code <= 0x06ed) ||
    (code >= 0x08ca && code <= 0x08ff)
  );
}

export const ZERO_WIDTH_SPACE = 0x200b;

/** Zero-width and directional controls, soft hyphen, BOM (the code-point form of INVISIBLE_CONTROLS). */
export function isInvisibleControl(code: number): boolean {
  return (
    code === 0x00ad ||
    code === 0x061c ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x2064) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0xfeff
  );
}
