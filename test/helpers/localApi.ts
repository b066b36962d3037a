import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LocalApi, LocalApiOptions } from '../../local/LocalApi.ts';
import { startLocalApi } from '../../local/startLocalApi.ts';
import { type AwsCredentials, type HttpResult, type SigningTarget, signedGraphQL } from './signedFetch.ts';

/**
 * Starts the real local API in-process for an integration test: port 0, a fresh temp data directory,
 * in-memory stores unless a test needs persistence, logs captured (never printed) so a test can check
 * them for PHI. Gives signed-request helpers bound to the API's URL and region.
 */

/** A principal to write into the principals file; `allow` omitted means the server's default. */
export interface TestPrincipalSpec {
  name: string;
  allow?: string[];
}

export interface StartTestApiOptions {
  /** Reuse a data directory (restart tests); default a fresh temp directory. */
  dataDir?: string;
  /** Default true; false keeps dynalite and s3rver files in the data directory. */
  inMemory?: boolean;
  /** Write these into `<dataDir>/principals.json` and start with it; default: the generated principal. */
  principals?: TestPrincipalSpec[];
  /** Default us-east-1. */
  region?: string;
  /** Server and real-time limits (timeouts, connection caps), to reach them quickly in tests. */
  limits?: LocalApiOptions['limits'];
  /**
   * maskText inputs longer than this are queued for the worker (LocalApiOptions.syncTextLength). Default here
   * 1,000,000 (every text in the call), which the tests written before the queued path rely on (big notes masked
   * in the call); tests of the queued path lower it.
   */
  syncTextLength?: number;
}

export interface TestApi {
  api: LocalApi;
  dataDir: string;
  /** Every log line the server wrote, for PHI checks. */
  logs: string[];
  /** Credentials by principal name; without a name, the generated (or first) principal's. */
  credentials(name?: string): AwsCredentials;
  /** Where and as whom to sign: the API's URL and region with these credentials. */
  target(credentials?: AwsCredentials, signingDate?: Date): SigningTarget;
  /** A signed GraphQL POST as the named principal (default: the generated or first one). */
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    as?: string | AwsCredentials,
  ): Promise<HttpResult<T>>;
  /** Closes the API (once); the data directory stays. */
  close(): Promise<void>;
  /** Closes the API and deletes the data directory unless it was given. */
  dispose(): Promise<void>;
}

/** Key pairs shaped like AWS's, fresh per call so no test can pass on a hard-coded secret. */
export function makeCredentials(): AwsCredentials {
  return {
    accessKeyId: `AKIA${randomBytes(8).toString('hex').toUpperCase()}`,
    secretAccessKey: randomBytes(30).toString('base64'),
  };
}

export async function startTestApi(options: StartTestApiOptions = {}): Promise<TestApi> {
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'hdm-it-')));
  const region = options.region ?? 'us-east-1';
  const written = new Map<string, AwsCredentials>();
  const apiOptions: LocalApiOptions = {
    port: 0,
    host: '127.0.0.1',
    dataDir,
    inMemory: options.inMemory ?? true,
    region,
    log: () => {},
    ...(options.limits ? { limits: options.limits } : {}),
    syncTextLength: options.syncTextLength ?? 1_000_000,
  };
  if (options.principals) {
    const entries = options.principals.map((spec) => {
      const credentials = makeCredentials();
      written.set(spec.name, credentials);
      return { name: spec.name, ...credentials, ...(spec.allow ? { allow: spec.allow } : {}) };
    });
    apiOptions.principalsFile = path.join(dataDir, 'principals.json');
    await writeFile(apiOptions.principalsFile, JSON.stringify(entries, null, 2), { mode: 0o600 });
  }
  const logs: string[] = [];
  apiOptions.log = (line) => void logs.push(line);
  const api = await startLocalApi(apiOptions);

  let closing: Promise<void> | undefined;
  const close = () => (closing ??= api.close());
  const credentials = (name?: string): AwsCredentials => {
    if (name !== undefined) {
      const found = written.get(name) ?? api.principals.find((p) => p.name === name);
      if (!found) throw new Error(`test bug: no principal named ${name}`);
      return pick(found);
    }
    const principal = api.generatedPrincipal ?? api.principals[0];
    if (!principal) throw new Error('the API reports no principal');
    return pick(principal);
  };
  const target = (creds = credentials(), signingDate?: Date): SigningTarget => ({
    url: api.url,
    region: api.region,
    credentials: creds,
    ...(signingDate ? { signingDate } : {}),
  });
  return {
    api,
    dataDir,
    logs,
    credentials,
    target,
    graphql: (query, variables, as) =>
      signedGraphQL(target(typeof as === 'string' || as === undefined ? credentials(as) : as), query, variables),
    close,
    dispose: async () => {
      await close();
      if (ownDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

function pick(p: AwsCredentials): AwsCredentials {
  return {
    accessKeyId: p.accessKeyId,
    secretAccessKey: p.secretAccessKey,
    ...(p.sessionToken ? { sessionToken: p.sessionToken } : {}),
  };
}

/** The GraphQL documents the tests share (the contract's names, nothing local). */
export const Q = {
  maskText: `mutation MaskText($input: MaskTextInput!) {
    maskText(input: $input) {
      id kind status owner createdAt updatedAt maskedText findingCount
      findingCounts { type count }
      options { minScore types style }
      findings { items { id jobId type score beginOffset endOffset createdAt } nextToken }
      error { code message }
    }
  }`,
  job: `query Job($id: ID!) {
    job(id: $id) { id status owner maskedText findingCount findings { items { id type beginOffset endOffset } } }
  }`,
  jobs: `query Jobs($limit: Int, $nextToken: String) {
    jobs(limit: $limit, nextToken: $nextToken) { items { id status createdAt } nextToken }
  }`,
  findings: `query Findings($filter: FindingFilterInput, $limit: Int, $nextToken: String) {
    findings(filter: $filter, limit: $limit, nextToken: $nextToken) {
      items { id jobId type score beginOffset endOffset createdAt } nextToken
    }
  }`,
  onJobUpdated: `subscription OnJobUpdated($id: ID!) { onJobUpdated(id: $id) { id owner kind status updatedAt findingCount } }`,
  onJobsUpdated: `subscription OnJobsUpdated { onJobsUpdated { id owner kind status updatedAt findingCount } }`,
};

/** Synthetic notes: invented people, 555 numbers. */
export const NOTE = 'Pt Marla Quenby, 67 y/o, seen 03/14/2023 by Dr. Ohanian. Call 617-555-0143.';
export const NOTE_PHI = ['Marla', 'Quenby', '03/14/2023', 'Ohanian', '617-555-0143'];
/** Which of NOTE_PHI occur in `text`, by index only, so a failing assertion does not print them. */
export function leakedPhi(text: string): string[] {
  return NOTE_PHI.flatMap((phi, i) => (text.includes(phi) ? [`NOTE_PHI[${i}]`] : []));
}
export const OTHER_NOTE = 'Patient Tobias Wrenfield, DOB 07/22/1961, phone 508-555-0199, seen by Dr. Anselm Vry.';

/** The job fields the maskText document selects. */
export interface MaskedJob {
  id: string;
  kind: string;
  status: string;
  owner: string;
  createdAt: string;
  maskedText: string | null;
  findingCount: number | null;
  findingCounts: { type: string; count: number }[] | null;
  findings: { items: FindingItem[]; nextToken: string | null };
}

export interface FindingItem {
  id: string;
  jobId: string;
  type: string;
  score: number;
  beginOffset: number | null;
  endOffset: number | null;
}

/** maskText through a signed POST; throws with the error types when the call did not return a job. */
export async function maskText(
  t: TestApi,
  text: string,
  as?: string | AwsCredentials,
  extra: Record<string, unknown> = {},
): Promise<MaskedJob> {
  const result = await t.graphql<{ maskText: MaskedJob }>(Q.maskText, { input: { text, ...extra } }, as);
  const job = result.body.data?.maskText;
  if (result.status !== 200 || !job) {
    throw new Error(
      `maskText failed: HTTP ${result.status}, errorTypes ${JSON.stringify(result.body.errors?.map((e) => e.errorType ?? e.message))}`,
    );
  }
  return job;
}
