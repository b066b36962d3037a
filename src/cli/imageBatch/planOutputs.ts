import path from 'node:path';
import { UsageError } from '../CliError.ts';
import type { ImageFile } from './findImageFiles.ts';

export interface PlannedPage extends ImageFile {
  /** OUT joined with the input's relative path. */
  output: string;
}

export const MASK_IMAGE_HINT = "Run 'hdm mask-image --help' for usage.";

/**
 * Each image's output below OUT (pure: no file system). Two images that would land on the same output
 * are refused before any work, naming both, instead of one silently replacing the other.
 */
export function planOutputs(images: readonly ImageFile[], outDir: string): PlannedPage[] {
  const byOutput = new Map<string, string>();
  return images.map((image) => {
    const output = path.join(outDir, image.relative);
    const key = path.resolve(output);
    const other = byOutput.get(key);
    if (other !== undefined) {
      throw new UsageError(
        `${other} and ${image.input} would both be written to ${output}; give their folders instead, or mask them in separate runs`,
        MASK_IMAGE_HINT,
      );
    }
    byOutput.set(key, image.input);
    return { ...image, output };
  });
}
