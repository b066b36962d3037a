import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { detectImageFormat } from '../../../src/core/detectImageFormat.ts';
import { inspectImageHeader } from '../../../src/core/inspectImageHeader.ts';

const blank = () => sharp({ create: { width: 321, height: 123, channels: 3, background: '#8a8' } });

describe('inspectImageHeader', () => {
  it('reads width and height from PNG, JPEG, WebP (lossy and lossless) and TIFF headers', async () => {
    for (const bytes of [
      await blank().png().toBuffer(),
      await blank().jpeg().toBuffer(),
      await blank().webp().toBuffer(),
      await blank().webp({ lossless: true }).toBuffer(),
      await blank().tiff().toBuffer(),
    ]) {
      const format = detectImageFormat(bytes);
      expect(format).toBeDefined();
      expect(inspectImageHeader(format!, bytes)).toEqual({ width: 321, height: 123, complete: true });
    }
  });

  it('says a file cut short is incomplete, and reads nothing from a cut header', async () => {
    for (const bytes of [
      await blank().png().toBuffer(),
      await blank().jpeg().toBuffer(),
      await blank().webp().toBuffer(),
    ]) {
      const format = detectImageFormat(bytes)!;
      expect(inspectImageHeader(format, bytes.subarray(0, bytes.length - 10))?.complete).toBe(false);
      expect(inspectImageHeader(format, bytes.subarray(0, 14))).toBeUndefined();
    }
  });
});
