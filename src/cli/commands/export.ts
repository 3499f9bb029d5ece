// `unres export [doc...] --format akn|jsonl|opensearch [--out DIR]`: indexed
// documents (all when none is named) in formats other tools read. The formats
// themselves are pure functions in src/export; this command only gathers the
// documents and decides where the text goes (docs/export.md):
//   --out DIR   akn: DIR/<id>.akn.xml each (names from src/export/file-names.ts:
//               safe, bounded, never shared); jsonl: DIR/unres.jsonl;
//               opensearch: DIR/opensearch-mapping.json + DIR/opensearch-bulk.ndjson.
//               The paths written are printed on stdout, one per line.
//   no --out    jsonl and the opensearch bulk lines go to stdout; akn only when
//               exactly one document is named (a file per document needs a folder).

import { type Stats, lstatSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type Command, Option } from 'commander';
import { InputError, UsageError } from '../../errors.js';
import { ExportNames } from '../../export/file-names.js';
import { describeFileType, makeDirectories } from '../../files.js';
import { tempPathBeside } from '../../store/atomic.js';
import type { UnresIndex } from '../../store/index.js';
import type { UnresDocument } from '../../types.js';
import type { CommandContext } from '../context.js';
import { findDocument } from '../find-document.js';
import { openIndex } from '../index-access.js';
import type { OutStream } from '../io.js';
import { indexOption, useIndexDir } from '../options.js';

export const EXPORT_FORMATS = ['akn', 'jsonl', 'opensearch'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const JSONL_FILE = 'unres.jsonl';
export const OPENSEARCH_MAPPING_FILE = 'opensearch-mapping.json';
export const OPENSEARCH_BULK_FILE = 'opensearch-bulk.ndjson';

export interface ExportOptions {
  format: ExportFormat;
  out?: string;
  opensearchIndex: string;
  index?: string;
}

/** Named documents (each once, in the order named), or every document in the index. */
export async function gatherDocuments(index: UnresIndex, references: readonly string[]): Promise<UnresDocument[]> {
  const docs: UnresDocument[] = [];
  const seen = new Set<string>();
  const keep = (doc: UnresDocument): void => {
    if (seen.has(doc.id)) return;
    seen.add(doc.id);
    docs.push(doc);
  };
  if (references.length > 0) {
    for (const reference of references) keep(await findDocument(index, reference));
    return docs;
  }
  const listed = (await index.list()) as { id: string }[];
  for (const { id } of listed) {
    const doc = await index.get(id);
    if (doc) keep(doc);
  }
  return docs;
}

/** Where one output stream goes: a file under --out, or stdout. */
interface Sink {
  write(text: string): Promise<void>;
}

function stdoutSink(stdout: OutStream): Sink {
  return { write: async (text) => void stdout.write(text) };
}

/**
 * Writes one file under --out whole or not at all: into a new temporary file
 * beside it (created exclusively, so never through a link), every write
 * checked, then renamed over the name. A failure (full disk, a size limit)
 * removes the temporary file and is thrown; the name is never announced.
 */
async function writeFileWhole(path: string, fill: (sink: Sink) => Promise<void>): Promise<void> {
  refuseNonFileTarget(path);
  const temp = tempPathBeside(path);
  const file = await open(temp, 'wx', 0o644);
  try {
    await fill({
      write: async (text) => {
        const bytes = Buffer.from(text, 'utf8');
        let done = 0;
        while (done < bytes.length) done += (await file.write(bytes, done, bytes.length - done)).bytesWritten;
      },
    });
    await file.close();
    await rename(temp, path);
  } catch (err) {
    await file.close().catch(() => undefined);
    await rm(temp, { force: true });
    // A failed write names no file: name the one the user asked for.
    if (err instanceof Error && (err as NodeJS.ErrnoException).code && !(err as NodeJS.ErrnoException).path) (err as NodeJS.ErrnoException).path = path;
    throw err;
  }
}

/** An existing link, folder or device under the name is refused: the export never writes through it or over it. */
function refuseNonFileTarget(path: string): void {
  let stats: Stats;
  try {
    stats = lstatSync(path);
  } catch {
    return;
  }
  if (stats.isSymbolicLink()) throw new InputError(path, 'is a symbolic link; unres export does not write through links (remove it, or choose another --out)');
  if (!stats.isFile()) throw new InputError(path, `is ${describeFileType(stats)}; unres export writes only regular files`);
}

/** Writes the documents in one format. The exporters are loaded here so other commands never pay for them. */
export async function writeExport(docs: readonly UnresDocument[], options: ExportOptions, stdout: OutStream): Promise<void> {
  const out = options.out;
  if (out !== undefined) makeDirectories(out);

  // Each file is announced once it is complete, so a reader of stdout never gets a half-written path.
  const toFileOrStdout = async (fileName: string, fill: (sink: Sink) => Promise<void>): Promise<void> => {
    if (out === undefined) return fill(stdoutSink(stdout));
    const path = join(out, fileName);
    await writeFileWhole(path, fill);
    stdout.write(path + '\n');
  };

  switch (options.format) {
    case 'akn': {
      const { AKN_EXTENSION, documentToAkn } = await import('../../export/akn.js');
      const names = new ExportNames(AKN_EXTENSION);
      for (const doc of docs) await toFileOrStdout(names.name(doc.id), (sink) => sink.write(documentToAkn(doc)));
      return;
    }
    case 'jsonl': {
      const { documentToJsonl } = await import('../../export/jsonl.js');
      await toFileOrStdout(JSONL_FILE, async (sink) => {
        for (const doc of docs) await sink.write(documentToJsonl(doc));
      });
      return;
    }
    case 'opensearch': {
      const { documentToBulk, opensearchMappingJson } = await import('../../export/opensearch.js');
      if (out !== undefined) await toFileOrStdout(OPENSEARCH_MAPPING_FILE, (sink) => sink.write(opensearchMappingJson()));
      await toFileOrStdout(OPENSEARCH_BULK_FILE, async (sink) => {
        for (const doc of docs) await sink.write(documentToBulk(doc, options.opensearchIndex));
      });
      return;
    }
  }
}

// OpenSearch's rules for index names.
const OPENSEARCH_INDEX_NAME = /^[^-_+\s/\\*?"<>|,#:][^\s/\\*?"<>|,#:]*$/;

/** Usage problems are found before the index is opened. */
export function checkExportUsage(references: readonly string[], options: ExportOptions): void {
  if (options.format === 'akn' && options.out === undefined && references.length !== 1) {
    throw new UsageError('--format akn writes one file per document: give --out <dir>, or name exactly one document to print it');
  }
  const name = options.opensearchIndex;
  if (!OPENSEARCH_INDEX_NAME.test(name) || name === '.' || name === '..' || name !== name.toLowerCase()) {
    throw new UsageError(`--opensearch-index '${name}' is not a valid index name: lower case, not starting with - _ +, without spaces or / \\ * ? " < > | , # :`);
  }
}

async function exportCommand(references: string[], options: ExportOptions, ctx: CommandContext): Promise<void> {
  checkExportUsage(references, options);
  const index = await openIndex(useIndexDir(ctx, options.index));
  const docs = await gatherDocuments(index, references);
  if (docs.length === 0) ctx.io.stderr.write('unres: the index holds no documents; nothing to export\n');
  await writeExport(docs, options, ctx.io.stdout);
}

export function registerExport(program: Command, ctx: CommandContext): void {
  program
    .command('export')
    .description('write indexed documents as Akoma Ntoso XML, JSON lines or OpenSearch bulk data (see docs/export.md)')
    .argument('[doc...]', 'documents by id, symbol or file name; all documents when none is named')
    .addOption(new Option('--format <format>', 'akn (one XML file per document), jsonl (one clause per line) or opensearch (bulk NDJSON and an index mapping)').choices(EXPORT_FORMATS).makeOptionMandatory())
    .option('--out <dir>', 'write files into this folder (created if missing) and print their paths')
    // The default is DEFAULT_OPENSEARCH_INDEX, written out so the CLI does not load the exporters to start.
    .option('--opensearch-index <name>', 'index name in the bulk action lines', 'unres')
    .addOption(indexOption())
    .action((references: string[], options: ExportOptions) => exportCommand(references, options, ctx));
}
