import type { ImageFormat } from './detectImageFormat.ts';

/** A point in pixels, origin top left. */
export interface Point {
  x: number;
  y: number;
}

/** An axis-aligned box in pixels. */
export interface PixelBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** One word an OCR engine read, in the coordinates of the (orientation-corrected) image it was given. */
export interface OcrWord {
  text: string;
  /** 0 to 1. */
  confidence: number;
  box: PixelBox;
  /** The word's outline, clockwise from top left, where the engine gives one (rotated or skewed text); else the box's corners. */
  polygon: Point[];
  /** Words with the same line id are on one line, in reading order. */
  lineId: string;
  /** Lines with the same block id belong to one paragraph or block. */
  blockId: string;
}

export interface OcrPage {
  width: number;
  height: number;
  /** Words in reading order: blocks top to bottom, lines within a block, words left to right. */
  words: OcrWord[];
  /** Set when the engine could not read the whole page (e.g. a word limit); the job says so. */
  truncated?: boolean;
  /**
   * Set when the page was printed sideways or upside down and read turned clockwise by this many
   * degrees; the words' boxes are still in the pixels of the image as given.
   */
  turnedDegrees?: 90 | 180 | 270;
}

/** An image decoded, checked against the limits, turned upright (EXIF orientation) and stripped of metadata. */
export interface PreparedImage {
  bytes: Uint8Array;
  format: ImageFormat;
  contentType: string;
  width: number;
  height: number;
}

export interface RedactOptions {
  /** CSS colour of the covering fill (default black). */
  fill: string;
}

export interface RedactedImage {
  bytes: Uint8Array;
  contentType: string;
  format: ImageFormat;
  width: number;
  height: number;
}
