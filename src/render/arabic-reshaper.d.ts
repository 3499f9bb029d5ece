// The package ships no types; this is the part of its API unres uses. It is a
// UMD/CommonJS module, so ES code can only take its default export.
declare module 'arabic-reshaper' {
  const ArabicReshaper: {
    /** Arabic letters to contextual presentation forms: one unit per letter, a lam-alef pair becomes one ligature. */
    convertArabic(text: string): string;
    /** Presentation forms back to letters. */
    convertArabicBack(text: string): string;
  };
  export = ArabicReshaper;
}
