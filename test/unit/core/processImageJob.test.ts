import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { generatePage } from '../../../bench/images/generatePage.ts';
import type { OcrPage } from '../../../src/core/Image.ts';
import { maskImageJob } from '../../../src/core/maskImageJob.ts';
import { processImageJob } from '../../../src/core/processImageJob.ts';
import { fakeDetector, inMemoryJobServices } from '../../helpers/jobServices.ts';

const alice = { owner: 'arn:aws:iam::000000000000:user/alice' };

/** The generated page's own words as the OCR port's answer: exact geometry, so the test checks the mapping and the masking. */
function asOcrPage(page: Awaited<ReturnType<typeof generatePage>>): OcrPage {
  const lines = new Map<number, number>();
  return {
    width: page.width,
    height: page.height,
    words: page.words.map((w) => {
      const line = Math.round(w.box.top / 10);
      if (!lines.has(line)) lines.set(line, lines.size);
      return {
        text: w.text,
        confidence: 0.95,
        box: w.box,
        polygon: w.polygon,
        lineId: `l${lines.get(line)}`,
        blockId: 'b0',
      };
    }),
  };
}

async function pixelAt(png: Uint8Array, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  const i = (Math.round(y) * info.width + Math.round(x)) * info.channels;
  return [...data.subarray(i, i + 3)];
}

/** One line of words, 60 px apart, as the OCR port would read them. */
function wordsInALine(texts: readonly string[]): OcrPage {
  const words = texts.map((text, i) => {
    const box = { left: 10 + i * 60, top: 10, width: 50, height: 20 };
    const polygon = [
      { x: box.left, y: box.top },
      { x: box.left + box.width, y: box.top },
      { x: box.left + box.width, y: box.top + box.height },
      { x: box.left, y: box.top + box.height },
    ];
    return { text, confidence: 0.95, box, polygon, lineId: 'l0', blockId: 'b0' };
  });
  return { width: 400, height: 40, words };
}

describe('processImageJob', () => {
  it('runs a QUEUED job to SUCCEEDED: every PHI word covered, findings with boxes and no text, the output in the input format', async () => {
    const page = await generatePage({ seed: 5, style: 'form', width: 1155, height: 866 });
    const { services, published, ocr } = inMemoryJobServices();
    ocr.page = asOcrPage(page);
    const queued = await maskImageJob(services, alice, { base64: page.bytes.toString('base64') });
    const done = await processImageJob(services, queued.id);
    expect(done).toMatchObject({
      status: 'SUCCEEDED',
      maskedImage: { bucket: 'hdm-test-output', contentType: 'image/png', width: page.width, height: page.height },
    });
    expect(published.map((u) => u.status)).toEqual(['QUEUED', 'RUNNING', 'SUCCEEDED']);
    const output = await services.objects.get(done!.maskedImage!);
    for (const word of page.words.filter((w) => w.phi)) {
      const cx = word.box.left + word.box.width / 2;
      const cy = word.box.top + word.box.height / 2;
      expect(await pixelAt(output, cx, cy), `PHI word at ${Math.round(cx)},${Math.round(cy)}`).toEqual([0, 0, 0]);
    }
    const findings = (await services.jobs.listJobFindings(queued.id, 100)).items;
    expect(findings.length).toBe(done!.findingCount);
    for (const f of findings) {
      expect(f.boundingBox!.left).toBeGreaterThanOrEqual(0);
      expect(f.boundingBox!.left + f.boundingBox!.width).toBeLessThanOrEqual(1);
      expect(f.pixelBox!.width).toBeGreaterThan(0);
      expect(JSON.stringify(f)).not.toMatch(/"text"/);
    }
  });

  it.each([false, true])(
    'passes maskCareUnits %s from the stored job to the detector, and only that option',
    async (maskCareUnits) => {
      const detector = fakeDetector([
        { text: 'Quenby', type: 'NAME' },
        { text: 'MICU', type: 'ADDRESS' },
      ]);
      const { services, ocr } = inMemoryJobServices({ detector });
      ocr.page = wordsInALine(['Quenby', 'to', 'MICU']);
      const blank = await sharp({ create: { width: 400, height: 40, channels: 3, background: '#ffffff' } })
        .png()
        .toBuffer();
      const queued = await maskImageJob(services, alice, {
        base64: blank.toString('base64'),
        options: { maskCareUnits, minScore: 0.6 },
      });
      expect((await services.jobs.getJob(queued.id))?.options.maskCareUnits).toBe(maskCareUnits);
      const done = await processImageJob(services, queued.id);
      expect(detector.calls).toEqual([{ maskCareUnits }]);
      expect(done?.findingCounts).toEqual(
        maskCareUnits
          ? [
              { type: 'NAME', count: 1 },
              { type: 'ADDRESS', count: 1 },
            ]
          : [{ type: 'NAME', count: 1 }],
      );
    },
  );

  it('fails with a closed code when the input is missing, not an image, or not its declared type', async () => {
    const { services, ocr } = inMemoryJobServices();
    ocr.page = { width: 1, height: 1, words: [] };
    const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
    const missing = await maskImageJob(services, alice, { base64: PNG });
    await services.objects.delete(missing.input!);
    expect(await processImageJob(services, missing.id)).toMatchObject({
      status: 'FAILED',
      error: { code: 'INVALID_INPUT' },
    });

    const mislabelled = await maskImageJob(services, alice, { base64: PNG });
    await services.objects.put(mislabelled.input!, Buffer.from(PNG, 'base64'), 'image/jpeg');
    expect(await processImageJob(services, mislabelled.id)).toMatchObject({
      status: 'FAILED',
      error: { code: 'UNSUPPORTED_IMAGE' },
    });

    const garbage = await maskImageJob(services, alice, { base64: PNG });
    await services.objects.put(garbage.input!, Buffer.from('plain text, no image'), 'image/png');
    const failed = await processImageJob(services, garbage.id);
    expect(failed).toMatchObject({ status: 'FAILED', error: { code: 'UNSUPPORTED_IMAGE' } });
    expect(failed?.error?.message).not.toContain('plain text');
  });

  it('refuses to run in a function wired without image engines, leaving the job QUEUED for the worker', async () => {
    const { services } = inMemoryJobServices();
    const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
    const queued = await maskImageJob(services, alice, { base64: PNG });
    const apiOnly = { ...services, images: { ...services.images!, extractor: undefined, redactor: undefined } };
    await expect(processImageJob(apiOnly, queued.id)).rejects.toMatchObject({ code: 'INTERNAL' });
    expect(await services.jobs.getJob(queued.id)).toMatchObject({ status: 'QUEUED' });
  });

  it('leaves a job that is not QUEUED alone, so two workers never run one job', async () => {
    const page = await generatePage({ seed: 6, style: 'letter', width: 1155, height: 866 });
    const { services, ocr, published } = inMemoryJobServices();
    ocr.page = asOcrPage(page);
    const queued = await maskImageJob(services, alice, { base64: page.bytes.toString('base64') });
    await Promise.all([processImageJob(services, queued.id), processImageJob(services, queued.id)]);
    expect(published.filter((u) => u.id === queued.id).map((u) => u.status)).toEqual([
      'QUEUED',
      'RUNNING',
      'SUCCEEDED',
    ]);
    expect((await services.jobs.getJob(queued.id))?.status).toBe('SUCCEEDED');
  });
});

describe('processImageJob limits', () => {
  it('fails an upload over the size limit before reading it', async () => {
    const { services } = inMemoryJobServices();
    const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
    const job = await maskImageJob(services, alice, { base64: PNG });
    await services.objects.put(job.input!, new Uint8Array(20 * 1024 * 1024 + 1), 'image/png');
    expect(await processImageJob(services, job.id)).toMatchObject({
      status: 'FAILED',
      error: { code: 'PAYLOAD_TOO_LARGE' },
    });
  });
});
