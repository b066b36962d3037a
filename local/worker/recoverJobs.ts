import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { JOB_SK, SK } from '../../src/adapters/dynamodb/tableDesign.ts';
import type { Job } from '../../src/core/Job.ts';
import type { JobServices } from '../../src/core/JobServices.ts';
import type { JobQueue } from '../../src/core/ports.ts';
import { advanceJob } from '../../src/core/recordJobOutcome.ts';

export const INTERRUPTED_MESSAGE = 'the job was interrupted by a restart of the server; submit it again';

/**
 * At start: jobs a previous process left QUEUED go back on the queue; jobs it left RUNNING fail with a
 * clear message (their work may have been half done). A local-only table scan: on AWS the queue's
 * retries and dead-letter queue do this.
 */
export async function recoverJobs(client: DynamoDBClient, tableName: string, services: JobServices, queue: JobQueue): Promise<{ requeued: number; failed: number }> {
  let requeued = 0;
  let failed = 0;
  for await (const job of unfinishedJobs(client, tableName)) {
    if (job.status === 'QUEUED' && job.kind === 'IMAGE') {
      await queue.enqueue(job.id);
      requeued++;
    } else if (job.status === 'RUNNING') {
      await advanceJob(services, job, { status: 'FAILED', error: { code: 'INTERNAL', message: INTERRUPTED_MESSAGE } }).catch(() => undefined);
      failed++;
    }
  }
  return { requeued, failed };
}

async function* unfinishedJobs(client: DynamoDBClient, tableName: string): AsyncGenerator<Job> {
  const documents = DynamoDBDocumentClient.from(client);
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await documents.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: '#sk = :job AND (#status = :queued OR #status = :running)',
        ExpressionAttributeNames: { '#sk': SK, '#status': 'status' },
        ExpressionAttributeValues: { ':job': JOB_SK, ':queued': 'QUEUED', ':running': 'RUNNING' },
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    for (const item of page.Items ?? []) yield item as Job;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
}
