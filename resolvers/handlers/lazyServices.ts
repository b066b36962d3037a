import { awsSettingsFromEnv, createAwsServices } from '../../src/awsServices.ts';
import { processEnv } from '../../src/config.ts';
import type { JobServices } from '../../src/core/JobServices.ts';

/**
 * Wires the services once per Lambda execution environment, on the first event rather than at import:
 * a configuration error then fails that event with its message (names of keys, never values) instead of
 * the whole init. A failed wiring is forgotten, so the next event tries again.
 */
export function lazyServices(create: () => JobServices = () => createAwsServices(awsSettingsFromEnv(processEnv()))): () => Promise<JobServices> {
  let services: Promise<JobServices> | undefined;
  return () => {
    services ??= Promise.resolve().then(create).catch((error: unknown) => {
      services = undefined;
      // The API handler turns INTERNAL errors into a generic message, so this line is where operators see
      // why: AwsConfigurationError messages name keys and rules, never values.
      console.error(JSON.stringify({ level: 'error', event: 'services.wiring_failed', error: error instanceof Error ? error.name : typeof error, message: error instanceof Error ? error.message : undefined }));
      throw error;
    });
    return services;
  };
}
