import { describe, expect, it } from 'vitest';
import type { GreyImage } from '../../../../src/adapters/tesseract/GreyImage.ts';
import { STACK_GAP, stackStrips, stripAt } from '../../../../src/adapters/tesseract/stackStrips.ts';

const flat = (width: number, height: number, value: number): GreyImage => ({
  pixels: Buffer.alloc(width * height, value),
  width,
  height,
});

const at = (image: GreyImage, x: number, y: number): number => image.pixels[y * image.width + x] as number;

describe('stackStrips', () => {
  // A wide dark strip over a narrow grey one, laid out as a caller cuts them: STACK_GAP above, between and below.
  const strips = [
    { image: flat(100, 10, 0), top: STACK_GAP },
    { image: flat(40, 20, 100), top: STACK_GAP + 10 + STACK_GAP },
  ];

  it('puts the strips one under another, STACK_GAP from the left, on white', () => {
    const stack = stackStrips(strips);
    expect([stack.width, stack.height]).toEqual([100 + 2 * STACK_GAP, 3 * STACK_GAP + 30]);
    expect(stack.pixels).toHaveLength(stack.width * stack.height);
    const second = STACK_GAP + 10 + STACK_GAP;
    // Each strip's corners, and white just outside them.
    expect([at(stack, STACK_GAP, STACK_GAP), at(stack, STACK_GAP + 99, STACK_GAP + 9)]).toEqual([0, 0]);
    expect([at(stack, STACK_GAP, second), at(stack, STACK_GAP + 39, second + 19)]).toEqual([100, 100]);
    for (const [x, y] of [
      [STACK_GAP - 1, STACK_GAP],
      [STACK_GAP + 100, STACK_GAP],
      [STACK_GAP, STACK_GAP - 1],
      [STACK_GAP, STACK_GAP + 10],
      [STACK_GAP + 40, second],
      [STACK_GAP, second + 20],
    ] as const)
      expect(at(stack, x, y)).toBe(255);
    // All else is white: only the strips' pixels are not.
    expect(stack.pixels.filter((v) => v !== 255)).toHaveLength(100 * 10 + 40 * 20);
  });

  it('finds the strip a row of the stack falls in, and none in the white between', () => {
    const [first, second] = strips;
    expect(stripAt(strips, STACK_GAP)).toBe(first);
    expect(stripAt(strips, STACK_GAP + 9.5)).toBe(first);
    expect(stripAt(strips, STACK_GAP + 10)).toBeUndefined();
    expect(stripAt(strips, 2 * STACK_GAP + 10)).toBe(second);
    expect(stripAt(strips, STACK_GAP - 1)).toBeUndefined();
    expect(stripAt(strips, 2 * STACK_GAP + 30)).toBeUndefined();
  });
});
