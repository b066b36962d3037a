import { DeleteObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DetectTextCommand, RekognitionClient } from '@aws-sdk/client-rekognition';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { AppSyncJobEvents } from '../../../../src/adapters/aws/AppSyncJobEvents.ts';
import { ComprehendMedicalDetector } from '../../../../src/adapters/aws/ComprehendMedicalDetector.ts';
import { SqsJobQueue } from '../../../../src/adapters/aws/SqsJobQueue.ts';
import { DynamoDbJobStore } from '../../../../src/adapters/dynamodb/DynamoDbJobStore.ts';
import { SharpImageRedactor } from '../../../../src/adapters/sharp/SharpImageRedactor.ts';
import { UnionPhiDetector } from '../../../../src/adapters/union/UnionPhiDetector.ts';
import { type AwsSettings, ConfigError, loadConfig } from '../../../../src/config.ts';
import { SILENT_LOGGER } from '../../../../src/core/JobServices.ts';
import { DEFAULT_IMAGE_PADDING_PX } from '../../../../src/core/maskImageContent.ts';
import { LocalPhiDetector } from '../../../../src/detect/LocalPhiDetector.ts';
import { createAwsImageEngines } from '../../../../src/services/awsImageEngines.ts';
import { createAwsServices } from '../../../../src/services/awsServices.ts';

const ENV = {
  AWS_REGION: 'eu-west-1',
  HDM_TABLE_NAME: 'HdmStack-Jobs1234',
  HDM_BUCKET: 'hdmstack-input-abc123',
  HDM_OUTPUT_BUCKET: 'hdmstack-output-abc123',
  HDM_GRAPHQL_URL: 'https://abcdefghijklmnopqrstuvwxyz.appsync-api.eu-west-1.amazonaws.com/graphql',
  HDM_QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/000000000000/hdm-image-jobs',
};

const s3 = mockClient(S3Client);
const rekognition = mockClient(RekognitionClient);
afterEach(() => {
  s3.reset();
  rekognition.reset();
});

describe("loadConfig(env, 'lambda')", () => {
  it('reads the function environment, with AWS defaults for the detector and OCR', () => {
    expect(loadConfig(ENV, 'lambda')).toEqual({
      tableName: ENV.HDM_TABLE_NAME,
      bucket: ENV.HDM_BUCKET,
      outputBucket: ENV.HDM_OUTPUT_BUCKET,
      region: 'eu-west-1',
      graphqlUrl: ENV.HDM_GRAPHQL_URL,
      queueUrl: ENV.HDM_QUEUE_URL,
      detector: 'comprehend-medical',
      ocr: 'rekognition',
      recordTtlDays: 30,
      fill: '#000000',
      syncTextLength: 100_000,
    });
    expect(
      loadConfig(
        { ...ENV, HDM_DETECTOR: 'union', HDM_OCR: 'tesseract', HDM_RECORD_TTL_DAYS: '7', HDM_MASK_FILL: '#fff' },
        'lambda',
      ),
    ).toMatchObject({ detector: 'union', ocr: 'tesseract', recordTtlDays: 7, fill: '#fff' });
  });

  it('reports every problem at once, naming keys and never echoing values', () => {
    const bad = {
      AWS_REGION: 'eu-west-1',
      HDM_GRAPHQL_URL: 'http://marla-quenby.example/graphql',
      HDM_DETECTOR: 'marla',
      HDM_RECORD_TTL_DAYS: 'forever',
    };
    let error: unknown;
    try {
      loadConfig(bad, 'lambda');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'HDM_TABLE_NAME must be set',
      'HDM_BUCKET must be set',
      'HDM_OUTPUT_BUCKET must be set',
      'HDM_GRAPHQL_URL must be an https URL',
      'HDM_QUEUE_URL must be set',
      'HDM_DETECTOR must be one of comprehend-medical, local, union',
      'HDM_RECORD_TTL_DAYS must be a whole number from 1 to 3650',
    ]);
    expect((error as Error).message.toLowerCase()).not.toContain('marla');
  });
});

describe('createAwsServices', () => {
  const settings = (overrides: Partial<AwsSettings> = {}): AwsSettings => ({
    ...loadConfig(ENV, 'lambda'),
    ...overrides,
  });

  it('wires DynamoDB, AppSync, SQS and the chosen detector', () => {
    const services = createAwsServices(settings(), { logger: SILENT_LOGGER });
    expect(services.jobs).toBeInstanceOf(DynamoDbJobStore);
    expect(services.events).toBeInstanceOf(AppSyncJobEvents);
    expect(services.images?.queue).toBeInstanceOf(SqsJobQueue);
    expect(services.detector).toBeInstanceOf(ComprehendMedicalDetector);
    expect(services).toMatchObject({
      bucket: ENV.HDM_BUCKET,
      recordTtlSeconds: 30 * 86_400,
      images: { outputBucket: ENV.HDM_OUTPUT_BUCKET, fill: '#000000', paddingPx: DEFAULT_IMAGE_PADDING_PX },
    });
    expect(createAwsServices(settings({ detector: 'local' })).detector).toBeInstanceOf(LocalPhiDetector);
    expect(createAwsServices(settings({ detector: 'union' })).detector).toBeInstanceOf(UnionPhiDetector);
  });

  it('leaves the image engines out unless asked (the API function never opens an image), and adds them for the worker', () => {
    const api = createAwsServices(settings(), { logger: SILENT_LOGGER });
    expect(api.images?.extractor).toBeUndefined();
    expect(api.images?.redactor).toBeUndefined();
    const worker = createAwsServices(settings(), { logger: SILENT_LOGGER, imageEngines: createAwsImageEngines });
    expect(worker.images?.redactor).toBeInstanceOf(SharpImageRedactor);
    expect(worker.images?.extractor).toBeDefined();
  });

  it('sends images over 5 MB to Rekognition through a temporary copy in the input bucket, deleted afterwards', async () => {
    s3.on(PutObjectCommand).resolves({ ETag: '"0a1b2c"' });
    s3.on(DeleteObjectCommand).resolves({});
    rekognition.on(DetectTextCommand).resolves({ TextDetections: [], TextModelVersion: '3.0' });
    const services = createAwsServices(settings(), {
      logger: SILENT_LOGGER,
      s3: new S3Client({ region: 'eu-west-1' }),
      imageEngines: createAwsImageEngines,
    });
    const bytes = new Uint8Array(6 * 1024 * 1024);
    bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const page = await services.images!.extractor!.extract({
      bytes,
      format: 'png',
      contentType: 'image/png',
      width: 800,
      height: 600,
    });
    expect(page.words).toEqual([]);
    const put = s3.commandCalls(PutObjectCommand)[0]!.args[0].input;
    expect(put).toMatchObject({ Bucket: ENV.HDM_BUCKET, ContentType: 'image/png' });
    expect(put.Key).toMatch(/^ocr\/[0-9a-f-]{36}\.png$/);
    expect(rekognition.commandCalls(DetectTextCommand)[0]!.args[0].input.Image).toEqual({
      S3Object: { Bucket: ENV.HDM_BUCKET, Name: put.Key },
    });
    expect(s3.commandCalls(DeleteObjectCommand).map((c) => c.args[0].input)).toEqual([
      { Bucket: ENV.HDM_BUCKET, Key: put.Key },
    ]);
  });
});
