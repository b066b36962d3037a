import { resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { checkAppSyncJs } from './checkAppSyncJs.ts';
import { JsResolverLoadError } from './JsResolverLoadError.ts';

const UTILS = '@aws-appsync/utils';

export interface BundleJsResolverOptions {
  /**
   * Refuse code AppSync would refuse (checkAppSyncJs). Default true. It loads the TypeScript parser once per
   * process (about 2 s on a small machine); tests check every resolver file anyway, so a host that wants a
   * fast first load may turn it off.
   */
  checkAppSyncJs?: boolean;
}

/**
 * The code AppSync receives for a resolver file: esbuild's one ESM bundle with '@aws-appsync/utils' left as an
 * import, checked against APPSYNC_JS's rules unless told otherwise. Build-time code beside the resolvers it
 * bundles, so that the CDK app (infra/) deploys and the local host (local/appsync-js) runs the same bytes.
 */
export async function bundleJsResolver(file: string, options: BundleJsResolverOptions = {}): Promise<string> {
  const path = resolve(file);
  let code: string;
  try {
    const result = await build({
      entryPoints: [path],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'neutral',
      plugins: [appsyncModulesOnly],
      logLevel: 'silent',
      legalComments: 'none',
    });
    code = result.outputFiles[0]?.text ?? '';
  } catch (error) {
    throw new JsResolverLoadError(path, 'bundling failed', { cause: error });
  }
  if (options.checkAppSyncJs ?? true) {
    const violations = await checkAppSyncJs(code, path);
    if (violations.length > 0)
      throw new JsResolverLoadError(
        path,
        `not valid APPSYNC_JS (positions in the bundle):\n  ${violations.join('\n  ')}`,
      );
  }
  return code;
}

/** '@aws-appsync/utils' stays an import (AppSync provides it); other @aws-appsync modules are not implemented locally. */
const appsyncModulesOnly: Plugin = {
  name: 'appsync-modules',
  setup(plugin) {
    plugin.onResolve({ filter: /^@aws-appsync\// }, (args) =>
      args.path === UTILS
        ? { path: args.path, external: true }
        : { errors: [{ text: `${args.path} is not implemented by the local APPSYNC_JS runtime` }] },
    );
  },
};
