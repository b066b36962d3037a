import { Code, FunctionRuntime, type BaseDataSource, type GraphqlApi } from 'aws-cdk-lib/aws-appsync';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { JS_RESOLVERS } from '../resolvers/appsync/jsResolvers.ts';
import { FIELD_RESOLVERS } from '../resolvers/fieldResolvers.ts';
import type { JsResolverCode } from './loadJsResolverCode.ts';

/**
 * The nested fields' resolvers (Job.findings, Job.maskedImage) batch: AppSync invokes the function once for up to
 * this many jobs of a page (BatchInvoke, an array of events) instead of once per job. The events carry their
 * parent job, up to DynamoDB's 400 KB item each, and an invocation's request is at most 6 MB: 10 stays under 4 MB.
 */
export const NESTED_RESOLVER_BATCH_SIZE = 10;

export interface ResolverProps {
  /** The function behind every business field (FIELD_RESOLVERS): Direct Lambda resolvers. */
  graphqlFn: IFunction;
  /** The job table as a GetItem-only data source, for the APPSYNC_JS resolvers bound to JOB_TABLE. */
  jobTableSource: BaseDataSource;
  /** From loadJsResolverCode(): the bundled APPSYNC_JS resolvers. */
  jsResolverCode: JsResolverCode;
}

/** A resolver for every field that needs one: Direct Lambda for the business fields, APPSYNC_JS for the rest. */
export function addResolvers(api: GraphqlApi, props: ResolverProps): void {
  const lambdaSource = api.addLambdaDataSource('ResolverFunction', props.graphqlFn);
  for (const field of Object.keys(FIELD_RESOLVERS)) {
    const [typeName, fieldName] = splitField(field);
    // No code and no mapping templates: a Direct Lambda resolver; batched below the root types (one event per job).
    const nested = !['Query', 'Mutation', 'Subscription'].includes(typeName);
    lambdaSource.createResolver(`${typeName}${fieldName}Resolver`, {
      typeName,
      fieldName,
      ...(nested ? { maxBatchSize: NESTED_RESOLVER_BATCH_SIZE } : {}),
    });
  }

  const noneSource = api.addNoneDataSource('None');
  const sources: Record<string, BaseDataSource> = { NONE: noneSource, JOB_TABLE: props.jobTableSource };
  for (const binding of JS_RESOLVERS) {
    const code = props.jsResolverCode[binding.file];
    if (code === undefined) throw new Error(`no bundled code for ${binding.file}: pass loadJsResolverCode()`);
    const source = sources[binding.dataSource];
    if (!source) throw new Error(`unknown data source ${binding.dataSource}`);
    source.createResolver(`${binding.typeName}${binding.fieldName}Resolver`, {
      typeName: binding.typeName,
      fieldName: binding.fieldName,
      runtime: FunctionRuntime.JS_1_0_0,
      code: Code.fromInline(code),
    });
  }
}

function splitField(field: string): [string, string] {
  const [typeName, fieldName] = field.split('.');
  if (!typeName || !fieldName) throw new Error(`not a <Type>.<field> name: ${field}`);
  return [typeName, fieldName];
}
