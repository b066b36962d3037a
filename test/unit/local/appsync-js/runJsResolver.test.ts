import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DataSourceError,
  JsRuntimeMisuseError,
  NotImplementedLocallyError,
} from '../../../../local/appsync-js/errors.ts';
import { noneDataSource, type JsDataSource } from '../../../../local/appsync-js/JsDataSource.ts';
import type { JsResolverInput } from '../../../../local/appsync-js/JsResolverContext.ts';
import { loadJsResolver } from '../../../../local/appsync-js/loadJsResolver.ts';
import { runJsResolver } from '../../../../local/appsync-js/runJsResolver.ts';

/* The runtime's semantics, through small resolver files written for each behaviour. */

let dir: string;

const RESOLVERS: Record<string, string> = {
  // request → data source → response, with stash, args and info as AppSync gives them
  'Query.flow.js': `
    import { util } from '@aws-appsync/utils';
    export function request(ctx) {
      ctx.stash.seen = ctx.info.fieldName + '@' + ctx.info.parentTypeName;
      ctx.args.mutated = true;
      return { payload: { id: ctx.arguments.id, header: ctx.request.headers['x-test'] } };
    }
    export function response(ctx) { return { ...ctx.result, stash: ctx.stash.seen, same: ctx.args === ctx.arguments, missing: undefined }; }`,
  'Query.errorInRequest.js': `
    import { util } from '@aws-appsync/utils';
    export function request(ctx) { util.appendError('first', 'WARN'); util.error('bad input', 'INVALID_INPUT', { field: 'id' }, { hint: 1 }); }
    export function response(ctx) { return 'never'; }`,
  'Query.appendOnly.js': `
    import { util } from '@aws-appsync/utils';
    export function request(ctx) { return { payload: 1 }; }
    export function response(ctx) { util.appendError('partial', 'PARTIAL'); return ctx.result + 1; }`,
  'Query.early.js': `
    import { runtime } from '@aws-appsync/utils';
    export function request(ctx) { runtime.earlyReturn({ cached: true }); }
    export function response(ctx) { return 'never'; }`,
  'Query.dataSourceError.js': `
    import { util } from '@aws-appsync/utils';
    export function request(ctx) { return { payload: null }; }
    export function response(ctx) { if (ctx.error) util.error(ctx.error.message, ctx.error.type); return 'no error'; }`,
  'Query.swallowsError.js': `
    export function request(ctx) { return { payload: null }; }
    export function response(ctx) { return 'ignored'; }`,
  'Query.unauthorized.js': `
    import { util } from '@aws-appsync/utils';
    export function request(ctx) { return { payload: null }; }
    export function response(ctx) { util.unauthorized(); }`,
  'Query.helpers.js': `
    import { util } from '@aws-appsync/utils';
    export function request(ctx) { return { payload: null }; }
    export function response(ctx) {
      return {
        id: util.autoId(), iso: util.time.nowISO8601(), seconds: util.time.nowEpochSeconds(),
        key: util.dynamodb.toMapValues({ PK: 'JOB#1', n: 2 }), filter: util.transform.toSubscriptionFilter({ a: { eq: 1 } }),
      };
    }`,
  'Query.notImplemented.js': `
    import { util } from '@aws-appsync/utils';
    export function request(ctx) { return { payload: util.str.toUpper('x') }; }
    export function response(ctx) { return ctx.result; }`,
  'Query.filterOutsideSubscription.js': `
    import { extensions, util } from '@aws-appsync/utils';
    export function request(ctx) { return { payload: null }; }
    export function response(ctx) { extensions.setSubscriptionFilter(util.transform.toSubscriptionFilter({ a: { eq: 1 } })); return null; }`,
  'Subscription.onThing.js': `
    import { extensions, util } from '@aws-appsync/utils';
    export function request(ctx) { return { payload: null }; }
    export function response(ctx) {
      const f = ctx.args.bad ? { filterGroup: [{ filters: [{ fieldName: 'a', operator: 'like', value: 1 }] }] } : util.transform.toSubscriptionFilter({ a: { eq: ctx.args.a } });
      extensions.setSubscriptionFilter(f);
      if (ctx.args.fail) util.error('refused', 'Refused');
      return null;
    }`,
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hdm-appsync-js-run-'));
  await Promise.all(Object.entries(RESOLVERS).map(([name, code]) => writeFile(join(dir, name), code)));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const input = (fieldName: string, args: Record<string, unknown> = {}, parentTypeName = 'Query'): JsResolverInput => ({
  arguments: args,
  identity: null,
  info: { fieldName, parentTypeName },
  request: { headers: { 'x-test': 'h' } },
});

/** A fake data source that records what it was asked. */
function recording(answer: () => Promise<unknown>): JsDataSource & { requests: unknown[] } {
  const requests: unknown[] = [];
  return {
    type: 'NONE',
    requests,
    invoke: async (request) => {
      requests.push(request);
      return answer();
    },
  };
}

async function run(file: string, resolverInput: JsResolverInput, dataSource: JsDataSource = noneDataSource) {
  return runJsResolver(await loadJsResolver(join(dir, file)), resolverInput, dataSource);
}

describe('runJsResolver', () => {
  it("runs request, the data source and response with one ctx, leaving the caller's arguments alone", async () => {
    const args = { id: 'a1' };
    const outcome = await run('Query.flow.js', input('flow', args));
    expect(outcome).toEqual({ result: { id: 'a1', header: 'h', stash: 'flow@Query', same: true }, errors: [] });
    expect(args).toEqual({ id: 'a1' });
  });

  it("NONE passes the request's payload through as the result", async () => {
    expect(await noneDataSource.invoke({ payload: { a: 1 } })).toEqual({ a: 1 });
    expect(await noneDataSource.invoke({})).toBeNull();
  });

  it('util.error in the request ends the resolver: no data source, no response, null result, the error after appended ones', async () => {
    const dataSource = recording(async () => 'x');
    const outcome = await run('Query.errorInRequest.js', input('errorInRequest'), dataSource);
    expect(dataSource.requests).toEqual([]);
    expect(outcome).toEqual({
      result: null,
      errors: [
        { message: 'first', errorType: 'WARN' },
        { message: 'bad input', errorType: 'INVALID_INPUT', data: { field: 'id' }, errorInfo: { hint: 1 } },
      ],
    });
  });

  it('util.appendError keeps the result', async () => {
    expect(await run('Query.appendOnly.js', input('appendOnly'))).toEqual({
      result: 2,
      errors: [{ message: 'partial', errorType: 'PARTIAL' }],
    });
  });

  it('runtime.earlyReturn in the request skips the data source and the response', async () => {
    const dataSource = recording(async () => 'x');
    expect(await run('Query.early.js', input('early'), dataSource)).toEqual({ result: { cached: true }, errors: [] });
    expect(dataSource.requests).toEqual([]);
  });

  it('a data source failure reaches the response as ctx.error, which raises it or not', async () => {
    const failing = recording(async () => {
      throw new DataSourceError('DynamoDB:ProvisionedThroughputExceededException', 'slow down');
    });
    expect(await run('Query.dataSourceError.js', input('dataSourceError'), failing)).toEqual({
      result: null,
      errors: [{ message: 'slow down', errorType: 'DynamoDB:ProvisionedThroughputExceededException' }],
    });
    expect(await run('Query.swallowsError.js', input('swallowsError'), failing)).toEqual({
      result: 'ignored',
      errors: [],
    });
  });

  it('util.unauthorized answers as AppSync does, naming the field and its type', async () => {
    expect(await run('Query.unauthorized.js', input('unauthorized'))).toEqual({
      result: null,
      errors: [{ message: 'Not Authorized to access unauthorized on type Query', errorType: 'Unauthorized' }],
    });
  });

  it('keeps concurrent invocations apart: each error names its own field', async () => {
    const slow = (ms: number) => recording(() => new Promise((resolve) => setTimeout(() => resolve(null), ms)));
    const [first, second] = await Promise.all([
      run('Query.unauthorized.js', input('first'), slow(30)),
      run('Query.unauthorized.js', input('second'), slow(1)),
    ]);
    expect(first.errors[0]?.message).toBe('Not Authorized to access first on type Query');
    expect(second.errors[0]?.message).toBe('Not Authorized to access second on type Query');
  });

  it("util.autoId, util.time, util.dynamodb and util.transform give AppSync's shapes", async () => {
    const before = Math.floor(Date.now() / 1000);
    const { result } = await run('Query.helpers.js', input('helpers'));
    const r = result as { id: string; iso: string; seconds: number; key: unknown; filter: unknown };
    expect(r.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(r.iso).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(r.seconds).toBeGreaterThanOrEqual(before);
    expect(Number.isInteger(r.seconds)).toBe(true);
    expect(r.key).toEqual({ PK: { S: 'JOB#1' }, n: { N: 2 } });
    expect(r.filter).toEqual({ filterGroup: [{ filters: [{ fieldName: 'a', operator: 'eq', value: 1 }] }] });
  });

  it('names a util member that is not implemented locally', async () => {
    await expect(run('Query.notImplemented.js', input('notImplemented'))).rejects.toThrow(NotImplementedLocallyError);
    await expect(run('Query.notImplemented.js', input('notImplemented'))).rejects.toThrow(
      'util.str is not implemented',
    );
  });

  it('returns the subscription filter a Subscription response sets', async () => {
    expect(await run('Subscription.onThing.js', input('onThing', { a: 5 }, 'Subscription'))).toEqual({
      result: null,
      errors: [],
      subscriptionFilter: { filterGroup: [{ filters: [{ fieldName: 'a', operator: 'eq', value: 5 }] }] },
    });
  });

  it('drops the filter when the response then fails', async () => {
    const outcome = await run('Subscription.onThing.js', input('onThing', { a: 5, fail: true }, 'Subscription'));
    expect(outcome).toEqual({ result: null, errors: [{ message: 'refused', errorType: 'Refused' }] });
  });

  it('refuses setSubscriptionFilter outside a Subscription response, and a filter with an unknown operator', async () => {
    await expect(run('Query.filterOutsideSubscription.js', input('filterOutsideSubscription'))).rejects.toThrow(
      JsRuntimeMisuseError,
    );
    await expect(run('Subscription.onThing.js', input('onThing', { bad: true }, 'Subscription'))).rejects.toThrow(
      /known operators/,
    );
  });
});
