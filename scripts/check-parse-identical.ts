// Checks that two builds parse alike: for every file given (and, for the
// real documents, a few deterministic variants of them), `unres parse --json`
// output (jsonSafe(doc, 2)), the error a file raises, and the analysed text
// ingest indexes must be byte-identical between a base build and this one.
// Not part of npm test: a tool for parser speed work, which must not change output.
//
//   npm run build && node dist/scripts/check-parse-identical.js --base /path/to/other/worktree \
//     [--corpus DIR --sample 2000] [--variants 1] FILE|DIR...
// A base is a worktree with its own `npm run build` done (dist/ beside src/).

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

type Parse = (bytes: Uint8Array, path: string) => Promise<unknown>;
interface Build {
  parse: Parse;
  json: (value: unknown, indent: number) => string;
  analyse: (doc: unknown) => { terms: string[]; data: Int32Array };
}

async function load(root: string): Promise<Build> {
  const at = (p: string) => pathToFileURL(join(root, 'dist', 'src', p)).href;
  const parse = (await import(at('structure/parse.js'))) as { parseDocumentBytes: Parse };
  const safe = (await import(at('render/safe.js'))) as { jsonSafe: Build['json'] };
  const analysed = (await import(at('index/analysed.js'))) as { analyseDocument: Build['analyse'] };
  return { parse: parse.parseDocumentBytes, json: safe.jsonSafe, analyse: analysed.analyseDocument };
}

const args: string[] = [];
const opts = new Map<string, string>();
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i]!;
  if (a.startsWith('--')) opts.set(a.slice(2), process.argv[++i] ?? '');
  else args.push(a);
}
const base = await load(resolve(opts.get('base') ?? '/work/wt/bench100k'));
const head = await load(resolve(import.meta.dirname, '..', '..'));

function filesUnder(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => filesUnder(join(path, name)));
}

/** Deterministic variants of a text document: other line endings, halves, joins, digits, wrapping. */
function variants(text: string): Array<[string, string]> {
  const lines = text.split('\n');
  const half = Math.floor(lines.length / 2);
  const latin = text.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660));
  const indic = text.replace(/[0-9]/g, (d) => String.fromCharCode(0x660 + Number(d)));
  const wrapped = lines
    .map((line) => {
      const out: string[] = [];
      let rest = line;
      while (rest.length > 70) {
        const cut = rest.lastIndexOf(' ', 70);
        if (cut <= 0) break;
        out.push(rest.slice(0, cut));
        rest = rest.slice(cut + 1);
      }
      out.push(rest);
      return out.join('\n');
    })
    .join('\n');
  const flattened = lines.filter((l) => l.trim() !== '').join('\n');
  const joined = lines.join(' ');
  return [
    ['crlf', text.replace(/\n/g, '\r\n')],
    ['head', lines.slice(0, half).join('\n')],
    ['tail', lines.slice(half).join('\n')],
    ['twice', text + '\n\n' + text],
    ['latin', latin],
    ['indic', indic],
    ['wrapped', wrapped],
    ['flattened', flattened],
    ['one-line', joined],
    ['nbsp', text.replace(/ /g, (s, i: number) => (i % 7 === 0 ? '\u00a0' : s))],
  ];
}

async function outcome(build: Build, bytes: Uint8Array, path: string): Promise<string> {
  try {
    const doc = await build.parse(bytes, path);
    const a = build.analyse(doc);
    return build.json(doc, 2) + '\n' + JSON.stringify(a.terms) + '\n' + Array.from(a.data).join(',');
  } catch (err) {
    const e = err as Error & { exitCode?: number };
    return `ERROR ${e.name} ${e.exitCode ?? ''} ${e.message}`;
  }
}

const inputs: Array<{ name: string; bytes: Uint8Array }> = [];
for (const arg of args) {
  for (const file of filesUnder(arg)) {
    if (file.endsWith('.json') || file.endsWith('.md') || file.endsWith('.ts')) continue;
    const bytes = readFileSync(file);
    inputs.push({ name: file, bytes });
    if (opts.get('variants') !== '0' && file.endsWith('.txt')) {
      for (const [kind, text] of variants(bytes.toString('utf8'))) inputs.push({ name: `${file}#${kind}`, bytes: Buffer.from(text) });
    }
  }
}
if (opts.has('corpus')) {
  const dir = opts.get('corpus')!;
  const names = readdirSync(dir).sort();
  const sample = Number(opts.get('sample') ?? 2000);
  const step = Math.max(1, Math.floor(names.length / sample));
  for (let i = 0; i < names.length && inputs.length < 1e9; i += step) {
    inputs.push({ name: join(dir, names[i]!), bytes: readFileSync(join(dir, names[i]!)) });
  }
}

let same = 0;
const differ: string[] = [];
for (const { name, bytes } of inputs) {
  const path = name.replace(/#.*$/, '');
  const [a, b] = [await outcome(base, bytes, path), await outcome(head, bytes, path)];
  if (a === b) same++;
  else {
    differ.push(name);
    if (differ.length <= 5) {
      let i = 0;
      while (i < a.length && a[i] === b[i]) i++;
      console.log(`DIFFERS ${name} at ${i}:\n  base: ${JSON.stringify(a.slice(Math.max(0, i - 80), i + 80))}\n  head: ${JSON.stringify(b.slice(Math.max(0, i - 80), i + 80))}`);
    }
  }
}
console.log(`${same} of ${inputs.length} inputs byte-identical (parse --json, errors, analysed text); ${differ.length} differ`);
if (differ.length > 0) {
  console.log(differ.slice(0, 50).join('\n'));
  process.exitCode = 1;
}
