// Reports: the main-body clauses grouped under their headings. A clause only
// names the nearest heading it stands under ("باء - الكلمات"), so the levels
// are read from the heading's label: ordinal words (أولاً، ثانياً ...) or roman
// numerals open chapters; letter names (ألف، باء ...) and anything else open
// sections inside the current chapter.
//
// A chapter whose heading had no clause of its own never reaches the Document
// JSON. Its sections are still recognisable: the letters start again
// (… جيم, then ألف). Such a run is put in a chapter without num or heading,
// so the sections keep their true depth instead of joining the chapter before.

import { parseDigits } from '../text/digits.js';
import type { Clause } from '../types.js';
import { letterRank as letterNameRank, ordinalValue, romanValue } from '../un/numbering.js';

export interface Heading {
  level: 'chapter' | 'section';
  /** "ثانياً", "ألف"; null when the label has no numbering part. */
  num: string | null;
  heading: string;
  /** The numbering as an integer (ثانياً → 2, باء → 2), when it can be read. */
  rank: number | null;
}

export interface Container {
  type: 'container';
  level: 'chapter' | 'section';
  heading: Heading | null;
  children: BodyNode[];
}

export interface ClauseNode {
  type: 'clause';
  clause: Clause;
}

export type BodyNode = Container | ClauseNode;

/** أولاً → 1, خامسا → 5, الحادي عشر → 11, عشرون → 20; null for anything else. */
export function ordinalRank(num: string): number | null {
  return ordinalValue(num);
}

/** ألف → 1, باء → 2 ...; null for anything else. */
export function letterRank(num: string): number | null {
  return letterNameRank(num);
}

const SEPARATOR = /\s+[-–—]\s+|\s*[-–—]\s+|\s+[-–—]\s*/;

/** The level and rank a numbering part stands for, or null when it is not numbering. */
function readNumbering(num: string): Pick<Heading, 'level' | 'rank'> | null {
  const bare = num.replace(/\.$/, '');
  const ordinal = ordinalRank(bare);
  if (ordinal !== null) return { level: 'chapter', rank: ordinal };
  const roman = romanValue(bare);
  if (roman !== null) return { level: 'chapter', rank: roman };
  const letter = letterRank(bare) ?? (/^[A-Z]$/.test(bare) ? bare.charCodeAt(0) - 64 : null);
  if (letter !== null) return { level: 'section', rank: letter };
  const digits = parseDigits(bare);
  return digits === null ? null : { level: 'section', rank: digits };
}

/** "ثانياً - التوصيات" → chapter 2; a label whose first part is not numbering is all heading. */
export function parseHeading(label: string): Heading {
  const cut = SEPARATOR.exec(label);
  if (cut) {
    const num = label.slice(0, cut.index).trim();
    const numbering = readNumbering(num);
    if (numbering) return { ...numbering, num, heading: label.slice(cut.index + cut[0].length).trim() };
  }
  return { level: 'section', num: null, heading: label.trim(), rank: null };
}

function container(level: Container['level'], heading: Heading | null): Container {
  return { type: 'container', level, heading, children: [] };
}

/** Main-body clauses as a tree of chapters and sections, in document order. */
export function groupBySection(clauses: readonly Clause[]): BodyNode[] {
  const top: BodyNode[] = [];
  let chapter: Container | null = null;
  let section: Container | null = null;
  let lastSectionRank: number | null = null;
  let currentLabel: string | null = null;

  for (const clause of clauses) {
    if (clause.section !== currentLabel) {
      currentLabel = clause.section;
      section = null;
      if (currentLabel === null) chapter = null;
      else {
        const heading = parseHeading(currentLabel);
        if (heading.level === 'chapter') {
          chapter = container('chapter', heading);
          top.push(chapter);
          lastSectionRank = null;
        } else {
          const restarts = chapter !== null && heading.rank !== null && lastSectionRank !== null && heading.rank <= lastSectionRank;
          if (restarts) {
            chapter = container('chapter', null);
            top.push(chapter);
          }
          section = container('section', heading);
          (chapter ? chapter.children : top).push(section);
          lastSectionRank = heading.rank;
        }
      }
    }
    const target: BodyNode[] = (section ?? chapter)?.children ?? top;
    target.push({ type: 'clause', clause });
  }
  return top;
}
