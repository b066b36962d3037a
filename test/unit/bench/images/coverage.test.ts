import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coveredShare, offsetConvexPolygon, pointInPolygon, polygonArea } from '../../../../bench/images/coverage.ts';
import type { Point } from '../../../../src/core/Image.ts';

const rect = (left: number, top: number, width: number, height: number): Point[] => [
  { x: left, y: top },
  { x: left + width, y: top },
  { x: left + width, y: top + height },
  { x: left, y: top + height },
];

/** `polygon` turned by `deg` about (cx, cy). */
const rotate = (polygon: Point[], deg: number, cx: number, cy: number): Point[] => {
  const [c, s] = [Math.cos((deg * Math.PI) / 180), Math.sin((deg * Math.PI) / 180)];
  return polygon.map(({ x, y }) => ({ x: cx + (x - cx) * c - (y - cy) * s, y: cy + (x - cx) * s + (y - cy) * c }));
};

describe('polygonArea', () => {
  it('is the shoelace area, whatever the winding or rotation', () => {
    expect(polygonArea(rect(3, 4, 10, 5))).toBe(50);
    expect(polygonArea([...rect(3, 4, 10, 5)].reverse())).toBe(50);
    expect(
      polygonArea([
        { x: 0, y: 0 },
        { x: 4, y: 0 },
        { x: 0, y: 3 },
      ]),
    ).toBe(6);
    expect(polygonArea(rotate(rect(0, 0, 10, 5), 17, 5, 2))).toBeCloseTo(50, 9);
  });
});

describe('pointInPolygon', () => {
  it('tells inside from outside for a rotated box', () => {
    const diamond = rotate(rect(0, 0, 10, 10), 45, 5, 5);
    expect(pointInPolygon({ x: 5, y: 5 }, diamond)).toBe(true);
    expect(pointInPolygon({ x: 0.5, y: 0.5 }, diamond)).toBe(false);
    expect(pointInPolygon({ x: 5, y: -1.5 }, diamond)).toBe(true);
  });
});

describe('coveredShare', () => {
  const word = rect(10, 20, 40, 10);

  it('is 1 inside a larger region, 0 for a disjoint one, and the covered fraction in between', () => {
    expect(coveredShare(word, [rect(0, 0, 100, 100)])).toBe(1);
    expect(coveredShare(word, [rect(60, 20, 40, 10)])).toBe(0);
    expect(coveredShare(word, [])).toBe(0);
    expect(coveredShare(word, [rect(10, 20, 20, 10)])).toBe(0.5);
    // A fill one pixel short at the bottom (a descender left showing) covers 90 %.
    expect(coveredShare(word, [rect(10, 20, 40, 9)])).toBeCloseTo(0.9, 9);
  });

  it('counts the union: overlapping regions once, two halves as the whole', () => {
    expect(coveredShare(word, [rect(10, 20, 30, 10), rect(20, 20, 30, 10)])).toBe(1);
    expect(coveredShare(word, [rect(10, 20, 20, 10), rect(10, 20, 20, 10)])).toBe(0.5);
  });

  it('measures rotated outlines: a rotated word inside its rotated, padded fill is covered, inside its unrotated box is not', () => {
    const turned = rotate(word, 3, 500, 400);
    const padded = rotate(rect(8, 18, 44, 14), 3, 500, 400);
    expect(coveredShare(turned, [padded], { step: 0.25 })).toBe(1);
    expect(coveredShare(turned, [word], { step: 0.25 })).toBeLessThan(0.9);
  });

  it('approaches the exact area ratio with a finer step', () => {
    const square = rect(0, 0, 10, 10);
    const triangle = [
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 0, y: 10 },
    ];
    const coarse = Math.abs(coveredShare(square, [triangle]) - 0.5);
    const fine = Math.abs(coveredShare(square, [triangle], { step: 0.1 }) - 0.5);
    expect(fine).toBeLessThan(coarse);
    expect(fine).toBeLessThan(0.01);
  });

  it('ignores the part of a word outside the image, and gives NaN when nothing of it is inside', () => {
    const edge = rect(-10, 0, 20, 10);
    expect(coveredShare(edge, [rect(0, 0, 10, 10)], { width: 100, height: 100 })).toBe(1);
    expect(coveredShare(edge, [rect(0, 0, 10, 10)])).toBe(0.5);
    expect(coveredShare(rect(200, 0, 10, 10), [], { width: 100, height: 100 })).toBeNaN();
    expect(coveredShare(rect(5, 5, 0, 0), [rect(0, 0, 10, 10)])).toBeNaN();
  });

  it('equals the exact intersection area over the word area for boxes on whole pixels', () => {
    const box = fc.record({
      left: fc.integer({ min: 0, max: 40 }),
      top: fc.integer({ min: 0, max: 40 }),
      width: fc.integer({ min: 1, max: 30 }),
      height: fc.integer({ min: 1, max: 30 }),
    });
    fc.assert(
      fc.property(box, box, (a, b) => {
        const w = Math.max(0, Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left));
        const h = Math.max(0, Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top));
        expect(
          coveredShare(rect(a.left, a.top, a.width, a.height), [rect(b.left, b.top, b.width, b.height)]),
        ).toBeCloseTo((w * h) / (a.width * a.height), 12);
      }),
    );
  });
});

describe('offsetConvexPolygon', () => {
  it('grows every side of a wide box by the distance, in either winding', () => {
    const grown = offsetConvexPolygon(rect(10, 20, 200, 20), 2);
    expect(grown.map((p) => [p.x, p.y])).toEqual([
      [8, 18],
      [212, 18],
      [212, 42],
      [8, 42],
    ]);
    const reversed = offsetConvexPolygon([...rect(10, 20, 200, 20)].reverse(), 2);
    expect(polygonArea(reversed)).toBeCloseTo(204 * 24, 9);
  });

  it('keeps a rotated box rotated: the grown outline is the rotated grown box', () => {
    const grown = offsetConvexPolygon(rotate(rect(10, 20, 200, 20), 3, 100, 100), 2);
    const expected = rotate(rect(8, 18, 204, 24), 3, 100, 100);
    grown.forEach((p, i) => {
      expect(p.x).toBeCloseTo((expected[i] as Point).x, 9);
      expect(p.y).toBeCloseTo((expected[i] as Point).y, 9);
    });
  });
});
