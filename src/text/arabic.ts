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
