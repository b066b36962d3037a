import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppSyncRealtimeClient, type RealtimeMessage } from '../../helpers/appsyncRealtimeClient.ts';
import { loadConfig } from '../../../src/config.ts';
import { type FindingItem, Q, startTestApi, type TestApi } from '../../helpers/localApi.ts';
import { type AwsCredentials, signRequest } from '../../helpers/signedFetch.ts';

// DESIGN.md: "No PHI in logs, error messages, metrics or findings; a test feeds PHI-bearing input through
// every failure path and asserts none of it appears." Every response body and every server log line is
// searched for each PHI fragment of a synthetic note; a leak is reported by the fragment's index, never
// by its text, so a failing run does not print the PHI it caught.

/** Synthetic: an invented patient, a 555 number, example.org, a made-up street and town. */
const PHI_NOTE =
  'Patient Marla Quenby, MRN 48213907, lives at 1427 Larkspur Lane, Bellhaven, MA 02139. ' +
  'Phone 617-555-0143, e-mail marla.quenby@example.org. Seen 03/14/2023 by Dr. Ohanian.';
const PHI = [
  'Marla',
  'Quenby',
  '48213907',
  'Larkspur',
  'Bellhaven',
  '617-555-0143',
  'marla.quenby@example.org',
  '03/14/2023',
  'Ohanian',
];
const NAME = 'Marla Quenby';

/** Which PHI fragments occur in `text` (any case), by index only. */
function leaks(text: string): string[] {
  const lower = text.toLowerCase();
  return PHI.flatMap((phi, i) => (lower.includes(phi.toLowerCase()) ? [`PHI[${i}]`] : []));
}

let t: TestApi;

beforeAll(async () => {
  t = await startTestApi({
    principals: [{ name: 'alice' }, { name: 'reader', allow: ['Query.*', 'Subscription.*'] }],
  });
});
afterAll(async () => t?.dispose());

/** A response as received: status and the body's text, parsed when it is JSON. */
interface Exchange {
  status: number;
  text: string;
  json?: { data?: Record<string, unknown> | null; errors?: { errorType?: string; message?: string }[] };
}

async function post(headers: Record<string, string>, body: string): Promise<Exchange> {
  const response = await fetch(t.api.url, { method: 'POST', headers, body });
  const text = await response.text();
  let json: Exchange['json'];
  try {
    json = JSON.parse(text) as Exchange['json'];
  } catch {
    json = undefined;
  }
  return { status: response.status, text, ...(json ? { json } : {}) };
}

/** Signs `body` as it is sent (or signs `signedBody` and sends `body`, to tamper). */
async function signedPost(body: string, options: { as?: AwsCredentials; signedBody?: string } = {}): Promise<Exchange> {
  const signed = await signRequest({
    ...t.target(options.as ?? t.credentials('alice')),
    body: options.signedBody ?? body,
  });
  const { host: _host, ...headers } = signed.headers;
  return post(headers, body);
}

const gql = (query: string, variables?: Record<string, unknown>, as?: AwsCredentials) =>
  signedPost(JSON.stringify(variables ? { query, variables } : { query }), as ? { as } : {});

const MASK = `mutation M($input: MaskTextInput!) { maskText(input: $input) { id status maskedText error { code message } } }`;
const maskWith = (input: Record<string, unknown>) => gql(MASK, { input: { text: PHI_NOTE, ...input } });

/**
 * Runs one failure path: the responses it gives and the log lines written meanwhile must hold no PHI.
 * Each path must also log at least one request, so a path that silently skipped the server cannot pass.
 */
async function noPhiThrough(run: () => Promise<Exchange[]>): Promise<Exchange[]> {
  const from = t.logs.length;
  const exchanges = await run();
  const lines = t.logs.slice(from);
  expect(lines.filter((l) => l.includes('"graphql.request"')).length).toBeGreaterThanOrEqual(exchanges.length);
  exchanges.forEach((exchange, i) =>
    expect({ response: i, leaks: leaks(exchange.text) }).toEqual({ response: i, leaks: [] }),
  );
  lines.forEach((line, i) => expect({ logLine: i, leaks: leaks(line) }).toEqual({ logLine: i, leaks: [] }));
  return exchanges;
}

const errorTypeOf = (e: Exchange) => e.json?.errors?.[0]?.errorType;
const messageOf = (e: Exchange) => e.json?.errors?.[0]?.message ?? '';

describe('PHI never comes back in an error or a log line', () => {
  it('invalid mask options with the note as text: INVALID_INPUT, no job', async () => {
    const jobCount = async () =>
      ((await gql(Q.jobs, { limit: 100 })).json?.data?.jobs as { items: unknown[] }).items.length;
    const before = await jobCount();
    const [minScore, maskCharacter, blankDeny, longDeny] = await noPhiThrough(async () => [
      await maskWith({ options: { minScore: 5 } }),
      await maskWith({ options: { style: 'CHARACTER', maskCharacter: 'MQ' } }),
      await maskWith({ options: { denyList: [NAME, '   '] } }),
      await maskWith({ options: { denyList: [PHI_NOTE.repeat(2)] } }),
    ]);
    for (const e of [minScore, maskCharacter, blankDeny, longDeny]) {
      expect({ status: e!.status, errorType: errorTypeOf(e!), data: e!.json?.data }).toEqual({
        status: 200,
        errorType: 'INVALID_INPUT',
        data: null,
      });
    }
    expect(await jobCount()).toBe(before);
  });

  it('a style or type that is not in its enum, as a literal and as a variable: validation errors', async () => {
    const [style, type, styleVariable, typeVariable] = await noPhiThrough(async () => [
      await gql(
        `mutation { maskText(input: { text: ${JSON.stringify(PHI_NOTE)}, options: { style: Quenby } }) { id } }`,
      ),
      await gql(`query { findings(filter: { type: Ohanian }) { items { id } } }`),
      await maskWith({ options: { style: NAME } }),
      await maskWith({ options: { types: ['NAME', 'Ohanian'] } }),
    ]);
    for (const e of [style, type]) expect(messageOf(e!)).toMatch(/^Validation error of type /);
    for (const e of [styleVariable, typeVariable])
      expect(messageOf(e!)).toMatch(/^Variable "\$input" got invalid value/);
  });

  it('PHI in a clientToken (spaces make it invalid): INVALID_INPUT', async () => {
    const [e] = await noPhiThrough(async () => [await maskWith({ clientToken: `${NAME} 617-555-0143` })]);
    expect(errorTypeOf(e!)).toBe('INVALID_INPUT');
  });

  it('PHI as a literal of the wrong type: graphql-js quotes it, the server cuts it out', async () => {
    const exchanges = await noPhiThrough(async () => [
      await gql(`mutation { maskText(input: { text: "x", options: { minScore: ${JSON.stringify(NAME)} } }) { id } }`),
      await gql(`mutation { maskText(input: { text: { note: ${JSON.stringify(PHI_NOTE)} } }) { id } }`),
      await gql(`query { jobs(limit: ${JSON.stringify(NAME)}) { items { id } } }`),
      await gql(`query { jobs(filter: { createdAfter: ${JSON.stringify(PHI_NOTE)} }) { items { id } } }`),
    ]);
    for (const e of exchanges)
      expect({ status: e.status, message: messageOf(e) }).toMatchObject({
        status: 200,
        message: expect.stringMatching(/^Validation error of type /),
      });
  });

  it('PHI as a variable of the wrong type: coercion messages arrive without the value', async () => {
    const exchanges = await noPhiThrough(async () => [
      await maskWith({ options: { minScore: NAME } }),
      await gql(MASK, { input: { text: { note: PHI_NOTE } } }),
      await gql(Q.jobs, { limit: PHI_NOTE }),
      await gql(Q.findings, { filter: { createdAfter: PHI_NOTE } }),
      await gql(Q.job, { id: { name: NAME, phone: '617-555-0143' } }),
    ]);
    for (const e of exchanges) {
      expect({ status: e.status, data: e.json?.data, message: messageOf(e) }).toEqual({
        status: 200,
        data: null,
        message: expect.stringMatching(/^Variable "\$\w+" got invalid value/),
      });
    }
  });

  it('PHI in the argument of an unknown field and of an unknown argument', async () => {
    const exchanges = await noPhiThrough(async () => [
      await gql(`query { job(id: "x") { id notes(containing: ${JSON.stringify(PHI_NOTE)}) } }`),
      await gql(`mutation { maskText(input: { text: "x" }, patient: ${JSON.stringify(NAME)}) { id } }`),
    ]);
    expect(messageOf(exchanges[0]!)).toMatch(/^Validation error of type FieldUndefined: /);
    expect(messageOf(exchanges[1]!)).toMatch(/^Validation error of type UnknownArgument: /);
  });

  it('PHI in a query with a syntax error: graphql-js quotes the offending token, the server must not', async () => {
    const exchanges = await noPhiThrough(async () => [
      // "Unexpected Name", "Expected Name, found String": the token's text follows in quotes.
      await gql(`query { job(id: "x") { id } } Quenby`),
      await gql(`query { job ${JSON.stringify(PHI_NOTE)} }`),
      await gql(`mutation { maskText(input: { text: ${JSON.stringify(PHI_NOTE)} }) { id }`),
      // A note pasted where the query goes.
      await gql(PHI_NOTE.replace(/^Patient /, '')),
    ]);
    for (const e of exchanges) expect(messageOf(e)).toMatch(/^Validation error of type InvalidSyntax: /);
  });

  it('text over 1,000,000 characters built from the note: PAYLOAD_TOO_LARGE', async () => {
    const text = PHI_NOTE.repeat(Math.ceil(1_000_001 / PHI_NOTE.length));
    const [e] = await noPhiThrough(async () => [await gql(MASK, { input: { text } })]);
    expect({ status: e!.status, errorType: errorTypeOf(e!) }).toEqual({ status: 200, errorType: 'PAYLOAD_TOO_LARGE' });
  });

  it('a signed request body over the 6 MiB limit: 413 PAYLOAD_TOO_LARGE', async () => {
    const text = PHI_NOTE.repeat(Math.ceil((6.5 * 1024 * 1024) / PHI_NOTE.length));
    const [e] = await noPhiThrough(async () => [await gql(MASK, { input: { text } })]);
    expect({ status: e!.status, errorType: errorTypeOf(e!) }).toEqual({ status: 413, errorType: 'PAYLOAD_TOO_LARGE' });
  });

  it('a signed body that is not JSON: 400 MalformedHttpRequestException', async () => {
    const [e] = await noPhiThrough(async () => [
      await signedPost(`{"query": "mutation { maskText(input: {text: \\"${PHI_NOTE}`),
    ]);
    expect({ status: e!.status, errorType: errorTypeOf(e!) }).toEqual({
      status: 400,
      errorType: 'MalformedHttpRequestException',
    });
  });

  it('an unsigned request and a body changed after signing: 401 and 403', async () => {
    const body = JSON.stringify({ query: MASK, variables: { input: { text: PHI_NOTE } } });
    const [unsigned, tampered] = await noPhiThrough(async () => [
      await post({ 'content-type': 'application/json' }, body),
      await signedPost(body, {
        signedBody: JSON.stringify({ query: MASK, variables: { input: { text: 'nothing here' } } }),
      }),
    ]);
    expect([unsigned, tampered].map((e) => [e!.status, errorTypeOf(e!)])).toEqual([
      [401, 'UnauthorizedException'],
      [403, 'InvalidSignatureException'],
    ]);
  });

  it('a principal without Mutation.maskText sending the note: Unauthorized', async () => {
    const [e] = await noPhiThrough(async () => [
      await gql(MASK, { input: { text: PHI_NOTE } }, t.credentials('reader')),
    ]);
    expect(errorTypeOf(e!)).toBe('Unauthorized');
  });

  it('maskImage with the note as base64 garbage, as a non-image, and in s3 keys', async () => {
    const MASK_IMAGE = `mutation I($input: MaskImageInput!) { maskImage(input: $input) { id status owner options { style } error { code message } } }`;
    const { bucket } = loadConfig();
    const [garbage, notImage, ...objects] = await noPhiThrough(async () => [
      await gql(MASK_IMAGE, { input: { base64: PHI_NOTE } }),
      await gql(MASK_IMAGE, { input: { base64: Buffer.from(PHI_NOTE).toString('base64') } }),
      await gql(MASK_IMAGE, { input: { s3: { bucket, key: `scans/${PHI_NOTE}.png` } } }),
      await gql(MASK_IMAGE, {
        input: { s3: { bucket: NAME.toLowerCase().replace(' ', '-'), key: `uploads/${NAME}.png` } },
      }),
      await gql(MASK_IMAGE, { input: { s3: { bucket, key: `uploads/${NAME} 617-555-0143.png` } } }),
    ]);
    expect([garbage, notImage].map((e) => errorTypeOf(e!))).toEqual(['INVALID_INPUT', 'UNSUPPORTED_IMAGE']);
    // Keys that are not the caller's uploads are refused (the exact rule is the images issue's); none is echoed.
    const [outside, wrongBucket, unknownUpload] = objects;
    for (const e of [outside, wrongBucket]) expect(['INVALID_INPUT', 'UNAUTHORIZED']).toContain(errorTypeOf(e!));
    const job = unknownUpload!.json?.data?.maskImage as { status?: string } | null | undefined;
    expect(job ? job.status : errorTypeOf(unknownUpload!)).toMatch(/^(QUEUED|INVALID_INPUT|UNAUTHORIZED)$/);
  });

  it('job(id: <PHI>) and findings(filter: {jobId: <PHI>}): nothing found, nothing echoed', async () => {
    const [job, longId, findings, longJobId] = await noPhiThrough(async () => [
      await gql(Q.job, { id: `${NAME} 617-555-0143` }),
      await gql(Q.job, { id: PHI_NOTE }),
      await gql(Q.findings, { filter: { jobId: `${NAME} 617-555-0143` } }),
      await gql(Q.findings, { filter: { jobId: PHI_NOTE } }),
    ]);
    expect(job!.json).toEqual({ data: { job: null } });
    expect(findings!.json?.data?.findings).toEqual({ items: [], nextToken: null });
    // Over 128 characters: refused by rule, and the rule is all the message says.
    expect([longId, longJobId].map((e) => errorTypeOf(e!))).toEqual(['INVALID_INPUT', 'INVALID_INPUT']);
  });
});

describe('PHI in real-time starts that are refused', () => {
  it('errors for each refused start carry no PHI, and nothing is logged with it', async () => {
    const from = t.logs.length;
    const rt = await AppSyncRealtimeClient.connect({
      realtimeUrl: t.api.realtimeUrl,
      graphqlUrl: t.api.url,
      region: t.api.region,
      credentials: t.credentials('alice'),
    });
    let messages: RealtimeMessage[];
    try {
      await rt.waitFor('connection_ack', (m) => m.type === 'connection_ack');
      const starts: [string, string, Record<string, unknown> | undefined][] = [
        [
          'not-mine',
          `subscription S($id: ID!) { onJobUpdated(id: $id) { id status } }`,
          { id: `${NAME} 617-555-0143` },
        ],
        ['wrong-type', `subscription S($id: ID!) { onJobUpdated(id: $id) { id status } }`, { id: { note: PHI_NOTE } }],
        ['literal', `subscription { onJobUpdated(id: { note: ${JSON.stringify(PHI_NOTE)} }) { id } }`, undefined],
        ['syntax', `subscription { onJobsUpdated { id } } Quenby`, { note: PHI_NOTE }],
        ['name-as-id', `subscription { onJobUpdated(id: Ohanian) { id } }`, undefined],
      ];
      for (const [id, query, variables] of starts) await rt.start(id, query, variables);
      for (const [id] of starts) {
        const reply = await rt.waitFor(
          `a reply to ${id}`,
          (m) => m.id === id && ['error', 'start_ack'].includes(m.type),
        );
        expect({ id, type: reply.type }).toEqual({ id, type: 'error' });
      }
      messages = [...rt.messages];
    } finally {
      await rt.close();
    }
    messages.forEach((m, i) => expect({ frame: i, leaks: leaks(JSON.stringify(m)) }).toEqual({ frame: i, leaks: [] }));
    t.logs
      .slice(from)
      .forEach((line, i) => expect({ logLine: i, leaks: leaks(line) }).toEqual({ logLine: i, leaks: [] }));
  });
});

describe('the successful path', () => {
  it('maskedText, the stored job and its findings hold no PHI; the log lines neither', async () => {
    const from = t.logs.length;
    const masked = await maskWith({});
    const job = masked.json?.data?.maskText as { id: string; status: string; maskedText: string } | undefined;
    expect(job?.status).toBe('SUCCEEDED');
    expect(leaks(job?.maskedText ?? PHI_NOTE)).toEqual([]);

    const read = await gql(
      `query J($id: ID!) {
      job(id: $id) {
        id kind status owner createdAt updatedAt maskedText findingCount
        options { minScore types style maskCharacter replacement allowList denyList }
        findingCounts { type count } error { code message }
        findings { items { id jobId type score beginOffset endOffset boundingBox { left top width height } createdAt } nextToken }
      }
    }`,
      { id: job?.id },
    );
    const stored = read.json?.data?.job as { id: string; maskedText: string; findingCount: number } | undefined;
    expect(stored).toMatchObject({ id: job?.id, maskedText: job?.maskedText });

    // The findings locate every fragment by offsets alone (so the check below is not vacuous).
    const findings = await gql(Q.findings, { filter: { jobId: job?.id } });
    const items = (findings.json?.data?.findings as { items: FindingItem[] } | undefined)?.items ?? [];
    expect(items).toHaveLength(stored?.findingCount ?? -1);
    PHI.forEach((phi, i) => {
      const begin = PHI_NOTE.indexOf(phi);
      const covered = items.some(
        (f) => (f.beginOffset ?? Infinity) <= begin && (f.endOffset ?? -1) >= begin + phi.length,
      );
      expect({ fragment: i, covered }).toEqual({ fragment: i, covered: true });
    });
    for (const [what, text] of [
      ['maskText', masked.text],
      ['job', read.text],
      ['findings', findings.text],
    ] as const) {
      expect({ what, leaks: leaks(text) }).toEqual({ what, leaks: [] });
    }
    const lines = t.logs.slice(from);
    expect(lines.length).toBeGreaterThanOrEqual(3);
    lines.forEach((line, i) => expect({ logLine: i, leaks: leaks(line) }).toEqual({ logLine: i, leaks: [] }));
  });

  it('no log line the server wrote in this file holds PHI', () => {
    expect(t.logs.length).toBeGreaterThan(20);
    t.logs.forEach((line, i) => expect({ logLine: i, leaks: leaks(line) }).toEqual({ logLine: i, leaks: [] }));
  });
});
