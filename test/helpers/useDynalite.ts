import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll } from 'vitest';
import { localDynamoDbClientConfig, startDynalite, type RunningDynalite } from '../../local/dynamodb/startDynalite.ts';

/** An in-memory dynalite and a client for the tests of one file, started before them and stopped after. */
export function useDynalite(): { readonly client: DynamoDBClient; readonly endpoint: string } {
  let dynalite: RunningDynalite | undefined;
  let client: DynamoDBClient | undefined;
  beforeAll(async () => {
    dynalite = await startDynalite();
    client = new DynamoDBClient(localDynamoDbClientConfig(dynalite.endpoint));
  });
  afterAll(async () => {
    client?.destroy();
    await dynalite?.close();
  });
  return {
    get client() {
      if (!client) throw new Error('useDynalite: used outside a test');
      return client;
    },
    get endpoint() {
      if (!dynalite) throw new Error('useDynalite: used outside a test');
      return dynalite.endpoint;
    },
  };
}
