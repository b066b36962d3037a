import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { localDynamoDbClientConfig, startDynalite, type RunningDynalite } from '../../local/dynamodb/startDynalite.ts';

/** A dynalite and a client that records each DynamoDB operation it sends ("PutItem", "Query", ...), in order. */
export interface CountingDynamoDb {
  dynalite: RunningDynalite;
  client: DynamoDBClient;
  /** The operations sent so far; empty it (`sent.length = 0`) before the part a test counts. */
  sent: string[];
  close(): Promise<void>;
}

export async function startCountingDynamoDb(): Promise<CountingDynamoDb> {
  const dynalite = await startDynalite();
  const client = new DynamoDBClient(localDynamoDbClientConfig(dynalite.endpoint));
  const sent: string[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      sent.push(String(context.commandName).replace(/Command$/, ''));
      return next(args);
    },
    { step: 'initialize', name: 'countOperations' },
  );
  return {
    dynalite,
    client,
    sent,
    close: async () => {
      client.destroy();
      await dynalite.close();
    },
  };
}
