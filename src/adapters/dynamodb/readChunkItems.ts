import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Item } from './jobItems.ts';
import { FINDINGS_SK_PREFIX, jobPk } from './tableDesign.ts';
import { wrapDynamoDbError } from './wrapDynamoDbError.ts';

/** Every chunk item of a job, strongly consistent (a job has a handful: one per type and 500 seqs). */
export async function readChunkItems(doc: DynamoDBDocumentClient, tableName: string, jobId: string): Promise<Item[]> {
  const items: Item[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    try {
      const out = await doc.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
          ExpressionAttributeNames: { '#pk': 'PK', '#sk': 'SK' },
          ExpressionAttributeValues: { ':pk': jobPk(jobId), ':prefix': FINDINGS_SK_PREFIX },
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      );
      items.push(...(out.Items ?? []));
      startKey = out.LastEvaluatedKey;
    } catch (error) {
      throw wrapDynamoDbError(error, 'Query');
    }
  } while (startKey);
  return items;
}
