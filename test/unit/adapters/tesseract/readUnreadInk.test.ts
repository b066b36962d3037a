import { describe, expect, it } from 'vitest';
import type { GreyImage } from '../../../../src/adapters/tesseract/GreyImage.ts';
import { readUnreadInk } from '../../../../src/adapters/tesseract/readUnreadInk.ts';
import { STACK_GAP } from '../../../../src/adapters/tesseract/stackStrips.ts';
import type { PixelBox } from '../../../../src/core/Image.ts';
import { grainyPage, inkReader, ocrWord as word } from '../../../helpers/ocrWords.ts';

/** Grainy paper (236, sigma ~ 4) with light grey type (150) in `ink`: type the page's threshold misses. */
const page = (width: number, height: number, ink: readonly PixelBox[]): GreyImage => grainyPage(width, height, ink);

/** The pixels of a stack of one strip, inside the white around it. */
function stripPixels(stack: GreyImage): number[] {
  const out: number[] = [];
  for (let y = STACK_GAP; y < stack.height - STACK_GAP; y++)
    for (let x = STACK_GAP; x < stack.width - STACK_GAP; x++) out.push(stack.pixels[y * stack.width + x] as number);
  return out;
}

function expectNear(found: PixelBox, expected: PixelBox): void {
  for (const side of ['left', 'top', 'width', 'height'] as const)
    expect(Math.abs(found[side] - expected[side])).toBeLessThanOrEqual(1);
}

describe('readUnreadInk', () => {
  // A faint line of three words, 30 × 14 px each and 8 px apart, that the page's read missed, between
  // two lines it read.
  const unread = [0, 1, 2].map((i) => ({ left: 100 + 38 * i, top: 100, width: 30, height: 14 }));
  const grey = page(400, 200, unread);
  const above = word('Patient', 0.95, { left: 100, top: 40, width: 60, height: 14 }, 'l1');
  const below = word('Refills', 0.95, { left: 100, top: 160, width: 60, height: 14 }, 'l2');

  it('reads the unread line once, enlarged, and adds its words where they are printed, in reading order', async () => {
    const seen: GreyImage[] = [];
    const words = await readUnreadInk(grey, [above, below], 0, inkReader('Springfield', 0.9, seen));
    expect(seen).toHaveLength(1);
    // The 14 px line, cut with 7 px above and below, is enlarged 40 / 14 times (to a 40 px line).
    expect(Math.abs((seen[0]?.height ?? 0) - 2 * STACK_GAP - (28 * 40) / 14)).toBeLessThanOrEqual(1);
    // Its contrast stretched: the grey type (150 on 236) comes to the engine black on white.
    const strip = [...stripPixels(seen[0] as GreyImage)].sort((a, b) => a - b);
    expect(strip[Math.floor(strip.length / 2)]).toBeGreaterThanOrEqual(250);
    expect(strip[Math.floor(strip.length / 20)]).toBeLessThanOrEqual(20);
    expect(words.map((w) => w.text)).toEqual(['Patient', 'Springfield', 'Springfield', 'Springfield', 'Refills']);
    const added = words.slice(1, 4);
    added.forEach((w, i) => expectNear(w.box, unread[i] as PixelBox));
    expect(added.every((w) => w.lineId === 'ink.0' && w.blockId === 'ink.0')).toBe(true);
    expect([words[0], words[4]]).toEqual([above, below]);
  });

  // A word read where the first of the three is printed, over its left edge only (so the line is still unread).
  const under = { left: 100, top: 100, width: 8, height: 14 };

  it('leaves out a line read with less text than the words already read there, or read as specks', async () => {
    const read = [above, word('Independence', 0.95, under, 'l3'), below];
    expect(await readUnreadInk(grey, read, 0, inkReader('MO', 0.9))).toEqual(read);
    expect(await readUnreadInk(grey, [above, below], 0, inkReader('l', 0.5))).toEqual([above, below]);
  });

  it("adds no word from the edge of the next line that the crop's margin catches, and keeps that line", async () => {
    // A line read just under the unread one: 4 px between them, less than the 7 px margin of the crop.
    const next = unread.map((b) => ({ ...b, top: 118 }));
    const read = word('Refills', 0.95, { left: 100, top: 118, width: 106, height: 14 }, 'l2');
    const words = await readUnreadInk(page(400, 200, [...unread, ...next]), [read], 0, inkReader('Springfield', 0.9));
    expect(words.map((w) => w.text)).toEqual(['Springfield', 'Springfield', 'Springfield', 'Refills']);
    expect(words[3]).toEqual(read);
  });

  it('replaces a junk word ("4", read unsure) under a line found there', async () => {
    const words = await readUnreadInk(grey, [above, word('4', 0.3, under, 'l3'), below], 0, inkReader('April', 0.9));
    expect(words.map((w) => w.text)).toEqual(['Patient', 'April', 'April', 'April', 'Refills']);
  });

  it('does not read a page with nothing unread', async () => {
    const seen: GreyImage[] = [];
    const read = [above, word('Springfield', 0.95, { left: 100, top: 100, width: 106, height: 14 }, 'l3'), below];
    expect(await readUnreadInk(grey, read, 0, inkReader('x', 0.9, seen))).toEqual(read);
    expect(seen).toHaveLength(0);
  });

  it('finds a line printed up a page that was read turned 90°, and puts its words where they are printed', async () => {
    // The same three words printed up the page: turned 90° clockwise, they read across, first word left.
    const up = [0, 1, 2].map((i) => ({ left: 100, top: 270 - 38 * i, width: 14, height: 30 }));
    const seen: GreyImage[] = [];
    const words = await readUnreadInk(page(200, 400, up), [], 90, inkReader('Springfield', 0.9, seen));
    expect(seen).toHaveLength(1);
    // The engine was given the line upright: wider than high.
    expect(seen[0]?.width).toBeGreaterThan(seen[0]?.height ?? Infinity);
    expect(words).toHaveLength(3);
    words.forEach((w, i) => expectNear(w.box, up[i] as PixelBox));
  });
});
