import { describe, expect, it } from 'vitest';
import { InvalidInputError, PayloadTooLargeError } from '../../../src/core/errors.ts';
import { maskTextJob, withMaskedText } from '../../../src/core/maskTextJob.ts';
import { countingDetector, fakeDetector, inMemoryJobServices } from '../../helpers/jobServices.ts';

const NOTE = 'Pt Marla Quenby, 67 y/o, seen 03/14/2023 by Dr. Ohanian. Call 617-555-0143.';
const alice = { owner: 'arn:aws:iam::000000000000:user/alice' };
const bob = { owner: 'arn:aws:iam::000000000000:user/bob' };

describe('maskTextJob', () => {
  it('masks within the call, records findings without PHI text, and publishes RUNNING then SUCCEEDED', async () => {
    const { services, published } = inMemoryJobServices();
    const job = await maskTextJob(services, alice, { text: NOTE });
    expect(job).toMatchObject({ kind: 'TEXT', status: 'SUCCEEDED', owner: alice.owner });
    for (const phi of ['Marla', 'Quenby', '03/14/2023', 'Ohanian', '617-555-0143'])
      expect(job.maskedText).not.toContain(phi);
    expect(published.map((u) => u.status)).toEqual(['RUNNING', 'SUCCEEDED']);
    const findings = await services.jobs.listJobFindings(job.id, 100);
    expect(findings.items.length).toBe(job.findingCount);
    expect(job.findingCounts?.reduce((sum, c) => sum + c.count, 0)).toBe(job.findingCount);
    for (const finding of findings.items) {
      expect(Object.keys(finding)).not.toContain('text');
      expect(JSON.stringify(finding)).not.toMatch(/Marla|Quenby|Ohanian|617/);
    }
    expect(JSON.stringify(await services.jobs.getJob(job.id))).not.toMatch(/Marla|Quenby|Ohanian/);
  });

  it('has every finding stored by the time SUCCEEDED is published', async () => {
    const { services } = inMemoryJobServices();
    const seen: number[] = [];
    services.events = {
      publish: async (update) => {
        if (update.status === 'SUCCEEDED')
          seen.push((await services.jobs.listJobFindings(update.id, 100)).items.length, update.findingCount ?? -1);
      },
    };
    await maskTextJob(services, alice, { text: NOTE });
    expect(seen[0]).toBeGreaterThan(0);
    expect(seen[0]).toBe(seen[1]);
  });

  it('returns the first job for a retried clientToken and masks only once', async () => {
    const detector = countingDetector();
    const { services } = inMemoryJobServices({ detector });
    const first = await maskTextJob(services, alice, { text: NOTE, clientToken: 'retry-1' });
    const second = await maskTextJob(services, alice, { text: NOTE, clientToken: 'retry-1' });
    expect(second.id).toBe(first.id);
    expect(second.maskedText).toBe(first.maskedText);
    expect(detector.calls).toBe(1);
    const other = await maskTextJob(services, bob, { text: NOTE, clientToken: 'retry-1' });
    expect(other.id).not.toBe(first.id);
  });

  it('records a failure as a FAILED job with a generic message, never the text', async () => {
    const { services, published, logLines } = inMemoryJobServices({ detector: countingDetector(true) });
    const job = await maskTextJob(services, alice, { text: NOTE });
    expect(job.status).toBe('FAILED');
    expect(job.error).toEqual({ code: 'INTERNAL', message: 'the job failed because of an internal error' });
    expect(published.map((u) => u.status)).toEqual(['RUNNING', 'FAILED']);
    expect(logLines.join('\n')).not.toMatch(/Marla|Quenby|617/);
  });

  it('refuses bad input before writing anything, naming the field and not the value', async () => {
    const { services } = inMemoryJobServices();
    await expect(maskTextJob(services, alice, { text: 'x'.repeat(1_000_001) })).rejects.toBeInstanceOf(
      PayloadTooLargeError,
    );
    await expect(maskTextJob(services, alice, { text: NOTE, options: { minScore: 2 } })).rejects.toThrow(/minScore/);
    await expect(
      maskTextJob(services, alice, { text: NOTE, options: { style: 'CHARACTER', maskCharacter: '**' } }),
    ).rejects.toThrow(/maskCharacter/);
    await expect(maskTextJob(services, alice, { text: NOTE, options: { denyList: [' '] } })).rejects.toBeInstanceOf(
      InvalidInputError,
    );
    const bad = maskTextJob(services, alice, { text: NOTE, clientToken: 'has space Marla' });
    await expect(bad).rejects.toThrow(/clientToken/);
    await expect(bad).rejects.not.toThrow(/Marla/);
    expect((await services.jobs.listJobs(alice.owner, {}, 10)).items).toEqual([]);
  });

  it('applies the options and records them with defaults filled in', async () => {
    const { services } = inMemoryJobServices();
    const job = await maskTextJob(services, alice, {
      text: NOTE,
      options: { style: 'CHARACTER', types: ['NAME'], allowList: ['Ohanian'] },
    });
    expect(job.maskedText).toContain('Ohanian');
    expect(job.maskedText).toContain('03/14/2023');
    expect(job.maskedText).not.toContain('Quenby');
    expect(job.maskedText?.length).toBe(NOTE.length);
    expect(job.options).toEqual({
      minScore: 0.5,
      types: ['NAME'],
      style: 'CHARACTER',
      maskCharacter: '*',
      allowList: ['Ohanian'],
      denyList: [],
      allowListCount: 1,
      denyListCount: 0,
      maskCareUnits: false,
    });
    // Allow and deny terms are often patients' names: the record keeps only their counts.
    const stored = await services.jobs.getJob(job.id);
    expect(stored?.options).toMatchObject({ allowList: [], denyList: [], allowListCount: 1 });
    expect(JSON.stringify(stored?.options)).not.toContain('Ohanian');
  });

  describe('maskCareUnits', () => {
    const TRANSFER = 'Marla Quenby moved from the MICU to Ellison 10.';
    const terms = [
      { text: 'Marla Quenby', type: 'NAME' },
      { text: 'MICU', type: 'ADDRESS' },
      { text: 'Ellison 10', type: 'ADDRESS' },
    ] as const;

    it('keeps care units by default: the detector is asked with maskCareUnits false, and the job records false', async () => {
      const detector = fakeDetector(terms);
      const { services } = inMemoryJobServices({ detector });
      const job = await maskTextJob(services, alice, { text: TRANSFER });
      expect(detector.calls).toEqual([{ maskCareUnits: false }]);
      expect(job.maskedText).toBe('[NAME] moved from the MICU to [ADDRESS].');
      expect(job.options.maskCareUnits).toBe(false);
      expect((await services.jobs.getJob(job.id))?.options.maskCareUnits).toBe(false);
    });

    it('masks them when asked, passing only that option to the detector (minScore and types stay with masking)', async () => {
      const detector = fakeDetector(terms);
      const { services } = inMemoryJobServices({ detector });
      const job = await maskTextJob(services, alice, {
        text: TRANSFER,
        options: { maskCareUnits: true, minScore: 0.6, types: ['ADDRESS'] },
      });
      expect(detector.calls).toEqual([{ maskCareUnits: true }]);
      expect(job.maskedText).toBe('Marla Quenby moved from the [ADDRESS] to [ADDRESS].');
      expect(job.options).toMatchObject({ maskCareUnits: true, minScore: 0.6, types: ['ADDRESS'] });
      expect((await services.jobs.getJob(job.id))?.options.maskCareUnits).toBe(true);
    });

    it('refuses a value that is not a boolean before writing anything', async () => {
      const { services } = inMemoryJobServices({ detector: fakeDetector(terms) });
      const bad = maskTextJob(services, alice, {
        text: TRANSFER,
        options: { maskCareUnits: 'yes' as unknown as boolean },
      });
      await expect(bad).rejects.toBeInstanceOf(InvalidInputError);
      await expect(bad).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        message: 'options.maskCareUnits must be true or false',
      });
      expect((await services.jobs.listJobs(alice.owner, {}, 10)).items).toEqual([]);
    });
  });

  it('keeps a result too big for a record in the object store', async () => {
    const { services } = inMemoryJobServices({
      limits: {
        maxTextLength: 1_000_000,
        maxSyncTextLength: 1_000_000,
        maxInlineResultBytes: 100,
        maxInlineImageBytes: 1000,
        maxImagePixels: 50_000_000,
      },
    });
    const job = await maskTextJob(services, alice, { text: NOTE.repeat(5) });
    const stored = await services.jobs.getJob(job.id);
    expect(stored?.maskedText).toBeUndefined();
    expect(stored?.maskedTextRef).toEqual({ bucket: 'hdm-test', key: `results/${job.id}/masked.txt` });
    expect((await withMaskedText(services, stored!)).maskedText).toBe(job.maskedText);
  });
});
