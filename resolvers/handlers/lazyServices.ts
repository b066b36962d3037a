import { loadConfig, processEnv } from '../../src/config.ts';
import type { JobServices, Logger } from '../../src/core/JobServices.ts';
import { createAwsServices } from '../../src/services/awsServices.ts';

const STDERR_LOGGER: Logger = {
  info: (event, fields) => console.error(JSON.stringify({ level: 'info', event, ...fields })),
  warn: (event, fields) => console.error(JSON.stringify({ level: 'warn', event, ...fields })),
  error: (event, fields) => console.error(JSON.stringify({ level: 'error', event, ...fields })),
};

/**
 * Wires the services once per Lambda execution environment, on the first event rather than at import:
 * a configuration error then fails that event with its message (names of keys, never values) instead of
 * the whole init. A failed wiring is forgotten, so the next event tries again. `logger` is where the
 * failure is told (the handlers pass their Powertools logger; default a JSON line on stderr).
 */
export function lazyServices(
  create: () => JobServices = () => createAwsServices(loadConfig(processEnv(), 'lambda')),
  logger: Logger = STDERR_LOGGER,
): () => Promise<JobServices> {
  let services: Promise<JobServices> | undefined;
  return () => {
    services ??= Promise.resolve()
      .then(create)
      .catch((error: unknown) => {
        services = undefined;
        // The API handler turns INTERNAL errors into a generic message, so this line is where operators see
        // why: ConfigError messages name keys and rules, never values.
        logger.error('services.wiring_failed', {
          error: error instanceof Error ? error.name : typeof error,
          message: error instanceof Error ? error.message : undefined,
        });
        throw error;
      });
    return services;
  };
}
