import type { PixelBox, Point } from './Image.ts';

/** A box cut to the image (engines report boxes that run past the edges). */
export function clampBox(box: PixelBox, width: number, height: number): PixelBox {
  const left = Math.min(Math.max(box.left, 0), width);
  const top = Math.min(Math.max(box.top, 0), height);
  const right = Math.min(Math.max(box.left + box.width, 0), width);
  const bottom = Math.min(Math.max(box.top + box.height, 0), height);
  return { left, top, width: right - left, height: bottom - top };
}

/** A point moved onto the image. */
export function clampPoint(p: Point, width: number, height: number): Point {
  return { x: Math.min(Math.max(p.x, 0), width), y: Math.min(Math.max(p.y, 0), height) };
}
