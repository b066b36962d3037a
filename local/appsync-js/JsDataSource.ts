/**
 * A data source an APPSYNC_JS resolver is attached to: it receives the request handler's return value and
 * answers what becomes `ctx.result`. A failed call rejects with DataSourceError (it becomes `ctx.error`);
 * anything else it rejects with (e.g. NotImplementedLocallyError) ends runJsResolver.
 */
export interface JsDataSource {
  readonly type: 'NONE' | 'AMAZON_DYNAMODB';
  invoke(request: unknown): Promise<unknown>;
}

/** AppSync's NONE data source: the request's `payload` becomes the result, unchanged. */
export const noneDataSource: JsDataSource = Object.freeze({
  type: 'NONE',
  async invoke(request: unknown): Promise<unknown> {
    if (typeof request !== 'object' || request === null || !Object.hasOwn(request, 'payload')) return null;
    return (request as { payload: unknown }).payload ?? null;
  },
});
