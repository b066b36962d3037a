import { describe, expect, it } from 'vitest';
import type { GreyImage } from '../../../../src/adapters/tesseract/GreyImage.ts';
import { otsuThreshold, removeSpecks } from '../../../../src/adapters/tesseract/removeSpecks.ts';

/** A white page with `value` where `paint` says. */
function page(width: number, height: number, paint: (x: number, y: number) => number | undefined): GreyImage {
  const pixels = Buffer.alloc(width * height, 255);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) pixels[y * width + x] = paint(x, y) ?? 255;
  return { pixels, width, height };
}
const at = (image: GreyImage, x: number, y: number): number => image.pixels[y * image.width + x] as number;

describe('removeSpecks', () => {
  // A "letter" (a 2 px stem 12 px high) with an i-dot 2 px above it and a full stop 2 px after its foot,
  // grey 120 like light type; a row of dark strokes (a word); and dust: 2 × 2 near-black specks every
  // 12 px over the lower part of the page (a noisy scan: 150 of them).
  const noisy = (specks: boolean): GreyImage =>
    page(400, 200, (x, y) => {
      if (x >= 20 && x < 22 && y >= 20 && y < 32) return 120;
      if (x >= 20 && x < 22 && y >= 16 && y < 18) return 120;
      if (x >= 24 && x < 26 && y >= 30 && y < 32) return 120;
      if (x >= 60 && x < 140 && y >= 20 && y < 32 && x % 5 < 2) return 60;
      if (specks && y >= 60 && x % 12 < 2 && y % 12 < 2 && x >= 6 && x < 306 && y < 132) return 40;
      return undefined;
    });

  it('paints isolated specks white on a noisy page and keeps dots that sit by a letter', () => {
    const image = noisy(true);
    const clean = removeSpecks(image);
    expect(at(clean, 12, 60)).toBe(255);
    expect(at(clean, 301, 121)).toBe(255);
    expect(at(clean, 20, 16)).toBe(120);
    expect(at(clean, 24, 30)).toBe(120);
    expect(at(clean, 21, 25)).toBe(120);
    expect(at(clean, 60, 25)).toBe(60);
    // The input is left alone.
    expect(at(image, 12, 60)).toBe(40);
  });

  it('leaves a page with only a few dots as it is: on a clean page a lone dot may be a letter', () => {
    const few = page(400, 200, (x, y) =>
      ((x === 100 || x === 101) && (y === 50 || y === 51)) || (x >= 60 && x < 140 && y >= 20 && y < 32 && x % 5 < 2)
        ? 40
        : undefined,
    );
    expect(removeSpecks(few)).toBe(few);
    expect(removeSpecks(noisy(false))).toEqual(noisy(false));
  });

  it('keeps a mark bigger than a speck, even alone on a noisy page', () => {
    const image = page(400, 200, (x, y) => {
      if (x >= 340 && x < 346 && y >= 20 && y < 27) return 30;
      return y >= 60 && x % 12 < 2 && y % 12 < 2 && x >= 6 && x < 306 && y < 132 ? 40 : undefined;
    });
    expect(at(removeSpecks(image), 342, 22)).toBe(30);
  });

  it("splits a page's grey levels between ink and paper", () => {
    const half = page(10, 10, (x) => (x < 5 ? 40 : 250));
    const t = otsuThreshold(half.pixels);
    expect(t).toBeGreaterThan(40);
    expect(t).toBeLessThanOrEqual(250);
  });
});
