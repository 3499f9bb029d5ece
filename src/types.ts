// The Document JSON of the outside contract (shared/CONTRACT.md). Fields may be
// added; none may be renamed or dropped without a major version.

export type DocumentKind = 'resolution' | 'draft-resolution' | 'decision' | 'report' | 'instrument' | 'unknown';
export type ClauseKind = 'preamble' | 'operative' | 'paragraph' | 'recommendation' | 'article';

export interface ClauseItem {
  label: string;
  text: string;
}

/** What an article is called where the text numbers it by another word than المادة. */
export type ArticleDesignation = 'principle' | 'rule';

export interface Clause {
  /** kind prefix + number (or index): "pp3", "op7", "para12", "rec4", "art30". */
  id: string;
  kind: ClauseKind;
  /** The printed number as an integer; null where none is printed. */
  number: number | null;
  /** 1-based position among the clauses of its kind. */
  index: number;
  /** Opening formula or verb as printed: "وإذ تؤكد", "تحث أيضاً". */
  lead: string | null;
  /** The whole clause, items included, repaired but not rewritten. */
  text: string;
  items: ClauseItem[];
  /** Footnote numbers referenced anywhere in the clause. */
  footnotes: number[];
  /** For reports: the heading the clause stands under. */
  section: string | null;
  /** For an article printed as a principle or a rule ("المبدأ 2", "القاعدة 7"): that word; absent for "المادة". */
  designation?: ArticleDesignation;
  /**
   * The formula printed just before the clause that no clause holds, as printed (lines joined by spaces):
   * an enacting formula ("إن الجمعية العامة،"), a line introducing a recommended draft, an instrument's
   * formulas between or after its preamble paragraphs ("يعلن ما يلي:", "قد قررنا ..."). Absent when none
   * (and in documents indexed before formulas were kept).
   */
  formula?: string | null;
  /** Id of the innermost heading the clause stands under (in the document's `headings`); null outside any. Absent in documents indexed before headings were kept. */
  heading?: string | null;
  /** Where each footnote marker stood: offsets into `text` (UTF-16 code units, as JavaScript indexes strings), in order. Absent in documents indexed before positions were kept. */
  footnoteRefs?: FootnoteRef[];
}

/** A footnote marker as it stood in a clause: the footnote's number and the offset in the clause's text where the marker was (it is removed from the text). */
export interface FootnoteRef {
  number: number;
  at: number;
}

/** Levels of headings, outermost first. */
export type HeadingLevel = 'annex' | 'part' | 'chapter' | 'section' | 'subsection';

/** A heading the parser found: the container the clauses after it stand in. */
export interface Heading {
  /** "h1", "h2" ...: in document order. */
  id: string;
  level: HeadingLevel;
  /** Nesting depth: 0 annex, 1 part, 2 chapter, 3 section, 4 and more below. */
  depth: number;
  /** The numbering as printed ("أولاً", "الفصل الأول", "ألف"); null for a heading printed without numbering. */
  label: string | null;
  /** The numbering's value (ثانياً → 2, باء → 2, IV → 4), when it has one. */
  number: number | null;
  /** The words after the numbering; null when none. */
  title: string | null;
  /** The whole heading as printed (the value of `section` in the clauses under it). */
  text: string;
  /** Id of the heading it stands under; null at the top. */
  parent: string | null;
}

export interface Footnote {
  number: number;
  text: string;
}

/**
 * What decided a citation's symbol (docs/citations.md): `printed` an English
 * symbol in the text; `year` a year in the citation (ECOSOC, Security Council);
 * `old-style` a roman/Arabic session in brackets (`1514 (د-15)`); for a pair of
 * numbers, which is the session: `range`, `date`, `own-session`,
 * `document-order`, `direction` (strongest first).
 */
export type CitationBasis =
  | 'printed'
  | 'year'
  | 'old-style'
  | 'range'
  | 'date'
  | 'own-session'
  | 'document-order'
  | 'direction';

export interface Citation {
  /** English-order UN symbol: "A/RES/64/293", "E/RES/2011/33", "S/RES/242 (1967)", "A/HRC/RES/40/7". */
  symbol: string;
  /** The citation as printed: "٢٩٣/٦٤". */
  text: string;
  /** Id of the clause it stands in ("fn4" when it stands in footnote 4, "header" in the lines before the first clause). */
  clause: string;
  /** The evidence that decided the symbol. */
  basis: CitationBasis;
}

export interface SourceInfo {
  path: string;
  sha256: string;
  /** What decoding found: "utf-8", "utf-8-bom", "utf-16le", "windows-1256", ...; "unicode" for PDF, DOCX and DOC, which hold Unicode themselves. */
  encoding: string;
  /** The file's format, found from its content (or given with --format): "text" (plain text or markdown), "html", "pdf", "docx", "doc". */
  format?: SourceFormat;
}

/** The formats unres reads; "text" covers plain text and markdown. */
export type SourceFormat = 'text' | 'html' | 'pdf' | 'docx' | 'doc';

export interface UnresDocument {
  id: string;
  source: SourceInfo;
  kind: DocumentKind;
  symbol: string | null;
  title: string | null;
  body: string | null;
  adopted: string | null;
  distributed: string | null;
  agendaItem: string | null;
  sponsors: string[];
  clauses: Clause[];
  footnotes: Footnote[];
  citations: Citation[];
  /** Every heading found, in document order, with its level and parent. Absent in documents indexed before headings were kept. */
  headings?: Heading[];
  /**
   * The text printed before the first clause that no clause holds (Akoma Ntoso's preface): symbol
   * and distribution lines as printed, agenda item, title, sponsors, the adoption line, a declarants'
   * formula; page furniture stays out. Null when there is none; absent in documents indexed before
   * it was kept (read as null).
   */
  preface?: string | null;
  /** The text printed after the last clause (Akoma Ntoso's conclusions): the meeting and date line, "done at", signatures. Null when none; absent in documents indexed before it was kept. */
  conclusions?: string | null;
}

/** One search hit, as printed by `search --json` / `--ndjson`. */
export interface SearchHit {
  doc: string;
  source: string;
  title: string | null;
  clause: string;
  kind: string;
  number: number | null;
  index: number;
  score: number;
  text: string;
  snippet: string;
}
