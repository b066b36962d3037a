import { HdmError } from '../../core/errors.ts';
import { CliError } from '../CliError.ts';

/**
 * One page's failure as `path: reason`. CLI errors already name their file; core and adapter errors
 * (HdmError) carry messages written to name the rule, never content (src/core/errors.ts). Anything
 * else may quote input, so only its existence is reported (its stack with HDM_DEBUG=1).
 */
export function describeFailure(input: string, error: unknown): string {
  if (error instanceof CliError) return error.message;
  if (error instanceof HdmError) return `${input}: ${error.message}`;
  return `${input}: internal error (set HDM_DEBUG=1 to see details)`;
}
