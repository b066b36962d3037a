import sharp, { type Metadata, type SharpOptions } from 'sharp';
import { detectImageFormat, IMAGE_CONTENT_TYPES, type ImageFormat } from '../../core/detectImageFormat.ts';
import { PayloadTooLargeError, UnsupportedImageError } from '../../core/errors.ts';
import type { Point, PreparedImage, RedactedImage, RedactOptions } from '../../core/Image.ts';
import type { ImageRedactor } from '../../core/ports.ts';
import { encodeAs } from './encodeAs.ts';
import { parseFill } from './parseFill.ts';
import { regionsSvg } from './regionsSvg.ts';

export interface SharpImageRedactorOptions {
  /** Larger inputs are refused before decoding (PayloadTooLargeError). Default 20 MB. */
  maxInputBytes?: number;
  /** width × height above this is refused from the header alone (PayloadTooLargeError). Default 50 million. */
  maxPixels?: number;
  /** Every region grows by this many pixels on each side before it is filled. Default 2. */
  paddingPx?: number;
  /** Fill used when `redact` is given an empty `fill`. Default black. */
  defaultFill?: string;
  /** JPEG and WebP output quality. Default 90. */
  quality?: number;
}

export const DEFAULT_MAX_INPUT_BYTES = 20 * 1024 * 1024;
export const DEFAULT_MAX_PIXELS = 50_000_000;

/** The ImageRedactor port on sharp (libvips). Error messages name the rule, never the content. */
export class SharpImageRedactor implements ImageRedactor {
  readonly maxInputBytes: number;
  readonly maxPixels: number;
  readonly paddingPx: number;
  readonly defaultFill: string;
  readonly quality: number;

  constructor(options: SharpImageRedactorOptions = {}) {
    this.maxInputBytes = options.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES;
    this.maxPixels = options.maxPixels ?? DEFAULT_MAX_PIXELS;
    this.paddingPx = options.paddingPx ?? 2;
    this.defaultFill = options.defaultFill ?? '#000';
    this.quality = options.quality ?? 90;
    parseFill(this.defaultFill);
  }

  async prepare(input: Uint8Array): Promise<PreparedImage> {
    if (input.length > this.maxInputBytes)
      throw new PayloadTooLargeError(`the image must be at most ${this.maxInputBytes} bytes`);
    const format = detectImageFormat(input);
    if (!format) throw new UnsupportedImageError('the image must be PNG, JPEG, TIFF or WebP (checked by content)');
    await this.#checkHeader(input);
    const { data, info } = await this.#run(
      // autoOrient applies the EXIF orientation; multi-page images were refused by the header check.
      encodeAs(sharp(input, this.#sharpOptions({ autoOrient: true })), format, this).toBuffer({
        resolveWithObject: true,
      }),
    );
    return this.#result(data, format, info.width, info.height);
  }

  async redact(image: PreparedImage, regions: readonly Point[][], options: RedactOptions): Promise<RedactedImage> {
    const fill = parseFill(options.fill || this.defaultFill);
    const meta = await this.#run(sharp(image.bytes, this.#sharpOptions()).metadata());
    const svg = regionsSvg(regions, { width: meta.width, height: meta.height, fill, paddingPx: this.paddingPx });
    // Nothing to cover: the prepared bytes already are the output (same format, no metadata).
    if (!svg) return this.#result(Buffer.from(image.bytes), image.format, meta.width, meta.height);
    let pipeline = sharp(image.bytes, this.#sharpOptions()).composite([{ input: svg }]);
    // The overlay brings an alpha channel; an opaque input stays opaque (PNG stays RGB, not RGBA).
    if (!meta.hasAlpha) pipeline = pipeline.removeAlpha();
    const { data, info } = await this.#run(
      encodeAs(pipeline, image.format, this).toBuffer({ resolveWithObject: true }),
    );
    return this.#result(data, image.format, info.width, info.height);
  }

  /** Pixel limit from the header, before any pixel is decoded: a small file can claim gigapixels. */
  async #checkHeader(input: Uint8Array): Promise<void> {
    const meta: Metadata = await this.#run(sharp(input, { limitInputPixels: false }).metadata());
    if (meta.width * meta.height > this.maxPixels) {
      throw new PayloadTooLargeError(`the image must have at most ${this.maxPixels} pixels (width × height)`);
    }
    // Masking the first page and calling the job done would leave the others unread and unmasked.
    if ((meta.pages ?? 1) > 1) {
      throw new UnsupportedImageError(
        `the image has ${meta.pages} pages or frames; only single-page images can be masked (split it into pages first)`,
      );
    }
  }

  #sharpOptions(extra: SharpOptions = {}): SharpOptions {
    // failOn 'warning' (sharp's default, stated on purpose): a truncated file fails instead of decoding half grey.
    return { failOn: 'warning', limitInputPixels: this.maxPixels, ...extra };
  }

  /** Runs a sharp call; its errors become ours (the sharp error stays as `cause`, it never quotes pixels). */
  async #run<T>(work: Promise<T>): Promise<T> {
    try {
      return await work;
    } catch (error) {
      if (error instanceof Error && /pixel limit/iu.test(error.message)) {
        throw new PayloadTooLargeError(`the image must have at most ${this.maxPixels} pixels (width × height)`, {
          cause: error,
        });
      }
      throw new UnsupportedImageError('the image could not be decoded (corrupt, truncated or unsupported)', {
        cause: error,
      });
    }
  }

  #result(bytes: Buffer, format: ImageFormat, width: number, height: number): PreparedImage & RedactedImage {
    return {
      bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length),
      format,
      contentType: IMAGE_CONTENT_TYPES[format],
      width,
      height,
    };
  }
}
