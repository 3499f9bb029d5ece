import { describe, expect, it } from 'vitest';
import { type EngineHit, hitToJson, hitsToJsonArray, hitsToNdjson, renderHits } from '../../src/render/hits.js';
import { lineText } from '../../src/render/styled.js';

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

describe('renderHits', () => {
  it('shows doc#clause, kind and number, title and a one-line highlighted snippet', () => {
    const lines = renderHits([hit]);
    expect(lines.map(lineText)).toEqual(['E-RES-2017-18#op3  operative 3', '  حماية الأطفال', '  حماية الأطفال من الاتجار']);
    expect(lines[2]?.find((s) => s.style === 'match')?.text).toBe('الأطفال');
  });

  it('separates hits by a blank line', () => {
    expect(renderHits([hit, hit]).map(lineText)).toContain('');
  });
});
