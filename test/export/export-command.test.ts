// `unres export` run in-process on its own commander program, with the index
// replaced by a fake holding the parsed seeds (the command only needs list/get).

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Command, CommanderError } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerExport } from '../../src/cli/commands/export.js';
import type { CommandContext } from '../../src/cli/context.js';
import { UsageError } from '../../src/errors.js';
import { documentToAkn } from '../../src/export/akn.js';
import { documentToJsonl } from '../../src/export/jsonl.js';
import { opensearchMappingJson } from '../../src/export/opensearch.js';
import type { UnresDocument } from '../../src/types.js';
import { seedDocuments } from './seed-documents.js';

const seeds = seedDocuments().map((s) => s.doc);
let indexed: UnresDocument[] = seeds;

vi.mock('../../src/cli/index-access.js', () => ({
  openIndex: async () => ({
    list: async () => indexed.map((d) => ({ id: d.id, symbol: d.symbol, source: d.source.path.split('/').pop() })),
    get: async (id: string) => indexed.find((d) => d.id === id),
    holds: (id: string) => indexed.some((d) => d.id === id),
  }),
}));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function runExport(args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const ctx: CommandContext = {
    exitCode: 0,
    io: {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
      stdin: Readable.from([]),
      env: {},
    },
  };
  const program = new Command('unres').exitOverride().configureOutput({ writeOut: () => undefined, writeErr: () => undefined });
  registerExport(program, ctx);
  await program.parseAsync(['node', 'unres', 'export', '--index', '/nowhere', ...args]);
  return { code: ctx.exitCode, stdout, stderr };
}

let out: string;
beforeEach(() => {
  out = mkdtempSync(join(tmpdir(), 'unres-export-'));
  indexed = seeds;
});
afterEach(() => rmSync(out, { recursive: true, force: true }));

describe('unres export --format jsonl', () => {
  it('prints every clause of every document when none is named', async () => {
    const run = await runExport(['--format', 'jsonl']);
    expect(run.stdout).toBe(seeds.map(documentToJsonl).join(''));
    expect(run.stdout.trim().split('\n')).toHaveLength(seeds.reduce((n, d) => n + d.clauses.length, 0));
    expect(run.stderr).toBe('');
  });

  it('exports only the named documents, found by id, symbol or file name, each once', async () => {
    const run = await runExport(['--format', 'jsonl', 'E/RES/2017/18', '000_891190217a09267c.txt', 'E-RES-2017-18']);
    const docs = new Set(run.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { doc: string }).doc));
    expect([...docs]).toEqual(['E-RES-2017-18', '000_891190217a09267c']);
  });

  it('writes unres.jsonl under --out and prints its path', async () => {
    const run = await runExport(['--format', 'jsonl', '--out', out]);
    expect(run.stdout).toBe(`${join(out, 'unres.jsonl')}\n`);
    expect(readFileSync(join(out, 'unres.jsonl'), 'utf8')).toBe(seeds.map(documentToJsonl).join(''));
  });
});

describe('unres export --format akn', () => {
  it('writes one file per document under --out, creating the folder', async () => {
    const folder = join(out, 'akn', 'nested');
    const run = await runExport(['--format', 'akn', '--out', folder]);
    expect(readdirSync(folder).sort()).toEqual(seeds.map((d) => `${d.id}.akn.xml`).sort());
    expect(run.stdout.trim().split('\n')).toEqual(seeds.map((d) => join(folder, `${d.id}.akn.xml`)));
    for (const doc of seeds) expect(readFileSync(join(folder, `${doc.id}.akn.xml`), 'utf8')).toBe(documentToAkn(doc));
  });

  it('prints the XML of exactly one named document without --out', async () => {
    const run = await runExport(['--format', 'akn', 'E-RES-2019-20']);
    expect(run.stdout).toBe(documentToAkn(seeds.find((d) => d.id === 'E-RES-2019-20')!));
  });

  it('needs --out for all documents or several', async () => {
    await expect(runExport(['--format', 'akn'])).rejects.toThrow(UsageError);
    await expect(runExport(['--format', 'akn', 'E-RES-2019-20', 'E-RES-2017-18'])).rejects.toThrow(/--out/);
  });
});

describe('unres export --format opensearch', () => {
  it('writes the mapping and the bulk file under --out', async () => {
    const run = await runExport(['--format', 'opensearch', '--out', out]);
    expect(run.stdout).toBe(`${join(out, 'opensearch-mapping.json')}\n${join(out, 'opensearch-bulk.ndjson')}\n`);
    expect(readFileSync(join(out, 'opensearch-mapping.json'), 'utf8')).toBe(opensearchMappingJson());
    const bulk = readFileSync(join(out, 'opensearch-bulk.ndjson'), 'utf8');
    expect(bulk.trim().split('\n')).toHaveLength(2 * seeds.reduce((n, d) => n + d.clauses.length, 0));
  });

  it('prints the bulk lines without --out, with the index name asked for', async () => {
    const run = await runExport(['--format', 'opensearch', '--opensearch-index', 'un-docs', 'E-RES-2017-18']);
    const first = JSON.parse(run.stdout.split('\n')[0]!) as { index: { _index: string; _id: string } };
    expect(first.index).toEqual({ _index: 'un-docs', _id: 'E-RES-2017-18#pp1' });
  });

  it('refuses an index name OpenSearch would refuse', async () => {
    for (const name of ['Unres', '_unres', 'a b', 'a/b', '..']) {
      await expect(runExport(['--format', 'opensearch', '--opensearch-index', name]), name).rejects.toThrow(/--opensearch-index/);
    }
  });
});

describe('unres export, usage and empty indexes', () => {
  it('requires a known --format', async () => {
    await expect(runExport([])).rejects.toThrow(CommanderError);
    await expect(runExport(['--format', 'xml'])).rejects.toThrow(/Allowed choices are akn, jsonl, opensearch/);
  });

  it('names a document the index does not hold', async () => {
    await expect(runExport(['--format', 'jsonl', 'A/RES/1/1'])).rejects.toThrow(/no document "A\/RES\/1\/1"/);
  });

  it('says on stderr when there is nothing to export, and still succeeds', async () => {
    indexed = [];
    const run = await runExport(['--format', 'jsonl']);
    expect(run).toEqual({ code: 0, stdout: '', stderr: 'unres: the index holds no documents; nothing to export\n' });
  });
});
