import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { HdmError, ThrottledError } from '../../core/errors.ts';
import type { JobQueue } from '../../core/ports.ts';

export interface SqsJobQueueOptions {
  /** The queue the image worker reads, `https://sqs.<region>.amazonaws.com/<account>/<name>`. */
  queueUrl: string;
  /** Injected client (tests, custom retries); the queue then does not own it. */
  client?: SQSClient;
  region?: string;
}

/** SendMessage failed for a reason other than throttling. */
export class JobQueueError extends HdmError {
  constructor(message: string, options?: ErrorOptions) {
    super('INTERNAL', message, options);
    this.name = 'JobQueueError';
  }
}

/** SQS error names that mean "slow down" rather than "broken" (the SDK has already retried them). */
const THROTTLING = new Set([
  'ThrottlingException',
  'RequestThrottled',
  'KmsThrottled',
  'AWS.SimpleQueueService.RequestThrottled',
]);

/**
 * The JobQueue port on Amazon SQS: `{ "jobId": "…" }` per message, nothing else, so the queue (and its
 * dead-letter queue) never holds input or PHI; the worker reads the job from the store.
 */
export class SqsJobQueue implements JobQueue {
  readonly client: SQSClient;
  readonly #queueUrl: string;

  constructor(options: SqsJobQueueOptions) {
    this.client = options.client ?? new SQSClient(options.region ? { region: options.region } : {});
    this.#queueUrl = options.queueUrl;
  }

  async enqueue(jobId: string): Promise<void> {
    try {
      await this.client.send(
        new SendMessageCommand({ QueueUrl: this.#queueUrl, MessageBody: JSON.stringify({ jobId }) }),
      );
    } catch (error) {
      const name = error instanceof Error ? error.name : 'unknown';
      if (THROTTLING.has(name)) throw new ThrottledError('SQS throttled SendMessage', { cause: error });
      // The SDK's message is not copied: only the error's name, a closed identifier.
      throw new JobQueueError(`SQS SendMessage failed (${name})`, { cause: error });
    }
  }
}

/** The job id in a message body the queue wrote; undefined when the body is not one. */
export function jobIdOfMessage(body: string): string | undefined {
  try {
    const value: unknown = JSON.parse(body);
    const jobId = value && typeof value === 'object' ? (value as { jobId?: unknown }).jobId : undefined;
    return typeof jobId === 'string' && jobId.length > 0 ? jobId : undefined;
  } catch {
    return undefined;
  }
}
