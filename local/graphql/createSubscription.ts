import {
  type DocumentNode,
  execute,
  type GraphQLError,
  type OperationDefinitionNode,
  valueFromASTUntyped,
  getArgumentValues,
  Kind,
} from 'graphql';
import { formatVariableError } from './appSyncErrors.ts';
import type { CallContext, GraphQLEngineOptions, GraphQLRequestBody } from './GraphQLEngineOptions.ts';
import { SubscriptionRefusedError } from './SubscriptionRefusedError.ts';

export interface ActiveSubscription {
  mutations: readonly string[];
  deliver(mutationField: string, payload: unknown): Promise<Record<string, unknown> | undefined>;
}

/**
 * A parsed and validated `start` made a subscription: one Subscription field the caller may call, authorized
 * by the field's resolver, delivering the mutations named in its @aws_subscribe that pass its filter.
 */
export async function createSubscription(
  options: GraphQLEngineOptions,
  prepared: { document: DocumentNode; operation: OperationDefinitionNode },
  body: GraphQLRequestBody,
  call: CallContext,
): Promise<ActiveSubscription> {
  const { document, operation } = prepared;
  const subscriptionType = options.schema.getSubscriptionType();
  const selections = operation.selectionSet.selections;
  const fieldNode = selections[0];
  if (
    operation.operation !== 'subscription' ||
    !subscriptionType ||
    selections.length !== 1 ||
    fieldNode?.kind !== Kind.FIELD
  ) {
    throw new SubscriptionRefusedError([
      { errorType: 'UnsupportedOperation', message: 'a start must hold one subscription operation with one field' },
    ]);
  }
  const fieldName = fieldNode.name.value;
  const field = subscriptionType.getFields()[fieldName];
  if (!field)
    throw new SubscriptionRefusedError([
      {
        message: `Validation error of type FieldUndefined: Field '${fieldName}' in type 'Subscription' is undefined`,
      },
    ]);
  if (!options.isAllowed(call.principal, 'Subscription', fieldName)) {
    throw new SubscriptionRefusedError([
      { errorType: 'Unauthorized', message: `Not Authorized to access ${fieldName} on type Subscription` },
    ]);
  }
  let args: Record<string, unknown>;
  try {
    args = getArgumentValues(field, fieldNode, body.variables ?? {});
  } catch (error) {
    throw new SubscriptionRefusedError([formatVariableError(error as GraphQLError)]);
  }
  const { filter } = await options.authorizeSubscription(fieldName, args, call.identity, call);
  const mutations = subscribedMutations(field.astNode?.directives ?? []);
  return {
    mutations,
    deliver: async (mutationField, payload) => {
      if (!mutations.includes(mutationField)) return undefined;
      if (filter ? !options.matchesFilter(filter, payload) : !argumentsMatch(args, payload)) return undefined;
      const result = await execute({
        schema: options.schema,
        document,
        rootValue: { [fieldName]: payload },
        variableValues: body.variables ?? undefined,
        contextValue: call,
      });
      return result.data ?? undefined;
    },
  };
}

function subscribedMutations(
  directives: readonly {
    name: { value: string };
    arguments?: readonly { name: { value: string }; value: unknown }[];
  }[],
): string[] {
  const subscribe = directives.find((d) => d.name.value === 'aws_subscribe');
  const mutations = subscribe?.arguments?.find((a) => a.name.value === 'mutations')?.value;
  const value = mutations ? valueFromASTUntyped(mutations as Parameters<typeof valueFromASTUntyped>[0]) : [];
  return Array.isArray(value) ? value.map(String) : [];
}

/** AppSync's basic filtering: every argument given must equal the field of the same name in the payload. */
function argumentsMatch(args: Record<string, unknown>, payload: unknown): boolean {
  const record = (payload ?? {}) as Record<string, unknown>;
  return Object.entries(args).every(([name, value]) => value === null || value === undefined || record[name] === value);
}
