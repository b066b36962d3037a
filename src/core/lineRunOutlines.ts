import type { OcrWord, Point } from './Image.ts';
import { lineKey } from './lineKey.ts';
import { padPolygon } from './pageText.ts';

/**
 * Two words of a masked span on one line are covered as one piece when the gap between them is at most this
 * many times the line's height: the space between words, or a cell's gap on a form.
 */
const MAX_GAP_HEIGHTS = 2;

/**
 * One outline over each run of a masked span's words that sit side by side on a line: the convex hull of
 * their outlines, padded. OCR's word boxes on light or noisy type are often narrower than the ink and
 * shifted along the line (a house number's box ending 20 px short, the next word's starting early), so
 * covering each word alone leaves slivers of PHI between them; the text between two words of one span is
 * part of it, so covering the gap takes nothing else. `readingWords` are `words` turned as the page reads
 * (their gaps are measured along the line); outlines are in the pixels of the image as given.
 */
export function lineRunOutlines(
  words: readonly OcrWord[],
  readingWords: readonly OcrWord[],
  indexes: readonly number[],
  padding: number,
  size: { width: number; height: number },
): Point[][] {
  const runs: number[][] = [];
  for (const i of [...indexes].sort((a, b) => a - b)) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (run && last !== undefined && last === i - 1 && sideBySide(readingWords[last], readingWords[i])) run.push(i);
    else runs.push([i]);
  }
  return runs
    .filter((run) => run.length > 1)
    .map((run) =>
      padPolygon(convexHull(run.flatMap((i) => (words[i] as OcrWord).polygon)), padding, size.width, size.height),
    );
}

function sideBySide(a: OcrWord | undefined, b: OcrWord | undefined): boolean {
  if (!a || !b || lineKey(a) !== lineKey(b)) return false;
  const gap = b.box.left - (a.box.left + a.box.width);
  return gap >= -a.box.height && gap <= MAX_GAP_HEIGHTS * Math.max(a.box.height, b.box.height);
}

/** Andrew's monotone chain: the hull's corners, clockwise on screen (y down), as word outlines are. */
export function convexHull(points: readonly Point[]): Point[] {
  const sorted = [...points].sort((p, q) => p.x - q.x || p.y - q.y);
  if (sorted.length < 3) return sorted;
  const cross = (o: Point, a: Point, b: Point): number => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
  const half = (list: Point[]): Point[] => {
    const out: Point[] = [];
    for (const p of list) {
      while (out.length >= 2 && cross(out[out.length - 2] as Point, out[out.length - 1] as Point, p) <= 0) out.pop();
      out.push(p);
    }
    out.pop();
    return out;
  };
  return [...half(sorted), ...half([...sorted].reverse())];
}
