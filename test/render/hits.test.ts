import { describe, expect, it } from 'vitest';
import { type EngineHit, hitToJson, hitsToJsonArray, hitsToNdjson } from '../../src/render/hits-json.js';
import {
  type HitDocument,
  groupHits,
  renderCounts,
  renderDocumentIds,
  renderFlatHits,
  renderGroupedHits,
  resultSummary,
} from '../../src/render/hits.js';
import { lineText } from '../../src/render/styled.js';
import type { Clause } from '../../src/types.js';

const hit: EngineHit = {
  doc: 'E-RES-2017-18',
  source: 'res.txt',
  title: 'حماية الأطفال',
  clause: 'op3',
  kind: 'operative',
  number: 3,
  index: 3,
  score: 4.5,
  text: 'تحث الدول على حماية الأطفال\nمن الاتجار',
  snippet: 'حماية الأطفال\nمن الاتجار',
  matches: [[6, 13]],
};

const CONTRACT_KEYS = ['doc', 'source', 'title', 'clause', 'kind', 'number', 'index', 'score', 'text', 'snippet'];

function clause(id: string, text: string): Clause {
  return { id, kind: 'operative', number: Number(id.slice(2)), index: Number(id.slice(2)), lead: null, text, items: [], footnotes: [], section: null };
}

const doc: HitDocument = {
  id: 'E-RES-2017-18',
  symbol: 'E/RES/2017/18',
  adopted: '2017-07-06',
  title: 'حماية الأطفال',
  clauses: ['op1', 'op2', 'op3', 'op4', 'op5', 'op6', 'op7'].map((id) => clause(id, `نص ${id}`)),
};
const other: HitDocument = { id: 'A-RES-70-1', symbol: 'A/RES/70/1', adopted: null, title: null, clauses: [clause('op1', 'نص')] };
const docs = new Map([
  [doc.id, doc],
  [other.id, other],
]);
const at = (clauseId: string, docId = doc.id, score = 1): EngineHit => ({ ...hit, doc: docId, clause: clauseId, score });

describe('hit JSON', () => {
  it('has exactly the contract keys, in order, without engine internals', () => {
    expect(Object.keys(hitToJson(hit))).toEqual(CONTRACT_KEYS);
    expect(hitToJson({ ...hit, number: null }).number).toBeNull();
  });

  it('is an array, empty when there are no hits', () => {
    expect(JSON.parse(hitsToJsonArray([hit]))).toHaveLength(1);
    expect(hitsToJsonArray([])).toBe('[]\n');
  });

  it('is one object per line under ndjson, nothing when there are no hits', () => {
    const out = hitsToNdjson([hit, hit]);
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(Object.keys(JSON.parse(line))).toEqual(CONTRACT_KEYS);
    expect(hitsToNdjson([])).toBe('');
  });
});

describe('grouped hits (as rg --heading)', () => {
  it('orders documents by their best hit and clauses by their place in the document', () => {
    const groups = groupHits([at('op5'), at('op1', other.id), at('op2')], docs);
    expect(groups.map((g) => g.doc.id)).toEqual([doc.id, other.id]);
    expect(groups[0]!.hits.map((h) => h.clause)).toEqual(['op2', 'op5']);
  });

  it('prints the heading once (symbol, date, title), then one line per clause with its highlighted snippet', () => {
    const lines = renderGroupedHits(groupHits([at('op3'), at('op1', other.id)], docs), { context: 0 });
    expect(lines.map(lineText)).toEqual([
      'E/RES/2017/18 · 2017-07-06 · حماية الأطفال',
      'op3  حماية الأطفال من الاتجار',
      '',
      'A/RES/70/1',
      'op1  حماية الأطفال من الاتجار',
    ]);
    expect(lines[1]?.find((s) => s.style === 'match')?.text).toBe('الأطفال');
  });

  it('names the id beside the symbol when it is not the symbol with dashes', () => {
    const renamed = new Map([[doc.id, { ...doc, id: 'draft-7' }]]);
    const lines = renderGroupedHits(groupHits([at('op3')], renamed), { context: 0 });
    expect(lineText(lines[0]!)).toBe('E/RES/2017/18 (draft-7) · 2017-07-06 · حماية الأطفال');
  });

  it('adds N neighbouring clauses with -C, marks hits : and neighbours -, and gaps --', () => {
    const lines = renderGroupedHits(groupHits([at('op2'), at('op6')], docs), { context: 1 }).map(lineText);
    expect(lines).toEqual([
      'E/RES/2017/18 · 2017-07-06 · حماية الأطفال',
      'op1-  نص op1',
      'op2:  حماية الأطفال من الاتجار',
      'op3-  نص op3',
      '--',
      'op5-  نص op5',
      'op6:  حماية الأطفال من الاتجار',
      'op7-  نص op7',
    ]);
  });

  it('merges overlapping context', () => {
    const lines = renderGroupedHits(groupHits([at('op2'), at('op3')], docs), { context: 1 }).map(lineText);
    expect(lines.slice(1)).toEqual(['op1-  نص op1', 'op2:  حماية الأطفال من الاتجار', 'op3:  حماية الأطفال من الاتجار', 'op4-  نص op4']);
  });
});

describe('other forms of hits', () => {
  const groups = () => groupHits([at('op3'), at('op5'), at('op1', other.id)], docs);

  it('--no-heading: one line per hit, doc#clause first', () => {
    expect(renderFlatHits(groups(), { context: 0 }).map(lineText)).toEqual([
      'E-RES-2017-18#op3  حماية الأطفال من الاتجار',
      'E-RES-2017-18#op5  حماية الأطفال من الاتجار',
      'A-RES-70-1#op1  حماية الأطفال من الاتجار',
    ]);
  });

  it('-c: id:count per document; -l: the ids', () => {
    expect(renderCounts(groups()).map(lineText)).toEqual(['E-RES-2017-18:2', 'A-RES-70-1:1']);
    expect(renderDocumentIds(groups()).map(lineText)).toEqual(['E-RES-2017-18', 'A-RES-70-1']);
  });

  it('the summary line', () => {
    expect(resultSummary(12, 4, 0.2149)).toBe('12 clauses in 4 documents (0.21 s)');
    expect(resultSummary(1, 1, 0.05)).toBe('1 clause in 1 document (0.05 s)');
  });
});
