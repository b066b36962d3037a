// npm run bench:lambda-cost [-- --invocations N] [--json OUT]
// What one 1 KB maskText costs on AWS Lambda, measured with the deployed bundle itself: the stack is
// synthesized with bundling on (the same esbuild options and copy hooks as `npm run synth`), and the
// GraphQL function's bundle runs in a plain `node` child (no tsx, no loader) against dynalite, with a local
// HTTPS stub standing in for AppSync (publishJobUpdate) and Comprehend Medical. The child counts the
// DynamoDB requests of each invocation from Node's `http.client.request.start` diagnostics channel (the
// SDK's own HTTP requests, so nothing in the bundle is changed to be counted) and times each invocation.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { buildLambdaBundles, type LambdaBundles } from '../test/infra/buildLambdaBundle.ts';
import { localDynamoDbClientConfig, startDynalite, type RunningDynalite } from '../local/dynamodb/startDynalite.ts';
import { loadOrCreateCertificate } from '../local/tls/loadOrCreateCertificate.ts';
import { ensureJobTable } from '../src/adapters/dynamodb/createJobTable.ts';
import { AWS_ENV } from '../src/config.ts';
import { table } from './table.ts';

const run = promisify(execFile);
const TABLE = 'hdm-lambda-cost';
const CALLER = 'arn:aws:iam::000000000000:user/bench';

/** A synthetic clinical note (invented names, numbers and places) padded to exactly 1,024 UTF-8 bytes. */
export function noteOf1Kb(): string {
  const note =
    'Pt Marla Quenby, 67 y/o F, MRN 88231907, seen 03/14/2023 at Lakeview Medical Center, 1200 Harbor Rd, ' +
    'Portland OR 97205, by Dr. Ohanian. Call back at 555-867-5309 or marla.quenby@example.com. Hx of HTN, DM2 on ' +
    'metformin 500 mg BID; BP 142/88, HR 76, afebrile. Daughter Jane Quenby (555-201-7788) present at bedside. ' +
    'Plan: recheck A1c in 3 months, follow-up with Dr. Ohanian on 04/11/2023, renal panel, diet counselling. ';
  let text = note;
  while (Buffer.byteLength(text) < 1024) text += note;
  return Buffer.from(text).subarray(0, 1024).toString('utf8');
}

/** Runs in the plain `node` child: imports the bundle as Lambda does and times each event, counting DynamoDB requests. */
const CHILD = `
import dc from 'node:diagnostics_channel';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
const [bundleUrl, eventsFile] = process.argv.slice(2);
let current;
// Only DynamoDB's JSON protocol names its targets 'DynamoDB_20120810.<Operation>'.
dc.subscribe('http.client.request.start', ({ request }) => {
  const target = String(request.getHeader('x-amz-target') ?? '');
  if (current && target.startsWith('DynamoDB_')) current.push(target.slice(target.indexOf('.') + 1));
});
const started = performance.now();
const { handler } = await import(bundleUrl);
const importMs = performance.now() - started;
const results = [];
for (const event of JSON.parse(readFileSync(eventsFile, 'utf8'))) {
  current = [];
  const context = { functionName: 'bench', functionVersion: '$LATEST', invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:bench', memoryLimitInMB: '1024', awsRequestId: crypto.randomUUID(), getRemainingTimeInMillis: () => 30000 };
  const t = performance.now();
  const out = await handler(event, context);
  results.push({ ms: performance.now() - t, requests: current, status: out?.status, findings: out?.findingCount });
}
console.log('HDM_RESULT ' + JSON.stringify({ importMs, results }));
process.exit(0);
`;

interface ChildResult {
  importMs: number;
  results: { ms: number; requests: string[]; status?: string; findings?: number }[];
}

function maskTextEvent(text: string, clientToken?: string) {
  const identity = {
    accountId: '000000000000',
    userArn: CALLER,
    username: 'AIDABENCH',
    sourceIp: ['203.0.113.7'],
    cognitoIdentityId: null,
    cognitoIdentityPoolId: null,
    cognitoIdentityAuthType: null,
    cognitoIdentityAuthProvider: null,
  };
  const selectionSetList = ['id', 'status', 'maskedText', 'findingCount'];
  return {
    arguments: { input: { text, ...(clientToken ? { clientToken } : {}) } },
    identity,
    source: null,
    request: { headers: { 'content-type': 'application/json' }, domainName: null },
    info: {
      parentTypeName: 'Mutation',
      fieldName: 'maskText',
      variables: {},
      selectionSetList,
      selectionSetGraphQL: `{ ${selectionSetList.join(' ')} }`,
    },
    prev: null,
    stash: {},
  };
}

/** DetectPHI's answer for the note: the stand-in reports the note's phone numbers, e-mail and dates (offsets in code points). */
function detectPhi(text: string) {
  const entities = [...text.matchAll(/\d{3}-\d{3}-\d{4}|[\w.]+@example\.com|\d{2}\/\d{2}\/\d{4}/g)].map((m, Id) => ({
    Id,
    BeginOffset: m.index,
    EndOffset: m.index + m[0].length,
    Score: 0.97,
    Text: m[0],
    Category: 'PROTECTED_HEALTH_INFORMATION',
    Type: m[0].includes('@') ? 'EMAIL' : m[0].includes('/') ? 'DATE' : 'PHONE_OR_FAX',
    Traits: [],
  }));
  return { Entities: entities, ModelVersion: '0.1.0' };
}

async function startStub(outdir: string): Promise<{ server: Server; baseUrl: string; certFile: string }> {
  const certificate = await loadOrCreateCertificate(join(outdir, 'tls'));
  const server = createServer({ cert: certificate.cert, key: certificate.key }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      if (req.headers['x-amz-target'] === 'ComprehendMedical_20181030.DetectPHI') {
        res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
        res.end(JSON.stringify(detectPhi(String(body.Text))));
        return;
      }
      const update = body as { variables?: { input?: unknown } };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: { publishJobUpdate: update.variables?.input ?? null } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    server,
    baseUrl: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    certFile: certificate.certFile,
  };
}

async function invoke(
  bundles: LambdaBundles,
  dynalite: RunningDynalite,
  stub: { baseUrl: string; certFile: string },
  events: unknown[],
  detector: string,
): Promise<ChildResult> {
  const script = join(bundles.outdir, 'bench-child.mjs');
  const eventsFile = join(bundles.outdir, `bench-${randomUUID()}.json`);
  await writeFile(script, CHILD);
  await writeFile(eventsFile, JSON.stringify(events));
  const { stdout } = await run(
    process.execPath,
    [script, pathToFileURL(join(bundles.graphql, 'index.mjs')).href, eventsFile],
    {
      timeout: 300_000,
      maxBuffer: 64 * 1024 * 1024,
      cwd: bundles.outdir,
      env: {
        PATH: process.env.PATH,
        NODE_OPTIONS: '--enable-source-maps',
        NODE_EXTRA_CA_CERTS: stub.certFile,
        AWS_REGION: 'us-east-1',
        AWS_ACCESS_KEY_ID: 'bench',
        AWS_SECRET_ACCESS_KEY: 'bench',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        AWS_ENDPOINT_URL_DYNAMODB: dynalite.endpoint,
        AWS_ENDPOINT_URL_COMPREHENDMEDICAL: stub.baseUrl,
        [AWS_ENV.tableName]: TABLE,
        [AWS_ENV.bucket]: 'hdm-bench-in',
        [AWS_ENV.outputBucket]: 'hdm-bench-out',
        [AWS_ENV.graphqlUrl]: `${stub.baseUrl}/graphql`,
        [AWS_ENV.queueUrl]: `${stub.baseUrl}/000000000000/hdm-jobs`,
        [AWS_ENV.detector]: detector,
      },
    },
  );
  const line = stdout.split('\n').find((l) => l.startsWith('HDM_RESULT '));
  if (!line) throw new Error(`the child printed no result:\n${stdout}`);
  return JSON.parse(line.slice('HDM_RESULT '.length)) as ChildResult;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const p90 = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.9))]!;

/** Request names with counts, e.g. "PutItem, BatchWriteItem, UpdateItem". */
function requestMix(requests: string[]): string {
  const counts = new Map<string, number>();
  for (const name of requests) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts].map(([name, n]) => (n > 1 ? `${n}× ${name}` : name)).join(', ');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { invocations: { type: 'string', default: '50' }, json: { type: 'string' } },
  });
  const invocations = Number(values.invocations);
  if (!Number.isInteger(invocations) || invocations < 1)
    throw new Error('--invocations must be a positive whole number');
  const text = noteOf1Kb();

  console.error('synthesizing the stack with bundling on …');
  const bundles = await buildLambdaBundles();
  const dynalite = await startDynalite();
  const client = new DynamoDBClient(localDynamoDbClientConfig(dynalite.endpoint));
  await ensureJobTable(client, TABLE);
  client.destroy();
  const stub = await startStub(bundles.outdir);
  const bundleBytes = (await stat(join(bundles.graphql, 'index.mjs'))).size;
  const rows: string[][] = [];
  const report: Record<string, unknown>[] = [];
  report.push({ bundleBytes });
  try {
    for (const detector of ['comprehend-medical', 'local']) {
      for (const token of [false, true]) {
        const events = Array.from({ length: invocations + 1 }, () =>
          maskTextEvent(text, token ? randomUUID() : undefined),
        );
        const { importMs, results } = await invoke(bundles, dynalite, stub, events, detector);
        const [cold, ...warm] = results;
        if (!cold || results.some((r) => r.status !== 'SUCCEEDED'))
          throw new Error(`not every job SUCCEEDED: ${JSON.stringify(results.map((r) => r.status))}`);
        const requests = warm.map((r) => r.requests.length);
        const ms = warm.map((r) => r.ms);
        const name = `${detector}${token ? ', clientToken' : ''}`;
        rows.push([
          name,
          String(Math.max(...requests)),
          requestMix(warm[0]?.requests ?? []),
          median(ms).toFixed(1),
          p90(ms).toFixed(1),
          (importMs + cold.ms).toFixed(0),
          String(cold.findings ?? ''),
        ]);
        report.push({
          detector,
          clientToken: token,
          invocations,
          dynamoDbRequests: Math.max(...requests),
          mix: requestMix(warm[0]?.requests ?? []),
          warmMedianMs: median(ms),
          warmP90Ms: p90(ms),
          coldMs: importMs + cold.ms,
          findings: cold.findings,
        });
      }
    }
  } finally {
    await new Promise<void>((resolve) => stub.server.close(() => resolve()));
    await dynalite.close();
    await rm(bundles.outdir, { recursive: true, force: true });
  }
  console.log(
    `maskText of a 1,024-byte note, GraphQL function bundle (index.mjs ${(bundleBytes / 1024).toFixed(0)} KiB) in plain Node ${process.version}; ${invocations} warm invocations after one cold one\n`,
  );
  console.log(
    table(
      [
        'detector',
        'DynamoDB requests',
        'requests (warm)',
        'warm p50 ms',
        'warm p90 ms',
        'cold ms (import + 1st)',
        'findings',
      ],
      rows,
    ),
  );
  if (values.json) await writeFile(values.json, JSON.stringify(report, null, 2));
}

await main();
