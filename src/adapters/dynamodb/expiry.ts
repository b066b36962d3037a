import type { Item } from './jobItems.ts';
import type { QueryPlan } from './queryPlan.ts';
import { TTL_ATTRIBUTE } from './tableDesign.ts';

/**
 * Why reads check expiry themselves: DynamoDB deletes an item past its TTL within a few days, not at once,
 * while the job's result object and terms go by their own lifecycle on the same day. A job read in between
 * would name a masked text or image that is gone. So an item whose `expiresAt` has passed is gone for every
 * read and for a new job with the same id (a `clientToken` used again after retention), whether or not
 * DynamoDB has deleted it yet.
 */
export function isExpired(item: Item, nowSeconds: number): boolean {
  const expiresAt = item[TTL_ATTRIBUTE];
  return typeof expiresAt === 'number' && expiresAt <= nowSeconds;
}

/** The plan reading only items still live at `nowSeconds`. */
export function liveOnly(plan: QueryPlan, nowSeconds: number): QueryPlan {
  return { ...plan, liveAt: nowSeconds };
}

/** Epoch seconds of a clock in milliseconds, as `expiresAt` is stored. */
export function epochSeconds(now: () => number): number {
  return Math.floor(now() / 1000);
}
