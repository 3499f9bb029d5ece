// Linear-time checks measure the CPU this process spent, not the wall clock:
// on a machine busy with other work, waiting for a core is not the parser's
// cost, and a wall-clock bound fails there for no fault of the code.

/** Milliseconds of CPU (user + system) that `work` took, with its result. */
export function cpuTimed<T>(work: () => T): { result: T; cpuMs: number } {
  const before = process.cpuUsage();
  const result = work();
  const used = process.cpuUsage(before);
  return { result, cpuMs: (used.user + used.system) / 1000 };
}
