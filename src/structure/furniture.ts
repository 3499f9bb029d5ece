// Page furniture: what a UN page prints around the text (distribution block,
// job numbers, "please recycle", symbols repeated in headers, page numbers).
// It is never clause text; what it says feeds the metadata. A table of
// contents is found here too, as it is shaped like furniture (page numbers at
// line ends), but it is the document's own text: its lines get the role
// 'contents' and the preface keeps them (Akoma Ntoso's <toc> is in <preface>).

import { stripDiacritics } from '../text/arabic.js';
import { toAsciiDigits } from '../text/digits.js';
import { findEnglishDate } from './dates.js';
import { fold } from './folded.js';
import { headingShaped } from './recognisers.js';
import type { LinesRoot } from './tree.js';

export interface FurnitureFacts {
  /** Dates printed as English date lines, in order (the first is the distribution date). */
  englishDates: string[];
  distribution: string | null;
  originalLanguage: string | null;
  /** UN document symbols printed alone on a line ("E/CN.15/2018/L.4"). */
  symbols: string[];
  /** The text holds a table of contents (what reports print). */
  contents: boolean;
}

const DISTRIBUTION = /^Distr\.?\s*:?\s*([A-Za-z]+)/i;
const ENGLISH_DATE_LINE = /^\d{1,2}\s+[A-Za-z]{3,9}\.?,?\s+\d{4}$/;
const LANGUAGE_LINE = /^(?:Arabic|English|French|Spanish|Russian|Chinese)$/i;
const ORIGINAL = /^Original\s*:\s*([A-Za-z]+)/i;
const JOB_NUMBER = /^(?:[A-Z]{1,3}\.)?\d{2}-\d{4,6}(?:\s*\([A-Z]\))?(?:\s+\S.{0,40})?$/;
// "*1712889*": inline markdown reads the stars as emphasis, so the line arrives as bare digits.
const BARCODE = /^\*?\d{6,}\*?$/;
const SYMBOL_LINE = /^[A-Z]{1,6}(?:\/[A-Za-z0-9.\-]{1,12}){1,7}$/;
const PAGE_NUMBER = /^(?:\d{1,3}\s*\/\s*\d{1,3}|-\s*\d{1,3}\s*-|\d{1,3})$/;
// "- 3 -" arrives as "3 -": the line stage took its leading "- " for a list bullet.
const BULLETED_PAGE_NUMBER = /^\d{1,3}\s*-$/;
const RECYCLE_GLYPH = /^[\u2672\u267b\u267c\u267d]+$/;
const PLEASE_RECYCLE = 'الرجاء إعادة الاستعمال';

export function emptyFurniture(): FurnitureFacts {
  return { englishDates: [], distribution: null, originalLanguage: null, symbols: [], contents: false };
}

// A table of contents: its title, then entries that end with page numbers
// ("ألف - الدول الأطراف 1 8", "تأجيل عرض التقارير........ 42 21"), column
// headings and short unnumbered lines, up to the first line of running text.
const CONTENTS_TITLE = /^(?:ال)?محتويات(?:\s*\(\s*تابع\s*\))?$|^(?:Contents|CONTENTS|Table of [Cc]ontents)$/;
const PAGE_REFERENCE = /(?:^|[\s.…])[0-9]{1,4}$/;
const DOT_LEADER = /(?:\.{4,}|…{2,})\s*[0-9]{1,4}$/;
const MAX_CONTENTS_TITLE = 40;
const MAY_BE_CONTENTS_TITLE = /محتويات|ontents|CONTENTS/;
// The leader is tested on the line's end only: a leader pattern run over a long
// line of dots backtracks quadratically.
const MAX_LEADER_TAIL = 24;

// What web pages print around a text: breadcrumbs ("الرئيسية / Law / ..."),
// share and download buttons, counters ("- 992"), and the column headers of
// dataset viewers ("stringlengths", "134k").
const BREADCRUMB_HOME = /^(?:الرئيسية|الرئيسيه|الصفحة الرئيسية|Home(?: ?Page)?)\s*[/>»›|]/i;
// Not between numbers: "40 / 152" is a resolution number.
const CRUMB_SEPARATOR = /(?<=[^\s0-9٠-٩]) [/>»›] (?=[^\s0-9٠-٩])/g;
// The separator's own characters: most lines hold none, and the pattern above
// (a look-behind first) is tried at every position of a line.
const MAY_HOLD_CRUMB = /[/>»›]/;
const MIN_CRUMBS = 3;
const MAX_BREADCRUMB = 300;
const BUTTON =
  /^(?:تحميل|تنزيل|طباعة|طباعه|مشاركة|مشاركه|شارك|إرسال|ارسال|أرسل لصديق|حفظ|نسخ الرابط|اقرأ أيضا|اقرأ أيضاً|اقرا ايضا|أضف تعليق|تعليقات|Share|Print|Download|Tweet|Facebook|Twitter|WhatsApp|E-?mail|PDF|Word)$/i;
const MAX_BUTTON = 20;
const COUNTER = /^[0-9]{1,7}$/;
const VIEWER_HEADER = /^(?:string(?:lengths|classes)?|int(?:32|64)|float(?:32|64)|bool|sequence|list|dict|null|[0-9]{1,4}(?:\.[0-9]{1,2})?[kKM])$/;

function webFurniture(value: string, bullet: boolean): boolean {
  if (value.length <= MAX_BUTTON && (BUTTON.test(value) || VIEWER_HEADER.test(value))) return true;
  if (bullet && COUNTER.test(value)) return true;
  if (value.length > MAX_BREADCRUMB) return false;
  if (BREADCRUMB_HOME.test(value)) return true;
  return MAY_HOLD_CRUMB.test(value) && (value.match(CRUMB_SEPARATOR)?.length ?? 0) >= MIN_CRUMBS - 1 && !/[.؛;،,:]$/.test(value);
}

/**
 * `value` with its diacritics and tatweel dropped (stripDiacritics) starts with
 * `prefix`: stripped in growing pieces from the start, not the whole line
 * (stripping a prefix of the line gives a prefix of the stripped line).
 */
function startsWithoutMarks(value: string, prefix: string): boolean {
  for (let take = prefix.length * 2; ; take *= 2) {
    const stripped = stripDiacritics(value.slice(0, take));
    if (stripped.length >= prefix.length || take >= value.length) return stripped.startsWith(prefix);
    if (!prefix.startsWith(stripped)) return false;
  }
}

export function findFurniture(tree: LinesRoot): FurnitureFacts {
  const facts = emptyFurniture();
  let inContents = false;
  for (const line of tree.children) {
    if (line.role !== 'text') continue;
    // The English block is matched whatever digits it was re-typed with.
    const value = toAsciiDigits(line.value);
    if (value.length <= MAX_CONTENTS_TITLE && MAY_BE_CONTENTS_TITLE.test(value) && CONTENTS_TITLE.test(fold(value).trim())) {
      inContents = true;
      facts.contents = true;
      line.role = 'contents';
      continue;
    }
    if (inContents) {
      // A page break inside the contents: its job number, barcode and running header do not end them.
      if (JOB_NUMBER.test(value) || BARCODE.test(value) || SYMBOL_LINE.test(value)) {
        if (SYMBOL_LINE.test(value)) facts.symbols.push(value);
        line.role = 'furniture';
        continue;
      }
      if (PAGE_REFERENCE.test(value) || headingShaped(value)) {
        line.role = 'contents';
        continue;
      }
      inContents = false;
    }
    // A dot-leader entry is contents wherever it stands.
    if (DOT_LEADER.test(value.slice(-MAX_LEADER_TAIL))) {
      line.role = 'contents';
      continue;
    }
    const distribution = DISTRIBUTION.exec(value);
    const original = ORIGINAL.exec(value);
    if (distribution) {
      facts.distribution ??= distribution[1]!;
    } else if (original) {
      facts.originalLanguage ??= original[1]!;
    } else if (ENGLISH_DATE_LINE.test(value)) {
      const date = findEnglishDate(value);
      if (date) facts.englishDates.push(date);
    } else if (SYMBOL_LINE.test(value)) {
      facts.symbols.push(value);
    } else if (
      !LANGUAGE_LINE.test(value) &&
      !JOB_NUMBER.test(value) &&
      !BARCODE.test(value) &&
      !PAGE_NUMBER.test(value) &&
      !(line.bullet && BULLETED_PAGE_NUMBER.test(value)) &&
      !RECYCLE_GLYPH.test(value) &&
      !startsWithoutMarks(value, PLEASE_RECYCLE) &&
      !webFurniture(value, line.bullet)
    ) {
      continue;
    }
    line.role = 'furniture';
  }
  return facts;
}
