import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ObjectNotFoundError } from '../../../src/core/errors.ts';
import { maskImageJob, termsRefOf } from '../../../src/core/maskImageJob.ts';
import { processImageJob } from '../../../src/core/processImageJob.ts';
import { advanceJob, discardTerms, jobTermsRef } from '../../../src/core/recordJobOutcome.ts';
import { fakeDetector, inMemoryJobServices } from '../../helpers/jobServices.ts';

// An image job's allow and deny terms (inputs/<id>/terms.json) live only until the job ends: advanceJob, which every
// path that ends a job goes through (worker, API, recovery), deletes them once SUCCEEDED or FAILED is recorded, so
// they never outlive the job (and they may name people).

const alice = { owner: 'arn:aws:iam::000000000000:user/alice' };
const ALLOWED = 'Quenby';
const options = { allowList: [ALLOWED], denyList: ['Mercy'] };

async function blankPng(): Promise<string> {
  return (
    await sharp({ create: { width: 400, height: 40, channels: 3, background: '#ffffff' } })
      .png()
      .toBuffer()
  ).toString('base64');
}

function lineOf(texts: string[]) {
  return {
    width: 400,
    height: 40,
    words: texts.map((text, i) => {
      const box = { left: 10 + i * 60, top: 10, width: 50, height: 20 };
      const polygon = [
        { x: box.left, y: box.top },
        { x: box.left + 50, y: box.top },
        { x: box.left + 50, y: box.top + 20 },
        { x: box.left, y: box.top + 20 },
      ];
      return { text, confidence: 0.95, box, polygon, lineId: 'l0', blockId: 'b0' };
    }),
  };
}

async function exists(services: ReturnType<typeof inMemoryJobServices>['services'], jobId: string): Promise<boolean> {
  return services.objects.get(termsRefOf(services, jobId)).then(
    () => true,
    (error: unknown) => {
      if (error instanceof ObjectNotFoundError) return false;
      throw error;
    },
  );
}

describe('terms of an image job', () => {
  it('are used to mask the image, then deleted once the job has SUCCEEDED', async () => {
    // The detector finds the name; the allow list (read from the terms) keeps it: no finding proves they were read.
    const { services, ocr } = inMemoryJobServices({ detector: fakeDetector([{ text: ALLOWED, type: 'NAME' }]) });
    ocr.page = lineOf([ALLOWED, 'was', 'seen']);
    const queued = await maskImageJob(services, alice, { base64: await blankPng(), options });
    expect(await exists(services, queued.id)).toBe(true);
    const done = await processImageJob(services, queued.id);
    expect(done).toMatchObject({ status: 'SUCCEEDED', findingCount: 0 });
    expect(await exists(services, queued.id)).toBe(false);
  });

  it('are deleted once the job has FAILED too', async () => {
    const { services, ocr } = inMemoryJobServices();
    ocr.page = lineOf([]);
    const notAnImage = Buffer.from('this is not an image at all, just text').toString('base64');
    // Stored as an uploaded object would be (inline input is checked at the call), so the worker is what fails.
    const queued = await maskImageJob(services, alice, { base64: await blankPng(), options });
    await services.objects.put(queued.input!, Buffer.from(notAnImage, 'base64'), 'image/png');
    const done = await processImageJob(services, queued.id);
    expect(done?.status).toBe('FAILED');
    expect(await exists(services, queued.id)).toBe(false);
  });

  it('a job without terms makes no delete request', async () => {
    const { services, ocr } = inMemoryJobServices();
    ocr.page = lineOf(['seen']);
    const deleted: string[] = [];
    const remove = services.objects.delete.bind(services.objects);
    services.objects.delete = async (ref) => {
      deleted.push(ref.key);
      await remove(ref);
    };
    const queued = await maskImageJob(services, alice, { base64: await blankPng() });
    expect((await processImageJob(services, queued.id))?.status).toBe('SUCCEEDED');
    expect(deleted).toEqual([]);
  });

  it('a failed delete leaves the job SUCCEEDED and is logged without content (the bucket lifecycle removes them later)', async () => {
    const { services, ocr, logLines } = inMemoryJobServices();
    ocr.page = lineOf(['seen']);
    services.objects.delete = async () => {
      throw new Error(`S3 is down; key holds ${ALLOWED}`);
    };
    const queued = await maskImageJob(services, alice, { base64: await blankPng(), options });
    expect((await processImageJob(services, queued.id))?.status).toBe('SUCCEEDED');
    const warning = logLines.find((line) => line.includes('job.terms_not_deleted'));
    expect(JSON.parse(warning ?? '{}')).toEqual({ event: 'job.terms_not_deleted', jobId: queued.id, error: 'Error' });
    expect(logLines.join('\n')).not.toContain(ALLOWED);
  });

  it('are deleted when recovery fails a job that never ran (advanceJob from QUEUED to FAILED), not when it only moves on', async () => {
    const { services } = inMemoryJobServices();
    const queued = await maskImageJob(services, alice, { base64: await blankPng(), options });
    const running = await advanceJob(services, queued, { status: 'RUNNING' });
    expect(await exists(services, queued.id)).toBe(true);
    await advanceJob(services, running, {
      status: 'FAILED',
      error: { code: 'INTERNAL', message: 'the job timed out' },
    });
    expect(await exists(services, queued.id)).toBe(false);
  });

  it('are looked for where maskImageJob writes them', () => {
    const { services } = inMemoryJobServices();
    expect(jobTermsRef(services, 'job-0042')).toEqual(termsRefOf(services, 'job-0042'));
  });

  it('discardTerms leaves the terms of a job that has not ended (QUEUED or RUNNING) alone', async () => {
    const { services } = inMemoryJobServices();
    const queued = await maskImageJob(services, alice, { base64: await blankPng(), options });
    await discardTerms(services, queued);
    await discardTerms(services, { ...queued, status: 'RUNNING' });
    expect(await exists(services, queued.id)).toBe(true);
    await discardTerms(services, { ...queued, status: 'FAILED' });
    expect(await exists(services, queued.id)).toBe(false);
  });
});
