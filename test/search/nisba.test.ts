// A noun typed also looks for its relational adjective (nisba), at query time,
// one way and at a lower weight (src/search/analysis/nisba.ts); nouns whose
// nisba names another thing in UN texts look for nothing more.

import { describe, expect, it } from 'vitest';
import { assembleHits } from '../../src/search/hits.js';
import { memorySource } from '../../src/index/segment-reader.js';
import { planQuery } from '../../src/search/query.js';
import { type SegmentSource, searchSegments } from '../../src/search/searcher.js';
import { SegmentBuilder } from '../../src/index/builder.js';
import { analyseQueryTerm } from '../../src/search/analysis/pipeline.js';
import { NOT_NISBA, nisbaOfNoun } from '../../src/search/analysis/nisba.js';
import { doc, ops } from './helpers/docs.js';

/** The derived terms of each group of a query's plan. */
function derived(query: string): string[] {
  return planQuery(query).groups.flatMap((g) => (g.matcher.kind === 'exact' ? (g.matcher.derived ?? []) : []));
}

/** Does the query, typed, look for a term the adjective is indexed under? */
const finds = (noun: string, adjective: string): boolean => {
  const wanted = analyseQueryTerm(adjective).flat();
  return derived(noun).some((t) => wanted.includes(t));
};

describe('nisba: must meet', () => {
  it.each([
    ['سيادة', 'السيادي'],
    ['السيادة', 'السيادية'],
    ['البيئة', 'البيئية'],
    ['حكومة', 'الحكومية'],
    ['الحكومات', 'الحكومية'],
    ['الاقتصاد', 'الاقتصادية'],
    ['القضاء', 'القضائية'],
    ['الثقافة', 'الثقافية'],
    ['التعليم', 'التعليمي'],
    ['الزراعة', 'الزراعية'],
    ['التجارة', 'التجارية'],
    ['الأعضاء', 'العضوية'],
    ['العرق', 'العرقي'],
    ['الدين', 'الديني'],
    ['القانون', 'القانونية'], // irregular: the stemmer reads قانون's ون as a plural ending
    ['التنمية', 'الإنمائية'], // UN usage: برنامج الأمم المتحدة الإنمائي
    ['السنة', 'السنوي'],
    ['اللغة', 'اللغوية'],
    ['المرأة', 'النسائية'],
    ['النساء', 'النسائية'],
    ['الطوعية', 'الطوعي'], // the adjective typed keeps its own stem; nothing lost
    ['العامل', 'العمالية'], // the nisba of its broken plural عمال (النقابات العمالية)
    ['الموضوع', 'المواضيعية'], // of مواضيع
  ])('%s also looks for %s', (noun, adjective) => {
    if (noun === 'الطوعية') {
      expect(analyseQueryTerm(noun).flat()).toEqual(analyseQueryTerm(adjective).flat());
      return;
    }
    expect(finds(noun, adjective)).toBe(true);
  });
});

describe('nisba: must not meet', () => {
  it.each([
    ['الدول', 'الدولية'], // States / international
    ['دولة', 'الدولي'],
    ['الاجتماع', 'الاجتماعية'], // meeting / social
    ['العمل', 'العملية'], // work / process
    ['الجمع', 'الجمعية'], // collecting / assembly
    ['الجنس', 'الجنسية'], // sex / nationality
    ['المال', 'المالية'],
    ['الأصل', 'الأصلية'], // origin / indigenous
    ['الخصوص', 'الخصوصية'], // regard / privacy
    ['الرئيس', 'الرئيسية'], // president / main
    ['المسؤول', 'المسؤولية'], // official / responsibility
    ['الميزان', 'الميزانية'], // balance / budget
    ['العنصر', 'العنصري'], // element / racial
    ['المدن', 'المدنية'], // cities / civil
    ['التنفيذ', 'التنفيذي'], // implementation / executive
    ['البشر', 'البشرية'], // human beings (trafficking in persons) / human (organs)
    ['الأقاليم', 'الإقليمية'], // territories / regional
    ['المادة', 'المادية'], // article / material
    ['الدورة', 'الدوري'], // session / periodic
    ['السياسات', 'السياسية'], // policies / political
    ['الجمهور', 'الجمهورية'], // public / republic
  ])('%s does not look for %s', (noun, adjective) => {
    expect(finds(noun, adjective)).toBe(false);
  });

  it('reads one way only: an adjective typed does not look for its noun', () => {
    expect(derived('السيادية')).toEqual([]);
    expect(derived('البيئية')).toEqual([]);
    expect(derived('الجمعية')).toEqual([]);
  });

  it('leaves a stem in ا or ي, short stems, and words that are not Arabic letters alone', () => {
    expect(nisbaOfNoun('حماي')).toBeNull();
    expect(nisbaOfNoun('صحرا')).toBeNull();
    expect(nisbaOfNoun('حق')).toBeNull();
    expect(nisbaOfNoun('2019')).toBeNull();
    expect(nisbaOfNoun('a/res/70/1')).toBeNull();
  });

  it('every guarded noun is a stem as the analysis chain writes it', () => {
    for (const noun of NOT_NISBA) expect(nisbaOfNoun(noun), noun).toBeNull();
    expect(nisbaOfNoun('سياد')).toBe('سيادي');
  });

  it('a wildcard and a fuzzy word are taken as typed; a place in a quoted phrase accepts the nisba as the word unquoted does', () => {
    expect(derived('"السيادة الوطنية"')).toEqual(derived('السيادة الوطنية'));
    expect(derived('السياد*')).toEqual([]);
    expect(derived('السيادة~1')).toEqual([]);
  });
});

describe('nisba end to end', () => {
  const b = new SegmentBuilder();
  b.add(
    doc('A/RES/10', ops([
      'تؤكد الحق السيادي للدول في استغلال مواردها',
      'تحترم سيادة الدول وسلامتها الإقليمية',
      'تدعو الدول إلى التعاون الدولي',
      'تدعو المنظمات الدولية إلى التعاون',
    ])),
  );
  const sources: SegmentSource[] = [memorySource(b.finish())];
  const search = (query: string) => assembleHits(sources, searchSegments(sources, planQuery(query), {}, 10)).map((h) => h.clause);

  it('the noun finds its adjective, the noun itself first', () => {
    expect(search('سيادة الدول').slice(0, 2)).toEqual(['op2', 'op1']);
    expect(search('السيادة')).toEqual(['op2', 'op1']);
  });

  it('"States" does not find "international"', () => {
    expect(search('الدول')).not.toContain('op4');
  });
});
