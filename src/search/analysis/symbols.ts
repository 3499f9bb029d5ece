// Resolution symbols. Arabic texts print a General Assembly resolution as
// number/session (`٢٩٣/٦٤`), English-order symbols as session/number
// (`A/RES/64/293`), and the seeds show both orders in both digit scripts. The
// index keeps one order-free key per slash-joined pair of numbers, so a query
// in either order finds a citation in either order. The price, conflating
// 61/64 with 64/61, is small next to users missing every citation printed in
// the other order.

/** The canonical key of two numbers joined by a slash: smaller first. */
export function symbolPairKey(a: number, b: number): string {
  return a <= b ? `${a}/${b}` : `${b}/${a}`;
}

/** Is this indexed term a pair key (`64/293`)? Words and numbers never contain a slash. */
export function isSymbolPairKey(term: string): boolean {
  return term.includes('/');
}

const DIGITS_IN_ANY_SCRIPT = /[\u0660-\u0669\u06f0-\u06f9]/g;

function asciiDigits(text: string): string {
  return text.replace(DIGITS_IN_ANY_SCRIPT, (d) => {
    const code = d.charCodeAt(0);
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });
}

/**
 * A cited symbol as a filter key: upper case, ASCII digits, no spaces
 * (`a/res/64/293` -> `A/RES/64/293`). Linear: two single-class replacements.
 */
export function normaliseSymbol(symbol: string): string {
  return asciiDigits(symbol).replace(/\s+/g, '').toUpperCase();
}

/**
 * The pair key of a symbol's last two numeric parts (`A/RES/64/293` -> `64/293`,
 * `293/64` -> `64/293`), or null when it does not end in two numbers.
 */
export function pairKeyOfSymbol(symbol: string): string | null {
  const parts = normaliseSymbol(symbol).split('/');
  if (parts.length < 2) return null;
  const last = parts[parts.length - 1]!;
  const before = parts[parts.length - 2]!;
  if (!/^\d{1,15}$/.test(last) || !/^\d{1,15}$/.test(before)) return null;
  return symbolPairKey(Number(before), Number(last));
}
