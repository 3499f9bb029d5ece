import { describe, expect, it } from 'vitest';
import { normaliseToken } from '../../src/search/analysis/normalise.js';
import { stemVariants } from '../../src/search/analysis/stemmer.js';

const stems = (w: string) => stemVariants(normaliseToken(w));
/** Two words meet when they share a stem variant. */
const meet = (a: string, b: string) => stems(a).some((s) => stems(b).includes(s));

describe('stemVariants', () => {
  it('meets طفل and its plural with article and particles', () => {
    for (const w of ['الأطفال', 'للأطفال', 'بالأطفال', 'والأطفال', 'أطفال', 'أطفالهم', 'الطفل', 'طفلة']) {
      expect(meet('طفل', w), w).toBe(true);
    }
  });

  it('meets الاتجار with والاتجار and للاتجار', () => {
    for (const w of ['والاتجار', 'للاتجار', 'بالاتجار', 'اتجار']) expect(meet('الاتجار', w), w).toBe(true);
  });

  it('strips single-letter particles as a variant, keeping the word', () => {
    expect(meet('وتهريب', 'تهريب')).toBe(true);
    expect(meet('لمكافحة', 'مكافحة')).toBe(true);
    expect(meet('وبتعزيز', 'تعزيز')).toBe(true);
    // the radical reading stays: وطني meets الوطنية
    expect(meet('وطني', 'الوطنية')).toBe(true);
  });

  it('keeps the lam of للجنة (ل + اللجنة)', () => {
    expect(meet('للجنة', 'اللجنة')).toBe(true);
    expect(meet('للجنة', 'لجنة')).toBe(true);
  });

  it('keeps a radical ال: التزام meets الالتزام', () => {
    expect(meet('التزام', 'الالتزام')).toBe(true);
    expect(meet('آليات', 'الآليات')).toBe(true);
  });

  it('strips suffixes: pronouns, plurals, duals, nisba, feminine', () => {
    expect(meet('قرار', 'قراراتها')).toBe(true);
    expect(meet('دورة', 'دورتها')).toBe(true);
    expect(meet('الوطنية', 'الوطنيين')).toBe(true);
    expect(meet('المطلوبين', 'مطلوب')).toBe(true);
    expect(meet('مقدم', 'مقدمي')).toBe(true);
    expect(meet('مقدم', 'مقدمو')).toBe(true);
    expect(meet('اتفاقية', 'الاتفاقيات')).toBe(true);
    expect(meet('حكومة', 'حكومتها')).toBe(true);
    expect(meet('قانونا', 'قانون')).toBe(true);
  });

  it('maps frequent broken plurals to the singular stem', () => {
    expect(meet('سلسلة', 'سلاسل')).toBe(true);
    expect(meet('جريمة', 'الجرائم')).toBe(true);
    expect(meet('تدبير', 'التدابير')).toBe(true);
    expect(meet('تقرير', 'تقارير')).toBe(true);
    expect(meet('مكتب', 'المكاتب')).toBe(true);
    expect(meet('شخص', 'الأشخاص')).toBe(true);
  });

  it('keeps short words whole', () => {
    expect(stems('بحث')).toEqual(['بحث']);
    expect(stems('وفد')).toEqual(['وفد']);
    expect(stems('حق')).toEqual(['حق']);
    expect(stems('الحق')).toContain('حق');
  });

  it('keeps relative adjectives apart from their nouns when they carry the article', () => {
    expect(meet('الدول', 'الدولية')).toBe(false);
    expect(meet('اجتماع', 'الاجتماعي')).toBe(false);
    expect(meet('الدولية', 'دولي')).toBe(true);
    expect(meet('الدولية', 'الدوليين')).toBe(true);
    // the plural in construct has no article: its ي goes
    expect(meet('مقدم', 'مقدمي')).toBe(true);
  });

  it('does not reduce distinct words to one stem', () => {
    expect(meet('تفاهم', 'تفا')).toBe(false);
    expect(meet('مؤقتة', 'مؤقت')).toBe(true);
    expect(meet('طفل', 'طفو')).toBe(false);
  });

  it('leaves numbers and Latin alone', () => {
    expect(stemVariants('2017')).toEqual(['2017']);
    expect(stemVariants('unodc')).toEqual(['unodc']);
  });
});
