import type { JobServices, Logger } from '../src/core/JobServices.ts';
import { FIELD_RESOLVERS } from './fieldResolvers.ts';
import type { ResolverEvent } from './ResolverEvent.ts';
import { toGraphQLError } from './toGraphQLError.ts';

/** What AppSync sends a Direct Lambda resolver: one event, or (BatchInvoke, a resolver with maxBatchSize) an array of them. */
export type LambdaResolverInput = ResolverEvent<never, never> | ResolverEvent<never, never>[];

export interface LambdaHandlerOptions {
  /** Where INTERNAL failures are logged (by field and error class names). Default: a JSON line on stderr. */
  logger?: Logger;
}

/** Events of one batch resolved at once (AppSync sends at most the resolver's maxBatchSize: NESTED_RESOLVER_BATCH_SIZE in the stack). */
const BATCH_CONCURRENCY = 10;

const STDERR_LOGGER: Logger = {
  info: (event, fields) => console.error(JSON.stringify({ level: 'info', event, ...fields })),
  warn: (event, fields) => console.error(JSON.stringify({ level: 'warn', event, ...fields })),
  error: (event, fields) => console.error(JSON.stringify({ level: 'error', event, ...fields })),
};

/**
 * The AppSync Direct Lambda resolver: routes an event by `info.parentTypeName`/`info.fieldName` to its
 * field resolver. A thrown error reaches AppSync as `errorType` = the error's name and `message`, so
 * errors are rethrown with the closed code as their name and a message without PHI.
 *
 * A batch (an array, for the nested `Job.*` fields AppSync batches) gets an array of results in the events'
 * order. If any event fails, the whole invocation throws that event's error: AppSync then reports it on every
 * field of the batch, as it would for one event. A per-item error shape is not relied on: AWS documents none
 * for Direct Lambda resolvers that we could check, and the nested fields fail together in practice (their
 * only failures are the store's or the presigner's, not the item's).
 */
export function createLambdaHandler(
  getServices: () => Promise<JobServices>,
  options: LambdaHandlerOptions = {},
): (event: LambdaResolverInput) => Promise<unknown> {
  const logger = options.logger ?? STDERR_LOGGER;
  const resolveOne = async (event: ResolverEvent<never, never>): Promise<unknown> => {
    const key = `${event.info.parentTypeName}.${event.info.fieldName}`;
    const resolve = FIELD_RESOLVERS[key];
    try {
      if (!resolve) throw new Error(`no resolver for ${key}`);
      return await resolve(event, await getServices());
    } catch (error) {
      const { errorType, message } = toGraphQLError(error);
      // The caller sees only "Internal error"; operators see which field failed and how, by class names
      // (an SDK error's name says e.g. AccessDeniedException), never messages, which may quote input.
      if (errorType === 'INTERNAL') logger.error('resolver.failed', { field: key, errors: errorNames(error) });
      const thrown = new Error(message);
      thrown.name = errorType;
      throw thrown;
    }
  };
  return async (input) => {
    if (!Array.isArray(input)) return resolveOne(input);
    const settled = await settleInOrder(input, BATCH_CONCURRENCY, resolveOne);
    const failed = settled.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failed) throw failed.reason;
    return settled.map((result) => (result as PromiseFulfilledResult<unknown>).value);
  };
}

/** Runs `task` on every item, at most `width` at a time, and returns each outcome at its item's index. */
async function settleInOrder<T>(
  items: readonly T[],
  width: number,
  task: (item: T) => Promise<unknown>,
): Promise<PromiseSettledResult<unknown>[]> {
  const results: PromiseSettledResult<unknown>[] = new Array(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const at = next;
      next += 1;
      try {
        results[at] = { status: 'fulfilled', value: await task(items[at] as T) };
      } catch (reason) {
        results[at] = { status: 'rejected', reason };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane));
  return results;
}

/** The error's class name and its causes' (at most five deep). */
function errorNames(error: unknown): string[] {
  const names: string[] = [];
  for (let at = error; at !== undefined && names.length < 5; at = at instanceof Error ? at.cause : undefined) {
    names.push(at instanceof Error ? at.name : typeof at);
  }
  return names;
}
