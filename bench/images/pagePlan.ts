import { mixSeed, Rng } from '../corpus/random.ts';
import { DEJAVU_FAMILIES } from './fontMetrics.ts';
import type { GeneratePageOptions, QuarterTurn } from './generatePage.ts';
import { PAGE_KINDS, type PageKind, type PageStyle } from './pageStyles.ts';

/** A page can be in several conditions at once (rotated, JPEG and noisy); "clean" is none of them. */
export const CONDITIONS = [
  'clean PNG',
  'rotated 0.3-3°',
  'JPEG q60-85',
  'noise + blur',
  'turned 90°',
  'turned 180°',
  'turned 270°',
] as const;
export type Condition = (typeof CONDITIONS)[number];

/** Page sizes per kind, [width, height, weight]: 800×600 up to A4 at 300 dpi. */
const SIZES: Record<
  'document' | 'screenshot' | 'prescription-label' | 'radiograph',
  readonly (readonly [number, number, number])[]
> = {
  document: [
    [850, 1100, 3],
    [1240, 1754, 3],
    [1275, 1650, 2],
    [1700, 2200, 1],
    [2480, 3508, 1],
    [1600, 1200, 1],
  ],
  screenshot: [
    [1280, 800, 2],
    [1366, 768, 2],
    [1440, 900, 1],
    [1920, 1080, 1],
  ],
  'prescription-label': [
    [800, 600, 2],
    [1000, 700, 2],
    [1200, 800, 1],
  ],
  radiograph: [
    [800, 600, 1],
    [1024, 1024, 2],
    [1500, 1800, 1],
    [2048, 2048, 1],
  ],
};
/** Registration forms cycle through their three layouts. */
export const FORM_ORDER: readonly PageStyle[] = ['form-table', 'form-below', 'form'];
export const VARIANT_LABEL: Partial<Record<PageStyle, string>> = {
  form: 'form: label: value',
  'form-table': 'form: table cells',
  'form-below': 'form: value below label',
};

/** Body text size in px (10-28): smaller on small pages, 10-16 for a radiograph's corner text, screen sizes on a screenshot. */
function fontRange(kind: PageKind, width: number): [number, number] {
  if (kind === 'radiograph') return [10, 16];
  if (kind === 'screenshot') return [12, 18];
  if (width <= 1000) return [10, 18];
  if (width <= 1400) return [12, 22];
  if (width <= 2000) return [14, 26];
  return [16, 28];
}

export interface PagePlan {
  options: GeneratePageOptions;
  kind: PageKind;
  conditions: Condition[];
}

/**
 * Page i is of kind i mod 8 (registration forms cycle through their layouts); fonts cycle through `fonts` (8 kinds
 * and 7 DejaVu families are coprime, so kinds meet different fonts). Conditions are dealt by quota, so that even a
 * small run has the held-out set's shares: 45 % of the scanned pages (all but screenshots) rotated 0.3-3°, half
 * of all pages JPEG at q60-85, a third noisy (scanned pages only); combinations fall as they may. Size, font size,
 * angle, quality and noise come from the page's own seed. `turn` turns every page.
 */
export function planPages(
  count: number,
  seed: number,
  options: { fonts?: readonly string[]; turn?: QuarterTurn } = {},
): PagePlan[] {
  const fonts = options.fonts && options.fonts.length > 0 ? options.fonts : DEJAVU_FAMILIES;
  const turn = options.turn ?? 0;
  const kinds = Array.from({ length: count }, (_, i) => PAGE_KINDS[i % PAGE_KINDS.length] as PageKind);
  const deal = new Rng(mixSeed(seed, count, 0xc0d1));
  const all = kinds.map((_, i) => i);
  const scanned = all.filter((i) => kinds[i] !== 'screenshot');
  const rotated = new Set(deal.shuffle(scanned).slice(0, Math.round(0.45 * scanned.length)));
  const jpeg = new Set(deal.shuffle(all).slice(0, Math.round(count / 2)));
  const noisy = new Set(deal.shuffle(scanned).slice(0, Math.round(count / 3)));
  return kinds.map((kind, i): PagePlan => {
    const rng = new Rng(mixSeed(seed, i, 0x1e7a));
    const style: PageStyle =
      kind === 'form' ? (FORM_ORDER[Math.floor(i / PAGE_KINDS.length) % FORM_ORDER.length] as PageStyle) : kind;
    const sizes =
      SIZES[kind === 'screenshot' || kind === 'prescription-label' || kind === 'radiograph' ? kind : 'document'];
    const [width, height] = rng.weighted(sizes.map(([w, h, weight]) => [[w, h] as const, weight] as const));
    const [lo, hi] = fontRange(kind, width);
    // Every draw happens whatever the conditions, so a page does not change when another's condition does.
    const fontSize = rng.int(lo, hi);
    const angle = (rng.chance(0.5) ? -1 : 1) * (0.3 + 2.7 * rng.next());
    const quality = rng.int(60, 85);
    const noise = {
      sigma: rng.int(6, 18),
      speckle: Number((0.0005 + 0.003 * rng.next()).toFixed(4)),
      blur: Number((0.4 + 0.6 * rng.next()).toFixed(2)),
    };
    const options: GeneratePageOptions = {
      seed: mixSeed(seed, i),
      style,
      fontFamily: fonts[i % fonts.length] as string,
      fontSize,
      width,
      height,
    };
    const conditions: Condition[] = [];
    if (rotated.has(i)) {
      options.rotateDeg = angle;
      conditions.push('rotated 0.3-3°');
    }
    if (jpeg.has(i)) {
      options.jpegQuality = quality;
      conditions.push('JPEG q60-85');
    }
    if (noisy.has(i)) {
      options.noise = noise;
      conditions.push('noise + blur');
    }
    if (conditions.length === 0) conditions.push('clean PNG');
    if (turn) {
      options.turn = turn;
      conditions.push(`turned ${turn}°` as Condition);
    }
    return { options, kind, conditions };
  });
}
