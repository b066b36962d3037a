import type { ImageFormat } from './detectImageFormat.ts';

/** What an image's header says about it, read without decoding a pixel. */
export interface ImageHeader {
  width: number;
  height: number;
  /** The file ends where its format says it ends (PNG's IEND, JPEG's end-of-image, WebP's RIFF size). */
  complete: boolean;
}

/**
 * Reads width, height and completeness from an image's own header. Where no decoder is at hand (the API
 * function on AWS has no sharp), this is how a truncated upload or a small file claiming gigapixels is
 * refused at the call. Undefined when the header cannot be read: the file is not a whole image.
 */
export function inspectImageHeader(format: ImageFormat, bytes: Uint8Array): ImageHeader | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    if (format === 'png') return pngHeader(view, bytes);
    if (format === 'jpeg') return jpegHeader(view, bytes);
    if (format === 'webp') return webpHeader(view, bytes);
    return tiffHeader(view);
  } catch {
    // A read past the end (RangeError): the header is cut short.
    return undefined;
  }
}

function ascii(bytes: Uint8Array, from: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(from, from + length));
}

function pngHeader(view: DataView, bytes: Uint8Array): ImageHeader | undefined {
  if (ascii(bytes, 12, 4) !== 'IHDR') return undefined;
  return {
    width: view.getUint32(16),
    height: view.getUint32(20),
    complete: ascii(bytes, bytes.length - 8, 4) === 'IEND',
  };
}

/** The first start-of-frame marker (SOF0-SOF15 but DHT, JPG and DAC) holds the frame's size. */
function jpegHeader(view: DataView, bytes: Uint8Array): ImageHeader | undefined {
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1] ?? 0;
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      // Some encoders pad after the end-of-image marker: look for it near the end.
      const tail = bytes.subarray(Math.max(0, bytes.length - 64));
      const complete = tail.some((b, i) => b === 0xff && tail[i + 1] === 0xd9);
      return { height: view.getUint16(at + 5), width: view.getUint16(at + 7), complete };
    }
    at += 2 + view.getUint16(at + 2);
  }
  return undefined;
}

function webpHeader(view: DataView, bytes: Uint8Array): ImageHeader | undefined {
  const complete = view.getUint32(4, true) + 8 <= bytes.length;
  const chunk = ascii(bytes, 12, 4);
  if (chunk === 'VP8 ')
    return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff, complete };
  if (chunk === 'VP8L') {
    const bits = view.getUint32(21, true);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1, complete };
  }
  if (chunk === 'VP8X') {
    const uint24 = (at: number) => (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8) | ((bytes[at + 2] ?? 0) << 16);
    return { width: uint24(24) + 1, height: uint24(27) + 1, complete };
  }
  return undefined;
}

/** The first image file directory's ImageWidth (256) and ImageLength (257) tags. */
function tiffHeader(view: DataView): ImageHeader | undefined {
  const little = view.getUint8(0) === 0x49;
  const ifd = view.getUint32(4, little);
  const count = view.getUint16(ifd, little);
  let width = 0;
  let height = 0;
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    const tag = view.getUint16(entry, little);
    const value =
      view.getUint16(entry + 2, little) === 3 ? view.getUint16(entry + 8, little) : view.getUint32(entry + 8, little);
    if (tag === 256) width = value;
    if (tag === 257) height = value;
  }
  // TIFF has no end marker; strips past the end show only when decoded (by the worker).
  return width > 0 && height > 0 ? { width, height, complete: true } : undefined;
}
