import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePage, type GeneratedPage } from '../../bench/images/generatePage.ts';
import { WORKER_COPIED_PACKAGES } from '../../infra/HealthDataMaskingStack.ts';
import { packageClosure } from '../../infra/packageClosure.ts';
import { localDynamoDbClientConfig, startDynalite, type RunningDynalite } from '../../local/dynamodb/startDynalite.ts';
import { startS3rver, type RunningS3rver } from '../../local/s3/startS3rver.ts';
import { loadOrCreateCertificate } from '../../local/tls/loadOrCreateCertificate.ts';
import { ensureJobTable } from '../../src/adapters/dynamodb/createJobTable.ts';
import { AWS_ENV } from '../../src/config.ts';
import { buildLambdaBundles, PROJECT_ROOT, type LambdaBundles } from './buildLambdaBundle.ts';

const run = promisify(execFile);
const TABLE = 'hdm-bundle-test';
const BUCKET = 'hdm-bundle-in';
const OUTPUT_BUCKET = 'hdm-bundle-out';
// Synthetic PHI only.
const PHONE = '555-867-5309';
const EMAIL = 'jane.doe@example.com';
const TEXT = `Call the patient at ${PHONE} or write to ${EMAIL} about the follow-up.`;
const CALLER = 'arn:aws:iam::000000000000:user/alice';

/**
 * Runs in a plain `node` child (no tsx, no loader): imports the bundle as Lambda does, hands the handler
 * each event of a JSON file in turn, prints the results on one marked line, and exits (the image worker
 * keeps an OCR thread alive for the next event, as a warm Lambda would).
 */
const CHILD = `
import { readFileSync } from 'node:fs';
const [bundleUrl, eventsFile] = process.argv.slice(2);
const { handler } = await import(bundleUrl);
const results = [];
for (const event of JSON.parse(readFileSync(eventsFile, 'utf8'))) results.push(await handler(event));
console.log('HDM_RESULT ' + JSON.stringify(results));
process.exit(0);
`;

/** An AppSync Direct Lambda event (aws-facts.md §4(c)). */
function appSyncEvent(parentTypeName: string, fieldName: string, args: unknown, selectionSetList: string[]) {
  const identity = {
    accountId: '000000000000',
    userArn: CALLER,
    username: 'AIDAALICE',
    sourceIp: ['203.0.113.7'],
    cognitoIdentityId: null,
    cognitoIdentityPoolId: null,
    cognitoIdentityAuthType: null,
    cognitoIdentityAuthProvider: null,
  };
  return {
    arguments: args,
    identity,
    source: null,
    request: { headers: { 'content-type': 'application/json' }, domainName: null },
    info: {
      parentTypeName,
      fieldName,
      variables: {},
      selectionSetList,
      selectionSetGraphQL: `{ ${selectionSetList.join(' ')} }`,
    },
    prev: null,
    stash: {},
  };
}

/** An SQS event as Lambda's event source mapping delivers it, one record. */
function sqsEvent(body: string) {
  return {
    Records: [
      {
        messageId: '059f36b4-87a3-44ab-83d2-661975830a7d',
        receiptHandle: 'AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a',
        body,
        attributes: {
          ApproximateReceiveCount: '1',
          SentTimestamp: '1545082649183',
          SenderId: 'AIDAIENQZJOLO23YVJ4VO',
          ApproximateFirstReceiveTimestamp: '1545082649185',
        },
        messageAttributes: {},
        md5OfBody: createHash('md5').update(body).digest('hex'),
        eventSource: 'aws:sqs',
        eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:hdm-jobs',
        awsRegion: 'us-east-1',
      },
    ],
  };
}

interface Job {
  id: string;
  kind: string;
  status: string;
  owner: string;
  maskedText?: string | null;
  findingCount?: number | null;
  maskedImage?: { bucket: string; key: string; contentType: string; width: number; height: number } | null;
}

/** Every node_modules directory in `dir`'s ancestors: where Node would look for a package the bundle left out. */
function ancestorNodeModules(dir: string): string[] {
  const found: string[] = [];
  for (let at = dirname(dir); ; at = dirname(at)) {
    if (existsSync(join(at, 'node_modules'))) found.push(join(at, 'node_modules'));
    if (dirname(at) === at) return found;
  }
}

describe('the Lambda bundles as the stack builds them, in plain Node with nothing beside them', () => {
  let bundles: LambdaBundles;
  let dynalite: RunningDynalite;
  let s3rver: RunningS3rver;
  let stub: Server;
  let certFile: string;
  let baseUrl: string;
  const published: { status?: string; operationName?: string; signed: boolean }[] = [];
  const queued: { body: string; signed: boolean }[] = [];
  const calls: { target: string; signed: boolean }[] = [];
  /** Everything the last invoke()'s child printed on stdout (Powertools' log and EMF lines among it). */
  let lastStdout = '';
  /** The page the Rekognition stand-in "reads", and the words the Comprehend Medical stand-in knows as PHI. */
  let page: GeneratedPage | undefined;
  const knownPhi = (): { text: string; type: string }[] => [
    { text: PHONE, type: 'PHONE_OR_FAX' },
    { text: EMAIL, type: 'EMAIL' },
    ...(page?.words.filter((w) => w.phi).map((w) => ({ text: w.text, type: 'NAME' })) ?? []),
  ];

  /** DetectPHI's answer (aws-facts.md §2): every known PHI string in the text, offsets in code points. */
  function detectPhi(text: string) {
    const entities = knownPhi().flatMap(({ text: phi, type }) => {
      const found = [];
      for (let at = text.indexOf(phi); at >= 0; at = text.indexOf(phi, at + phi.length)) {
        const begin = [...text.slice(0, at)].length;
        found.push({
          BeginOffset: begin,
          EndOffset: begin + [...phi].length,
          Score: 0.97,
          Text: phi,
          Category: 'PROTECTED_HEALTH_INFORMATION',
          Type: type,
          Traits: [],
        });
      }
      return found;
    });
    return { Entities: entities.map((e, Id) => ({ Id, ...e })), ModelVersion: '0.1.0' };
  }

  /** DetectText's answer (aws-facts.md §3): the page's words inside the region of interest, as WORDs under LINEs, at most 100. */
  function detectText(body: Record<string, unknown>) {
    if (!page) throw new Error('no page');
    const { width, height } = page;
    const roi = (
      body.Filters as
        | { RegionsOfInterest?: { BoundingBox: { Left: number; Top: number; Width: number; Height: number } }[] }
        | undefined
    )?.RegionsOfInterest?.[0]?.BoundingBox;
    const inside = page.words
      .filter((w) => {
        const cx = (w.box.left + w.box.width / 2) / width;
        const cy = (w.box.top + w.box.height / 2) / height;
        return !roi || (cx >= roi.Left && cx < roi.Left + roi.Width && cy >= roi.Top && cy < roi.Top + roi.Height);
      })
      .slice(0, 100);
    const lineOf = new Map<number, number>();
    const detections = inside.map((w, i) => {
      const line = Math.round(w.box.top / 10);
      if (!lineOf.has(line)) lineOf.set(line, lineOf.size);
      return {
        DetectedText: w.text,
        Type: 'WORD',
        Id: 1_000 + i,
        ParentId: lineOf.get(line),
        Confidence: 99.1,
        Geometry: {
          BoundingBox: {
            Width: w.box.width / width,
            Height: w.box.height / height,
            Left: w.box.left / width,
            Top: w.box.top / height,
          },
          Polygon: w.polygon.map((p) => ({ X: p.x / width, Y: p.y / height })),
        },
      };
    });
    const lines = [...lineOf.values()].map((id) => ({
      DetectedText: '',
      Type: 'LINE',
      Id: id,
      Confidence: 99.1,
      Geometry: { BoundingBox: { Width: 0, Height: 0, Left: 0, Top: 0 }, Polygon: [] },
    }));
    return { TextDetections: [...lines, ...detections], TextModelVersion: '3.0' };
  }

  beforeAll(async () => {
    bundles = await buildLambdaBundles();
    dynalite = await startDynalite();
    s3rver = await startS3rver({ buckets: [BUCKET, OUTPUT_BUCKET] });
    const client = new DynamoDBClient(localDynamoDbClientConfig(dynalite.endpoint));
    await ensureJobTable(client, TABLE);
    client.destroy();
    // AppSync and SQS have no local stand-in that speaks https with SigV4; one https stub answers both.
    const certificate = await loadOrCreateCertificate(join(bundles.outdir, 'tls'));
    certFile = certificate.certFile;
    stub = createServer({ cert: certificate.cert, key: certificate.key }, (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const signed = /^AWS4-HMAC-SHA256 /.test(req.headers.authorization ?? '');
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
        const target = req.headers['x-amz-target'];
        if (target === 'ComprehendMedical_20181030.DetectPHI' || target === 'RekognitionService.DetectText') {
          calls.push({ target, signed });
          res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
          res.end(
            JSON.stringify(
              target === 'RekognitionService.DetectText' ? detectText(body) : detectPhi(String(body.Text)),
            ),
          );
          return;
        }
        if (target === 'AmazonSQS.SendMessage') {
          // SQS's JSON protocol; the SDK checks MD5OfMessageBody against what it sent.
          const message = String(body.MessageBody);
          queued.push({ body: message, signed });
          res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
          res.end(
            JSON.stringify({
              MessageId: '5fea7756-0ea4-451a-a703-a558b933e274',
              MD5OfMessageBody: createHash('md5').update(message).digest('hex'),
            }),
          );
          return;
        }
        const update = body as { operationName?: string; variables?: { input?: { status?: string } } };
        published.push({ operationName: update.operationName, status: update.variables?.input?.status, signed });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ data: { publishJobUpdate: update.variables?.input ?? null } }));
      });
    });
    await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
    baseUrl = `https://127.0.0.1:${(stub.address() as AddressInfo).port}`;
  }, 60_000);

  afterAll(async () => {
    await new Promise<void>((resolve) => (stub ? stub.close(() => resolve()) : resolve()));
    await s3rver?.close();
    await dynalite?.close();
    if (bundles) await rm(bundles.outdir, { recursive: true, force: true });
  });

  /** Runs the bundle in `dir` on the events, in a fresh plain `node`, with the environment the stack sets. */
  async function invoke<T>(
    dir: string,
    name: string,
    events: unknown[],
    settings: Record<string, string> = {},
  ): Promise<T[]> {
    const script = join(bundles.outdir, 'invoke.mjs');
    const eventsFile = join(bundles.outdir, `${name}.events.json`);
    await writeFile(script, CHILD);
    // Synthetic PHI goes in a file, not the command line, so a failed run's message shows none of it.
    await writeFile(eventsFile, JSON.stringify(events));
    const { stdout } = await run(process.execPath, [script, pathToFileURL(join(dir, 'index.mjs')).href, eventsFile], {
      timeout: 90_000,
      maxBuffer: 16 * 1024 * 1024,
      cwd: bundles.outdir,
      env: {
        PATH: process.env.PATH,
        NODE_OPTIONS: '--enable-source-maps',
        NODE_EXTRA_CA_CERTS: certFile,
        AWS_REGION: 'us-east-1',
        // s3rver accepts only its own key pair; dynalite and the stub accept any.
        AWS_ACCESS_KEY_ID: 'S3RVER',
        AWS_SECRET_ACCESS_KEY: 'S3RVER',
        // The SDK reads AWS_ENDPOINT_URL_<service id> (@smithy/core endpoints getEndpointUrlConfig).
        AWS_ENDPOINT_URL_DYNAMODB: dynalite.endpoint,
        AWS_ENDPOINT_URL_S3: s3rver.endpoint,
        AWS_ENDPOINT_URL_SQS: baseUrl,
        AWS_ENDPOINT_URL_COMPREHENDMEDICAL: baseUrl,
        AWS_ENDPOINT_URL_REKOGNITION: baseUrl,
        [AWS_ENV.tableName]: TABLE,
        [AWS_ENV.bucket]: BUCKET,
        [AWS_ENV.outputBucket]: OUTPUT_BUCKET,
        [AWS_ENV.graphqlUrl]: `${baseUrl}/graphql`,
        [AWS_ENV.queueUrl]: `${baseUrl}/000000000000/hdm-jobs`,
        [AWS_ENV.detector]: 'local',
        [AWS_ENV.ocr]: 'tesseract',
        ...settings,
      },
    }).catch((error: { stdout?: string; message: string }) => {
      // The handlers' log lines name events and error classes, never content: show them with the failure.
      throw new Error(`${error.message}\nlog:\n${error.stdout ?? ''}${(error as { stderr?: string }).stderr ?? ''}`);
    });
    lastStdout = stdout;
    const line = stdout.split('\n').find((l) => l.startsWith('HDM_RESULT '));
    expect(line, 'the child printed its results').toBeDefined();
    return JSON.parse((line as string).slice('HDM_RESULT '.length)) as T[];
  }

  it('are built away from the repository: the API bundle has no node_modules, the worker only its native packages', async () => {
    expect(bundles.outdir.startsWith(PROJECT_ROOT)).toBe(false);
    expect(ancestorNodeModules(bundles.graphql)).toEqual([]);
    expect(existsSync(join(bundles.graphql, 'node_modules'))).toBe(false);
    expect(existsSync(join(bundles.graphql, 'data'))).toBe(true);
    const copied = packageClosure(WORKER_COPIED_PACKAGES, join(PROJECT_ROOT, 'node_modules'));
    const top = await readdir(join(bundles.worker, 'node_modules'));
    const present = (
      await Promise.all(
        top.map(async (entry) =>
          entry.startsWith('@')
            ? (await readdir(join(bundles.worker, 'node_modules', entry))).map((name) => `${entry}/${name}`)
            : [entry],
        ),
      )
    ).flat();
    expect(present.sort()).toEqual([...copied].sort());
    expect(present.some((name) => name.startsWith('@aws-sdk/'))).toBe(false);
  });

  it('the GraphQL handler masks text and reads the job back against dynalite and s3rver, publishing each status', async () => {
    published.length = 0;
    const fields = ['id', 'kind', 'status', 'owner', 'maskedText', 'findingCount'];
    const [masked] = await invoke<Job>(bundles.graphql, 'text', [
      appSyncEvent('Mutation', 'maskText', { input: { text: TEXT } }, fields),
    ]);
    const [read] = await invoke<Job>(bundles.graphql, 'read', [
      appSyncEvent('Query', 'job', { id: masked!.id }, fields),
    ]);

    expect(masked).toMatchObject({ kind: 'TEXT', status: 'SUCCEEDED', owner: CALLER });
    expect(masked!.maskedText).toEqual(expect.any(String));
    expect(masked!.maskedText).not.toContain(PHONE);
    expect(masked!.maskedText).not.toContain(EMAIL);
    expect(masked!.maskedText).toContain('about the follow-up');
    expect(masked!.findingCount).toBeGreaterThanOrEqual(2);
    expect(read).toMatchObject({ id: masked!.id, status: 'SUCCEEDED', maskedText: masked!.maskedText });

    expect(published.map((p) => p.status)).toEqual(['RUNNING', 'SUCCEEDED']);
    expect(published.every((p) => p.operationName === 'PublishJobUpdate' && p.signed)).toBe(true);
  }, 60_000);

  it('an image goes in through the API bundle and SQS, and the worker bundle masks it with its own sharp and tesseract', async () => {
    published.length = 0;
    queued.length = 0;
    const page = await generatePage({ seed: 11, style: 'form', width: 1000, height: 700 });
    const fields = ['id', 'kind', 'status', 'owner', 'findingCount', 'maskedImage'];
    const [accepted] = await invoke<Job>(bundles.graphql, 'image', [
      appSyncEvent('Mutation', 'maskImage', { input: { base64: page.bytes.toString('base64') } }, fields),
    ]);
    expect(accepted).toMatchObject({ kind: 'IMAGE', status: 'QUEUED', owner: CALLER });
    expect(queued).toHaveLength(1);
    expect(queued[0]!.signed).toBe(true);
    expect(JSON.parse(queued[0]!.body)).toEqual({ jobId: accepted!.id });

    const [batch] = await invoke<{ batchItemFailures: unknown[] }>(bundles.worker, 'worker', [
      sqsEvent(queued[0]!.body),
    ]);
    expect(batch).toEqual({ batchItemFailures: [] });

    const [done] = await invoke<Job>(bundles.graphql, 'done', [
      appSyncEvent('Query', 'job', { id: accepted!.id }, fields),
    ]);
    expect(done).toMatchObject({
      status: 'SUCCEEDED',
      maskedImage: { bucket: OUTPUT_BUCKET, contentType: 'image/png', width: page.width, height: page.height },
    });
    expect(done!.findingCount).toBeGreaterThan(0);
    expect(published.map((p) => p.status)).toEqual(['QUEUED', 'RUNNING', 'SUCCEEDED']);

    // The stored output is a real image of the page's size, and differs from the input where PHI was.
    const s3 = new S3Client({
      region: 'us-east-1',
      endpoint: s3rver.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    const object = await s3.send(new GetObjectCommand({ Bucket: OUTPUT_BUCKET, Key: done!.maskedImage!.key }));
    const output = Buffer.from(await object.Body!.transformToByteArray());
    s3.destroy();
    const { width, height } = await sharp(output).metadata();
    expect({ width, height }).toEqual({ width: page.width, height: page.height });
    const phiWord = page.words.find((w) => w.phi)!;
    const x = Math.round(phiWord.box.left + phiWord.box.width / 2);
    const y = Math.round(phiWord.box.top + phiWord.box.height / 2);
    const { data, info } = await sharp(output).raw().toBuffer({ resolveWithObject: true });
    const at = (y * info.width + x) * info.channels;
    expect([...data.subarray(at, at + 3)]).toEqual([0, 0, 0]);
  }, 180_000);

  it("with the stack's defaults, the bundles call Comprehend Medical and Rekognition, signed, and mask what they report", async () => {
    published.length = 0;
    queued.length = 0;
    calls.length = 0;
    page = await generatePage({ seed: 12, style: 'letter', width: 900, height: 650 });
    const defaults = { [AWS_ENV.detector]: 'comprehend-medical', [AWS_ENV.ocr]: 'rekognition' };
    const textFields = ['id', 'status', 'maskedText', 'findingCount'];
    const [text] = await invoke<Job>(
      bundles.graphql,
      'cm-text',
      [appSyncEvent('Mutation', 'maskText', { input: { text: TEXT } }, textFields)],
      defaults,
    );
    expect(text).toMatchObject({ status: 'SUCCEEDED', findingCount: 2 });
    expect(text!.maskedText).not.toContain(PHONE);
    expect(text!.maskedText).not.toContain(EMAIL);

    const fields = ['id', 'status', 'findingCount', 'maskedImage'];
    const [accepted] = await invoke<Job>(
      bundles.graphql,
      'cm-image',
      [appSyncEvent('Mutation', 'maskImage', { input: { base64: page.bytes.toString('base64') } }, fields)],
      defaults,
    );
    const [batch] = await invoke<{ batchItemFailures: unknown[] }>(
      bundles.worker,
      'cm-worker',
      [sqsEvent(queued[0]!.body)],
      defaults,
    );
    expect(batch).toEqual({ batchItemFailures: [] });
    const [done] = await invoke<Job>(
      bundles.graphql,
      'cm-done',
      [appSyncEvent('Query', 'job', { id: accepted!.id }, fields)],
      defaults,
    );
    const phiWords = page.words.filter((w) => w.phi);
    expect(done).toMatchObject({ status: 'SUCCEEDED' });
    expect(done!.findingCount).toBeGreaterThan(0);

    const targets = new Set(calls.map((c) => c.target));
    expect(targets).toEqual(new Set(['ComprehendMedical_20181030.DetectPHI', 'RekognitionService.DetectText']));
    expect(calls.every((c) => c.signed)).toBe(true);
    // Every PHI word the stand-ins reported is covered in the stored image.
    const s3 = new S3Client({
      region: 'us-east-1',
      endpoint: s3rver.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    const object = await s3.send(new GetObjectCommand({ Bucket: OUTPUT_BUCKET, Key: done!.maskedImage!.key }));
    const output = Buffer.from(await object.Body!.transformToByteArray());
    s3.destroy();
    const { data, info } = await sharp(output).raw().toBuffer({ resolveWithObject: true });
    for (const word of phiWords) {
      const x = Math.round(word.box.left + word.box.width / 2);
      const y = Math.round(word.box.top + word.box.height / 2);
      const at = (y * info.width + x) * info.channels;
      expect([...data.subarray(at, at + 3)], `PHI word at ${x},${y}`).toEqual([0, 0, 0]);
    }
  }, 120_000);

  describe('Powertools, batching and source maps in the bundle (issue 14)', () => {
    it("answers AppSync's batched events for nested fields with an array in order, and logs and meters through Powertools", async () => {
      const fields = ['id', 'kind', 'status', 'owner', 'findingCount'];
      const [withPhi, without] = await invoke<Job>(bundles.graphql, 'batch-jobs', [
        appSyncEvent('Mutation', 'maskText', { input: { text: TEXT } }, fields),
        appSyncEvent('Mutation', 'maskText', { input: { text: 'Nothing to mask in this follow-up note.' } }, fields),
      ]);
      // One EMF line per kind and status (Jobs) and per finding type, flushed by each invocation.
      const lines = lastStdout
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      const emf = lines.filter((l) => l._aws !== undefined);
      expect(
        emf.filter(
          (l) => l.Jobs === 1 && l.kind === 'TEXT' && l.status === 'SUCCEEDED' && l.service === 'health-data-masking',
        ),
      ).toHaveLength(2);
      expect(emf.some((l) => l.type === 'PHONE_OR_FAX' && l.Findings === 1)).toBe(true);
      expect(lastStdout).not.toContain(PHONE);
      expect(lastStdout).not.toContain(EMAIL);

      const nested = (job: Job) => ({
        ...appSyncEvent('Job', 'findings', { limit: 10 }, ['items/type', 'items/beginOffset', 'nextToken']),
        source: job,
      });
      const [batch] = await invoke<{ items: { jobId: string; type: string }[] }[]>(bundles.graphql, 'batch-findings', [
        [nested(without!), nested(withPhi!)],
      ]);
      expect(batch).toHaveLength(2);
      expect(batch![0]!.items).toEqual([]);
      expect(batch![1]!.items.map((f) => f.jobId)).toEqual(
        Array.from({ length: withPhi!.findingCount ?? 0 }, () => withPhi!.id),
      );
      expect(new Set(batch![1]!.items.map((f) => f.type))).toEqual(new Set(['PHONE_OR_FAX', 'EMAIL']));
    }, 60_000);

    it('is minified, and its stack traces still name the TypeScript files through the source map', async () => {
      const code = await readFile(join(bundles.graphql, 'index.mjs'), 'utf8');
      expect(code.split('\n').length).toBeLessThan(200);
      expect(existsSync(join(bundles.graphql, 'index.mjs.map'))).toBe(true);
      // An event with no `info` breaks inside resolvers/lambda.ts before any try: its stack is the bundle's.
      const script = join(bundles.outdir, 'stack.mjs');
      await writeFile(
        script,
        `const { handler } = await import(process.argv[2]);
try { await handler({ arguments: {}, identity: null }); } catch (error) { console.log('HDM_STACK ' + JSON.stringify(String(error.stack))); }
process.exit(0);`,
      );
      const { stdout } = await run(process.execPath, [script, pathToFileURL(join(bundles.graphql, 'index.mjs')).href], {
        cwd: bundles.outdir,
        timeout: 60_000,
        env: { PATH: process.env.PATH, NODE_OPTIONS: '--enable-source-maps', AWS_REGION: 'us-east-1' },
      });
      const stack = JSON.parse(
        stdout
          .split('\n')
          .find((l) => l.startsWith('HDM_STACK '))!
          .slice('HDM_STACK '.length),
      ) as string;
      expect(stack).toContain('TypeError');
      expect(stack).toMatch(/resolvers\/lambda\.ts:\d+:\d+/);
      expect(stack).toMatch(/resolvers\/handlers\/instrumented\.ts:\d+:\d+/);
    }, 60_000);
  });
});
