/**
 * AppSync's quota on the size of a query or mutation response: 5 MB (the AppSync quotas page,
 * https://docs.aws.amazon.com/general/latest/gr/appsync.html, as notes/aws-facts.md §4(e) records it). Counted
 * here as 5 MiB of UTF-8. What AppSync answers past it is not documented in anything found, so the local server
 * answers its own clear error (GraphQLEngine) instead of the data.
 */
export const RESPONSE_BYTE_LIMIT = 5 * 1024 * 1024;

/**
 * About how many bytes `JSON.stringify(value)` would take as UTF-8, counted by walking the value without building
 * the string, and stopping as soon as the count passes `cap` (the result is then some number above it). A string
 * that several aliases return counts each time, as it would be written each time: 600 aliases of a 1,000,000-
 * character text are 600 MB, which JSON.stringify cannot even build (V8's string limit) and would throw.
 * Escapes are not counted (a `"` or a newline writes 2 bytes, counted 1), so the count may be a little low.
 */
export function jsonBytesUpTo(value: unknown, cap: number): number {
  let total = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item === 'string') total += Buffer.byteLength(item, 'utf8') + 2;
    else if (typeof item === 'number' || typeof item === 'boolean') total += String(item).length;
    else if (item === null || item === undefined) total += 4;
    else if (Array.isArray(item)) {
      total += 2 + Math.max(0, item.length - 1);
      for (let i = item.length - 1; i >= 0; i--) stack.push(item[i]);
    } else if (typeof item === 'object') {
      const entries = Object.entries(item as Record<string, unknown>);
      total += 2 + Math.max(0, entries.length - 1);
      for (const [key, inner] of entries) {
        // The key, its quotes and the colon.
        total += Buffer.byteLength(key, 'utf8') + 3;
        stack.push(inner);
      }
    }
    if (total > cap) return total;
  }
  return total;
}
