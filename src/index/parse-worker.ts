// A worker thread of the ingest parse pool (parse-pool.ts): parses one file's
// bytes into a document, analyses its text (analysed.ts) and encodes its
// JSON for the stored documents, so both cores work while the main thread
// only files postings and writes segments (compressing stored blocks). The
// document goes back light (builder.ts lightDocument): the main thread needs
// its ids and numbers, not its texts again.

import { parentPort } from 'node:worker_threads';
import { parseDocumentBytes } from '../structure/parse.js';
import { analyseDocument } from './analysed.js';
import { encodeDocument } from './format/stored.js';
import { lightDocument } from './builder.js';

export interface ParseRequest {
  id: number;
  bytes: Uint8Array;
  path: string;
}

export interface WorkerFailure {
  name: string;
  message: string;
  exitCode?: number;
  code?: string;
  path?: string;
}

parentPort!.on('message', async (request: ParseRequest) => {
  try {
    const doc = await parseDocumentBytes(request.bytes, request.path);
    const compressed = encodeDocument(JSON.stringify(doc));
    const analysed = analyseDocument(doc);
    // The main thread gets the document light: it has its JSON and its analysed text.
    parentPort!.postMessage({ id: request.id, doc: lightDocument(doc), compressed, analysed }, [compressed.buffer as ArrayBuffer, analysed.data.buffer as ArrayBuffer]);
  } catch (err) {
    const e = err as Error & { exitCode?: unknown; code?: unknown; path?: unknown };
    const failure: WorkerFailure = { name: e?.name ?? 'Error', message: e?.message ?? String(err) };
    if (typeof e?.exitCode === 'number') failure.exitCode = e.exitCode;
    if (typeof e?.code === 'string') failure.code = e.code;
    if (typeof e?.path === 'string') failure.path = e.path;
    parentPort!.postMessage({ id: request.id, failure });
  }
});
