import { BackedDataSource, type IGraphqlApi } from 'aws-cdk-lib/aws-appsync';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, type IRole } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';

export interface GetItemDataSourceProps {
  api: IGraphqlApi;
  table: ITable;
  /** The table's customer-managed key: reading an item needs kms:Decrypt (and DescribeKey, which CDK's own table read grant also adds). */
  key: IKey;
  /** Data source name (default: the construct id). */
  name?: string;
}

/**
 * A DynamoDB data source whose role may only read single items (dynamodb:GetItem on the table, kms:Decrypt on
 * its key). CDK's DynamoDbDataSource always calls table.grantReadData or grantReadWriteData, which add Query,
 * Scan, BatchGetItem and the table's indexes; the APPSYNC_JS resolvers on this source only ever do GetItem.
 * This is DynamoDbDataSource's own constructor (the same CfnDataSource config) without that grant.
 */
export class GetItemDataSource extends BackedDataSource {
  constructor(scope: Construct, id: string, props: GetItemDataSourceProps) {
    super(
      scope,
      id,
      { api: props.api, name: props.name },
      {
        type: 'AMAZON_DYNAMODB',
        dynamoDbConfig: { tableName: props.table.tableName, awsRegion: props.table.env.region },
      },
    );
    this.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['dynamodb:GetItem'], resources: [props.table.tableArn] }),
    );
    this.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['kms:Decrypt', 'kms:DescribeKey'], resources: [props.key.keyArn] }),
    );
  }

  /** The role AppSync assumes for this source (BaseDataSource creates it, as the source is not NONE). */
  get role(): IRole {
    if (!this.serviceRole) throw new Error('GetItemDataSource: no service role');
    return this.serviceRole;
  }
}
