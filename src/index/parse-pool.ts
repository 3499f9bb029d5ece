// Parses files on worker threads during ingest (one per core), in order: the
// caller submits files and takes parsed documents back in the order given,
// with a bounded number in flight, so memory stays bounded and the main
// thread indexes while the workers parse. Where workers cannot run (the
// TypeScript sources under a test runner), or for a handful of files, it
// parses in the calling thread instead: same results, same errors.

import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { UnresError } from '../errors.js';
import type { UnresDocument } from '../types.js';
import type { AnalysedDocument } from './analysed.js';
import type { ParseRequest, WorkerFailure } from './parse-worker.js';

export interface Parsed {
  /** Light when it comes from a worker (builder.ts lightDocument): its whole form is the JSON in `compressed`. */
  doc: UnresDocument;
  /** The document's JSON, compressed for the stored documents. */
  compressed?: Uint8Array;
  /** Its text analysed for the postings. */
  analysed?: AnalysedDocument;
}

type Settle = { resolve: (p: Parsed) => void; reject: (e: Error) => void };

/** An error as the calling thread would have seen it (UnresError keeps its exit code, file errors their code and path). */
function revive(f: WorkerFailure): Error {
  if (f.exitCode !== undefined) {
    const err = new UnresError(f.message, f.exitCode);
    err.name = f.name;
    return err;
  }
  const err = new Error(f.message) as NodeJS.ErrnoException;
  err.name = f.name;
  if (f.code !== undefined) err.code = f.code;
  if (f.path !== undefined) err.path = f.path;
  return err;
}

const WORKER_FILE = fileURLToPath(new URL('./parse-worker.js', import.meta.url));

/** Can worker threads run here (compiled JavaScript beside this module)? */
export function workersAvailable(): boolean {
  return import.meta.url.endsWith('.js') && existsSync(WORKER_FILE);
}

/**
 * Requests a worker may hold at once. The main thread hands out work only
 * between its own tasks, and writing a batch of segments keeps it busy for a
 * second or more: workers that held one request each sat idle through it
 * (a profile of a 1,000-file ingest: each worker idle a third of the time).
 * With a queue of their own they keep parsing; each request is one file's
 * bytes, so memory stays bounded by the read-ahead window.
 */
const WORKER_QUEUE = 64;

/**
 * Old-generation heap of a parse worker, in MB. Without a limit V8 let each
 * worker's heap grow to 250 MB and more over a long ingest (garbage it had not
 * collected yet: a worker holds about 40 MB live), and two workers beside the
 * main thread took a 100,000-file ingest over 1 GB. A document too large to
 * parse within it is parsed on the calling thread instead (WorkerOutOfMemory).
 */
export const WORKER_HEAP_MB = 160;

/** The limit, which tests lower with UNRES_WORKER_HEAP_MB to see a worker run out of memory. */
function workerHeapMb(): number {
  const given = Number(process.env.UNRES_WORKER_HEAP_MB);
  return Number.isFinite(given) && given >= 8 ? given : WORKER_HEAP_MB;
}

/** A parse the pool could not do within a worker's memory: the caller parses the file itself. */
export class WorkerOutOfMemory extends Error {}

interface Slot {
  worker: Worker;
  /** Requests posted and not answered yet, by id. */
  requests: Map<number, ParseRequest>;
  /** Their bytes: new work goes to the slot with the least. */
  bytes: number;
}

export class ParsePool {
  private readonly slots: Slot[] = [];
  private readonly queue: ParseRequest[] = [];
  private readonly waiting = new Map<number, Settle>();
  /** Requests that were in flight on a worker that ran out of memory: a second time, they are given back. */
  private readonly retried = new Set<number>();
  private nextId = 0;
  private failed: Error | null = null;

  constructor(size = Math.max(1, availableParallelism())) {
    for (let i = 0; i < size; i++) {
      const slot: Slot = { worker: null as unknown as Worker, requests: new Map(), bytes: 0 };
      this.start(slot);
      this.slots.push(slot);
    }
  }

  private start(slot: Slot): void {
    const worker = new Worker(WORKER_FILE, { resourceLimits: { maxOldGenerationSizeMb: workerHeapMb() } });
    slot.worker = worker;
    worker.on('message', (m: { id: number; doc?: UnresDocument; compressed?: Uint8Array; analysed?: AnalysedDocument; failure?: WorkerFailure }) => {
      const request = slot.requests.get(m.id);
      slot.requests.delete(m.id);
      this.retried.delete(m.id);
      if (request) slot.bytes -= request.bytes.length;
      const settle = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      if (settle) {
        if (m.failure) settle.reject(revive(m.failure));
        else settle.resolve({ doc: m.doc!, compressed: m.compressed!, analysed: m.analysed! });
      }
      // An idle worker does not keep the process alive (a failed ingest still exits).
      if (slot.requests.size === 0) worker.unref();
      this.pump();
    });
    worker.on('error', (err: Error & { code?: string }) => {
      if (err.code === 'ERR_WORKER_OUT_OF_MEMORY' && !this.failed) this.outOfMemory(slot);
      else this.fail(err);
    });
    worker.unref();
  }

  /**
   * A worker ran out of memory: its requests go to a new worker, except those
   * in flight at an earlier failure too, which the callers parse themselves.
   */
  private outOfMemory(slot: Slot): void {
    const lost = [...slot.requests.values()];
    slot.requests.clear();
    slot.bytes = 0;
    this.start(slot);
    for (const request of lost.reverse()) {
      if (this.retried.has(request.id)) {
        this.retried.delete(request.id);
        const settle = this.waiting.get(request.id);
        this.waiting.delete(request.id);
        settle?.reject(new WorkerOutOfMemory(`${request.path}: too large to parse within a worker's memory`));
      } else {
        this.retried.add(request.id);
        this.queue.unshift(request);
      }
    }
    this.pump();
  }

  private fail(err: Error): void {
    this.failed = err;
    for (const settle of this.waiting.values()) settle.reject(err);
    this.waiting.clear();
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let slot: Slot | null = null;
      for (const s of this.slots) if (s.requests.size < WORKER_QUEUE && (slot === null || s.bytes < slot.bytes)) slot = s;
      if (slot === null) return;
      const request = this.queue.shift()!;
      if (slot.requests.size === 0) slot.worker.ref();
      slot.requests.set(request.id, request);
      slot.bytes += request.bytes.length;
      slot.worker.postMessage(request);
    }
  }

  parse(bytes: Uint8Array, path: string): Promise<Parsed> {
    if (this.failed) return Promise.reject(this.failed);
    const id = this.nextId++;
    return new Promise<Parsed>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.queue.push({ id, bytes, path });
      this.pump();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}

/** Below this many files, workers would cost more to start than they save. */
export const POOL_MIN_FILES = 64;
/**
 * Files read and parsed ahead of the one being indexed. Larger windows kept
 * the workers busy through a batch write, but the main thread then held
 * hundreds of parsed documents: its garbage collection grew from 12% to 21%
 * of a 1,000-file ingest, and the main thread (indexing, writing) is the
 * longer path, so ingest got no faster under load. What is held ahead is
 * bounded by bytes read too, so a folder of large files does not hold
 * hundreds of them parsed (a parsed document takes about ten times its
 * file's size).
 */
const WINDOW = 128;
const MAX_AHEAD_BYTES = 16 * 1024 * 1024;
/** Files being read at once. */
const MAX_READING = 32;

interface Ahead {
  read: Promise<{ bytes: Uint8Array; sha: string }>;
  parsed: Promise<Parsed> | null;
  /** The file's size once read (counted in aheadBytes). */
  size: number;
}

/**
 * Reads and parses files ahead of the caller, on the pool, in the order
 * given; the caller still decides in order (its index may change between):
 * `read(i)` gives file i's bytes and sha256 (or throws what reading threw),
 * `parse(i)` its document (or throws what parsing threw). A file whose
 * sha256 `known` says is indexed already is not parsed ahead.
 */
export class ParseAhead {
  private readonly ahead = new Map<number, Ahead>();
  private started = 0;
  /** Bytes of the files read ahead and not taken yet. */
  private aheadBytes = 0;
  /** Reads started and not finished. */
  private reading = 0;
  /** The furthest file the caller asked for. */
  private upto = 0;

  constructor(
    private readonly inputs: ReadonlyArray<{ path: string; read(): Promise<Uint8Array> }>,
    private readonly sha256: (bytes: Uint8Array) => string,
    private readonly known: (sha: string) => boolean | Promise<boolean>,
    private readonly pool: ParsePool,
  ) {}

  private fill(upto: number): void {
    this.upto = Math.max(this.upto, upto);
    while (this.started < Math.min(this.inputs.length, this.upto + WINDOW)) {
      // File `upto` itself is always read; beyond it, reads wait while too much is held or being read.
      if (this.started > this.upto && (this.aheadBytes >= MAX_AHEAD_BYTES || this.reading >= MAX_READING)) break;
      const index = this.started++;
      const input = this.inputs[index]!;
      const read = input.read().then((bytes) => ({ bytes, sha: this.sha256(bytes) }));
      const entry: Ahead = { read, parsed: null, size: 0 };
      this.ahead.set(index, entry);
      this.reading++;
      read.then(
        async ({ bytes, sha }) => {
          this.reading--;
          if (this.ahead.get(index) === entry) {
            entry.size = bytes.length;
            this.aheadBytes += entry.size;
          }
          // Keep reading ahead without waiting for the caller (it may be writing a batch).
          this.fill(this.upto);
          if (await this.known(sha)) return;
          entry.parsed = this.pool.parse(bytes, input.path);
          entry.parsed.catch(() => undefined); // reported by parse(i), if asked
        },
        () => {
          this.reading--;
          this.fill(this.upto);
        }, // the error is reported by read(i)
      );
    }
  }

  async read(i: number): Promise<{ bytes: Uint8Array; sha: string }> {
    this.fill(i);
    return this.ahead.get(i)!.read;
  }

  private take(i: number): Ahead | undefined {
    const entry = this.ahead.get(i);
    if (entry) {
      this.ahead.delete(i);
      this.aheadBytes -= entry.size;
    }
    return entry;
  }

  /** File i's document, or null when it is for the caller to parse (too large for a worker's memory). */
  async parse(i: number): Promise<Parsed | null> {
    const entry = this.take(i)!;
    const { bytes } = await entry.read;
    // Let the decision above settle (it ran after the read).
    await new Promise<void>((resolve) => setImmediate(resolve));
    try {
      return await (entry.parsed ?? this.pool.parse(bytes, this.inputs[i]!.path));
    } catch (err) {
      if (err instanceof WorkerOutOfMemory) return null;
      throw err;
    }
  }

  /** Drops file i without parsing it (unchanged). */
  skip(i: number): void {
    this.take(i);
  }
}
