import type { GreyImage } from './GreyImage.ts';

/** Pixels past which a page with small type is not enlarged (2× of 6 MP is 24 MP: ~100 MB in the engine). */
const MAX_ENLARGED_PIXELS = 24_000_000;

/** 2×, or less for a large page, or 1 (not at all) when even 1.25× would pass MAX_ENLARGED_PIXELS. */
export function enlargement(grey: GreyImage): number {
  const scale = Math.min(2, Math.sqrt(MAX_ENLARGED_PIXELS / (grey.width * grey.height)));
  return scale >= 1.25 ? scale : 1;
}
