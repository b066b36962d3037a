import { AWS_ENV, RECOVERY_ENV, type AwsSettings, type RecoverySettings } from './AwsSettings.ts';
import { type Env, parseHttpsUrl, parseOneOf, parseTimeoutSeconds, requireSet } from './envRules.ts';

/** The keys only a deployed function has: the URLs and the engines it was deployed with (the rest are loadConfig's). */
export type AwsOnlySettings = Pick<AwsSettings, 'graphqlUrl' | 'queueUrl' | 'detector' | 'ocr'>;

/**
 * Reads the keys only AWS has. The table and buckets have no default there (they are checked for presence here,
 * then by the common rules): a default would silently point at someone else's resources.
 */
export function readAwsOnlySettings(env: Env, problems: string[]): AwsOnlySettings {
  for (const key of [AWS_ENV.tableName, AWS_ENV.bucket, AWS_ENV.outputBucket]) requireSet(env, key, problems);
  return {
    graphqlUrl: parseHttpsUrl(env, AWS_ENV.graphqlUrl, problems),
    queueUrl: parseHttpsUrl(env, AWS_ENV.queueUrl, problems),
    detector: parseOneOf(
      env,
      AWS_ENV.detector,
      ['comprehend-medical', 'local', 'union'] as const,
      'comprehend-medical',
      problems,
    ),
    ocr: parseOneOf(env, AWS_ENV.ocr, ['rekognition', 'tesseract'] as const, 'rekognition', problems),
  };
}

export function readRecoverySettings(env: Env, problems: string[]): RecoverySettings {
  return {
    workerTimeoutSeconds: parseTimeoutSeconds(env, RECOVERY_ENV.workerTimeoutSeconds, problems),
    resolverTimeoutSeconds: parseTimeoutSeconds(env, RECOVERY_ENV.resolverTimeoutSeconds, problems),
  };
}
