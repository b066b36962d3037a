/**
 * AppSync's enhanced subscription filter, the shape `extensions.setSubscriptionFilter` takes: an event is
 * delivered when ANY group matches, and a group matches when ALL of its filters do.
 * (Shape from @aws-appsync/utils lib/subscription-filter-types.d.ts.)
 */
export interface SubscriptionFilter {
  filterGroup: SubscriptionFilterGroup[];
}

export interface SubscriptionFilterGroup {
  filters: SubscriptionFilterEntry[];
}

export type SubscriptionFilterScalar = string | number | boolean;

export interface SubscriptionFilterEntry {
  /** A top-level field of the payload, or a dotted path into nested objects (`a.b.c`). */
  fieldName: string;
  operator: string;
  value: SubscriptionFilterScalar | SubscriptionFilterScalar[];
}

/** The operators AppSync documents for enhanced filters. */
export const SUBSCRIPTION_FILTER_OPERATORS = [
  'eq',
  'ne',
  'le',
  'lt',
  'ge',
  'gt',
  'contains',
  'notContains',
  'beginsWith',
  'in',
  'notIn',
  'between',
  'containsAny',
] as const;

export type SubscriptionFilterOperator = (typeof SUBSCRIPTION_FILTER_OPERATORS)[number];
