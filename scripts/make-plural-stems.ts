// Writes src/search/analysis/plural-stems.ts, the broken plurals' stems the
// stemmer loads precomputed, after broken-plurals.ts or the suffix rules change:
//   npm run build && node dist/scripts/make-plural-stems.js
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pluralStemsModule } from '../src/search/analysis/plural-stems-source.js';

const target = join(import.meta.dirname, '..', '..', 'src', 'search', 'analysis', 'plural-stems.ts');
writeFileSync(target, pluralStemsModule());
process.stdout.write(`wrote ${target}\n`);
