import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { isLoopbackHostname } from '../console/consoleRoutes.ts';

/** An S3-style refusal: the status, S3's error code and a fixed message (never a key, a header or a body). */
export interface S3Refusal {
  status: number;
  code: string;
  message: string;
}

export const ACCESS_DENIED: S3Refusal = { status: 403, code: 'AccessDenied', message: 'Access Denied' };

/** Answers `refusal` as S3 does: an XML `<Error>` body (none for HEAD), and the connection closed. */
export function sendS3Error(
  response: ServerResponse,
  refusal: S3Refusal,
  requestId: string,
  extra: Record<string, string>,
  head: boolean,
): void {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${refusal.code}</Code><Message>${refusal.message}</Message><RequestId>${requestId}</RequestId></Error>`;
  response.writeHead(refusal.status, {
    ...extra,
    'content-type': 'application/xml',
    'content-length': Buffer.byteLength(body),
    'x-amz-request-id': requestId,
    // A refused PUT may still be sending its body: closing beats reading megabytes only to drop them.
    connection: 'close',
  });
  response.end(head ? undefined : body);
}

/**
 * CORS as the buckets of a deployment allow it to the console: pages served from this machine (a loopback
 * origin, any port) may PUT an upload and read an image; a page from anywhere else, or one that rebinds
 * its own name to 127.0.0.1, keeps its own origin and gets no CORS headers. The presigned URL, not CORS, is
 * the permission: CORS only decides which pages may read the answers.
 */
export function corsHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const origin = headers.origin;
  if (!origin || !isLoopbackOrigin(origin)) return {};
  return { 'access-control-allow-origin': origin, 'access-control-expose-headers': 'ETag', vary: 'Origin' };
}

const PREFLIGHT_METHODS = new Set(['GET', 'HEAD', 'PUT']);

/** The answer to an OPTIONS preflight: allowed for loopback origins asking for GET, HEAD or PUT with at most Content-Type. */
export function preflight(
  headers: IncomingHttpHeaders,
): { status: number; headers: Record<string, string> } | undefined {
  const cors = corsHeaders(headers);
  const method = String(headers['access-control-request-method'] ?? '').toUpperCase();
  const asked = String(headers['access-control-request-headers'] ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  if (!cors['access-control-allow-origin'] || !PREFLIGHT_METHODS.has(method) || asked.some((h) => h !== 'content-type'))
    return undefined;
  return {
    status: 200,
    headers: {
      ...cors,
      'access-control-allow-methods': 'GET, HEAD, PUT',
      'access-control-allow-headers': 'content-type',
      'access-control-max-age': '3000',
    },
  };
}

function isLoopbackOrigin(origin: string): boolean {
  try {
    const url = new URL(origin);
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      url.origin === origin &&
      isLoopbackHostname(url.hostname)
    );
  } catch {
    return false;
  }
}
