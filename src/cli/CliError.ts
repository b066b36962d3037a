/**
 * An error the CLI reports as one line on stderr, with no stack trace. Messages must never contain
 * input content (it may be PHI): they name the file, the line, the option or the rule, never a value.
 */
export class CliError extends Error {
  /** 1: the input is bad (missing file, invalid UTF-8, malformed JSONL); 2: the command line is bad. */
  readonly exitCode: 1 | 2;
  /** Shown on a second line, e.g. "Run 'hdm mask --help' for usage." */
  readonly hint: string | undefined;

  constructor(message: string, exitCode: 1 | 2, hint?: string) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
    this.hint = hint;
  }
}

/** The command line is wrong: exit code 2. */
export class UsageError extends CliError {
  constructor(message: string, hint?: string) {
    super(message, 2, hint);
    this.name = 'UsageError';
  }
}

/** The input (a file, stdin, a JSONL line) is wrong or unreadable: exit code 1. */
export class InputError extends CliError {
  constructor(message: string) {
    super(message, 1);
    this.name = 'InputError';
  }
}
