import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { IamIdentity, Principal } from '../auth/Principal.ts';
import type { CallContext, GraphQLEngine, GraphQLRequestBody } from '../graphql/GraphQLEngine.ts';
import { BodyTooLargeError, readBody } from './readBody.ts';

/** A request as the SigV4 verifier reads it. */
export interface HttpRequestToVerify {
  method: string;
  path: string;
  query?: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

/** What an authentication failure answers: AppSync's status, errorType and message. */
export interface AuthFailure {
  statusCode: number;
  errorType: string;
  message: string;
}

export interface RequestListenerOptions {
  engine: GraphQLEngine;
  /** Verifies the request's signature; throws an AuthFailure-shaped error to refuse it. */
  authenticate(request: HttpRequestToVerify): Principal;
  identityOf(principal: Principal, sourceIps: string[]): IamIdentity;
  maxRequestBytes: number;
  log(entry: Record<string, unknown>): void;
  /** Serves the console's GET routes (returns true), or leaves the request to the API (returns false). */
  serveConsole?(request: IncomingMessage, response: ServerResponse): boolean;
  /** Serves presigned uploads and downloads under `/s3` (returns true), or leaves the request to the rest (false). */
  serveObjects?(request: IncomingMessage, response: ServerResponse): boolean;
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-allow-headers':
    'authorization, content-type, x-amz-date, x-amz-security-token, x-amz-content-sha256, x-amz-user-agent',
  'access-control-max-age': '86400',
};

/** POST /graphql as AppSync serves it: SigV4 first, then GraphQL, answers in AppSync's shapes. */
export function createRequestListener(
  options: RequestListenerOptions,
): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    // Objects first: their OPTIONS preflights are theirs, not the API's blanket 204.
    if (options.serveObjects?.(request, response)) return;
    // The console's page and assets are GETs beside the API; anything else is POST /graphql's, as before.
    if (options.serveConsole?.(request, response)) return;
    const started = performance.now();
    const requestId = randomUUID();
    const entry: Record<string, unknown> = { event: 'graphql.request', requestId };
    handle(options, request, requestId, entry)
      .catch((error: unknown) => {
        entry.error = error instanceof Error ? error.name : 'unknown';
        return { status: 500, body: { errors: [{ errorType: 'INTERNAL', message: 'Internal error' }] } };
      })
      .then(({ status, body }) => {
        const sent = send(response, status, body, requestId);
        // Only the error's name: its message may quote the response, which may be PHI.
        if (sent.error) entry.sendError = sent.error;
        options.log({ ...entry, status: sent.status, latencyMs: Math.round((performance.now() - started) * 10) / 10 });
      })
      // Whatever still throws (a log sink, a socket gone) must not become an unhandled rejection, which ends Node.
      .catch((error: unknown) => {
        try {
          if (!response.headersSent) send(response, 500, INTERNAL_ERROR, requestId);
          else if (!response.writableEnded) response.end();
        } catch {
          response.destroy();
        }
        try {
          options.log({ ...entry, status: 500, sendError: error instanceof Error ? error.name : 'unknown' });
        } catch {
          // Nothing is left to tell it to.
        }
      });
  };
}

interface Reply {
  status: number;
  body: unknown;
}

async function handle(
  options: RequestListenerOptions,
  request: IncomingMessage,
  requestId: string,
  entry: Record<string, unknown>,
): Promise<Reply> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (request.method === 'OPTIONS') return { status: 204, body: undefined };
  if (url.pathname !== '/graphql')
    return {
      status: 404,
      body: { errors: [{ errorType: 'NotFoundException', message: 'Not found: POST /graphql is the endpoint' }] },
    };
  if (request.method !== 'POST')
    return {
      status: 405,
      body: { errors: [{ errorType: 'MethodNotAllowedException', message: 'Only POST is supported' }] },
    };
  let raw: Buffer;
  try {
    raw = await readBody(request, options.maxRequestBytes);
  } catch (error) {
    if (error instanceof BodyTooLargeError)
      return { status: 413, body: { errors: [{ errorType: 'PAYLOAD_TOO_LARGE', message: error.message }] } };
    throw error;
  }
  let principal: Principal;
  try {
    principal = options.authenticate({
      method: 'POST',
      path: url.pathname,
      query: url.search.slice(1),
      headers: request.headers,
      body: raw,
    });
  } catch (error) {
    const failure = error as Partial<AuthFailure>;
    if (typeof failure.statusCode !== 'number') throw error;
    entry.auth = failure.errorType;
    return {
      status: failure.statusCode,
      body: { errors: [{ errorType: failure.errorType, message: failure.message }] },
    };
  }
  entry.principal = principal.name;
  const body = parseBody(raw);
  if (!body)
    return {
      status: 400,
      body: { errors: [{ errorType: 'MalformedHttpRequestException', message: 'Unable to parse GraphQL query.' }] },
    };
  const call: CallContext & { fieldsCalled: string[] } = {
    principal,
    identity: options.identityOf(principal, sourceIps(request)),
    headers: flatHeaders(request.headers),
    domainName: null,
    fieldsCalled: [],
  };
  call.headers['x-amzn-requestid'] = requestId;
  const result = await options.engine.execute(body, call);
  entry.fields = call.fieldsCalled;
  if (result.errors) entry.errorTypes = result.errors.map((e) => e.errorType ?? 'ValidationError');
  return { status: 200, body: result };
}

function parseBody(raw: Buffer): GraphQLRequestBody | undefined {
  try {
    const body = JSON.parse(raw.toString('utf8')) as Partial<GraphQLRequestBody>;
    if (typeof body !== 'object' || body === null || typeof body.query !== 'string') return undefined;
    if (
      body.variables !== undefined &&
      body.variables !== null &&
      (typeof body.variables !== 'object' || Array.isArray(body.variables))
    )
      return undefined;
    return {
      query: body.query,
      variables: body.variables ?? null,
      operationName: typeof body.operationName === 'string' ? body.operationName : null,
    };
  } catch {
    return undefined;
  }
}

/** The socket's address, then X-Forwarded-For entries, as AppSync's `identity.sourceIp` lists them. */
function sourceIps(request: IncomingMessage): string[] {
  const forwarded = String(request.headers['x-forwarded-for'] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return [request.socket.remoteAddress ?? 'unknown', ...forwarded];
}

function flatHeaders(headers: IncomingMessage['headers']): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    // Signatures and tokens stay out of what resolvers (and their logs) can see.
    if (value === undefined || name === 'authorization' || name === 'x-amz-security-token') continue;
    flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

/** What the server answers when a reply cannot be written: AppSync's error shape, no detail. */
const INTERNAL_ERROR = { errors: [{ errorType: 'INTERNAL', message: 'Internal error' }] };
const SERIALISATION_FAILED = JSON.stringify(INTERNAL_ERROR);

/**
 * Writes the reply; one that cannot be serialised (V8's string limit, a value JSON cannot hold) becomes a 500 in
 * AppSync's shape instead of a throw. Returns the status sent and, then, the error's name.
 */
function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  requestId: string,
): { status: number; error?: string } {
  let payload: string;
  let error: string | undefined;
  try {
    payload = body === undefined ? '' : JSON.stringify(body);
  } catch (thrown) {
    error = thrown instanceof Error ? thrown.name : 'unknown';
    status = 500;
    payload = SERIALISATION_FAILED;
  }
  response.writeHead(status, {
    ...CORS,
    'x-amzn-requestid': requestId,
    ...(payload
      ? { 'content-type': 'application/json; charset=UTF-8', 'content-length': Buffer.byteLength(payload) }
      : {}),
  });
  response.end(payload);
  return error ? { status, error } : { status };
}
