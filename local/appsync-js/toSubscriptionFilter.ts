import type { SubscriptionFilter, SubscriptionFilterEntry } from './SubscriptionFilter.ts';

/* `util.transform.toSubscriptionFilter(objFilter, ignoredFields?, rules?)`. */

type Group = SubscriptionFilterEntry[];

/**
 * Multiplies a filter object out into AppSync's OR-of-ANDs form. Fields and `and` members are combined;
 * every operator of a field, every member of an `or` and every rule is an alternative, so groups
 * multiply out. Field names and operators are carried through as written (AppSync validates them when the
 * filter is set, not here). Anything but a plain object gives null, and groups that end up empty are
 * dropped. This follows the outputs localstack/appsync-utils recorded against AppSync's EvaluateCode
 * (__tests__/transform-subscription.test.js) and the example in AppSync's util.transform reference.
 */
export function toSubscriptionFilter(
  objFilter: unknown,
  ignoredFields: string[] = [],
  rules?: unknown,
): SubscriptionFilter | null {
  if (!isPlainObject(objFilter)) return null;
  const ignored = new Set(ignoredFields);
  let groups = expand(objFilter, ignored);
  if (isPlainObject(rules)) groups = product(groups, alternativesOfFields(rules, ignored));
  return { filterGroup: groups.filter((group) => group.length > 0).map((filters) => ({ filters })) };
}

/** All groups (alternatives) one filter object stands for. */
function expand(obj: Record<string, unknown>, ignored: Set<string>): Group[] {
  let groups: Group[] = [[]];
  for (const [key, value] of Object.entries(obj)) {
    if (key === 'and' && Array.isArray(value)) {
      for (const member of value) if (isPlainObject(member)) groups = product(groups, expand(member, ignored));
    } else if (key === 'or' && Array.isArray(value)) {
      groups = product(
        groups,
        value.filter(isPlainObject).flatMap((member) => expand(member, ignored)),
      );
    } else if (!ignored.has(key)) {
      groups = product(groups, fieldAlternatives(key, value));
    }
  }
  return groups;
}

/** Rules: at least one must hold, so each operator of each rule field is an alternative. */
function alternativesOfFields(obj: Record<string, unknown>, ignored: Set<string>): Group[] {
  return Object.entries(obj)
    .filter(([key]) => !ignored.has(key))
    .flatMap(([key, value]) => fieldAlternatives(key, value));
}

function fieldAlternatives(fieldName: string, operators: unknown): Group[] {
  if (!isPlainObject(operators)) return [];
  return Object.entries(operators).map(([operator, value]) => [
    { fieldName, operator, value } as SubscriptionFilterEntry,
  ]);
}

function product(left: Group[], right: Group[]): Group[] {
  return left.flatMap((l) => right.map((r) => [...l, ...r]));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
