import { describe, expect, it } from 'vitest';
import { findDarkRegions } from '../../../../src/adapters/tesseract/findDarkRegions.ts';
import { invertBand, type GreyImage } from '../../../../src/adapters/tesseract/GreyImage.ts';

/** A white page with `value` pixels where `paint` says. */
function page(width: number, height: number, paint: (x: number, y: number) => number | undefined): GreyImage {
  const pixels = Buffer.alloc(width * height, 255);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) pixels[y * width + x] = paint(x, y) ?? 255;
  return { pixels, width, height };
}

/** Light "letters" (2 px strokes every 7 px) on a band, as a banner's text would be. */
const lettersOnBand = (
  x: number,
  y: number,
  band: { top: number; bottom: number; left: number; right: number },
): number | undefined => {
  if (y < band.top || y >= band.bottom || x < band.left || x >= band.right) return undefined;
  const letterRow = y >= band.top + 5 && y < band.bottom - 5;
  return letterRow && x % 7 < 2 && x > band.left + 20 && x < band.left + 200 ? 250 : 40;
};

describe('findDarkRegions', () => {
  it('finds a banner with light letters on it, edge to edge, and nothing on white', () => {
    const band = { top: 50, bottom: 72, left: 0, right: 800 };
    const regions = findDarkRegions(page(800, 400, (x, y) => lettersOnBand(x, y, band)));
    expect(regions).toEqual([{ left: 0, top: 50, width: 800, height: 22 }]);
    expect(findDarkRegions(page(800, 400, () => undefined))).toEqual([]);
  });

  it('grows a band that does not start on a tile edge to its whole height', () => {
    const band = { top: 45, bottom: 70, left: 100, right: 603 };
    const [region] = findDarkRegions(page(800, 400, (x, y) => lettersOnBand(x, y, band)));
    expect(region).toEqual({ left: 100, top: 45, width: 503, height: 25 });
  });

  it('leaves dark type alone, however bold, and a dark page (a radiograph) too', () => {
    // Bold 20 px strokes 4 px wide: dark, but never solid over a band's size.
    const bold = page(800, 200, (x, y) => (y >= 40 && y < 60 && x >= 30 && x < 600 && x % 9 < 4 ? 20 : undefined));
    expect(findDarkRegions(bold)).toEqual([]);
    const radiograph = page(600, 600, (x, y) => (Math.hypot(x - 300, y - 300) < 200 ? 150 : 10));
    expect(findDarkRegions(radiograph)).toEqual([]);
  });

  it('finds a band printed askew (2°), and inverts it alone: the paper around it stays white', () => {
    const slope = Math.tan((2 * Math.PI) / 180);
    const tilted = page(800, 300, (x, y) => {
      const top = 100 - x * slope;
      return y >= top && y < top + 22 ? (x % 9 < 2 && y >= top + 6 && y < top + 16 ? 250 : 40) : undefined;
    });
    const regions = findDarkRegions(tilted);
    expect(regions).toHaveLength(1);
    const region = regions[0] as { left: number; top: number; width: number; height: number };
    expect(region.width).toBeGreaterThanOrEqual(790);
    const band = invertBand(tilted, region);
    // Above the band at the left, below it at the right: paper, white. On the band: its ground, now light.
    expect(band.pixels[10]).toBe(255);
    expect(band.pixels[(band.height - 1) * band.width + 790]).toBe(255);
    expect(band.pixels[(102 - region.top) * band.width + 13]).toBeGreaterThan(200);
    expect(band.inBand(400, 100 - 400 * slope + 11)).toBe(true);
    expect(band.inBand(400, 100 - 400 * slope + 30)).toBe(false);
  });

  it('lists several bands, largest first', () => {
    const big = { top: 100, bottom: 140, left: 0, right: 800 };
    const small = { top: 300, bottom: 324, left: 40, right: 400 };
    const regions = findDarkRegions(page(800, 500, (x, y) => lettersOnBand(x, y, big) ?? lettersOnBand(x, y, small)));
    expect(regions.map((r) => r.top)).toEqual([100, 300]);
  });
});
