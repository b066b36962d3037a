import sharp, { type Sharp } from 'sharp';
import type { ImageFormat } from '../../src/core/detectImageFormat.ts';
import type { PixelBox, Point } from '../../src/core/Image.ts';
import { mixSeed, Rng } from '../corpus/random.ts';
import type { PhiType } from '../corpus/types.ts';
import { DEJAVU_FAMILIES, FONT_FAMILIES, fontSet, installedFamilies, type FontFamily } from './fontMetrics.ts';
import { layoutPage, type Layout } from './layoutPage.ts';
import { measureWords, wordText } from './measureWords.ts';
import { radiographArt } from './radiographArt.ts';
import {
  ALL_PAGE_STYLES,
  buildPage,
  FORM_VARIANTS,
  kindOf,
  PAGE_KINDS,
  PAGE_STYLES,
  type PageKind,
  type PageStyle,
} from './pageStyles.ts';

export {
  ALL_PAGE_STYLES,
  DEJAVU_FAMILIES,
  FONT_FAMILIES,
  FORM_VARIANTS,
  fontSet,
  installedFamilies,
  kindOf,
  PAGE_KINDS,
  PAGE_STYLES,
  type FontFamily,
  type PageKind,
  type PageStyle,
};

/** Scanner or fax noise, applied after the rotation and before JPEG encoding. */
export interface PageNoise {
  /** Standard deviation of the gaussian noise added to every pixel, in grey levels (8-20 is a poor scan). */
  sigma: number;
  /** Share of pixels turned into specks (dark on light ground, light on dark), e.g. 0.001-0.004. */
  speckle: number;
  /** Gaussian blur sigma in pixels (0 for none; 0.5-1.0 for a soft scan). */
  blur: number;
}

export type QuarterTurn = 0 | 90 | 180 | 270;

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
  /** Scanner or fax noise (gaussian, specks, blur). Default none. */
  noise?: PageNoise;
  /**
   * Turns the finished page (after rotation and noise) by a quarter turn clockwise, exactly (no resampling),
   * with no EXIF orientation tag: a page scanned sideways or upside down. Width and height swap at 90 and 270.
   */
  turn?: QuarterTurn;
  /** Default: picked from the seed among `FONT_FAMILIES`. Any family fontconfig knows (`installedFamilies()`). */
  fontFamily?: FontFamily;
  /** Body font size in pixels (titles are larger). Default: picked from the seed in 14-32. */
  fontSize?: number;
}

export interface PageWord {
  text: string;
  /** Tight box around the word's ink, in page pixels (after rotation: the polygon's bounds, clamped to the page). */
  box: PixelBox;
  /**
   * The unrotated ink box's corners after the page's rotation (and quarter turn), starting at the word's own
   * top left and going round clockwise on screen (the first edge runs along the text's reading direction).
   */
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
  const {
    seed,
    style,
    width = PAGE_SIZES['3mp'].width,
    height = PAGE_SIZES['3mp'].height,
    rotateDeg = 0,
    turn = 0,
  } = options;
  if (!ALL_PAGE_STYLES.includes(style))
    throw new Error(`unknown page style (use one of ${ALL_PAGE_STYLES.join(', ')})`);
  if (![0, 90, 180, 270].includes(turn)) throw new Error('turn must be 0, 90, 180 or 270');
  const rng = new Rng(mixSeed(seed, ALL_PAGE_STYLES.indexOf(style), 0x1a6e));
  const fontFamily = options.fontFamily ?? rng.pick(FONT_FAMILIES);
  const fontSize = options.fontSize ?? rng.int(14, 32);
  const design = buildPage(style, rng);
  const layout = await layoutPage(design.rows, { width, height, family: fontFamily, size: fontSize });
  const boxes = await measureWords(layout.words, fontFamily, width, height);
  const tilt = rotation(rotateDeg, width / 2, height / 2);
  const quarter = quarterTurn(turn, width, height);
  const [outW, outH] = turn === 90 || turn === 270 ? [height, width] : [width, height];
  const words = layout.words.map((w, i): PageWord => {
    const b = boxes[i] as PixelBox;
    const polygon = corners(b).map(tilt).map(quarter);
    return {
      text: w.text,
      box: rotateDeg || turn ? bounds(polygon, outW, outH) : b,
      polygon,
      phi: w.type !== undefined,
      ...(w.type ? { type: w.type } : {}),
    };
  });
  const art = design.dark ? radiographArt(layout, width, height, new Rng(mixSeed(seed, 0xa27))) : '';
  const svg = pageSvg(layout, fontFamily, width, height, rotateDeg, design.dark ? '#000' : '#fff', art);
  let page = sharp(Buffer.from(svg), { limitInputPixels: false })
    .flatten({ background: design.dark ? '#000000' : '#ffffff' })
    .removeAlpha();
  if (options.noise) page = await addNoise(page, options.noise, new Rng(mixSeed(seed, 0x0153)));
  if (turn) page = sharp(await page.rotate(turn).png({ compressionLevel: 1 }).toBuffer());
  const format: ImageFormat = options.jpegQuality === undefined ? 'png' : 'jpeg';
  const bytes = await (format === 'png' ? page.png() : page.jpeg({ quality: options.jpegQuality })).toBuffer();
  return { bytes, format, width: outW, height: outH, fontFamily, fontSize, words };
}

/** Gaussian noise (the same on each channel), specks, then a slight blur: a scan or a fax. */
async function addNoise(page: Sharp, noise: PageNoise, rng: Rng): Promise<Sharp> {
  const { data, info } = await page.raw().toBuffer({ resolveWithObject: true });
  const channels = info.channels;
  let spare: number | undefined;
  const gauss = (): number => {
    if (spare !== undefined) {
      const g = spare;
      spare = undefined;
      return g;
    }
    const u = Math.max(rng.next(), 1e-12);
    const r = Math.sqrt(-2 * Math.log(u));
    const t = 2 * Math.PI * rng.next();
    spare = r * Math.sin(t);
    return r * Math.cos(t);
  };
  for (let p = 0; p < data.length; p += channels) {
    const speck = rng.next() < noise.speckle;
    const delta = noise.sigma * gauss();
    for (let c = 0; c < channels; c++) {
      const v = data[p + c] as number;
      data[p + c] = speck ? (v > 127 ? 40 : 215) : Math.max(0, Math.min(255, Math.round(v + delta)));
    }
  }
  const raw = sharp(data, { raw: { width: info.width, height: info.height, channels } });
  return noise.blur >= 0.3 ? sharp(await raw.blur(noise.blur).png({ compressionLevel: 1 }).toBuffer()) : raw;
}

function pageSvg(
  layout: Layout,
  family: FontFamily,
  width: number,
  height: number,
  rotateDeg: number,
  background: string,
  art: string,
): string {
  const bars = layout.bars.map(
    (b) => `<rect x="0" y="${b.top}" width="${width}" height="${b.height}" fill="${b.colour}"/>`,
  );
  // Light grey rules: visible structure, but not "ink" for OCR-free checks (they stay above 128).
  const rules = layout.rules.map(
    (y) =>
      `<line x1="${Math.round(width * 0.05)}" y1="${y}" x2="${Math.round(width * 0.95)}" y2="${y}" stroke="#c4c4c4" stroke-width="1"/>`,
  );
  // Table grids: crisp 1 px lines on pixel centres.
  const grid = layout.grid.map(
    (l) =>
      `<line x1="${l.x1 + 0.5}" y1="${l.y1 + 0.5}" x2="${l.x2 + 0.5}" y2="${l.y2 + 0.5}" stroke="#555555" stroke-width="1"/>`,
  );
  const texts = layout.words.map((w) => wordText(w, family, w.colour));
  const turn = rotateDeg ? ` transform="rotate(${rotateDeg} ${width / 2} ${height / 2})"` : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="${background}"/>` +
    `<g${turn}><rect width="100%" height="100%" fill="${background}"/>${art}${bars.join('')}${rules.join('')}${grid.join('')}${texts.join('')}</g></svg>`
  );
}

/**
 * A quarter turn clockwise of a W × H image, on pixel-edge coordinates: pixel (x, y) goes to (H-1-y, x) at
 * 90°, so the point (x, y) goes to (H - y, x); 180°: (W - x, H - y); 270°: (y, W - x). Exact.
 */
export function quarterTurn(turn: QuarterTurn, width: number, height: number): (p: Point) => Point {
  switch (turn) {
    case 90:
      return ({ x, y }) => ({ x: height - y, y: x });
    case 180:
      return ({ x, y }) => ({ x: width - x, y: height - y });
    case 270:
      return ({ x, y }) => ({ x: y, y: width - x });
    default:
      return (p) => p;
  }
}

/** SVG's rotate(deg cx cy): clockwise on screen (y points down). */
function rotation(deg: number, cx: number, cy: number): (p: Point) => Point {
  const [c, s] = [Math.cos((deg * Math.PI) / 180), Math.sin((deg * Math.PI) / 180)];
  return ({ x, y }) => ({ x: cx + (x - cx) * c - (y - cy) * s, y: cy + (x - cx) * s + (y - cy) * c });
}

/** A box's outline as pixel edges: the box covers pixels left..left+width-1, so its right edge is left+width. */
function corners(b: PixelBox): Point[] {
  return [
    { x: b.left, y: b.top },
    { x: b.left + b.width, y: b.top },
    { x: b.left + b.width, y: b.top + b.height },
    { x: b.left, y: b.top + b.height },
  ];
}

function bounds(points: readonly Point[], width: number, height: number): PixelBox {
  const left = Math.max(0, Math.floor(Math.min(...points.map((p) => p.x))));
  const top = Math.max(0, Math.floor(Math.min(...points.map((p) => p.y))));
  const right = Math.min(width, Math.ceil(Math.max(...points.map((p) => p.x))));
  const bottom = Math.min(height, Math.ceil(Math.max(...points.map((p) => p.y))));
  return { left, top, width: Math.max(0, right - left), height: Math.max(0, bottom - top) };
}
