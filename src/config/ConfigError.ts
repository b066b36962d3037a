import { HdmError } from '../core/errors.ts';

/**
 * The configuration breaks its rules: every problem at once (`problems`), each naming a key and its rule, never
 * a value (a mistyped value may be PHI or a secret). The code is always INTERNAL: to an API caller a server's
 * settings are the operator's business, so the GraphQL layer answers a generic error while the log line names
 * the keys; `npm start` prints the message.
 */
export class ConfigError extends HdmError {
  readonly problems: string[];

  constructor(problems: readonly string[], options?: ErrorOptions) {
    super('INTERNAL', `invalid configuration: ${problems.join('; ')}`, options);
    this.name = 'ConfigError';
    this.problems = [...problems];
  }
}
