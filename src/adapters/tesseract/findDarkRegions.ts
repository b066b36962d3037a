import type { PixelBox } from '../../core/Image.ts';
import type { GreyImage } from './GreyImage.ts';

/** Side of the square tiles the page is judged in, in pixels. */
const TILE = 8;
/** Darker than this is dark ground (a navy banner is ~55, a black label header ~30, a radiograph 0-60). */
const DARK = 128;
/** A tile is dark ground when at least this share of its pixels is dark: light letters on it leave the rest. */
const DARK_TILE_SHARE = 0.5;
/** A region is solid ground, not dark type, when its dark tiles fill at least this share of its bounds. */
const SOLID_SHARE = 0.6;
/** Smallest region worth a read: one line of 10 px type and a few letters. */
const MIN_HEIGHT = 16;
/**
 * A page dark over more than this share is dark ground (a radiograph, a dark photograph) with no bands
 * on it: inverted, an image's texture reads as hundreds of garbage words, and tesseract already
 * reads the light corner text of a dark page (see readsUpright's enlargement).
 */
const MAX_PAGE_SHARE = 0.4;
const MIN_WIDTH = 48;

/**
 * Bands of the page that are dark ground (an EHR's banner, a label's black header, an inverted table heading), where
 * any text is light on dark, as boxes in the image's pixels, largest first.
 *
 * Why: tesseract takes a dark band for a picture and reads nothing in it (the name, date of birth and
 * MRN in an EHR screenshot's banner, a pharmacy's name and phone on a prescription label). The caller
 * reads each region again inverted. The page is judged in 8 px tiles: a tile is dark ground when half of
 * it is dark, and 4-connected dark tiles whose bounds they mostly fill make a region; bold dark type is
 * never that solid over 16 × 48 px.
 */
export function findDarkRegions(image: GreyImage): PixelBox[] {
  const tiles = darkTiles(image);
  // A dark page (a radiograph, a photograph) has no bands: its ground is dark.
  if (isDarkGround(tiles)) return [];
  const columns = Math.ceil(image.width / TILE);
  const rows = Math.ceil(image.height / TILE);
  const seen = new Uint8Array(tiles.length);
  const regions: PixelBox[] = [];
  for (let start = 0; start < tiles.length; start++) {
    if (tiles[start] !== 1 || seen[start] === 1) continue;
    const { bounds, count, perColumn } = flood(tiles, seen, start, columns, rows);
    const box = toPixels(bounds, image);
    if (box.height < MIN_HEIGHT || box.width < MIN_WIDTH) continue;
    const solid = count >= SOLID_SHARE * (bounds.right - bounds.left + 1) * (bounds.bottom - bounds.top + 1);
    if (solid) regions.push(fitToBand(box, image));
    else if (isTiltedBand(perColumn, bounds)) regions.push(grow(box, TILE, image));
  }
  return regions.sort((a, b) => b.width * b.height - a.width * a.height);
}

/** A page dark over more than MAX_PAGE_SHARE of it: a radiograph or a photograph, not paper. */
export function isDarkPage(image: GreyImage): boolean {
  return isDarkGround(darkTiles(image));
}

function isDarkGround(tiles: Uint8Array): boolean {
  return tiles.reduce((sum, t) => sum + t, 0) > MAX_PAGE_SHARE * tiles.length;
}

/** 1 for each tile that is dark ground, row by row. */
function darkTiles(image: GreyImage): Uint8Array {
  const { pixels, width, height } = image;
  const columns = Math.ceil(width / TILE);
  const darkCount = new Uint32Array(columns * Math.ceil(height / TILE));
  for (let y = 0; y < height; y++) {
    const tileRow = Math.floor(y / TILE) * columns;
    for (let x = 0; x < width; x++) {
      const tile = tileRow + Math.floor(x / TILE);
      if ((pixels[y * width + x] as number) < DARK) darkCount[tile] = (darkCount[tile] as number) + 1;
    }
  }
  const tiles = new Uint8Array(darkCount.length);
  for (let i = 0; i < tiles.length; i++) {
    const tileWidth = Math.min(TILE, width - (i % columns) * TILE);
    const tileHeight = Math.min(TILE, height - Math.floor(i / columns) * TILE);
    tiles[i] = (darkCount[i] as number) >= DARK_TILE_SHARE * tileWidth * tileHeight ? 1 : 0;
  }
  return tiles;
}

interface TileBounds {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The 4-connected dark tiles reached from `start`: their bounds (in tiles), number, and number in each tile column. */
function flood(
  tiles: Uint8Array,
  seen: Uint8Array,
  start: number,
  columns: number,
  rows: number,
): { bounds: TileBounds; count: number; perColumn: Map<number, number> } {
  const bounds = { left: columns, top: rows, right: -1, bottom: -1 };
  const stack = [start];
  const perColumn = new Map<number, number>();
  seen[start] = 1;
  let count = 0;
  while (stack.length > 0) {
    const at = stack.pop() as number;
    const x = at % columns;
    const y = (at - x) / columns;
    count++;
    perColumn.set(x, (perColumn.get(x) ?? 0) + 1);
    bounds.left = Math.min(bounds.left, x);
    bounds.right = Math.max(bounds.right, x);
    bounds.top = Math.min(bounds.top, y);
    bounds.bottom = Math.max(bounds.bottom, y);
    const neighbours = [
      x > 0 ? at - 1 : -1,
      x + 1 < columns ? at + 1 : -1,
      y > 0 ? at - columns : -1,
      y + 1 < rows ? at + columns : -1,
    ];
    for (const next of neighbours) {
      if (next >= 0 && tiles[next] === 1 && seen[next] !== 1) {
        seen[next] = 1;
        stack.push(next);
      }
    }
  }
  return { bounds, count, perColumn };
}

/**
 * A band printed straight on a page scanned a degree or two askew runs diagonally across its bounds and
 * fills little of them; it is still a band when nearly every tile column across it has dark ground one
 * and a half tiles deep on average (bold type has light columns between its letters).
 */
function isTiltedBand(perColumn: Map<number, number>, bounds: TileBounds): boolean {
  const width = bounds.right - bounds.left + 1;
  if (width < 6) return false;
  let total = 0;
  for (const n of perColumn.values()) total += n;
  return perColumn.size >= 0.9 * width && total >= 1.5 * width;
}

function grow(box: PixelBox, by: number, image: GreyImage): PixelBox {
  const left = Math.max(0, box.left - by);
  const top = Math.max(0, box.top - by);
  return {
    left,
    top,
    width: Math.min(image.width, box.left + box.width + by) - left,
    height: Math.min(image.height, box.top + box.height + by) - top,
  };
}

/**
 * The region fitted to the band, side by side: rows and columns on its edge that are mostly light go, and
 * those just outside it that are still mostly dark come in (a tile on the band's edge is only partly
 * dark; a light strip inverted would print a dark rule, and a dark sliver left along the band reads as
 * one too).
 */
function fitToBand(box: PixelBox, image: GreyImage): PixelBox {
  let { left, top } = box;
  let right = box.left + box.width;
  let bottom = box.top + box.height;
  const darkRow = (y: number): boolean => darkShare(image, left, right, y, y + 1) >= DARK_TILE_SHARE;
  const darkColumn = (x: number): boolean => darkShare(image, x, x + 1, top, bottom) >= DARK_TILE_SHARE;
  // Tiles on the edge are dark when half of them is: their light rows and columns go first.
  for (let n = 0; n < TILE && bottom - top > 1 && !darkRow(top); n++) top++;
  for (let n = 0; n < TILE && bottom - top > 1 && !darkRow(bottom - 1); n++) bottom--;
  for (let n = 0; n < TILE && right - left > 1 && !darkColumn(left); n++) left++;
  for (let n = 0; n < TILE && right - left > 1 && !darkColumn(right - 1); n++) right--;
  for (let n = 0; n < TILE && top > 0 && darkRow(top - 1); n++) top--;
  for (let n = 0; n < TILE && bottom < image.height && darkRow(bottom); n++) bottom++;
  for (let n = 0; n < TILE && left > 0 && darkColumn(left - 1); n++) left--;
  for (let n = 0; n < TILE && right < image.width && darkColumn(right); n++) right++;
  return { left, top, width: right - left, height: bottom - top };
}

function darkShare(image: GreyImage, x0: number, x1: number, y0: number, y1: number): number {
  let dark = 0;
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) if ((image.pixels[y * image.width + x] as number) < DARK) dark++;
  return dark / Math.max(1, (x1 - x0) * (y1 - y0));
}

function toPixels(bounds: TileBounds, image: GreyImage): PixelBox {
  const left = bounds.left * TILE;
  const top = bounds.top * TILE;
  return {
    left,
    top,
    width: Math.min(image.width, (bounds.right + 1) * TILE) - left,
    height: Math.min(image.height, (bounds.bottom + 1) * TILE) - top,
  };
}
