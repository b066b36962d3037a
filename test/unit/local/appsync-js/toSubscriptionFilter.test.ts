import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesSubscriptionFilter } from '../../../../local/appsync-js/matchesSubscriptionFilter.ts';
import { toSubscriptionFilter } from '../../../../local/appsync-js/toSubscriptionFilter.ts';

const entry = (fieldName: string, operator: string, value: unknown) => ({ fieldName, operator, value });

describe('toSubscriptionFilter (util.transform.toSubscriptionFilter)', () => {
  it("turns fields into one group of filters, in AppSync's { filterGroup: [{ filters }] } shape", () => {
    expect(toSubscriptionFilter({ id: { eq: 'job-1' }, owner: { eq: 'alice' } })).toEqual({
      filterGroup: [{ filters: [entry('id', 'eq', 'job-1'), entry('owner', 'eq', 'alice')] }],
    });
  });

  it('keeps dotted field paths and every operator and value as written', () => {
    expect(
      toSubscriptionFilter({ 'error.code': { in: ['INTERNAL', 'THROTTLED'] }, count: { between: [1, 9] } }),
    ).toEqual({
      filterGroup: [
        { filters: [entry('error.code', 'in', ['INTERNAL', 'THROTTLED']), entry('count', 'between', [1, 9])] },
      ],
    });
  });

  it("multiplies out or, and, and several operators of one field (AppSync's documented example)", () => {
    const filter = toSubscriptionFilter({
      percentageUp: { le: 50, ge: 20 },
      and: [{ title: { ne: 'Book1' } }, { downvotes: { gt: 2000 } }],
      or: [{ author: { eq: 'Admin' } }, { isPublished: { eq: false } }],
    });
    const common = [entry('title', 'ne', 'Book1'), entry('downvotes', 'gt', 2000)];
    expect(filter).toEqual({
      filterGroup: [
        { filters: [entry('percentageUp', 'le', 50), ...common, entry('author', 'eq', 'Admin')] },
        { filters: [entry('percentageUp', 'le', 50), ...common, entry('isPublished', 'eq', false)] },
        { filters: [entry('percentageUp', 'ge', 20), ...common, entry('author', 'eq', 'Admin')] },
        { filters: [entry('percentageUp', 'ge', 20), ...common, entry('isPublished', 'eq', false)] },
      ],
    });
  });

  it('drops ignored fields and adds rules as alternatives', () => {
    expect(toSubscriptionFilter({ a: { eq: 1 }, b: { eq: 2 } }, ['a'])).toEqual({
      filterGroup: [{ filters: [entry('b', 'eq', 2)] }],
    });
    expect(toSubscriptionFilter({ a: { eq: 1 } }, [], { r1: { ge: 250 }, r2: { eq: 'p' } })).toEqual({
      filterGroup: [
        { filters: [entry('a', 'eq', 1), entry('r1', 'ge', 250)] },
        { filters: [entry('a', 'eq', 1), entry('r2', 'eq', 'p')] },
      ],
    });
  });

  it('gives no groups for an empty filter, and null for anything but an object', () => {
    expect(toSubscriptionFilter({})).toEqual({ filterGroup: [] });
    expect(toSubscriptionFilter({ and: [] })).toEqual({ filterGroup: [] });
    expect(toSubscriptionFilter(null)).toBeNull();
    expect(toSubscriptionFilter([])).toBeNull();
    expect(toSubscriptionFilter('{"a":{"eq":1}}')).toBeNull();
  });

  it('an eq filter built from a record matches that record, and not one that differs in a field', () => {
    const record = fc.dictionary(
      fc.string({ minLength: 1, maxLength: 5 }).filter((k) => !['and', 'or'].includes(k) && !k.includes('.')),
      fc.oneof(fc.string(), fc.integer(), fc.boolean()),
      { minKeys: 1, maxKeys: 4 },
    );
    fc.assert(
      fc.property(record, (r) => {
        const filter = toSubscriptionFilter(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, { eq: v }])));
        expect(filter && matchesSubscriptionFilter(filter, r)).toBe(true);
        const [key] = Object.keys(r) as [string];
        expect(filter && matchesSubscriptionFilter(filter, { ...r, [key]: [r[key]] })).toBe(false);
      }),
    );
  });
});
