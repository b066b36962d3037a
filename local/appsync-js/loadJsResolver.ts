import { resolve } from 'node:path';
import vm from 'node:vm';
import { build, transform, type Plugin } from 'esbuild';
import { appsyncUtilsModule } from './appsyncUtils.ts';
import { checkAppSyncJs } from './checkAppSyncJs.ts';
import { JsResolverLoadError } from './errors.ts';
import type { JsResolver, JsResolverContext } from './JsResolverContext.ts';

const UTILS = '@aws-appsync/utils';
const cache = new Map<string, Promise<JsResolver>>();

export interface LoadJsResolverOptions {
  /**
   * Refuse code AppSync would refuse (checkAppSyncJs). Default true. It loads the TypeScript parser once per
   * process (about 2 s on a small machine); tests check every resolver file anyway, so a host that wants a
   * fast first load may turn it off.
   */
  checkAppSyncJs?: boolean;
}

/**
 * Loads an APPSYNC_JS resolver file (TypeScript or JavaScript) the way it deploys: bundled by esbuild to one
 * ESM file with '@aws-appsync/utils' left as an import, checked against APPSYNC_JS's language rules, then
 * evaluated in its own V8 context (no Node globals, no `require`) with our runtime as '@aws-appsync/utils'.
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

/** The code AppSync would receive for this file (checked unless told otherwise); infra can deploy exactly this. */
export async function bundleJsResolver(file: string, options: LoadJsResolverOptions = {}): Promise<string> {
  const path = resolve(file);
  let code: string;
  try {
    const result = await build({
      entryPoints: [path], bundle: true, write: false, format: 'esm', platform: 'neutral',
      plugins: [appsyncModulesOnly], logLevel: 'silent', legalComments: 'none',
    });
    code = result.outputFiles[0]?.text ?? '';
  } catch (error) {
    throw new JsResolverLoadError(path, 'bundling failed', { cause: error });
  }
  if (options.checkAppSyncJs ?? true) {
    const violations = await checkAppSyncJs(code, path);
    if (violations.length > 0) throw new JsResolverLoadError(path, `not valid APPSYNC_JS (positions in the bundle):\n  ${violations.join('\n  ')}`);
  }
  return code;
}

/** '@aws-appsync/utils' stays an import (AppSync provides it); other @aws-appsync modules are not implemented here. */
const appsyncModulesOnly: Plugin = {
  name: 'appsync-modules',
  setup(plugin) {
    plugin.onResolve({ filter: /^@aws-appsync\// }, (args) => args.path === UTILS
      ? { path: args.path, external: true }
      : { errors: [{ text: `${args.path} is not implemented by the local APPSYNC_JS runtime` }] });
  },
};

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
    (wrapper.runInContext(context) as (e: unknown, r: unknown, m: unknown) => void)(module.exports, requireShim, module);
  } catch (error) {
    throw new JsResolverLoadError(path, 'evaluating the bundle failed', { cause: error });
  }
  return module.exports;
}

// AppSync sends console output to CloudWatch; locally it is dropped, because a resolver may log arguments (PHI).
const noop = (): void => undefined;
const silentConsole = Object.freeze({ log: noop, info: noop, warn: noop, error: noop, debug: noop });
