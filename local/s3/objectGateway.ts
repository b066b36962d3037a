import { randomBytes, randomUUID } from 'node:crypto';
import { Agent, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { pipeline } from 'node:stream';
import { ACCESS_DENIED, corsHeaders, preflight, sendS3Error, type S3Refusal } from './s3Responses.ts';
import { PresignedUrlError, verifyPresignedUrl, type PresignKey } from './verifyPresignedUrl.ts';

/** Where presigned URLs point on the API server: `<origin>/s3/<bucket>/<key>`. */
export const OBJECT_GATEWAY_PATH = '/s3';

export interface ObjectGatewayOptions {
  /** s3rver's Unix socket: the only way to the objects, and only this process's user can open it. */
  s3SocketPath: string;
  /** The region URLs are signed for. */
  region: string;
  /** PUT: only keys `<uploadPrefix><32 hex digits>/<id>` in this bucket, as createImageUpload hands out (uploadPrefixOf). */
  uploads: { bucket: string; prefix: string };
  /** GET and HEAD: only objects of this bucket (masked images). */
  downloads: { bucket: string };
  /** Largest upload body in bytes (the image size limit the worker enforces too). */
  maxUploadBytes: number;
  log?(entry: Record<string, unknown>): void;
  now?(): Date;
}

export interface ObjectGateway {
  /** The per-start key pair URLs are signed with: held by this process only, never a principal's. */
  readonly key: PresignKey;
  /** Serves `/s3` and everything under it (returns true); leaves other paths to the caller (false). */
  serve(request: IncomingMessage, response: ServerResponse): boolean;
  /** Drops the kept-alive connections to s3rver. */
  close(): Promise<void>;
}

const SEGMENT = '[A-Za-z0-9_-][A-Za-z0-9._-]*';
// What the object answers keep from s3rver's; the rest (its server name, request ids, CORS) stays behind.
const PASSED = ['content-type', 'content-length', 'etag', 'last-modified'];
// Served from the API's own origin: never sniffed into a document, never cached (they are PHI-adjacent).
const OBJECT_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; sandbox",
};

/**
 * Uploads and downloads through the API server: s3rver checks no signature and listens only on a socket, so
 * this route is the only way to the objects from outside the process. It lets through exactly what a
 * presigned URL of this start allows (its method, its key, before it expires, with its signed Content-Type)
 * and answers everything else 403 with S3's XML error, showing nothing of the store.
 */
export function createObjectGateway(options: ObjectGatewayOptions): ObjectGateway {
  const key: PresignKey = {
    accessKeyId: `HDMGW${randomBytes(8).toString('hex').toUpperCase()}`,
    secretAccessKey: randomBytes(30).toString('base64'),
    region: options.region,
  };
  const agent = new Agent({ keepAlive: true });
  const uploadKey = new RegExp(
    `^${options.uploads.prefix.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}[0-9a-f]{32}/${SEGMENT}$`,
  );
  const downloadKey = new RegExp(`^${SEGMENT}(?:/${SEGMENT})*$`);
  const allowed = (method: string, bucket: string, objectKey: string) =>
    method === 'PUT'
      ? bucket === options.uploads.bucket && uploadKey.test(objectKey)
      : bucket === options.downloads.bucket && downloadKey.test(objectKey);

  const handle = async (
    request: IncomingMessage,
    response: ServerResponse,
    path: string,
    query: string,
    requestId: string,
  ): Promise<number> => {
    const method = (request.method ?? '').toUpperCase();
    const cors = corsHeaders(request.headers);
    const refuse = (refusal: S3Refusal): number => {
      sendS3Error(response, refusal, requestId, cors, method === 'HEAD');
      return refusal.status;
    };
    if (method === 'OPTIONS') return answerPreflight(request, response, requestId);
    const target = parseTarget(path);
    if (!['GET', 'HEAD', 'PUT'].includes(method) || !target || !allowed(method, target.bucket, target.key))
      return refuse(ACCESS_DENIED);
    try {
      const signed = verifyPresignedUrl(
        { methods: method === 'HEAD' ? ['HEAD', 'GET'] : [method], path, query, headers: request.headers },
        { key, now: options.now?.() ?? new Date() },
      );
      if (method === 'PUT' && !signed.includes('content-type'))
        return refuse({ ...ACCESS_DENIED, message: 'An upload URL must sign Content-Type' });
    } catch (error) {
      if (error instanceof PresignedUrlError) return refuse({ status: 403, code: error.code, message: error.message });
      throw error;
    }
    const tooBig = method === 'PUT' ? checkUploadSize(request, options.maxUploadBytes) : undefined;
    if (tooBig) return refuse(tooBig);
    return forward({ agent, socketPath: options.s3SocketPath, request, response, method, target, cors, requestId });
  };

  return {
    key,
    serve(request, response) {
      const [path = '', query = ''] = (request.url ?? '').split(/\?(.*)/s);
      if (path !== OBJECT_GATEWAY_PATH && !path.startsWith(`${OBJECT_GATEWAY_PATH}/`)) return false;
      const started = performance.now();
      const requestId = randomUUID();
      void handle(request, response, path, query, requestId)
        .catch(() => {
          if (response.headersSent) response.destroy();
          else sendS3Error(response, INTERNAL, requestId, {}, request.method === 'HEAD');
          return INTERNAL.status;
        })
        .then((status) =>
          options.log?.({
            event: 's3.request',
            requestId,
            method: request.method,
            status,
            latencyMs: Math.round((performance.now() - started) * 10) / 10,
          }),
        );
      return true;
    },
    close: async () => agent.destroy(),
  };
}

const INTERNAL: S3Refusal = {
  status: 500,
  code: 'InternalError',
  message: 'We encountered an internal error. Please try again.',
};

/** `/s3/<bucket>/<key>` decoded, or undefined (the bucket itself, a malformed escape, an empty bucket). */
function parseTarget(path: string): { bucket: string; key: string } | undefined {
  const rest = path.slice(OBJECT_GATEWAY_PATH.length + 1);
  const slash = rest.indexOf('/');
  if (slash <= 0) return undefined;
  try {
    return { bucket: decodeURIComponent(rest.slice(0, slash)), key: decodeURIComponent(rest.slice(slash + 1)) };
  } catch {
    return undefined;
  }
}

/** S3's answers: a PUT needs Content-Length (no chunked bodies to count) at most the limit. */
function checkUploadSize(request: IncomingMessage, limit: number): S3Refusal | undefined {
  const declared = request.headers['content-length'];
  if (declared === undefined || request.headers['transfer-encoding'] !== undefined) {
    return { status: 411, code: 'MissingContentLength', message: 'You must provide the Content-Length HTTP header.' };
  }
  if (Number(declared) > limit)
    return {
      status: 400,
      code: 'EntityTooLarge',
      message: `Your proposed upload exceeds the maximum allowed size of ${limit} bytes`,
    };
  return undefined;
}

function answerPreflight(request: IncomingMessage, response: ServerResponse, requestId: string): number {
  const allowed = preflight(request.headers);
  if (!allowed) {
    sendS3Error(
      response,
      { status: 403, code: 'AccessForbidden', message: 'CORSResponse: This CORS request is not allowed.' },
      requestId,
      {},
      false,
    );
    return 403;
  }
  response.writeHead(allowed.status, { ...allowed.headers, 'content-length': 0 });
  response.end();
  return allowed.status;
}

interface Forwarded {
  agent: Agent;
  socketPath: string;
  request: IncomingMessage;
  response: ServerResponse;
  method: string;
  target: { bucket: string; key: string };
  cors: Record<string, string>;
  requestId: string;
}

/**
 * Streams the request to s3rver over its socket, unsigned and without the query (so nothing but the
 * checked operation on the checked key can reach it), and its answer back. Node's parser stops a PUT body
 * at its Content-Length, which is within the limit.
 */
function forward(f: Forwarded): Promise<number> {
  const path = `/${encodeURIComponent(f.target.bucket)}/${f.target.key.split('/').map(encodeURIComponent).join('/')}`;
  const headers: Record<string, string> = { host: 'localhost' };
  if (f.method === 'PUT')
    Object.assign(headers, {
      'content-type': String(f.request.headers['content-type']),
      'content-length': String(f.request.headers['content-length']),
    });
  return new Promise((resolve, reject) => {
    const upstream = httpRequest(
      { agent: f.agent, socketPath: f.socketPath, method: f.method, path, headers },
      (answer) => {
        const status = answer.statusCode ?? 500;
        const passed = Object.fromEntries(
          PASSED.flatMap((name) => (answer.headers[name] === undefined ? [] : [[name, String(answer.headers[name])]])),
        );
        f.response.writeHead(status, { ...passed, ...OBJECT_HEADERS, ...f.cors, 'x-amz-request-id': f.requestId });
        pipeline(answer, f.response, () => resolve(status));
      },
    );
    upstream.once('error', reject);
    if (f.method === 'PUT') pipeline(f.request, upstream, () => {});
    else upstream.end();
  });
}
