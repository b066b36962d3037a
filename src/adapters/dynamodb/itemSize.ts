import { ItemTooLargeError } from './errors.ts';

/** DynamoDB's item size limit: attribute names plus values, in UTF-8 bytes. */
export const MAX_ITEM_BYTES = 400 * 1024;

/**
 * An upper-bound estimate of a plain JS item's DynamoDB size, following AWS's published rules
 * (strings as UTF-8, numbers up to 21 bytes, 3 bytes of overhead per map or list plus 1 per element).
 * Estimating high is deliberate: we would rather refuse at 399 KB than get a raw SDK error at 401.
 */
export function estimateItemSize(item: Record<string, unknown>): number {
  let size = 0;
  for (const [name, value] of Object.entries(item)) {
    if (value === undefined) continue;
    size += Buffer.byteLength(name, 'utf8') + valueSize(value);
  }
  return size;
}

/** @throws ItemTooLargeError when the item would not fit; the message names no content. */
export function assertItemFits(item: Record<string, unknown>): void {
  if (estimateItemSize(item) > MAX_ITEM_BYTES) throw new ItemTooLargeError();
}

function valueSize(value: unknown): number {
  if (typeof value === 'string') return Buffer.byteLength(value, 'utf8');
  if (typeof value === 'number') return 21;
  if (typeof value === 'boolean' || value === null) return 1;
  if (value instanceof Uint8Array) return value.byteLength;
  if (Array.isArray(value)) return 3 + value.reduce<number>((sum, element) => sum + 1 + valueSize(element), 0);
  if (typeof value === 'object')
    return 3 + estimateItemSize(value as Record<string, unknown>) + Object.keys(value).length;
  return 0;
}
