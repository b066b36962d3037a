import { describe, expect, it } from 'vitest';
import type { OcrWord, Point } from '../../../src/core/Image.ts';
import { pointInPolygon as inside } from '../../../bench/images/coverage.ts';
import { convexHull, lineRunOutlines } from '../../../src/core/lineRunOutlines.ts';

/** A word whose outline is its box turned by `degrees` about the box's own top-left corner. */
function word(text: string, left: number, top: number, width: number, line: string, degrees = 0): OcrWord {
  const height = 12;
  const a = (degrees * Math.PI) / 180;
  const turn = (x: number, y: number): Point => ({
    x: left + x * Math.cos(a) - y * Math.sin(a),
    y: top + x * Math.sin(a) + y * Math.cos(a),
  });
  return {
    text,
    confidence: 0.9,
    box: { left, top, width, height },
    polygon: [turn(0, 0), turn(width, 0), turn(width, height), turn(0, height)],
    lineId: line,
    blockId: 'b0',
  };
}

const size = { width: 1000, height: 500 };

describe('lineRunOutlines', () => {
  it('covers the gap between words of a span that sit side by side on a line, as one outline', () => {
    const words = [word('23272', 50, 90, 20, 'l1'), word('Ocean', 87, 90, 47, 'l1'), word('Ave', 152, 90, 18, 'l1')];
    const outlines = lineRunOutlines(words, words, [0, 1, 2], 0, size);
    expect(outlines).toHaveLength(1);
    for (const x of [78, 140]) expect(inside({ x, y: 96 }, outlines[0] as Point[])).toBe(true);
    // Padding grows it like a word's own outline.
    const padded = lineRunOutlines(words, words, [0, 1, 2], 4, size)[0] as Point[];
    expect(inside({ x: 78, y: 88 }, padded)).toBe(true);
    expect(inside({ x: 78, y: 80 }, padded)).toBe(false);
  });

  it('leaves words alone on other lines, apart by more than two line heights, or not next in reading order', () => {
    const lines = [word('Maria', 50, 90, 40, 'l1'), word('Lopez', 50, 110, 40, 'l2')];
    expect(lineRunOutlines(lines, lines, [0, 1], 0, size)).toEqual([]);
    const far = [word('Maria', 50, 90, 40, 'l1'), word('Lopez', 125, 90, 40, 'l1')];
    expect(lineRunOutlines(far, far, [0, 1], 0, size)).toEqual([]);
    const between = [word('Maria', 50, 90, 40, 'l1'), word('and', 95, 90, 20, 'l1'), word('Lopez', 120, 90, 40, 'l1')];
    expect(lineRunOutlines(between, between, [0, 2], 0, size)).toEqual([]);
    expect(lineRunOutlines(between, between, [0], 0, size)).toEqual([]);
  });

  it('follows a line printed askew: the outline stays along the line', () => {
    const words = [word('Maria', 100, 100, 40, 'l1', 3), word('Lopez', 146, 102, 40, 'l1', 3)];
    const outline = lineRunOutlines(words, words, [0, 1], 0, size)[0] as Point[];
    // The gap's middle, on the tilted line, is covered; a point a line height below it is not.
    expect(inside({ x: 143, y: 110 }, outline)).toBe(true);
    expect(inside({ x: 143, y: 124 }, outline)).toBe(false);
  });
});

describe('convexHull', () => {
  it('gives the corners clockwise on screen, inner points dropped', () => {
    const hull = convexHull([
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 5, y: 5 },
      { x: 10, y: 10 },
      { x: 0, y: 10 },
    ]);
    expect(hull).toHaveLength(4);
    let twice = 0;
    for (let i = 0; i < hull.length; i++) {
      const a = hull[i] as Point;
      const b = hull[(i + 1) % hull.length] as Point;
      twice += a.x * b.y - b.x * a.y;
    }
    expect(twice).toBeGreaterThan(0);
  });
});
