// Errors that carry their exit code, so the CLI can print one line and leave
// with the code the contract promises: 2 for bad usage or input, 3 for the index.

export class UnresError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad input: a file that is not text, empty, unreadable. Exit 2. */
export class InputError extends UnresError {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`${file}: ${problem}`, 2);
  }
}

/** Bad usage: unknown option, bad query syntax. Exit 2. */
export class UsageError extends UnresError {
  constructor(message: string) {
    super(message, 2);
  }
}

/** The index is missing, locked past the wait, damaged, or of another version. Exit 3. */
export class IndexError extends UnresError {
  constructor(message: string) {
    super(message, 3);
  }
}
