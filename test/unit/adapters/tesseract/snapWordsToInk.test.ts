import { describe, expect, it } from 'vitest';
import { typeMarks } from '../../../../src/adapters/tesseract/findUnreadInk.ts';
import type { GreyImage } from '../../../../src/adapters/tesseract/GreyImage.ts';
import { snapWordsToInk } from '../../../../src/adapters/tesseract/snapWordsToInk.ts';
import type { PixelBox } from '../../../../src/core/Image.ts';
import { grainyPage, ocrWord } from '../../../helpers/ocrWords.ts';

/** A grainy page (paper 236, grain about ±6) with grey type (150) where `boxes` are. */
const page = (width: number, height: number, boxes: readonly PixelBox[]): GreyImage =>
  grainyPage(width, height, boxes, { grain: 6, seed: 7 });

/** `count` letters 8 × 12 px, 2 px apart (a word), from `left` on the line at `top`. */
function letters(left: number, top: number, count: number): PixelBox[] {
  return Array.from({ length: count }, (_, i) => ({ left: left + i * 10, top, width: 8, height: 12 }));
}

const right = (b: PixelBox) => b.left + b.width;

describe('snapWordsToInk', () => {
  // Two words on a line, 12 px apart (a space), and a line under them.
  const first = letters(40, 40, 5); // ink 40-88
  const second = letters(100, 40, 4); // ink 100-138
  const below = letters(40, 70, 5);
  const grey = page(200, 100, [...first, ...second, ...below]);
  const marks = typeMarks(grey);

  it('grows a word that holds only the darkest strokes to all its letters: its box along the line, its outline every way', () => {
    // The engine boxed the middle three letters, short of the ink above and below.
    const engine = { left: 52, top: 43, width: 24, height: 6 };
    const [snapped] = snapWordsToInk([ocrWord('Salem', 0.9, engine, 'l0')], marks);
    expect(snapped?.box.left).toBeLessThanOrEqual(41);
    expect(right(snapped!.box)).toBeGreaterThanOrEqual(87);
    // The box keeps its line's place: it lays the page out in lines.
    expect(snapped?.box.top).toBe(engine.top);
    expect(snapped?.box.height).toBe(engine.height);
    const xs = snapped!.polygon.map((p) => p.x);
    const ys = snapped!.polygon.map((p) => p.y);
    expect(Math.min(...xs)).toBe(snapped?.box.left);
    expect(Math.max(...xs)).toBe(right(snapped!.box));
    expect(Math.min(...ys)).toBeLessThanOrEqual(41);
    expect(Math.max(...ys)).toBeGreaterThanOrEqual(51);
  });

  it("stops at the space before the next word, read or not, and never takes another word's letters or line", () => {
    const [alone] = snapWordsToInk([ocrWord('Salem', 0.9, { left: 52, top: 43, width: 24, height: 6 }, 'l0')], marks);
    expect(right(alone!.box)).toBeLessThan(100);
    // Its outline takes nothing of the line under it.
    expect(Math.max(...alone!.polygon.map((p) => p.y))).toBeLessThan(70);
    // The next word boxed short too: each grows to its own letters only.
    const [a, b] = snapWordsToInk(
      [
        ocrWord('Salem', 0.9, { left: 52, top: 43, width: 24, height: 6 }, 'l0'),
        ocrWord('Road', 0.9, { left: 110, top: 43, width: 10, height: 6 }, 'l0'),
      ],
      marks,
    );
    expect(right(a!.box)).toBeLessThan(100);
    expect(b?.box.left).toBeGreaterThanOrEqual(99);
    expect(right(b!.box)).toBeGreaterThanOrEqual(137);
  });

  it('takes no mark blur ran across several words: its middle lies in another word', () => {
    // Three words (40-88, 100-138, 150-188) run together into one mark on a blurred scan.
    const run = grainyPage(240, 60, [{ left: 40, top: 20, width: 148, height: 12 }], { grain: 6, seed: 7 });
    const words = [
      ocrWord('Salem', 0.9, { left: 44, top: 22, width: 40, height: 8 }, 'l0'),
      ocrWord('Road', 0.9, { left: 102, top: 22, width: 34, height: 8 }, 'l0'),
      ocrWord('Apt', 0.9, { left: 152, top: 22, width: 34, height: 8 }, 'l0'),
    ];
    const snapped = snapWordsToInk(words, typeMarks(run));
    expect(right(snapped[0]!.box)).toBeLessThan(100);
    expect(snapped[2]?.box.left).toBeGreaterThan(138);
  });

  it("leaves a box over two lines' letters as it is: the engine's junk, no word", () => {
    const junk = ocrWord('Iam', 0.3, { left: 60, top: 38, width: 20, height: 46 }, 'l0');
    expect(snapWordsToInk([junk], marks)).toEqual([junk]);
  });

  it('leaves a word with no ink under it as it was, and never makes a box smaller', () => {
    const nowhere = ocrWord('x', 0.9, { left: 160, top: 80, width: 10, height: 10 }, 'l1');
    // A box wider than its word, to the middle of the space after it.
    const wide = ocrWord('Salem', 0.9, { left: 30, top: 35, width: 64, height: 22 }, 'l0');
    const [n, w] = snapWordsToInk([nowhere, wide], marks);
    expect(n).toEqual(nowhere);
    expect(w?.box).toEqual(wide.box);
  });
});
