import { PolicyStatement, type IGrantable } from 'aws-cdk-lib/aws-iam';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { HandlerFunction } from './constructs/HandlerFunction.ts';
import type { JobStorage } from './constructs/JobStorage.ts';
import type { DeploymentSettings } from './DeploymentSettings.ts';

type LambdaFn = HandlerFunction['function'];

export interface FunctionAccessProps {
  graphqlFn: LambdaFn;
  workerFn: LambdaFn;
  storage: JobStorage;
  queue: IQueue;
  settings: DeploymentSettings;
  /** HealthDataMaskingStack.grantPublish: the IAM grant and the publishJobUpdate resolver's role list. */
  grantPublish: (fn: LambdaFn) => void;
}

/**
 * What the API function and the image worker may do. Least privilege, spelled out action by action (the
 * adapters' calls) rather than the broad grant* helpers. The statements are added in a fixed order: it is the
 * order of the policy documents in the template.
 */
export function grantFunctionAccess(props: FunctionAccessProps): void {
  const {
    graphqlFn,
    workerFn,
    storage: { key, table, inputBucket, outputBucket },
    queue,
    settings,
  } = props;
  const both = [graphqlFn, workerFn];
  const jobTableActions = [
    'dynamodb:GetItem',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:DeleteItem',
    'dynamodb:Query',
    'dynamodb:BatchWriteItem',
  ];
  for (const fn of both) {
    allow(fn, jobTableActions, [table.tableArn, `${table.tableArn}/index/*`]);
    // ListBucket makes a missing object a 404 rather than a 403, which the adapters tell apart.
    allow(fn, ['s3:ListBucket'], [inputBucket.bucketArn]);
    allow(fn, ['kms:Decrypt', 'kms:GenerateDataKey'], [key.keyArn]);
  }
  // Inputs: the API writes uploads (inline base64, presigned PUT) and reads them to check them; the worker reads
  // them and writes and deletes Rekognition's temporary `ocr/` copies (the same bucket, HDM_BUCKET).
  for (const fn of both)
    allow(fn, ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], [inputBucket.arnForObjects('*')]);
  // Outputs: the API presigns GETs of masked images; the worker writes them.
  allow(graphqlFn, ['s3:GetObject'], [outputBucket.arnForObjects('*')]);
  allow(workerFn, ['s3:GetObject', 's3:PutObject'], [outputBucket.arnForObjects('*')]);
  allow(graphqlFn, ['sqs:SendMessage'], [queue.queueArn]);
  // Both record job outcomes, which publishes the update through AppSync: that one field and nothing else.
  for (const fn of both) props.grantPublish(fn);
  if (settings.detector !== 'local') {
    // DetectPHI has no resource type: IAM accepts only "*" for it.
    for (const fn of both) allow(fn, ['comprehendmedical:DetectPHI'], ['*']);
  }
  if (settings.ocr === 'rekognition') {
    // DetectText on image bytes has no resource type either.
    allow(workerFn, ['rekognition:DetectText'], ['*']);
  }
}

function allow(grantee: IGrantable, actions: string[], resources: string[]): void {
  grantee.grantPrincipal.addToPrincipalPolicy(new PolicyStatement({ actions, resources }));
}
