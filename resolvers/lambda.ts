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
      // The caller sees only "Internal error"; operators see which field failed and how, by class names
      // (an SDK error's name says e.g. AccessDeniedException), never messages, which may quote input.
      if (errorType === 'INTERNAL') console.error(JSON.stringify({ level: 'error', event: 'resolver.failed', field: key, errors: errorNames(error) }));
      const thrown = new Error(message);
      thrown.name = errorType;
      throw thrown;
    }
  };
}

/** The error's class name and its causes' (at most five deep). */
function errorNames(error: unknown): string[] {
  const names: string[] = [];
  for (let at = error; at !== undefined && names.length < 5; at = at instanceof Error ? at.cause : undefined) {
    names.push(at instanceof Error ? at.name : typeof at);
  }
  return names;
}
