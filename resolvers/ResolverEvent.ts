import type { AppSyncResolverEvent } from 'aws-lambda';
import type { Caller } from '../src/core/Caller.ts';
import { ownerOf } from '../src/core/Caller.ts';
import { UnauthorizedError } from '../src/core/errors.ts';
import type { JobServices } from '../src/core/JobServices.ts';

/** The AppSync Direct Lambda resolver event; the local server builds the same shape. */
export type ResolverEvent<A = Record<string, unknown>, S = Record<string, unknown> | null> = AppSyncResolverEvent<A, S>;

/** One GraphQL field: a thin adapter from the event to one use case. */
export type FieldResolver<A = never, S = never> = (
  event: ResolverEvent<A, S>,
  services: JobServices,
) => Promise<unknown>;

/** The caller of an event; every field needs one (all fields are @aws_iam). */
export function callerOf(event: ResolverEvent<unknown, unknown>): Caller {
  const owner = ownerOf(
    event.identity as { cognitoIdentityId?: string | null; userArn?: string | null } | null | undefined,
  );
  if (!owner) throw new UnauthorizedError('the request has no IAM identity');
  return { owner };
}

/** Did the caller select this field (AppSync's `selectionSetList`, e.g. "maskedText", "findings/items")? */
export function selects(event: ResolverEvent<unknown, unknown>, field: string): boolean {
  return event.info.selectionSetList.some((path) => path === field || path.startsWith(`${field}/`));
}
