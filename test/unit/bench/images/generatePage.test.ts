import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { generatePage, PAGE_SIZES, PAGE_STYLES, type PageWord } from '../../../../bench/images/generatePage.ts';
import type { Point } from '../../../../src/core/Image.ts';

const SMALL = PAGE_SIZES['1mp'];

async function grey(bytes: Buffer): Promise<{ data: Buffer; width: number }> {
  const { data, info } = await sharp(bytes).greyscale().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width };
}

function inside(poly: readonly Point[], x: number, y: number): boolean {
  let hit = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [a, b] = [poly[i] as Point, poly[j] as Point];
    if (a.y > y !== b.y > y && x < ((b.x - a.x) * (y - a.y)) / (b.y - a.y) + a.x) hit = !hit;
  }
  return hit;
}

describe('generatePage', () => {
  it('is deterministic for a seed and differs across seeds', async () => {
    const a = await generatePage({ seed: 11, style: 'form', ...SMALL });
    const b = await generatePage({ seed: 11, style: 'form', ...SMALL });
    const c = await generatePage({ seed: 12, style: 'form', ...SMALL });
    expect(a.bytes.equals(b.bytes)).toBe(true);
    expect(a.words).toEqual(b.words);
    expect(a.words.map((w) => w.text)).not.toEqual(c.words.map((w) => w.text));
  });

  it.each(PAGE_STYLES)('%s: PHI words of several types, every box inside the page', async (style) => {
    const page = await generatePage({ seed: 3, style, ...SMALL, fontSize: 24 });
    expect([page.width, page.height, page.format]).toEqual([SMALL.width, SMALL.height, 'png']);
    const phi = page.words.filter((w) => w.phi);
    expect(phi.length).toBeGreaterThan(5);
    expect(new Set(phi.map((w) => w.type)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(phi.map((w) => w.type))).toContain('NAME');
    expect(page.words.filter((w) => !w.phi).length).toBeGreaterThan(5);
    for (const { box } of page.words) {
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.top).toBeGreaterThanOrEqual(0);
      expect(box.left + box.width).toBeLessThanOrEqual(page.width);
      expect(box.top + box.height).toBeLessThanOrEqual(page.height);
      expect(box.width * box.height).toBeGreaterThan(0);
    }
  });

  it.each([
    ['form', 'DejaVu Serif', 14],
    ['letter', 'DejaVu Sans', 22],
    ['lab-report', 'DejaVu Sans Mono', 32],
  ] as const)('%s in %s %ipx: boxes are tight around their ink', async (style, fontFamily, fontSize) => {
    const page = await generatePage({ seed: 5, style, fontFamily, fontSize });
    const { data, width } = await grey(page.bytes);
    const dark = (x: number, y: number) => (data[y * width + x] as number) < 128;
    // Anti-aliased edges: a box edge needs a pixel of ink coverage, not a solid one.
    const inked = (x: number, y: number) => (data[y * width + x] as number) < 200;
    const problems: string[] = [];
    page.words.forEach(({ box: b, text }, i) => {
      const [r, bt] = [b.left + b.width - 1, b.top + b.height - 1];
      // Tight: ink on each of the four edges.
      const edges = [
        Array.from({ length: b.height }, (_, k) => inked(b.left, b.top + k)).some(Boolean),
        Array.from({ length: b.height }, (_, k) => inked(r, b.top + k)).some(Boolean),
        Array.from({ length: b.width }, (_, k) => inked(b.left + k, b.top)).some(Boolean),
        Array.from({ length: b.width }, (_, k) => inked(b.left + k, bt)).some(Boolean),
      ];
      if (!edges.every(Boolean)) problems.push(`word ${i} (${text.length} chars): an edge without ink`);
      // Complete: no dark pixel on a ring 2 px outside the box.
      for (let x = b.left - 2; x <= r + 2; x++) for (const y of [b.top - 2, bt + 2]) if (dark(x, y)) problems.push(`word ${i}: ink above or below`);
      for (let y = b.top - 2; y <= bt + 2; y++) for (const x of [b.left - 2, r + 2]) if (dark(x, y)) problems.push(`word ${i}: ink left or right`);
    });
    expect(problems).toEqual([]);
  });

  it('rotates polygons with the page', async () => {
    const flat = await generatePage({ seed: 9, style: 'letter', ...SMALL, fontSize: 20 });
    const turned = await generatePage({ seed: 9, style: 'letter', ...SMALL, fontSize: 20, rotateDeg: 3 });
    expect(turned.words.map((w) => w.text)).toEqual(flat.words.map((w) => w.text));
    const { data, width } = await grey(turned.bytes);
    const misses = turned.words.filter((w: PageWord, i) => {
      const before = flat.words[i] as PageWord;
      // The polygon's top edge slopes by the angle: right corner lower than left.
      const [tl, tr] = [w.polygon[0] as Point, w.polygon[1] as Point];
      expect(Math.atan2(tr.y - tl.y, tr.x - tl.x) * (180 / Math.PI)).toBeCloseTo(3, 5);
      expect(Math.hypot(tr.x - tl.x, tr.y - tl.y)).toBeCloseTo(before.box.width, 5);
      let darkInside = 0;
      for (let y = w.box.top; y < w.box.top + w.box.height; y++) {
        for (let x = w.box.left; x < w.box.left + w.box.width; x++) {
          if (inside(w.polygon, x + 0.5, y + 0.5) && (data[y * width + x] as number) < 128) darkInside++;
        }
      }
      return darkInside === 0;
    });
    expect(misses.map((w) => w.text.length)).toEqual([]);
  });

  it('writes a JPEG when asked for JPEG noise', async () => {
    const page = await generatePage({ seed: 2, style: 'screenshot', ...SMALL, jpegQuality: 70 });
    expect(page.format).toBe('jpeg');
    expect((await sharp(page.bytes).metadata()).format).toBe('jpeg');
  });
});
