// A deterministic corpus of Arabic UN documents for the benchmarks, grown from
// the seed documents: their clauses recombined and renumbered under new headers
// (symbols, dates, agenda items, sponsors, titles vary), printed in the seeds'
// own formats (ECOSOC and GA resolutions, commission drafts, conference
// resolutions, working-group reports), with new tokens (invented person, place
// and city names, numbers, symbols, dates) mixed in so the vocabulary grows
// with the corpus as real text does.
//
// Document i depends only on (seed, i), so the corpus of 100 is the first 100
// of the corpus of 1,000, and "one new document" for an index of N is document
// N. Same seed, same bytes: the tests hold the generator to that.
//
// Names are ranks spelled as syllable strings (distinct ranks, distinct
// names). Document i introduces the ranks a Heaps' law curve (V ~ n^0.6)
// assigns to it and otherwise reuses old ones by Zipf rank, so the vocabulary
// keeps growing, ever more slowly, as real text does: about 9,000 distinct
// tokens at 100 documents, 32,000 at 1,000 and 92,000 at 5,000 (seed 1).

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBytes } from '../../src/structure/parse.js';
import type { Clause, UnresDocument } from '../../src/types.js';
import { mulberry32 } from './random.js';

// ---------------------------------------------------------------- randomness

export { mulberry32 } from './random.js';

/** murmur3's finaliser: spreads (seed, index) into an independent stream seed. */
function mix32(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export function streamSeed(seed: number, index: number): number {
  return mix32((mix32(seed >>> 0) ^ Math.imul(index + 1, 0x9e3779b9)) >>> 0);
}

export class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** Integer in [lo, hi], both included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }
  /** k distinct items, in random order. */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = items.slice();
    const n = Math.min(k, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, n);
  }
  /** A rank >= 1 with P(rank > r) = r^-alpha: few ranks are common, the tail never ends. */
  zipfRank(alpha: number, max = 2_000_000_000): number {
    const u = 1 - this.next(); // (0, 1]
    return Math.min(max, Math.floor(Math.pow(u, -1 / alpha)));
  }
}

// ---------------------------------------------------------------- invented names

/**
 * Heaps' law, built in: the invented names that are new in document i are the
 * ranks (F(i), F(i+1)], F(i) = A((i + I0)^BETA - I0^BETA), so the corpus of n
 * documents holds about F(n) distinct names whatever else varies (about 4,700
 * at 100 documents, 23,000 at 1,000, 64,000 at 5,000). Every other name a
 * document prints is an old one, drawn by Zipf rank (few common, a long tail).
 */
const HEAPS_A = 400;
const HEAPS_BETA = 0.6;
const HEAPS_I0 = 20;
/** New names beyond this many per document go into one clause that lists them. */
const NEW_NAMES_IN_TEXT = 8;
const REUSE_ALPHA = 0.9;

export function namesBefore(index: number): number {
  return Math.floor(HEAPS_A * (Math.pow(index + HEAPS_I0, HEAPS_BETA) - Math.pow(HEAPS_I0, HEAPS_BETA)));
}
const TAIL_CHANCE = 0.4;

const PERSON_SYLLABLES = [
  'با', 'تو', 'ري', 'سا', 'لي', 'ما', 'نو', 'كا', 'دي', 'فو', 'زا', 'هي', 'جو', 'بي', 'را', 'مو',
  'سي', 'تا', 'كو', 'لا', 'ني', 'دو', 'فا', 'غي', 'شا', 'يو', 'وا', 'قو', 'طا', 'ثي', 'لو', 'مي',
  'نا', 'ترا', 'بلا', 'كري', 'فرا', 'سو', 'رو', 'ها', 'زي', 'جا', 'بو', 'دا', 'كي', 'غو', 'شي', 'ثا',
];
const PLACE_SYLLABLES = [
  'أر', 'بن', 'تال', 'سور', 'مان', 'كيل', 'دور', 'فال', 'زن', 'هار', 'جان', 'بير', 'رام', 'مور',
  'سين', 'تور', 'كار', 'لان', 'نيم', 'دار', 'فين', 'غار', 'شان', 'يور', 'وال', 'قار', 'طول', 'ثان',
  'لور', 'مير', 'نار', 'ترين', 'بلان', 'كرو', 'فرن', 'سال', 'روس', 'هين', 'زور', 'جيل',
];
const PLACE_ENDINGS = ['يا', 'ستان', 'نيا', 'غوا', 'لاند', 'ريا', 'وني', 'دا'];
const CITY_ENDINGS = ['', 'بور', 'غراد', 'فيل', 'آباد', 'تون', 'ة'];
const LATIN_SYLLABLES = ['ka', 'lo', 'mi', 'ra', 'ven', 'to', 'sa', 'dor', 'li', 'nu', 'be', 'qua', 'zen', 'fi', 'mar', 'tek'];

/** Rank r >= 1 spelled as a syllable string, at least two syllables; distinct ranks, distinct strings. */
function spell(rank: number, syllables: readonly string[]): string {
  let n = rank + syllables.length; // >= B: two or more digits
  let out = '';
  while (n > 0) {
    out += syllables[n % syllables.length];
    n = Math.floor(n / syllables.length);
  }
  return out;
}

export function personName(rank: number): string {
  return spell(rank, PERSON_SYLLABLES);
}
export function placeName(rank: number): string {
  return spell(rank, PLACE_SYLLABLES) + PLACE_ENDINGS[rank % PLACE_ENDINGS.length]!;
}
export function cityName(rank: number): string {
  return spell(rank * 7 + 3, PLACE_SYLLABLES) + CITY_ENDINGS[rank % CITY_ENDINGS.length]!;
}
function latinName(rank: number): string {
  const s = spell(rank, LATIN_SYLLABLES);
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// ---------------------------------------------------------------- fixed vocabularies (facts of UN usage)

const MONTHS = [
  'كانون الثاني/يناير', 'شباط/فبراير', 'آذار/مارس', 'نيسان/أبريل', 'أيار/مايو', 'حزيران/يونيه',
  'تموز/يوليه', 'آب/أغسطس', 'أيلول/سبتمبر', 'تشرين الأول/أكتوبر', 'تشرين الثاني/نوفمبر', 'كانون الأول/ديسمبر',
];
const ENGLISH_MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];
const STATES = [
  'الأرجنتين', 'إسبانيا', 'أستراليا', 'إكوادور', 'ألمانيا', 'إندونيسيا', 'أوروغواي', 'أوكرانيا', 'إيطاليا',
  'البرازيل', 'البرتغال', 'بلجيكا', 'بنما', 'بيرو', 'تايلند', 'تركيا', 'تونس', 'الجزائر', 'جمهورية كوريا',
  'جنوب أفريقيا', 'السلفادور', 'السويد', 'شيلي', 'الصين', 'غواتيمالا', 'الفلبين', 'فرنسا', 'فنلندا', 'كندا',
  'كوستاريكا', 'كولومبيا', 'المغرب', 'المكسيك', 'مصر', 'النرويج', 'النمسا', 'نيجيريا', 'هولندا', 'اليابان',
  'اليونان', 'أندورا', 'رومانيا', 'سان مارينو', 'قطر', 'الأردن', 'لبنان', 'البوسنة والهرسك', 'ترينيداد وتوباغو',
  'باراغواي', 'السنغال', 'غانا', 'كينيا', 'ماليزيا', 'نيبال', 'بولندا', 'سويسرا', 'أيرلندا', 'الهند',
];
const COMMISSIONS = [
  { name: 'لجنة منع الجريمة والعدالة الجنائية', symbol: 'E/CN.15', city: 'فيينا' },
  { name: 'لجنة المخدرات', symbol: 'E/CN.7', city: 'فيينا' },
  { name: 'لجنة وضع المرأة', symbol: 'E/CN.6', city: 'نيويورك' },
  { name: 'لجنة التنمية الاجتماعية', symbol: 'E/CN.5', city: 'نيويورك' },
];
const GA_COMMITTEES = ['اللجنة الثالثة', 'اللجنة السادسة', 'اللجنة الثانية'];
const UNITS = ['', 'الحادية', 'الثانية', 'الثالثة', 'الرابعة', 'الخامسة', 'السادسة', 'السابعة', 'الثامنة', 'التاسعة'];
const TENS: Record<number, string> = { 2: 'العشرون', 3: 'الثلاثون', 4: 'الأربعون', 5: 'الخمسون', 6: 'الستون', 7: 'السبعون' };
const CHAPTERS = ['أولاً', 'ثانياً', 'ثالثاً', 'رابعاً', 'خامساً', 'سادساً'];
const SECTIONS = ['ألف', 'باء', 'جيم', 'دال', 'هاء', 'واو'];
const ITEM_LABELS = ['أ', 'ب', 'ج', 'د', 'هـ', 'و', 'ز', 'ح', 'ط', 'ي'];
const TOPICS = [
  'التعاون الدولي على مكافحة الاتجار بالأشخاص',
  'حماية الأطفال من الاستغلال الجنسي عبر الإنترنت',
  'تنفيذ خطة عمل الأمم المتحدة العالمية لمكافحة الاتجار بالأشخاص',
  'تدابير العدالة الجنائية لمنع الجريمة المنظمة عبر الوطنية',
  'مكافحة تهريب المهاجرين عن طريق البر والبحر والجو',
  'مساعدة ضحايا الاتجار بالأشخاص وحمايتهم',
  'التصدي للاستغلال الإجرامي لتكنولوجيات المعلومات والاتصالات',
  'تعزيز التعاون الإقليمي في مجال منع الجريمة والعدالة الجنائية',
  'منع الاتجار بالأشخاص لغرض نزع الأعضاء',
  'مكافحة الاتجار بالأشخاص في سلاسل الإمداد',
];
const TITLE_HEADS = ['تعزيز', 'تحسين', 'دعم', 'تدعيم', 'توطيد', 'تنسيق'];
const REGIONS = ['أفريقيا', 'آسيا والمحيط الهادئ', 'أمريكا اللاتينية والبحر الكاريبي', 'أوروبا الشرقية', 'غرب آسيا'];

// ---------------------------------------------------------------- digits

const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';
const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const LATIN_LETTER = /[A-Za-z]/;

function indic(text: string): string {
  return text.replace(/[0-9]/g, (d) => ARABIC_INDIC[Number(d)]!);
}

/** ASCII digits to Arabic-Indic in every space-separated token that holds no Latin letter (symbols stay as printed). */
export function arabicDigits(text: string): string {
  return text
    .split(' ')
    .map((token) => (LATIN_LETTER.test(token) ? token : indic(token)))
    .join(' ');
}

/** Arabic-Indic digits to ASCII (seed clauses printed the other way). */
function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x660));
}

// ---------------------------------------------------------------- seed pools

type Gender = 'f' | 'm';

interface PoolClause {
  /** Text before the first item (or the whole clause). */
  intro: string;
  lead: string | null;
  items: Array<{ label: string; text: string }>;
  footnotes: string[];
}

export interface SeedPools {
  preamble: Record<Gender, PoolClause[]>;
  operative: Record<Gender, PoolClause[]>;
  paragraphs: PoolClause[];
  recommendations: PoolClause[];
  sections: string[];
  titles: string[];
  footnotes: string[];
}

function poolClause(clause: Clause, doc: UnresDocument): PoolClause {
  let intro = clause.text;
  let items = clause.items;
  if (items.length > 0) {
    const at = clause.text.indexOf(`(${items[0]!.label})`);
    if (at > 0) intro = clause.text.slice(0, at).trim();
    else items = [];
  }
  const footnotes = clause.footnotes
    .map((n) => doc.footnotes.find((f) => f.number === n)?.text)
    .filter((t): t is string => t !== undefined && t.length > 0);
  return { intro: asciiDigits(intro), lead: clause.lead, items: items.map((i) => ({ label: i.label, text: asciiDigits(i.text) })), footnotes: footnotes.map(asciiDigits) };
}

/** Which grammatical gender the organ of a resolution takes (its verbs agree with it). */
function genderOf(doc: UnresDocument): Gender {
  const first = doc.clauses.find((c) => c.kind === 'preamble');
  const verb = first?.text.replace(/^و?[إا]ذ\s+/, '') ?? '';
  return verb.startsWith('ت') ? 'f' : 'm';
}

export function defaultSeedsDir(): string {
  // dist/scripts/bench/corpus.js or scripts/bench/corpus.ts -> repository root.
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    try {
      if (readdirSync(join(dir, 'seeds')).some((f) => f.endsWith('.txt'))) return join(dir, 'seeds');
    } catch {
      // not here
    }
    dir = dirname(dir);
  }
  return resolve('seeds');
}

export function loadSeedPools(seedsDir = defaultSeedsDir()): SeedPools {
  const pools: SeedPools = {
    preamble: { f: [], m: [] },
    operative: { f: [], m: [] },
    paragraphs: [],
    recommendations: [],
    sections: [],
    titles: [],
    footnotes: [],
  };
  const files = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort();
  for (const file of files) {
    const doc = parseBytes(readFileSync(join(seedsDir, file)), file);
    const gender = genderOf(doc);
    if (doc.title) pools.titles.push(doc.title);
    for (const fn of doc.footnotes) if (fn.text.length > 0) pools.footnotes.push(asciiDigits(fn.text));
    for (const clause of doc.clauses) {
      const pc = poolClause(clause, doc);
      if (pc.intro.length < 20) continue;
      if (clause.kind === 'preamble') pools.preamble[gender].push(pc);
      else if (clause.kind === 'operative') pools.operative[gender].push(pc);
      else if (clause.kind === 'recommendation') pools.recommendations.push(pc);
      else if (clause.kind === 'paragraph') pools.paragraphs.push(pc);
      const section = clause.section && /^(?:ألف|باء|جيم|دال|هاء)\s*-/.test(clause.section) ? clause.section.replace(/^\S+\s*-\s*/, '') : null;
      if (section && !pools.sections.includes(section)) pools.sections.push(section);
    }
  }
  return pools;
}

// ---------------------------------------------------------------- one document

export type Family = 'ecosoc' | 'ga' | 'draft' | 'cop' | 'report';

export interface GeneratedDocument {
  name: string;
  text: string;
  family: Family;
  /** What the parser should find: clause counts by kind and footnote bodies. */
  expected: { preamble: number; operative: number; paragraph: number; recommendation: number; footnotes: number };
}

interface Style {
  digits: 'arabic' | 'ascii';
  opLabel: (n: number) => string;
  boldLead: boolean;
  marker: (n: number) => string;
}

const STYLES: Record<Family, Style> = {
  ecosoc: { digits: 'arabic', opLabel: (n) => `${n} - `, boldLead: true, marker: (n) => `^(${n})` },
  ga: { digits: 'ascii', opLabel: (n) => `${n} - `, boldLead: false, marker: (n) => `^(${n})` },
  draft: { digits: 'arabic', opLabel: (n) => `${n}- `, boldLead: false, marker: (n) => `^(${n})` },
  cop: {
    digits: 'ascii',
    opLabel: (n) => `${n}- `,
    boldLead: false,
    marker: (n) => `⁽${String(n).replace(/[0-9]/g, (d) => SUPERSCRIPT[Number(d)]!)}⁾`,
  },
  report: { digits: 'ascii', opLabel: (n) => `- ${n}- `, boldLead: false, marker: (n) => `^(${n})` },
};

/** Words a continuation line must not start with (they would open something). */
const OPENER_WORDS = /^(?:و?[إا]ذ|و?لما|و?حيث|إن|ان|التوصية|توصية|المادة|مادة|المرفق|مرفق|يوصي|توصي|الجلسة|جلسة)$/;
const HEADING_WORDS = new Set([...CHAPTERS, ...SECTIONS, 'أولا', 'ثانيا', 'ثالثا', 'رابعا', 'خامسا', 'سادسا']);
const PUNCTUATION_END = /[.،,؛;:!?؟"'»)\]]$/;

class DocumentWriter {
  private readonly out: string[] = [];
  private footnoteCount = 0;
  private sincePage = 0;
  readonly expected = { preamble: 0, operative: 0, paragraph: 0, recommendation: 0, footnotes: 0 };

  constructor(
    private readonly rng: Rng,
    private readonly style: Style,
    private readonly jobYear: number,
    private readonly pools: SeedPools,
  ) {}

  get boldLead(): boolean {
    return this.style.boldLead;
  }

  opLabel(n: number): string {
    return this.style.opLabel(n);
  }

  /** Arabic-script text in the document's digits. */
  d(text: string): string {
    return this.style.digits === 'arabic' ? arabicDigits(text) : text;
  }

  raw(text: string): void {
    this.out.push(text);
  }

  line(text: string): void {
    this.out.push(text + '\n\n');
  }

  /** Page furniture: "please recycle", job number, sometimes a page number. */
  private furniture(): string {
    const job = `${String(this.jobYear).padStart(2, '0')}-${String(this.rng.int(10000, 99999))} (A)`;
    const parts = ['\n', 'الرجاء إعادة الاستعمال', '', job];
    if (this.rng.chance(0.5)) parts.push('', String(this.rng.int(2, 40)));
    return parts.join('\n') + '\n\n\n\n';
  }

  /**
   * One clause line (label + text + footnote markers), its footnote bodies after
   * it, items on their own lines; every few clauses a page break, sometimes
   * inside the clause.
   */
  clause(label: string, text: string, items: Array<{ label: string; text: string }>, footnotes: string[], itemDash = false): void {
    let body = this.d(text);
    const numbers = footnotes.map(() => ++this.footnoteCount);
    if (numbers.length > 0) body = this.placeMarkers(body, numbers);
    // A page break inside the clause: the parser must join the halves.
    let first = label + body;
    let second: string | null = null;
    this.sincePage++;
    const pageBreak = this.sincePage >= this.rng.int(4, 9);
    if (pageBreak && items.length === 0 && this.rng.chance(0.4)) {
      const cut = this.splitPoint(first);
      if (cut > 0) {
        second = first.slice(cut + 1);
        first = first.slice(0, cut);
      }
    }
    this.line(first);
    if (second !== null) {
      this.raw(this.furniture());
      this.line(second);
      this.sincePage = 0;
    }
    numbers.forEach((n, k) => this.line(this.d(`(${n}) ${footnotes[k]!}`)));
    this.expected.footnotes += numbers.length;
    for (const item of items) this.line(`${itemDash ? '- ' : ''}(${item.label}) ${this.d(item.text)}`);
    if (pageBreak && second === null) {
      this.raw(this.furniture());
      this.sincePage = 0;
    }
  }

  private placeMarkers(text: string, numbers: number[]): string {
    const commas: number[] = [];
    for (let i = 0; i < text.length; i++) if (text[i] === '،' && i > 20) commas.push(i);
    const spots = this.rng.sample(commas, numbers.length).sort((a, b) => a - b);
    let out = text;
    // From the end, so earlier offsets stay valid; the marker stands after the comma.
    const markers = numbers.map((n) => this.d(this.style.marker(n)));
    for (let k = numbers.length - 1; k >= 0; k--) {
      const at = k < spots.length ? spots[k]! + 1 : out.length;
      out = out.slice(0, at) + markers[k] + out.slice(at);
    }
    // Markers with no comma to stand after go at the very end, in order.
    return out;
  }

  /** A space in the middle third of the line where a page may break without opening anything. */
  private splitPoint(line: string): number {
    const lo = Math.floor(line.length / 3);
    const hi = Math.floor((line.length * 2) / 3);
    for (let tries = 0; tries < 12; tries++) {
      const at = line.indexOf(' ', this.rng.int(lo, hi));
      if (at < 0 || at > hi) continue;
      const before = line.slice(0, at);
      const next = line.slice(at + 1).split(' ', 1)[0] ?? '';
      if (PUNCTUATION_END.test(before) || /[\^⁾)]$/.test(before)) continue;
      if (!/^[\u0621-\u064a]{2,}$/.test(next) || OPENER_WORDS.test(next) || HEADING_WORDS.has(next)) continue;
      return at;
    }
    return -1;
  }

  extraFootnote(): string {
    return this.rng.pick(this.pools.footnotes);
  }

  text(): string {
    return this.out.join('').replace(/\n{5,}/g, '\n\n\n\n').trimEnd() + '\n';
  }
}

/** One generated document: everything drawn from a stream seeded by (seed, index). */
export class CorpusGenerator {
  constructor(
    private readonly pools: SeedPools,
    private readonly seed: number,
  ) {}

  document(index: number): GeneratedDocument {
    const rng = new Rng(streamSeed(this.seed, index));
    const roll = rng.float();
    const family: Family = roll < 0.3 ? 'ecosoc' : roll < 0.55 ? 'ga' : roll < 0.75 ? 'draft' : roll < 0.85 ? 'cop' : 'report';
    const ctx = new Vocabulary(rng, index);
    const year = 1998 + (index % 25);
    const w = new DocumentWriter(rng, STYLES[family], year % 100, this.pools);
    switch (family) {
      case 'ecosoc':
        this.ecosoc(index, year, rng, ctx, w);
        break;
      case 'ga':
        this.ga(index, year, rng, ctx, w);
        break;
      case 'draft':
        this.draft(index, year, rng, ctx, w);
        break;
      case 'cop':
        this.cop(year, rng, ctx, w);
        break;
      case 'report':
        this.report(index, year, rng, ctx, w);
        break;
    }
    return { name: `${String(index).padStart(5, '0')}_${family}.txt`, text: w.text(), family, expected: w.expected };
  }

  // ---------------------------------------------------- families

  private ecosoc(index: number, year: number, rng: Rng, v: Vocabulary, w: DocumentWriter): void {
    // ECOSOC numbers its resolutions within the year; (index % 25, index / 25) is unique per document.
    const number = 1 + Math.floor(index / 25);
    const adopted = v.date(year);
    const commission = rng.pick(COMMISSIONS);
    const recommendsGa = rng.chance(0.3);
    w.raw('\n\n');
    w.raw(`Distr.: General\n${v.englishDate(year)}\n\n`);
    w.line('المجلس الاقتصادي والاجتماعي');
    w.raw('\n');
    w.raw(w.d(`دورة عام ${year}`) + '\n');
    w.line(w.d(`البند ${rng.int(1, 25)}${rng.chance(0.5) ? ` (${rng.pick(ITEM_LABELS.slice(0, 6))})` : ''} من جدول الأعمال`));
    w.line(w.d(`قرار اتخذه المجلس الاقتصادي والاجتماعي في ${adopted}`));
    w.line(w.d(`[بناء على توصية ${commission.name} (E/${year}/${rng.int(10, 40)})]`));
    w.line(w.d(`${number}/${year} - ${v.title(this.pools)}`));
    if (recommendsGa) {
      w.line('إن المجلس الاقتصادي والاجتماعي');
      w.line('يوصي الجمعية العامة باعتماد القرار التالي:');
      w.line('إن الجمعية العامة،');
    } else {
      w.line('إن المجلس الاقتصادي والاجتماعي،');
    }
    const gender: Gender = recommendsGa ? 'f' : 'm';
    this.resolutionBody(gender, rng, v, w, recommendsGa ? 'الجمعية العامة' : 'المجلس');
    w.line(w.d(`الجلسة العامة ${rng.int(10, 60)}`));
    w.raw(w.d(adopted) + '\n');
  }

  private ga(index: number, year: number, rng: Rng, v: Vocabulary, w: DocumentWriter): void {
    // One session per year from 1946; resolution numbers above 100 are never read as sessions.
    const session = year - 1945;
    const number = 101 + Math.floor(index / 25);
    const adopted = v.date(year);
    w.raw('\n');
    w.line('الأمم المتحدة');
    w.line(`A/RES/${session}/${number}`);
    w.line('الجمعية العامة');
    w.line(`Distr.: General\n${v.englishDate(year + (rng.chance(0.5) ? 1 : 0))}`);
    w.raw(`الدورة ${ordinal(session)}\n`);
    w.line(`البند ${rng.int(10, 150)} من جدول الأعمال`);
    w.line(`قرار اتخذته الجمعية العامة في ${adopted}`);
    w.line(`[بناء على تقرير ${rng.pick(GA_COMMITTEES)} (A/${session}/${rng.int(400, 650)})]`);
    w.line(`${number}/${session} - ${v.title(this.pools)}`);
    w.line('إن الجمعية العامة،');
    this.resolutionBody('f', rng, v, w, 'الجمعية العامة');
    w.raw(`الجلسة العامة ${rng.int(40, 80)}\n${adopted}\n`);
  }

  private draft(index: number, year: number, rng: Rng, v: Vocabulary, w: DocumentWriter): void {
    const commission = rng.pick(COMMISSIONS);
    const first = rng.int(1, 20);
    const session = year - 1991;
    const sponsors = rng.sample(STATES, rng.int(1, 7));
    const sponsorList = sponsors.length === 1 ? sponsors[0]! : `${sponsors.slice(0, -1).join(' و')} و${sponsors[sponsors.length - 1]!}`;
    w.raw('\n\n');
    w.raw(`Distr.: Limited\n${v.englishDate(year)}\nArabic\nOriginal: English\n\n`);
    w.line(`${commission.symbol}/${year}/L.${1 + Math.floor(index / 25)}`);
    w.line('المجلس الاقتصادي والاجتماعي');
    w.raw('\n\n');
    w.line(commission.name);
    w.line(`الدورة ${ordinal(session)}`);
    w.line(w.d(`${rng.chance(0.8) ? commission.city : v.city()}، ${first}-${first + 4} ${rng.pick(MONTHS)} ${year}`));
    w.line(w.d(`البند ${rng.int(3, 12)} من جدول الأعمال`));
    w.line(`${rng.pick(TITLE_HEADS)} جهود الدول الأعضاء وتنسيقها`);
    w.line(`في مجال ${rng.pick(TOPICS)}`);
    w.line(`${sponsorList}: مشروع قرار${rng.chance(0.3) ? ' منقح' : ''}`);
    w.line(w.d(v.title(this.pools)));
    w.line(`إن ${commission.name}،`);
    this.resolutionBody('f', rng, v, w, 'اللجنة');
  }

  private cop(year: number, rng: Rng, v: Vocabulary, w: DocumentWriter): void {
    w.raw('\n\n');
    w.line(v.title(this.pools));
    w.line('إن مؤتمر الأطراف في اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية،');
    void year;
    this.resolutionBody('m', rng, v, w, 'المؤتمر');
  }

  private report(index: number, year: number, rng: Rng, v: Vocabulary, w: DocumentWriter): void {
    const group = rng.chance(0.5) ? 'الفريق العامل المعني بالاتجار بالأشخاص' : 'الفريق العامل المعني بتهريب المهاجرين';
    const city = rng.chance(0.7) ? 'فيينا' : v.city();
    const day = rng.int(1, 26);
    const month = rng.pick(MONTHS);
    const wg = 4 + (index % 3);
    w.raw('\n\n');
    w.raw(`Distr.: General\n${v.englishDate(year)}\nArabic\nOriginal: English\n\n`);
    w.line(`CTOC/COP/WG.${wg}/${year}/${1 + Math.floor(index / 75)}`);
    w.line('مؤتمر الأطراف في اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية');
    w.raw('\n\n');
    w.line(`تقرير عن اجتماع ${group} المعقود في ${city} يومي ${day} و${day + 1} ${month} ${year}`);
    let para = 0;
    const paragraph = (text: string, footnotes: string[] = []): void => {
      w.clause(w.d(`- ${++para}- `), text, [], footnotes);
      w.expected.paragraph++;
    };
    const paras = rng.sample(this.pools.paragraphs, rng.int(12, 36));
    let p = 0;
    const takeParas = (n: number): void => {
      for (let k = 0; k < n && p < paras.length; k++, p++) {
        const pc = paras[p]!;
        paragraph(v.tail(end(pc.intro, '.'), '.'), rng.chance(0.1) ? [w.extraFootnote()] : []);
      }
    };

    w.line(`${CHAPTERS[0]} - مقدمة`);
    takeParas(rng.int(2, 4));
    const surplus = v.surplus();
    if (surplus.length > 0) paragraph(`وحضر الاجتماع أيضاً مراقبون عن ${listOf(surplus.map(placeName))}.`);
    paragraph(v.reportSentence());

    w.line(`${CHAPTERS[1]} - التوصيات`);
    paragraph(`اعتمد ${group}، في اجتماعه المعقود في ${city} يومي ${day} و${day + 1} ${month} ${year}، التوصيات الواردة أدناه.`);
    const recs = rng.sample(this.pools.recommendations, rng.int(4, 12));
    const sections = rng.sample(this.pools.sections.length > 0 ? this.pools.sections : TOPICS, 2);
    let rec = 0;
    recs.forEach((pc, k) => {
      if (k === 0 || k === Math.ceil(recs.length / 2)) w.line(`${SECTIONS[k === 0 ? 0 : 1]} - ${sections[k === 0 ? 0 : 1] ?? rng.pick(TOPICS)}`);
      w.line(`التوصية ${++rec}`);
      const items = pc.items.map((it, n) => ({ label: it.label, text: n === pc.items.length - 1 ? end(it.text, '.') : end(it.text, '؛') }));
      w.clause('', pc.items.length > 0 ? pc.intro : v.tail(end(pc.intro, '.'), '.'), items, [], rng.chance(0.5));
      w.expected.recommendation++;
      if (rng.chance(0.3)) {
        w.line(`التوصية ${++rec}`);
        w.clause('', v.recommendation(), [], []);
        w.expected.recommendation++;
      }
    });

    w.line(`${CHAPTERS[2]} - ملخص المداولات`);
    takeParas(rng.int(4, 14));
    for (let k = rng.int(1, 4); k > 0; k--) paragraph(v.reportSentence());
    takeParas(rng.int(2, 10));

    w.line(`${CHAPTERS[3]} - المسائل التنظيمية`);
    w.line(`${SECTIONS[0]} - افتتاح الاجتماع`);
    paragraph(v.reportSentence());
    w.line(`${SECTIONS[1]} - الحضور`);
    paragraph(`حضر الاجتماع ممثلو الدول الأطراف التالية: ${rng.sample(STATES, rng.int(6, 20)).join('، ')}، و${v.place()}.`);
    paragraph(v.reportSentence());
    takeParas(rng.int(0, 6));

    w.line(`${CHAPTERS[4]} - اعتماد التقرير`);
    paragraph(`في ${day + 1} ${month} ${year}، اعتمد الفريق العامل في جلسته ${ordinalMeeting(rng.int(2, 6))} هذا التقرير.`);
  }

  /** Preamble and operative clauses for a resolution or draft, recombined and renumbered. */
  private resolutionBody(gender: Gender, rng: Rng, v: Vocabulary, w: DocumentWriter, organ: string): void {
    const preamble = rng.sample(this.pools.preamble[gender], rng.int(4, 15)).map((pc) => ({ pc, made: null as string | null }));
    for (let k = rng.int(1, 4); k > 0; k--) preamble.splice(rng.int(0, preamble.length), 0, { pc: null as unknown as PoolClause, made: v.preamble(gender) });
    const surplus = v.surplus();
    if (surplus.length > 0) {
      const verb = gender === 'f' ? 'ترحب' : 'يرحب';
      const made = `وإذ ${verb} بمشاركة ممثلي ${listOf(surplus.map(placeName))} في أعمال ${organ}،`;
      preamble.splice(rng.int(1, preamble.length), 0, { pc: null as unknown as PoolClause, made });
    }
    preamble.forEach(({ pc, made }, k) => {
      const text = made ?? pc.intro;
      let clause = text.replace(/^و?[إا]ذ(?=\s)/, k === 0 ? 'إذ' : 'وإذ');
      if (!/^و?[إا]ذ\s/.test(clause)) clause = (k === 0 ? 'إذ ' : 'وإذ ') + clause;
      const hasItems = pc !== null && pc.items.length > 0;
      const items = hasItems ? pc.items.map((it) => ({ label: it.label, text: end(it.text, '،') })) : [];
      const footnotes = pc !== null ? pc.footnotes : rng.chance(0.3) ? [w.extraFootnote()] : [];
      w.clause('', hasItems ? clause : v.tail(end(clause, '،'), '،'), items, footnotes);
      w.expected.preamble++;
    });

    const operative = rng.sample(this.pools.operative[gender], rng.int(4, 18)).map((pc) => ({ pc, made: null as string | null }));
    for (let k = rng.int(1, 4); k > 0; k--) operative.splice(rng.int(0, operative.length), 0, { pc: null as unknown as PoolClause, made: v.operative(gender, organ) });
    operative.forEach(({ pc, made }, k) => {
      const last = k === operative.length - 1;
      const stop = last ? '.' : '؛';
      const lead = pc?.lead ?? null;
      let text = made ?? pc.intro;
      const hasItems = pc !== null && pc.items.length > 0;
      if (!hasItems) text = v.tail(end(text, stop), stop);
      if (w.boldLead && lead !== null && text.startsWith(lead)) text = `**${lead}**${text.slice(lead.length)}`;
      else if (w.boldLead && made !== null) text = text.replace(/^(\S+)/, '**$1**');
      const items = hasItems ? pc.items.map((it, n) => ({ label: it.label, text: end(it.text, n === pc.items.length - 1 ? stop : '؛') })) : [];
      const footnotes = pc !== null ? pc.footnotes : [];
      w.clause(w.d(w.opLabel(k + 1)), text, items, footnotes);
      w.expected.operative++;
    });
  }
}

/** "أ وب وج" for a list of names. */
function listOf(names: string[]): string {
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join('، و')} و${names[names.length - 1]!}`;
}

/** Text ending in exactly `stop` (a seed clause's own final punctuation replaced). */
function end(text: string, stop: string): string {
  return text.replace(/[\s.،,؛;:]+$/, '') + stop;
}

function ordinal(n: number): string {
  const unit = UNITS[n % 10]!;
  const ten = TENS[Math.floor(n / 10)];
  if (ten === undefined) return unit || 'الأولى';
  return unit === '' ? ten : `${unit} و${ten}`;
}

function ordinalMeeting(n: number): string {
  return ['', 'الأولى', 'الثانية', 'الثالثة', 'الرابعة', 'الخامسة', 'السادسة'][n] ?? 'الأخيرة';
}

/** The new tokens of one document: names by Zipf rank, numbers, symbols, dates. */
class Vocabulary {
  /** Name ranks this document introduces, not yet printed. */
  private readonly fresh: number[] = [];
  private readonly known: number;

  constructor(
    private readonly rng: Rng,
    index: number,
  ) {
    this.known = namesBefore(index);
    for (let r = this.known + 1; r <= namesBefore(index + 1); r++) this.fresh.push(r);
  }

  /** A new name while this document has some left, else an old one by Zipf rank. */
  private rank(): number {
    const fresh = this.fresh.shift();
    if (fresh !== undefined) return fresh;
    const r = this.rng.zipfRank(REUSE_ALPHA);
    return this.known > 0 ? 1 + ((r - 1) % this.known) : r;
  }

  /** New names past the few the text will print anyway: for a clause that lists them. */
  surplus(): number[] {
    return this.fresh.length > NEW_NAMES_IN_TEXT ? this.fresh.splice(0, this.fresh.length - NEW_NAMES_IN_TEXT) : [];
  }

  person(): string {
    return `${personName(this.rank())} ${personName(this.rank())}`;
  }
  place(): string {
    return placeName(this.rank());
  }
  city(): string {
    return cityName(this.rank());
  }
  project(): string {
    return latinName(this.rank());
  }
  date(year: number): string {
    return `${this.rng.int(1, 28)} ${this.rng.pick(MONTHS)} ${year}`;
  }
  englishDate(year: number): string {
    return `${this.rng.int(1, 28)} ${this.rng.pick(ENGLISH_MONTHS)} ${year}`;
  }
  /** A GA citation "number/session" as printed in Arabic texts. */
  citation(): string {
    return `${this.rng.int(101, 300)}/${this.rng.int(40, 78)}`;
  }
  amount(): string {
    return String(this.rng.int(1, 900) * 1000 + this.rng.int(0, 999));
  }
  title(pools: SeedPools): string {
    const base = this.rng.chance(0.3) ? this.rng.pick(pools.titles) : `${this.rng.pick(TITLE_HEADS)} ${this.rng.pick(TOPICS)}`;
    const r = this.rng.float();
    if (r < 0.3) return `${base} في ${this.place()}`;
    if (r < 0.45) return `${base}، بما في ذلك في منطقة ${this.rng.pick(REGIONS)}`;
    return base;
  }
  /** Sometimes a new phrase before the clause's final punctuation. */
  tail(text: string, stop: string): string {
    if (!this.rng.chance(TAIL_CHANCE)) return text;
    const body = text.slice(0, text.length - stop.length);
    const r = this.rng.float();
    const phrase =
      r < 0.4 ? `، بما في ذلك في ${this.place()}` : r < 0.7 ? `، على غرار التجربة المنفذة في ${this.city()}` : `، وفقاً للقرار ${this.citation()}`;
    return body + phrase + stop;
  }

  preamble(g: Gender): string {
    const f = g === 'f';
    const v = (fem: string, masc: string): string => (f ? fem : masc);
    const year = this.rng.int(1995, 2022);
    switch (this.rng.int(0, 5)) {
      case 0:
        return `وإذ ${v('تشير', 'يشير')} إلى قرار الجمعية العامة ${this.citation()} المؤرخ ${this.date(year)}، المعنون "${this.rng.pick(TITLE_HEADS)} ${this.rng.pick(TOPICS)}"،`;
      case 1:
        return `وإذ ${v('ترحب', 'يرحب')} بالمبادرة التي اتخذتها حكومة ${this.place()} لاستضافة اجتماع فريق الخبراء في ${this.city()} في الفترة من ${this.rng.int(1, 14)} إلى ${this.rng.int(15, 28)} ${this.rng.pick(MONTHS)} ${year}،`;
      case 2:
        return `وإذ ${v('تحيط', 'يحيط')} علماً بتقرير المقرر الخاص المعني بالاتجار بالأشخاص، ولا سيما النساء والأطفال، السيد ${this.person()}، عن زيارته إلى ${this.place()} (A/HRC/${this.rng.int(20, 50)}/${this.rng.int(20, 60)}/Add.${this.rng.int(1, 4)})،`;
      case 3:
        return `وإذ ${v('تلاحظ', 'يلاحظ')} مع القلق أن عدد ضحايا الاتجار بالأشخاص الذين جرى التعرف عليهم في ${this.place()} و${this.place()} بلغ ${this.rng.int(120, 98000)} ضحية في عام ${year}،`;
      case 4:
        return `وإذ ${v('تشير', 'يشير')} إلى إعلان ${this.city()} بشأن ${this.rng.pick(TOPICS)}، الذي اعتمد في ${this.date(year)}،`;
      default:
        return `وإذ ${v('تعرب', 'يعرب')} عن ${v('تقديرها', 'تقديره')} للعمل الذي ${v('اضطلعت', 'اضطلع')} به السيدة ${this.person()}، رئيسة فريق الخبراء الحكومي الدولي المعني بـ${this.rng.pick(TOPICS)}،`;
    }
  }

  operative(g: Gender, organ: string): string {
    const f = g === 'f';
    const v = (fem: string, masc: string): string => (f ? fem : masc);
    const year = this.rng.int(2000, 2025);
    switch (this.rng.int(0, 5)) {
      case 0:
        return `${v('تطلب', 'يطلب')} إلى الأمين العام أن يقدم إلى ${organ} في ${v('دورتها', 'دورته')} ${ordinal(this.rng.int(21, 79))} تقريراً عن تنفيذ هذا القرار، بما في ذلك عن المشاريع المنفذة في ${this.place()} و${this.place()}؛`;
      case 1:
        return `${v('ترحب', 'يرحب')} بالتبرع البالغ ${this.amount()} دولار الذي قدمته حكومة ${this.place()} إلى صندوق الأمم المتحدة الاستئماني للتبرعات لضحايا الاتجار بالأشخاص، وبخاصة النساء والأطفال؛`;
      case 2:
        return `${v('تدعو', 'يدعو')} الدول الأعضاء إلى المشاركة في المؤتمر الدولي المزمع عقده في ${this.city()} (${this.place()}) يومي ${this.rng.int(1, 20)} و${this.rng.int(21, 28)} ${this.rng.pick(MONTHS)} ${year}؛`;
      case 3:
        return `${v('تعرب', 'يعرب')} عن ${v('تقديرها', 'تقديره')} لحكومة ${this.place()} على استضافتها حلقة العمل الإقليمية بشأن ${this.rng.pick(TOPICS)} برئاسة السيدة ${this.person()}؛`;
      case 4:
        return `${v('تقرر', 'يقرر')} أن ${v('تنظر', 'ينظر')} في هذه المسألة في ${v('دورتها', 'دورته')} ${ordinal(this.rng.int(21, 79))}، في إطار البند ${this.rng.int(3, 140)} من جدول الأعمال، ${v('وتطلب', 'ويطلب')} إلى الأمانة أن تتيح الوثيقة ${this.rng.pick(['E/CN.15', 'E/CN.7', 'A/HRC'])}/${year}/${this.rng.int(2, 30)}؛`;
      default:
        return `${v('تحث', 'يحث')} الدول الأعضاء على دعم مشروع ${this.project()} الذي ينفذه مكتب الأمم المتحدة المعني بالمخدرات والجريمة في ${this.place()} منذ عام ${year}؛`;
    }
  }

  reportSentence(): string {
    switch (this.rng.int(0, 4)) {
      case 0:
        return `وعرض السيد ${this.person()} (${this.place()}) تجربة بلده في التصدي للاتجار بالأشخاص في منطقة ${this.rng.pick(REGIONS)}، مشيراً إلى أن السلطات حددت ${this.rng.int(12, 9800)} حالة منذ عام ${this.rng.int(2005, 2020)}.`;
      case 1:
        return `وأدلى ببيانات ممثلو ${this.place()} و${this.place()} و${this.place()}، وكذلك ممثل منظمة ${this.person()} غير الحكومية.`;
      case 2:
        return `وترأست الاجتماع السيدة ${this.person()} (${this.place()})، وانتخب السيد ${this.person()} (${this.place()}) نائباً للرئيس.`;
      case 3:
        return `وقدمت السيدة ${this.person()} مشروع ${this.project()} (${this.rng.int(2010, 2020)}-${this.rng.int(2021, 2030)})، الذي يكافح الاتجار بالأطفال في ${this.city()}.`;
      default:
        return `وأشار أحد المتكلمين إلى الوثيقة CTOC/COP/WG.${this.rng.int(2, 7)}/${this.rng.int(2009, 2023)}/${this.rng.int(1, 9)}، وإلى أن ${this.rng.int(3, 180)} دولة قد أبلغت عن تدابير في هذا الشأن.`;
    }
  }

  recommendation(): string {
    return `ينبغي للدول الأطراف أن تنظر في ${this.rng.pick(TITLE_HEADS)} ${this.rng.pick(TOPICS)}، على غرار التجربة المنفذة في ${this.place()}، وأن تخصص لذلك ما لا يقل عن ${this.rng.int(2, 40)} في المائة من الموارد الوطنية المتاحة.`;
  }
}

// ---------------------------------------------------------------- corpus on disk

export interface CorpusStats {
  files: number;
  bytes: number;
}

/** Write documents [start, start + count) of the corpus for `seed` into `dir` (flat). */
export function writeCorpus(dir: string, seed: number, count: number, start = 0, pools = loadSeedPools()): CorpusStats & { names: string[] } {
  mkdirSync(dir, { recursive: true });
  const generator = new CorpusGenerator(pools, seed);
  let bytes = 0;
  const names: string[] = [];
  for (let i = start; i < start + count; i++) {
    const doc = generator.document(i);
    const data = Buffer.from(doc.text, 'utf8');
    writeFileSync(join(dir, doc.name), data);
    bytes += data.length;
    names.push(doc.name);
  }
  return { files: count, bytes, names };
}
