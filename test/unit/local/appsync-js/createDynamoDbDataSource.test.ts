import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { CreateTableCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDynamoDbDataSource } from '../../../../local/appsync-js/createDynamoDbDataSource.ts';
import { DataSourceError, NotImplementedLocallyError } from '../../../../local/appsync-js/errors.ts';

let server: Server;
let client: DynamoDBClient;
const tableName = 'jobs';

beforeAll(async () => {
  server = dynalite({ createTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  client = new DynamoDBClient({
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'PK', AttributeType: 'S' },
        { AttributeName: 'SK', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'PK', KeyType: 'HASH' },
        { AttributeName: 'SK', KeyType: 'RANGE' },
      ],
    }),
  );
  await client.send(
    new PutItemCommand({
      TableName: tableName,
      Item: {
        PK: { S: 'JOB#j1' },
        SK: { S: 'JOB' },
        owner: { S: 'arn:aws:iam::000000000000:user/alice' },
        findingCount: { N: '3' },
        done: { BOOL: false },
        options: { M: { types: { L: [{ S: 'NAME' }] } } },
      },
    }),
  );
});

afterAll(async () => {
  client?.destroy();
  await new Promise((resolve) => server?.close(resolve));
});

const key = (id: string) => ({ PK: { S: `JOB#${id}` }, SK: { S: 'JOB' } });

describe('createDynamoDbDataSource', () => {
  it('GetItem answers the item as plain JavaScript', async () => {
    const dataSource = createDynamoDbDataSource({ client, tableName });
    expect(await dataSource.invoke({ operation: 'GetItem', key: key('j1'), consistentRead: true })).toEqual({
      PK: 'JOB#j1',
      SK: 'JOB',
      owner: 'arn:aws:iam::000000000000:user/alice',
      findingCount: 3,
      done: false,
      options: { types: ['NAME'] },
    });
  });

  it('GetItem answers null when there is no item', async () => {
    expect(
      await createDynamoDbDataSource({ client, tableName }).invoke({ operation: 'GetItem', key: key('nope') }),
    ).toBeNull();
  });

  it('GetItem reads only the projected attributes', async () => {
    const request = {
      operation: 'GetItem',
      key: key('j1'),
      projection: { expression: '#o', expressionNames: { '#o': 'owner' } },
    };
    expect(await createDynamoDbDataSource({ client, tableName }).invoke(request)).toEqual({
      owner: 'arn:aws:iam::000000000000:user/alice',
    });
  });

  it("reports a failed call as AppSync's DynamoDB:<exception> error", async () => {
    const missingTable = createDynamoDbDataSource({ client, tableName: 'no-such-table' });
    const failure = missingTable.invoke({ operation: 'GetItem', key: key('j1') });
    await expect(failure).rejects.toThrow(DataSourceError);
    await expect(failure).rejects.toMatchObject({ type: 'DynamoDB:ResourceNotFoundException' });
  });

  it('says which operations are not implemented locally', async () => {
    await expect(createDynamoDbDataSource({ client, tableName }).invoke({ operation: 'Scan' })).rejects.toThrow(
      NotImplementedLocallyError,
    );
    await expect(createDynamoDbDataSource({ client, tableName }).invoke({ operation: 'Scan' })).rejects.toThrow(
      'DynamoDB operation Scan',
    );
  });
});
