// The preface: what the document prints above its text (symbol, organ,
// agenda item, title, sponsors, dates), each in the inline element the
// schema has for it, the resolutions its header lines cite
// (`اعتمد ... بموجب قرار الجمعية العامة رقم 61/295`) as `ref`s, and those
// lines as printed (the Document JSON's `preface`). The conclusions: the
// lines printed after the last clause (meeting and date, "done at").

import type { UnresDocument } from '../types.js';
import { workUriForSymbol } from './akn-uris.js';
import { element, type XmlElement, type XmlNode } from './xml.js';

/** Null when the document has none of it (the schema makes the preface optional). */
export function aknPreface(doc: UnresDocument, claimEId: (base: string) => string): XmlElement | null {
  const blocks: XmlElement[] = [];
  if (doc.symbol) blocks.push(element('p', { class: 'symbol' }, [element('docNumber', {}, [doc.symbol])]));
  if (doc.body) blocks.push(element('p', { class: 'body' }, [element('docAuthority', {}, [doc.body])]));
  if (doc.agendaItem) blocks.push(element('p', { class: 'agendaItem' }, [doc.agendaItem]));
  if (doc.title) {
    const title = element('p', {}, [element('docTitle', {}, [doc.title])]);
    blocks.push(element('longTitle', { eId: claimEId('preface__longTitle_1') }, [title]));
  }
  if (doc.sponsors.length > 0) {
    // Sponsors of a draft are its proponents, listed as printed with Arabic commas between.
    const names = doc.sponsors.flatMap((name, i) => [...(i > 0 ? ['، '] : []), element('docProponent', {}, [name])]);
    blocks.push(element('p', { class: 'sponsors' }, names));
  }
  const cited = headerCitations(doc);
  if (cited.length > 0) blocks.push(element('p', { class: 'citations' }, cited));
  if (doc.adopted) blocks.push(element('p', { class: 'adopted' }, [element('docDate', { date: doc.adopted }, [doc.adopted])]));
  if (doc.distributed) blocks.push(element('p', { class: 'distributed' }, [element('docDate', { date: doc.distributed }, [doc.distributed])]));
  // The printed lines themselves, which the metadata above was read from and which hold more (meeting, vote, formulas).
  if (doc.preface) blocks.push(element('container', { name: 'printed', eId: claimEId('preface__container_1') }, [element('p', {}, [doc.preface])]));
  if (blocks.length === 0) return null;
  return element('preface', { eId: claimEId('preface'), 'xml:lang': 'ar' }, blocks);
}

/** Null when the document prints nothing after its last clause (the schema makes the conclusions optional). */
export function aknConclusions(doc: UnresDocument, claimEId: (base: string) => string): XmlElement | null {
  if (!doc.conclusions) return null;
  return element('conclusions', { eId: claimEId('conclusions'), 'xml:lang': 'ar' }, [element('p', {}, [doc.conclusions])]);
}

/** The header's citations, each once, as printed, linked to the resolution, with Arabic commas between. */
function headerCitations(doc: UnresDocument): XmlNode[] {
  const seen = new Set<string>();
  const nodes: XmlNode[] = [];
  for (const citation of doc.citations) {
    if (citation.clause !== 'header' || seen.has(citation.symbol)) continue;
    seen.add(citation.symbol);
    if (nodes.length > 0) nodes.push('، ');
    nodes.push(element('ref', { href: workUriForSymbol(citation.symbol) }, [citation.text]));
  }
  return nodes;
}
