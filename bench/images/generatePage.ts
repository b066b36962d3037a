import sharp from 'sharp';
import type { ImageFormat } from '../../src/core/detectImageFormat.ts';
import type { PixelBox, Point } from '../../src/core/Image.ts';
import { mixSeed, Rng } from '../corpus/random.ts';
import type { PhiType } from '../corpus/types.ts';
import { FONT_FAMILIES, type FontFamily } from './fontMetrics.ts';
import { layoutPage, type Layout } from './layoutPage.ts';
import { measureWords, wordText } from './measureWords.ts';
import { PAGE_STYLES, type PageStyle, buildRows } from './pageStyles.ts';

export { FONT_FAMILIES, PAGE_STYLES, type FontFamily, type PageStyle };

export interface GeneratePageOptions {
  seed: number;
  style: PageStyle;
  /** Default 2000 × 1500 (3 MP); `PAGE_SIZES['1mp']` is 1155 × 866. */
  width?: number;
  height?: number;
  /** Turns the whole page (text and boxes) about its centre, clockwise in degrees; ±3 is "slightly skewed". Default 0. */
  rotateDeg?: number;
  /** Set: the page is a JPEG at this quality (60-85 for scan-like noise). Unset: PNG. */
  jpegQuality?: number;
  /** Default: picked from the seed among the DejaVu families. */
  fontFamily?: FontFamily;
  /** Body font size in pixels (titles are larger). Default: picked from the seed in 14-32. */
  fontSize?: number;
}

export interface PageWord {
  text: string;
  /** Tight box around the word's ink, in page pixels (after rotation: the polygon's bounds, clamped to the page). */
  box: PixelBox;
  /** The unrotated ink box's corners after the page's rotation, clockwise from top left. */
  polygon: Point[];
  phi: boolean;
  type?: PhiType;
}

export interface GeneratedPage {
  bytes: Buffer;
  format: ImageFormat;
  width: number;
  height: number;
  fontFamily: FontFamily;
  fontSize: number;
  words: PageWord[];
}

export const PAGE_SIZES = { '3mp': { width: 2000, height: 1500 }, '1mp': { width: 1155, height: 866 } } as const;

/**
 * A synthetic document page with PHI, and every word's box and PHI type, correct by construction: each
 * word is its own <text>, its box is measured from a text-only render, and the rotation applied to the
 * page is applied to the boxes' corners. Same options, same bytes.
 */
export async function generatePage(options: GeneratePageOptions): Promise<GeneratedPage> {
  const { seed, style, width = PAGE_SIZES['3mp'].width, height = PAGE_SIZES['3mp'].height, rotateDeg = 0 } = options;
  if (!PAGE_STYLES.includes(style)) throw new Error(`unknown page style (use one of ${PAGE_STYLES.join(', ')})`);
  const rng = new Rng(mixSeed(seed, PAGE_STYLES.indexOf(style), 0x1a6e));
  const fontFamily = options.fontFamily ?? rng.pick(FONT_FAMILIES);
  const fontSize = options.fontSize ?? rng.int(14, 32);
  const rows = buildRows(style, rng);
  const layout = await layoutPage(rows, { width, height, family: fontFamily, size: fontSize });
  const boxes = await measureWords(layout.words, fontFamily, width, height);
  const turn = rotation(rotateDeg, width / 2, height / 2);
  const words = layout.words.map((w, i): PageWord => {
    const b = boxes[i] as PixelBox;
    const polygon = corners(b).map(turn);
    return { text: w.text, box: rotateDeg ? bounds(polygon, width, height) : b, polygon, phi: w.type !== undefined, ...(w.type ? { type: w.type } : {}) };
  });
  const svg = pageSvg(layout, fontFamily, width, height, rotateDeg);
  const page = sharp(Buffer.from(svg)).flatten({ background: '#ffffff' }).removeAlpha();
  const format: ImageFormat = options.jpegQuality === undefined ? 'png' : 'jpeg';
  const bytes = await (format === 'png' ? page.png() : page.jpeg({ quality: options.jpegQuality })).toBuffer();
  return { bytes, format, width, height, fontFamily, fontSize, words };
}

function pageSvg(layout: Layout, family: FontFamily, width: number, height: number, rotateDeg: number): string {
  const bars = layout.bars.map((b) => `<rect x="0" y="${b.top}" width="${width}" height="${b.height}" fill="${b.colour}"/>`);
  // Light grey rules: visible structure, but not "ink" for OCR-free checks (they stay above 128).
  const rules = layout.rules.map((y) => `<line x1="${Math.round(width * 0.05)}" y1="${y}" x2="${Math.round(width * 0.95)}" y2="${y}" stroke="#c4c4c4" stroke-width="1"/>`);
  const texts = layout.words.map((w) => wordText(w, family, w.colour));
  const turn = rotateDeg ? ` transform="rotate(${rotateDeg} ${width / 2} ${height / 2})"` : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#fff"/>` +
    `<g${turn}><rect width="100%" height="100%" fill="#fff"/>${bars.join('')}${rules.join('')}${texts.join('')}</g></svg>`;
}

/** SVG's rotate(deg cx cy): clockwise on screen (y points down). */
function rotation(deg: number, cx: number, cy: number): (p: Point) => Point {
  const [c, s] = [Math.cos((deg * Math.PI) / 180), Math.sin((deg * Math.PI) / 180)];
  return ({ x, y }) => ({ x: cx + (x - cx) * c - (y - cy) * s, y: cy + (x - cx) * s + (y - cy) * c });
}

/** A box's outline as pixel edges: the box covers pixels left..left+width-1, so its right edge is left+width. */
function corners(b: PixelBox): Point[] {
  return [{ x: b.left, y: b.top }, { x: b.left + b.width, y: b.top }, { x: b.left + b.width, y: b.top + b.height }, { x: b.left, y: b.top + b.height }];
}

function bounds(points: readonly Point[], width: number, height: number): PixelBox {
  const left = Math.max(0, Math.floor(Math.min(...points.map((p) => p.x))));
  const top = Math.max(0, Math.floor(Math.min(...points.map((p) => p.y))));
  const right = Math.min(width, Math.ceil(Math.max(...points.map((p) => p.x))));
  const bottom = Math.min(height, Math.ceil(Math.max(...points.map((p) => p.y))));
  return { left, top, width: Math.max(0, right - left), height: Math.max(0, bottom - top) };
}
