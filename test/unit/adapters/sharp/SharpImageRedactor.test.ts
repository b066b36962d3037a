import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { SharpImageRedactor } from '../../../../src/adapters/sharp/SharpImageRedactor.ts';
import { detectImageFormat, type ImageFormat } from '../../../../src/core/detectImageFormat.ts';
import { PayloadTooLargeError, UnsupportedImageError } from '../../../../src/core/errors.ts';
import { noisy, pngBomb, rawPixels, withPngComment } from './sharpFixtures.ts';

const redactor = new SharpImageRedactor();
const box = (left: number, top: number, w: number, h: number) => [
  { x: left, y: top },
  { x: left + w, y: top },
  { x: left + w, y: top + h },
  { x: left, y: top + h },
];

async function encoded(format: ImageFormat, width = 80, height = 60): Promise<Buffer> {
  return noisy(width, height).toFormat(format).toBuffer();
}

async function expectMetadataGone(bytes: Uint8Array): Promise<void> {
  const meta = await sharp(bytes).metadata();
  expect(meta.exif).toBeUndefined();
  expect(meta.xmp).toBeUndefined();
  expect(meta.iptc).toBeUndefined();
  expect(meta.icc).toBeUndefined();
  expect(meta.comments).toBeUndefined();
  // libvips always writes TIFF's Orientation tag; 1 means upright.
  expect(meta.orientation ?? 1).toBe(1);
}

describe('SharpImageRedactor.prepare and redact keep the format', () => {
  it.each(['png', 'jpeg', 'tiff', 'webp'] as const)('%s in, the same format out', async (format) => {
    const prepared = await redactor.prepare(await encoded(format));
    expect(prepared).toMatchObject({ format, contentType: `image/${format}`, width: 80, height: 60 });
    expect(detectImageFormat(prepared.bytes)).toBe(format);
    const redacted = await redactor.redact(prepared, [box(10, 10, 20, 10)], { fill: '#000' });
    expect(redacted).toMatchObject({ format, contentType: `image/${format}`, width: 80, height: 60 });
    expect(detectImageFormat(redacted.bytes)).toBe(format);
    await expectMetadataGone(redacted.bytes);
  });

  it('keeps TIFF lossless (LZW, not the JPEG compression sharp uses by default)', async () => {
    const input = await encoded('png');
    const prepared = await redactor.prepare(await sharp(input).tiff({ compression: 'lzw' }).toBuffer());
    expect((await rawPixels(prepared.bytes)).data.equals((await rawPixels(input)).data)).toBe(true);
  });
});

describe('SharpImageRedactor.prepare: orientation and metadata', () => {
  it('applies EXIF orientation 6 and drops EXIF, XMP and ICC', async () => {
    // Stored 60×40, left half red and right half blue; orientation 6 shows it turned 90° clockwise.
    const stored = await sharp({ create: { width: 60, height: 40, channels: 3, background: '#0000ff' } })
      .composite([
        { input: { create: { width: 30, height: 40, channels: 3, background: '#ff0000' } }, left: 0, top: 0 },
      ])
      .jpeg()
      .withMetadata({ orientation: 6 })
      .withExifMerge({ IFD0: { ImageDescription: 'Jane Q. Synthetic MRN 0000000' } })
      .withXmp(
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></x:xmpmeta>',
      )
      .withIccProfile('srgb')
      .toBuffer();
    const before = await sharp(stored).metadata();
    expect([before.orientation, Boolean(before.exif), Boolean(before.xmp), Boolean(before.icc)]).toEqual([
      6,
      true,
      true,
      true,
    ]);

    const prepared = await redactor.prepare(stored);
    expect([prepared.width, prepared.height]).toEqual([40, 60]);
    await expectMetadataGone(prepared.bytes);
    const { data, width } = await rawPixels(prepared.bytes);
    const at = (x: number, y: number) => [...data.subarray((y * width + x) * 3, (y * width + x) * 3 + 3)];
    expect(at(20, 10)[0]).toBeGreaterThan(200); // top is the stored left half: red
    expect(at(20, 50)[2]).toBeGreaterThan(200); // bottom: blue
  });

  it('drops PNG comments', async () => {
    const png = withPngComment(await encoded('png'), 'Comment', 'Patient Jane Synthetic');
    expect((await sharp(png).metadata()).comments).toHaveLength(1);
    await expectMetadataGone((await redactor.prepare(png)).bytes);
  });

  it('turns 16-bit PNG and CMYK JPEG into 8-bit sRGB in the same format', async () => {
    const png16 = await redactor.prepare(await noisy(40, 30).toColourspace('rgb16').png().toBuffer());
    const cmyk = await redactor.prepare(await noisy(40, 30).toColourspace('cmyk').jpeg().toBuffer());
    for (const [image, format] of [
      [png16, 'png'],
      [cmyk, 'jpeg'],
    ] as const) {
      const meta = await sharp(image.bytes).metadata();
      expect([image.format, meta.space, meta.depth]).toEqual([format, 'srgb', 'uchar']);
    }
  });
});

describe('SharpImageRedactor.prepare refuses bad input', () => {
  const refusals: [string, () => Promise<Uint8Array>][] = [
    ['empty', async () => new Uint8Array()],
    ['garbage', async () => new TextEncoder().encode('Jane Synthetic, DOB 01/02/1950, not an image at all')],
    ['GIF', async () => noisy(20, 20).gif().toBuffer()],
    ['SVG', async () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')],
    ['truncated PNG', async () => (await encoded('png', 200, 200)).subarray(0, 20_000)],
    ['truncated JPEG', async () => (await encoded('jpeg', 200, 200)).subarray(0, 5_000)],
    ['a PNG signature and nothing else', async () => (await encoded('png')).subarray(0, 8)],
    [
      'a two-page TIFF',
      async () =>
        sharp([await noisy(20, 20).png().toBuffer(), await noisy(20, 20).png().toBuffer()], {
          join: { animated: true },
        })
          .tiff()
          .toBuffer(),
    ],
    [
      'an animated WebP',
      async () =>
        sharp([await noisy(20, 20).png().toBuffer(), await noisy(20, 20).png().toBuffer()], {
          join: { animated: true },
        })
          .webp()
          .toBuffer(),
    ],
  ];
  it.each(refusals)('%s → UnsupportedImageError', async (_name, make) => {
    const error = await redactor.prepare(await make()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedImageError);
    expect(String((error as Error).message)).not.toMatch(/Jane|Synthetic|1950/u);
  });

  it('refuses a 20000×20000 PNG bomb from its header (PayloadTooLargeError)', async () => {
    const bomb = pngBomb(20_000, 20_000);
    expect(bomb.length).toBeLessThan(100_000);
    const error = await redactor.prepare(bomb).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PayloadTooLargeError);
    expect((error as Error).message).toMatch(/pixels/u);
  });

  it('honours maxPixels and maxInputBytes', async () => {
    const png = await encoded('png', 100, 100);
    await expect(new SharpImageRedactor({ maxPixels: 9_999 }).prepare(png)).rejects.toBeInstanceOf(
      PayloadTooLargeError,
    );
    await expect(new SharpImageRedactor({ maxPixels: 10_000 }).prepare(png)).resolves.toMatchObject({ width: 100 });
    await expect(new SharpImageRedactor({ maxInputBytes: png.length - 1 }).prepare(png)).rejects.toBeInstanceOf(
      PayloadTooLargeError,
    );
  });
});
