import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type FindingItem,
  leakedPhi,
  maskText,
  type MaskedJob,
  NOTE,
  NOTE_PHI,
  OTHER_NOTE,
  Q,
  startTestApi,
  type TestApi,
} from '../../helpers/localApi.ts';

// The local API over real HTTP, every request signed by @smithy/signature-v4 (the AWS SDK's signer).

let t: TestApi;
let first: MaskedJob;

beforeAll(async () => {
  t = await startTestApi();
  first = await maskText(t, NOTE);
});
afterAll(async () => t?.dispose());

const noPhiIn = leakedPhi;

async function listAllJobIds(): Promise<string[]> {
  const result = await t.graphql<{ jobs: { items: { id: string }[] } }>(Q.jobs, { limit: 100 });
  return result.body.data?.jobs.items.map((j) => j.id) ?? [];
}

describe('maskText, job, findings, jobs over signed HTTP', () => {
  it('masks a note: SUCCEEDED, no names, date or phone left, findings counted', () => {
    expect(first.status).toBe('SUCCEEDED');
    expect(first.kind).toBe('TEXT');
    expect(first.owner).toMatch(/^arn:aws:iam::\d{12}:user\//);
    expect(first.maskedText).toBeTypeOf('string');
    expect(noPhiIn(first.maskedText ?? NOTE)).toEqual([]);
    expect(first.findingCount).toBeGreaterThan(0);
    const counts = Object.fromEntries((first.findingCounts ?? []).map((c) => [c.type, c.count]));
    expect(counts).toMatchObject({
      NAME: expect.any(Number),
      DATE: expect.any(Number),
      PHONE_OR_FAX: expect.any(Number),
    });
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(first.findingCount);
    expect(first.findings.items).toHaveLength(first.findingCount ?? -1);
  });

  it('never writes the note into its logs', () => {
    expect(t.logs.length).toBeGreaterThan(0);
    expect(noPhiIn(t.logs.join('\n'))).toEqual([]);
  });

  it('job(id) returns the finished job', async () => {
    const result = await t.graphql<{
      job: { id: string; status: string; maskedText: string; findingCount: number } | null;
    }>(Q.job, { id: first.id });
    expect(result.status).toBe(200);
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data?.job).toMatchObject({
      id: first.id,
      status: 'SUCCEEDED',
      maskedText: first.maskedText,
      findingCount: first.findingCount,
    });
  });

  it("findings(filter: {jobId}) lists the job's findings by offsets, never their text", async () => {
    const result = await t.graphql<{ findings: { items: FindingItem[] } }>(Q.findings, { filter: { jobId: first.id } });
    expect(result.body.errors).toBeUndefined();
    const items = result.body.data?.findings.items ?? [];
    expect(items).toHaveLength(first.findingCount ?? -1);
    for (const f of items) {
      expect(f.jobId).toBe(first.id);
      expect(f.beginOffset).toBeGreaterThanOrEqual(0);
      expect(f.endOffset).toBeGreaterThan(f.beginOffset ?? Infinity);
      expect(f.endOffset).toBeLessThanOrEqual(NOTE.length);
    }
    // Every PHI span of the note is covered by some finding's offsets.
    NOTE_PHI.forEach((phi, i) => {
      const at = NOTE.indexOf(phi);
      expect(
        items.some((f) => (f.beginOffset ?? Infinity) <= at && at + phi.length <= (f.endOffset ?? -1)),
        `NOTE_PHI[${i}] covered`,
      ).toBe(true);
    });
    expect(noPhiIn(JSON.stringify(result.body))).toEqual([]);
    const withText = await t.graphql(`query { findings { items { id text } } }`);
    expect(withText.body.errors?.[0]?.message).toMatch(/^Validation error of type FieldUndefined: /);
  });

  it("findings(filter: {type: NAME}) returns only names, this job's among them", async () => {
    const result = await t.graphql<{ findings: { items: FindingItem[] } }>(Q.findings, {
      filter: { type: 'NAME' },
      limit: 100,
    });
    expect(result.body.errors).toBeUndefined();
    const items = result.body.data?.findings.items ?? [];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((f) => f.type === 'NAME')).toBe(true);
    expect(items.filter((f) => f.jobId === first.id)).toHaveLength(
      first.findingCounts?.find((c) => c.type === 'NAME')?.count ?? -1,
    );
  });

  it('jobs lists newest first and pages with nextToken', async () => {
    const made: string[] = [];
    for (const note of [OTHER_NOTE, NOTE, OTHER_NOTE]) made.push((await maskText(t, note)).id);
    const seen: { id: string; createdAt: string }[] = [];
    let nextToken: string | null = null;
    let pages = 0;
    do {
      const result: Awaited<
        ReturnType<typeof t.graphql<{ jobs: { items: { id: string; createdAt: string }[]; nextToken: string | null } }>>
      > = await t.graphql(Q.jobs, { limit: 2, nextToken });
      expect(result.body.errors).toBeUndefined();
      const page = result.body.data?.jobs;
      if (!page) throw new Error('no jobs page');
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items);
      nextToken = page.nextToken;
      pages++;
    } while (nextToken && pages < 20);
    expect(pages).toBeGreaterThan(1);
    expect(new Set(seen.map((j) => j.id)).size).toBe(seen.length);
    expect(seen.map((j) => j.id).slice(0, 3)).toEqual([...made].reverse());
    expect(seen.map((j) => j.id)).toContain(first.id);
    const times = seen.map((j) => j.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('a retry with the same clientToken returns the same job; another token makes a new one', async () => {
    const a = await maskText(t, OTHER_NOTE, undefined, { clientToken: 'retry-token-0001' });
    const again = await maskText(t, OTHER_NOTE, undefined, { clientToken: 'retry-token-0001' });
    const other = await maskText(t, OTHER_NOTE, undefined, { clientToken: 'retry-token-0002' });
    expect(again.id).toBe(a.id);
    expect(again.maskedText).toBe(a.maskedText);
    expect(other.id).not.toBe(a.id);
  });
});

describe('bad input', () => {
  it.each([
    { name: 'minScore 2', input: { text: NOTE, options: { minScore: 2 } }, errorType: 'INVALID_INPUT' },
    {
      name: 'text over 1,000,000 characters',
      input: { text: `${NOTE} ${'x'.repeat(1_000_000)}` },
      errorType: 'PAYLOAD_TOO_LARGE',
    },
    {
      name: 'a clientToken with spaces',
      input: { text: NOTE, clientToken: 'not a valid token' },
      errorType: 'INVALID_INPUT',
    },
    {
      name: 'a clientToken of 65 characters',
      input: { text: NOTE, clientToken: 'k'.repeat(65) },
      errorType: 'INVALID_INPUT',
    },
  ])(
    '$name: a GraphQL error with errorType $errorType, no PHI in it, nothing written',
    async ({ input, errorType }) => {
      const before = await listAllJobIds();
      const result = await t.graphql<{ maskText: MaskedJob | null }>(Q.maskText, { input });
      expect(result.body.errors?.[0]?.errorType).toBe(errorType);
      expect(result.body.data?.maskText ?? null).toBeNull();
      expect(noPhiIn(JSON.stringify(result.body))).toEqual([]);
      expect(await listAllJobIds()).toEqual(before);
    },
  );

  it("an unknown field gets AppSync's validation error: no data, no errorType, null path, locations", async () => {
    const result = await t.graphql(`query {\n  jobs { items { id bogusField } }\n}`);
    expect(result.body.data ?? null).toBeNull();
    const [error, ...rest] = result.body.errors ?? [];
    expect(rest).toEqual([]);
    expect(error?.errorType).toBeUndefined();
    expect(error?.path).toBeNull();
    expect(error?.message).toMatch(/^Validation error of type FieldUndefined: .*bogusField/);
    expect(error?.locations).toEqual([{ line: 2, column: expect.any(Number), sourceName: null }]);
  });

  it('names the undefined field and its path as AppSync (graphql-java) does', async () => {
    // AppSync: "Field '_deleted' in type 'Post' is undefined @ 'onCreatePost/_deleted'" (aws-amplify/amplify-android#1822).
    const result = await t.graphql(`query { jobs { items { id bogusField } } }`);
    expect(result.body.errors?.[0]?.message).toBe(
      "Validation error of type FieldUndefined: Field 'bogusField' in type 'Job' is undefined @ 'jobs/items/bogusField'",
    );
  });
});
