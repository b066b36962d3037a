import type { GreyImage } from './GreyImage.ts';

/** White between stacked strips and around them, in pixels of the stack. */
export const STACK_GAP = 24;

/** A strip cut from the page (enlarged, turned as the page reads) and the row of the stack it starts at. */
export interface StackedStrip {
  image: GreyImage;
  top: number;
}

/**
 * The strips one under another on white, each STACK_GAP px from the left edge: one image, so that many
 * small pieces of a page cost the engine one read instead of one read each. Strips' `top`s leave
 * STACK_GAP between them (the caller lays them out as it cuts them).
 */
export function stackStrips(strips: readonly StackedStrip[]): GreyImage {
  const width = Math.max(...strips.map((s) => s.image.width)) + 2 * STACK_GAP;
  const last = strips[strips.length - 1] as StackedStrip;
  const height = last.top + last.image.height + STACK_GAP;
  const pixels = Buffer.alloc(width * height, 255);
  for (const strip of strips)
    for (let y = 0; y < strip.image.height; y++)
      strip.image.pixels.copy(
        pixels,
        (strip.top + y) * width + STACK_GAP,
        y * strip.image.width,
        (y + 1) * strip.image.width,
      );
  return { pixels, width, height };
}

/** The strip the stack's row `y` falls in, if any. */
export function stripAt<T extends StackedStrip>(strips: readonly T[], y: number): T | undefined {
  return strips.find((s) => y >= s.top && y < s.top + s.image.height);
}
