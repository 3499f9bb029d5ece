// Whole-process measurements for the benchmarks: wall time (measured here,
// from spawn to exit) and peak RSS (GNU time's %M when /usr/bin/time exists,
// else polling /proc/<pid>/status VmHWM), with a time limit that kills the
// whole process group.

import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Sample {
  wallMs: number;
  /** Peak resident set size, KiB; null when it could not be read. */
  maxRssKb: number | null;
  /** User + system CPU seconds of the process (GNU time only). */
  cpuS: number | null;
  code: number | null;
  signal: string | null;
  timedOut: boolean;
  stdoutBytes: number;
  /** The start of stdout (64 KiB unless asked for more: enough to check a JSON hit list). */
  stdoutHead: string;
  stderrTail: string;
}

export interface RunOptions {
  timeoutMs: number;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Called every `pollMs` while the process runs; return true to kill it (SIGKILL). */
  killWhen?: (elapsedMs: number) => boolean;
  pollMs?: number;
  /** How much of stdout to keep in `stdoutHead` (default 64 KiB). */
  keepStdout?: number;
  /** Written to the process's standard input (else it reads nothing). */
  input?: string;
}

const GNU_TIME = '/usr/bin/time';
let gnuTimeWorks: boolean | undefined;

function hasGnuTime(): boolean {
  if (gnuTimeWorks === undefined) gnuTimeWorks = existsSync(GNU_TIME);
  return gnuTimeWorks;
}

export function rssMethod(): string {
  return hasGnuTime() ? '/usr/bin/time -f %M (max RSS of the process)' : '/proc/<pid>/status VmHWM, polled every 10 ms';
}

let counter = 0;
/** CPU seconds of every measured process so far (GNU time only). */
let childCpuSeconds = 0;

export function measuredCpuSeconds(): number {
  return childCpuSeconds;
}

/** Busy and total CPU time of the whole machine since boot, seconds (from /proc/stat), or null. */
export function machineCpu(): { busyS: number; totalS: number } | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
    const v = line.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal
    const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = v;
    const busy = user + nice + system + irq + softirq + steal;
    const hz = 100; // USER_HZ on Linux
    return { busyS: busy / hz, totalS: (busy + idle + iowait) / hz };
  } catch {
    return null;
  }
}

const running = new Set<number>();

/** Kill every process group still running (the bench itself is being stopped). */
export function killRunning(): void {
  for (const pid of running) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
  running.clear();
}

export function runMeasured(command: string, args: string[], options: RunOptions): Promise<Sample> {
  const timeFile = join(tmpdir(), `unres-bench-time-${process.pid}-${counter++}`);
  const useTime = hasGnuTime();
  const [cmd, argv] = useTime ? [GNU_TIME, ['-f', '%M %U %S', '-o', timeFile, command, ...args]] : [command, args];
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(cmd, argv, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      detached: true, // its own process group, so a time limit kills everything it started
    });
    if (options.input !== undefined && child.stdin) {
      child.stdin.on('error', () => undefined); // a process that exits without reading
      child.stdin.end(options.input);
    }
    if (child.pid !== undefined) running.add(child.pid);
    let stdoutBytes = 0;
    const head: Buffer[] = [];
    let headBytes = 0;
    let stderr = '';
    let timedOut = false;
    let polledHwm: number | null = null;
    child.stdout!.on('data', (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      if (headBytes < (options.keepStdout ?? 65536)) {
        head.push(chunk);
        headBytes += chunk.length;
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-4000);
    });
    const killGroup = (): void => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const limit = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, Math.max(1, options.timeoutMs));
    const poll = setInterval(
      () => {
        const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
        if (!useTime && child.pid !== undefined) {
          const hwm = readHwm(child.pid);
          if (hwm !== null) polledHwm = Math.max(polledHwm ?? 0, hwm);
        }
        if (options.killWhen?.(elapsed)) killGroup();
      },
      options.killWhen ? (options.pollMs ?? 50) : 10,
    );
    if (useTime && !options.killWhen) clearInterval(poll);
    child.on('error', (err) => {
      clearTimeout(limit);
      clearInterval(poll);
      reject(err);
    });
    child.on('close', (code, signal) => {
      if (child.pid !== undefined) running.delete(child.pid);
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      clearTimeout(limit);
      clearInterval(poll);
      let maxRssKb: number | null = polledHwm;
      let cpuS: number | null = null;
      let exitCode = code;
      if (useTime) {
        try {
          const text = readFileSync(timeFile, 'utf8');
          rmSync(timeFile, { force: true });
          const figures = text
            .trim()
            .split('\n')
            .map((l) => /^(\d+) ([\d.]+) ([\d.]+)$/.exec(l.trim()))
            .filter((m): m is RegExpExecArray => m !== null);
          const last = figures[figures.length - 1];
          if (last) {
            maxRssKb = Number(last[1]);
            cpuS = Number(last[2]) + Number(last[3]);
            childCpuSeconds += cpuS;
          }
          const terminated = /Command terminated by signal (\d+)/.exec(text);
          if (terminated) exitCode = null;
          const exited = /Command exited with non-zero status (\d+)/.exec(text);
          if (exited) exitCode = Number(exited[1]);
        } catch {
          // time killed before writing
        }
      }
      resolve({
        wallMs,
        maxRssKb,
        cpuS,
        code: timedOut ? null : exitCode,
        signal: timedOut ? 'SIGKILL' : signal,
        timedOut,
        stdoutBytes,
        stdoutHead: Buffer.concat(head).toString('utf8'),
        stderrTail: stderr,
      });
    });
  });
}

function readHwm(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmHWM:\s+(\d+)\s+kB/.exec(status);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** Sum of the sizes of the files under `dir` (apparent size), bytes. */
export function treeBytes(dir: string): number {
  let total = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    try {
      if (entry.isDirectory()) total += treeBytes(path);
      else if (entry.isFile()) total += statSync(path).size;
    } catch {
      // vanished while we looked (an ingest writing)
    }
  }
  return total;
}

export function treeFiles(dir: string): number {
  let total = 0;
  try {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      total += entry.isDirectory() ? treeFiles(join(dir, entry.name)) : 1;
    }
  } catch {
    return total;
  }
  return total;
}

// ---------------------------------------------------------------- statistics

export function median(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return NaN;
  return n % 2 === 1 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
}

export function spread(values: number[]): { min: number; max: number } {
  return { min: Math.min(...values), max: Math.max(...values) };
}
