import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundleJsResolver } from '../../../../resolvers/appsync/bundleJsResolver.ts';
import { checkAppSyncJs } from '../../../../resolvers/appsync/checkAppSyncJs.ts';

const RESOLVER_DIR = fileURLToPath(new URL('../../../../resolvers/appsync/', import.meta.url));
/** Resolver files are named <Type>.<field>.ts; other files there are not deployed as resolvers. */
const RESOLVER_FILES = readdirSync(RESOLVER_DIR).filter((name) => /^[A-Z]\w*\.\w+\.ts$/.test(name));

describe('checkAppSyncJs', () => {
  it('accepts the constructs APPSYNC_JS supports', async () => {
    const code = `
      import { util } from '@aws-appsync/utils';
      const double = (x) => x * 2;
      export function request(ctx) {
        const out = [];
        for (const item of ctx.args.items ?? []) out.push(double(item));
        for (const key in ctx.args) { if (Object.hasOwn(ctx.args, key)) break; }
        let n = 0; n += 1;
        switch (typeof ctx.args.id) { case 'string': break; default: util.error('bad', 'INVALID_INPUT'); }
        return { payload: { ...ctx.args, out, n, label: \`#\${ctx.args?.id}\`, neg: -n, not: !n } };
      }
      export function response(ctx) { return ctx.result; }`;
    expect(await checkAppSyncJs(code)).toEqual([]);
  });

  it.each([
    ['try { f(); } catch (e) { g(); }', 'try/catch/finally'],
    ['throw new Error("x");', 'throw'],
    ['while (a) { f(); }', 'while'],
    ['do { f(); } while (a);', 'do-while'],
    ['for (let i = 0; i < 3; i = i + 1) f(i);', 'for(;;)'],
    ['for (const x of xs) { if (x) continue; }', 'continue'],
    ['outer: for (const x of xs) { break outer; }', 'labeled'],
    ['class A {}', 'class'],
    ['const B = class {};', 'class'],
    ['async function f() { await g(); }', 'async'],
    ['function* g() { yield 1; }', 'generator'],
    ['function f() { return this; }', 'this'],
    ['const r = /a+/;', 'regular expression'],
    ['let i = 0; i++;', '++'],
    ['let i = 0; --i;', '--'],
    ['const m = ~x;', '~'],
    ['const has = "a" in obj;', 'in operator'],
    ['const is = x instanceof Y;', 'instanceof'],
    ['const p = Promise.resolve(1);', 'Promise'],
  ])('refuses %s', async (code, expected) => {
    const violations = await checkAppSyncJs(code);
    expect(violations.join('\n')).toContain(expected);
    expect(violations[0]).toMatch(/^1:\d+ /);
  });
});

describe('the APPSYNC_JS resolvers in resolvers/appsync', () => {
  it('are there', () => {
    expect(RESOLVER_FILES).toEqual(
      expect.arrayContaining(['Subscription.onJobUpdated.ts', 'Subscription.onJobsUpdated.ts']),
    );
  });

  it.each(RESOLVER_FILES)('%s bundles to code AppSync accepts', async (name) => {
    const code = await bundleJsResolver(RESOLVER_DIR + name);
    expect(await checkAppSyncJs(code)).toEqual([]);
    expect(code).toMatch(/export \{[^}]*request[^}]*response[^}]*\}/);
  });
});
