import { type Env, loadConfig } from '../../src/config.ts';
import { sweepPolicyFor, type SweepPolicy } from '../../src/core/sweepJobs.ts';

export { RECOVERY_ENV } from './recoveryEnv.ts';

/**
 * The sweep policy from the recovery function's environment (loadConfig mode 'recovery');
 * @throws ConfigError naming every bad key, never a value.
 */
export function sweepPolicyFromEnv(env: Env): SweepPolicy {
  const { workerTimeoutSeconds, resolverTimeoutSeconds } = loadConfig(env, 'recovery');
  return sweepPolicyFor({ workerMs: workerTimeoutSeconds * 1000, resolverMs: resolverTimeoutSeconds * 1000 });
}
