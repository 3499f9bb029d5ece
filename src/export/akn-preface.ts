// The preface: what the document prints above its text (symbol, organ,
// agenda item, title, sponsors, dates), each in the inline element the
// schema has for it.

import type { UnresDocument } from '../types.js';
import { element, type XmlElement } from './xml.js';

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
  if (doc.adopted) blocks.push(element('p', { class: 'adopted' }, [element('docDate', { date: doc.adopted }, [doc.adopted])]));
  if (doc.distributed) blocks.push(element('p', { class: 'distributed' }, [element('docDate', { date: doc.distributed }, [doc.distributed])]));
  if (blocks.length === 0) return null;
  return element('preface', { eId: claimEId('preface'), 'xml:lang': 'ar' }, blocks);
}
