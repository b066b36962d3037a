import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Finding, Page } from '../../core/Job.ts';
import { FindingPageBuilder } from './findingPage.ts';
import type { Item } from './jobItems.ts';
import { encodePageToken, pageKeyOf, type IndexName } from './pageToken.ts';
import type { QueryPlan } from './queryPlan.ts';
import { TTL_ATTRIBUTE } from './tableDesign.ts';
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
  // Expired items are few (TTL's lag): only the caller's filters make matches sparse enough to read ahead.
  const filtered = Object.keys(plan.equals).length > 0 || plan.createdAtRange !== undefined;
  const found: Item[] = [];
  let startKey: Record<string, unknown> | undefined = plan.startKey;
  do {
    const need = limit + 1 - found.length;
    const out = await send(doc, {
      ...input,
      Limit: filtered ? Math.max(need, FILTERED_READ) : need,
      ExclusiveStartKey: startKey,
    });
    found.push(...(out.Items ?? []));
    startKey = out.LastEvaluatedKey;
  } while (found.length <= limit && startKey);
  const items = found.slice(0, limit);
  const last = items[items.length - 1];
  if (found.length <= limit || !last) return { items: items.map(toModel) };
  return { items: items.map(toModel), nextToken: encodePageToken(plan.index, pageKeyOf(last, plan.keyNames)) };
}

/**
 * Chunk items per Query call at first: a whole chunk group (nine types at most) and the next item; on GSI2
 * a group is one item and one or two usually fill a page. Large chunks make over-reading costly (RCU).
 */
const FIRST_CHUNK_READ: Partial<Record<IndexName, number>> = { TABLE: 10, GSI1: 10, GSI2: 2 };
const MAX_CHUNK_READ = 100;

/**
 * Runs a findings plan: reads chunk items (see FIRST_CHUNK_READ, doubling up to 100 per call while the
 * page needs more) and expands them through FindingPageBuilder, which says when the page is complete.
 */
export async function queryFindingPage(
  doc: DynamoDBDocumentClient,
  tableName: string,
  plan: QueryPlan,
  limit: number,
): Promise<Page<Finding>> {
  if (plan.empty) return { items: [] };
  const input = toQueryInput(tableName, plan);
  const page = new FindingPageBuilder(plan, limit);
  let startKey: Record<string, unknown> | undefined;
  let read: number = FIRST_CHUNK_READ[plan.index] ?? MAX_CHUNK_READ;
  reading: do {
    const out = await send(doc, { ...input, Limit: read, ExclusiveStartKey: startKey });
    for (const item of out.Items ?? []) if (page.add(item)) break reading;
    startKey = out.LastEvaluatedKey;
    read = Math.min(MAX_CHUNK_READ, read * 2);
  } while (startKey);
  return page.finish();
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
  const { gte, lt } = plan.sortRange;
  let keyCondition = '#pk = :pk';
  // DynamoDB refuses unused placeholders, so #sk is only declared with a sort key condition.
  if (gte !== undefined || lt !== undefined) names['#sk'] = plan.sortKey;
  if (gte !== undefined && lt !== undefined) {
    // BETWEEN is inclusive, but no sort key equals an upper bound (a bare timestamp: keys go on with '#';
    // `FINDINGS$` or `<group>$`: no key has a '$' there), so `lt` stays exclusive.
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
  if (plan.liveAt !== undefined) {
    names['#expiresAt'] = TTL_ATTRIBUTE;
    values[':liveAt'] = plan.liveAt;
    filters.push('#expiresAt > :liveAt');
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
