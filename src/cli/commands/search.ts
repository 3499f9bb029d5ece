// `unres search <query...>`: hits on stdout (human, --json array or --ndjson
// lines). Exit 0 with hits, 1 without; the engine raises 2 for bad query
// syntax and 3 for index problems. Human output is grouped by document (see
// render/hits.ts) and followed by one line on stderr: how many clauses in how
// many documents, and how long it took; no hits is a line on stderr too.
// --doc and --cites are checked first: a document not in the index, or a
// --cites that is not a symbol, is exit 2, not a silent "no hits".

import { type Command, Option } from 'commander';
import { UsageError } from '../../errors.js';
import { type EngineHit, hitsToJsonArray, hitsToNdjson } from '../../render/hits-json.js';
import type { HitDocument } from '../../render/hits.js';
import { neutralise } from '../../render/safe.js';
import { citeQueryKey } from '../../search/analysis/symbols.js';
import { CLAUSE_KINDS, DOCUMENT_KINDS } from '../../search/fields.js';
import type { UnresIndex } from '../../store/index.js';
import type { CommandContext } from '../context.js';
import { resolveDocumentId } from '../find-document.js';
import { openIndex } from '../index-access.js';
import { type HumanOptions, addHumanOptions, collect, dateBound, indexOption, positiveInteger, useIndexDir, wholeNumber } from '../options.js';

interface SearchOptions extends HumanOptions {
  limit: number;
  kind?: string[];
  doc?: string[];
  cites?: string[];
  since?: string;
  until?: string;
  count?: boolean;
  documents?: boolean;
  context?: number;
  heading?: boolean;
  json?: boolean;
  ndjson?: boolean;
  index?: string;
}

/** -c and -l count every match unless --limit is given. */
const UNLIMITED = Number.MAX_SAFE_INTEGER;

function checkCites(values: string[]): string[] {
  for (const value of values) {
    if (citeQueryKey(value) === null) {
      throw new UsageError(`--cites "${value}" is not a symbol: give one like A/RES/64/293, or a number pair like 64/293`);
    }
  }
  return values;
}

async function resolveDocs(index: UnresIndex, values: string[]): Promise<string[]> {
  // Exact ids are looked up; every document is listed only for a symbol or a file name.
  let listed: Awaited<ReturnType<UnresIndex['list']>> | undefined;
  const ids: string[] = [];
  for (const value of values) {
    if (index.holds(value.trim())) ids.push(value.trim());
    else ids.push(await resolveDocumentId(index, value, (listed ??= await index.list())));
  }
  return ids;
}

/** The stored documents of the hits (for headings and context), each read once. */
async function hitDocuments(index: UnresIndex, hits: EngineHit[]): Promise<Map<string, HitDocument>> {
  const docs = new Map<string, HitDocument>();
  for (const hit of hits) {
    if (docs.has(hit.doc)) continue;
    const doc = await index.get(hit.doc);
    if (doc) docs.set(hit.doc, doc);
  }
  return docs;
}

async function search(words: string[], options: SearchOptions, limitGiven: boolean, ctx: CommandContext): Promise<void> {
  const { stdout, stderr, env } = ctx.io;
  const now = ctx.io.now ?? (() => Date.now());
  const started = now();
  const query = words.join(' ').trim();
  if (query === '') throw new UsageError('empty query: give at least one word to search for');
  if ((options.count || options.documents) && (options.json || options.ndjson)) {
    throw new UsageError(`${options.count ? '-c/--count' : '-l/--documents'} prints lines, not JSON: drop --json/--ndjson`);
  }
  if (options.since !== undefined && options.until !== undefined && options.since > options.until) {
    throw new UsageError(`--since ${options.since} is after --until ${options.until}: nothing can match`);
  }
  const cites = checkCites(options.cites ?? []);
  const index = await openIndex(useIndexDir(ctx, options.index));
  const docs = options.doc ? await resolveDocs(index, options.doc) : [];

  const counting = options.count === true || options.documents === true;
  const filters: Parameters<UnresIndex['search']>[1] = { limit: counting && !limitGiven ? UNLIMITED : options.limit };
  if (options.kind?.length) filters.kind = options.kind;
  // Each --doc is resolved to one document's id above: the engine finds it by id (a lookup, not a scan).
  if (docs.length > 0) filters.docIds = docs;
  if (cites.length > 0) filters.cites = cites;
  if (options.since !== undefined) filters.since = options.since;
  if (options.until !== undefined) filters.until = options.until;
  // A diagnostic, so on stderr whatever the output format: the hits below are not for the name as typed.
  filters.onParts = () => stderr.write(`unres: no clause holds the symbol or resolution in '${neutralise(query)}' whole; showing clauses with its parts\n`);
  const hits = (await index.search(query, filters)) as EngineHit[];
  ctx.exitCode = hits.length > 0 ? 0 : 1;

  if (options.json) return void stdout.write(hitsToJsonArray(hits));
  if (options.ndjson) return void stdout.write(hitsToNdjson(hits));
  if (hits.length === 0) {
    const filtered = options.kind || options.doc || options.cites || options.since || options.until ? ' with these filters' : '';
    stderr.write(`unres: no clauses match '${neutralise(query)}'${filtered}\n`);
    return;
  }
  // Human output only: the terminal code is not loaded for --json and --ndjson.
  const { groupHits, renderCounts, renderDocumentIds, renderFlatHits, renderGroupedHits, resultSummary } = await import('../../render/hits.js');
  const { humanStyleFor, renderLines } = await import('../../render/terminal.js');
  const context = options.context ?? 0;
  const groups = groupHits(hits, counting && context === 0 ? new Map() : await hitDocuments(index, hits));
  const lines = options.count
    ? renderCounts(groups)
    : options.documents
      ? renderDocumentIds(groups)
      : options.heading !== false
        ? renderGroupedHits(groups, { context })
        : renderFlatHits(groups, { context });
  stdout.write(renderLines(lines, humanStyleFor(stdout, env, options)));
  const more = !counting && hits.length === options.limit ? `; the first ${options.limit} (--limit)` : '';
  stderr.write(`${resultSummary(hits.length, groups.length, (now() - started) / 1000)}${more}\n`);
}

export function registerSearch(program: Command, ctx: CommandContext): void {
  const command = program
    .command('search')
    .description('search the index; exit 0 with hits, 1 without')
    .argument('<query...>', 'words to look for (see Query syntax below)')
    .addOption(new Option('--limit <n>', 'at most N hits (-c and -l count all unless given)').argParser(positiveInteger).default(10))
    .addOption(
      new Option('--kind <kind>', `only this clause kind (${CLAUSE_KINDS.join(', ')}) or document kind (${DOCUMENT_KINDS.join(', ')}); repeat for any of several`).argParser(collect),
    )
    .addOption(new Option('--doc <doc>', 'only this document (id, symbol or file name); repeat for any of several').argParser(collect))
    .addOption(new Option('--cites <symbol>', 'only clauses citing this symbol, e.g. A/RES/64/293; repeat for any of several').argParser(collect))
    .addOption(new Option('--since <date>', 'only documents adopted on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)').argParser(dateBound('since')))
    .addOption(new Option('--until <date>', 'only documents adopted on or before this date (YYYY, YYYY-MM or YYYY-MM-DD)').argParser(dateBound('until')))
    .addOption(new Option('-c, --count', 'print matching clauses per document (id:count); the total is on stderr').conflicts('documents'))
    .option('-l, --documents', 'print only the ids of the matching documents')
    .addOption(new Option('-C, --context <n>', 'show N neighbouring clauses around each hit').argParser(wholeNumber))
    .option('--heading', 'group hits under a heading per document (the default)')
    .option('--no-heading', 'one line per hit: doc#clause, then the snippet')
    .addOption(new Option('--json', 'print one JSON array').conflicts('ndjson'))
    .option('--ndjson', 'print one JSON hit per line');
  addHumanOptions(command).addOption(indexOption());
  command.action((words: string[], options: SearchOptions, cmd: Command) =>
    search(words, options, cmd.getOptionValueSource('limit') === 'cli', ctx),
  );
}
