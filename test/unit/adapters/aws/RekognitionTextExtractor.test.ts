import {
  DetectTextCommand,
  type DetectTextCommandInput,
  type DetectTextCommandOutput,
  ImageTooLargeException,
  InvalidImageFormatException,
  ProvisionedThroughputExceededException,
  RekognitionClient,
  type TextDetection,
  ThrottlingException,
} from '@aws-sdk/client-rekognition';
import { mockClient } from 'aws-sdk-client-mock';
import sharp from 'sharp';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RekognitionTextExtractor } from '../../../../src/adapters/aws/RekognitionTextExtractor.ts';
import { HdmError, PayloadTooLargeError, ThrottledError, UnsupportedImageError } from '../../../../src/core/errors.ts';
import type { PreparedImage } from '../../../../src/core/Image.ts';

const rekognition = mockClient(RekognitionClient);
afterEach(() => rekognition.reset());

const PNG_HEADER = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
function pngImage(width: number, height: number, size = 1000): PreparedImage {
  const bytes = new Uint8Array(size);
  bytes.set(PNG_HEADER);
  return { bytes, format: 'png', contentType: 'image/png', width, height };
}
const extractor = (options: ConstructorParameters<typeof RekognitionTextExtractor>[0] = {}) =>
  new RekognitionTextExtractor({ client: new RekognitionClient({ region: 'us-east-1' }), ...options });

/** A DetectText item shaped like the API's (aws-facts.md §3): ratios, Confidence 0-100. */
function detection(
  type: 'LINE' | 'WORD',
  text: string,
  id: number,
  parentId: number | undefined,
  box: { Left: number; Top: number; Width: number; Height: number },
  confidence = 99.1,
): TextDetection {
  const { Left, Top, Width, Height } = box;
  return {
    DetectedText: text,
    Type: type,
    Id: id,
    ...(parentId === undefined ? {} : { ParentId: parentId }),
    Confidence: confidence,
    Geometry: {
      BoundingBox: { Width, Height, Left, Top },
      Polygon: [
        { X: Left, Y: Top },
        { X: Left + Width, Y: Top },
        { X: Left + Width, Y: Top + Height },
        { X: Left, Y: Top + Height },
      ],
    },
  };
}

describe('RekognitionTextExtractor', () => {
  it('maps WORD detections to pixels and ignores LINE items', async () => {
    rekognition.on(DetectTextCommand).resolves({
      TextModelVersion: '3.0',
      TextDetections: [
        detection('LINE', 'Jane Doe', 0, undefined, { Left: 0.1, Top: 0.2, Width: 0.3, Height: 0.05 }),
        detection('LINE', 'MRN 12345', 1, undefined, { Left: 0.1, Top: 0.4, Width: 0.3, Height: 0.05 }),
        detection('WORD', 'Jane', 2, 0, { Left: 0.1, Top: 0.2, Width: 0.12, Height: 0.05 }, 99.5),
        detection('WORD', 'Doe', 3, 0, { Left: 0.25, Top: 0.2, Width: 0.15, Height: 0.05 }, 88),
        detection('WORD', 'MRN', 4, 1, { Left: -0.01, Top: 0.4, Width: 0.11, Height: 0.05 }),
        detection('WORD', '12345', 5, 1, { Left: 0.9, Top: 0.98, Width: 0.2, Height: 0.05 }),
      ],
    });
    const page = await extractor().extract(pngImage(1000, 500));
    expect(page.words.map((w) => w.text)).toEqual(['Jane', 'Doe', 'MRN', '12345']);
    const [jane, doe, mrn, id] = page.words;
    expect(jane?.box.left).toBeCloseTo(100);
    expect(jane?.box.top).toBeCloseTo(100);
    expect(jane?.box.width).toBeCloseTo(120);
    expect(jane?.box.height).toBeCloseTo(25);
    expect(jane?.polygon[2]?.x).toBeCloseTo(220);
    expect(jane?.polygon[2]?.y).toBeCloseTo(125);
    expect(jane?.confidence).toBeCloseTo(0.995);
    expect(doe?.confidence).toBeCloseTo(0.88);
    expect(jane?.lineId).toBe(doe?.lineId);
    expect(mrn?.lineId).not.toBe(jane?.lineId);
    // Clamped to the image.
    expect(mrn?.box.left).toBe(0);
    expect(mrn?.box.width).toBeCloseTo(100);
    expect(mrn?.polygon[0]?.x).toBe(0);
    expect((id?.box.left ?? 0) + (id?.box.width ?? 0)).toBe(1000);
    expect((id?.box.top ?? 0) + (id?.box.height ?? 0)).toBe(500);
    expect(page).toMatchObject({ width: 1000, height: 500 });
    expect(page.truncated).toBeUndefined();
    const calls = rekognition.commandCalls(DetectTextCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args[0].input.Image?.Bytes).toBeInstanceOf(Uint8Array);
    expect(calls[0]?.args[0].input.Filters?.RegionsOfInterest).toBeUndefined();
  });

  describe('past 100 words', () => {
    /** A synthetic page: `rows` × `cols` words in a grid, each 1/cols wide with a gap. */
    function grid(rows: number, cols: number) {
      const words: { text: string; line: number; box: { Left: number; Top: number; Width: number; Height: number } }[] =
        [];
      for (let r = 0; r < rows; r++)
        for (let c = 0; c < cols; c++) {
          words.push({
            text: `w${r}-${c}`,
            line: r,
            box: { Left: (c + 0.1) / cols, Top: (r + 0.2) / rows, Width: 0.8 / cols, Height: 0.6 / rows },
          });
        }
      return words;
    }
    /** Answers like DetectText: words more than half inside the region of interest, at most 100, with their lines. */
    function fakeDetectText(words: ReturnType<typeof grid>) {
      return (input: DetectTextCommandInput): DetectTextCommandOutput => {
        const roi = input.Filters?.RegionsOfInterest?.[0]?.BoundingBox ?? { Left: 0, Top: 0, Width: 1, Height: 1 };
        const inside = words
          .filter(({ box }) => {
            const w =
              Math.min(box.Left + box.Width, (roi.Left ?? 0) + (roi.Width ?? 0)) - Math.max(box.Left, roi.Left ?? 0);
            const h =
              Math.min(box.Top + box.Height, (roi.Top ?? 0) + (roi.Height ?? 0)) - Math.max(box.Top, roi.Top ?? 0);
            return w > 0 && h > 0 && w * h > 0.5 * box.Width * box.Height;
          })
          .slice(0, 100);
        const lines = [...new Set(inside.map((w) => w.line))];
        const detections = [
          ...lines.map((line, i) =>
            detection('LINE', `line ${line}`, i, undefined, { Left: 0, Top: line / 100, Width: 1, Height: 0.01 }),
          ),
          ...inside.map((w, i) => detection('WORD', w.text, lines.length + i, lines.indexOf(w.line), w.box)),
        ];
        return { TextDetections: detections, TextModelVersion: '3.0', $metadata: {} };
      };
    }

    it('tiles with regions of interest and merges the words the tiles share', async () => {
      const words = grid(20, 15); // 300 words
      rekognition.on(DetectTextCommand).callsFake(fakeDetectText(words));
      const page = await extractor().extract(pngImage(1500, 2000));
      expect(page.truncated).toBeUndefined();
      expect(page.words.map((w) => w.text).sort()).toEqual(words.map((w) => w.text).sort());
      // Reading order: rows top to bottom, words left to right.
      expect(page.words.map((w) => w.text)).toEqual(words.map((w) => w.text));
      const calls = rekognition.commandCalls(DetectTextCommand);
      expect(calls.length).toBeGreaterThan(1);
      expect(calls.length).toBeLessThanOrEqual(16);
      const roi = calls[1]?.args[0].input.Filters?.RegionsOfInterest?.[0]?.BoundingBox;
      expect(roi?.Width).toBeCloseTo(0.55);
      expect(roi?.Height).toBeCloseTo(0.55);
    });

    it('stops at maxTiles and says the page is truncated', async () => {
      rekognition.on(DetectTextCommand).callsFake(fakeDetectText(grid(40, 30))); // 1200 words
      const page = await extractor({ maxTiles: 5 }).extract(pngImage(3000, 4000));
      expect(page.truncated).toBe(true);
      expect(rekognition.commandCalls(DetectTextCommand)).toHaveLength(5);
      expect(page.words.length).toBeGreaterThanOrEqual(100);
      expect(page.words.length).toBeLessThan(1200);
    });

    it('with maxTiles 1 makes one call and reports truncation at 100 words', async () => {
      rekognition.on(DetectTextCommand).callsFake(fakeDetectText(grid(20, 15)));
      const page = await extractor({ maxTiles: 1 }).extract(pngImage(1500, 2000));
      expect(page).toMatchObject({ truncated: true });
      expect(page.words).toHaveLength(100);
      expect(rekognition.commandCalls(DetectTextCommand)).toHaveLength(1);
    });
  });

  it('passes an image over 5 MB as an S3Object through the fallback', async () => {
    rekognition.on(DetectTextCommand).resolves({ TextDetections: [], TextModelVersion: '3.0' });
    const fallback = vi.fn(async () => ({ bucket: 'hdm-input', key: 'ocr/page.png' }));
    const image = pngImage(4000, 3000, 6 * 1024 * 1024);
    await extractor({ s3: { fallback } }).extract(image);
    expect(fallback).toHaveBeenCalledWith(image);
    expect(rekognition.commandCalls(DetectTextCommand)[0]?.args[0].input.Image).toEqual({
      S3Object: { Bucket: 'hdm-input', Name: 'ocr/page.png' },
    });
  });

  it('refuses an image over 5 MB without a fallback, and one over 15 MB in any case', async () => {
    await expect(extractor().extract(pngImage(4000, 3000, 6 * 1024 * 1024))).rejects.toBeInstanceOf(
      PayloadTooLargeError,
    );
    const fallback = vi.fn(async () => ({ bucket: 'b', key: 'k' }));
    await expect(
      extractor({ s3: { fallback } }).extract(pngImage(4000, 3000, 16 * 1024 * 1024)),
    ).rejects.toBeInstanceOf(PayloadTooLargeError);
    expect(fallback).not.toHaveBeenCalled();
    expect(rekognition.commandCalls(DetectTextCommand)).toHaveLength(0);
  });

  it('sends TIFF and WebP as PNG (DetectText reads PNG and JPEG only)', async () => {
    rekognition.on(DetectTextCommand).resolves({ TextDetections: [] });
    const tiff = await sharp({ create: { width: 100, height: 100, channels: 3, background: '#fff' } })
      .tiff()
      .toBuffer();
    await extractor().extract({ bytes: tiff, format: 'tiff', contentType: 'image/tiff', width: 100, height: 100 });
    const sent = rekognition.commandCalls(DetectTextCommand)[0]?.args[0].input.Image?.Bytes as Uint8Array;
    expect((await sharp(sent).metadata()).format).toBe('png');
  });

  it('sends minConfidence as a word filter and applies it', async () => {
    rekognition.on(DetectTextCommand).resolves({
      TextDetections: [
        detection('WORD', 'sure', 0, 9, { Left: 0.1, Top: 0.1, Width: 0.1, Height: 0.1 }, 95),
        detection('WORD', 'unsure', 1, 9, { Left: 0.3, Top: 0.1, Width: 0.1, Height: 0.1 }, 40),
      ],
    });
    const page = await extractor({ minConfidence: 0.8 }).extract(pngImage(100, 100));
    expect(page.words.map((w) => w.text)).toEqual(['sure']);
    expect(rekognition.commandCalls(DetectTextCommand)[0]?.args[0].input.Filters?.WordFilter).toEqual({
      MinConfidence: 80,
    });
  });

  it.each([
    [new ProvisionedThroughputExceededException({ message: 'slow down', $metadata: {} }), ThrottledError],
    [new ThrottlingException({ message: 'rate exceeded', $metadata: {} }), ThrottledError],
    [new InvalidImageFormatException({ message: 'bad format', $metadata: {} }), UnsupportedImageError],
    [new ImageTooLargeException({ message: 'too big', $metadata: {} }), PayloadTooLargeError],
    [Object.assign(new Error('Jane Doe something'), { name: 'InternalServerError' }), HdmError],
  ])('maps %s', async (sdkError, expected) => {
    rekognition.on(DetectTextCommand).rejects(sdkError);
    const error = await extractor()
      .extract(pngImage(100, 100))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(expected);
    expect((error as Error).cause).toBe(sdkError);
    expect((error as Error).message).not.toContain(sdkError.message);
  });
});
