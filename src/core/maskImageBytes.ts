import type { PreparedImage } from './Image.ts';
import type { MaskOptions } from './MaskOptions.ts';
import { maskImageContent, type ImageMaskingParts, type MaskedImageContent } from './maskImageContent.ts';

/**
 * The mask options, or a function that gives them once the image is known to decode: the image worker
 * checks the declared content type and loads its allow and deny terms only then, and `hdm mask-image`
 * names its output after the decoded format.
 */
export type MaskOptionsFor = MaskOptions | ((image: PreparedImage) => MaskOptions | Promise<MaskOptions>);

/**
 * Bytes in, masked image out: the one pipeline of the API's image worker and `hdm mask-image` (one
 * file or a batch). The redactor checks format, byte and pixel limits, decodes fully, turns the image
 * upright and drops metadata; then OCR, the detector and the fill (maskImageContent).
 * @throws the redactor's UnsupportedImageError or PayloadTooLargeError, the extractor's errors, or
 *   whatever `options` throws; messages name the rule, never the content.
 */
export async function maskImageBytes(
  parts: ImageMaskingParts,
  bytes: Uint8Array,
  options: MaskOptionsFor,
): Promise<MaskedImageContent> {
  const prepared = await parts.redactor.prepare(bytes);
  const mask = typeof options === 'function' ? await options(prepared) : options;
  return maskImageContent(parts, prepared, mask);
}
