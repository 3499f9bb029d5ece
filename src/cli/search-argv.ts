// The query language excludes a word with a leading minus (`-الأطفال`), which
// an option parser would take for an unknown option. An argument of `search`
// that is a minus followed by a non-ASCII character cannot be one of unres's
// options, so it is moved behind `--`, where it stays a query word. Word order
// does not matter to the query. ASCII exclusions (`-word`) still need `--`.

const NON_ASCII_EXCLUSION = /^-[^\x00-\x7f]/;

/** `argv` as in process.argv; returns it unchanged unless the command is `search`. */
export function protectQueryExclusions(argv: readonly string[]): string[] {
  const args = argv.slice(2);
  if (args[0] !== 'search') return [...argv];
  const separator = args.indexOf('--');
  const before = separator < 0 ? args : args.slice(0, separator);
  const after = separator < 0 ? [] : args.slice(separator + 1);
  const exclusions = before.filter((a) => NON_ASCII_EXCLUSION.test(a));
  if (exclusions.length === 0) return [...argv];
  const kept = before.filter((a) => !NON_ASCII_EXCLUSION.test(a));
  return [...argv.slice(0, 2), ...kept, '--', ...exclusions, ...after];
}
