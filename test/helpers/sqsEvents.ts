import type { SQSEvent, SQSRecord } from 'aws-lambda';

/** An SQS record shaped as Lambda delivers it; the handlers read only messageId and body. */
export function sqsRecord(messageId: string, body: string, queueName = 'hdm-image-jobs'): SQSRecord {
  return {
    messageId,
    receiptHandle: `rh-${messageId}`,
    body,
    md5OfBody: '',
    eventSource: 'aws:sqs',
    awsRegion: 'eu-west-1',
    eventSourceARN: `arn:aws:sqs:eu-west-1:000000000000:${queueName}`,
    attributes: {
      ApproximateReceiveCount: '1',
      SentTimestamp: '1764367200000',
      SenderId: 'AROAEXAMPLE',
      ApproximateFirstReceiveTimestamp: '1764367200001',
    },
    messageAttributes: {},
  };
}

export const sqsEvent = (...records: SQSRecord[]): SQSEvent => ({ Records: records });
