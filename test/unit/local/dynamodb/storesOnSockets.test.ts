import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localDynamoDbClientConfig, startDynalite } from '../../../../local/dynamodb/startDynalite.ts';
import { s3rverClientConfig, startS3rver } from '../../../../local/s3/startS3rver.ts';
import { unixSocketHandler } from '../../../../src/services/unixSocketHandler.ts';

// dynalite and s3rver on Unix sockets, as the local API runs them, reached by SDK clients through
// unixSocketHandler; a socket file left by a crash does not stop the next start.

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'hdm-sock-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A socket file left behind by a server killed outright. */
async function staleSocket(p: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    spawn(process.execPath, [
      '-e',
      `require('node:net').createServer().listen(${JSON.stringify(p)}, () => process.kill(process.pid, 'SIGKILL'))`,
    ])
      .on('exit', () => resolve())
      .on('error', reject);
  });
  expect((await stat(p)).isSocket()).toBe(true);
}

describe('startDynalite on a Unix socket', () => {
  for (const thread of [false, true]) {
    it(`${thread ? 'in a worker thread' : 'in this thread'}: answers through the socket (0600), removes a stale one first and its own on close`, async () => {
      const socketPath = path.join(dir, 'dynamodb.sock');
      await staleSocket(socketPath);
      const dynalite = await startDynalite({ socketPath, thread });
      const client = new DynamoDBClient({
        ...localDynamoDbClientConfig(dynalite.endpoint),
        requestHandler: unixSocketHandler(socketPath),
      });
      try {
        expect(dynalite).toMatchObject({ endpoint: 'http://localhost', socketPath });
        expect((await stat(socketPath)).mode & 0o777).toBe(0o600);
        expect((await client.send(new ListTablesCommand({}))).TableNames).toEqual([]);
      } finally {
        client.destroy();
        await dynalite.close();
      }
      expect(existsSync(socketPath)).toBe(false);
    });
  }

  it('refuses to start on a socket another server answers on', async () => {
    const socketPath = path.join(dir, 'dynamodb.sock');
    const first = await startDynalite({ socketPath });
    try {
      await expect(startDynalite({ socketPath, thread: true })).rejects.toThrow(/another process is listening/);
    } finally {
      await first.close();
    }
  });
});

describe('startS3rver on a Unix socket', () => {
  it('stores and returns objects through the socket (0600), and creates the buckets', async () => {
    const socketPath = path.join(dir, 's3.sock');
    await staleSocket(socketPath);
    const s3 = await startS3rver({ socketPath, buckets: ['hdm-in'] });
    const client = new S3Client({ ...s3rverClientConfig(s3.endpoint), requestHandler: unixSocketHandler(socketPath) });
    try {
      expect(s3).toMatchObject({ endpoint: 'http://localhost', socketPath });
      expect((await stat(socketPath)).mode & 0o777).toBe(0o600);
      await client.send(
        new PutObjectCommand({ Bucket: 'hdm-in', Key: 'a/b.txt', Body: 'over the socket', ContentType: 'text/plain' }),
      );
      const got = await client.send(new GetObjectCommand({ Bucket: 'hdm-in', Key: 'a/b.txt' }));
      expect(await got.Body?.transformToString()).toBe('over the socket');
    } finally {
      client.destroy();
      await s3.close();
    }
    expect(existsSync(socketPath)).toBe(false);
  });
});
