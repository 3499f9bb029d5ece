// UN entities and core treaties as readers type them: by a Latin acronym
// (UNODC, CEDAW), by an Arabic one (اليونيسف, الأونروا, سيداو) or by the full
// Arabic name that UN texts print (mostly) with the acronym in brackets
// (sometimes). Search reads this table at query time only
// (src/search/entity-names.ts): an acronym typed also looks for the full name
// as a phrase, a full name typed also looks for the acronyms.
//
// Sources, per entry: the Arabic name is UNTERM's (unterm.un.org) and the one
// the entity prints on its own Arabic site (unicef.org/ar, unrwa.org/ar,
// ohchr.org/ar, unodc.org, escwa.un.org ...); a treaty's is the title of its UN
// Arabic text (treaties.un.org, ohchr.org/ar core instruments). Arabic acronyms
// are those the entities' Arabic sites and UN Arabic texts print (اليونيسف and
// اليونيسيف both). Organs with a symbol series of their own keep their names in
// src/un/organ-table.ts, with their acronyms there.
//
// Not listed: acronyms that are also everyday words or too short to stand for
// one entity (SC, GA, ECA, ILC aside from their names); "المفوضية" alone
// (OHCHR or UNHCR, the reader's context says which); hyphenated acronyms
// (UN-Women, UN-Habitat: the tokenizer reads "UN" and "Women").
// A Latin acronym marked `word` is also an English word (WHO, CAT): it names
// the entity only when typed in capitals.

export interface EntityName {
  /** The English name (UNTERM). */
  english: string;
  /** Latin acronyms, in capitals. */
  latin: readonly string[];
  /** Arabic acronyms as printed, with the article when printed with it; spelling variants each. */
  arabic?: readonly string[];
  /** Full Arabic names as printed in UN texts; the first is UNTERM's. */
  names: readonly string[];
  /** The Latin acronym is an English word: matched in capitals only. */
  word?: boolean;
}

export const ENTITY_NAMES: readonly EntityName[] = [
  // Funds, programmes, offices (UNTERM; the entity's Arabic site).
  { english: "United Nations Children's Fund", latin: ['UNICEF'], arabic: ['اليونيسف', 'اليونيسيف'], names: ['منظمة الأمم المتحدة للطفولة'] },
  { english: 'United Nations Office on Drugs and Crime', latin: ['UNODC'], names: ['مكتب الأمم المتحدة المعني بالمخدرات والجريمة'] },
  {
    english: 'Office of the United Nations High Commissioner for Refugees',
    latin: ['UNHCR'],
    names: ['مفوضية الأمم المتحدة لشؤون اللاجئين', 'مفوضية الأمم المتحدة السامية لشؤون اللاجئين', 'المفوضية السامية للأمم المتحدة لشؤون اللاجئين', 'مفوض الأمم المتحدة السامي لشؤون اللاجئين'],
  },
  {
    english: 'United Nations Relief and Works Agency for Palestine Refugees in the Near East',
    latin: ['UNRWA'],
    arabic: ['الأونروا'],
    names: ['وكالة الأمم المتحدة لإغاثة وتشغيل اللاجئين الفلسطينيين في الشرق الأدنى'],
  },
  {
    english: 'Office of the United Nations High Commissioner for Human Rights',
    latin: ['OHCHR'],
    names: ['مفوضية الأمم المتحدة السامية لحقوق الإنسان', 'مفوضية الأمم المتحدة لحقوق الإنسان', 'المفوضية السامية لحقوق الإنسان', 'مفوضية حقوق الإنسان'],
  },
  { english: 'United Nations Development Programme', latin: ['UNDP'], names: ['برنامج الأمم المتحدة الإنمائي'] },
  { english: 'United Nations Environment Programme', latin: ['UNEP'], arabic: ['اليونيب'], names: ['برنامج الأمم المتحدة للبيئة'] },
  { english: 'United Nations Population Fund', latin: ['UNFPA'], names: ['صندوق الأمم المتحدة للسكان'] },
  { english: 'World Food Programme', latin: ['WFP'], names: ['برنامج الأغذية العالمي'] },
  { english: 'United Nations Conference on Trade and Development', latin: ['UNCTAD'], arabic: ['الأونكتاد'], names: ['مؤتمر الأمم المتحدة للتجارة والتنمية'] },
  { english: 'Office for the Coordination of Humanitarian Affairs', latin: ['OCHA'], names: ['مكتب تنسيق الشؤون الإنسانية'] },
  { english: 'United Nations Office for Project Services', latin: ['UNOPS'], names: ['مكتب الأمم المتحدة لخدمات المشاريع'] },
  { english: 'United Nations Institute for Training and Research', latin: ['UNITAR'], arabic: ['اليونيتار'], names: ['معهد الأمم المتحدة للتدريب والبحث'] },
  { english: 'United Nations University', latin: ['UNU'], names: ['جامعة الأمم المتحدة'] },
  {
    english: 'United Nations Interregional Crime and Justice Research Institute',
    latin: ['UNICRI'],
    names: ['معهد الأمم المتحدة الأقاليمي لبحوث الجريمة والعدالة'],
  },
  { english: 'United Nations Commission on International Trade Law', latin: ['UNCITRAL'], arabic: ['الأونسيترال'], names: ['لجنة الأمم المتحدة للقانون التجاري الدولي'] },
  { english: 'International Court of Justice', latin: ['ICJ'], names: ['محكمة العدل الدولية'] },
  { english: 'International Criminal Court', latin: ['ICC'], names: ['المحكمة الجنائية الدولية'] },
  // Regional commissions (UNTERM; escwa.un.org for ESCWA).
  { english: 'Economic and Social Commission for Western Asia', latin: ['ESCWA'], arabic: ['الإسكوا'], names: ['اللجنة الاقتصادية والاجتماعية لغربي آسيا'] },
  { english: 'Economic and Social Commission for Asia and the Pacific', latin: ['ESCAP'], names: ['اللجنة الاقتصادية والاجتماعية لآسيا والمحيط الهادئ'] },
  { english: 'Economic Commission for Europe', latin: ['UNECE'], names: ['اللجنة الاقتصادية لأوروبا'] },
  { english: 'Economic Commission for Latin America and the Caribbean', latin: ['ECLAC'], names: ['اللجنة الاقتصادية لأمريكا اللاتينية ومنطقة البحر الكاريبي'] },
  // Specialized agencies and related organizations (UNTERM; the agency's Arabic site).
  { english: 'World Health Organization', latin: ['WHO'], word: true, names: ['منظمة الصحة العالمية'] },
  { english: 'Food and Agriculture Organization of the United Nations', latin: ['FAO'], arabic: ['الفاو'], names: ['منظمة الأغذية والزراعة'] },
  { english: 'United Nations Educational, Scientific and Cultural Organization', latin: ['UNESCO'], arabic: ['اليونسكو'], names: ['منظمة الأمم المتحدة للتربية والعلم والثقافة'] },
  { english: 'International Labour Organization', latin: ['ILO'], names: ['منظمة العمل الدولية'] },
  { english: 'International Organization for Migration', latin: ['IOM'], names: ['المنظمة الدولية للهجرة'] },
  { english: 'United Nations Industrial Development Organization', latin: ['UNIDO'], arabic: ['اليونيدو'], names: ['منظمة الأمم المتحدة للتنمية الصناعية'] },
  { english: 'World Intellectual Property Organization', latin: ['WIPO'], arabic: ['الويبو'], names: ['المنظمة العالمية للملكية الفكرية'] },
  { english: 'International Atomic Energy Agency', latin: ['IAEA'], names: ['الوكالة الدولية للطاقة الذرية'] },
  // Not إيفاد, which IFAD's Arabic texts print too: it is the everyday word for sending (إيفاد بعثة, a mission).
  { english: 'International Fund for Agricultural Development', latin: ['IFAD'], names: ['الصندوق الدولي للتنمية الزراعية'] },
  { english: 'International Civil Aviation Organization', latin: ['ICAO'], arabic: ['الإيكاو'], names: ['منظمة الطيران المدني الدولي'] },
  { english: 'International Maritime Organization', latin: ['IMO'], names: ['المنظمة البحرية الدولية'] },
  { english: 'International Telecommunication Union', latin: ['ITU'], names: ['الاتحاد الدولي للاتصالات'] },
  { english: 'Universal Postal Union', latin: ['UPU'], names: ['الاتحاد البريدي العالمي'] },
  { english: 'World Meteorological Organization', latin: ['WMO'], names: ['المنظمة العالمية للأرصاد الجوية'] },
  { english: 'World Tourism Organization', latin: ['UNWTO'], names: ['منظمة السياحة العالمية'] },
  { english: 'International Monetary Fund', latin: ['IMF'], names: ['صندوق النقد الدولي'] },
  { english: 'International Bank for Reconstruction and Development', latin: ['IBRD'], names: ['البنك الدولي للإنشاء والتعمير'] },
  { english: 'World Trade Organization', latin: ['WTO'], names: ['منظمة التجارة العالمية'] },
  // Core treaties and their committees (the treaty's UN Arabic title; ohchr.org/ar for the committees).
  {
    english: 'Convention on the Elimination of All Forms of Discrimination against Women; its Committee',
    latin: ['CEDAW'],
    arabic: ['سيداو'],
    names: ['اتفاقية القضاء على جميع أشكال التمييز ضد المرأة', 'لجنة القضاء على التمييز ضد المرأة'],
  },
  { english: 'International Covenant on Civil and Political Rights', latin: ['ICCPR'], names: ['العهد الدولي الخاص بالحقوق المدنية والسياسية'] },
  {
    english: 'International Covenant on Economic, Social and Cultural Rights',
    latin: ['ICESCR'],
    names: ['العهد الدولي الخاص بالحقوق الاقتصادية والاجتماعية والثقافية'],
  },
  { english: 'Convention on the Rights of the Child; its Committee', latin: ['CRC'], names: ['اتفاقية حقوق الطفل', 'لجنة حقوق الطفل'] },
  {
    english: 'Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment; its Committee',
    latin: ['CAT'],
    word: true,
    names: ['اتفاقية مناهضة التعذيب', 'لجنة مناهضة التعذيب'],
  },
  {
    english: 'International Convention on the Elimination of All Forms of Racial Discrimination; its Committee',
    latin: ['ICERD', 'CERD'],
    names: ['الاتفاقية الدولية للقضاء على جميع أشكال التمييز العنصري', 'لجنة القضاء على التمييز العنصري'],
  },
  { english: 'Convention on the Rights of Persons with Disabilities; its Committee', latin: ['CRPD'], names: ['اتفاقية حقوق الأشخاص ذوي الإعاقة', 'لجنة حقوق الأشخاص ذوي الإعاقة'] },
  {
    english: 'International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families',
    latin: ['ICRMW', 'CMW'],
    names: ['الاتفاقية الدولية لحماية حقوق جميع العمال المهاجرين وأفراد أسرهم'],
  },
  {
    english: 'International Convention for the Protection of All Persons from Enforced Disappearance',
    latin: ['ICPPED', 'CED'],
    names: ['الاتفاقية الدولية لحماية جميع الأشخاص من الاختفاء القسري'],
  },
  { english: 'Universal Declaration of Human Rights', latin: ['UDHR'], names: ['الإعلان العالمي لحقوق الإنسان'] },
  {
    english: 'United Nations Convention against Transnational Organized Crime',
    latin: ['UNTOC'],
    names: ['اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية'],
  },
  { english: 'United Nations Convention against Corruption', latin: ['UNCAC'], names: ['اتفاقية الأمم المتحدة لمكافحة الفساد'] },
  { english: 'United Nations Framework Convention on Climate Change', latin: ['UNFCCC'], names: ['اتفاقية الأمم المتحدة الإطارية بشأن تغير المناخ'] },
  { english: 'United Nations Convention on the Law of the Sea', latin: ['UNCLOS'], names: ['اتفاقية الأمم المتحدة لقانون البحار'] },
  { english: 'Convention on Biological Diversity', latin: ['CBD'], names: ['اتفاقية التنوع البيولوجي'] },
  { english: 'Treaty on the Non-Proliferation of Nuclear Weapons', latin: ['NPT'], names: ['معاهدة عدم انتشار الأسلحة النووية'] },
  { english: 'Comprehensive Nuclear-Test-Ban Treaty', latin: ['CTBT'], names: ['معاهدة الحظر الشامل للتجارب النووية'] },
  { english: 'Arms Trade Treaty', latin: ['ATT'], names: ['معاهدة تجارة الأسلحة'] },
];
