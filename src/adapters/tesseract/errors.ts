import { HdmError } from '../../core/errors.ts';

/** A tesseract.js worker did not become ready in time (it never settles when its language data cannot load). */
export class OcrEngineStartError extends HdmError {
  constructor(message: string, options?: ErrorOptions) {
    super('INTERNAL', message, options);
    this.name = 'OcrEngineStartError';
  }
}

/** A recognize call took longer than allowed; its worker was terminated and will be replaced. */
export class OcrTimeoutError extends HdmError {
  constructor(message: string, options?: ErrorOptions) {
    super('INTERNAL', message, options);
    this.name = 'OcrTimeoutError';
  }
}

/** The engine failed on a readable image for a reason of its own. */
export class OcrEngineError extends HdmError {
  constructor(message: string, options?: ErrorOptions) {
    super('INTERNAL', message, options);
    this.name = 'OcrEngineError';
  }
}

/** The extractor was closed; no more work is accepted. */
export class OcrClosedError extends HdmError {
  constructor(message = 'the OCR engine is closed', options?: ErrorOptions) {
    super('INTERNAL', message, options);
    this.name = 'OcrClosedError';
  }
}
