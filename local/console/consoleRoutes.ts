import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { CONSOLE_TOKEN_HEADER } from '../../console/src/consoleTokenHeader.ts';
import { cachedConsoleAssets, type ConsoleAssets } from './buildConsole.ts';

/** The key pair the page may prefill: only ever the generated local principal's. */
export interface ConsoleCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface ConsoleRoutesOptions {
  /** The region requests are signed for. */
  region: string;
  /** Whether the server listens on a loopback address only (127.0.0.0/8, ::1, localhost). */
  listensOnLoopback: boolean;
  /** Offered to pages loaded over loopback from a loopback server that show `consoleToken`; nothing else ever sees it. */
  defaultCredentials?: ConsoleCredentials;
  /**
   * The per-start secret of the console's address (`/#token=...`, printed by `npm start`): the key pair
   * goes only to a request carrying it in CONSOLE_TOKEN_HEADER, so another local user who can reach
   * loopback but cannot read the banner (or the 0600 credentials file) gets no secret. Without one, none.
   */
  consoleToken?: string;
  /**
   * Origins of presigned object URLs other than the page's own, which the page uploads to and shows images
   * from. Locally they point at this server (its object gateway), by its advertised address, which is not
   * the page's origin when the page was opened by another name (localhost for 127.0.0.1). A function when
   * known only once the server listens.
   */
  objectStoreOrigins?: readonly string[] | (() => readonly string[]);
  /** Default: bundle console/ at the first request and keep the result. */
  assets?: () => Promise<ConsoleAssets>;
}

/** What /console/config.json answers. */
export interface ConsoleConfig {
  url: string;
  realtimeUrl: string;
  region: string;
  defaultCredentials?: ConsoleCredentials;
}

export { CONSOLE_TOKEN_HEADER };

/** Serves a console request and returns true, or returns false for the API to handle the request. */
export type ConsoleRoutes = (request: IncomingMessage, response: ServerResponse) => boolean;

// Deployed APIs and their presigned S3 URLs live under amazonaws.com: the console may talk to one too.
// Locally uploads and downloads go to this server itself: no store of this machine is ever named.
const AWS_ORIGINS = ['https://*.amazonaws.com'];

/**
 * GET (and HEAD) of `/`, `/console.js`, `/console.css` and `/console/config.json`. Every answer carries a
 * strict Content-Security-Policy: scripts and styles only from this origin (no inline ones), requests only
 * to this origin, WebSockets and the object store.
 */
export function createConsoleRoutes(options: ConsoleRoutesOptions): ConsoleRoutes {
  const assets = options.assets ?? cachedConsoleAssets();
  const origins = options.objectStoreOrigins ?? [];
  const headers = () => securityHeaders(typeof origins === 'function' ? origins() : origins);
  const routes: Record<string, (request: IncomingMessage) => Promise<Answer>> = {
    '/': async () => ({ type: 'text/html; charset=utf-8', body: (await assets()).html, cache: 'no-cache' }),
    '/console.js': async () => ({
      type: 'text/javascript; charset=utf-8',
      body: (await assets()).js,
      cache: 'no-cache',
    }),
    '/console.css': async () => ({ type: 'text/css; charset=utf-8', body: (await assets()).css, cache: 'no-cache' }),
    '/console/config.json': async (request) => ({
      type: 'application/json; charset=utf-8',
      body: JSON.stringify(consoleConfig(options, request)),
      cache: 'no-store',
    }),
  };
  return (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    const route = routes[new URL(request.url ?? '/', 'http://localhost').pathname];
    if (!route) return false;
    route(request)
      .catch((error: unknown): Answer => ({
        status: 500,
        type: 'text/plain; charset=utf-8',
        body:
          error instanceof Error && error.name === 'ConsoleBuildError'
            ? error.message
            : 'the console could not be served',
        cache: 'no-store',
      }))
      .then((answer) => {
        response.writeHead(answer.status ?? 200, {
          ...headers(),
          'content-type': answer.type,
          'content-length': Buffer.byteLength(answer.body),
          'cache-control': answer.cache,
        });
        response.end(request.method === 'HEAD' ? undefined : answer.body);
      });
    return true;
  };
}

interface Answer {
  status?: number;
  type: string;
  body: string;
  cache: 'no-cache' | 'no-store';
}

function securityHeaders(objectStoreOrigins: readonly string[]): Record<string, string> {
  const elsewhere = [...new Set([...objectStoreOrigins, ...AWS_ORIGINS])].join(' ');
  const policy = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' blob: data: ${elsewhere}`,
    `connect-src 'self' ws: wss: ${elsewhere}`,
    "font-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return {
    'content-security-policy': policy,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
  };
}

/**
 * The API as the page reached it (same origin, so `localhost` and `127.0.0.1` both work), and the local
 * key pair only when the server and the Host the browser asked for are loopback (a page on another site
 * that rebinds its DNS name to 127.0.0.1 sends its own name as Host) and the request shows this start's
 * console token (other local users and processes can reach loopback too).
 */
export function consoleConfig(options: ConsoleRoutesOptions, request: IncomingMessage): ConsoleConfig {
  const secure = Boolean((request.socket as TLSSocket).encrypted);
  const host = requestHost(request);
  const config: ConsoleConfig = {
    url: `${secure ? 'https' : 'http'}://${host}/graphql`,
    realtimeUrl: `${secure ? 'wss' : 'ws'}://${host}/graphql/realtime`,
    region: options.region,
  };
  if (
    options.defaultCredentials &&
    options.listensOnLoopback &&
    isLoopbackHostname(hostnameOf(host)) &&
    showsToken(request, options.consoleToken)
  ) {
    config.defaultCredentials = {
      accessKeyId: options.defaultCredentials.accessKeyId,
      secretAccessKey: options.defaultCredentials.secretAccessKey,
    };
  }
  return config;
}

/** Whether the request's token header is `expected`, compared in constant time (digests, so lengths match). */
function showsToken(request: IncomingMessage, expected: string | undefined): boolean {
  const given = request.headers[CONSOLE_TOKEN_HEADER];
  if (!expected || typeof given !== 'string' || given === '') return false;
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

// A Host header is `name[:port]` or `[v6][:port]`; anything else is not used to build URLs.
const HOST_HEADER = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** The Host header when well formed, else the socket's own address (what the client connected to). */
function requestHost(request: IncomingMessage): string {
  const header = request.headers.host ?? '';
  if (HOST_HEADER.test(header)) return header;
  const address = request.socket.localAddress ?? '127.0.0.1';
  const name = address.includes(':') ? `[${address}]` : address;
  return `${name}:${request.socket.localPort ?? ''}`;
}

function hostnameOf(host: string): string {
  return host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : (host.split(':')[0] ?? '');
}

/** 127.0.0.0/8, ::1 (bracketed or not), ::ffff:127.x and localhost. */
export function isLoopbackHostname(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (name === 'localhost' || name === '::1') return true;
  const v4 = name.replace(/^::ffff:/, '');
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}
