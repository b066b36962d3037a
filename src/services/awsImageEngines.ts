import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { RekognitionTextExtractor } from '../adapters/aws/RekognitionTextExtractor.ts';
import { SharpImageRedactor } from '../adapters/sharp/SharpImageRedactor.ts';
import { TesseractTextExtractor } from '../adapters/tesseract/TesseractTextExtractor.ts';
import { ConfigError, type AwsSettings } from '../config.ts';
import type { ImageEngineContext, ImageEngines } from './awsServices.ts';
import type { ObjectRef } from '../core/Job.ts';
import type { Logger } from '../core/JobServices.ts';
import type { ObjectStore, TextExtractor } from '../core/ports.ts';

/**
 * The image worker's engines on AWS: sharp for pixels, and the OCR engine the deployment chose. Kept out of
 * awsServices.ts so that the API function's bundle, which never opens an image, carries no native code.
 * The OCR engine is built on the first extract().
 */
export function createAwsImageEngines({ settings, objects, logger }: ImageEngineContext): ImageEngines {
  return {
    extractor: lazyExtractor(() => createExtractor(settings, objects, logger)),
    // The use case pads each word's outline itself (its findings report the covered box), so the adapter adds none.
    redactor: new SharpImageRedactor({ paddingPx: 0 }),
  };
}

function createExtractor(settings: AwsSettings, objects: ObjectStore, logger: Logger): TextExtractor {
  if (settings.ocr === 'tesseract') return new TesseractTextExtractor({ logger });
  if (settings.ocr === 'rekognition') return rekognitionWithTemporaryCopies(settings, objects);
  throw new ConfigError([`unknown OCR engine '${String(settings.ocr)}'`]);
}

/**
 * Rekognition takes at most 5 MB inline; a bigger image is copied to `<bucket>/ocr/<uuid>` for the
 * calls of one extract() and deleted after it (the bucket's lifecycle expiry catches a copy a crash
 * left behind). AsyncLocalStorage ties each copy to the extract() that made it, so concurrent calls
 * delete only their own.
 */
function rekognitionWithTemporaryCopies(settings: AwsSettings, objects: ObjectStore): TextExtractor {
  const copies = new AsyncLocalStorage<ObjectRef[]>();
  const rekognition = new RekognitionTextExtractor({
    region: settings.region,
    s3: {
      fallback: async (image) => {
        const ref = {
          bucket: settings.bucket,
          key: `ocr/${randomUUID()}.${image.format === 'jpeg' ? 'jpg' : image.format}`,
        };
        await objects.put(ref, image.bytes, image.contentType);
        copies.getStore()?.push(ref);
        return ref;
      },
    },
  });
  return {
    extract: (image) => {
      const made: ObjectRef[] = [];
      return copies.run(made, async () => {
        try {
          return await rekognition.extract(image);
        } finally {
          await Promise.allSettled(made.map((ref) => objects.delete(ref)));
        }
      });
    },
  };
}

/** Builds the extractor on the first extract(), so functions that never read images never start an engine. */
function lazyExtractor(create: () => TextExtractor): TextExtractor {
  let extractor: TextExtractor | undefined;
  return { extract: (image) => (extractor ??= create()).extract(image) };
}
