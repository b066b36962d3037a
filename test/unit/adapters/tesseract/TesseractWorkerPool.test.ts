import { describe, expect, it } from 'vitest';
import { OcrClosedError, OcrEngineStartError, OcrTimeoutError } from '../../../../src/adapters/tesseract/errors.ts';
import { TesseractWorkerPool } from '../../../../src/adapters/tesseract/TesseractWorkerPool.ts';

// Fake workers: the pool's bookkeeping, without the cost or timing of real OCR.
function fakes(hangs: (index: number) => boolean = () => false) {
  const created: number[] = [];
  const terminated: number[] = [];
  const create = async () => {
    const index = created.push(created.length) - 1;
    return {
      index,
      work: () => (hangs(index) ? new Promise<number>(() => {}) : Promise.resolve(index)),
      terminate: async () => {
        terminated.push(index);
      },
    };
  };
  return { created, terminated, create };
}

describe('TesseractWorkerPool', () => {
  it('queues jobs beyond the pool size and reuses the workers', async () => {
    const f = fakes();
    const pool = new TesseractWorkerPool({ size: 2, create: f.create, startTimeoutMs: 1000 });
    const used = await Promise.all(Array.from({ length: 10 }, () => pool.run((w) => w.work(), 1000)));
    expect(f.created).toEqual([0, 1]);
    expect(new Set(used)).toEqual(new Set([0, 1]));
    await pool.close();
    expect(f.terminated.sort()).toEqual([0, 1]);
  });

  it('replaces a worker that timed out', async () => {
    const f = fakes((i) => i === 0);
    const pool = new TesseractWorkerPool({ size: 1, create: f.create, startTimeoutMs: 1000 });
    await expect(pool.run((w) => w.work(), 20)).rejects.toBeInstanceOf(OcrTimeoutError);
    expect(f.terminated).toEqual([0]);
    expect(await pool.run((w) => w.work(), 1000)).toBe(1);
    await pool.close();
  });

  it('bounds a start that never settles and tries again for the next job', async () => {
    let attempts = 0;
    const pool = new TesseractWorkerPool({
      size: 1,
      startTimeoutMs: 20,
      create: () => (++attempts === 1 ? new Promise<never>(() => {}) : Promise.resolve({ terminate: async () => {} })),
    });
    await expect(pool.run(async () => 'ran', 1000)).rejects.toBeInstanceOf(OcrEngineStartError);
    expect(await pool.run(async () => 'ran', 1000)).toBe('ran');
    await pool.close();
  });

  it('wraps a start that fails', async () => {
    const pool = new TesseractWorkerPool({
      size: 1,
      startTimeoutMs: 1000,
      create: () => Promise.reject(new Error('boom')),
    });
    const error = await pool.run(async () => 'ran', 1000).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OcrEngineStartError);
    expect((error as Error).cause).toEqual(new Error('boom'));
    await pool.close();
  });

  it('keeps a worker whose job failed', async () => {
    const f = fakes();
    const pool = new TesseractWorkerPool({ size: 1, create: f.create, startTimeoutMs: 1000 });
    await expect(pool.run(() => Promise.reject(new Error('bad page')), 1000)).rejects.toThrow('bad page');
    expect(await pool.run((w) => w.work(), 1000)).toBe(0);
    expect(f.terminated).toEqual([]);
    await pool.close();
  });

  it('close() fails running and queued jobs and terminates each worker once', async () => {
    const f = fakes(() => true);
    const pool = new TesseractWorkerPool({ size: 1, create: f.create, startTimeoutMs: 1000 });
    const running = pool.run((w) => w.work(), 10_000);
    const queued = pool.run((w) => w.work(), 10_000);
    await new Promise((resolve) => setImmediate(resolve));
    await pool.close();
    await expect(running).rejects.toBeInstanceOf(OcrClosedError);
    await expect(queued).rejects.toBeInstanceOf(OcrClosedError);
    await expect(pool.run((w) => w.work(), 10)).rejects.toBeInstanceOf(OcrClosedError);
    expect(f.terminated).toEqual([0]);
    expect(pool.size).toBe(0);
  });
});
