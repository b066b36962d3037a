import { GetItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { fromSdkMap, toSdkMap, type TypedValue } from './dynamoDbValues.ts';
import { DataSourceError, NotImplementedLocallyError } from './errors.ts';
import type { JsDataSource } from './JsDataSource.ts';

export interface DynamoDbDataSourceOptions {
  /** The real SDK client: dynalite locally, DynamoDB if pointed there. */
  client: DynamoDBClient;
  tableName: string;
}

interface GetItemRequest {
  operation: 'GetItem';
  key: Record<string, TypedValue>;
  consistentRead?: boolean;
  projection?: { expression: string; expressionNames?: Record<string, string> };
}

/**
 * AppSync's AMAZON_DYNAMODB data source for APPSYNC_JS request objects, run with the real SDK. GetItem only
 * (what our resolvers use); other operations throw NotImplementedLocallyError. The item reaches `ctx.result`
 * as plain JavaScript (numbers as numbers), or null when there is none.
 */
export function createDynamoDbDataSource({ client, tableName }: DynamoDbDataSourceOptions): JsDataSource {
  return {
    type: 'AMAZON_DYNAMODB',
    async invoke(request: unknown): Promise<unknown> {
      const operation = (request as { operation?: unknown } | null)?.operation;
      if (operation !== 'GetItem') throw new NotImplementedLocallyError(`DynamoDB operation ${String(operation)}`);
      return getItem(client, tableName, request as GetItemRequest);
    },
  };
}

async function getItem(client: DynamoDBClient, tableName: string, request: GetItemRequest): Promise<unknown> {
  const command = new GetItemCommand({
    TableName: tableName,
    Key: toSdkMap(request.key),
    ConsistentRead: request.consistentRead,
    ProjectionExpression: request.projection?.expression,
    ExpressionAttributeNames: request.projection?.expressionNames,
  });
  try {
    const { Item } = await client.send(command);
    return Item ? fromSdkMap(Item) : null;
  } catch (error) {
    const name = error instanceof Error ? error.name : 'UnknownError';
    throw new DataSourceError(`DynamoDB:${name}`, error instanceof Error ? error.message : 'DynamoDB call failed', {
      cause: error,
    });
  }
}
