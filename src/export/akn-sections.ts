// The main-body clauses grouped under their headings. The Document JSON
// carries the headings the parser found (`headings`: level, numbering, title,
// parent) and each clause's innermost heading (`heading`): the containers are
// built from those (groupByHeadings), nothing is guessed again.
//
// Documents indexed before headings were kept name only the nearest heading
// of a clause ("باء - الكلمات"); for them (groupBySection) the levels are read
// from the heading's label: ordinal words (أولاً، ثانياً ...) or roman numerals
// open chapters; letter names (ألف، باء ...) and anything else open sections
// inside the current chapter. A chapter whose heading had no clause of its own
// is recognised when the letters start again (… جيم, then ألف): such a run is
// put in a chapter without num or heading.

import { parseDigits } from '../text/digits.js';
import type { Clause, Heading as ParsedHeading, HeadingLevel } from '../types.js';
import { letterRank as letterNameRank, ordinalValue, romanValue } from '../un/numbering.js';

export interface Heading {
  level: 'chapter' | 'section';
  /** "ثانياً", "ألف"; null when the label has no numbering part. */
  num: string | null;
  heading: string;
  /** The numbering as an integer (ثانياً → 2, باء → 2), when it can be read. */
  rank: number | null;
}

/** The AKN hierarchical element a container is written as. */
/** The parser's heading levels are the AKN containers' names. */
export type ContainerLevel = HeadingLevel;

export interface Container {
  type: 'container';
  level: ContainerLevel;
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

function container(level: ContainerLevel, heading: Heading | null): Container {
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

/**
 * Main-body clauses as a tree of the containers the parser found: each clause
 * goes in its heading, inside that heading's parents. Headings with no clause
 * under them are left out (an AKN container must hold something).
 */
export function groupByHeadings(clauses: readonly Clause[], headings: readonly ParsedHeading[]): BodyNode[] {
  const byId = new Map(headings.map((h) => [h.id, h]));
  const top: BodyNode[] = [];
  /** The open containers, outermost first, with the heading each stands for. */
  const open: Array<{ id: string; node: Container }> = [];
  for (const clause of clauses) {
    const chain: ParsedHeading[] = [];
    const seen = new Set<string>();
    for (let h = clause.heading ? byId.get(clause.heading) : undefined; h && !seen.has(h.id); h = h.parent ? byId.get(h.parent) : undefined) {
      seen.add(h.id);
      chain.unshift(h);
    }
    let keep = 0;
    while (keep < open.length && keep < chain.length && open[keep]!.id === chain[keep]!.id) keep++;
    open.length = keep;
    for (const h of chain.slice(keep)) {
      const node = container(h.level, { level: h.level === 'chapter' ? 'chapter' : 'section', num: h.label, heading: h.title ?? (h.label === null ? h.text : ''), rank: h.number });
      (open.length > 0 ? open[open.length - 1]!.node.children : top).push(node);
      open.push({ id: h.id, node });
    }
    (open.length > 0 ? open[open.length - 1]!.node.children : top).push({ type: 'clause', clause });
  }
  return top;
}

/** The containers of `clauses`: from the parsed headings when the document carries them, else read from the section labels. */
export function groupBody(clauses: readonly Clause[], headings: readonly ParsedHeading[] | undefined): BodyNode[] {
  return headings === undefined ? groupBySection(clauses) : groupByHeadings(clauses, headings);
}
