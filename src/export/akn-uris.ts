// FRBR URIs in the Akoma Ntoso naming convention, built from a UN symbol (or,
// without one, the document id):
//   work           /akn/un/statement/resolution/ecosoc/2017/18
//   expression     <work>/ara@
//   manifestation  <expression>.akn   (this file: <expression>/!main.xml)
//
// The convention puts a date before the number. It is left out on purpose: a
// citation ("٢٩٣/٦٤" → A/RES/64/293) never carries the date of the resolution
// it cites, and a `ref` to a document must be the same string as that
// document's own work URI for the two to join. Dates are in FRBRdate instead.

import type { DocumentKind, UnresDocument } from '../types.js';
import { organOfSymbol } from '../un/organs.js';

export const AKN_COUNTRY = 'un';
export const AKN_LANGUAGE = 'ara';

export type AknDocumentType = 'statement' | 'act' | 'doc';

/**
 * The AKN document element for a kind: statements for what an organ adopts or
 * is asked to adopt; an instrument (convention, covenant, charter, declaration
 * on its own, rules) is an `act`, the schema's type for a text of binding or
 * normative provisions with a hierarchical body; the rest docs.
 */
export function aknDocumentType(kind: DocumentKind): AknDocumentType {
  if (kind === 'resolution' || kind === 'draft-resolution' || kind === 'decision') return 'statement';
  return kind === 'instrument' ? 'act' : 'doc';
}

const SERIES_SUBTYPES: Record<string, string> = { RES: 'resolution', DEC: 'decision' };
// "A/RES/64/293", "S/RES/2334 (2016)", "A/HRC/RES/40/7", "E/DEC/2017/201".
const RESOLUTION_OR_DECISION = /^((?:[AES])(?:\/HRC)?)\/(RES|DEC)\/(.+)$/i;

/** One URI path segment: lower case, anything but letters, digits and . _ ~ - becomes '-'. */
function segment(part: string): string {
  const cleaned = part
    .toLowerCase()
    .replace(/[^a-z0-9._~-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? '_' : cleaned;
}

function segments(path: string): string {
  return path
    .split('/')
    .filter((part) => part.trim() !== '')
    .map(segment)
    .join('/');
}

/**
 * The work URI a UN symbol names. Resolutions and decisions of the General
 * Assembly, ECOSOC, the Security Council and the Human Rights Council get the
 * organ (src/un/organs.ts) as actor ("S/RES/2334 (2016)" →
 * /akn/un/statement/resolution/sc/2334-2016, "A/HRC/RES/40/7" →
 * /akn/un/statement/resolution/hrc/40/7); any other
 * symbol is kept whole under the document's type.
 */
export function workUriForSymbol(symbol: string, kind: DocumentKind = 'resolution'): string {
  const series = RESOLUTION_OR_DECISION.exec(symbol.trim());
  if (series) {
    const organ = organOfSymbol(symbol)?.key;
    const subtype = SERIES_SUBTYPES[series[2]!.toUpperCase()]!;
    if (organ) return `/akn/${AKN_COUNTRY}/statement/${subtype}/${organ}/${segments(series[3]!)}`;
  }
  return `/akn/${AKN_COUNTRY}/${aknDocumentType(kind)}/${kind}/${segments(symbol)}`;
}

export interface FrbrUris {
  work: string;
  expression: string;
  manifestation: string;
}

export function frbrUris(doc: Pick<UnresDocument, 'symbol' | 'kind' | 'id'>): FrbrUris {
  const work = doc.symbol
    ? workUriForSymbol(doc.symbol, doc.kind)
    : `/akn/${AKN_COUNTRY}/${aknDocumentType(doc.kind)}/${doc.kind}/${segment(doc.id)}`;
  // "@" with no date: the original version of the text.
  const expression = `${work}/${AKN_LANGUAGE}@`;
  return { work, expression, manifestation: `${expression}.akn` };
}
