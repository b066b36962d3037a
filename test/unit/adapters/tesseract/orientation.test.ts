import { describe, expect, it } from 'vitest';
import type { OcrWord } from '../../../../src/core/Image.ts';
import { turnGrey, type QuarterTurn } from '../../../../src/adapters/tesseract/GreyImage.ts';
import { legibleWordCount, readsUpright, type ReadPage } from '../../../../src/adapters/tesseract/readsUpright.ts';
import { unturnPoint, unturnWords } from '../../../../src/adapters/tesseract/unturnWords.ts';

const word = (text: string, confidence = 0.95): OcrWord => ({
  text,
  confidence,
  box: { left: 0, top: 0, width: 1, height: 1 },
  polygon: [],
  lineId: 'b0.l0',
  blockId: 'b0',
});
const legible = (n: number): OcrWord[] => Array.from({ length: n }, (_, i) => word(`Word${i}`));

describe('turnGrey', () => {
  // 3 × 2:  a b c
  //         d e f
  const image = { pixels: Buffer.from([1, 2, 3, 4, 5, 6]), width: 3, height: 2 };
  it('turns clockwise by quarter turns', () => {
    expect(turnGrey(image, 90)).toEqual({ pixels: Buffer.from([4, 1, 5, 2, 6, 3]), width: 2, height: 3 });
    expect(turnGrey(image, 180)).toEqual({ pixels: Buffer.from([6, 5, 4, 3, 2, 1]), width: 3, height: 2 });
    expect(turnGrey(image, 270)).toEqual({ pixels: Buffer.from([3, 6, 2, 5, 1, 4]), width: 2, height: 3 });
    expect(turnGrey(image, 0)).toBe(image);
  });
});

describe('unturnWords', () => {
  it('undoes each turn: a pixel turned and brought back lands where it was', () => {
    const width = 30;
    const height = 20;
    const pixel = { left: 4, top: 7 };
    for (const turn of [90, 180, 270] as const) {
      // Where turnGrey puts the pixel, as a 1 × 1 square.
      const at =
        turn === 90
          ? { x: height - 1 - pixel.top, y: pixel.left }
          : turn === 180
            ? { x: width - 1 - pixel.left, y: height - 1 - pixel.top }
            : { x: pixel.top, y: width - 1 - pixel.left };
      const square = [at, { x: at.x + 1, y: at.y }, { x: at.x + 1, y: at.y + 1 }, { x: at.x, y: at.y + 1 }];
      const [back] = unturnWords([{ ...word('x'), polygon: square }], turn, width, height);
      expect(back?.box).toEqual({ left: 4, top: 7, width: 1, height: 1 });
      // Clockwise from the top-left corner again.
      expect(back?.polygon).toEqual([
        { x: 4, y: 7 },
        { x: 5, y: 7 },
        { x: 5, y: 8 },
        { x: 4, y: 8 },
      ]);
    }
  });

  it('maps the turned page corners onto the page corners', () => {
    expect(unturnPoint(90, 30, 20)({ x: 0, y: 0 })).toEqual({ x: 0, y: 20 });
    expect(unturnPoint(270, 30, 20)({ x: 0, y: 0 })).toEqual({ x: 30, y: 0 });
    expect(unturnPoint(180, 30, 20)({ x: 0, y: 0 })).toEqual({ x: 30, y: 20 });
  });
});

describe('readsUpright', () => {
  /** A fake engine: legible words per turn (and per scale: `big` when enlarged, at `bigTurn` only if set), type `height` px high at 1×. */
  const reader = (
    scores: Partial<Record<QuarterTurn, number>>,
    options: { height?: number; big?: number; bigTurn?: QuarterTurn } = {},
  ) => {
    const tried: string[] = [];
    const read: ReadPage = async (turn, scale) => {
      tried.push(scale === 1 ? `${turn}` : `${turn}@${scale}`);
      const enlarged = options.bigTurn === undefined || options.bigTurn === turn ? (options.big ?? 0) : 0;
      const n = scale === 1 ? (scores[turn] ?? 0) : enlarged;
      const height = (options.height ?? 20) * scale;
      return {
        turn,
        scale,
        words: legible(n).map((w) => ({ ...w, box: { ...w.box, height, width: w.text.length * height * 0.6 } })),
      };
    };
    return { tried, read };
  };

  it('reads a page that reads well once', async () => {
    const { tried, read } = reader({ 0: 40 });
    expect((await readsUpright(read, 2)).turn).toBe(0);
    expect(tried).toEqual(['0']);
  });

  it('finds a page upside down with one more read', async () => {
    const { tried, read } = reader({ 0: 2, 180: 40 });
    expect((await readsUpright(read, 2)).turn).toBe(180);
    expect(tried).toEqual(['0', '180']);
  });

  it('reads a page upside down too when a dozen legible words are only a small share of its read', async () => {
    // Large type read upside down: 14 "legible" words of 196 ("uo oydis"); the right way up, 129.
    const garbage = (n: number): OcrWord[] => legible(n).map((w) => ({ ...w, text: 'xq', confidence: 0.3 }));
    const tried: QuarterTurn[] = [];
    const read: ReadPage = async (turn, scale) => {
      tried.push(turn);
      const words = turn === 0 ? [...legible(14), ...garbage(182)] : [...legible(129), ...garbage(67)];
      return { turn, scale, words };
    };
    expect((await readsUpright(read, 1)).turn).toBe(180);
    expect(tried).toEqual([0, 180]);
    // A page that reads mostly legible is not read again.
    const { tried: once, read: clean } = reader({ 0: 14 });
    expect((await readsUpright(clean, 1)).turn).toBe(0);
    expect(once).toEqual(['0']);
  });

  it('tries sideways only when neither upright nor upside down reads as anything', async () => {
    const sideways = reader({ 270: 35 });
    expect((await readsUpright(sideways.read, 2)).turn).toBe(270);
    expect(sideways.tried).toEqual(['0', '180', '90', '270']);
    const sparse = reader({ 0: 5 });
    expect((await readsUpright(sparse.read, 2)).turn).toBe(0);
    expect(sparse.tried).toEqual(['0', '180']);
  });

  it('reads both sideways turns and keeps the better: the wrong one is the page upside down, which may read "well"', async () => {
    for (const [scores, turn] of [
      [{ 90: 12, 270: 35 }, 270],
      [{ 90: 35, 270: 12 }, 90],
    ] as const) {
      const page = reader(scores);
      expect((await readsUpright(page.read, 1)).turn).toBe(turn);
      expect(page.tried).toEqual(['0', '180', '90', '270']);
    }
  });

  it('keeps the upright read on a tie or when no turn reads well enough', async () => {
    expect((await readsUpright(reader({ 0: 4, 180: 4 }).read, 2)).turn).toBe(0);
    expect((await readsUpright(reader({ 90: 2 }).read, 1)).turn).toBe(0);
  });

  it('reads small type again enlarged, and keeps the enlarged read when it reads more', async () => {
    const small = reader({ 0: 6 }, { height: 9, big: 30 });
    expect(await readsUpright(small.read, 2)).toMatchObject({ turn: 0, scale: 2 });
    expect(small.tried).toEqual(['0', '180', '0@2']);
    const large = reader({ 0: 6 }, { height: 30, big: 30 });
    expect((await readsUpright(large.read, 2)).scale).toBe(1);
    expect(large.tried).toEqual(['0', '180']);
  });

  it('judges type size by letter width too, so specks that make boxes tall do not hide small type', async () => {
    const specks: ReadPage = async (turn, scale) => ({
      turn,
      scale,
      words: legible(scale === 1 ? 12 : 40).map((w) => ({
        ...w,
        box: { ...w.box, height: 28 * scale, width: w.text.length * 5.5 * scale },
      })),
    });
    expect((await readsUpright(specks, 2)).scale).toBe(2);
  });

  it('enlarges a page that reads as nothing any way round, last, and never past the pixel cap', async () => {
    const tiny = reader({}, { big: 12 });
    expect(await readsUpright(tiny.read, 1.5)).toMatchObject({ turn: 0, scale: 1.5 });
    expect(tiny.tried).toEqual(['0', '180', '90', '270', '0@1.5']);
    const huge = reader({}, { big: 12 });
    expect((await readsUpright(huge.read, 1)).scale).toBe(1);
    expect(huge.tried).toEqual(['0', '180', '90', '270']);
  });

  it('reads small type upside down enlarged: when only the enlarged page reads, or when the turned read is small', async () => {
    const unreadable = reader({}, { big: 20, bigTurn: 180 });
    expect(await readsUpright(unreadable.read, 2)).toMatchObject({ turn: 180, scale: 2 });
    expect(unreadable.tried).toEqual(['0', '180', '90', '270', '0@2', '180@2']);
    const small = reader({ 180: 5 }, { height: 9, big: 30, bigTurn: 180 });
    expect(await readsUpright(small.read, 2)).toMatchObject({ turn: 180, scale: 2 });
    expect(small.tried).toEqual(['0', '180', '180@2']);
  });

  it('counts only confident words with three letters or digits in a row', () => {
    expect(
      legibleWordCount([word('Smith'), word('12.04.2020'), word('a.b'), word('Smith', 0.5), word('-'), word('Köln')]),
    ).toBe(3);
  });
});
