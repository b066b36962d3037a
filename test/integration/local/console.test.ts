import { request as httpRequest, createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleRoutes } from '../../../local/console/consoleRoutes.ts';
import { startTestApi, type TestApi } from '../../helpers/localApi.ts';

// The console as `npm start` serves it, over HTTP: the page and its bundle come only from this server
// under a strict CSP, the local key pair is offered only to loopback pages of a loopback server, the API's
// own answers are unchanged, and the server's /s3 route lets a loopback page PUT an upload and fetch a masked image.

let t: TestApi;
let origin: string;

beforeAll(async () => {
  t = await startTestApi();
  origin = new URL('/', t.api.url).origin;
});
afterAll(async () => {
  await t?.dispose();
});

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** node:http rather than fetch, which does not let a caller choose the Host header. */
function get(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function expectSecurityHeaders(response: RawResponse): void {
  const csp = String(response.headers['content-security-policy']);
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('unsafe-eval');
  expect(response.headers['x-content-type-options']).toBe('nosniff');
  expect(response.headers['referrer-policy']).toBe('no-referrer');
}

/** Every URL-looking string in `text`. */
function urlsIn(text: string): string[] {
  return [...new Set(text.match(/\b(?:https?|wss?):\/\/[^\s"'`)<>]*/g) ?? [])];
}

describe('the console page', () => {
  it('serves the HTML at / under a strict CSP, with no inline script and no external URL', async () => {
    const page = await get(`${origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expectSecurityHeaders(page);
    expect(page.body).toContain('<title>health-data-masking console</title>');
    expect(page.body).toContain('<script src="/console.js" defer></script>');
    expect(page.body.match(/<script\b[^>]*>/g)).toEqual(['<script src="/console.js" defer>']);
    expect(page.body).not.toMatch(/\son[a-z]+=/i);
    expect(urlsIn(page.body)).toEqual([]);
    // Presigned URLs point at this server itself (by its advertised origin, for a page opened as localhost):
    // no store of this machine is named, only deployed AWS endpoints besides.
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain(`img-src 'self' blob: data: ${origin} https://*.amazonaws.com;`);
    expect(csp).toContain(`connect-src 'self' ws: wss: ${origin} https://*.amazonaws.com;`);
    expect(
      urlsIn(csp)
        .map((url) => url.replace(/;$/, ''))
        .filter((url) => url !== origin && url !== 'https://*.amazonaws.com'),
    ).toEqual([]);
  });

  it('serves the script bundled: no import of a package, no URL but ones the code builds at run time', async () => {
    const script = await get(`${origin}/console.js`);
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expectSecurityHeaders(script);
    expect(script.body.length).toBeGreaterThan(10_000);
    // The client kit is inside (its real-time protocol and SigV4 signing), not fetched from anywhere.
    expect(script.body).toContain('graphql-ws');
    expect(script.body).toContain('AWS4-HMAC-SHA256');
    expect(script.body).not.toMatch(/(?:^|[;\s])import\s*(?:[\w*{][^;]*?from\s*)?["']/);
    expect(script.body).not.toMatch(/\bimport\(\s*["']/);
    expect(script.body).not.toMatch(/\brequire\(\s*["']/);
    // The SVG namespace is a name, not a request; AppSync's real-time host is derived from the endpoint.
    const unexpected = urlsIn(script.body).filter((url) => url !== 'http://www.w3.org/2000/svg' && !url.includes('${'));
    expect(unexpected).toEqual([]);
  });

  it('serves the style sheet with no import and no font or image from the network', async () => {
    const css = await get(`${origin}/console.css`);
    expect(css.status).toBe(200);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.body).not.toContain('@import');
    expect(css.body).not.toContain('url(');
    expect(css.body).not.toContain('@font-face');
  });

  it('answers HEAD without a body, and leaves every other request to the API as before', async () => {
    const head = await get(`${origin}/console.js`, {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(Number(head.headers['content-length'])).toBeGreaterThan(10_000);
    expect((await get(`${origin}/graphql`)).status).toBe(405);
    const other = await get(`${origin}/nothing-here`);
    expect(other.status).toBe(404);
    expect(JSON.parse(other.body).errors[0].errorType).toBe('NotFoundException');
    const post = await fetch(`${origin}/`, { method: 'POST', body: '{}' });
    expect(post.status).toBe(404);
    const signed = await t.graphql<{ jobs: { items: unknown[] } }>('query { jobs(limit: 1) { items { id } } }');
    expect(signed.status).toBe(200);
    expect(signed.body.data?.jobs.items).toEqual([]);
  });
});

/** The per-start token in the address the API gives (`<origin>/#token=...`), as the banner prints it. */
function consoleToken(): string {
  const url = new URL(t.api.consoleUrl);
  expect(url.origin).toBe(origin);
  expect(url.pathname).toBe('/');
  const token = url.hash.match(/^#token=([A-Za-z0-9_-]+)$/)?.[1];
  expect(token, 'consoleUrl carries the token in its hash').toBeDefined();
  return token as string;
}

describe('/console/config.json', () => {
  it('gives a random 24-byte token in consoleUrl, new at every start', async () => {
    const token = consoleToken();
    expect(Buffer.from(token, 'base64url')).toHaveLength(24);
    const other = await startTestApi();
    try {
      expect(new URL(other.api.consoleUrl).hash).not.toBe(`#token=${token}`);
    } finally {
      await other.dispose();
    }
  });

  it('offers the generated key pair to a page loaded from a loopback host with the token, never cached', async () => {
    const { port } = new URL(origin);
    const principal = t.credentials();
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
      const response = await get(`${origin}/console/config.json`, { host, 'x-hdm-console-token': consoleToken() });
      expect(response.status).toBe(200);
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
      expectSecurityHeaders(response);
      expect(JSON.parse(response.body)).toEqual({
        url: `http://${host}/graphql`,
        realtimeUrl: `ws://${host}/graphql/realtime`,
        region: t.api.region,
        defaultCredentials: { accessKeyId: principal.accessKeyId, secretAccessKey: principal.secretAccessKey },
      });
    }
  });

  it('offers no key pair without the token or with a wrong one (another local user or process, say)', async () => {
    const { port } = new URL(origin);
    const token = consoleToken();
    const host = `127.0.0.1:${port}`;
    const wrong = [
      undefined,
      '',
      token.slice(0, -1),
      `${token}x`,
      token.toUpperCase() === token ? token.toLowerCase() : token.toUpperCase(),
      'a'.repeat(token.length),
    ];
    for (const given of wrong) {
      const response = await get(`${origin}/console/config.json`, {
        host,
        ...(given === undefined ? {} : { 'x-hdm-console-token': given }),
      });
      expect(response.status).toBe(200);
      expect(
        JSON.parse(response.body),
        `token ${given === undefined ? 'missing' : `of length ${given.length}`}`,
      ).toEqual({ url: `http://${host}/graphql`, realtimeUrl: `ws://${host}/graphql/realtime`, region: t.api.region });
      expect(response.body).not.toContain(t.credentials().secretAccessKey);
    }
  });

  it('offers no key pair when the Host names anything else (a DNS-rebinding page, say), even with the token', async () => {
    const { port } = new URL(origin);
    for (const host of [`attacker.example:${port}`, `127.0.0.1.attacker.example:${port}`, `192.168.1.20:${port}`]) {
      const response = await get(`${origin}/console/config.json`, { host, 'x-hdm-console-token': consoleToken() });
      expect(response.status).toBe(200);
      const config = JSON.parse(response.body);
      expect(config).toEqual({
        url: `http://${host}/graphql`,
        realtimeUrl: `ws://${host}/graphql/realtime`,
        region: t.api.region,
      });
      expect(response.body).not.toContain(t.credentials().secretAccessKey);
    }
  });

  it('offers no key pair from a server that does not listen on loopback only, whatever the Host and token', async () => {
    const principal = t.credentials();
    const routes = createConsoleRoutes({
      region: 'us-east-1',
      listensOnLoopback: false,
      defaultCredentials: principal,
      consoleToken: 'local-token',
      assets: async () => ({ html: '', js: '', css: '' }),
    });
    const server: Server = createServer((req, res) => {
      if (!routes(req, res)) res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const response = await get(`http://127.0.0.1:${port}/console/config.json`, {
        'x-hdm-console-token': 'local-token',
      });
      expect(JSON.parse(response.body)).toEqual({
        url: `http://127.0.0.1:${port}/graphql`,
        realtimeUrl: `ws://127.0.0.1:${port}/graphql/realtime`,
        region: 'us-east-1',
      });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('CORS of the /s3 route for the browser', () => {
  const UPLOAD = 'mutation Upload($type: String!) { createImageUpload(contentType: $type) { bucket key url } }';

  it('lets a page PUT to a presigned upload URL with its Content-Type, and read what it stored', async () => {
    const created = await t.graphql<{ createImageUpload: { url: string } }>(UPLOAD, { type: 'image/png' });
    const url = created.body.data?.createImageUpload.url;
    if (!url) throw new Error(`createImageUpload failed: ${JSON.stringify(created.body.errors)}`);
    expect(new URL(url).origin).toBe(origin);
    const preflight = await fetch(url, {
      method: 'OPTIONS',
      headers: {
        origin: origin,
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PUT');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type');
    const put = await fetch(url, {
      method: 'PUT',
      headers: { origin: origin, 'content-type': 'image/png' },
      body: new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
    });
    expect(put.status).toBe(200);
    expect(put.headers.get('access-control-allow-origin')).toBe(origin);
    const readBack = new URL(url);
    readBack.search = '';
    const getPreflight = await fetch(readBack, {
      method: 'OPTIONS',
      headers: { origin: origin, 'access-control-request-method': 'GET' },
    });
    expect(getPreflight.status).toBe(200);
    expect(getPreflight.headers.get('access-control-allow-methods')).toContain('GET');
  });

  it('lets no page from another origin read or write the objects, even one that rebinds its name to 127.0.0.1', async () => {
    const created = await t.graphql<{ createImageUpload: { url: string } }>(UPLOAD, { type: 'image/png' });
    const url = created.body.data?.createImageUpload.url as string;
    for (const foreign of ['https://evil.example', 'http://rebound.example:4000', 'null']) {
      const preflight = await fetch(url, {
        method: 'OPTIONS',
        headers: {
          origin: foreign,
          'access-control-request-method': 'PUT',
          'access-control-request-headers': 'content-type',
        },
      });
      expect(preflight.headers.get('access-control-allow-origin'), foreign).toBeNull();
      const listing = await fetch(new URL(url).origin + new URL(url).pathname.split('/').slice(0, 3).join('/'), {
        headers: { origin: foreign },
      });
      expect(listing.status, foreign).toBe(403);
      expect(listing.headers.get('access-control-allow-origin'), foreign).toBeNull();
    }
  });

  it('refuses a preflight asking for other headers', async () => {
    const created = await t.graphql<{ createImageUpload: { url: string } }>(UPLOAD, { type: 'image/png' });
    const url = created.body.data?.createImageUpload.url as string;
    const preflight = await fetch(url, {
      method: 'OPTIONS',
      headers: {
        origin: origin,
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'content-type, x-sneaky',
      },
    });
    expect(preflight.status).toBe(403);
  });
});
