import { AwsConfigurationError } from '../../src/awsServices.ts';
import { sweepPolicyFor, type SweepPolicy } from '../../src/core/sweepJobs.ts';
import { RECOVERY_ENV } from './recoveryEnv.ts';

export { RECOVERY_ENV } from './recoveryEnv.ts';

type Env = Readonly<Record<string, string | undefined>>;

/** The sweep policy from the function's environment; problems name keys, never values. */
export function sweepPolicyFromEnv(env: Env): SweepPolicy {
  const problems: string[] = [];
  const seconds = (key: string): number => {
    const raw = env[key]?.trim();
    const value = raw ? Number(raw) : Number.NaN;
    // Lambda's own range: a timeout is at most 15 minutes.
    if (Number.isInteger(value) && value >= 1 && value <= 900) return value;
    problems.push(`${key} must be a whole number of seconds from 1 to 900`);
    return 0;
  };
  const workerMs = seconds(RECOVERY_ENV.workerTimeoutSeconds) * 1000;
  const resolverMs = seconds(RECOVERY_ENV.resolverTimeoutSeconds) * 1000;
  if (problems.length > 0) throw new AwsConfigurationError(problems);
  return sweepPolicyFor({ workerMs, resolverMs });
}
