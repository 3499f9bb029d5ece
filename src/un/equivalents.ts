// Equivalent wordings of UN Arabic texts: two Arabic renderings of one English
// term, both in use in UN documents, so that a reader typing one finds the
// other. Each entry is public usage, not a guess:
//   - peace: the Charter writes "حفظ السلم والأمن الدولي" (Art. 1, 24, 43),
//     later texts "عمليات حفظ السلام" (peacekeeping operations), "بناء السلام"
//     (peacebuilding), "ثقافة السلام"; UNTERM gives both for "peace".
//   - sanctions: Security Council texts write "الجزاءات" (لجنة الجزاءات,
//     نظام الجزاءات), other texts and readers "العقوبات".
//   - again, "re-" (reaffirms, renews): "يؤكد من جديد" and "يؤكد مجددا" are
//     both the rendering of "Reaffirms" in resolutions ("يكرر تأكيد" is not
//     listed: it holds neither word).
//   - women: "المرأة" (collective singular: لجنة وضع المرأة, the Commission
//     on the Status of Women; اتفاقية القضاء على جميع أشكال التمييز ضد
//     المرأة, CEDAW) and "النساء" (النساء والفتيات, العنف ضد النساء); نساء is
//     the plural of امرأة, but no shape rule can find it.
//   - perpetrators, offenders: "مرتكبو/مرتكبي الجرائم" and "الجناة" (UNODC
//     texts use both; the Protocol on trafficking in persons "الجناة").
// The Charter's Arabic text is older than the UN's Arabic translation service
// (Arabic became an official language of the General Assembly in 1973), and
// several of its terms differ from those of later UN texts for the same
// English term; a reader types the later one:
//   - privileges and immunities (Art. 105, "المزايا والإعفاءات"): the 1946
//     Convention on the Privileges and Immunities of the United Nations is
//     "اتفاقية امتيازات الأمم المتحدة وحصاناتها"; later texts write
//     "الامتيازات والحصانات".
//   - advisory opinion (Art. 96, "إفتاء"): General Assembly resolutions write
//     "فتوى محكمة العدل الدولية" (the follow-up to the 1996 opinion on nuclear
//     weapons, every year), readers and commentaries "الرأي الاستشاري".
//   - armaments (Art. 26 "تنظيم التسليح", Art. 47): later texts "التسلح"
//     (سباق التسلح, the arms race), the verbal noun of form V for form II's.
// Not listed: "التبعات" (Art. 24's responsibilities) for "المسؤولية": its
// stem is that of "تبعاً" (accordingly), which every clause saying
// "accordingly" would then match; "الاتجار بالبشر" for "الاتجار بالأشخاص"
// (human trafficking, the Protocol's trafficking in persons): the commonest
// query of these texts would read البشر's postings too (12 million more
// instructions in a cold search at 1,000 documents) and no judged query moved;
// "حفظ" (the Charter's maintenance of peace)
// for "صون": it moved no judged query, and "حفظ السلم" searched 0.2 s of CPU
// slower at 100,000 documents with it (حفظ and صون both frequent there).
// Double renderings of later UN terminology: one English term, two Arabic
// wordings, each in use in UN texts of some organ or era (UNTERM often gives
// several). Most are fixed terms of several words, where a single word would
// match too much (الدول is not البلدان in general; الدول النامية is البلدان
// النامية). One line each: the English term, then where each wording is used.
// "countries"/"States" in fixed terms (UN texts write البلدان for the
// countries of development texts, الدول for States; readers and older or
// other organs' texts use either for the same group):
//   - developing countries: البلدان النامية (GA, ECOSOC, UNCTAD), الدول النامية (older texts, readers).
//   - developed/industrialized countries: البلدان المتقدمة (النمو) (UNFCCC, GA); البلدان/الدول الصناعية (the same Annex I group in other texts).
//   - least developed countries: أقل البلدان نموا (UN), البلدان/الدول الأقل نموا.
//   - small island developing States: الدول الجزرية الصغيرة النامية (UN), البلدان الجزرية الصغيرة.
//   - landlocked (developing) countries: البلدان غير الساحلية (UN), الدول غير الساحلية.
//   - donor countries: البلدان المانحة, الدول المانحة; host country: البلد المضيف, الدولة المضيفة.
//   - countries of origin, transit and destination (UNODC, IOM): بلدان/دول المنشأ, العبور, المقصد.
//   - troop-contributing countries: البلدان المساهمة بقوات (Secretariat), الدول المساهمة بقوات.
//   - neighbouring and affected countries: البلدان/الدول المجاورة, المتضررة, المتأثرة.
// Human rights, crime and social terms:
//   - persons with disabilities: ذوي الإعاقة (CRPD, 2006), المعوقين (older GA texts: the 1975 Declaration on the Rights of Disabled Persons).
//   - indigenous peoples: الشعوب الأصلية (UNDRIP, 2007), السكان الأصليون (older texts, readers).
//   - asylum-seekers: ملتمسو اللجوء (UNHCR, GA), طالبو اللجوء.
//   - internally displaced persons: المشردون داخليا (1998 Guiding Principles era), النازحون داخليا (later texts).
//   - older persons: كبار السن (1991 UN Principles for Older Persons), المسنون.
//   - forced labour: العمل الجبري (ILO Conventions 29 and 105), العمل القسري (UN texts), السخرة (ICCPR art. 8).
//   - sexual abuse: الاعتداء الجنسي, التعدي الجنسي (ECOSOC 2019/20), الإيذاء الجنسي (UNODC texts).
//   - bullying: التنمر (later texts), التسلط (GA 69/158 and 73/154, "تسلط الأقران").
//   - grooming (of children): الاستمالة (UNODC expert group texts), الاستدراج (luring, other UN texts).
//   - gender-based violence: العنف القائم على نوع الجنس (GA), العنف الجنساني.
//   - domestic violence: العنف العائلي (GA 58/147), العنف المنزلي, العنف الأسري.
//   - female genital mutilation: تشويه الأعضاء التناسلية (later texts), بتر الأعضاء التناسلية (older UN texts).
//   - money-laundering: غسل الأموال (UNTOC, UNCAC), غسيل الأموال, تبييض الأموال (readers, francophone usage).
//   - proceeds of crime: عائدات الجرائم (UNTOC art. 2), العائدات الإجرامية (UNCAC art. 2).
//   - juvenile justice: قضاء الأحداث (the 1985 Beijing Rules), عدالة الأحداث (later texts).
//   - awareness-raising: إذكاء الوعي (GA, ECOSOC), زيادة الوعي, التوعية.
//   - technical assistance/cooperation: المساعدة/التعاون التقني(ة) (later), الفني(ة) (older UN texts: the Expanded Programme of Technical Assistance).
//   - disaggregated data: بيانات مصنفة (SDG texts), بيانات مبوبة (not مفصلة: mostly "detailed" data).
//   - media, social media: وسائط الإعلام (UN), وسائل الإعلام; وسائط/وسائل/شبكات التواصل الاجتماعي.
//   - information technology: تكنولوجيا المعلومات (UN, ESCWA), تقنية المعلومات (Arab League's 2010 Convention), تقانة المعلومات.
//   - cybercrime: الجريمة السيبرانية (UNODC), الجريمة الإلكترونية (readers, national laws).
//   - armed conflict: النزاع المسلح (GA, SC), الصراع المسلح (the SRSG for Children and Armed Conflict's Arabic name); also after
//     نشوب, حالات, مناطق, انتهاء, منع (conflict prevention, situations, zones, post-conflict).
// Development and environment terms:
//   - sustainable: المستدامة (UN since the 1990s), المستديمة (older texts).
//   - poverty eradication: القضاء على الفقر (GA), استئصال الفقر (1995 Copenhagen Declaration).
//   - good governance: الحكم الرشيد, الحوكمة الرشيدة, الإدارة الرشيدة (UNDP and GA texts).
//   - climate change: تغير المناخ (UNFCCC), التغير المناخي.
//   - greenhouse gases: غازات الدفيئة (UNFCCC), غازات الاحتباس الحراري.
//   - biological diversity: التنوع البيولوجي (CBD), التنوع الأحيائي, التنوع الحيوي (FAO, readers).
//   - disaster risk reduction: مخاطر الكوارث (Sendai Framework), أخطار الكوارث (Hyogo era).
//   - sanitation: الصرف الصحي (HRC, GA since 2010), المرافق الصحية (older GA texts).
//   - safe drinking water: مياه الشرب المأمونة (UN), مياه الشرب الآمنة.
//   - decolonization: إنهاء الاستعمار (the Special Committee), تصفية الاستعمار (older texts).
// The Charter's Arabic against later texts, again:
//   - equitable geographical distribution (Art. 23, 101: التوزيع الجغرافي العادل): التمثيل الجغرافي العادل/المنصف in later
//     texts on the composition of bodies, التمثيل الإقليمي العادل for the same principle.
//   - principal and subsidiary organs (Art. 7, 22, 29: الفروع الرئيسية, الفروع الثانوية): الأجهزة الرئيسية, الهيئات الفرعية.
//   - regional arrangements (Art. 52-54: التنظيمات الإقليمية): الترتيبات الإقليمية.
//   - enforcement action (Art. 2(5), 5, 50, 53: أعمال/تدابير القمع): إجراءات/تدابير الإنفاذ.
//   - domestic jurisdiction (Art. 2(7): السلطان الداخلي): الولاية الداخلية.
//   - Military Staff Committee (Art. 47: لجنة أركان الحرب): لجنة الأركان العسكرية.
//   - original Members (Art. 3: الأعضاء الأصليون): الأعضاء المؤسسون (founding Members, later texts and readers).
//   - special sessions (Art. 20: أدوار انعقاد خاصة): الدورات الاستثنائية.
//   - veto: حق النقض (UN texts), الفيتو (readers, press).
// Search reads this table at query time only (src/search/alternates.ts): a
// query word that is in one variant also looks for the others, at a lower
// weight. The variants are written as printed, each word's forms separated by
// `|` (the first one stands for the word: its stem is what the others look
// for); a variant of several words (`من جديد`, `البلدان النامية`) answers only
// when the query has all its words in that order, and only the words that
// differ between two variants look for each other (البلدان for الدول).

export interface Equivalence {
  /** The English term both variants render. */
  sense: string;
  /** The variants as printed in UN texts; words separated by one space. */
  variants: readonly string[];
}

export const EQUIVALENTS: readonly Equivalence[] = [
  { sense: 'peace', variants: ['السلم', 'السلام'] },
  { sense: 'sanctions', variants: ['الجزاءات', 'العقوبات'] },
  { sense: 'again, re- (reaffirms, renews)', variants: ['من جديد', 'مجددا'] },
  { sense: 'women', variants: ['المرأة|امرأة', 'النساء'] },
  { sense: 'perpetrators, offenders', variants: ['الجناة|الجاني', 'مرتكبو|مرتكبي|مرتكبين|المرتكبين|مرتكب'] },
  // The Charter's Arabic (1945) against the wording of later UN texts for the same English term.
  { sense: 'privileges (Art. 105)', variants: ['المزايا|مزايا', 'الامتيازات|امتيازات'] },
  { sense: 'immunities (Art. 105)', variants: ['الإعفاءات|إعفاءات', 'الحصانات|حصانات|الحصانة|حصانة'] },
  { sense: 'advisory opinion (Art. 96)', variants: ['الإفتاء|إفتاء', 'الفتوى|فتوى|الفتاوى|فتاوى', 'الرأي الاستشاري'] },
  { sense: 'armaments, regulation of armaments (Art. 26)', variants: ['التسليح|تسليح', 'التسلح|تسلح'] },
  // Later UN terminology: fixed terms of "countries"/"States".
  { sense: 'developing countries', variants: ['البلدان النامية', 'الدول النامية'] },
  { sense: 'developed, industrialized countries', variants: ['البلدان المتقدمة', 'الدول المتقدمة', 'البلدان الصناعية', 'الدول الصناعية'] },
  { sense: 'least developed countries', variants: ['أقل البلدان نموا', 'البلدان الأقل نموا', 'الدول الأقل نموا'] },
  { sense: 'small island developing States', variants: ['الدول الجزرية الصغيرة', 'البلدان الجزرية الصغيرة'] },
  { sense: 'landlocked countries', variants: ['البلدان غير الساحلية', 'الدول غير الساحلية'] },
  { sense: 'donor countries', variants: ['البلدان المانحة', 'الدول المانحة'] },
  { sense: 'host country', variants: ['البلد|البلدان المضيف|المضيفة', 'الدولة|الدول المضيفة|المضيف'] },
  { sense: 'countries of origin, transit, destination', variants: ['بلدان|بلد المنشأ|العبور|المقصد', 'دول|دولة المنشأ|العبور|المقصد'] },
  { sense: 'troop-contributing countries', variants: ['البلدان المساهمة بقوات', 'الدول المساهمة بقوات'] },
  { sense: 'neighbouring, affected countries', variants: ['البلدان المجاورة|المتضررة|المتأثرة', 'الدول المجاورة|المتضررة|المتأثرة'] },
  // Human rights, crime and social terms.
  { sense: 'persons with disabilities', variants: ['ذوي الإعاقة|ذوو', 'المعوقين|المعوقون|معوقين|معوقون'] },
  { sense: 'indigenous peoples', variants: ['الشعوب الأصلية', 'السكان الأصليين|الأصليون'] },
  { sense: 'asylum-seekers', variants: ['ملتمسي اللجوء|ملتمسو', 'طالبي اللجوء|طالبو'] },
  { sense: 'internally displaced persons', variants: ['المشردين داخليا|المشردون', 'النازحين داخليا|النازحون'] },
  { sense: 'older persons', variants: ['كبار السن', 'المسنين|المسنون|مسنين|مسنون'] },
  { sense: 'forced labour', variants: ['العمل القسري', 'العمل الجبري', 'السخرة'] },
  { sense: 'sexual abuse', variants: ['الاعتداء الجنسي', 'التعدي الجنسي', 'الإيذاء الجنسي'] },
  { sense: 'bullying', variants: ['التنمر|تنمر', 'التسلط|تسلط'] },
  { sense: 'grooming (of children)', variants: ['الاستمالة|استمالة', 'الاستدراج|استدراج'] },
  { sense: 'gender-based violence', variants: ['العنف القائم على نوع الجنس', 'العنف الجنساني'] },
  { sense: 'domestic violence', variants: ['العنف العائلي', 'العنف المنزلي', 'العنف الأسري'] },
  { sense: 'female genital mutilation', variants: ['تشويه الأعضاء التناسلية', 'بتر الأعضاء التناسلية'] },
  { sense: 'money-laundering', variants: ['غسل الأموال', 'غسيل الأموال', 'تبييض الأموال'] },
  { sense: 'proceeds of crime', variants: ['عائدات الجرائم|الجريمة', 'العائدات الإجرامية'] },
  { sense: 'juvenile justice', variants: ['قضاء الأحداث', 'عدالة الأحداث'] },
  { sense: 'awareness-raising', variants: ['إذكاء الوعي', 'زيادة الوعي', 'التوعية|توعية'] },
  { sense: 'technical assistance, cooperation', variants: ['المساعدة|التعاون|مساعدة|تعاون التقنية|التقني|تقنية|تقني', 'المساعدة|التعاون|مساعدة|تعاون الفنية|الفني|فنية|فني'] },
  { sense: 'disaggregated data', variants: ['بيانات|البيانات مصنفة|المصنفة', 'بيانات|البيانات مبوبة|المبوبة'] },
  { sense: 'media', variants: ['وسائط الإعلام', 'وسائل الإعلام'] },
  { sense: 'social media', variants: ['وسائط التواصل', 'وسائل التواصل', 'شبكات التواصل'] },
  { sense: 'information technology', variants: ['تكنولوجيا المعلومات', 'تقنية المعلومات', 'تقانة المعلومات'] },
  { sense: 'cybercrime', variants: ['الجريمة|الجرائم السيبرانية', 'الجريمة|الجرائم الإلكترونية'] },
  { sense: 'armed conflict', variants: ['النزاع|النزاعات المسلح', 'الصراع|الصراعات المسلح'] },
  { sense: 'conflict (prevention, situations, zones, post-conflict)', variants: ['نشوب|حالات|مناطق|انتهاء|منع النزاع|النزاعات', 'نشوب|حالات|مناطق|انتهاء|منع الصراع|الصراعات'] },
  // Development and environment terms.
  { sense: 'sustainable', variants: ['المستدامة|المستدام|مستدامة|مستدام', 'المستديمة|المستديم|مستديمة|مستديم'] },
  { sense: 'poverty eradication', variants: ['القضاء على الفقر', 'استئصال الفقر'] },
  { sense: 'good governance', variants: ['الحكم الرشيد', 'الحوكمة الرشيدة', 'الإدارة الرشيدة'] },
  { sense: 'climate change', variants: ['تغير المناخ', 'التغير المناخي'] },
  { sense: 'greenhouse gases', variants: ['غازات الدفيئة', 'غازات الاحتباس'] },
  { sense: 'biological diversity', variants: ['التنوع البيولوجي', 'التنوع الأحيائي', 'التنوع الحيوي'] },
  { sense: 'disaster risk', variants: ['مخاطر الكوارث', 'أخطار الكوارث'] },
  { sense: 'sanitation', variants: ['الصرف الصحي', 'المرافق الصحية'] },
  { sense: 'safe drinking water', variants: ['الشرب المأمونة', 'الشرب الآمنة'] },
  { sense: 'decolonization', variants: ['إنهاء الاستعمار', 'تصفية الاستعمار'] },
  // The Charter's Arabic against later texts.
  {
    sense: 'equitable geographical distribution (Art. 23, 101)',
    variants: ['التوزيع الجغرافي العادل', 'التوزيع الجغرافي المنصف', 'التمثيل الجغرافي العادل', 'التمثيل الجغرافي المنصف', 'التمثيل الإقليمي العادل'],
  },
  { sense: 'principal organs (Art. 7)', variants: ['الفروع الرئيسية', 'الأجهزة الرئيسية'] },
  { sense: 'subsidiary organs (Art. 7, 22, 29)', variants: ['الفروع الثانوية', 'الهيئات الفرعية', 'الأجهزة الفرعية'] },
  { sense: 'regional arrangements (Art. 52-54)', variants: ['التنظيمات الإقليمية', 'الترتيبات الإقليمية'] },
  { sense: 'enforcement action (Art. 2, 5, 50, 53)', variants: ['أعمال|تدابير القمع', 'إجراءات|تدابير الإنفاذ'] },
  { sense: 'domestic jurisdiction (Art. 2(7))', variants: ['السلطان الداخلي', 'الولاية الداخلية'] },
  { sense: 'Military Staff Committee (Art. 47)', variants: ['أركان الحرب', 'الأركان العسكرية'] },
  { sense: 'original Members (Art. 3)', variants: ['الأعضاء الأصليون|الأصليين', 'الأعضاء المؤسسون|المؤسسين'] },
  { sense: 'special sessions (Art. 20)', variants: ['الدورات|الدورة الاستثنائية', 'أدوار|دور الانعقاد|انعقاد الخاصة|خاصة'] },
  { sense: 'veto', variants: ['حق النقض', 'الفيتو'] },
];
