/** An error the user can act on: printed as one line, exit code 2, never a stack trace. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A problem with one input file; the run goes on with the others. */
export class InputError extends UsageError {
  constructor(readonly path: string, message: string) {
    super(`${path}: ${message}`);
    this.name = 'InputError';
  }
}
