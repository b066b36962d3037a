import type { Sharp } from 'sharp';
import type { ImageFormat } from '../../core/detectImageFormat.ts';

export interface EncodeOptions {
  /** JPEG and WebP quality, 1-100. */
  quality: number;
}

/**
 * Sets the output to the given format. Lossless where the format allows it cheaply (PNG, TIFF with LZW:
 * sharp's TIFF default is JPEG compression, which would blur text); JPEG and WebP at `quality`.
 * No `keepMetadata`/`withMetadata`: sharp then writes no EXIF, XMP, IPTC, ICC or comments.
 */
export function encodeAs(pipeline: Sharp, format: ImageFormat, { quality }: EncodeOptions): Sharp {
  switch (format) {
    case 'png':
      return pipeline.png();
    case 'jpeg':
      return pipeline.jpeg({ quality });
    case 'tiff':
      return pipeline.tiff({ compression: 'lzw' });
    case 'webp':
      return pipeline.webp({ quality });
  }
}
