import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noneDataSource } from '../../../../local/appsync-js/JsDataSource.ts';
import { loadJsResolver } from '../../../../local/appsync-js/loadJsResolver.ts';
import { runJsResolver } from '../../../../local/appsync-js/runJsResolver.ts';

/* `ctx.env`: the API's environment variables (AppSync, 2024), as the local runtime hands them to a resolver. */

let dir: string;
const info = { fieldName: 'env', parentTypeName: 'Query' };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hdm-env-'));
  await writeFile(
    join(dir, 'Query.env.js'),
    `
    export function request(ctx) { return { payload: { keys: Object.keys(ctx.env), value: ctx.env.GREETING ?? null } }; }
    export function response(ctx) { return ctx.result; }`,
  );
  await writeFile(
    join(dir, 'Query.writeEnv.js'),
    `
    export function request(ctx) { ctx.env.GREETING = 'changed'; return { payload: ctx.env.GREETING }; }
    export function response(ctx) { return ctx.result; }`,
  );
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('ctx.env in the local APPSYNC_JS runtime', () => {
  it('holds the variables the host passes, and is empty when it passes none', async () => {
    const resolver = await loadJsResolver(join(dir, 'Query.env.js'));
    expect(
      (
        await runJsResolver(
          resolver,
          { arguments: {}, identity: null, info, env: { GREETING: 'hello', OTHER: 'x' } },
          noneDataSource,
        )
      ).result,
    ).toEqual({ keys: ['GREETING', 'OTHER'], value: 'hello' });
    expect((await runJsResolver(resolver, { arguments: {}, identity: null, info }, noneDataSource)).result).toEqual({
      keys: [],
      value: null,
    });
  });

  it('is read-only: a resolver cannot change it for the next invocation', async () => {
    const env = { GREETING: 'hello' };
    const writer = await loadJsResolver(join(dir, 'Query.writeEnv.js'));
    // Frozen: the write fails (a TypeError in strict code, silently otherwise) and changes nothing.
    const outcome = await runJsResolver(writer, { arguments: {}, identity: null, info, env }, noneDataSource).catch(
      (error: unknown) => error,
    );
    if (!(outcome instanceof TypeError)) expect(outcome).toEqual({ result: 'hello', errors: [] });
    expect(env.GREETING).toBe('hello');
  });
});
