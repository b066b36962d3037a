import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { PayloadTooLargeError } from '../../core/errors.ts';
import type { MaskOptions } from '../../core/MaskOptions.ts';
import { maskImageBytes } from '../../core/maskImageBytes.ts';
import type { ImageMaskingParts, MaskedImageContent } from '../../core/maskImageContent.ts';
import type { CliIo } from '../CliIo.ts';
import { fileError } from '../readInput.ts';
import { writeAtomically, writeError } from '../writeAtomically.ts';
import type { PlannedPage } from './planOutputs.ts';

export interface PageParts extends ImageMaskingParts {
  mask: MaskOptions;
  /** Larger files are refused from their size, before they are read (the redactor's own limit). */
  maxInputBytes: number;
}

/**
 * One page of a batch: read, masked by the shared pipeline (maskImageBytes), written atomically to
 * its planned output. Only this page's bytes are held, so memory is bounded by the pages in flight.
 */
export async function maskPageFile(page: PlannedPage, parts: PageParts, io: CliIo): Promise<MaskedImageContent> {
  const masked = await maskImageBytes(parts, await readPage(page.input, parts.maxInputBytes), parts.mask);
  try {
    await mkdir(path.dirname(page.output), { recursive: true });
  } catch (error) {
    throw writeError(page.output, error);
  }
  await writeAtomically(page.output, masked.image.bytes, io);
  return masked;
}

async function readPage(input: string, maxBytes: number): Promise<Uint8Array> {
  let size: number;
  try {
    size = (await stat(input)).size;
  } catch (error) {
    throw fileError(input, error);
  }
  // A 2 GB file named scan.png must not be read whole to learn it is too big.
  if (size > maxBytes) throw new PayloadTooLargeError(`the image must be at most ${maxBytes} bytes`);
  try {
    return await readFile(input);
  } catch (error) {
    throw fileError(input, error);
  }
}
