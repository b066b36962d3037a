import sharp, { type Sharp } from 'sharp';
import type { PixelBox, Point } from '../../src/core/Image.ts';

/**
 * Renders lines of words as an image with sharp (SVG text, system fonts through fontconfig) and returns
 * each word's true ink box.
 *
 * How the boxes are known without font metrics: every word is its own `<text>` element at a pen position
 * we choose. Its ink extent relative to that pen position is measured once by rendering the word alone on
 * white and trimming (`sharp().trim()` reports the cropped size and offsets). The next word starts a
 * fixed gap after the previous word's ink. With `rotateDeg`, the whole page is rotated about its centre
 * inside the SVG (same canvas size), and the word outlines are rotated the same way: `polygon` is the true
 * rotated outline and `box` its axis-aligned bounding box, clamped to the image.
 *
 * Needs a font fontconfig can find (DejaVu here); without one no text renders, so tests use the PNGs
 * committed under test/fixtures/images/ (regenerate with `npx tsx test/fixtures/images/ocr-generate.ts`).
 */
export interface RenderTextOptions {
  /** Words per line. */
  lines: string[][];
  /** Font size in pixels (default 32). */
  fontSize?: number;
  /** CSS font family (default 'DejaVu Sans'). */
  font?: string;
  fontWeight?: 'normal' | 'bold';
  /** Rotation of the text about the page centre, clockwise in degrees (default 0). */
  rotateDeg?: number;
  format?: 'png' | 'jpeg' | 'webp' | 'tiff';
  /** JPEG/WebP quality (default 90). */
  quality?: number;
  /** Page size; by default just big enough for the text plus margins. */
  width?: number;
  height?: number;
  /** Left and top margin in pixels (default 2 × fontSize). */
  margin?: number;
  /** Distance between baselines as a multiple of fontSize (default 1.6). */
  lineSpacing?: number;
}

export interface RenderedWord {
  text: string;
  box: PixelBox;
  /** Clockwise from top left; the box corners when not rotated. */
  polygon: Point[];
  line: number;
}

export interface RenderedText {
  bytes: Buffer;
  width: number;
  height: number;
  words: RenderedWord[];
}

interface Ink {
  /** Ink offset from the pen position (x) and from the baseline (y, negative above it). */
  dx: number;
  dy: number;
  width: number;
  height: number;
}

const inkCache = new Map<string, Promise<Ink>>();

export async function renderTextImage(options: RenderTextOptions): Promise<RenderedText> {
  const fontSize = options.fontSize ?? 32;
  const font = options.font ?? 'DejaVu Sans';
  const weight = options.fontWeight ?? 'normal';
  const margin = options.margin ?? 2 * fontSize;
  const step = (options.lineSpacing ?? 1.6) * fontSize;
  const gap = Math.round(fontSize * 0.45);

  const placed: { text: string; x: number; y: number; ink: Ink; line: number }[] = [];
  let right = 0;
  for (const [line, words] of options.lines.entries()) {
    const y = Math.round(margin + fontSize + line * step);
    let x = margin;
    for (const text of words) {
      if (text.trim() === '') continue;
      const ink = await measureInk(text, fontSize, font, weight);
      const pen = x - ink.dx; // the ink starts exactly at x
      placed.push({ text, x: pen, y, ink, line });
      x += ink.width + gap;
      right = Math.max(right, x);
    }
  }
  const width = options.width ?? Math.ceil(right + margin);
  const height = options.height ?? Math.ceil(margin * 2 + fontSize + Math.max(0, options.lines.length - 1) * step);
  const angle = options.rotateDeg ?? 0;
  const centre = { x: width / 2, y: height / 2 };

  const texts = placed.map((w) => textElement(w.text, w.x, w.y, fontSize, font, weight)).join('');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<rect width="100%" height="100%" fill="#fff"/>` +
    `<g transform="rotate(${angle} ${centre.x} ${centre.y})">${texts}</g></svg>`;
  const bytes = await encode(sharp(Buffer.from(svg)).flatten({ background: '#fff' }).greyscale(), options);

  const words = placed.map((w) => {
    const left = w.x + w.ink.dx;
    const top = w.y + w.ink.dy;
    const corners = [
      { x: left, y: top },
      { x: left + w.ink.width, y: top },
      { x: left + w.ink.width, y: top + w.ink.height },
      { x: left, y: top + w.ink.height },
    ];
    const polygon = corners.map((p) => rotate(p, centre, angle));
    return { text: w.text, box: boundingBox(polygon, width, height), polygon, line: w.line };
  });
  return { bytes, width, height, words };
}

async function encode(image: Sharp, options: RenderTextOptions): Promise<Buffer> {
  const quality = options.quality ?? 90;
  switch (options.format ?? 'png') {
    case 'jpeg':
      return image.jpeg({ quality }).toBuffer();
    case 'webp':
      return image.webp({ quality }).toBuffer();
    case 'tiff':
      return image.tiff().toBuffer();
    default:
      return image.png().toBuffer();
  }
}

function measureInk(text: string, fontSize: number, font: string, weight: string): Promise<Ink> {
  const key = `${font}|${weight}|${fontSize}|${text}`;
  let ink = inkCache.get(key);
  if (!ink) {
    ink = measureInkUncached(text, fontSize, font, weight);
    inkCache.set(key, ink);
  }
  return ink;
}

async function measureInkUncached(text: string, fontSize: number, font: string, weight: string): Promise<Ink> {
  const pen = { x: fontSize, y: 2 * fontSize };
  const width = Math.ceil(fontSize * (text.length + 2));
  const height = Math.ceil(fontSize * 3);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<rect width="100%" height="100%" fill="#fff"/>${textElement(text, pen.x, pen.y, fontSize, font, weight)}</svg>`;
  const { info } = await sharp(Buffer.from(svg))
    .flatten({ background: '#fff' })
    .trim({ background: '#fff', threshold: 40 })
    .toBuffer({ resolveWithObject: true });
  // trimOffsetLeft/Top are the (negative) offsets of the kept region in the original.
  const inkLeft = -(info.trimOffsetLeft ?? 0);
  const inkTop = -(info.trimOffsetTop ?? 0);
  if (info.width === width && info.height === height)
    throw new Error('renderTextImage: no ink rendered (is a font installed?)');
  return { dx: inkLeft - pen.x, dy: inkTop - pen.y, width: info.width, height: info.height };
}

function textElement(text: string, x: number, y: number, fontSize: number, font: string, weight: string): string {
  return `<text x="${x}" y="${y}" font-family="${escapeXml(font)}" font-size="${fontSize}" font-weight="${weight}" fill="#000">${escapeXml(text)}</text>`;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function rotate(p: Point, c: Point, degrees: number): Point {
  const a = (degrees * Math.PI) / 180;
  const dx = p.x - c.x;
  const dy = p.y - c.y;
  // SVG's rotate(): clockwise on screen because y points down.
  return { x: c.x + dx * Math.cos(a) - dy * Math.sin(a), y: c.y + dx * Math.sin(a) + dy * Math.cos(a) };
}

function boundingBox(points: Point[], width: number, height: number): PixelBox {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const left = Math.max(0, Math.floor(Math.min(...xs)));
  const top = Math.max(0, Math.floor(Math.min(...ys)));
  const right = Math.min(width, Math.ceil(Math.max(...xs)));
  const bottom = Math.min(height, Math.ceil(Math.max(...ys)));
  return { left, top, width: right - left, height: bottom - top };
}

/** Intersection over union of two boxes (0 when they do not touch). */
export function boxIou(a: PixelBox, b: PixelBox): number {
  const w = Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left);
  const h = Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top);
  if (w <= 0 || h <= 0) return 0;
  const inter = w * h;
  return inter / (a.width * a.height + b.width * b.height - inter);
}

/**
 * Area overlap of two convex polygons, by sampling a pixel grid over their bounds (tests only):
 * `iou`, `coverage` (the share of `truth` inside `candidate`) and `excess` (area of `candidate` outside
 * `truth`, relative to the area of `truth`).
 */
export function polygonOverlap(candidate: Point[], truth: Point[]): { iou: number; coverage: number; excess: number } {
  const all = [...candidate, ...truth];
  const xs = all.map((p) => p.x);
  const ys = all.map((p) => p.y);
  let both = 0;
  let inCandidate = 0;
  let inTruth = 0;
  for (let y = Math.floor(Math.min(...ys)); y <= Math.ceil(Math.max(...ys)); y += 0.5) {
    for (let x = Math.floor(Math.min(...xs)); x <= Math.ceil(Math.max(...xs)); x += 0.5) {
      const c = insideConvex(candidate, x, y);
      const t = insideConvex(truth, x, y);
      if (c) inCandidate++;
      if (t) inTruth++;
      if (c && t) both++;
    }
  }
  const union = inCandidate + inTruth - both;
  return {
    iou: union === 0 ? 0 : both / union,
    coverage: inTruth === 0 ? 0 : both / inTruth,
    excess: inTruth === 0 ? 0 : (inCandidate - both) / inTruth,
  };
}

function insideConvex(polygon: Point[], x: number, y: number): boolean {
  let sign = 0;
  for (let i = 0; i < polygon.length; i++) {
    const a = polygon[i] as Point;
    const b = polygon[(i + 1) % polygon.length] as Point;
    const cross = (b.x - a.x) * (y - a.y) - (b.y - a.y) * (x - a.x);
    if (cross === 0) continue;
    if (sign === 0) sign = Math.sign(cross);
    else if (Math.sign(cross) !== sign) return false;
  }
  return true;
}
