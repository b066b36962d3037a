import { SharpImageRedactor } from '../adapters/sharp/SharpImageRedactor.ts';
import { TesseractTextExtractor } from '../adapters/tesseract/TesseractTextExtractor.ts';
import type { ImageRedactor, PhiDetector, TextExtractor } from '../core/ports.ts';
import { LocalPhiDetector } from '../detect/LocalPhiDetector.ts';

/** The detector `hdm mask` and `hdm detect` run: synchronous, so a JSON Lines run awaits nothing per line. */
export type CliTextDetector = Pick<LocalPhiDetector, 'detectSync'>;

/** The CLI's composition root for text: the local detector (the CLI never calls AWS). */
export function createCliTextDetector(): CliTextDetector {
  return new LocalPhiDetector();
}

/** What `hdm mask-image` masks images with; close() stops the OCR workers. */
export interface CliImageEngines {
  extractor: TextExtractor;
  redactor: ImageRedactor;
  detector: PhiDetector;
  /** Larger files are refused from their size, before they are read (the redactor's own limit). */
  maxInputBytes: number;
  close(): Promise<void>;
}

/**
 * The CLI's composition root for images: tesseract.js with `poolSize` workers (one pool for a whole batch:
 * a worker costs ~200 ms and ~100 MB to start), sharp, and the local detector.
 */
export function createCliImageEngines(options: { poolSize: number }): CliImageEngines {
  const extractor = new TesseractTextExtractor({ poolSize: options.poolSize });
  // The use case pads each word's outline itself (its findings report the covered box), so the adapter adds none.
  const redactor = new SharpImageRedactor({ paddingPx: 0 });
  return {
    extractor,
    redactor,
    detector: new LocalPhiDetector(),
    maxInputBytes: redactor.maxInputBytes,
    close: () => extractor.close(),
  };
}
