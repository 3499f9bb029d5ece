// The baselines by the name the command line and the eval use.

import type { Baseline } from './clauses.js';
import { fts5Baseline } from './fts5.js';
import { luceneBaseline } from './lucene.js';
import { lunrBaseline } from './lunr.js';

export const BASELINES: Readonly<Record<string, Baseline>> = { lucene: luceneBaseline, fts5: fts5Baseline, lunr: lunrBaseline };
