// The end of a command-line process. Left to itself, Node exits only after it
// has torn its whole heap down (environment cleanup, isolate disposal): after
// a search, the time between the last byte written and the end of the process
// was mostly that, about 7–9 ms of CPU on every cold `unres search` (issue 13),
// for memory the system reclaims at exit anyway. process.exit() skips it, but
// it also drops whatever is still under way, so the process leaves early only
// when nothing is: no write in flight or queued on stdout and stderr, no timer,
// child, worker or file operation pending; only the standard streams' own
// handles open. Otherwise it waits for the event loop to empty, then leaves
// the same way: Node's own teardown closes its signal watchers first, so a
// Ctrl-C during it (worker threads ending) killed the process by the signal.

/** Handles that only hold the standard streams open (or are closing): nothing left to do. */
const IDLE_RESOURCES = new Set(['PipeWrap', 'TTYWrap', 'TCPWrap', 'CloseReq']);

export interface PendingState {
  /** process.getActiveResourcesInfo(): one entry per open handle or request in flight. */
  resources: string[];
  /** stdout and stderr. */
  streams: { writableLength: number; writableNeedDrain: boolean }[];
}

/** Would exiting now lose nothing: no output queued, no request, timer or handle besides the standard streams'? */
export function nothingPending(state: PendingState): boolean {
  return state.streams.every((s) => s.writableLength === 0 && !s.writableNeedDrain) && state.resources.every((r) => IDLE_RESOURCES.has(r));
}

/**
 * Ends the process with `code`: at once when nothing is pending, else once
 * the event loop is empty ('beforeExit'). While it waits (worker threads
 * ending, output draining), the command's work is done and its code decided:
 * a Ctrl-C then makes it leave with that code, instead of Node's default of
 * dying by the signal (the commands' own Ctrl-C handling has ended by then).
 */
export function finishProcess(code: number): void {
  process.exitCode = code;
  if (nothingPending({ resources: process.getActiveResourcesInfo(), streams: [process.stdout, process.stderr] })) process.exit(code);
  process.on('SIGINT', () => process.exit(code));
  process.once('beforeExit', () => process.exit(code));
}
