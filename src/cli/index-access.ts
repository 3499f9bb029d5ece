// The engine is loaded on demand, so `unres parse` never loads the index code
// and the search path never loads the parser.

import type { UnresIndex } from '../store/index.js';

export async function openIndex(dir: string, create = false): Promise<UnresIndex> {
  const { UnresIndex } = await import('../store/index.js');
  return await UnresIndex.open(dir, { create });
}
