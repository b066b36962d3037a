import type { GraphQLResolveInfo } from 'graphql';
import type { ResolverEvent } from '../../resolvers/ResolverEvent.ts';
import type { CallContext, FieldEvent } from './GraphQLEngineOptions.ts';
import { selectionSetGraphQL, selectionSetList } from './selectionSetList.ts';

/** The event AppSync gives a field's resolver (Lambda or APPSYNC_JS), built from graphql-js's resolver arguments. */
export function toFieldEvent(
  source: unknown,
  args: Record<string, unknown>,
  call: CallContext,
  info: GraphQLResolveInfo,
): FieldEvent {
  return {
    arguments: args,
    identity: call.identity as unknown as ResolverEvent['identity'],
    source: (source as Record<string, unknown> | null) ?? null,
    request: { headers: call.headers, domainName: call.domainName },
    info: {
      fieldName: info.fieldName,
      parentTypeName: info.parentType.name,
      variables: info.variableValues,
      selectionSetList: selectionSetList(info),
      selectionSetGraphQL: selectionSetGraphQL(info),
    },
    prev: null,
    stash: {},
  };
}
