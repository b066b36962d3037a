import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JsResolverLoadError } from '../../../../local/appsync-js/errors.ts';
import { noneDataSource } from '../../../../local/appsync-js/JsDataSource.ts';
import { loadJsResolver } from '../../../../local/appsync-js/loadJsResolver.ts';
import { runJsResolver } from '../../../../local/appsync-js/runJsResolver.ts';

let dir: string;
const file = (name: string): string => join(dir, name);
const info = { fieldName: 'echo', parentTypeName: 'Query' };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hdm-appsync-js-'));
  await writeFile(
    file('shout.ts'),
    `export function shout(text: string): string { return text.toUpperCase() + '!'; }\n`,
  );
  await writeFile(
    file('Query.echo.ts'),
    `
    import { util } from '@aws-appsync/utils';
    import type { Context } from '@aws-appsync/utils';
    import { shout } from './shout.ts';
    export function request(ctx: Context<{ text: string }>) { return { payload: { text: shout(ctx.args.text), id: util.autoId() } }; }
    export function response(ctx: Context) { return ctx.result; }
  `,
  );
  await writeFile(
    file('Query.globals.js'),
    `
    export function request() { return { payload: [typeof globalThis.process, typeof globalThis.require, typeof globalThis.Buffer, typeof JSON, typeof Math] }; }
    export function response(ctx) { return ctx.result; }
  `,
  );
  await writeFile(
    file('Query.loops.js'),
    'export function request(ctx) { while (true) {} }\nexport function response(ctx) { try { return 1; } catch (e) { return 2; } }\n',
  );
  await writeFile(file('Query.noResponse.js'), 'export function request() { return {}; }\n');
  await writeFile(
    file('Query.ddbHelpers.js'),
    `import { get } from '@aws-appsync/utils/dynamodb';\nexport function request(ctx) { return get({ key: { id: ctx.args.id } }); }\nexport function response(ctx) { return ctx.result; }\n`,
  );
  await writeFile(file('Query.broken.ts'), 'export function request( {\n');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('loadJsResolver', () => {
  it('bundles a TypeScript resolver with its relative imports, and gives it our @aws-appsync/utils', async () => {
    const resolver = await loadJsResolver(file('Query.echo.ts'));
    const outcome = await runJsResolver(resolver, { arguments: { text: 'hi' }, identity: null, info }, noneDataSource);
    expect(outcome.errors).toEqual([]);
    expect(outcome.result).toMatchObject({ text: 'HI!' });
    expect((outcome.result as { id: string }).id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('keeps @aws-appsync/utils an import in the bundle, as AppSync receives it', async () => {
    const { code } = await loadJsResolver(file('Query.echo.ts'));
    expect(code).toMatch(/import \{ util \} from "@aws-appsync\/utils"/);
    expect(code).toContain('toUpperCase');
    expect(code).not.toContain('./shout');
  });

  it('caches per file', async () => {
    expect(await loadJsResolver(file('Query.echo.ts'))).toBe(await loadJsResolver(join(dir, '.', 'Query.echo.ts')));
  });

  it('runs resolver code without Node globals, with the ECMAScript built-ins', async () => {
    const outcome = await runJsResolver(
      await loadJsResolver(file('Query.globals.js')),
      { arguments: {}, identity: null, info },
      noneDataSource,
    );
    expect(outcome.result).toEqual(['undefined', 'undefined', 'undefined', 'object', 'object']);
  });

  it('refuses code AppSync would refuse, naming each construct and where', async () => {
    const failure = loadJsResolver(file('Query.loops.js'));
    await expect(failure).rejects.toThrow(JsResolverLoadError);
    await expect(failure).rejects.toThrow(
      /\d+:\d+ while is not supported by APPSYNC_JS: while \(true\)[\s\S]*\d+:\d+ try\/catch\/finally is not supported/,
    );
  });

  it('can skip the APPSYNC_JS check, for a host that wants a fast first load', async () => {
    const unchecked = await loadJsResolver(file('Query.loops.js'), { checkAppSyncJs: false });
    expect(typeof unchecked.request).toBe('function');
    await expect(loadJsResolver(file('Query.loops.js'))).rejects.toThrow(JsResolverLoadError);
  });

  it('refuses a file without both handlers, a module not implemented locally, and code that does not parse', async () => {
    await expect(loadJsResolver(file('Query.noResponse.js'))).rejects.toThrow(
      /exports both request\(ctx\) and response\(ctx\)/,
    );
    const helpers = loadJsResolver(file('Query.ddbHelpers.js'));
    await expect(helpers).rejects.toThrow(JsResolverLoadError);
    await expect(helpers).rejects.toSatisfy((error: JsResolverLoadError) =>
      String((error.cause as Error).message).includes(
        '@aws-appsync/utils/dynamodb is not implemented by the local APPSYNC_JS runtime',
      ),
    );
    await expect(loadJsResolver(file('Query.broken.ts'))).rejects.toThrow(/bundling failed/);
  });
});
