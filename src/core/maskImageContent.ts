import type { OcrWord, PixelBox, Point, PreparedImage, RedactedImage } from './Image.ts';
import type { BoundingBox } from './Job.ts';
import type { MaskOptions } from './MaskOptions.ts';
import { maskText } from './maskText.ts';
import { boundsOf, buildPageText, padPolygon, wordsInSpan } from './pageText.ts';
import type { PhiType } from './PhiEntity.ts';
import type { ImageRedactor, PhiDetector, TextExtractor } from './ports.ts';
import { lineKey } from './lineKey.ts';
import { lineRunOutlines } from './lineRunOutlines.ts';
import { toReadingFrame } from './toReadingFrame.ts';

/**
 * Pixels added around every covered word. OCR outlines hug the ink and miss a pixel row or two on
 * rotated and JPEG pages; eval:images measured coverage of PHI words against this (bench/README.md).
 */
export const DEFAULT_IMAGE_PADDING_PX = 4;

export interface ImageMaskingParts {
  extractor: TextExtractor;
  redactor: ImageRedactor;
  detector: PhiDetector;
  /** CSS colour of the covering fill. */
  fill: string;
  /** Pixels added around each covered word. */
  paddingPx: number;
}

/** One PHI span found in an image: where, never what. */
export interface ImageFinding {
  type: PhiType;
  score: number;
  /** Pixels of the upright image. */
  pixelBox: PixelBox;
  /** Ratios of the image's width and height. */
  boundingBox: BoundingBox;
}

export interface MaskedImageContent {
  image: RedactedImage;
  findings: ImageFinding[];
  /** The OCR engine read only part of the page. */
  truncated: boolean;
  /** Words read, and words covered: for logs (counts only). */
  wordCount: number;
  coveredWords: number;
  /** The filled outlines, in pixels (padded and clamped): what evaluation compares with the true word boxes. */
  regions: Point[][];
}

/**
 * Masks PHI in an image: OCR, the page text rebuilt once per word, the same detector and masking rules
 * as for text (minScore, types, allow and deny lists, maskCareUnits), then every word a masked span
 * overlaps is covered, padded and clamped to the image. Used by the image worker and by `hdm mask-image`.
 */
export async function maskImageContent(
  parts: ImageMaskingParts,
  image: PreparedImage,
  options: MaskOptions,
): Promise<MaskedImageContent> {
  const page = await parts.extractor.extract(image);
  const { findings, regions, covered } = await locatePhi(
    parts,
    wordsRead(page.words),
    image,
    options,
    page.turnedDegrees,
  );
  const redacted = await parts.redactor.redact(image, regions, { fill: parts.fill });
  return {
    image: redacted,
    findings,
    truncated: page.truncated === true,
    wordCount: page.words.length,
    coveredWords: covered,
    regions,
  };
}

/**
 * Below this confidence a "word" is almost always not one: specks, the texture of a radiograph's
 * anatomy, a logo ("oa", "§", "Pm:", confidence 0-0.4 on the shared radiographs, where real words read
 * 0.8-0.96). Such words are left out of the page text: between real words they break the detector's
 * context ("Es: MARTIN CHAD" went unmasked) and they would be reported as names.
 */
export const MIN_WORD_CONFIDENCE = 0.4;

/**
 * The words the page text is made of: those read with MIN_WORD_CONFIDENCE; pieces of links and e-mail
 * addresses; and, on a line with a word read surely, unsure words of four letters or two digits and more.
 * Small type on a noisy scan is often read right but unsure ("Thornton" 0.29, "17-Jun-1931" 0.03,
 * "Georgiou" 0.37), and such a line is text; a radiograph's texture gives lines of unsure fragments only,
 * or one- and two-letter fragments ("Es") beside its label.
 */
function wordsRead(words: readonly OcrWord[]): OcrWord[] {
  const sureLines = new Set(words.filter((w) => w.confidence >= SURE && /[\p{L}\p{N}]{3}/u.test(w.text)).map(lineKey));
  return words.filter(
    (w) =>
      w.confidence >= MIN_WORD_CONFIDENCE ||
      LINK_PART.test(w.text) ||
      (sureLines.has(lineKey(w)) && SUBSTANTIAL.test(w.text)),
  );
}

const SURE = 0.8;
const SUBSTANTIAL = /\p{L}{4}|\p{N}{2}/u;

/**
 * A piece of a link or an e-mail address: the engine is unsure of such words in small type ("https:",
 * "//portal", "http:/fwww.example", confidence 0-0.4) though it reads them nearly right, and texture and
 * specks never look like them. They stay in the page text, so the link is found and masked whole.
 */
const LINK_PART = /^(?:https?:|\/\/|www\.)|:\/\/|\p{L}@\p{L}|\.(?:com|org|net|edu|gov)\b/iu;

async function locatePhi(
  parts: ImageMaskingParts,
  words: readonly OcrWord[],
  image: PreparedImage,
  options: MaskOptions,
  turn?: 90 | 180 | 270,
) {
  // The page text is built as the page reads (turned upright); the masks go on the words as given.
  const readingWords = toReadingFrame(words, turn, image.width, image.height);
  const page = buildPageText(readingWords);
  // Only the detection option: minScore and types are applied by maskText, as for text jobs.
  const entities = await parts.detector.detect(page.text, { maskCareUnits: options.maskCareUnits === true });
  const { spans } = maskText(page.text, entities, options);
  const outline = (i: number): Point[] =>
    padPolygon((words[i] as OcrWord).polygon, parts.paddingPx, image.width, image.height);
  const covered = new Set<number>();
  const runs: Point[][] = [];
  const findings: ImageFinding[] = [];
  for (const span of spans) {
    const indexes = wordsInSpan(page, words, span.begin, span.end);
    if (indexes.length === 0) continue;
    indexes.forEach((i) => covered.add(i));
    runs.push(...lineRunOutlines(words, readingWords, indexes, parts.paddingPx, image));
    // Deny-list terms are the caller's own words: covered, but not reported as found.
    if (span.type === 'DENY_LIST') continue;
    const box = unionOf(indexes.map((i) => boundsOf(outline(i))));
    findings.push({
      type: span.type,
      score: span.score,
      pixelBox: box,
      boundingBox: {
        left: box.left / image.width,
        top: box.top / image.height,
        width: box.width / image.width,
        height: box.height / image.height,
      },
    });
  }
  return { findings, regions: [...[...covered].sort((a, b) => a - b).map(outline), ...runs], covered: covered.size };
}

function unionOf(boxes: readonly PixelBox[]): PixelBox {
  const left = Math.min(...boxes.map((b) => b.left));
  const top = Math.min(...boxes.map((b) => b.top));
  const right = Math.max(...boxes.map((b) => b.left + b.width));
  const bottom = Math.max(...boxes.map((b) => b.top + b.height));
  return { left, top, width: right - left, height: bottom - top };
}
