import { describe, expect, it } from 'vitest';
import { SharpImageRedactor } from '../../../src/adapters/sharp/SharpImageRedactor.ts';
import { TesseractTextExtractor } from '../../../src/adapters/tesseract/TesseractTextExtractor.ts';
import { LocalPhiDetector } from '../../../src/detect/LocalPhiDetector.ts';
import { createCliImageEngines, createCliTextDetector } from '../../../src/services/cliServices.ts';

describe('the CLI composition root', () => {
  it('detects with the local detector, synchronously', () => {
    const entities = createCliTextDetector().detectSync('Seen by Dr. Marla Quenby on 03/14/2023.', {});
    expect(entities.map((e) => e.Type)).toEqual(expect.arrayContaining(['NAME', 'DATE']));
  });

  it("masks images with tesseract.js, sharp and the local detector, refusing files past sharp's byte limit", async () => {
    const engines = createCliImageEngines({ poolSize: 1 });
    try {
      expect(engines.extractor).toBeInstanceOf(TesseractTextExtractor);
      expect(engines.redactor).toBeInstanceOf(SharpImageRedactor);
      expect(engines.detector).toBeInstanceOf(LocalPhiDetector);
      expect(engines.maxInputBytes).toBe((engines.redactor as SharpImageRedactor).maxInputBytes);
    } finally {
      // No page was read, so no OCR worker started: closing is immediate.
      await engines.close();
    }
  });
});
