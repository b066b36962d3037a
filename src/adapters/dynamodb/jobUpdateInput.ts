import type { UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import type { JobStatus } from '../../core/Job.ts';
import { withoutUndefined } from './jobItems.ts';
import { GSI3PK, jobKey, openStatusOf } from './tableDesign.ts';

/**
 * updateJob's UpdateItem: SET each change, only while the job exists with a status in `from`. A change of
 * status also keeps the job's place in GSI3 (tableDesign.ts) in the same write: `openStatus` is set while the
 * job is QUEUED or RUNNING and removed once it is finished, so the index never lists a finished job.
 */
export function jobUpdateInput(
  tableName: string,
  id: string,
  from: readonly JobStatus[],
  sets: readonly [string, unknown][],
): UpdateCommandInput {
  const names: Record<string, string> = { '#pk': 'PK', '#status': 'status' };
  const values: Record<string, unknown> = {};
  const assignments = sets.map(([field, value], i) => {
    names[`#u${i}`] = field;
    values[`:u${i}`] = withoutUndefined(value);
    return `#u${i} = :u${i}`;
  });
  let remove = '';
  const status = sets.find(([field]) => field === 'status')?.[1];
  if (typeof status === 'string') {
    names['#open'] = GSI3PK;
    const open = openStatusOf(status);
    if (open) {
      values[':open'] = open;
      assignments.push('#open = :open');
    } else {
      remove = ' REMOVE #open';
    }
  }
  from.forEach((fromStatus, i) => (values[`:from${i}`] = fromStatus));
  return {
    TableName: tableName,
    Key: jobKey(id),
    UpdateExpression: `SET ${assignments.join(', ')}${remove}`,
    ConditionExpression: `attribute_exists(#pk) AND #status IN (${from.map((_, i) => `:from${i}`).join(', ')})`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
    ReturnValues: 'ALL_NEW',
  };
}
