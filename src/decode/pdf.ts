import { InputError } from '../errors.js';
/** Placeholder until the PDF decoder lands: the text decoder's verdict. */
export async function decodePdf(_bytes: Uint8Array, name: string): Promise<string> {
  throw new InputError(name, 'looks like a PDF document, not text: convert it to text first');
}
