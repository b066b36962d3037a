import type { GreyImage } from './GreyImage.ts';

/** Lighter than this is paper (or light ground), not ink. */
const PAPER = 160;

/**
 * How grainy a page's paper is: the median difference in grey level between neighbouring paper pixels
 * (every other row, for speed). The median, because the edges of letters are a minority of those pairs
 * and differ a lot: a clean render or a JPEG of one is 0 (or 1), a scan with sensor noise or a fax 2 or
 * more, and so is the texture of a radiograph.
 */
export function paperGrain(image: GreyImage): number {
  const { pixels, width, height } = image;
  const differences = new Uint32Array(256);
  let pairs = 0;
  for (let y = 0; y < height; y += 2) {
    const row = y * width;
    for (let x = 0; x + 1 < width; x++) {
      const a = pixels[row + x] as number;
      const b = pixels[row + x + 1] as number;
      if (a > PAPER && b > PAPER) {
        (differences[Math.abs(a - b)] as number)++;
        pairs++;
      }
    }
  }
  let seen = 0;
  for (let d = 0; d < 256; d++) {
    seen += differences[d] as number;
    if (seen * 2 > pairs) return d;
  }
  return 0;
}
