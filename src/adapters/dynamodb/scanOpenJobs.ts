import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Page } from '../../core/Job.ts';
import type { OpenJob } from '../../core/ports.ts';
import { JobStoreError } from './errors.ts';
import { itemToOpenJob, type Item } from './jobItems.ts';
import { decodePageToken, encodePageToken, pageKeyOf } from './pageToken.ts';
import { checkOpenJobsQuery } from './queryPlan.ts';
import { JOB_SK, PK, SK } from './tableDesign.ts';
import { wrapDynamoDbError } from './wrapDynamoDbError.ts';

/** Items a Scan call reads at least: most items of an old local table are findings, not jobs. */
const SCAN_READ = 500;

/**
 * True when a Query named an index the table does not have: a table created before GSI3 existed. dynalite
 * cannot add an index to an existing table, so a local data directory from before keeps its old table.
 */
export function isMissingIndexError(error: unknown): boolean {
  const cause = error instanceof JobStoreError ? error.cause : error;
  return cause instanceof Error && cause.name === 'ValidationException' && /specified index/i.test(cause.message);
}

/**
 * listOpenJobs without GSI3: a filtered, strongly consistent Scan, for such old local tables only (on AWS
 * the stack adds the index). It matches on `status`, so it also finds open jobs written before `openStatus`
 * existed. Pages come in table order, not oldest first; the sweep does not depend on the order.
 * The token is the last returned job's key, checked like any other: every job item has SK `JOB` (the token's
 * "partition") and a PK starting `JOB#`.
 */
export async function scanOpenJobs(
  doc: DynamoDBDocumentClient,
  tableName: string,
  status: string,
  updatedBefore: string,
  limit: number,
  nextToken?: string,
): Promise<Page<OpenJob>> {
  const checked = checkOpenJobsQuery(status, updatedBefore, limit);
  let startKey: Record<string, unknown> | undefined = nextToken === undefined ? undefined : decodeScanToken(nextToken);
  const found: Item[] = [];
  do {
    const out = await scan(doc, {
      TableName: tableName,
      FilterExpression: '#sk = :job AND #status = :status AND #updatedAt < :before',
      ExpressionAttributeNames: { '#sk': SK, '#status': 'status', '#updatedAt': 'updatedAt' },
      ExpressionAttributeValues: { ':job': JOB_SK, ':status': checked.status, ':before': checked.before },
      ConsistentRead: true,
      Limit: SCAN_READ,
      ExclusiveStartKey: startKey,
    });
    found.push(...(out.Items ?? []));
    startKey = out.LastEvaluatedKey;
  } while (found.length <= limit && startKey);
  const items = found.slice(0, limit);
  const last = items[items.length - 1];
  const page = { items: items.map(itemToOpenJob) };
  return found.length > limit && last
    ? { ...page, nextToken: encodePageToken('TABLE', pageKeyOf(last, [PK, SK])) }
    : page;
}

function decodeScanToken(token: string): Record<string, string> {
  const scope = {
    index: 'TABLE' as const,
    keyNames: [PK, SK],
    partitionKey: SK,
    partitionValue: JOB_SK,
    sortKey: PK,
    withSeq: false,
  };
  return decodePageToken(token, { ...scope, sortKeyAllowed: (value) => value.startsWith('JOB#') }).key;
}

async function scan(doc: DynamoDBDocumentClient, input: ConstructorParameters<typeof ScanCommand>[0]) {
  try {
    return await doc.send(new ScanCommand(input));
  } catch (error) {
    throw wrapDynamoDbError(error, 'Scan');
  }
}
