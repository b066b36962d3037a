import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Page } from '../../core/Job.ts';
import type { Item } from './jobItems.ts';
import { encodePageToken, pageKeyOf } from './pageToken.ts';
import type { QueryPlan } from './queryPlan.ts';
import { wrapDynamoDbError } from './wrapDynamoDbError.ts';

/** Filtered queries read at least this many items per call, so sparse matches cost fewer round trips. */
const FILTERED_READ = 100;

/**
 * Runs a plan until it has `limit` items plus one, or the index ends. The extra item only tells us
 * that another page exists; the token is the key of the last item returned (not DynamoDB's
 * LastEvaluatedKey), so a token is given exactly when more items match, and reading past the page
 * (filtered queries) never skips any.
 */
export async function queryPage<T>(
  doc: DynamoDBDocumentClient,
  tableName: string,
  plan: QueryPlan,
  limit: number,
  toModel: (item: Item) => T,
): Promise<Page<T>> {
  if (plan.empty) return { items: [] };
  const input = toQueryInput(tableName, plan);
  const filtered = input.FilterExpression !== undefined;
  const found: Item[] = [];
  let startKey: Record<string, unknown> | undefined = plan.startKey;
  do {
    const need = limit + 1 - found.length;
    const out = await send(doc, { ...input, Limit: filtered ? Math.max(need, FILTERED_READ) : need, ExclusiveStartKey: startKey });
    found.push(...(out.Items ?? []));
    startKey = out.LastEvaluatedKey;
  } while (found.length <= limit && startKey);
  const items = found.slice(0, limit);
  const last = items[items.length - 1];
  if (found.length <= limit || !last) return { items: items.map(toModel) };
  return { items: items.map(toModel), nextToken: encodePageToken(plan.index, pageKeyOf(last, plan.keyNames)) };
}

async function send(doc: DynamoDBDocumentClient, input: QueryCommandInput) {
  try {
    return await doc.send(new QueryCommand(input));
  } catch (error) {
    throw wrapDynamoDbError(error, 'Query');
  }
}

function toQueryInput(tableName: string, plan: QueryPlan): QueryCommandInput {
  const names: Record<string, string> = { '#pk': plan.partitionKey };
  const values: Record<string, unknown> = { ':pk': plan.partitionValue };
  const { gte, lt, beginsWith } = plan.sortRange;
  let keyCondition = '#pk = :pk';
  // DynamoDB refuses unused placeholders, so #sk is only declared with a sort key condition.
  if (gte !== undefined || lt !== undefined || beginsWith !== undefined) names['#sk'] = plan.sortKey;
  if (beginsWith !== undefined) {
    keyCondition += ' AND begins_with(#sk, :prefix)';
    values[':prefix'] = beginsWith;
  } else if (gte !== undefined && lt !== undefined) {
    // BETWEEN is inclusive, but no sort key equals a bare timestamp (all go on with '#'), so `lt` stays exclusive.
    keyCondition += ' AND #sk BETWEEN :gte AND :lt';
    Object.assign(values, { ':gte': gte, ':lt': lt });
  } else if (gte !== undefined) {
    keyCondition += ' AND #sk >= :gte';
    values[':gte'] = gte;
  } else if (lt !== undefined) {
    keyCondition += ' AND #sk < :lt';
    values[':lt'] = lt;
  }
  const filters: string[] = [];
  Object.entries(plan.equals).forEach(([field, value], i) => {
    names[`#f${i}`] = field;
    values[`:f${i}`] = value;
    filters.push(`#f${i} = :f${i}`);
  });
  if (plan.createdAtRange?.gte !== undefined || plan.createdAtRange?.lt !== undefined) {
    names['#createdAt'] = 'createdAt';
    if (plan.createdAtRange.gte !== undefined) {
      values[':cgte'] = plan.createdAtRange.gte;
      filters.push('#createdAt >= :cgte');
    }
    if (plan.createdAtRange.lt !== undefined) {
      values[':clt'] = plan.createdAtRange.lt;
      filters.push('#createdAt < :clt');
    }
  }
  return {
    TableName: tableName,
    ...(plan.index === 'TABLE' ? { ConsistentRead: true } : { IndexName: plan.index }),
    KeyConditionExpression: keyCondition,
    ...(filters.length > 0 ? { FilterExpression: filters.join(' AND ') } : {}),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
    ScanIndexForward: plan.ascending,
  };
}
