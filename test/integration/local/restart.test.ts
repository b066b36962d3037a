import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { type FindingItem, maskText, NOTE, Q, startTestApi, type TestApi } from '../../helpers/localApi.ts';
import { signedGraphQL } from '../../helpers/signedFetch.ts';

// Persistence: dynalite on disk under the data directory, and the generated key pair kept there too.

let dataDir: string | undefined;
const running: TestApi[] = [];

afterAll(async () => {
  for (const api of running) await api.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

it('a job and its findings written before a restart are queryable after it, with the same credentials', async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'hdm-it-restart-'));
  const before = await startTestApi({ dataDir, inMemory: false });
  running.push(before);
  const credentials = before.credentials();
  expect(before.api.generatedPrincipal?.accessKeyId).toBe(credentials.accessKeyId);
  const job = await maskText(before, NOTE);
  await before.close();

  const after = await startTestApi({ dataDir, inMemory: false });
  running.push(after);
  expect(after.api.principals.map((p) => p.accessKeyId)).toContain(credentials.accessKeyId);
  const target = after.target(credentials);

  const read = await signedGraphQL<{
    job: { id: string; status: string; maskedText: string; findingCount: number } | null;
  }>(target, Q.job, { id: job.id });
  expect(read.body.errors).toBeUndefined();
  expect(read.body.data?.job).toMatchObject({
    id: job.id,
    status: 'SUCCEEDED',
    maskedText: job.maskedText,
    findingCount: job.findingCount,
  });

  const findings = await signedGraphQL<{ findings: { items: FindingItem[] } }>(target, Q.findings, {
    filter: { jobId: job.id },
  });
  const offsets = (items: FindingItem[]) => items.map((f) => [f.type, f.beginOffset, f.endOffset]).sort();
  expect(offsets(findings.body.data?.findings.items ?? [])).toEqual(offsets(job.findings.items));

  const jobs = await signedGraphQL<{ jobs: { items: { id: string }[] } }>(target, Q.jobs, {});
  expect(jobs.body.data?.jobs.items.map((j) => j.id)).toContain(job.id);
});
