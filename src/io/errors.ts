// Typed errors, mapped to exit codes in one place (src/cli/main.ts).

/** The command line was misused: exit 2. */
export class UsageError extends Error {}

/** One input could not be read or parsed; the others go on: exit 1 at the end. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }

  get where(): string {
    return this.line ? `${this.file}:${this.line}` : this.file;
  }
}
