// The early exit of the command line (src/cli/exit.ts): only when nothing is under way.
import { describe, expect, it } from 'vitest';
import { nothingPending } from '../../src/cli/exit.js';

const drained = { writableLength: 0, writableNeedDrain: false };

describe('nothingPending', () => {
  it('is true when only the standard streams are open and nothing is queued on them', () => {
    expect(nothingPending({ resources: ['PipeWrap', 'PipeWrap', 'CloseReq'], streams: [drained, drained] })).toBe(true);
    expect(nothingPending({ resources: ['TTYWrap', 'TTYWrap'], streams: [drained, drained] })).toBe(true);
    expect(nothingPending({ resources: [], streams: [drained, drained] })).toBe(true);
  });

  it('is false while a write is in flight or output is queued on stdout or stderr', () => {
    expect(nothingPending({ resources: ['PipeWrap', 'WriteWrap'], streams: [drained, drained] })).toBe(false);
    expect(nothingPending({ resources: ['SimpleWriteWrap', 'PipeWrap'], streams: [drained, drained] })).toBe(false);
    expect(nothingPending({ resources: ['PipeWrap'], streams: [{ writableLength: 10, writableNeedDrain: false }, drained] })).toBe(false);
    expect(nothingPending({ resources: ['PipeWrap'], streams: [drained, { writableLength: 0, writableNeedDrain: true }] })).toBe(false);
  });

  it('is false while a timer, a child process, a worker or a file operation is pending', () => {
    for (const other of ['Timeout', 'ProcessWrap', 'MessagePort', 'FSReqCallback', 'FileHandleCloseReq', 'Immediate']) {
      expect(nothingPending({ resources: ['PipeWrap', other], streams: [drained, drained] })).toBe(false);
    }
  });
});

describe('finishProcess while something is pending', () => {
  it('leaves with the decided code on Ctrl-C, not by dying of the signal', async () => {
    const { spawn } = await import('node:child_process');
    const { fileURLToPath, pathToFileURL } = await import('node:url');
    const bundle = pathToFileURL(fileURLToPath(new URL('../../dist/bundle/main.js', import.meta.url))).href;
    // A timer stands for the worker threads an ingest waits for after its last write.
    const script = `import { finishProcess } from ${JSON.stringify(bundle)}; setTimeout(() => {}, 20000); finishProcess(3); process.stdout.write('waiting\\n');`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => child.stdout.on('data', (d: Buffer) => d.toString().includes('waiting') && resolve()));
    child.kill('SIGINT');
    const [code, signal] = await new Promise<[number | null, string | null]>((resolve) => child.on('exit', (c, s) => resolve([c, s])));
    expect(signal).toBeNull();
    expect(code).toBe(3);
  });
});
