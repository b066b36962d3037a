import { Tracer } from '@aws-lambda-powertools/tracer';
import { PowertoolsJobMetrics } from '../adapters/aws/PowertoolsJobMetrics.ts';
import { PowertoolsLogger } from '../adapters/aws/PowertoolsLogger.ts';
import { POWERTOOLS_NAMES } from '../adapters/aws/powertoolsNames.ts';
import type { AwsServicesOptions } from './awsServices.ts';

/** One function's Powertools: Logger (behind our Logger port), Metrics (behind JobMetrics) and Tracer. */
export interface AwsPowertools {
  logger: PowertoolsLogger;
  metrics: PowertoolsJobMetrics;
  tracer: Tracer;
  /** What createAwsServices takes from them. */
  servicesOptions: Pick<AwsServicesOptions, 'logger' | 'metrics' | 'traceClient'>;
}

/**
 * Built once per execution environment, at import of a handler (resolvers/handlers). Tracer switches itself off
 * outside Lambda and when the function's POWERTOOLS_TRACE_ENABLED is false (HandlerFunction sets it from the
 * stack's `xray` setting); off, it wraps no client and opens no segment.
 */
export function createAwsPowertools(): AwsPowertools {
  const logger = new PowertoolsLogger();
  const metrics = new PowertoolsJobMetrics();
  const tracer = new Tracer({ serviceName: POWERTOOLS_NAMES.service });
  const traceClient = <C extends object>(client: C): C => tracer.captureAWSv3Client(client);
  return {
    logger,
    metrics,
    tracer,
    servicesOptions: { logger, metrics, ...(tracer.isTracingEnabled() ? { traceClient } : {}) },
  };
}
