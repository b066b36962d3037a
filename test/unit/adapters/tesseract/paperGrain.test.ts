import { describe, expect, it } from 'vitest';
import type { GreyImage } from '../../../../src/adapters/tesseract/GreyImage.ts';
import { paperGrain } from '../../../../src/adapters/tesseract/paperGrain.ts';

const page = (width: number, height: number, grey: (x: number, y: number) => number): GreyImage => {
  const pixels = Buffer.alloc(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) pixels[y * width + x] = grey(x, y);
  return { pixels, width, height };
};

describe('paperGrain', () => {
  it('is zero on smooth paper, whatever the type on it, and measures the noise between paper pixels', () => {
    // Black strokes every 10 px on white, with grey edges: ink and its edges are not grain.
    expect(paperGrain(page(200, 100, (x) => [0, 0, 180, 255, 255, 255, 255, 255, 200, 255][x % 10] as number))).toBe(0);
    // Paper alternating 230 / 240 from pixel to pixel: grain 10.
    expect(paperGrain(page(200, 100, (x) => (x % 2 === 0 ? 230 : 240)))).toBe(10);
    // Noise on a third of the paper only: the median pair is still smooth.
    expect(paperGrain(page(300, 100, (x) => (x < 100 && x % 2 === 0 ? 200 : 250)))).toBe(0);
    // A page with no paper at all (a black image).
    expect(paperGrain(page(50, 50, () => 0))).toBe(0);
  });
});
