// The parser on the gold documents saved the ways real texts arrive: each
// transformation family of scripts/perturb/families.ts is applied to each of
// the twenty gold documents (seeds/ with fixtures/gold/, fixtures/real/), and
// the parse is scored with the gold matching rule (test/helpers/gold.ts).
// Not part of npm test: a measure. Per family: gold clauses matched, and
// documents fully matched (every clause, no extra clause).
//
//   npm run build && node dist/scripts/perturb-gold.js [--seeds 3] [--family NAME] [--why] [--parser DIR]
// --seeds N: N seeded runs of each random family (default 3); --why prints every mismatch;
// --parser DIR: score another worktree's build (DIR/dist/src/structure/parse.js), for a before/after table.

import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseBytes as ownParse } from '../src/structure/parse.js';
import { compareClauses, loadGoldTexts } from '../test/helpers/gold.js';
import { FAMILIES, seededRandom, type Family } from './perturb/families.js';

const root = resolve(import.meta.dirname, '..', '..');

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const runs = Number(option('seeds') ?? 3);
const only = option('family');
const why = args.includes('--why');
const parser = option('parser');
const parseBytes: typeof ownParse =
  parser === undefined
    ? ownParse
    : ((await import(pathToFileURL(join(resolve(parser), 'dist', 'src', 'structure', 'parse.js')).href)) as { parseBytes: typeof ownParse }).parseBytes;

const identity: Family = { name: 'none', what: 'untransformed', apply: (text) => text };
const families = [identity, ...FAMILIES].filter((f) => only === undefined || f.name === only);
const docs = loadGoldTexts(root);

console.log(`| family | what | clauses matched | documents fully matched |`);
console.log(`| --- | --- | --- | --- |`);
for (const family of families) {
  let matched = 0;
  let total = 0;
  let full = 0;
  let count = 0;
  const mismatches: string[] = [];
  for (let run = 0; run < runs; run++) {
    for (const { gold, text } of docs) {
      const transformed = family.apply(text, seededRandom(`${family.name}/${gold.file}/${run}`));
      const report = compareClauses(parseBytes(new Uint8Array(Buffer.from(transformed, 'utf8')), gold.file), gold);
      matched += report.matched;
      total += report.total;
      count++;
      if (report.mismatches.length === 0) full++;
      else mismatches.push(...report.mismatches.map((m) => `  [${run}] ${m}`));
    }
  }
  const pct = total === 0 ? 100 : (100 * matched) / total;
  console.log(`| ${family.name} | ${family.what} | ${matched} / ${total} (${pct.toFixed(1)}%) | ${full} / ${count} |`);
  if (why) console.log(mismatches.join('\n'));
}
