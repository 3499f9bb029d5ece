// A derived-form verb reads as its form's verbal noun, by the participle's shape (derived-forms.ts masdarOfVerb).

import { describe, expect, it } from 'vitest';
import { masdarOfVerb } from '../../src/search/analysis/derived-forms.js';
import { normaliseToken } from '../../src/search/analysis/normalise.js';

const masdar = (w: string) => masdarOfVerb(normaliseToken(w));

describe('masdarOfVerb', () => {
  it('reads a present or past verb of forms VII, VIII and X as its verbal noun', () => {
    expect(masdar('يستغل')).toBe(normaliseToken('استغلال'));
    expect(masdar('تستخدم')).toBe(normaliseToken('استخدام'));
    expect(masdar('يرتكب')).toBe(normaliseToken('ارتكاب'));
    expect(masdar('تتخذ')).toBe(normaliseToken('اتخاذ'));
    expect(masdar('انعقد')).toBe(normaliseToken('انعقاد'));
    expect(masdar('استغل')).toBe(normaliseToken('استغلال'));
  });

  it('keeps the participle guard list and leaves تفعيل nouns and other words alone', () => {
    expect(masdar('يشترك')).toBeNull(); // مشترك / اشتراك
    expect(masdar('اتفق')).toBeNull(); // متفق / اتفاق
    expect(masdar('تنسيق')).toBeNull();
    expect(masdar('تنظيم')).toBeNull();
    expect(masdar('تعاون')).toBeNull();
    expect(masdar('قرار')).toBeNull();
  });
});
