import { randomUUID } from 'node:crypto';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { createJobTableInput, ensureJobTable } from '../../../../src/adapters/dynamodb/createJobTable.ts';
import { useDynalite } from '../../../helpers/useDynalite.ts';

describe('createJobTableInput', () => {
  it('defines the shared table design', () => {
    const input = createJobTableInput('jobs');
    expect(input).toMatchObject({
      TableName: 'jobs',
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: 'PK', KeyType: 'HASH' },
        { AttributeName: 'SK', KeyType: 'RANGE' },
      ],
    });
    expect(
      input.GlobalSecondaryIndexes?.map((index) => [
        index.IndexName,
        index.KeySchema?.map((k) => k.AttributeName),
        index.Projection?.ProjectionType,
      ]),
    ).toEqual([
      ['GSI1', ['GSI1PK', 'GSI1SK'], 'ALL'],
      ['GSI2', ['GSI2PK', 'GSI2SK'], 'ALL'],
      ['GSI3', ['openStatus', 'updatedAt'], 'ALL'],
    ]);
    expect(input.AttributeDefinitions?.every((a) => a.AttributeType === 'S')).toBe(true);
  });
});

describe('ensureJobTable on dynalite', () => {
  const db = useDynalite();

  it('creates the table once, ACTIVE, and reports that dynalite has no TTL', async () => {
    const name = `jobs-${randomUUID()}`;
    expect(await ensureJobTable(db.client, name)).toEqual({ created: true, ttlEnabled: false });
    expect(await ensureJobTable(db.client, name)).toEqual({ created: false, ttlEnabled: false });
    const { Table } = await db.client.send(new DescribeTableCommand({ TableName: name }));
    expect(Table?.TableStatus).toBe('ACTIVE');
    expect(Table?.GlobalSecondaryIndexes?.map((i) => i.IndexName).sort()).toEqual(['GSI1', 'GSI2', 'GSI3']);
  });
});
