import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesSubscriptionFilter } from '../../../../local/appsync-js/matchesSubscriptionFilter.ts';
import type { SubscriptionFilter, SubscriptionFilterEntry } from '../../../../local/appsync-js/SubscriptionFilter.ts';

const one = (entry: SubscriptionFilterEntry): SubscriptionFilter => ({ filterGroup: [{ filters: [entry] }] });
const matches = (
  fieldName: string,
  operator: string,
  value: SubscriptionFilterEntry['value'],
  payload: unknown,
): boolean => matchesSubscriptionFilter(one({ fieldName, operator, value }), payload);

const update = {
  id: 'job-1',
  owner: 'arn:aws:iam::000000000000:user/alice',
  status: 'RUNNING',
  findingCount: 7,
  tags: ['image', 'urgent'],
  error: { code: 'INTERNAL', detail: { retries: 2 } },
  archived: false,
};

describe('matchesSubscriptionFilter: each operator', () => {
  it('eq and ne compare strings, numbers and booleans strictly', () => {
    expect(matches('status', 'eq', 'RUNNING', update)).toBe(true);
    expect(matches('status', 'eq', 'running', update)).toBe(false);
    expect(matches('findingCount', 'eq', 7, update)).toBe(true);
    expect(matches('findingCount', 'eq', '7', update)).toBe(false);
    expect(matches('archived', 'eq', false, update)).toBe(true);
    expect(matches('status', 'ne', 'QUEUED', update)).toBe(true);
    expect(matches('status', 'ne', 'RUNNING', update)).toBe(false);
  });

  it('le, lt, ge, gt order numbers with numbers and strings with strings, never across', () => {
    expect(matches('findingCount', 'le', 7, update)).toBe(true);
    expect(matches('findingCount', 'lt', 7, update)).toBe(false);
    expect(matches('findingCount', 'ge', 7, update)).toBe(true);
    expect(matches('findingCount', 'gt', 6, update)).toBe(true);
    expect(matches('findingCount', 'gt', 7, update)).toBe(false);
    expect(matches('status', 'gt', 'QUEUED', update)).toBe(true);
    expect(matches('status', 'lt', 'QUEUED', update)).toBe(false);
    expect(matches('findingCount', 'gt', '1', update)).toBe(false);
  });

  it('contains and notContains look for a substring of a string or an element of a list', () => {
    expect(matches('owner', 'contains', 'user/alice', update)).toBe(true);
    expect(matches('owner', 'contains', 'user/bob', update)).toBe(false);
    expect(matches('tags', 'contains', 'urgent', update)).toBe(true);
    expect(matches('tags', 'contains', 'urg', update)).toBe(false);
    expect(matches('owner', 'notContains', 'user/bob', update)).toBe(true);
    expect(matches('tags', 'notContains', 'image', update)).toBe(false);
  });

  it('beginsWith is a string prefix', () => {
    expect(matches('owner', 'beginsWith', 'arn:aws:iam::', update)).toBe(true);
    expect(matches('owner', 'beginsWith', 'alice', update)).toBe(false);
    expect(matches('findingCount', 'beginsWith', '7', update)).toBe(false);
  });

  it('in and notIn test membership of the field value in the list', () => {
    expect(matches('status', 'in', ['QUEUED', 'RUNNING'], update)).toBe(true);
    expect(matches('status', 'in', ['SUCCEEDED', 'FAILED'], update)).toBe(false);
    expect(matches('findingCount', 'in', [1, 7], update)).toBe(true);
    expect(matches('status', 'notIn', ['SUCCEEDED', 'FAILED'], update)).toBe(true);
    expect(matches('status', 'notIn', ['RUNNING'], update)).toBe(false);
  });

  it('between is inclusive at both ends', () => {
    expect(matches('findingCount', 'between', [7, 9], update)).toBe(true);
    expect(matches('findingCount', 'between', [1, 7], update)).toBe(true);
    expect(matches('findingCount', 'between', [8, 9], update)).toBe(false);
    expect(matches('status', 'between', ['A', 'S'], update)).toBe(true);
  });

  it('containsAny needs one common element', () => {
    expect(matches('tags', 'containsAny', ['x', 'urgent'], update)).toBe(true);
    expect(matches('tags', 'containsAny', ['x', 'y'], update)).toBe(false);
  });

  it('reads nested fields by dotted path', () => {
    expect(matches('error.code', 'eq', 'INTERNAL', update)).toBe(true);
    expect(matches('error.detail.retries', 'ge', 2, update)).toBe(true);
    expect(matches('error.nothing.here', 'eq', 'x', update)).toBe(false);
  });

  it('fails closed: missing fields, unknown operators, and a filter without groups match nothing', () => {
    expect(matches('missing', 'eq', 'x', update)).toBe(false);
    expect(matches('missing', 'in', ['x'], update)).toBe(false);
    expect(matches('status', 'like', 'RUN%', update)).toBe(false);
    expect(matchesSubscriptionFilter({ filterGroup: [] }, update)).toBe(false);
    expect(matches('status', 'eq', 'RUNNING', null)).toBe(false);
  });
});

describe('matchesSubscriptionFilter: groups', () => {
  const owner = { fieldName: 'owner', operator: 'eq', value: update.owner };
  const otherJob = { fieldName: 'id', operator: 'eq', value: 'job-2' };
  const thisJob = { fieldName: 'id', operator: 'eq', value: 'job-1' };

  it('ANDs the filters of a group', () => {
    expect(matchesSubscriptionFilter({ filterGroup: [{ filters: [owner, thisJob] }] }, update)).toBe(true);
    expect(matchesSubscriptionFilter({ filterGroup: [{ filters: [owner, otherJob] }] }, update)).toBe(false);
  });

  it('ORs the groups', () => {
    expect(matchesSubscriptionFilter({ filterGroup: [{ filters: [otherJob] }, { filters: [thisJob] }] }, update)).toBe(
      true,
    );
    expect(
      matchesSubscriptionFilter({ filterGroup: [{ filters: [otherJob] }, { filters: [otherJob, owner] }] }, update),
    ).toBe(false);
  });
});

describe('matchesSubscriptionFilter: properties', () => {
  const scalar = fc.oneof(fc.string({ maxLength: 6 }), fc.integer({ min: -50, max: 50 }), fc.boolean());
  const payload = fc.record({ a: scalar, b: fc.array(scalar, { maxLength: 4 }) });

  it('each negation is exactly NOT of its positive twin', () => {
    fc.assert(
      fc.property(payload, scalar, fc.array(scalar, { maxLength: 5 }), (p, value, list) => {
        expect(matches('a', 'ne', value, p)).toBe(!matches('a', 'eq', value, p));
        expect(matches('a', 'notIn', list, p)).toBe(!matches('a', 'in', list, p));
        expect(matches('b', 'notContains', value as string, p)).toBe(!matches('b', 'contains', value as string, p));
      }),
    );
  });

  it('between [lo, hi] is ge lo AND le hi', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer(), fc.integer(), (x, lo, hi) => {
        const p = { a: x };
        expect(matches('a', 'between', [lo, hi], p)).toBe(matches('a', 'ge', lo, p) && matches('a', 'le', hi, p));
      }),
    );
  });

  it('a filter matches when some group has all of its filters matching on their own', () => {
    const entry = fc.record({
      fieldName: fc.constantFrom('a', 'b'),
      operator: fc.constantFrom('eq', 'ne', 'lt', 'ge', 'contains', 'in'),
      value: fc.oneof(scalar, fc.array(scalar, { maxLength: 3 })),
    }) as fc.Arbitrary<SubscriptionFilterEntry>;
    const filter = fc
      .array(fc.array(entry, { minLength: 1, maxLength: 3 }), { maxLength: 3 })
      .map((groups) => ({ filterGroup: groups.map((filters) => ({ filters })) }));
    fc.assert(
      fc.property(filter, payload, (f, p) => {
        const expected = f.filterGroup.some((g) => g.filters.every((e) => matchesSubscriptionFilter(one(e), p)));
        expect(matchesSubscriptionFilter(f, p)).toBe(expected);
      }),
    );
  });
});
