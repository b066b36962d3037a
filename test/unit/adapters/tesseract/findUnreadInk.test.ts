import { describe, expect, it } from 'vitest';
import { findUnreadInk } from '../../../../src/adapters/tesseract/findUnreadInk.ts';
import type { GreyImage } from '../../../../src/adapters/tesseract/GreyImage.ts';
import type { OcrWord, PixelBox } from '../../../../src/core/Image.ts';
import { ocrWord, seeded } from '../../../helpers/ocrWords.ts';

/**
 * A scanned page: `paper` grey with `value` where `paint` says, and grain on all of it (about gaussian,
 * sigma ~ `grain` grey levels: the sum of three uniforms), so the paper is not one flat level. The grain
 * changes every `cell` px (blotches `cell` px wide on a coarse scan; one pixel each on a fine one).
 */
function page(
  width: number,
  height: number,
  paint: (x: number, y: number) => number | undefined,
  { paper = 236, grain = 6, seed = 1, cell = 1 } = {},
): GreyImage {
  const random = seeded(seed);
  const across = Math.ceil(width / cell);
  const noise = Array.from(
    { length: across * Math.ceil(height / cell) },
    () => (random() + random() + random() - 1.5) * 2 * grain,
  );
  const pixels = Buffer.alloc(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const grey = (paint(x, y) ?? paper) + (noise[Math.floor(y / cell) * across + Math.floor(x / cell)] as number);
      pixels[y * width + x] = Math.max(0, Math.min(255, Math.round(grey)));
    }
  return { pixels, width, height };
}

const inside = (boxes: readonly PixelBox[]) => (x: number, y: number) =>
  boxes.some((b) => x >= b.left && x < b.left + b.width && y >= b.top && y < b.top + b.height);

/** `count` letter blocks `width` × `height` px, `gap` px apart, from (left, top): one line of type. */
function letters(left: number, top: number, count: number, width = 8, height = 14, gap = 4): PixelBox[] {
  return Array.from({ length: count }, (_, i) => ({ left: left + i * (width + gap), top, width, height }));
}

/** Light grey type (150 on paper 236, the faint address line under a label's header) where `boxes` are. */
const lightType = (boxes: readonly PixelBox[], grey = 150) => {
  const on = inside(boxes);
  return (x: number, y: number) => (on(x, y) ? grey : undefined);
};

/** A word read with confidence over `box`. */
const word = (box: PixelBox): OcrWord => ocrWord('Springfield', 0.95, box, 'l0');

function expectNear(found: PixelBox | undefined, expected: PixelBox, within = 2): void {
  expect(found).toBeDefined();
  for (const side of ['left', 'top', 'width', 'height'] as const)
    expect(Math.abs((found as PixelBox)[side] - expected[side])).toBeLessThanOrEqual(within);
}

describe('findUnreadInk', () => {
  // Ten letters, 8 × 14 px, 4 px apart: a line 116 × 14 px at (100, 80).
  const line = letters(100, 80, 10);
  const lineBox = { left: 100, top: 80, width: 116, height: 14 };

  it('finds a line of light type on grainy paper that no word was read from, where it is printed', () => {
    const found = findUnreadInk(page(600, 200, lightType(line)), []);
    expect(found).toHaveLength(1);
    expectNear(found[0], lineBox);
  });

  it('finds nothing where a word was read, and only the rest of a line half read', () => {
    const scan = page(600, 200, lightType(line));
    expect(findUnreadInk(scan, [word(lineBox)])).toEqual([]);
    // A word over the first four letters: the other six are still a line, from the fifth letter on.
    const found = findUnreadInk(scan, [word({ left: 100, top: 80, width: 44, height: 14 })]);
    expect(found).toHaveLength(1);
    expectNear(found[0], { left: 148, top: 80, width: 68, height: 14 });
  });

  it('takes dust, a dotted leader, a dashed rule, solid bars, a dark band and a picture for no type', () => {
    const random = seeded(7);
    // Dust: 2 × 2 black specks strewn over the top of the page, and a dotted leader ("......") of them.
    const specks = Array.from({ length: 40 }, () => ({
      left: Math.floor(random() * 590),
      top: Math.floor(random() * 290),
      width: 2,
      height: 2,
    }));
    const leader = Array.from({ length: 40 }, (_, i) => ({ left: 20 + 6 * i, top: 30, width: 2, height: 2 }));
    // A dashed table rule 4 px thick: dashes in a row, but each solid and many times as wide as high.
    const rule = Array.from({ length: 7 }, (_, i) => ({ left: 20 + 70 * i, top: 60, width: 60, height: 4 }));
    // Three filled cells side by side, like letters in a row but solid and much wider than high.
    const bars = [0, 1, 2].map((i) => ({ left: 20 + i * 120, top: 100, width: 100, height: 20 }));
    // A dark header band, and a picture too tall for type.
    const band = { left: 20, top: 160, width: 400, height: 40 };
    const picture = { left: 300, top: 230, width: 200, height: 150 };
    const junk = inside([...specks, ...leader, ...rule, ...bars, band]);
    const paint = (x: number, y: number) => (junk(x, y) ? 20 : inside([picture])(x, y) ? 90 : undefined);
    expect(findUnreadInk(page(600, 400, paint), [])).toEqual([]);
    // A line of type on the same page, clear of the rest, is still found, alone.
    const type = inside(letters(40, 330, 10));
    const found = findUnreadInk(
      page(600, 400, (x, y) => (type(x, y) ? 150 : paint(x, y))),
      [],
    );
    expect(found).toHaveLength(1);
    expectNear(found[0], { left: 40, top: 330, width: 116, height: 14 });
  });

  it.each([
    ['two blots side by side', letters(100, 80, 2, 16)],
    // Three strokes 20 px high in a group 22 px wide.
    ['a small icon, as high as it is wide', letters(100, 80, 3, 6, 20, 2)],
  ])('takes %s for no line', (_, marks) => {
    expect(findUnreadInk(page(600, 200, lightType(marks)), [])).toEqual([]);
  });

  it('takes a long rule drawn askew, after two letters of a signature line, for no type', () => {
    // 400 px long and 2 px thick, falling 1 px every 40 px: its box is 10 px high, but it fills little of it.
    const rule = (x: number, y: number) => {
      const top = 80 + Math.floor((x - 50) / 40);
      return x >= 50 && x < 450 && y >= top && y < top + 2;
    };
    const scan = page(600, 200, (x, y) => (rule(x, y) ? 20 : lightType(letters(20, 80, 2))(x, y)));
    expect(findUnreadInk(scan, [])).toEqual([]);
  });

  it('takes show-through from the back of the sheet (20 grey levels under the paper) for no ink', () => {
    expect(findUnreadInk(page(600, 200, lightType(line, 216)), [])).toEqual([]);
  });

  it('takes the blotches of a coarse scan for no type: ink must stand out of the grain, not only of the paper', () => {
    // Blotches 4 px wide, sigma 40 grey levels: some, smoothed, are 40 levels darker than the paper and 5 px high.
    expect(
      findUnreadInk(
        page(600, 200, () => undefined, { grain: 40, cell: 4, seed: 5 }),
        [],
      ),
    ).toEqual([]);
  });

  it('finds two lines one close under the other as two', () => {
    const found = findUnreadInk(page(600, 200, lightType([...line, ...letters(100, 100, 10)])), []).sort(
      (a, b) => a.top - b.top,
    );
    expect(found).toHaveLength(2);
    expectNear(found[0], lineBox);
    expectNear(found[1], { ...lineBox, top: 100 });
  });

  it('finds nothing on a dark page, where type is light on dark and not darker than the paper', () => {
    // Paper 90 with letters of 20: darker than the paper by 70, as type on a light page would be.
    const scan = page(600, 200, lightType(line, 20), { paper: 90 });
    expect(findUnreadInk(scan, [])).toEqual([]);
  });

  it('finds the type of two columns far apart as two lines', () => {
    const left = letters(20, 80, 8);
    const right = letters(460, 82, 8);
    const found = [...findUnreadInk(page(600, 200, lightType([...left, ...right]), { seed: 3 }), [])].sort(
      (a, b) => a.left - b.left,
    );
    expect(found).toHaveLength(2);
    expectNear(found[0], { left: 20, top: 80, width: 92, height: 14 });
    expectNear(found[1], { left: 460, top: 82, width: 92, height: 14 });
  });
});
