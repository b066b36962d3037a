import {
  KmsAccessDenied,
  QueueDoesNotExist,
  RequestThrottled,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { jobIdOfMessage, JobQueueError, SqsJobQueue } from '../../../../src/adapters/aws/SqsJobQueue.ts';
import { ThrottledError } from '../../../../src/core/errors.ts';

const sqs = mockClient(SQSClient);
afterEach(() => sqs.reset());

const QUEUE_URL = 'https://sqs.eu-west-1.amazonaws.com/000000000000/hdm-image-jobs';
const queue = () =>
  new SqsJobQueue({ queueUrl: QUEUE_URL, client: new SQSClient({ region: 'eu-west-1', maxAttempts: 1 }) });
const meta = { $metadata: {} };

describe('SqsJobQueue', () => {
  it('sends { jobId } to the queue and nothing else', async () => {
    // SendMessage's documented result: the body's MD5 and the message id.
    sqs.on(SendMessageCommand).resolves({
      MD5OfMessageBody: '2b8cbd3d1b5f2bd0e7a4d8a5e5f9e7a1',
      MessageId: '5fea7756-0ea4-451a-a703-a558b933e274',
    });
    await queue().enqueue('job-0001');
    const calls = sqs.commandCalls(SendMessageCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.args[0].input).toEqual({ QueueUrl: QUEUE_URL, MessageBody: '{"jobId":"job-0001"}' });
    expect(jobIdOfMessage(calls[0]!.args[0].input.MessageBody!)).toBe('job-0001');
  });

  it('turns throttling into ThrottledError and other failures into JobQueueError naming only the error', async () => {
    sqs.on(SendMessageCommand).rejectsOnce(new RequestThrottled({ message: 'Rate exceeded', ...meta }));
    await expect(queue().enqueue('job-0002')).rejects.toBeInstanceOf(ThrottledError);

    sqs.reset();
    sqs
      .on(SendMessageCommand)
      .rejectsOnce(new QueueDoesNotExist({ message: 'The specified queue does not exist.', ...meta }));
    const missing = await queue()
      .enqueue('job-0003')
      .catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(JobQueueError);
    expect(missing).toMatchObject({ code: 'INTERNAL', message: 'SQS SendMessage failed (QueueDoesNotExist)' });
    expect((missing as Error).cause).toBeInstanceOf(QueueDoesNotExist);

    sqs.reset();
    sqs.on(SendMessageCommand).rejectsOnce(new KmsAccessDenied({ message: 'no kms:GenerateDataKey', ...meta }));
    await expect(queue().enqueue('job-0004')).rejects.toMatchObject({
      name: 'JobQueueError',
      message: 'SQS SendMessage failed (KmsAccessDenied)',
    });
  });

  it('reads job ids only from well-formed message bodies', () => {
    expect(jobIdOfMessage('{"jobId":"job-0005"}')).toBe('job-0005');
    expect(jobIdOfMessage('not json')).toBeUndefined();
    expect(jobIdOfMessage('{"jobId":""}')).toBeUndefined();
    expect(jobIdOfMessage('{"jobId":42}')).toBeUndefined();
    expect(jobIdOfMessage('null')).toBeUndefined();
  });
});
