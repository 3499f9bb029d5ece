// Small hand-made documents for engine tests.
import type { Clause, UnresDocument } from '../../../src/types.js';
import { documentWith } from '../../helpers/document.js';

let counter = 0;

export function clause(kind: Clause['kind'], index: number, text: string, extra: Partial<Clause> = {}): Clause {
  const prefix = { preamble: 'pp', operative: 'op', paragraph: 'para', recommendation: 'rec', article: 'art' }[kind];
  return {
    id: `${prefix}${index}`,
    kind,
    number: kind === 'preamble' ? null : index,
    index,
    lead: null,
    text,
    items: [],
    footnotes: [],
    section: null,
    ...extra,
  };
}

export function doc(id: string, clauses: Clause[], extra: Partial<UnresDocument> = {}): UnresDocument {
  counter++;
  return documentWith({
    id,
    source: { path: `/data/${id.replace(/\//g, '_')}.txt`, sha256: `sha-${id}-${counter}`, encoding: 'utf-8' },
    clauses,
    ...extra,
  });
}

/** Operative clauses from texts, numbered 1.. */
export function ops(texts: string[]): Clause[] {
  return texts.map((t, i) => clause('operative', i + 1, t));
}

/** Operative sentences that share words, for corpora built to tie and to filter (ties, filter walks). */
export const OPERATIVE_POOL = [
  'يحث الدول على حماية الأطفال من الاتجار',
  'يدعو إلى حماية الأطفال وتعليم الأطفال',
  'يطلب إلى الأمين العام تقديم تقرير عن الأطفال',
  'يقرر أن يبقي المسألة قيد نظره',
  'يشجع الدول على مكافحة الاتجار بالأشخاص',
  'يرحب بجهود حماية الأطفال من الاتجار بالأشخاص',
];
