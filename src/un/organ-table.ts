// The UN organs' table itself, with no dependency: search reads it (resolution
// names in queries, src/un/designations.ts) without loading the parser's
// folding that src/un/organs.ts uses to recognise printed names.

export type OrganKey = 'ga' | 'ecosoc' | 'sc' | 'hrc' | 'ccpcj' | 'cnd' | 'ctoc-cop';

export interface Organ {
  key: OrganKey;
  /** The name as printed (official Arabic). */
  arabic: string;
  english: string;
  /** Symbol prefix of its resolutions ("A/RES"), null when it has no symbol series of its own. */
  resolutions: string | null;
  decisions: string | null;
  /** Latin acronyms readers type for it (UNTERM), looked for by search as the name (src/un/entity-names.ts). */
  latin?: readonly string[];
}

export const ORGANS: readonly Organ[] = [
  { key: 'ga', arabic: 'الجمعية العامة', english: 'General Assembly', resolutions: 'A/RES', decisions: 'A/DEC', latin: ['UNGA'] },
  {
    key: 'ecosoc',
    arabic: 'المجلس الاقتصادي والاجتماعي',
    english: 'Economic and Social Council',
    resolutions: 'E/RES',
    decisions: 'E/DEC',
    latin: ['ECOSOC'],
  },
  { key: 'sc', arabic: 'مجلس الأمن', english: 'Security Council', resolutions: 'S/RES', decisions: null, latin: ['UNSC'] },
  { key: 'hrc', arabic: 'مجلس حقوق الإنسان', english: 'Human Rights Council', resolutions: 'A/HRC/RES', decisions: 'A/HRC/DEC', latin: ['HRC'] },
  {
    key: 'ccpcj',
    arabic: 'لجنة منع الجريمة والعدالة الجنائية',
    english: 'Commission on Crime Prevention and Criminal Justice',
    resolutions: null,
    decisions: null,
    latin: ['CCPCJ'],
  },
  { key: 'cnd', arabic: 'لجنة المخدرات', english: 'Commission on Narcotic Drugs', resolutions: null, decisions: null, latin: ['CND'] },
  {
    key: 'ctoc-cop',
    arabic: 'مؤتمر الأطراف في اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية',
    english: 'Conference of the Parties to the United Nations Convention against Transnational Organized Crime',
    resolutions: null,
    decisions: null,
  },
];
