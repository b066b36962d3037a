import { Tracer } from '@aws-lambda-powertools/tracer';
import type { Context } from 'aws-lambda';
import { PowertoolsJobMetrics } from '../../src/adapters/aws/PowertoolsJobMetrics.ts';
import { PowertoolsLogger } from '../../src/adapters/aws/PowertoolsLogger.ts';
import { POWERTOOLS_NAMES } from '../../src/adapters/aws/powertoolsNames.ts';
import type { AwsServicesOptions } from '../../src/awsServices.ts';

/** One function's Powertools: Logger (behind our Logger port), Metrics (behind JobMetrics) and Tracer. */
export interface AwsPowertools {
  logger: PowertoolsLogger;
  metrics: PowertoolsJobMetrics;
  tracer: Tracer;
  /** What createAwsServices takes from them. */
  servicesOptions: Pick<AwsServicesOptions, 'logger' | 'metrics' | 'traceClient'>;
}

/**
 * Built once per execution environment, at import. Tracer switches itself off outside Lambda and when the
 * function's POWERTOOLS_TRACE_ENABLED is false (HandlerFunction sets it from the stack's `xray` setting); off,
 * it wraps no client and opens no segment.
 */
export function createAwsPowertools(): AwsPowertools {
  const logger = new PowertoolsLogger();
  const metrics = new PowertoolsJobMetrics();
  const tracer = new Tracer({ serviceName: POWERTOOLS_NAMES.service });
  const traceClient = <C extends object>(client: C): C => tracer.captureAWSv3Client(client);
  return { logger, metrics, tracer, servicesOptions: { logger, metrics, ...(tracer.isTracingEnabled() ? { traceClient } : {}) } };
}

/**
 * The Lambda entry around a handler: the invocation's context on every log line (request id, cold start), a
 * `## <name>` X-Ray subsegment with the cold-start and service annotations when tracing is on, and the job
 * metrics flushed when the invocation ends, however it ends. Nothing of the event or the result is recorded:
 * both hold PHI.
 */
export function instrumented<E, R>(tools: AwsPowertools, name: string, handler: (event: E) => Promise<R>): (event: E, context?: Context) => Promise<R> {
  const { logger, metrics, tracer } = tools;
  return async (event, context) => {
    if (context) logger.powertools.addContext(context);
    metrics.metrics.captureColdStartMetric(context?.functionName);
    const segment = tracer.isTracingEnabled() ? tracer.getSegment() : undefined;
    const subsegment = segment?.addNewSubsegment(`## ${name}`);
    if (subsegment) {
      tracer.setSegment(subsegment);
      tracer.annotateColdStart();
      tracer.addServiceNameAnnotation();
    }
    try {
      return await handler(event);
    } finally {
      metrics.flush();
      if (segment && subsegment) {
        subsegment.close();
        tracer.setSegment(segment);
      }
    }
  };
}
