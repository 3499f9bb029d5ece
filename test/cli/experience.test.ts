// The command line as people use it, end to end through bin/unres.js (issue
// 14): grouped results, counts, context, filters, the summary line, colour
// choice, paging, completion; control characters from documents never reaching
// the terminal (issue 11, item 10); and, under a real pseudo-terminal (util-linux
// `script`) at 80 and 120 columns, word-boundary wrapping, grouping and the
// right-aligned --shape output.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/render/width.js';
import { BIN, buildPackage, removePackage, ROOT, SEEDS, unres, type RunResult } from './run-bin.js';

let scratch: string;
let index: string;

const inIndex = (args: string[], env: NodeJS.ProcessEnv = {}) => unres([...args, '--index', index], { home: scratch, env });
interface Hit {
  doc: string;
  clause: string;
  kind: string;
  title: string | null;
  text: string;
}
/** The hits as JSON; every hit unless the arguments give a --limit. */
const jsonHits = async (args: string[]) => JSON.parse((await inIndex([...args, '--json', ...(args.includes('--limit') ? [] : ['--limit', '500'])])).stdout) as Hit[];
const SUMMARY = /^(\d+) clauses? in (\d+) documents? \(\d+\.\d\d s\)/;

const hasScript = (() => {
  try {
    execFileSync('script', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Runs unres under a pseudo-terminal of the given size; returns what it drew, lines ending in \n. */
function onTerminal(args: string[], options: { columns: number; rows?: number; env?: NodeJS.ProcessEnv }): string {
  const quote = (a: string) => `'${a.replace(/'/g, `'\\''`)}'`;
  const command = `stty cols ${options.columns} rows ${options.rows ?? 200}; exec ${[process.execPath, BIN, ...args].map(quote).join(' ')}`;
  return execFileSync('script', ['-qec', command, '/dev/null'], {
    env: { PATH: process.env.PATH, HOME: scratch, LANG: 'C.UTF-8', TERM: 'xterm', ...options.env },
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  }).replace(/\r\n/g, '\n');
}

beforeAll(async () => {
  await buildPackage();
  scratch = mkdtempSync(join(tmpdir(), 'unres-experience-'));
  index = join(scratch, 'index');
  const ingested = await unres(['ingest', SEEDS, '--index', index], { home: scratch });
  expect(ingested.code).toBe(0);
}, 180_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  removePackage();
});

describe('first contact, through bin/unres.js', () => {
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

  it('unres alone prints the help: exit 2 on stderr in a script, exit 0 on stdout at a terminal', async () => {
    const inScript = await unres([], { home: scratch });
    expect(inScript.code).toBe(2);
    expect(inScript.stdout).toBe('');
    expect(inScript.stderr).toMatch(/^Usage: unres/);
    expect(inScript.stderr).toContain('Exit codes:');
    // script -e fails (execFileSync throws) unless unres exits 0.
    if (hasScript) expect(onTerminal([], { columns: 80 })).toMatch(/^Usage: unres/);
  });

  it('--version, -V and version print the version', async () => {
    for (const args of [['--version'], ['-V'], ['version']]) expect(await unres(args, { home: scratch })).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('every --help has examples, the query syntax, the kinds, the exit codes and the environment; --kind lists every kind', async () => {
    const { CLAUSE_KINDS, DOCUMENT_KINDS } = await import('../../src/search/fields.js');
    for (const command of [[], ['ingest'], ['search'], ['parse'], ['show'], ['list'], ['remove'], ['export'], ['completion'], ['version']]) {
      const result = await unres([...command, '--help'], { home: scratch });
      expect(result.code).toBe(0);
      for (const heading of ['Examples:', 'Query syntax', 'Kinds', 'Exit codes:', 'Environment:']) expect(result.stdout, command.join(' ')).toContain(heading);
      for (const variable of ['UNRES_INDEX', 'NO_COLOR', 'UNRES_SHAPE']) expect(result.stdout).toContain(variable);
      expect(result.stdout).toMatch(/\n {2}\$ unres /);
    }
    const search = (await unres(['search', '--help'], { home: scratch })).stdout;
    const kindOption = search.slice(search.indexOf('--kind'), search.indexOf('--doc'));
    for (const kind of [...CLAUSE_KINDS, ...DOCUMENT_KINDS]) expect(kindOption).toContain(kind);
  });
});

describe('search results for people', () => {
  it('groups hits under one heading per document and ends with a summary line on stderr', async () => {
    const result = await inIndex(['search', 'الاتجار', '--limit', '6']);
    expect(result.code).toBe(0);
    const hits = await jsonHits(['search', 'الاتجار', '--limit', '6']);
    const docs = [...new Set(hits.slice(0, 6).map((h) => h.doc))];
    const blocks = result.stdout.trimEnd().split('\n\n');
    expect(blocks).toHaveLength(docs.length);
    for (const block of blocks) {
      const [heading, ...clauses] = block.split('\n');
      expect(heading).toMatch(/ · /);
      for (const line of clauses) expect(line).toMatch(/^(pp|op|para|rec|art)\d+ {2,}\S/);
    }
    expect((await inIndex(['search', 'الاتجار', '--doc', 'E-RES-2017-18'])).stdout).toMatch(/^E\/RES\/2017\/18 · 2017-07-06 · تنفيذ خطة عمل/);
    const summary = SUMMARY.exec(result.stderr);
    expect(summary?.[1]).toBe('6');
    expect(summary?.[2]).toBe(String(docs.length));
  });

  it('--no-heading prints one line per hit, doc#clause first', async () => {
    const result = await inIndex(['search', 'الاتجار', '--limit', '5', '--no-heading']);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    for (const line of lines) expect(line).toMatch(/^\S+#(pp|op|para|rec|art)\d+ {2}\S/);
  });

  it('no hits: a line on stderr, nothing on stdout, exit 1', async () => {
    const result = await inIndex(['search', 'كلمةغيرموجودةأبدا']);
    expect(result).toEqual({ code: 1, stdout: '', stderr: "unres: no clauses match 'كلمةغيرموجودةأبدا'\n" });
  });

  it('JSON output gets no summary line', async () => {
    const result = await inIndex(['search', 'الاتجار', '--json']);
    expect(result.stderr).toBe('');
  });
});

describe('working with results', () => {
  it('-c counts every matching clause per document; the counts add up to the total on stderr', async () => {
    const all = await jsonHits(['search', 'الاتجار']);
    const result = await inIndex(['search', 'الاتجار', '-c']);
    expect(result.code).toBe(0);
    const counts = result.stdout.trimEnd().split('\n').map((l) => l.split(':'));
    const sum = counts.reduce((n, [, c]) => n + Number(c), 0);
    expect(sum).toBe(all.length);
    for (const [doc, count] of counts) expect(all.filter((h) => h.doc === doc)).toHaveLength(Number(count));
    expect(SUMMARY.exec(result.stderr)?.[1]).toBe(String(sum));
  });

  it('-l names each matching document once', async () => {
    const all = await jsonHits(['search', 'التشفير']);
    const result = await inIndex(['search', 'التشفير', '-l']);
    expect(result.stdout.trimEnd().split('\n').sort()).toEqual([...new Set(all.map((h) => h.doc))].sort());
  });

  it('-C 1 adds the clause before and after each hit', async () => {
    const result = await inIndex(['search', 'التشفير', '--doc', 'E-RES-2019-20', '-C', '1']);
    const lines = result.stdout.trimEnd().split('\n');
    const hit = lines.findIndex((l) => /^\w+\d+:/.test(l));
    expect(hit).toBeGreaterThan(0);
    expect(lines[hit - 1]).toMatch(/^\w+\d+- /);
    expect(lines[hit + 1]).toMatch(/^\w+\d+- /);
  });

  it('--since and --until filter on the adoption date', async () => {
    const docsOf = async (args: string[]) => [...new Set((await jsonHits(['search', 'الأطفال', ...args])).map((h) => h.doc))].sort();
    expect(await docsOf(['--since', '2018'])).toEqual(['E-RES-2019-20']);
    expect(await docsOf(['--until', '2017'])).toEqual(['E-RES-2017-18']);
    expect(await docsOf(['--since', '2017-07-06', '--until', '2019-06-30'])).toEqual(['E-RES-2017-18']);
    expect(await docsOf(['--since', '2017-07-07', '--until', '2019-07-22'])).toEqual([]);
  });

  it('repeated --doc, --kind and --cites: any of the values, all of the options', async () => {
    const two = await jsonHits(['search', 'الاتجار', '--doc', 'E-RES-2017-18', '--doc', 'E/RES/2019/20']);
    expect(new Set(two.map((h) => h.doc))).toEqual(new Set(['E-RES-2017-18', 'E-RES-2019-20']));
    const kinds = await jsonHits(['search', 'الاتجار', '--kind', 'preamble', '--kind', 'recommendation']);
    expect(new Set(kinds.map((h) => h.kind))).toEqual(new Set(['preamble', 'recommendation']));
    const one = await jsonHits(['search', 'الاتجار', '--cites', 'A/RES/64/293']);
    const either = await jsonHits(['search', 'الاتجار', '--cites', 'A/RES/64/293', '--cites', 'A/RES/70/179']);
    expect(either.length).toBeGreaterThan(one.length);
    const both = await jsonHits(['search', 'الاتجار', '--cites', 'A/RES/64/293', '--cites', 'A/RES/70/179', '--kind', 'operative', '--doc', 'E-RES-2017-18']);
    expect(both.length).toBeGreaterThan(0);
    expect(both.every((h) => h.kind === 'operative' && h.doc === 'E-RES-2017-18')).toBe(true);
  });

  it('--doc nope and --cites nope exit 2 with one line, not a silent "no hits"', async () => {
    const doc = await inIndex(['search', 'الاتجار', '--doc', 'nope']);
    expect(doc.code).toBe(2);
    expect(doc.stderr).toMatch(/^unres: no document "nope" in the index[^\n]*\n$/);
    const cites = await inIndex(['search', 'الاتجار', '--cites', 'nope']);
    expect(cites.code).toBe(2);
    expect(cites.stderr).toMatch(/^unres: --cites "nope" is not a symbol[^\n]*\n$/);
  });
});

describe('colour', () => {
  it('--color=always colours a pipe; --color=never and TERM=dumb do not colour a terminal', async () => {
    expect((await inIndex(['search', 'الاتجار', '--color=always'])).stdout).toContain('\x1b[1;31m');
    expect((await inIndex(['search', 'الاتجار'])).stdout).not.toContain('\x1b[');
    if (!hasScript) return;
    const args = ['search', 'الاتجار', '--limit', '1', '--index', index];
    expect(onTerminal(args, { columns: 80 })).toContain('\x1b[1;31m');
    expect(onTerminal([...args, '--color=never'], { columns: 80 })).not.toContain('\x1b[');
    expect(onTerminal(args, { columns: 80, env: { TERM: 'dumb' } })).not.toContain('\x1b[');
    expect(onTerminal(args, { columns: 80, env: { NO_COLOR: '1' } })).not.toContain('\x1b[');
  });
});

describe.runIf(hasScript)('on a real terminal', () => {
  const ARABIC_WORD = /[\u0600-\u06ff]+/g;

  for (const columns of [80, 120]) {
    it(`wraps at word boundaries with a hanging indent at ${columns} columns, a heading per document`, async () => {
      const hits = await jsonHits(['search', 'الاتجار', '--limit', '8']);
      const texts = hits.map((h) => `${h.text} ${h.title ?? ''}`).join(' ');
      const words = new Set(texts.match(ARABIC_WORD) ?? []);
      const out = onTerminal(['search', 'الاتجار', '--limit', '8', '--color=never', '--index', index], { columns });
      const lines = out.trimEnd().split('\n').filter((l) => !SUMMARY.test(l));
      let continuation = 0;
      for (const line of lines) {
        expect(displayWidth(line)).toBeLessThanOrEqual(columns);
        // Every Arabic word on screen is a whole word of the clauses: none was cut.
        for (const word of line.replace(/…/g, ' ').match(ARABIC_WORD) ?? []) expect(words.has(word) || texts.includes(word)).toBe(true);
        if (/^ +\S/.test(line)) continuation++;
      }
      expect(continuation).toBeGreaterThan(0);
      const headings = lines.filter((l, i) => i === 0 || lines[i - 1] === '');
      expect(headings.length).toBe(new Set(hits.map((h) => h.doc)).size);
      for (const heading of headings) expect(displayWidth(heading)).toBeLessThanOrEqual(columns);
    });

    it(`aligns right-to-left lines to the right margin with --shape at ${columns} columns`, () => {
      const out = onTerminal(['search', 'الاتجار', '--limit', '4', '--shape', '--color=never', '--index', index], { columns });
      const clauseLines = out.split('\n').filter((l) => /[\ufe70-\ufefc]/.test(l) && !l.includes(' · '));
      expect(clauseLines.length).toBeGreaterThan(4);
      for (const line of clauseLines) expect(displayWidth(line)).toBe(columns);
    });
  }

  describe('cut lines with --shape', () => {
    // A document named in Arabic, with no symbol and a long title: its heading reads right to left.
    const TITLE = 'قرار بشأن حماية الأطفال من الاتجار بالأشخاص في جميع أنحاء العالم وتعزيز التعاون الدولي والإقليمي على مكافحة الاتجار بالأشخاص وحماية الضحايا ومساعدتهم';
    let rtlIndex = '';
    beforeAll(async () => {
      const dir = mkdtempSync(join(scratch, 'rtl-'));
      rtlIndex = join(dir, 'index');
      writeFileSync(join(dir, 'حماية الأطفال.txt'), `${TITLE}\n\nإن الجمعية العامة،\n\nوإذ تشير إلى حماية الأطفال من الاتجار،\n\n١ - تحث الدول على حماية الأطفال من الاتجار بالأشخاص؛\n`);
      expect((await unres(['ingest', dir, '--index', rtlIndex], { home: scratch })).code).toBe(0);
    });
    const SHAPED_LETTER = /[\ufe70-\ufefc]$/;

    for (const columns of [80, 120]) {
      it(`put the ellipsis at the visual end of an Arabic title (its left) at ${columns} columns`, () => {
        const out = onTerminal(['search', 'الاتجار', '--limit', '8', '--shape', '--color=never', '--index', index], { columns });
        const cut = out.split('\n').filter((l) => l.includes(' · ') && l.includes('…'));
        expect(cut.length).toBeGreaterThan(0);
        for (const line of cut) {
          expect(displayWidth(line)).toBeLessThanOrEqual(columns);
          // `id · …<title, reversed>`: the title's first word at the right end, the cut at its left.
          expect(line).toMatch(/ · …[\ufe70-\ufefc]/);
          expect(line).toMatch(SHAPED_LETTER);
        }
        const listed = onTerminal(['list', '--shape', '--color=never', '--no-pager', '--index', index], { columns });
        for (const line of listed.split('\n').filter((l) => /[\ufe70-\ufefc]/.test(l) && l.includes('…'))) {
          expect(line).toMatch(/ {2}…[\ufe70-\ufefc]/);
          expect(line).toMatch(SHAPED_LETTER);
        }
      });

      it(`right-aligns a cut right-to-left heading, its ellipsis on the left, at ${columns} columns`, () => {
        for (const args of [['search', 'الاتجار'], ['list', '--no-pager']]) {
          const out = onTerminal([...args, '--shape', '--color=never', '--index', rtlIndex], { columns });
          const heading = out.split('\n').find((l) => l.includes(' · '));
          expect(heading, out).toBeDefined();
          expect(displayWidth(heading!)).toBe(columns);
          expect(heading!.trimStart().startsWith('…')).toBe(true);
          expect(heading!).toMatch(SHAPED_LETTER);
        }
      });
    }
  });

  it('ingest draws one bar for the whole run, with an ETA, and clears it', () => {
    const dir = mkdtempSync(join(scratch, 'eta-'));
    const report = readFileSync(join(SEEDS, '004_8c5876052fc161d3.txt'), 'utf8');
    // Forty different texts, each parsed: the run lasts long enough for the bar to be redrawn.
    for (let i = 0; i < 40; i++) writeFileSync(join(dir, `report-${i}.txt`), `${report}\n\n${i + 1} - تقرر أن تبقي المسألة رقم ${i + 1} قيد نظرها.\n`);
    const out = onTerminal(['ingest', dir, '--index', join(dir, 'index')], { columns: 80 });
    const draws = out.split('\r\x1b[K').filter(Boolean);
    const bars = draws.filter((d) => /^\[[#-]+\] \d+\/40 /.test(d));
    expect(bars.length, out).toBeGreaterThan(1);
    expect(bars.some((d) => /^\[[#-]+\] ([1-9]|[1-3]\d)\/40 (reading|writing), ETA \d+:\d\d$/.test(d)), bars.join('\n')).toBe(true);
    for (const d of bars) expect(displayWidth(d)).toBeLessThan(80);
    expect(draws[draws.length - 1]).toBe('40 added, 0 updated, 0 unchanged, 0 failed\n');
  });

  it('pages through less -FRX when PAGER is not set', () => {
    const tools = mkdtempSync(join(scratch, 'tools-'));
    writeFileSync(join(tools, 'less'), '#!/bin/sh\necho "less $* (LESS=$LESS)"\ncat\n', { mode: 0o755 });
    const out = onTerminal(['show', 'E-RES-2017-18', '--index', index], { columns: 80, rows: 10, env: { PATH: `${tools}:${process.env.PATH}` } });
    expect(out).toMatch(/^less -FRX \(LESS=FRX\)\n/);
    expect(out).toContain('E/RES/2017/18');
  });

  it('pages long show output through $PAGER, not with --no-pager, not when it fits', () => {
    const pager = { PAGER: 'echo PAGED; cat' };
    expect(onTerminal(['show', 'E-RES-2017-18', '--index', index], { columns: 80, rows: 10, env: pager })).toMatch(/^PAGED\n/);
    expect(onTerminal(['show', 'E-RES-2017-18', '--no-pager', '--index', index], { columns: 80, rows: 10, env: pager })).not.toContain('PAGED');
    expect(onTerminal(['list', '--index', index], { columns: 80, rows: 10, env: pager })).not.toContain('PAGED');
    expect(onTerminal(['list', '--index', index], { columns: 80, rows: 3, env: pager })).toMatch(/^PAGED\n/);
  });
});

describe('the paths table is read only when a path is shown or looked up', () => {
  // Its file spoiled: whatever reads it says the index is damaged (exit 3); what does not need it works.
  let spoiled = '';
  beforeAll(async () => {
    spoiled = join(mkdtempSync(join(scratch, 'lazy-')), 'index');
    expect((await unres(['ingest', SEEDS, '--index', spoiled], { home: scratch })).code).toBe(0);
    const file = readdirSync(spoiled).find((f) => /^paths-.*\.bin$/.test(f));
    expect(file).toBeDefined();
    writeFileSync(join(spoiled, file!), '{"garbage": true}');
  });
  const run = (args: string[]) => unres([...args, '--index', spoiled], { home: scratch });

  it('human list, show by id or symbol and search --doc by id or symbol do not read it', async () => {
    for (const args of [['list'], ['show', 'E/RES/2017/18'], ['show', 'e-res-2017-18#op2'], ['search', 'الاتجار', '--doc', 'E/RES/2017/18', '--doc', 'E-RES-2019-20']]) {
      const result = await run(args);
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
    }
  });

  it('list --json, and a lookup by file name, do', async () => {
    for (const args of [['list', '--json'], ['show', '003_c328bc31ea94c91f.txt'], ['search', 'الاتجار', '--doc', join(SEEDS, '003_c328bc31ea94c91f.txt')]]) {
      const result = await run(args);
      expect(result.code, args.join(' ')).toBe(3);
      expect(result.stderr).toMatch(/^unres: the index at .* is damaged \(paths-.*\.bin fails its checksum\)/);
    }
  });
});

describe('control characters from documents', () => {
  // ESC colour, OSC 52 (clipboard write), OSC 0 (window title), BEL, backspace, CR, a C1 CSI, DEL.
  const HOSTILE = '\x1b[31mأحمر\x1b]52;c;ZXZpbA==\x07 \x1b]0;pwned\x07 \b\b\rمخفي \x9b2J حماية\x7f';
  const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
  let own: string;

  beforeAll(async () => {
    const dir = mkdtempSync(join(scratch, 'hostile-'));
    own = join(dir, 'index');
    const name = join(dir, 'evil\x1b]0;title\x07name.txt');
    writeFileSync(name, `قرار\n\nإن الجمعية العامة،\n\nوإذ تشير ${HOSTILE} الأطفال،\n\n١ - تحث ${HOSTILE} الدول على حماية الأطفال؛\n`);
    const ingested = await unres(['ingest', name, '--index', own], { home: scratch });
    expect(ingested.code).toBe(0);
  });

  const expectClean = (result: RunResult) => {
    expect(result.stdout).not.toMatch(RAW);
    expect(result.stderr).not.toMatch(RAW);
  };

  it('never reach the terminal in search, show and list, file names included', async () => {
    const [listed] = JSON.parse((await unres(['list', '--json', '--index', own], { home: scratch })).stdout) as Array<{ id: string }>;
    expect(listed!.id).toContain('\x1b');
    for (const args of [['search', 'حماية'], ['search', 'حماية', '--no-heading', '-C', '1'], ['list'], ['show', listed!.id], ['show', `${listed!.id}#op1`]]) {
      const result = await unres([...args, '--index', own, '--color=always'], { home: scratch });
      expect(result.code).toBe(0);
      // Only unres's own colour codes are left.
      expectClean({ ...result, stdout: result.stdout.replace(/\x1b\[[0-9;]*m/g, '') });
      expect(result.stdout).toContain('␛');
    }
  });

  it('are escaped in JSON, which still holds the exact text', async () => {
    const result = await unres(['search', 'حماية', '--json', '--index', own], { home: scratch });
    expectClean(result);
    const hits = JSON.parse(result.stdout) as Array<{ text: string; source: string }>;
    expect(hits[0]!.text).toContain('\x1b]52;c;');
    expect(hits[0]!.source).toContain('\x1b]0;title\x07');
  });

  it('are neutralised in error messages naming a file', async () => {
    const result = await unres(['parse', join(scratch, 'missing\x1b]0;x\x07.txt')], { home: scratch });
    expect(result.code).toBe(2);
    expectClean(result);
  });
});

describe('shell completion', () => {
  it('bash completes commands, options and kinds', async () => {
    const script = (await unres(['completion', 'bash'], { home: scratch })).stdout;
    const complete = (words: string[]) =>
      execFileSync('bash', ['-c', `${script}\nCOMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _unres; printf '%s\\n' "\${COMPREPLY[@]}"`], {
        encoding: 'utf8',
      }).trim().split('\n');
    expect(complete(['unres', 'se'])).toEqual(['search']);
    expect(complete(['unres', 'search', '--ki'])).toEqual(['--kind']);
    expect(complete(['unres', 'search', '--kind', 'op'])).toEqual(['operative']);
    expect(complete(['unres', 'search', '--color', ''])).toEqual(['auto', 'always', 'never']);
    expect(complete(['unres', 'completion', 'f'])).toEqual(['fish']);
  });

  const has = (tool: string) => {
    try {
      execFileSync(tool, ['--version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  };

  it.runIf(has('zsh'))('zsh reads its script without a syntax error', async () => {
    const file = join(scratch, '_unres');
    writeFileSync(file, (await unres(['completion', 'zsh'], { home: scratch })).stdout);
    execFileSync('zsh', ['-n', file]);
  });

  it.runIf(has('fish'))('fish completes options and kinds from its script', async () => {
    const file = join(scratch, 'unres.fish');
    writeFileSync(file, (await unres(['completion', 'fish'], { home: scratch })).stdout);
    const complete = (line: string) =>
      execFileSync('fish', ['-c', `source '${file}'; complete -C '${line}'`], { encoding: 'utf8' })
        .trim()
        .split('\n')
        .map((l) => l.split('\t')[0]);
    expect(complete('unres se')).toEqual(['search']);
    expect(complete('unres search --kind op')).toEqual(['operative']);
  });
});
