/**
 * The fields AppSync resolves with APPSYNC_JS resolvers in this directory, and their data sources. The CDK
 * stack deploys from this list and the local server runs from it, so the two cannot drift apart.
 */
export interface JsResolverBinding {
  typeName: 'Subscription' | 'Mutation';
  fieldName: string;
  /** File name in resolvers/appsync/. */
  file: string;
  /** NONE, or the job table (GetItem on PK/SK). */
  dataSource: 'NONE' | 'JOB_TABLE';
}

export const JS_RESOLVERS: readonly JsResolverBinding[] = [
  { typeName: 'Mutation', fieldName: 'publishJobUpdate', file: 'Mutation.publishJobUpdate.ts', dataSource: 'NONE' },
  {
    typeName: 'Subscription',
    fieldName: 'onJobUpdated',
    file: 'Subscription.onJobUpdated.ts',
    dataSource: 'JOB_TABLE',
  },
  { typeName: 'Subscription', fieldName: 'onJobsUpdated', file: 'Subscription.onJobsUpdated.ts', dataSource: 'NONE' },
];

export const JS_RESOLVER_DIR = new URL('./', import.meta.url);
