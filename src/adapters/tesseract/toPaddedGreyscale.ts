import type { GreyImage } from './GreyImage.ts';

export interface PaddedImage {
  /** A binary PGM (P5): the one format the engine reads without a decoder of its own to go wrong. */
  pgm: Buffer;
  width: number;
  height: number;
}

/**
 * The grey image with `padding` pixels added on every side in the colour of the image's own border,
 * as a PGM.
 *
 * Why: tesseract misses words that touch the image edge (the radiographs in test/fixtures/images have
 * names at y = 0 and lose them without a margin); a border of the wrong colour (white around a black
 * radiograph) creates a fake edge, hence the border's mean colour. Why PGM: no encoding cost (a header
 * plus the raw pixels), and every input format sharp accepts (TIFF, WebP) reaches the engine.
 */
export function toPaddedGreyscale(image: GreyImage, padding: number): PaddedImage {
  const { pixels: grey, width, height } = image;
  const background = borderMean(grey, width, height) < 128 ? 0 : 255;
  const outWidth = width + 2 * padding;
  const outHeight = height + 2 * padding;
  const header = Buffer.from(`P5\n${outWidth} ${outHeight}\n255\n`, 'ascii');
  const pixels = Buffer.alloc(outWidth * outHeight, background);
  for (let y = 0; y < height; y++) {
    grey.copy(pixels, (y + padding) * outWidth + padding, y * width, (y + 1) * width);
  }
  return { pgm: Buffer.concat([header, pixels]), width: outWidth, height: outHeight };
}

function borderMean(grey: Buffer, width: number, height: number): number {
  let sum = 0;
  let count = 0;
  for (let x = 0; x < width; x++) {
    sum += (grey[x] as number) + (grey[(height - 1) * width + x] as number);
    count += 2;
  }
  for (let y = 0; y < height; y++) {
    sum += (grey[y * width] as number) + (grey[y * width + width - 1] as number);
    count += 2;
  }
  return count === 0 ? 255 : sum / count;
}
