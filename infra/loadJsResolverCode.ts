import { fileURLToPath } from 'node:url';
import { bundleJsResolver } from '../resolvers/appsync/bundleJsResolver.ts';
import { JS_RESOLVER_DIR, JS_RESOLVERS } from '../resolvers/appsync/jsResolvers.ts';
import type { PublisherEnv } from '../resolvers/appsync/Mutation.publishJobUpdate.ts';

/** Bundled APPSYNC_JS code per file name in resolvers/appsync/ (the `file` of each JS_RESOLVERS entry). */
export type JsResolverCode = Readonly<Record<string, string>>;

export interface LoadJsResolverCodeOptions {
  /**
   * Run checkAppSyncJs on each bundle (default false: the resolver tests already check every file, and the
   * check loads the TypeScript parser, which would add seconds to every synth).
   */
  checkAppSyncJs?: boolean;
}

/**
 * Bundles every APPSYNC_JS resolver the way the local server loads it, so the stack deploys exactly the code
 * the local tests ran. Async (esbuild), so it runs before the stack is built and the result goes in its props.
 */
export async function loadJsResolverCode(options: LoadJsResolverCodeOptions = {}): Promise<JsResolverCode> {
  const dir = fileURLToPath(JS_RESOLVER_DIR);
  const entries = await Promise.all(
    JS_RESOLVERS.map(async (binding) => {
      const code = await bundleJsResolver(`${dir}${binding.file}`, { checkAppSyncJs: options.checkAppSyncJs ?? false });
      return [binding.file, code] as const;
    }),
  );
  return Object.fromEntries(entries);
}

/**
 * The API environment variables (AppSync `environmentVariables`, `ctx.env` in APPSYNC_JS) that tell
 * Mutation.publishJobUpdate whose calls to accept: sessions of these roles of this account. APPSYNC_JS cannot read
 * a Lambda-style environment, and the code is deployed byte for byte as the local server runs it, so the values go
 * in the API's configuration rather than into the code. `roleNames`: comma-separated, usually a token.
 */
export function publisherEnvironment(account: string, roleNames: string): Record<keyof PublisherEnv, string> {
  return { PUBLISHER_ROLE_NAMES: roleNames, PUBLISHER_ACCOUNT_ID: account };
}
