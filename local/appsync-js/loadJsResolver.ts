import { resolve } from 'node:path';
import vm from 'node:vm';
import { transform } from 'esbuild';
import { bundleJsResolver, type BundleJsResolverOptions } from '../../resolvers/appsync/bundleJsResolver.ts';
import { appsyncUtilsModule } from './appsyncUtils.ts';
import { JsResolverLoadError } from './errors.ts';
import type { JsResolver, JsResolverContext } from './JsResolverContext.ts';

const UTILS = '@aws-appsync/utils';
const cache = new Map<string, Promise<JsResolver>>();

/** `checkAppSyncJs` (default true): refuse what AppSync refuses, as the bundler does. */
export type LoadJsResolverOptions = BundleJsResolverOptions;

/**
 * Loads an APPSYNC_JS resolver file (TypeScript or JavaScript) the way it deploys: bundled by esbuild to one
 * ESM file with '@aws-appsync/utils' left as an import and checked against APPSYNC_JS's language rules (by
 * resolvers/appsync/bundleJsResolver.ts, whose output infra/ deploys), then evaluated in its own V8 context
 * (no Node globals, no `require`) with our runtime as '@aws-appsync/utils'.
 * Cached per file (and option) for the life of the process; a failed load is retried on the next call.
 */
export function loadJsResolver(file: string, options: LoadJsResolverOptions = {}): Promise<JsResolver> {
  const check = options.checkAppSyncJs ?? true;
  const path = resolve(file);
  const cacheKey = `${path}\u0000${check}`;
  let loaded = cache.get(cacheKey);
  if (!loaded) {
    loaded = load(path, check);
    cache.set(cacheKey, loaded);
    loaded.catch(() => cache.delete(cacheKey));
  }
  return loaded;
}

async function load(path: string, checkAppSyncJs: boolean): Promise<JsResolver> {
  const code = await bundleJsResolver(path, { checkAppSyncJs });
  const { code: cjs } = await transform(code, { format: 'cjs', loader: 'js' });
  const exports = evaluate(path, cjs);
  const { request, response } = exports;
  if (typeof request !== 'function' || typeof response !== 'function') {
    throw new JsResolverLoadError(path, 'an APPSYNC_JS resolver exports both request(ctx) and response(ctx)');
  }
  return {
    file: path,
    code,
    request: request as (ctx: JsResolverContext) => unknown,
    response: response as (ctx: JsResolverContext) => unknown,
  };
}

function evaluate(path: string, cjs: string): Record<string, unknown> {
  // A fresh context per file: resolver code sees the ECMAScript built-ins and a silent console, nothing of Node.
  const context = vm.createContext({ console: silentConsole });
  const wrapper = new vm.Script(`(function (exports, require, module) {${cjs}\n})`, { filename: path });
  const module = { exports: {} as Record<string, unknown> };
  const requireShim = (specifier: string): unknown => {
    if (specifier === UTILS) return appsyncUtilsModule;
    throw new JsResolverLoadError(path, `cannot require ${specifier}`);
  };
  try {
    (wrapper.runInContext(context) as (e: unknown, r: unknown, m: unknown) => void)(
      module.exports,
      requireShim,
      module,
    );
  } catch (error) {
    throw new JsResolverLoadError(path, 'evaluating the bundle failed', { cause: error });
  }
  return module.exports;
}

// AppSync sends console output to CloudWatch; locally it is dropped, because a resolver may log arguments (PHI).
const noop = (): void => undefined;
const silentConsole = Object.freeze({ log: noop, info: noop, warn: noop, error: noop, debug: noop });
