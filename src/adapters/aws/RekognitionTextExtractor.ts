import { DetectTextCommand, type DetectTextRequest, type Image, RekognitionClient } from '@aws-sdk/client-rekognition';
import sharp from 'sharp';
import { PayloadTooLargeError, UnsupportedImageError } from '../../core/errors.ts';
import type { OcrPage, OcrWord, PreparedImage } from '../../core/Image.ts';
import type { TextExtractor } from '../../core/ports.ts';
import { mergeDuplicateWords, type Region, sortReadingOrder, splitRegion, WHOLE_IMAGE } from './rekognitionTiles.ts';
import { rekognitionWords } from './rekognitionWords.ts';
import { wrapRekognitionError } from './wrapRekognitionError.ts';

/** DetectText returns at most this many words per call ("DetectText can detect up to 100 words in an image"). */
export const DETECT_TEXT_WORD_LIMIT = 100;
const MAX_S3_BYTES = 15 * 1024 * 1024;

export interface RekognitionS3Fallback {
  /** Stores the image (PNG or JPEG bytes) where Rekognition can read it and says where; the caller owns that object. */
  fallback: (image: PreparedImage) => Promise<{ bucket: string; key: string }>;
}

export interface RekognitionTextExtractorOptions {
  client?: RekognitionClient;
  region?: string;
  /** Largest image sent as bytes (default 5 MB, DetectText's limit); bigger ones go through `s3`. */
  maxBytesInline?: number;
  /** How an image over `maxBytesInline` reaches Rekognition; without it such images are refused. */
  s3?: RekognitionS3Fallback;
  /** Overlap of neighbouring tiles, as a share of the tile size (default 0.1). */
  tileOverlap?: number;
  /** Most DetectText calls for one page, the first whole-image call included (default 16). */
  maxTiles?: number;
  /** Drop words below this confidence, 0-1 (also sent as WordFilter.MinConfidence). */
  minConfidence?: number;
}

/**
 * The TextExtractor port on Amazon Rekognition DetectText. One call reads the whole image; when it
 * comes back with 100 words (the cap, so words may be missing), the region is split into 2×2
 * overlapping regions of interest, recursively, until every region is under the cap or `maxTiles`
 * calls are spent (then `truncated: true`). Regions of interest instead of cropped tiles: one image
 * (bytes or S3 object) serves every call, with geometry relative to the whole image, and no re-encoding.
 */
export class RekognitionTextExtractor implements TextExtractor {
  readonly client: RekognitionClient;
  private readonly maxBytesInline: number;
  private readonly overlap: number;
  private readonly maxTiles: number;

  constructor(private readonly options: RekognitionTextExtractorOptions = {}) {
    this.client = options.client ?? new RekognitionClient(options.region ? { region: options.region } : {});
    this.maxBytesInline = options.maxBytesInline ?? 5 * 1024 * 1024;
    this.overlap = options.tileOverlap ?? 0.1;
    this.maxTiles = Math.max(1, options.maxTiles ?? 16);
  }

  async extract(image: PreparedImage): Promise<OcrPage> {
    const source = await this.imageSource(await readableByRekognition(image));
    const budget = { calls: this.maxTiles - 1, truncated: false };
    const words = await this.read(source, image, WHOLE_IMAGE, 't0', budget);
    const minConfidence = this.options.minConfidence ?? 0;
    const kept = words.filter((w) => w.confidence >= minConfidence);
    return {
      width: image.width,
      height: image.height,
      words: sortReadingOrder(mergeDuplicateWords(kept)),
      ...(budget.truncated ? { truncated: true } : {}),
    };
  }

  private async read(
    source: Image,
    image: PreparedImage,
    region: Region,
    id: string,
    budget: { calls: number; truncated: boolean },
  ): Promise<OcrWord[]> {
    const words = await this.detect(source, image, region, id);
    if (words.length < DETECT_TEXT_WORD_LIMIT) return words;
    if (budget.calls < 4) {
      budget.truncated = true;
      return words;
    }
    budget.calls -= 4; // taken before the calls start, so parallel siblings share one budget
    const parts = await Promise.all(
      splitRegion(region, this.overlap).map((part, i) => this.read(source, image, part, `${id}.${i}`, budget)),
    );
    // The capped call's words stay: real detections, and the merge drops those the tiles found again.
    return [...parts.flat(), ...words];
  }

  private async detect(source: Image, image: PreparedImage, region: Region, id: string): Promise<OcrWord[]> {
    const filters: DetectTextRequest['Filters'] = {};
    if (region !== WHOLE_IMAGE)
      filters.RegionsOfInterest = [
        { BoundingBox: { Left: region.left, Top: region.top, Width: region.width, Height: region.height } },
      ];
    if (this.options.minConfidence !== undefined)
      filters.WordFilter = { MinConfidence: this.options.minConfidence * 100 };
    const input: DetectTextRequest = {
      Image: source,
      ...(Object.keys(filters).length > 0 ? { Filters: filters } : {}),
    };
    try {
      const response = await this.client.send(new DetectTextCommand(input));
      return rekognitionWords(response.TextDetections ?? [], image.width, image.height, id);
    } catch (error) {
      throw wrapRekognitionError(error);
    }
  }

  private async imageSource(image: PreparedImage): Promise<Image> {
    if (image.bytes.length <= this.maxBytesInline) return { Bytes: image.bytes };
    if (image.bytes.length > MAX_S3_BYTES)
      throw new PayloadTooLargeError('the image is larger than Rekognition accepts (15 MB)');
    if (!this.options.s3)
      throw new PayloadTooLargeError(
        `the image is larger than ${this.maxBytesInline} bytes and no S3 fallback is configured`,
      );
    const { bucket, key } = await this.options.s3.fallback(image);
    return { S3Object: { Bucket: bucket, Name: key } };
  }
}

/** DetectText reads PNG and JPEG only: TIFF and WebP are re-encoded as PNG (lossless). */
async function readableByRekognition(image: PreparedImage): Promise<PreparedImage> {
  if (image.format === 'png' || image.format === 'jpeg') return image;
  try {
    const bytes = await sharp(image.bytes).png().toBuffer();
    return { ...image, bytes, format: 'png', contentType: 'image/png' };
  } catch (error) {
    throw new UnsupportedImageError('the image cannot be converted for Rekognition', { cause: error });
  }
}
