// The package ships no types; this is the part of its API unres uses.
declare module 'arabic-reshaper' {
  /** Maps Arabic letters to their contextual presentation forms (one char per letter; lam-alef pairs become one ligature). */
  export function convertArabic(text: string): string;
  /** Maps presentation forms back to letters. */
  export function convertArabicBack(text: string): string;
}
