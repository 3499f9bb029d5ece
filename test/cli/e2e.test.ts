// End to end: the built bin/unres.js against the project's seeds, with a
// temporary index. Needs the parser and the engine.
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, buildPackage, removePackage, ROOT, SEEDS, unres, type RunResult } from './run-bin.js';

const CONTRACT_HIT_KEYS = ['doc', 'source', 'title', 'clause', 'kind', 'number', 'index', 'score', 'text', 'snippet'];
const DOCUMENT_KEYS = ['id', 'source', 'kind', 'symbol', 'title', 'body', 'adopted', 'distributed', 'agendaItem', 'sponsors', 'clauses', 'footnotes', 'citations'];
const SEED_COUNT = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).length;

let scratch: string;
let index: string;

const run = (args: string[], options: { env?: NodeJS.ProcessEnv; stdin?: string | Buffer } = {}) =>
  unres(args, { home: scratch, ...options });
const inIndex = (args: string[], options: { env?: NodeJS.ProcessEnv; stdin?: string | Buffer } = {}) =>
  run([...args, '--index', index], options);

interface Hit {
  doc: string;
  clause: string;
  text: string;
  snippet: string;
}
const hitsOf = (result: RunResult): Hit[] => JSON.parse(result.stdout) as Hit[];
const refs = (hits: Hit[]) => hits.map((h) => `${h.doc}#${h.clause}`).sort();

function expectCleanOneLineError(result: RunResult, code: number): void {
  expect(result.code).toBe(code);
  expect(result.stderr).toMatch(/^unres: [^\n]+\n$/);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

beforeAll(async () => {
  await buildPackage();
  scratch = mkdtempSync(join(tmpdir(), 'unres-e2e-'));
  index = join(scratch, 'index');
}, 180_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  removePackage();
});

describe('parse', () => {
  const seed = () => join(SEEDS, readdirSync(SEEDS).sort()[0]!);

  it('prints an outline without touching the index', async () => {
    const nowhere = join(scratch, 'never-created');
    const result = await run(['parse', seed(), '--index', nowhere]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^id {10}\S+/);
    expect(result.stdout).toMatch(/\n(pp|op|para|rec|art)\d+ /);
    expect(existsSync(nowhere)).toBe(false);
  });

  it('prints the Document JSON, 2-space indented, with --json', async () => {
    const result = await run(['parse', seed(), '--json']);
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout) as Record<string, unknown>;
    for (const key of DOCUMENT_KEYS) expect(doc).toHaveProperty(key);
    expect(result.stdout.startsWith('{\n  "id": ')).toBe(true);
  });

  it('rejects a non-text file with one line naming it, exit 2', async () => {
    const pdf = join(scratch, 'scan.pdf');
    writeFileSync(pdf, Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n', 'latin1'));
    const result = await run(['parse', pdf]);
    expectCleanOneLineError(result, 2);
    expect(result.stderr).toContain('scan.pdf');
  });
});

describe('with the seeds ingested', () => {
  beforeAll(async () => {
    const first = await inIndex(['ingest', SEEDS]);
    expect(first.stderr).toBe('');
    expect(first.stdout).toBe(`${SEED_COUNT} added, 0 updated, 0 unchanged, 0 failed\n`);
    expect(first.code).toBe(0);
  }, 180_000);

  describe('ingest', () => {
    it('is a no-op for unchanged files', async () => {
      const again = await inIndex(['ingest', SEEDS]);
      expect(again.stdout).toBe(`0 added, 0 updated, ${SEED_COUNT} unchanged, 0 failed\n`);
      expect(again.code).toBe(0);
    });

    it('lists every seed', async () => {
      const listed = await inIndex(['list', '--json']);
      expect(listed.code).toBe(0);
      expect(JSON.parse(listed.stdout)).toHaveLength(SEED_COUNT);
      const human = await inIndex(['list']);
      expect(human.stdout.trimEnd().split('\n')).toHaveLength(SEED_COUNT);
    });

    it('replaces the old version of a changed file', async () => {
      const dir = mkdtempSync(join(scratch, 'changed-'));
      const own = join(dir, 'index');
      const file = join(dir, 'doc.txt');
      const seed = readdirSync(SEEDS).sort()[0]!;
      const original = readFileSync(join(SEEDS, seed), 'utf8');
      writeFileSync(file, original);
      expect((await run(['ingest', file, '--index', own])).stdout).toBe('1 added, 0 updated, 0 unchanged, 0 failed\n');

      // A made-up word put into an operative clause (the last use of a common word), in place of that word.
      const at = original.lastIndexOf('الاتجار');
      const changed = original.slice(0, at) + 'الزمردلونية' + original.slice(at + 'الاتجار'.length);
      expect(changed).not.toBe(original);
      writeFileSync(file, changed);
      const second = await run(['ingest', file, '--index', own]);
      expect(second.stdout).toBe('0 added, 1 updated, 0 unchanged, 0 failed\n');
      expect(JSON.parse((await run(['list', '--json', '--index', own])).stdout)).toHaveLength(1);
      expect((await run(['search', 'الزمردلونية', '--index', own])).code).toBe(0);
    });

    it('reports a non-text file on one line naming it, keeps going, and exits 2', async () => {
      const dir = mkdtempSync(join(scratch, 'bad-'));
      const own = join(dir, 'index');
      writeFileSync(join(dir, 'report.txt'), Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'));
      writeFileSync(join(dir, 'nul.md'), Buffer.from([0x41, 0x00, 0x42, 0x00, 0x00, 0x00, 0x43, 0x00, 0x00, 0x00]));
      copyFileSync(join(SEEDS, readdirSync(SEEDS).sort()[1]!), join(dir, 'good.txt'));
      const result = await run(['ingest', dir, '--index', own]);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('1 added, 0 updated, 0 unchanged, 2 failed\n');
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(2);
      expect(lines.some((l) => l.startsWith('unres: ') && l.includes('report.txt'))).toBe(true);
      expect(lines.some((l) => l.startsWith('unres: ') && l.includes('nul.md'))).toBe(true);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    });

    it('names a path that does not exist and still ingests the rest', async () => {
      const own = join(mkdtempSync(join(scratch, 'missing-')), 'index');
      const result = await run(['ingest', join(scratch, 'no-such.txt'), join(SEEDS, readdirSync(SEEDS).sort()[0]!), '--index', own]);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('1 added, 0 updated, 0 unchanged, 1 failed\n');
      expect(result.stderr).toMatch(/^unres: .*no-such\.txt: no such file or directory\n$/);
    });

    it('reads standard input for -', async () => {
      const own = join(mkdtempSync(join(scratch, 'stdin-')), 'index');
      const bytes = readFileSync(join(SEEDS, readdirSync(SEEDS).sort()[2]!));
      const result = await run(['ingest', '-', '--index', own], { stdin: bytes });
      expect(result.stdout).toBe('1 added, 0 updated, 0 unchanged, 0 failed\n');
      expect(result.code).toBe(0);
    });

    it('keeps both documents when two ingests run at once', async () => {
      const own = join(mkdtempSync(join(scratch, 'race-')), 'index');
      const [a, b] = readdirSync(SEEDS).sort();
      const results = await Promise.all([
        run(['ingest', join(SEEDS, a!), '--index', own]),
        run(['ingest', join(SEEDS, b!), '--index', own]),
      ]);
      for (const result of results) {
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
      }
      const listed = JSON.parse((await run(['list', '--json', '--index', own])).stdout) as unknown[];
      expect(listed).toHaveLength(2);
    });

    it('rebuilds a working index from the stored documents', async () => {
      const result = await inIndex(['ingest', '--rebuild']);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`${SEED_COUNT} documents`));
      expect((await inIndex(['search', 'الأطفال'])).code).toBe(0);
    });
  });

  describe('search', () => {
    it('finds الأطفال, للأطفال, بالأطفال for طفل', async () => {
      const result = await inIndex(['search', 'طفل', '--json', '--limit', '50']);
      expect(result.code).toBe(0);
      const hits = hitsOf(result);
      expect(hits.length).toBeGreaterThan(0);
      const all = hits.map((h) => h.text).join(' ');
      expect(all).toMatch(/الأطفال/);
      expect(all).toMatch(/للأطفال|بالأطفال/);
    });

    it('finds والاتجار and للاتجار for الاتجار', async () => {
      const hits = hitsOf(await inIndex(['search', 'الاتجار', '--json', '--limit', '200']));
      const all = hits.map((h) => h.text).join(' ');
      expect(all).toMatch(/والاتجار/);
      expect(all).toMatch(/للاتجار/);
    });

    it('writes its whole output into a pipe read late, then exits with its code', async () => {
      // More than a pipe holds (64 KiB), with the reader starting late: the process may only end once all of it is
      // out. The late reader is a shell's (`sleep; cat`): a Node parent would read the pipe into its own buffer at
      // once, and it drops an unread child stream when the child exits.
      const script = 'set -o pipefail; "$0" "$1" export --format jsonl --index "$2" | { sleep 0.3; cat; }';
      const child = spawn('bash', ['-c', script, process.execPath, BIN, index], {
        env: { PATH: process.env.PATH, HOME: scratch, LANG: 'C.UTF-8' },
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      const chunks: Buffer[] = [];
      child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      const out = Buffer.concat(chunks).toString('utf8');
      expect(code).toBe(0);
      expect(out.length).toBeGreaterThan(65536);
      const lines = out.trimEnd().split('\n');
      expect(lines.length).toBeGreaterThan(1);
      for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    });

    it('finds the same clauses for 2017 and ٢٠١٧', async () => {
      const ascii = await inIndex(['search', '2017', '--json', '--limit', '100']);
      const indic = await inIndex(['search', '٢٠١٧', '--json', '--limit', '100']);
      expect(ascii.code).toBe(0);
      expect(refs(hitsOf(ascii))).toEqual(refs(hitsOf(indic)));
      expect(hitsOf(ascii).some((h) => h.text.includes('٢٠١٧'))).toBe(true);
    });

    it('finds clauses citing ٢٩٣/٦٤ for 64/293', async () => {
      const result = await inIndex(['search', '64/293', '--json']);
      expect(result.code).toBe(0);
      expect(hitsOf(result).some((h) => h.text.includes('٢٩٣/٦٤'))).toBe(true);
    });

    it('prints hits with exactly the contract keys under --json', async () => {
      const hits = JSON.parse((await inIndex(['search', 'الاتجار', '--json', '--limit', '3'])).stdout) as object[];
      expect(hits).toHaveLength(3);
      for (const hit of hits) expect(Object.keys(hit)).toEqual(CONTRACT_HIT_KEYS);
    });

    it('prints one parseable hit per line under --ndjson', async () => {
      const result = await inIndex(['search', 'الاتجار', '--ndjson', '--limit', '4']);
      const lines = result.stdout.trimEnd().split('\n');
      expect(lines).toHaveLength(4);
      for (const line of lines) expect(Object.keys(JSON.parse(line) as object)).toEqual(CONTRACT_HIT_KEYS);
    });

    it('honours --limit, --kind and --doc', async () => {
      const hits = hitsOf(await inIndex(['search', 'الاتجار', '--json', '--limit', '2']));
      expect(hits).toHaveLength(2);
      const operative = JSON.parse((await inIndex(['search', 'الاتجار', '--json', '--kind', 'operative'])).stdout) as { kind: string }[];
      expect(operative.length).toBeGreaterThan(0);
      expect(operative.every((h) => h.kind === 'operative')).toBe(true);
      const doc = hits[0]!.doc;
      const inDoc = hitsOf(await inIndex(['search', 'الاتجار', '--json', '--doc', doc]));
      expect(inDoc.every((h) => h.doc === doc)).toBe(true);
    });

    it('exits 1 with no hits: nothing on stdout, [] with --json, nothing with --ndjson', async () => {
      const word = 'كلمةغيرموجودةأبدا';
      const human = await inIndex(['search', word]);
      expect(human.code).toBe(1);
      expect(human.stdout).toBe('');
      const json = await inIndex(['search', word, '--json']);
      expect(json.code).toBe(1);
      expect(JSON.parse(json.stdout)).toEqual([]);
      const ndjson = await inIndex(['search', word, '--ndjson']);
      expect(ndjson.code).toBe(1);
      expect(ndjson.stdout).toBe('');
    });

    it('exits 2 on bad query syntax, one line, no stack', async () => {
      for (const query of ['nosuchfield:طفل', 'طفل^x', 'ط*', '-الأطفال']) {
        const result = await inIndex(['search', query]);
        expectCleanOneLineError(result, 2);
        expect(result.stdout).toBe('');
      }
    });

    it('takes -word as an exclusion, not as an option', async () => {
      const all = hitsOf(await inIndex(['search', 'الاتجار', '--json', '--limit', '500']));
      const without = await inIndex(['search', 'الاتجار', '-الأطفال', '--json', '--limit', '500']);
      expect(without.code).toBe(0);
      expect(hitsOf(without).length).toBeLessThan(all.length);
    });

    it('exits 3 when the index is missing, saying how to recover', async () => {
      const result = await run(['search', 'طفل', '--index', join(scratch, 'nowhere')]);
      expectCleanOneLineError(result, 3);
      expect(existsSync(join(scratch, 'nowhere'))).toBe(false);
    });

    it('takes the index from UNRES_INDEX', async () => {
      const result = await run(['search', 'طفل'], { env: { UNRES_INDEX: index } });
      expect(result.code).toBe(0);
    });

    it('shows a heading per document, then its clauses and snippets, without escapes in a pipe', async () => {
      const result = await inIndex(['search', 'الاتجار', '--limit', '2']);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^\S+ · .+\n(pp|op|para|rec|art)\d+ {2,}\S/);
      expect(result.stdout).not.toContain('\x1b[');
      // --shape is for terminals only: a pipe gets the same logical text.
      const shaped = await inIndex(['search', 'الاتجار', '--limit', '2', '--shape']);
      expect(shaped.stdout).toBe(result.stdout);
    });
  });

  describe('colour on a terminal', () => {
    const hasScript = (() => {
      try {
        execFileSync('script', ['--version'], { stdio: 'ignore' });
        return true;
      } catch {
        return false;
      }
    })();

    /** Runs unres under a pseudo-terminal (util-linux script) and returns what it drew. */
    function onTerminal(args: string[], env: NodeJS.ProcessEnv): string {
      const command = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
      return execFileSync('script', ['-qec', command, '/dev/null'], {
        env: { PATH: process.env.PATH, HOME: scratch, LANG: 'C.UTF-8', TERM: 'xterm', ...env },
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
        encoding: 'utf8',
      });
    }

    it.runIf(hasScript)('highlights matches on a terminal, and not with NO_COLOR', () => {
      const args = ['search', 'الاتجار', '--limit', '1', '--index', index];
      expect(onTerminal(args, {})).toContain('\x1b[');
      expect(onTerminal(args, { NO_COLOR: '1' })).not.toContain('\x1b[');
    });

    it.runIf(hasScript)('draws a progress bar on a terminal for more than 20 files, and clears it', () => {
      const dir = mkdtempSync(join(scratch, 'many-'));
      const seed = readFileSync(join(SEEDS, readdirSync(SEEDS).sort()[0]!));
      for (let i = 0; i < 25; i++) writeFileSync(join(dir, `copy-${i}.txt`), seed);
      const out = onTerminal(['ingest', dir, '--index', join(dir, 'index')], {});
      expect(out).toMatch(/\r\x1b\[K\[[#-]+\] \d+\/25 /);
      // Copies of one text are one document (docs/reliability.md, identity).
      expect(out).toMatch(/\r\x1b\[K1 added, 0 updated, 0 unchanged, 24 duplicate, 0 failed/);
    });

    it('draws no progress bar into a pipe', async () => {
      const dir = mkdtempSync(join(scratch, 'many-piped-'));
      const seed = readFileSync(join(SEEDS, readdirSync(SEEDS).sort()[0]!));
      for (let i = 0; i < 25; i++) writeFileSync(join(dir, `copy-${i}.txt`), seed);
      const result = await run(['ingest', dir, '--index', join(dir, 'index')]);
      expect(result.stderr).toBe('');
      expect(result.stdout).toBe('1 added, 0 updated, 0 unchanged, 24 duplicate, 0 failed\n');
    });

    it.runIf(hasScript)('shapes Arabic on a terminal with --shape', () => {
      const out = onTerminal(['search', 'الاتجار', '--limit', '1', '--shape', '--index', index], { NO_COLOR: '1' });
      expect(out).toMatch(/[\ufe70-\ufefc]/);
    });
  });

  describe('show', () => {
    it('prints a stored document and one of its clauses', async () => {
      const hit = hitsOf(await inIndex(['search', 'الاتجار', '--json', '--limit', '1']))[0]!;
      const whole = await inIndex(['show', hit.doc]);
      expect(whole.code).toBe(0);
      expect(whole.stdout).toContain(`id          ${hit.doc}`);

      const one = await inIndex(['show', `${hit.doc}#${hit.clause}`, '--json']);
      expect(one.code).toBe(0);
      expect((JSON.parse(one.stdout) as { id: string }).id).toBe(hit.clause);

      const doc = await inIndex(['show', hit.doc, '--json']);
      expect(Object.keys(JSON.parse(doc.stdout) as object)).toEqual(expect.arrayContaining(DOCUMENT_KEYS));
    });

    it('exits 2 for an unknown document or clause', async () => {
      expectCleanOneLineError(await inIndex(['show', 'no-such-document']), 2);
      const hit = hitsOf(await inIndex(['search', 'الاتجار', '--json', '--limit', '1']))[0]!;
      expectCleanOneLineError(await inIndex(['show', `${hit.doc}#op999`]), 2);
    });

    it('exits 3 when the index is missing', async () => {
      expectCleanOneLineError(await run(['show', 'x', '--index', join(scratch, 'nowhere')]), 3);
      expectCleanOneLineError(await run(['list', '--index', join(scratch, 'nowhere')]), 3);
    });
  });

  describe('a damaged index', () => {
    it('exits 3 with one line', async () => {
      const dir = mkdtempSync(join(scratch, 'damaged-'));
      const own = join(dir, 'index');
      await run(['ingest', join(SEEDS, readdirSync(SEEDS).sort()[0]!), '--index', own]);
      // Overwrite every file the engine keeps with garbage.
      const spoil = (path: string): void => {
        for (const entry of readdirSync(path, { withFileTypes: true })) {
          const full = join(path, entry.name);
          if (entry.isDirectory()) spoil(full);
          else writeFileSync(full, '\0garbage{');
        }
      };
      mkdirSync(own, { recursive: true });
      spoil(own);
      const result = await run(['search', 'الاتجار', '--index', own]);
      expectCleanOneLineError(result, 3);
    });
  });
});

describe('nothing lost: the text before the first clause and after the last', () => {
  // A synthetic resolution: its meeting number, vote and sponsor-like wording stand only in the
  // front matter, its "done at" place only in the closing lines.
  const text = [
    'الدورة الحادية والتسعون',
    'البند 73 من جدول الأعمال',
    'اعتمدته الجمعية العامة في جلستها 4471، بأغلبية 150 صوتا مقابل 3',
    'إن الجمعية العامة،',
    'إذ تشير إلى قراراتها السابقة بشأن المسألة،',
    '1 - تطلب إلى الأمين العام أن يقدم تقريرا عن تنفيذ هذا القرار.',
    'الجلسة العامة 61',
    'حررت في تمبكتو في 14 كانون الأول/ديسمبر 2036',
  ].join('\n\n');
  let own: string;
  let file: string;

  beforeAll(async () => {
    own = join(scratch, 'matter-index');
    file = join(scratch, 'matter-resolution.txt');
    writeFileSync(file, text);
    const ingested = await run(['ingest', file, '--index', own]);
    expect(ingested.code).toBe(0);
  });

  const search = async (query: string) => {
    const result = await run(['search', query, '--json', '--index', own]);
    expect(result.code).toBe(0);
    return hitsOf(result);
  };

  it('finds the document by a word only its front matter prints, at its first clause', async () => {
    const hits = await search('4471');
    expect(hits.map((h) => h.clause)).toEqual(['pp1']);
    expect(Object.keys(hits[0]!)).toEqual(CONTRACT_HIT_KEYS);
  });

  it('finds it by a word only its closing lines print', async () => {
    expect((await search('تمبكتو')).map((h) => h.clause)).toEqual(['pp1']);
    expect((await search('"الجلسة العامة 61"')).map((h) => h.clause)).toEqual(['pp1']);
  });

  it('show --json has the preface and the conclusions; show prints them', async () => {
    const id = 'matter-resolution';
    const shown = await run(['show', id, '--json', '--index', own]);
    expect(shown.code).toBe(0);
    const doc = JSON.parse(shown.stdout) as { preface: string | null; conclusions: string | null };
    expect(doc.preface).toBe('الدورة الحادية والتسعون البند 73 من جدول الأعمال اعتمدته الجمعية العامة في جلستها 4471، بأغلبية 150 صوتا مقابل 3');
    expect(doc.conclusions).toBe('الجلسة العامة 61 حررت في تمبكتو في 14 كانون الأول/ديسمبر 2036');
    const human = await run(['show', id, '--no-pager', '--color=never', '--index', own]);
    expect(human.stdout).toMatch(/\npreface\n {4}الدورة الحادية والتسعون/);
    expect(human.stdout).toMatch(/\nconclusions\n {4}الجلسة العامة 61/);
  });
});
