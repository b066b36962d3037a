import { execFileSync } from 'node:child_process';
import sharp from 'sharp';
import { escapeXml } from './escapeXml.ts';

/** What `generatePage` picks from when no family is given (the page a seed gives has not changed since). */
export const FONT_FAMILIES = ['DejaVu Sans', 'DejaVu Serif', 'DejaVu Sans Mono'] as const;
/**
 * Every DejaVu face a Debian machine with fonts-dejavu-core and fonts-dejavu-extra has (the project's machines
 * and CI): 7 families as fontconfig names them. The evaluation's default set, so a plan is the same everywhere.
 */
export const DEJAVU_FAMILIES = [
  'DejaVu Sans',
  'DejaVu Serif',
  'DejaVu Sans Mono',
  'DejaVu Sans Condensed',
  'DejaVu Serif Condensed',
  'DejaVu Sans Light',
  'DejaVu Math TeX Gyre',
] as const;
/** Any family fontconfig can match by name (`fc-list : family`); unknown names fall back to its default face. */
export type FontFamily = string;

/** Faces that are not text: symbols, dingbats, and the one calligraphic script face of the URW set. */
const NOT_TEXT = /symbol|dingbat|^D050000L$|^Z003$|emoji|awesome/iu;

/**
 * Every text font family installed (`fc-list :lang=en family`), each name fontconfig lists for a face (so
 * "DejaVu Sans,DejaVu Sans Condensed" gives both), sorted; symbol and script faces left out.
 */
export function installedFamilies(): string[] {
  let out: string;
  try {
    out = execFileSync('fc-list', [':lang=en', 'family'], { encoding: 'utf8' });
  } catch {
    return [];
  }
  const names = new Set(
    out
      .split('\n')
      .flatMap((line) => line.split(','))
      .map((n) => n.trim())
      .filter((n) => n && !NOT_TEXT.test(n)),
  );
  return [...names].sort((a, b) => a.localeCompare(b, 'en'));
}

/** `dejavu`: the 7 DejaVu families (reproducible); `all`: every installed text family. */
export function fontSet(kind: 'dejavu' | 'all'): string[] {
  return kind === 'dejavu' ? [...DEJAVU_FAMILIES] : installedFamilies();
}

export interface Font {
  family: FontFamily;
  bold: boolean;
}

const SIZE = 24;
const tables = new Map<string, Map<string, number>>();

/**
 * Advance widths (in em) of characters, derived once per font by rendering: each character repeated 10
 * and 20 times in one SVG; the difference of the two ink widths is 10 advances (side bearings cancel).
 * Layout uses these only to place words without overlap; the boxes reported are measured from pixels.
 */
export async function advances(font: Font, chars: Iterable<string>): Promise<Map<string, number>> {
  const key = `${font.family}/${font.bold}`;
  const table = tables.get(key) ?? new Map<string, number>();
  tables.set(key, table);
  const missing = [...new Set(chars)].filter((c) => !table.has(c) && !/\s/u.test(c));
  if (missing.length === 0) return table;
  const rowH = Math.ceil(SIZE * 1.8);
  const width = Math.ceil(SIZE * 1.3 * 21) + 40;
  const height = rowH * 2 * missing.length;
  const texts = missing.flatMap((c, i) =>
    [10, 20].map((n, k) => `<text x="20" y="${(2 * i + k) * rowH + SIZE * 1.3}">${escapeXml(c.repeat(n))}</text>`),
  );
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#fff"/>` +
    `<g font-family="${escapeXml(font.family)}" font-size="${SIZE}" font-weight="${font.bold ? 'bold' : 'normal'}" fill="#000">${texts.join('')}</g></svg>`;
  const { data } = await sharp(Buffer.from(svg), { limitInputPixels: false })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const inkWidth = (row: number): number => {
    let [min, max] = [Infinity, -Infinity];
    for (let y = row * rowH; y < (row + 1) * rowH; y++) {
      for (let x = 0; x < width; x++) {
        if ((data[y * width + x] as number) < 160) [min, max] = [Math.min(min, x), Math.max(max, x)];
      }
    }
    return max >= min ? max - min : 0;
  };
  missing.forEach((c, i) => table.set(c, Math.max(0.2, (inkWidth(2 * i + 1) - inkWidth(2 * i)) / 10 / SIZE)));
  return table;
}

/** Estimated width in pixels of `text` at `size` (after `advances` was awaited for its characters). */
export function estimateWidth(table: Map<string, number>, text: string, size: number): number {
  let em = 0;
  for (const c of text) em += table.get(c) ?? 0.7;
  return em * size;
}
