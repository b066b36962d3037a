import type { Point } from '../../core/Image.ts';
import { type Rgb, rgbHex } from './parseFill.ts';

export interface RegionsSvgOptions {
  width: number;
  height: number;
  fill: Rgb;
  /** Grows every polygon outward by this many pixels (a stroke of twice the width, mitred corners). */
  paddingPx: number;
}

/**
 * One SVG the size of the image with a filled <polygon> per region, to composite over it in one pass.
 * Edges are not anti-aliased (`crispEdges`): every pixel whose centre is inside a (padded) polygon gets
 * exactly the fill colour, none is half-covered. Regions that miss the image, or have non-finite
 * coordinates, are left out; the SVG viewport clips the rest (that is the clamp). Returns undefined
 * when no region touches the image.
 */
export function regionsSvg(regions: readonly (readonly Point[])[], options: RegionsSvgOptions): Buffer | undefined {
  const { width, height, paddingPx } = options;
  const colour = rgbHex(options.fill);
  const stroke = paddingPx > 0 ? ` stroke="${colour}" stroke-width="${2 * paddingPx}" stroke-linejoin="miter"` : '';
  // Far-away vertices are pulled in so the SVG stays small; this only reshapes parts well outside the image.
  const limit = 4 * Math.max(width, height);
  const shapes: string[] = [];
  for (const region of regions) {
    if (region.length === 0 || !region.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))) continue;
    const xs = region.map((p) => p.x);
    const ys = region.map((p) => p.y);
    const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    if (maxX + paddingPx < 0 || maxY + paddingPx < 0 || minX - paddingPx > width || minY - paddingPx > height) continue;
    // A dot, a line or an empty OCR box (fewer than three points, or bounds under a pixel): cover its bounds
    // grown to a pixel, since a renderer strokes nothing along a zero-length outline.
    const thin = region.length < 3 || maxX - minX < 1 || maxY - minY < 1;
    const points = thin ? grownBounds(minX, maxX, minY, maxY) : region;
    const clamp = (v: number) => Math.min(limit, Math.max(-limit, v)).toFixed(2);
    shapes.push(`<polygon points="${points.map((p) => `${clamp(p.x)},${clamp(p.y)}`).join(' ')}"/>`);
  }
  if (shapes.length === 0) return undefined;
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
      `<g fill="${colour}"${stroke} shape-rendering="crispEdges">${shapes.join('')}</g></svg>`,
  );
}

function grownBounds(minX: number, maxX: number, minY: number, maxY: number): Point[] {
  const [cx, cy] = [(minX + maxX) / 2, (minY + maxY) / 2];
  const [hw, hh] = [Math.max(0.5, (maxX - minX) / 2), Math.max(0.5, (maxY - minY) / 2)];
  return [
    { x: cx - hw, y: cy - hh },
    { x: cx + hw, y: cy - hh },
    { x: cx + hw, y: cy + hh },
    { x: cx - hw, y: cy + hh },
  ];
}
