import { describe, expect, it } from 'vitest';
import { eraseRuleLines } from '../../../../src/adapters/tesseract/eraseRuleLines.ts';
import type { GreyImage } from '../../../../src/adapters/tesseract/GreyImage.ts';

/** A white page with dark pixels where `ink` says. */
function page(width: number, height: number, ink: (x: number, y: number) => boolean): GreyImage {
  const pixels = Buffer.alloc(width * height, 255);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) if (ink(x, y)) pixels[y * width + x] = 40;
  return { pixels, width, height };
}
const darkAt = (image: GreyImage, x: number, y: number): boolean => (image.pixels[y * image.width + x] as number) < 150;
const darkCount = (image: GreyImage): number => image.pixels.filter((p) => p < 150).length;

describe('eraseRuleLines', () => {
  it('erases a table grid, crossings included', () => {
    const grid = page(400, 300, (x, y) => (y % 60 < 2 && x >= 20 && x < 380) || (x % 120 < 2 && y >= 0 && y < 242));
    expect(darkCount(eraseRuleLines(grid))).toBe(0);
  });

  it('erases the column lines of a dense table, crossed by a row line every 16 px', () => {
    const dense = page(
      400,
      400,
      (x, y) => (y % 16 < 2 && x >= 20 && x < 380) || ((x === 30 || x === 31 || x === 200 || x === 201) && y < 354),
    );
    expect(darkCount(eraseRuleLines(dense))).toBe(0);
  });

  it('erases a rule skewed by 2° and a 2 px underline', () => {
    const skewed = page(
      600,
      100,
      (x, y) => Math.abs(y - (30 + x * Math.tan((2 * Math.PI) / 180))) < 1 && x > 10 && x < 590,
    );
    expect(darkCount(skewed)).toBeGreaterThan(500);
    expect(darkCount(eraseRuleLines(skewed))).toBe(0);
  });

  it('leaves letters, short strokes and solid dark areas alone', () => {
    // A 30 px dash, a 'T' 20 px wide, a dark banner 40 px high (light text would sit on it).
    const image = page(
      500,
      200,
      (x, y) =>
        (y === 20 && x >= 10 && x < 40) ||
        (y >= 60 && y < 62 && x >= 100 && x < 120) ||
        (x >= 109 && x < 111 && y >= 60 && y < 80) ||
        (y >= 120 && y < 160),
    );
    const erased = eraseRuleLines(image);
    expect(darkCount(erased)).toBe(darkCount(image));
    expect(darkAt(erased, 250, 140)).toBe(true);
  });

  it('keeps a serif line of type whose feet join into one thin run along the baseline', () => {
    // Stems 2 px wide every 6 px, 12 px high, standing on a 1 px baseline run 120 px long: "mmmm" in a serif face.
    const serif = page(300, 60, (x, y) => x >= 20 && x < 140 && (y === 31 || (y >= 20 && y < 32 && (x - 20) % 6 < 2)));
    expect(darkCount(eraseRuleLines(serif))).toBe(darkCount(serif));
  });
});
