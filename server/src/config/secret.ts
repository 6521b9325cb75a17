/**
 * A secret from the environment (provider keys, webhook secrets, a database URL with a password). It
 * prints as "[redacted]" however it is logged or serialised; only `reveal()` gives the value, and
 * only code that sends it to its provider calls that.
 */
const inspect = Symbol.for('nodejs.util.inspect.custom');

export class Secret {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  reveal(): string {
    return this.#value;
  }
  toString(): string {
    return '[redacted]';
  }
  toJSON(): string {
    return '[redacted]';
  }
  [inspect](): string {
    return 'Secret([redacted])';
  }
}
