import { SharpImageRedactor } from '../../src/adapters/sharp/SharpImageRedactor.ts';
import { TesseractTextExtractor } from '../../src/adapters/tesseract/TesseractTextExtractor.ts';
import type { OcrPage } from '../../src/core/Image.ts';
import { DEFAULT_IMAGE_PADDING_PX, maskImageContent } from '../../src/core/maskImageContent.ts';
import { parseMaskOptions } from '../../src/core/parseMaskOptions.ts';
import { LocalPhiDetector } from '../../src/detect/LocalPhiDetector.ts';
import type { PipelineResult } from './measureWord.ts';

/** The fills' padding: the image worker's and `hdm mask-image`'s. */
export const PADDING_PX = DEFAULT_IMAGE_PADDING_PX;

export interface ImagePipeline {
  run(bytes: Uint8Array): Promise<PipelineResult & { seconds: number }>;
  close(): Promise<void>;
}

/** The local image pipeline (tesseract, the local detector, sharp) as the product runs it, keeping the OCR result. */
export function imagePipeline(minScore: number): ImagePipeline {
  const ocr = new TesseractTextExtractor();
  const redactor = new SharpImageRedactor({ paddingPx: 0 });
  const detector = new LocalPhiDetector();
  const { mask } = parseMaskOptions({ minScore });
  return {
    async run(bytes) {
      const t0 = performance.now();
      const prepared = await redactor.prepare(bytes);
      let page: OcrPage | undefined;
      // Keeps the OCR result for the recall figures; the masking itself is the product code unchanged.
      const extractor = { extract: async (image: typeof prepared) => (page = await ocr.extract(image)) };
      const masked = await maskImageContent(
        { extractor, redactor, detector, fill: '#000', paddingPx: PADDING_PX },
        prepared,
        mask,
      );
      return {
        regions: masked.regions,
        ocr: page as OcrPage,
        width: prepared.width,
        height: prepared.height,
        seconds: (performance.now() - t0) / 1000,
      };
    },
    close: () => ocr.close(),
  };
}
