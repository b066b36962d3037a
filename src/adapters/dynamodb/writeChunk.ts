import { DeleteCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { FindingWrite } from './findingChunks.ts';
import { isConditionalCheckFailed, wrapDynamoDbError } from './wrapDynamoDbError.ts';

/** A conditional chunk write lost to a concurrent writer. */
export class ChunkChanged extends Error {}

/** One conditional PutItem or DeleteItem; ChunkChanged when the item is not at the revision we read. */
export async function writeChunk(doc: DynamoDBDocumentClient, tableName: string, write: FindingWrite): Promise<void> {
  const expected: {
    ConditionExpression: string;
    ExpressionAttributeNames: Record<string, string>;
    ExpressionAttributeValues?: Record<string, unknown>;
  } =
    write.expectedRev === undefined
      ? { ConditionExpression: 'attribute_not_exists(#pk)', ExpressionAttributeNames: { '#pk': 'PK' } }
      : {
          ConditionExpression: '#rev = :rev',
          ExpressionAttributeNames: { '#rev': 'rev' },
          ExpressionAttributeValues: { ':rev': write.expectedRev },
        };
  try {
    if (write.kind === 'put') await doc.send(new PutCommand({ TableName: tableName, Item: write.item, ...expected }));
    else await doc.send(new DeleteCommand({ TableName: tableName, Key: write.key, ...expected }));
  } catch (error) {
    if (isConditionalCheckFailed(error)) throw new ChunkChanged('chunk changed', { cause: error });
    throw wrapDynamoDbError(error, write.kind === 'put' ? 'PutItem' : 'DeleteItem');
  }
}
