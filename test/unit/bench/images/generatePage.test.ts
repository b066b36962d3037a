import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  ALL_PAGE_STYLES,
  DEJAVU_FAMILIES,
  generatePage,
  PAGE_SIZES,
  type PageWord,
  type QuarterTurn,
} from '../../../../bench/images/generatePage.ts';
import { CONDITIONS, planPages } from '../../../../bench/images/pagePlan.ts';
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

  it.each(ALL_PAGE_STYLES)('%s: PHI words of several types, every box inside the page', async (style) => {
    const page = await generatePage({ seed: 3, style, ...SMALL, fontSize: 24 });
    expect([page.width, page.height, page.format]).toEqual([SMALL.width, SMALL.height, 'png']);
    const phi = page.words.filter((w) => w.phi);
    expect(phi.length).toBeGreaterThan(5);
    expect(new Set(phi.map((w) => w.type)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(phi.map((w) => w.type))).toContain('NAME');
    expect(page.words.filter((w) => !w.phi).length).toBeGreaterThan(style === 'radiograph' ? 2 : 5);
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
      if (!everyEdgeInked(b, inked)) problems.push(`word ${i} (${text.length} chars): an edge without ink`);
      // Complete: no dark pixel on a ring 2 px outside the box.
      for (let x = b.left - 2; x <= r + 2; x++)
        for (const y of [b.top - 2, bt + 2]) if (dark(x, y)) problems.push(`word ${i}: ink above or below`);
      for (let y = b.top - 2; y <= bt + 2; y++)
        for (const x of [b.left - 2, r + 2]) if (dark(x, y)) problems.push(`word ${i}: ink left or right`);
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
  it.each(ALL_PAGE_STYLES.map((style, i) => [style, DEJAVU_FAMILIES[i % DEJAVU_FAMILIES.length] as string] as const))(
    '%s in %s: every box touches ink on each edge and has none on a ring 2 px outside, on light or dark ground',
    async (style, fontFamily) => {
      const page = await generatePage({ seed: 8, style, ...SMALL, fontFamily, fontSize: 16 });
      const { data, width } = await grey(page.bytes);
      expect(tightnessProblems(page.words, data, width)).toEqual([]);
    },
  );

  it('fills the new styles with what issue 12 asks of them', async () => {
    const types = async (style: (typeof ALL_PAGE_STYLES)[number], size: { width: number; height: number } = SMALL) =>
      new Set(
        (await generatePage({ seed: 4, style, ...size, fontSize: 14 })).words.filter((w) => w.phi).map((w) => w.type),
      );
    const screen = await types('screenshot', { width: 1366, height: 768 });
    for (const type of ['URL', 'EMAIL', 'AGE', 'NAME', 'ID', 'DATE'])
      expect([type, screen.has(type as never)]).toEqual([type, true]);
    for (const style of ['form', 'form-table', 'form-below'] as const) {
      const found = await types(style, { width: 1240, height: 1754 });
      for (const type of ['AGE', 'PROFESSION', 'EMAIL', 'NAME', 'ADDRESS', 'PHONE_OR_FAX'])
        expect([style, found.has(type as never)]).toEqual([style, true]);
    }
    const fax = await types('fax-cover', { width: 1240, height: 1754 });
    for (const type of ['EMAIL', 'URL', 'PHONE_OR_FAX', 'NAME', 'DATE'])
      expect([type, fax.has(type as never)]).toEqual([type, true]);
    // A radiograph is dark, its words light.
    const xray = await generatePage({ seed: 4, style: 'radiograph', width: 1024, height: 1024, fontSize: 12 });
    const { data } = await grey(xray.bytes);
    expect(data.reduce((sum, v) => sum + v, 0) / data.length).toBeLessThan(100);
  });

  it.each([90, 180, 270] as const)(
    'turns the page by %i° clockwise, with each polygon on the same ink as before the turn',
    async (turn: QuarterTurn) => {
      const flat = await generatePage({ seed: 9, style: 'fax-cover', width: 900, height: 700, fontSize: 14 });
      const turned = await generatePage({ seed: 9, style: 'fax-cover', width: 900, height: 700, fontSize: 14, turn });
      expect([turned.width, turned.height]).toEqual(turn === 180 ? [900, 700] : [700, 900]);
      expect(await sharp(turned.bytes).metadata()).toMatchObject({ width: turned.width, height: turned.height });
      expect((await sharp(turned.bytes).metadata()).orientation).toBeUndefined();
      const a = await grey(flat.bytes);
      const b = await grey(turned.bytes);
      expect(turned.words.map((w) => w.text)).toEqual(flat.words.map((w) => w.text));
      const problems: string[] = [];
      turned.words.forEach((w, i) => {
        const before = flat.words[i] as PageWord;
        const inkBefore = darkIn(before.polygon, before.box, a.data, a.width);
        const inkAfter = darkIn(w.polygon, w.box, b.data, b.width);
        if (inkBefore === 0 || inkAfter !== inkBefore)
          problems.push(`word ${i}: ${inkBefore} dark pixels before, ${inkAfter} after`);
        // The box is the polygon's bounds (exact on whole pixels), and the first edge runs along the reading direction.
        const xs = w.polygon.map((p) => p.x);
        const ys = w.polygon.map((p) => p.y);
        expect([w.box.left, w.box.top, w.box.width, w.box.height]).toEqual([
          Math.min(...xs),
          Math.min(...ys),
          Math.max(...xs) - Math.min(...xs),
          Math.max(...ys) - Math.min(...ys),
        ]);
        const [p0, p1] = [w.polygon[0] as Point, w.polygon[1] as Point];
        expect(Math.round((Math.atan2(p1.y - p0.y, p1.x - p0.x) * 180) / Math.PI + 360) % 360).toBe(turn);
      });
      expect(problems).toEqual([]);
    },
  );

  it('turns a rotated, noisy JPEG page with its polygons on the ink', async () => {
    const page = await generatePage({
      seed: 10,
      style: 'discharge-summary',
      width: 1000,
      height: 800,
      fontSize: 16,
      rotateDeg: -1.5,
      turn: 270,
      noise: { sigma: 6, speckle: 0.001, blur: 0.5 },
      jpegQuality: 85,
    });
    expect([page.width, page.height, page.format]).toEqual([800, 1000, 'jpeg']);
    const { data, width } = await grey(page.bytes);
    expect(page.words.filter((w) => darkIn(w.polygon, w.box, data, width) === 0).map((w) => w.text.length)).toEqual([]);
  });

  it('is deterministic with noise and JPEG, and noise leaves the words as they were', async () => {
    const noise = { sigma: 12, speckle: 0.002, blur: 0.7 };
    const options = {
      seed: 3,
      style: 'prescription-label',
      width: 800,
      height: 600,
      fontSize: 14,
      jpegQuality: 70,
      noise,
    } as const;
    const [a, b] = [await generatePage(options), await generatePage(options)];
    const clean = await generatePage({ ...options, noise: undefined });
    expect(a.bytes.equals(b.bytes)).toBe(true);
    expect(a.words).toEqual(clean.words);
    expect(a.bytes.equals(clean.bytes)).toBe(false);
  });
});

describe('planPages', () => {
  it("is deterministic, deals the held-out set's conditions and sizes, and uses the DejaVu families by default", () => {
    const plans = planPages(60, 20261201);
    expect(planPages(60, 20261201)).toEqual(plans);
    expect(new Set(plans.map((p) => p.kind)).size).toBe(8);
    expect(new Set(plans.map((p) => p.options.style)).size).toBe(ALL_PAGE_STYLES.length);
    expect(new Set(plans.map((p) => p.options.fontFamily))).toEqual(new Set(DEJAVU_FAMILIES));
    const scanned = plans.filter((p) => p.kind !== 'screenshot');
    const count = (c: (typeof CONDITIONS)[number]) => plans.filter((p) => p.conditions.includes(c)).length;
    expect(count('rotated 0.3-3°')).toBe(Math.round(0.45 * scanned.length));
    expect(count('JPEG q60-85')).toBe(30);
    expect(count('noise + blur')).toBe(20);
    for (const { options } of plans) {
      expect(options.fontSize).toBeGreaterThanOrEqual(10);
      expect(options.fontSize).toBeLessThanOrEqual(28);
      expect(Math.min(options.width ?? 0, options.height ?? 0)).toBeGreaterThanOrEqual(600);
      expect(Math.max(options.width ?? 0, options.height ?? 0)).toBeLessThanOrEqual(3508);
      if (options.rotateDeg !== undefined) expect(Math.abs(options.rotateDeg)).toBeGreaterThanOrEqual(0.3);
      if (options.rotateDeg !== undefined) expect(Math.abs(options.rotateDeg)).toBeLessThanOrEqual(3);
    }
    expect(
      planPages(16, 20261201, { turn: 90 }).every((p) => p.options.turn === 90 && p.conditions.includes('turned 90°')),
    ).toBe(true);
  });
});

/** Dark pixels (< 128) whose centres lie inside `polygon` (searched within `box`). */
function darkIn(polygon: readonly Point[], box: PageWord['box'], data: Buffer, width: number): number {
  let n = 0;
  for (let y = box.top; y < box.top + box.height; y++) {
    for (let x = box.left; x < box.left + box.width; x++)
      if (inside(polygon, x + 0.5, y + 0.5) && (data[y * width + x] as number) < 128) n++;
  }
  return n;
}

/**
 * Tight and complete boxes on any ground: the ground is the median of the ring 2 px outside the box; each box
 * edge has a pixel that differs from it by more than 25 grey levels (anti-aliased ink), and no ring pixel differs
 * by more than 90 (another word's ink, a grid line or a bar edge would).
 */
function tightnessProblems(words: readonly PageWord[], data: Buffer, width: number): string[] {
  const problems: string[] = [];
  const at = (x: number, y: number) => data[y * width + x] as number;
  words.forEach(({ box: b, text }, i) => {
    const [r, bt] = [b.left + b.width - 1, b.top + b.height - 1];
    const ring: number[] = [];
    for (let x = b.left - 2; x <= r + 2; x++) ring.push(at(x, b.top - 2), at(x, bt + 2));
    for (let y = b.top - 1; y <= bt + 1; y++) ring.push(at(b.left - 2, y), at(r + 2, y));
    const ground = [...ring].sort((p, q) => p - q)[ring.length >> 1] as number;
    const inked = (x: number, y: number) => Math.abs(at(x, y) - ground) > 25;
    if (!everyEdgeInked(b, inked)) problems.push(`word ${i} (${text.length} chars): an edge without ink`);
    const stray = ring.filter((v) => Math.abs(v - ground) > 90).length;
    if (stray > 0) problems.push(`word ${i} (${text.length} chars): ${stray} ring pixels unlike the ground`);
  });
  return problems;
}

/** Tight: ink on each of the box's four edges. */
function everyEdgeInked(
  b: { left: number; top: number; width: number; height: number },
  inked: (x: number, y: number) => boolean,
): boolean {
  const [r, bt] = [b.left + b.width - 1, b.top + b.height - 1];
  return [
    Array.from({ length: b.height }, (_, k) => inked(b.left, b.top + k)).some(Boolean),
    Array.from({ length: b.height }, (_, k) => inked(r, b.top + k)).some(Boolean),
    Array.from({ length: b.width }, (_, k) => inked(b.left + k, b.top)).some(Boolean),
    Array.from({ length: b.width }, (_, k) => inked(b.left + k, bt)).some(Boolean),
  ].every(Boolean);
}
