import type { SubscriptionFilter, SubscriptionFilterEntry } from './SubscriptionFilter.ts';

/**
 * Whether an event payload (the published mutation's result) passes an enhanced subscription filter:
 * ANY group matches, and a group matches when ALL of its filters do.
 *
 * Choices where AppSync's documentation is silent, all "fail closed" for a privacy API:
 * - a filter with no groups matches nothing (the OR of no alternatives);
 * - a missing field, or a value of the wrong type, never satisfies eq/le/lt/ge/gt/contains/beginsWith/in/
 *   between/containsAny; the negations ne/notContains/notIn are exactly NOT of their positive twin;
 * - comparisons apply to two numbers or two strings (strings by UTF-16 code units), never across types;
 * - an unknown operator never matches.
 */
export function matchesSubscriptionFilter(filter: SubscriptionFilter, payload: unknown): boolean {
  return filter.filterGroup.some((group) => group.filters.every((entry) => matchesEntry(entry, payload)));
}

export function matchesEntry(entry: SubscriptionFilterEntry, payload: unknown): boolean {
  const actual = fieldValue(payload, entry.fieldName);
  const expected = entry.value;
  switch (entry.operator) {
    case 'eq':
      return isScalar(actual) && actual === expected;
    case 'ne':
      return !(isScalar(actual) && actual === expected);
    case 'lt':
      return compare(actual, expected, (c) => c < 0);
    case 'le':
      return compare(actual, expected, (c) => c <= 0);
    case 'gt':
      return compare(actual, expected, (c) => c > 0);
    case 'ge':
      return compare(actual, expected, (c) => c >= 0);
    case 'contains':
      return contains(actual, expected);
    case 'notContains':
      return !contains(actual, expected);
    case 'beginsWith':
      return typeof actual === 'string' && typeof expected === 'string' && actual.startsWith(expected);
    case 'in':
      return isIn(actual, expected);
    case 'notIn':
      return !isIn(actual, expected);
    case 'between':
      return between(actual, expected);
    case 'containsAny':
      return Array.isArray(expected) && expected.some((value) => contains(actual, value));
    default:
      return false;
  }
}

/** A top-level field, or a dotted path into nested objects. */
function fieldValue(payload: unknown, fieldName: string): unknown {
  let value: unknown = payload;
  for (const part of fieldName.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, part))
      return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function compare(actual: unknown, expected: unknown, test: (comparison: number) => boolean): boolean {
  const sameType =
    (typeof actual === 'number' && typeof expected === 'number') ||
    (typeof actual === 'string' && typeof expected === 'string');
  if (!sameType) return false;
  const a = actual as number | string;
  const b = expected as number | string;
  return test(a < b ? -1 : a > b ? 1 : 0);
}

/** A substring of a string field, or an element of a list field. */
function contains(actual: unknown, expected: unknown): boolean {
  if (typeof actual === 'string') return typeof expected === 'string' && actual.includes(expected);
  if (Array.isArray(actual)) return isScalar(expected) && actual.some((element) => element === expected);
  return false;
}

function isIn(actual: unknown, expected: unknown): boolean {
  return isScalar(actual) && Array.isArray(expected) && expected.some((value) => value === actual);
}

function between(actual: unknown, expected: unknown): boolean {
  if (!Array.isArray(expected) || expected.length !== 2) return false;
  return compare(actual, expected[0], (c) => c >= 0) && compare(actual, expected[1], (c) => c <= 0);
}
