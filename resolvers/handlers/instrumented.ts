import type { Context } from 'aws-lambda';
import type { AwsPowertools } from '../../src/services/awsPowertools.ts';

/**
 * The Lambda entry around a handler, with the function's Powertools (createAwsPowertools, built by the AWS
 * composition root in src/services/): the invocation's context on every log line (request id, cold start), a
 * `## <name>` X-Ray subsegment with the cold-start and service annotations when tracing is on, and the job
 * metrics flushed when the invocation ends, however it ends. Nothing of the event or the result is recorded:
 * both hold PHI.
 */
export function instrumented<E, R>(
  tools: AwsPowertools,
  name: string,
  handler: (event: E) => Promise<R>,
): (event: E, context?: Context) => Promise<R> {
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
