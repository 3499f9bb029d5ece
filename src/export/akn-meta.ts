// The `meta` block: FRBR identification (work, expression, manifestation) and
// the `references` its author and source attributes point into.

import type { UnresDocument } from '../types.js';
import { organExactlyNamed, organOfSymbol } from '../un/organs.js';
import { AKN_COUNTRY, AKN_LANGUAGE, frbrUris } from './akn-uris.js';
import { element, type XmlElement } from './xml.js';

/** Whoever made the markup: the `source` of identification and references. */
const MARKUP_SOURCE = { eId: 'unres', href: '/akn/ontology/organizations/unres', showAs: 'unres' };

interface Organization {
  eId: string;
  showAs: string;
}

/**
 * The organ that authored the document, from its printed name, else its
 * symbol, else the UN as a whole. A known organ (src/un/organs.ts) gets its
 * short key as eId, matching the actor of its work URIs.
 */
export function authorOrganization(doc: Pick<UnresDocument, 'body' | 'symbol'>): Organization {
  if (doc.body) {
    const known = organExactlyNamed(doc.body);
    return { eId: known ? known.key : 'body', showAs: doc.body };
  }
  const bySymbol = doc.symbol ? organOfSymbol(doc.symbol) : null;
  if (bySymbol) return { eId: bySymbol.key, showAs: bySymbol.arabic };
  return { eId: 'un', showAs: 'الأمم المتحدة' };
}

/** FRBRdate needs a date; a document that prints none gets a far-future placeholder named "unknown". */
export const UNKNOWN_DATE = '9999-01-01';

function workDate(doc: UnresDocument): { date: string; name: string } {
  if (doc.adopted) return { date: doc.adopted, name: 'adoption' };
  if (doc.distributed) return { date: doc.distributed, name: 'distribution' };
  return { date: UNKNOWN_DATE, name: 'unknown' };
}

function frbrCore(uri: string, date: { date: string; name: string }, authorEId: string, extra: XmlElement[] = []): XmlElement[] {
  return [
    element('FRBRthis', { value: `${uri}/!main` }),
    element('FRBRuri', { value: uri }),
    ...extra,
    element('FRBRdate', { date: date.date, name: date.name }),
    element('FRBRauthor', { href: `#${authorEId}` }),
  ];
}

export function aknMeta(doc: UnresDocument): XmlElement {
  const uris = frbrUris(doc);
  const author = authorOrganization(doc);
  const date = workDate(doc);

  const work = element('FRBRWork', {}, [
    ...frbrCore(uris.work, date, author.eId, [element('FRBRalias', { value: doc.id, name: 'unres' })]),
    element('FRBRcountry', { value: AKN_COUNTRY }),
    element('FRBRsubtype', { value: doc.kind }),
    ...(doc.symbol ? [element('FRBRnumber', { value: doc.symbol })] : []),
  ]);
  const expression = element('FRBRExpression', {}, [
    ...frbrCore(uris.expression, date, author.eId),
    element('FRBRlanguage', { language: AKN_LANGUAGE }),
  ]);
  // The manifestation is dated like the expression, not with the export time,
  // so exporting an unchanged document twice gives the same bytes.
  const manifestation = element('FRBRManifestation', {}, [
    element('FRBRthis', { value: `${uris.expression}/!main.xml` }),
    element('FRBRuri', { value: uris.manifestation }),
    element('FRBRdate', { date: date.date, name: date.name }),
    element('FRBRauthor', { href: `#${MARKUP_SOURCE.eId}` }),
    element('FRBRformat', { value: 'application/akn+xml' }),
  ]);

  const identification = element('identification', { source: `#${MARKUP_SOURCE.eId}` }, [work, expression, manifestation]);
  const organizations = [
    element('TLCOrganization', { eId: author.eId, href: `/akn/ontology/organizations/${AKN_COUNTRY}/${author.eId}`, showAs: author.showAs }),
    element('TLCOrganization', { ...MARKUP_SOURCE }),
  ];
  const references = element('references', { source: `#${MARKUP_SOURCE.eId}` }, organizations);
  return element('meta', {}, [identification, references]);
}
