import { afterEach, describe, expect, it, vi } from 'vitest';
import { PowertoolsJobMetrics } from '../../../../src/adapters/aws/PowertoolsJobMetrics.ts';
import { POWERTOOLS_NAMES } from '../../../../src/adapters/aws/powertoolsNames.ts';
import { withJobMetrics } from '../../../../src/core/JobMetrics.ts';
import { maskTextJob } from '../../../../src/core/maskTextJob.ts';
import { inMemoryJobServices } from '../../../helpers/jobServices.ts';

afterEach(() => vi.restoreAllMocks());

interface Emf {
  _aws: {
    Timestamp: number;
    CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string; Unit: string }[] }[];
  };
  [key: string]: unknown;
}

/** The EMF lines Powertools Metrics writes on stdout. */
function emfLines(): () => Emf[] {
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  return () =>
    out.mock.calls.map(([chunk]) => JSON.parse(String(chunk)) as Emf).filter((line) => line._aws !== undefined);
}

/** Each EMF line as { metric, dimensions (name → value), value }. */
function metricsOf(lines: Emf[]) {
  return lines.flatMap((line) =>
    line._aws.CloudWatchMetrics.flatMap((directive) =>
      directive.Metrics.map((metric) => ({
        namespace: directive.Namespace,
        metric: metric.Name,
        unit: metric.Unit,
        dimensionSets: directive.Dimensions.map((names) => Object.fromEntries(names.map((name) => [name, line[name]]))),
        value: line[metric.Name],
      })),
    ),
  );
}

describe('PowertoolsJobMetrics (JobMetrics as EMF through Powertools Metrics)', () => {
  it("writes nothing until flushed, then one line per kind and status and one per finding type, with exactly the alarms' dimensions", () => {
    const read = emfLines();
    const metrics = new PowertoolsJobMetrics();
    metrics.jobFinished('TEXT', 'SUCCEEDED', [
      { type: 'NAME', count: 2 },
      { type: 'PHONE_OR_FAX', count: 1 },
    ]);
    metrics.jobFinished('TEXT', 'SUCCEEDED', [
      { type: 'NAME', count: 3 },
      { type: 'DATE', count: 0 },
    ]);
    metrics.jobFinished('IMAGE', 'FAILED', []);
    expect(read()).toEqual([]);
    metrics.flush();
    const written = metricsOf(read());
    const { namespace, service, jobsMetric, findingsMetric } = POWERTOOLS_NAMES;
    expect(written).toEqual(
      expect.arrayContaining([
        {
          namespace,
          metric: jobsMetric,
          unit: 'Count',
          dimensionSets: [{ service, kind: 'TEXT', status: 'SUCCEEDED' }],
          value: 2,
        },
        {
          namespace,
          metric: jobsMetric,
          unit: 'Count',
          dimensionSets: [{ service, kind: 'IMAGE', status: 'FAILED' }],
          value: 1,
        },
        { namespace, metric: findingsMetric, unit: 'Count', dimensionSets: [{ service, type: 'NAME' }], value: 5 },
        {
          namespace,
          metric: findingsMetric,
          unit: 'Count',
          dimensionSets: [{ service, type: 'PHONE_OR_FAX' }],
          value: 1,
        },
      ]),
    );
    expect(written).toHaveLength(4);
    metrics.flush();
    expect(metricsOf(read())).toHaveLength(4); // the counts were forgotten: nothing new
  });

  it('counts each job that ends once, through the store, with no id, owner or text in any line', async () => {
    const read = emfLines();
    const metrics = new PowertoolsJobMetrics();
    const { services } = inMemoryJobServices();
    services.jobs = withJobMetrics(services.jobs, metrics);
    const text = 'Patient Marla Quenby, call 555-867-5309.';
    const done = await maskTextJob(
      services,
      { owner: 'arn:aws:iam::000000000000:user/alice' },
      { text, clientToken: 'tok-1' },
    );
    await maskTextJob(services, { owner: 'arn:aws:iam::000000000000:user/alice' }, { text, clientToken: 'tok-1' }); // a retry: no new job
    const failing = inMemoryJobServices({
      detector: {
        detect: async () => {
          throw new Error('down');
        },
      },
    }).services;
    failing.jobs = withJobMetrics(failing.jobs, metrics);
    await maskTextJob(failing, { owner: 'arn:aws:iam::000000000000:user/bob' }, { text });
    metrics.flush();
    const lines = read();
    const written = metricsOf(lines);
    expect(written.filter((m) => m.metric === 'Jobs')).toEqual([
      expect.objectContaining({
        dimensionSets: [expect.objectContaining({ kind: 'TEXT', status: 'SUCCEEDED' })],
        value: 1,
      }),
      expect.objectContaining({
        dimensionSets: [expect.objectContaining({ kind: 'TEXT', status: 'FAILED' })],
        value: 1,
      }),
    ]);
    const findings = written.filter((m) => m.metric === 'Findings').reduce((sum, m) => sum + Number(m.value), 0);
    expect(findings).toBe(done.findingCount);
    const raw = JSON.stringify(lines);
    for (const secret of ['Quenby', '555-867-5309', done.id, 'alice', 'bob', 'tok-1'])
      expect(raw).not.toContain(secret);
  });

  it('leaves every other store call, including ones it does not know, to the store', async () => {
    const { services } = inMemoryJobServices();
    const store = services.jobs;
    const metered = withJobMetrics(store, { jobFinished: () => {} });
    const job = await maskTextJob({ ...services, jobs: metered }, { owner: 'o' }, { text: 'Marla Quenby' });
    expect(await metered.getJob(job.id)).toEqual(await store.getJob(job.id));
    const methods = Object.getOwnPropertyNames(Object.getPrototypeOf(store)).filter((name) => name !== 'constructor');
    expect(methods.length).toBeGreaterThan(6);
    for (const name of methods)
      expect(typeof (metered as unknown as Record<string, unknown>)[name], name).toBe('function');
  });
});
