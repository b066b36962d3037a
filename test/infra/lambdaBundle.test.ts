import { execFile } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDynamoDbClientConfig, startDynalite, type RunningDynalite } from '../../local/dynamodb/startDynalite.ts';
import { startS3rver, type RunningS3rver } from '../../local/s3/startS3rver.ts';
import { loadOrCreateCertificate } from '../../local/tls/loadOrCreateCertificate.ts';
import { ensureJobTable } from '../../src/adapters/dynamodb/createJobTable.ts';
import { AWS_ENV } from '../../src/awsServices.ts';
import { buildLambdaBundles, type LambdaBundles } from './buildLambdaBundle.ts';

const run = promisify(execFile);
const TABLE = 'hdm-bundle-test';
const BUCKET = 'hdm-bundle-in';
const OUTPUT_BUCKET = 'hdm-bundle-out';
// Synthetic PHI only.
const PHONE = '555-867-5309';
const EMAIL = 'jane.doe@example.com';
const TEXT = `Call the patient at ${PHONE} or write to ${EMAIL} about the follow-up.`;

/**
 * Runs in a plain `node` child (no tsx): imports the bundle as Lambda would, sends it AppSync Direct Lambda
 * events (aws-facts.md §4(c)) for Mutation.maskText then Query.job, and prints both results on one marked line.
 */
const CHILD = `
const [bundleUrl] = process.argv.slice(2);
// The text comes in the environment, so a failed run's command line shows none of it.
const text = process.env.HDM_TEST_TEXT;
const { handler } = await import(bundleUrl);
const identity = { accountId: '000000000000', userArn: 'arn:aws:iam::000000000000:user/alice', username: 'AIDAALICE', sourceIp: ['203.0.113.7'], cognitoIdentityId: null, cognitoIdentityPoolId: null, cognitoIdentityAuthType: null, cognitoIdentityAuthProvider: null };
const event = (parentTypeName, fieldName, args, selectionSetList) => ({
  arguments: args, identity, source: null,
  request: { headers: { 'content-type': 'application/json' }, domainName: null },
  info: { parentTypeName, fieldName, variables: {}, selectionSetList, selectionSetGraphQL: '{ ' + selectionSetList.join(' ') + ' }' },
  prev: null, stash: {},
});
const fields = ['id', 'kind', 'status', 'owner', 'maskedText', 'findingCount'];
const masked = await handler(event('Mutation', 'maskText', { input: { text } }, fields));
const read = await handler(event('Query', 'job', { id: masked.id }, fields));
console.log('HDM_RESULT ' + JSON.stringify({ masked, read }));
`;

interface Job {
  id: string;
  kind: string;
  status: string;
  owner: string;
  maskedText?: string | null;
  findingCount?: number | null;
}

describe('the Lambda bundles as the stack builds them', () => {
  let bundles: LambdaBundles;
  let dynalite: RunningDynalite;
  let s3: RunningS3rver;
  let appsync: Server;
  let certFile: string;
  const published: { status?: string; operationName?: string; signed: boolean }[] = [];

  beforeAll(async () => {
    bundles = await buildLambdaBundles();
    dynalite = await startDynalite();
    s3 = await startS3rver({ buckets: [BUCKET, OUTPUT_BUCKET] });
    const client = new DynamoDBClient(localDynamoDbClientConfig(dynalite.endpoint));
    await ensureJobTable(client, TABLE);
    client.destroy();
    // HDM_GRAPHQL_URL must be https: a stand-in AppSync with a self-signed certificate the child trusts.
    const certificate = await loadOrCreateCertificate(join(bundles.outdir, 'tls'));
    certFile = certificate.certFile;
    appsync = createServer({ cert: certificate.cert, key: certificate.key }, (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { operationName?: string; variables?: { input?: { status?: string } } };
        published.push({ operationName: body.operationName, status: body.variables?.input?.status, signed: /^AWS4-HMAC-SHA256 /.test(req.headers.authorization ?? '') });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ data: { publishJobUpdate: body.variables?.input ?? null } }));
      });
    });
    await new Promise<void>((resolve) => appsync.listen(0, '127.0.0.1', resolve));
  }, 50_000);

  afterAll(async () => {
    await new Promise<void>((resolve) => (appsync ? appsync.close(() => resolve()) : resolve()));
    await s3?.close();
    await dynalite?.close();
    if (bundles) await rm(bundles.outdir, { recursive: true, force: true });
  });

  it('the GraphQL handler masks text and reads the job back against dynalite and s3rver, publishing each status', async () => {
    const script = join(bundles.outdir, 'invoke.mjs');
    await writeFile(script, CHILD);
    const { port } = appsync.address() as AddressInfo;
    const { stdout } = await run(process.execPath, [script, pathToFileURL(join(bundles.graphql, 'index.mjs')).href], {
      timeout: 30_000,
      env: {
        PATH: process.env.PATH,
        HDM_TEST_TEXT: TEXT,
        NODE_OPTIONS: '--enable-source-maps',
        NODE_EXTRA_CA_CERTS: certFile,
        AWS_REGION: 'us-east-1',
        AWS_ACCESS_KEY_ID: 'local',
        AWS_SECRET_ACCESS_KEY: 'local',
        // The SDK reads AWS_ENDPOINT_URL_<service id> (@smithy/core endpoints getEndpointUrlConfig).
        AWS_ENDPOINT_URL_DYNAMODB: dynalite.endpoint,
        AWS_ENDPOINT_URL_S3: s3.endpoint,
        [AWS_ENV.tableName]: TABLE,
        [AWS_ENV.bucket]: BUCKET,
        [AWS_ENV.outputBucket]: OUTPUT_BUCKET,
        [AWS_ENV.graphqlUrl]: `https://127.0.0.1:${port}/graphql`,
        // Never called for text jobs; it only has to be a valid https URL.
        [AWS_ENV.queueUrl]: 'https://sqs.us-east-1.amazonaws.com/000000000000/hdm-jobs',
        [AWS_ENV.detector]: 'local',
        [AWS_ENV.ocr]: 'tesseract',
      },
    });
    const line = stdout.split('\n').find((l) => l.startsWith('HDM_RESULT '));
    expect(line).toBeDefined();
    const { masked, read } = JSON.parse((line as string).slice('HDM_RESULT '.length)) as { masked: Job; read: Job };

    expect(masked).toMatchObject({ kind: 'TEXT', status: 'SUCCEEDED', owner: 'arn:aws:iam::000000000000:user/alice' });
    expect(masked.maskedText).toEqual(expect.any(String));
    expect(masked.maskedText).not.toContain(PHONE);
    expect(masked.maskedText).not.toContain(EMAIL);
    expect(masked.maskedText).toContain('about the follow-up');
    expect(masked.findingCount).toBeGreaterThanOrEqual(2);

    expect(read).toMatchObject({ id: masked.id, status: 'SUCCEEDED', maskedText: masked.maskedText });

    expect(published.map((p) => p.status)).toEqual(['RUNNING', 'SUCCEEDED']);
    expect(published.every((p) => p.operationName === 'PublishJobUpdate' && p.signed)).toBe(true);
  }, 40_000);

  it('the worker bundle loads in plain node and exports a handler', async () => {
    const { stdout } = await run(process.execPath, [
      '--input-type=module',
      '-e',
      `const m = await import(${JSON.stringify(pathToFileURL(join(bundles.worker, 'index.mjs')).href)}); console.log(typeof m.handler);`,
    ], { timeout: 20_000, env: { PATH: process.env.PATH } });
    expect(stdout.trim().split('\n').at(-1)).toBe('function');
  }, 30_000);
});
