import sharp from 'sharp';
import type { PixelBox } from '../../src/core/Image.ts';
import { escapeXml } from './escapeXml.ts';
import type { FontFamily } from './fontMetrics.ts';
import type { PlacedWord } from './layoutPage.ts';

/** Pixels darker than this in the text-only render are ink. */
const INK = 200;

export function wordText(w: PlacedWord, family: FontFamily, fill: string): string {
  return `<text x="${w.x}" y="${w.baseline}" font-family="${escapeXml(family)}" font-size="${w.size}" font-weight="${w.bold ? 'bold' : 'normal'}" fill="${fill}">${escapeXml(w.text)}</text>`;
}

/**
 * Tight ink boxes: renders only the words, black on white, unrotated, and scans each word's window (from a
 * little left of its start to before the next word, from above the tallest accent to below descenders).
 * The layout keeps windows apart, so a window holds one word's ink.
 */
export async function measureWords(
  words: readonly PlacedWord[],
  family: FontFamily,
  width: number,
  height: number,
): Promise<PixelBox[]> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#fff"/>${words.map((w) => wordText(w, family, '#000')).join('')}</svg>`;
  const { data } = await sharp(Buffer.from(svg)).greyscale().raw().toBuffer({ resolveWithObject: true });
  return words.map((w) => {
    const x0 = Math.max(0, Math.floor(w.x - w.size * 0.15));
    const x1 = Math.min(width - 1, Math.ceil(Math.min(w.limitX, w.x + w.estWidth + w.size * 0.2)));
    const y0 = Math.max(0, Math.floor(w.baseline - w.size * 1.15));
    const y1 = Math.min(height - 1, Math.ceil(w.baseline + w.size * 0.45));
    let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        if ((data[y * width + x] as number) < INK)
          [minX, minY, maxX, maxY] = [Math.min(minX, x), Math.min(minY, y), Math.max(maxX, x), Math.max(maxY, y)];
      }
    }
    if (maxX < minX) return { left: w.x, top: w.baseline - w.size, width: Math.round(w.estWidth), height: w.size };
    return { left: minX, top: minY, width: maxX - minX + 1, height: maxY - minY + 1 };
  });
}
