import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
  type CreateTableCommandInput,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { JobStoreError } from './errors.ts';
import {
  GSI1,
  GSI1PK,
  GSI1SK,
  GSI2,
  GSI2PK,
  GSI2SK,
  GSI3,
  GSI3PK,
  GSI3SK,
  PK,
  SK,
  TTL_ATTRIBUTE,
} from './tableDesign.ts';

/**
 * The job table's CreateTable definition: the one source for the CDK stack and the local launcher.
 * (TTL is not part of CreateTable; `ensureJobTable` and the stack enable it on `expiresAt`.)
 */
export function createJobTableInput(tableName: string): CreateTableCommandInput {
  const keyAttributes = [PK, SK, GSI1PK, GSI1SK, GSI2PK, GSI2SK, GSI3PK, GSI3SK];
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: keyAttributes.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: PK, KeyType: 'HASH' },
      { AttributeName: SK, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: GSI1,
        KeySchema: [
          { AttributeName: GSI1PK, KeyType: 'HASH' },
          { AttributeName: GSI1SK, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
      {
        IndexName: GSI2,
        KeySchema: [
          { AttributeName: GSI2PK, KeyType: 'HASH' },
          { AttributeName: GSI2SK, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
      {
        // Sparse (tableDesign.ts): open jobs only, so projecting ALL costs little and saves the sweep a read per job.
        IndexName: GSI3,
        KeySchema: [
          { AttributeName: GSI3PK, KeyType: 'HASH' },
          { AttributeName: GSI3SK, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
    ],
  };
}

export interface EnsureJobTableOptions {
  /** How long to wait for ACTIVE (default 30 s). */
  timeoutMs?: number;
}

export interface EnsureJobTableResult {
  created: boolean;
  /** False where the server has no UpdateTimeToLive (dynalite): items then never expire. */
  ttlEnabled: boolean;
}

/**
 * Creates the job table when it is missing, enables TTL on `expiresAt`, and waits until it is ACTIVE.
 * Meant for local and test use; on AWS the CDK stack owns the table.
 */
export async function ensureJobTable(
  client: DynamoDBClient,
  tableName: string,
  options: EnsureJobTableOptions = {},
): Promise<EnsureJobTableResult> {
  let created = false;
  if (!(await tableExists(client, tableName))) {
    try {
      await client.send(new CreateTableCommand(createJobTableInput(tableName)));
      created = true;
    } catch (error) {
      // Another process created it between our check and our create: that is fine.
      if (!(error instanceof ResourceInUseException)) throw error;
    }
  }
  await waitUntilActive(client, tableName, options.timeoutMs ?? 30_000);
  const ttlEnabled = await enableTtl(client, tableName);
  return { created, ttlEnabled };
}

async function tableExists(client: DynamoDBClient, tableName: string): Promise<boolean> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return true;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return false;
    throw error;
  }
}

async function waitUntilActive(client: DynamoDBClient, tableName: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const indexesActive = (Table?.GlobalSecondaryIndexes ?? []).every((index) => index.IndexStatus === 'ACTIVE');
    if (Table?.TableStatus === 'ACTIVE' && indexesActive) return;
    if (Date.now() > deadline) throw new JobStoreError(`table ${tableName} did not become ACTIVE in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Turns TTL on unless it already is. dynalite 4 answers DescribeTimeToLive but has no UpdateTimeToLive
 * (UnknownOperationException) and never expires items: we report `false` rather than fail.
 */
async function enableTtl(client: DynamoDBClient, tableName: string): Promise<boolean> {
  try {
    const described = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
    const status = described.TimeToLiveDescription?.TimeToLiveStatus;
    if (status === 'ENABLED' || status === 'ENABLING') return true;
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
      }),
    );
    return true;
  } catch (error) {
    if (isUnknownOperation(error)) return false;
    throw error;
  }
}

function isUnknownOperation(error: unknown): boolean {
  return error instanceof Error && (error.name === 'UnknownOperationException' || error.name === 'UnknownOperation');
}
