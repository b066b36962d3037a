import type { GreyImage } from '../../src/adapters/tesseract/GreyImage.ts';
import type { OcrWord, PixelBox } from '../../src/core/Image.ts';

/** Numbers in [0, 1) from a seed (mulberry32): the same grain on every run. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An OCR word over `box`, its polygon the box's corners. */
export function ocrWord(text: string, confidence: number, box: PixelBox, lineId: string): OcrWord {
  const { left, top, width, height } = box;
  return {
    text,
    confidence,
    box,
    lineId,
    blockId: 'b0',
    polygon: [
      { x: left, y: top },
      { x: left + width, y: top },
      { x: left + width, y: top + height },
      { x: left, y: top + height },
    ],
  };
}

/**
 * A stand-in for the engine: every run of dark rows in the image it is given is one line, and every dark
 * run across such a line one word, read as `text` with confidence `confidence`. Images it was given are
 * pushed to `seen`.
 */
export function inkReader(
  text: string,
  confidence: number,
  seen: GreyImage[] = [],
): (image: GreyImage) => Promise<OcrWord[]> {
  return async (image) => {
    seen.push(image);
    const dark = (x: number, y: number): boolean => (image.pixels[y * image.width + x] as number) < 128;
    const rows = Array.from({ length: image.height }, (_, y) =>
      Array.from({ length: image.width }, (_, x) => dark(x, y)).some(Boolean),
    );
    const words: OcrWord[] = [];
    for (let y = 0; y < image.height; y++) {
      if (!rows[y] || rows[y - 1]) continue;
      let bottom = y;
      while (rows[bottom + 1]) bottom++;
      for (let x = 0; x < image.width; x++) {
        if (!dark(x, y + 1) || (x > 0 && dark(x - 1, y + 1))) continue;
        let right = x;
        while (right + 1 < image.width && dark(right + 1, y + 1)) right++;
        const box = { left: x, top: y, width: right - x + 1, height: bottom - y + 1 };
        words.push(ocrWord(text, confidence, box, `l${y}`));
      }
    }
    return words;
  };
}

/**
 * Grainy paper (`paper` grey, grain about gaussian, ~`grain` levels: the sum of three uniforms from `seed`) with
 * flat grey type (`ink` grey) where `boxes` are: light type a page's one threshold may miss.
 */
export function grainyPage(
  width: number,
  height: number,
  boxes: readonly PixelBox[],
  { paper = 236, ink = 150, grain = 4, seed = 1 } = {},
): GreyImage {
  const random = seeded(seed);
  const pixels = Buffer.alloc(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const typed = boxes.some((b) => x >= b.left && x < b.left + b.width && y >= b.top && y < b.top + b.height);
      const level = (typed ? ink : paper) + (random() + random() + random() - 1.5) * 2 * grain;
      pixels[y * width + x] = Math.max(0, Math.min(255, Math.round(level)));
    }
  return { pixels, width, height };
}
