import { describe, expect, it } from 'vitest';
import { besideBand, blankBands } from '../../../../src/adapters/tesseract/blankBands.ts';
import { findDarkRegions } from '../../../../src/adapters/tesseract/findDarkRegions.ts';
import type { GreyImage } from '../../../../src/adapters/tesseract/GreyImage.ts';

/** A page of grey paper (236) with `value` pixels where `paint` says. */
function page(width: number, height: number, paint: (x: number, y: number) => number | undefined): GreyImage {
  const pixels = Buffer.alloc(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) pixels[y * width + x] = paint(x, y) ?? 236;
  return { pixels, width, height };
}

const at = (image: GreyImage, x: number, y: number): number => image.pixels[y * image.width + x] as number;

describe('blankBands', () => {
  it("paints a dark band in the paper's grey and leaves the small type just under it", () => {
    // A black header (rows 40-63) with light letters, and dark "type" 3 px under it (rows 67-75).
    const scan = page(600, 300, (x, y) => {
      if (y >= 40 && y < 64) return y > 46 && y < 58 && x % 7 < 2 && x > 20 && x < 200 ? 250 : 30;
      if (y >= 67 && y < 76 && x > 20 && x < 300 && x % 5 < 2) return 60;
      return undefined;
    });
    const bands = findDarkRegions(scan);
    expect(bands).toHaveLength(1);
    const blanked = blankBands(scan, bands);
    for (const [x, y] of [
      [10, 45],
      [300, 50],
      [25, 50],
      [590, 63],
    ] as const)
      expect(at(blanked, x, y)).toBe(236);
    expect(at(blanked, 21, 70)).toBe(60);
    expect(at(blanked, 21, 75)).toBe(60);
    // The input is left alone.
    expect(at(scan, 300, 50)).toBe(30);
    expect(findDarkRegions(blanked)).toEqual([]);
  });

  it('follows a band printed askew: type above it at one end and below it at the other stays', () => {
    const slope = Math.tan((2 * Math.PI) / 180);
    const scan = page(800, 200, (x, y) => {
      const top = 80 - x * slope;
      if (y >= top && y < top + 22) return 35;
      if (x < 100 && y >= 110 && y < 118 && x % 4 < 2) return 50;
      if (x > 700 && y >= 40 && y < 48 && x % 4 < 2) return 50;
      return undefined;
    });
    const blanked = blankBands(scan, findDarkRegions(scan));
    expect(at(blanked, 400, Math.round(80 - 400 * slope + 11))).toBe(236);
    expect(at(blanked, 20, 112)).toBe(50);
    expect(at(blanked, 720, 44)).toBe(50);
  });
});

describe('besideBand', () => {
  const image = { pixels: Buffer.alloc(0), width: 800, height: 600 };
  it('grows a band across the reading direction, clipped to the page', () => {
    expect(besideBand({ left: 0, top: 20, width: 800, height: 24 }, 48, 'vertical', image)).toEqual({
      left: 0,
      top: 0,
      width: 800,
      height: 92,
    });
    expect(besideBand({ left: 700, top: 0, width: 40, height: 600 }, 80, 'horizontal', image)).toEqual({
      left: 620,
      top: 0,
      width: 180,
      height: 600,
    });
  });
});
