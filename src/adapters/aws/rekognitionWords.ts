import type { TextDetection } from '@aws-sdk/client-rekognition';
import type { OcrWord, PixelBox, Point } from '../../core/Image.ts';
import { clampBox, clampPoint } from '../../core/clampToImage.ts';

/**
 * Turns DetectText's detections into OcrWords: WORD items only (a LINE repeats its words, which made
 * the original solution send every word twice), ratios to pixels, boxes and points clamped to the
 * image, Confidence 0-100 to 0-1, ParentId to a line id made unique with `prefix` (ids are unique only
 * within one call).
 */
export function rekognitionWords(
  detections: readonly TextDetection[],
  width: number,
  height: number,
  prefix: string,
): OcrWord[] {
  const words: OcrWord[] = [];
  for (const d of detections) {
    if (d.Type !== 'WORD') continue;
    const text = (d.DetectedText ?? '').trim();
    const ratio = d.Geometry?.BoundingBox;
    if (text === '' || !ratio) continue;
    const box = clampBox(
      {
        left: (ratio.Left ?? 0) * width,
        top: (ratio.Top ?? 0) * height,
        width: (ratio.Width ?? 0) * width,
        height: (ratio.Height ?? 0) * height,
      },
      width,
      height,
    );
    if (box.width <= 0 || box.height <= 0) continue;
    const points = (d.Geometry?.Polygon ?? []).map((p) =>
      clampPoint({ x: (p.X ?? 0) * width, y: (p.Y ?? 0) * height }, width, height),
    );
    words.push({
      text,
      confidence: Math.min(Math.max((d.Confidence ?? 0) / 100, 0), 1),
      box,
      polygon: points.length >= 3 ? points : corners(box),
      lineId: `${prefix}.l${d.ParentId ?? d.Id ?? words.length}`,
      blockId: prefix,
    });
  }
  return words;
}

function corners(box: PixelBox): Point[] {
  const right = box.left + box.width;
  const bottom = box.top + box.height;
  return [
    { x: box.left, y: box.top },
    { x: right, y: box.top },
    { x: right, y: bottom },
    { x: box.left, y: bottom },
  ];
}
