import { describe, expect, it } from 'vitest';
import type { GreyImage } from '../../../../src/adapters/tesseract/GreyImage.ts';
import { rereadUnsureLines, type ReadImage } from '../../../../src/adapters/tesseract/rereadUnsureLines.ts';
import type { OcrWord, PixelBox } from '../../../../src/core/Image.ts';
import { inkReader, ocrWord as word } from '../../../helpers/ocrWords.ts';

/** A white page with black rectangles (the "ink" of words). */
function page(width: number, height: number, ink: readonly PixelBox[]): GreyImage {
  const pixels = Buffer.alloc(width * height, 255);
  for (const b of ink)
    for (let y = b.top; y < b.top + b.height; y++) pixels.fill(0, y * width + b.left, y * width + b.left + b.width);
  return { pixels, width, height };
}

describe('rereadUnsureLines', () => {
  const email = { left: 300, top: 100, width: 120, height: 10 };
  const label = { left: 100, top: 100, width: 80, height: 10 };
  const below = { left: 100, top: 118, width: 200, height: 10 };
  const grey = page(600, 200, [email, label, below]);
  const read = [
    word('e-mail:', 0.96, label, 'l1'),
    word('kamal.sihramanian@anl', 0.0, email, 'l1'),
    word('Seen', 0.96, below, 'l2'),
  ];

  it('reads unsure lines again enlarged, and puts the new words back where they are printed', async () => {
    const seen: GreyImage[] = [];
    const words = await rereadUnsureLines(grey, read, 0, inkReader('kamal.subramanian@aol.com', 0.95, seen));
    expect(seen).toHaveLength(1);
    // One stack of one line, enlarged 4× (10 px words, towards a 40 px line).
    expect(seen[0]?.height).toBeGreaterThan(4 * 10);
    const fresh = words.filter((w) => w.text === 'kamal.subramanian@aol.com');
    expect(fresh).toHaveLength(2);
    const right = fresh.find((w) => w.box.left > 200) as OcrWord;
    for (const side of ['left', 'top', 'width', 'height'] as const)
      expect(Math.abs(right.box[side] - email[side])).toBeLessThanOrEqual(1);
    // The line keeps its place and ids; the sure line under it (whose edge the crop's margin catches) is untouched.
    expect(words.map((w) => w.lineId)).toEqual(['l1', 'l1', 'l2']);
    expect(words[2]).toEqual(read[2]);
  });

  it('keeps a line whose new read is no surer, and reads nothing when no line is unsure', async () => {
    expect(await rereadUnsureLines(grey, read, 0, inkReader('x', 0.1))).toEqual(read);
    const seen: GreyImage[] = [];
    const sure = read.map((w) => ({ ...w, confidence: 0.95 }));
    expect(await rereadUnsureLines(grey, sure, 0, inkReader('x', 0.99, seen))).toEqual(sure);
    expect(seen).toHaveLength(0);
  });

  it("puts a sideways line's new words in reading order (up the image at 90°), not in the order of their x", async () => {
    // Two words of one line printed up the page.
    const first = { left: 101, top: 380, width: 10, height: 60 };
    const second = { left: 100, top: 300, width: 10, height: 60 };
    const sideways = page(200, 600, [first, second]);
    // The engine, reading the line turned upright: each dark run across the middle row is a word, w0, w1, ... left
    // to right, each a little higher than the one before (a skewed line), so back on the page their x differ.
    const runs: ReadImage = async (image) => {
      const y = Math.floor(image.height / 2);
      const found: OcrWord[] = [];
      for (let x = 0; x < image.width; x++) {
        if (
          (image.pixels[y * image.width + x] as number) >= 128 ||
          (x > 0 && (image.pixels[y * image.width + x - 1] as number) < 128)
        )
          continue;
        let right = x;
        while (right + 1 < image.width && (image.pixels[y * image.width + right + 1] as number) < 128) right++;
        found.push(
          word(
            `w${found.length}`,
            0.95,
            { left: x, top: y - 5 - 3 * found.length, width: right - x + 1, height: 10 },
            'l0',
          ),
        );
      }
      return found;
    };
    const words = await rereadUnsureLines(
      sideways,
      [word('garbled', 0.1, { left: 100, top: 300, width: 11, height: 140 }, 'l1')],
      90,
      runs,
    );
    expect(words.map((w) => w.text)).toEqual(['w0', 'w1']);
    expect((words[0] as OcrWord).box.top).toBeGreaterThan((words[1] as OcrWord).box.top);
  });

  it('maps words back from a page read sideways', async () => {
    // The same line printed top to bottom (the page was read turned 90° clockwise).
    const tall = { left: 100, top: 300, width: 10, height: 120 };
    const sideways = page(200, 600, [tall]);
    const words = await rereadUnsureLines(
      sideways,
      [word('garbled', 0.1, tall, 'l1')],
      90,
      inkReader('Subramanian', 0.95),
    );
    expect(words).toHaveLength(1);
    for (const side of ['left', 'top', 'width', 'height'] as const)
      expect(Math.abs((words[0] as OcrWord).box[side] - tall[side])).toBeLessThanOrEqual(1);
  });
});
