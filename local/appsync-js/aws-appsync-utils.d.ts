/*
 * Types for the part of `@aws-appsync/utils` our APPSYNC_JS resolvers use. The npm package is types only
 * (its .js files are empty stubs; AppSync supplies the implementation), so it is not installed: these
 * declarations mirror its names and shapes (lib/index.d.ts, lib/subscription-filter-types.d.ts), and
 * local/appsync-js/appsyncUtils.ts implements them for the local server.
 */
declare module '@aws-appsync/utils' {
  export interface AppSyncIdentityIAM {
    accountId: string;
    cognitoIdentityPoolId: string | null;
    cognitoIdentityId: string | null;
    sourceIp: string[];
    username: string;
    userArn: string;
    cognitoIdentityAuthType: string | null;
    cognitoIdentityAuthProvider: string | null;
  }

  /** AppSync's union also has Cognito user pool, OIDC and Lambda identities; this API is IAM only. */
  export type Identity = AppSyncIdentityIAM | undefined | null;

  export interface Info {
    fieldName: string;
    parentTypeName: string;
    variables: Record<string, unknown>;
    selectionSetList: string[];
    selectionSetGraphQL?: string;
  }

  export interface Request {
    headers: Record<string, string | undefined>;
    domainName?: string | null;
  }

  export interface Context<
    TArgs extends object = Record<string, unknown>,
    TStash extends object = Record<string, unknown>,
    TPrev extends object | undefined = Record<string, unknown>,
    TSource extends object | undefined = Record<string, unknown>,
    TResult = unknown,
  > {
    arguments: TArgs;
    args: TArgs;
    identity: Identity;
    source: TSource;
    /** Set when the data source call failed; the response handler decides whether to raise it. */
    error?: { message: string; type: string };
    stash: TStash;
    result: TResult;
    prev: TPrev;
    request: Request;
    info: Info;
  }

  type SubscriptionFilterValue = string | number;
  export interface SubscriptionFilterEntry {
    fieldName: string;
    operator: string;
    value: SubscriptionFilterValue | boolean | SubscriptionFilterValue[];
  }
  export interface SubscriptionFilterGroup {
    filters: SubscriptionFilterEntry[];
  }
  export interface SubscriptionFilter {
    filterGroup: SubscriptionFilterGroup[];
  }

  type FilterOperators = Partial<Record<
    'eq' | 'ne' | 'le' | 'lt' | 'ge' | 'gt' | 'contains' | 'notContains' | 'beginsWith' | 'in' | 'notIn' | 'between' | 'containsAny',
    SubscriptionFilterValue | boolean | SubscriptionFilterValue[]
  >>;
  /** Field names (dotted paths allowed) to operators, plus `and` / `or` lists of the same. */
  export interface SubscriptionFilterObject {
    and?: SubscriptionFilterObject[];
    or?: SubscriptionFilterObject[];
    [fieldName: string]: FilterOperators | SubscriptionFilterObject[] | undefined;
  }

  /** A DynamoDB attribute value in AppSync's typed form (`{ S: 'x' }`, `{ N: 1 }`, ...). */
  export type DynamoDBAttributeValue = Record<string, unknown>;

  export interface DynamoDBProjectionExpression {
    expression: string;
    expressionNames?: Record<string, string>;
  }

  export interface DynamoDBGetItemRequest {
    operation: 'GetItem';
    key: Record<string, DynamoDBAttributeValue>;
    consistentRead?: boolean;
    projection?: DynamoDBProjectionExpression;
  }

  export interface NONERequest {
    payload: unknown;
  }

  export const util: {
    /** Ends the resolver with this error (AppSync's `throw`, which APPSYNC_JS does not allow). */
    error(message: string, errorType?: string, data?: unknown, errorInfo?: unknown): never;
    appendError(message: string, errorType?: string, data?: unknown, errorInfo?: unknown): void;
    /** Ends the resolver with "Not Authorized to access <field> on type <Type>" (errorType Unauthorized). */
    unauthorized(): never;
    autoId(): string;
    time: {
      nowISO8601(): string;
      nowEpochSeconds(): number;
      nowEpochMilliSeconds(): number;
    };
    dynamodb: {
      toDynamoDB(value: unknown): DynamoDBAttributeValue;
      toMapValues(value: Record<string, unknown>): Record<string, DynamoDBAttributeValue>;
    };
    transform: {
      toSubscriptionFilter(
        objFilter: SubscriptionFilterObject,
        ignoredFields?: string[],
        rules?: SubscriptionFilterObject,
      ): SubscriptionFilter;
    };
  };

  export const extensions: {
    /** Only in a subscription field's response handler. */
    setSubscriptionFilter(filter: SubscriptionFilter): void;
  };

  export const runtime: {
    earlyReturn(value?: unknown): never;
  };
}
