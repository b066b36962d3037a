/* The local APPSYNC_JS runtime: load a resolver file, run it against a data source, match subscription filters. */
export { loadJsResolver, type LoadJsResolverOptions } from './loadJsResolver.ts';
export { bundleJsResolver } from '../../resolvers/appsync/bundleJsResolver.ts';
export { runJsResolver, type JsResolverOutcome } from './runJsResolver.ts';
export type { JsResolver, JsResolverContext, JsResolverInput, JsResolverInfo } from './JsResolverContext.ts';
export { noneDataSource, type JsDataSource } from './JsDataSource.ts';
export { createDynamoDbDataSource, type DynamoDbDataSourceOptions } from './createDynamoDbDataSource.ts';
export { matchesSubscriptionFilter } from './matchesSubscriptionFilter.ts';
export { toSubscriptionFilter } from './toSubscriptionFilter.ts';
export { checkAppSyncJs } from '../../resolvers/appsync/checkAppSyncJs.ts';
export type { ResolverErrorEntry } from './appsyncUtils.ts';
export * from './SubscriptionFilter.ts';
export * from './errors.ts';
