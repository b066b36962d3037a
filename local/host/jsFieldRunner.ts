import { fileURLToPath } from 'node:url';
import { JS_RESOLVER_DIR, JS_RESOLVERS, type JsResolverBinding } from '../../resolvers/appsync/jsResolvers.ts';
import {
  loadJsResolver,
  runJsResolver,
  type JsDataSource,
  type JsResolver,
  type JsResolverInput,
  type JsResolverOutcome,
} from '../appsync-js/index.ts';

/** Runs the APPSYNC_JS resolver of `<Type>.<field>` on its data source; undefined when the field has none. */
export type JsFieldRunner = (
  field: string,
  input: Omit<JsResolverInput, 'info'>,
) => Promise<JsResolverOutcome | undefined>;

interface LoadedJsResolver {
  binding: JsResolverBinding;
  resolver: JsResolver;
}

/**
 * Loads the APPSYNC_JS resolvers (resolvers/appsync/jsResolvers.ts) once, at start, so no request waits for
 * bundling, and returns their runner. Their APPSYNC_JS language check runs in the test suite (it loads the
 * TypeScript parser, seconds of start-up here). `env`: the API's environment variables (ctx.env), as the stack
 * sets them on AppSync.
 */
export async function createJsFieldRunner(
  dataSources: Record<JsResolverBinding['dataSource'], JsDataSource>,
  env: Readonly<Record<string, string>>,
): Promise<JsFieldRunner> {
  const loaded = await Promise.all(
    JS_RESOLVERS.map(async (binding): Promise<LoadedJsResolver> => ({
      binding,
      resolver: await loadJsResolver(fileURLToPath(new URL(binding.file, JS_RESOLVER_DIR)), { checkAppSyncJs: false }),
    })),
  );
  const byField = new Map(loaded.map((entry) => [`${entry.binding.typeName}.${entry.binding.fieldName}`, entry]));
  return async (field, input) => {
    const entry = byField.get(field);
    if (!entry) return undefined;
    const { binding, resolver } = entry;
    return runJsResolver(
      resolver,
      { ...input, env, info: { fieldName: binding.fieldName, parentTypeName: binding.typeName } },
      dataSources[binding.dataSource],
    );
  };
}
