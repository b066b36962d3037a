import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFill } from '../../../../src/adapters/sharp/parseFill.ts';
import { SharpImageRedactor } from '../../../../src/adapters/sharp/SharpImageRedactor.ts';
import { InvalidInputError } from '../../../../src/core/errors.ts';
import type { Point, PreparedImage } from '../../../../src/core/Image.ts';
import { noisy, rawPixels } from './sharpFixtures.ts';

const W = 96;
const H = 64;

/** Even-odd point-in-polygon test on a pixel centre. */
function inside(poly: readonly Point[], x: number, y: number): boolean {
  let hit = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [a, b] = [poly[i] as Point, poly[j] as Point];
    if (a.y > y !== b.y > y && x < ((b.x - a.x) * (y - a.y)) / (b.y - a.y) + a.x) hit = !hit;
  }
  return hit;
}

/** Distance from a point to a polygon's outline (0 inside). */
function distance(poly: readonly Point[], x: number, y: number): number {
  if (inside(poly, x, y)) return 0;
  let best = Infinity;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [a, b] = [poly[i] as Point, poly[j] as Point];
    const [dx, dy] = [b.x - a.x, b.y - a.y];
    const t = Math.max(0, Math.min(1, ((x - a.x) * dx + (y - a.y) * dy) / (dx * dx + dy * dy || 1)));
    best = Math.min(best, Math.hypot(x - (a.x + t * dx), y - (a.y + t * dy)));
  }
  return best;
}

const rect = (l: number, t: number, w: number, h: number): Point[] => [
  { x: l, y: t },
  { x: l + w, y: t },
  { x: l + w, y: t + h },
  { x: l, y: t + h },
];

function rotated(cx: number, cy: number, w: number, h: number, deg: number): Point[] {
  const [c, s] = [Math.cos((deg * Math.PI) / 180), Math.sin((deg * Math.PI) / 180)];
  return rect(-w / 2, -h / 2, w, h).map(({ x, y }) => ({ x: cx + x * c - y * s, y: cy + x * s + y * c }));
}

async function preparedPng(options: { alpha?: boolean } = {}): Promise<PreparedImage> {
  const base = options.alpha ? noisy(W, H).ensureAlpha(0.6) : noisy(W, H);
  return new SharpImageRedactor().prepare(await base.png().toBuffer());
}

/**
 * Checks every pixel: within `pad` of a region (centre inside, or any part of the pixel within the padding)
 * it has the fill colour; farther than pad + 1.5 px from every region it is the original pixel.
 */
async function expectCovered(
  before: PreparedImage,
  after: Uint8Array,
  regions: Point[][],
  fill: number[],
  pad: number,
): Promise<void> {
  const [a, b] = [await rawPixels(before.bytes), await rawPixels(after)];
  expect(b.channels).toBe(a.channels);
  const wrong: string[] = [];
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const d = Math.min(...regions.map((r) => distance(r, x + 0.5, y + 0.5)));
      const i = (y * W + x) * a.channels;
      const filled = b.data[i] === fill[0] && b.data[i + 1] === fill[1] && b.data[i + 2] === fill[2];
      if ((d === 0 || d < pad - 0.71) && !filled) wrong.push(`${x},${y} not filled`);
      else if (d > pad + 1.5 && !b.data.subarray(i, i + a.channels).equals(a.data.subarray(i, i + a.channels)))
        wrong.push(`${x},${y} changed`);
    }
  }
  expect(wrong).toEqual([]);
}

describe('SharpImageRedactor.redact', () => {
  it('fills axis-aligned and rotated polygons and leaves the rest unchanged', async () => {
    const image = await preparedPng();
    const regions = [rect(4.5, 6.2, 30, 9.6), rotated(60, 40, 40, 10, 25)];
    const out = await new SharpImageRedactor().redact(image, regions, { fill: '#000' });
    await expectCovered(image, out.bytes, regions, [0, 0, 0], 2);
  });

  it('honours the fill colour and paddingPx 0', async () => {
    const image = await preparedPng();
    const regions = [rotated(48, 32, 50, 14, -10)];
    const out = await new SharpImageRedactor({ paddingPx: 0 }).redact(image, regions, { fill: 'rgb(255, 0, 128)' });
    await expectCovered(image, out.bytes, regions, [255, 0, 128], 0);
  });

  it('keeps the alpha channel of an RGBA PNG and fills opaque', async () => {
    const image = await preparedPng({ alpha: true });
    const out = await new SharpImageRedactor().redact(image, [rect(10, 10, 20, 20)], { fill: '#f00' });
    const { data, channels } = await rawPixels(out.bytes);
    expect(channels).toBe(4);
    expect([...data.subarray((20 * W + 20) * 4, (20 * W + 20) * 4 + 4)]).toEqual([255, 0, 0, 255]);
    expect(data[(50 * W + 80) * 4 + 3]).toBe(153);
  });

  it('handles greyscale and palette PNGs', async () => {
    for (const input of [
      await noisy(W, H).toColourspace('b-w').png().toBuffer(),
      await noisy(W, H).png({ palette: true }).toBuffer(),
    ]) {
      const image = await new SharpImageRedactor().prepare(input);
      const regions = [rect(20, 20, 30, 12)];
      const out = await new SharpImageRedactor().redact(image, regions, { fill: '#00f' });
      await expectCovered(image, out.bytes, regions, [0, 0, 255], 2);
    }
  });

  it('fills JPEG regions (within JPEG error)', async () => {
    const image = await new SharpImageRedactor().prepare(await noisy(W, H).jpeg().toBuffer());
    const out = await new SharpImageRedactor().redact(image, [rect(16, 16, 40, 24)], { fill: '#000' });
    const { data, channels } = await rawPixels(out.bytes);
    for (let y = 20; y < 36; y++) for (let x = 20; x < 52; x++) expect(data[(y * W + x) * channels]).toBeLessThan(24);
  });

  it('ignores regions entirely outside the image and returns the prepared bytes', async () => {
    const image = await preparedPng();
    const out = await new SharpImageRedactor().redact(image, [rect(-50, -50, 20, 20), rect(W + 10, 0, 5, 5), []], {
      fill: '#000',
    });
    expect(Buffer.from(out.bytes).equals(Buffer.from(image.bytes))).toBe(true);
  });

  it('refuses translucent or unknown fills', async () => {
    const image = await preparedPng();
    for (const fill of ['#0008', 'rgba(0,0,0,0.5)', 'transparent', 'blurple', '"/><script>']) {
      await expect(new SharpImageRedactor().redact(image, [rect(1, 1, 5, 5)], { fill })).rejects.toBeInstanceOf(
        InvalidInputError,
      );
    }
    expect(parseFill('Black')).toEqual({ r: 0, g: 0, b: 0 });
  });

  it('covers random boxes, clamped to the image, and never throws (property)', async () => {
    const image = await preparedPng();
    const redactor = new SharpImageRedactor();
    const coord = (max: number) => fc.double({ min: -max, max: 2 * max, noNaN: true });
    const boxArb = fc.tuple(
      coord(W),
      coord(H),
      fc.double({ min: 0, max: W, noNaN: true }),
      fc.double({ min: 0, max: H, noNaN: true }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(boxArb, { minLength: 1, maxLength: 4 }), async (boxes) => {
        const regions = boxes.map(([l, t, w, h]) => rect(l, t, w, h));
        const out = await redactor.redact(image, regions, { fill: '#000' });
        expect([out.width, out.height]).toEqual([W, H]);
        await expectCovered(image, out.bytes, regions, [0, 0, 0], 2);
      }),
      { numRuns: 40 },
    );
  });

  it('skips regions with non-finite coordinates instead of throwing', async () => {
    const image = await preparedPng();
    const out = await new SharpImageRedactor().redact(
      image,
      [
        [
          { x: Number.NaN, y: 1 },
          { x: 5, y: Infinity },
          { x: 1, y: 1 },
        ],
        rect(1e12, -1e12, 1, 1),
      ],
      { fill: '#000' },
    );
    expect(out.format).toBe('png');
  });
});
