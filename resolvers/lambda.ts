import type { JobServices } from '../src/core/JobServices.ts';
import { FIELD_RESOLVERS } from './fieldResolvers.ts';
import type { ResolverEvent } from './ResolverEvent.ts';
import { toGraphQLError } from './toGraphQLError.ts';

/**
 * The AppSync Direct Lambda resolver: routes an event by `info.parentTypeName`/`info.fieldName` to its
 * field resolver. A thrown error reaches AppSync as `errorType` = the error's name and `message`, so
 * errors are rethrown with the closed code as their name and a message without PHI.
 */
export function createLambdaHandler(getServices: () => Promise<JobServices>): (event: ResolverEvent<never, never>) => Promise<unknown> {
  return async (event) => {
    const key = `${event.info.parentTypeName}.${event.info.fieldName}`;
    const resolve = FIELD_RESOLVERS[key];
    try {
      if (!resolve) throw new Error(`no resolver for ${key}`);
      return await resolve(event, await getServices());
    } catch (error) {
      const { errorType, message } = toGraphQLError(error);
      const thrown = new Error(message);
      thrown.name = errorType;
      throw thrown;
    }
  };
}
