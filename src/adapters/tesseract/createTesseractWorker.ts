import { createRequire } from 'node:module';
import path from 'node:path';
import { createWorker as tesseractCreateWorker, OEM } from 'tesseract.js';
import type { TessBlock } from './toOcrWords.ts';

/** The part of a tesseract.js Worker this adapter uses. */
export interface TesseractWorker {
  recognize(
    image: Buffer,
    options: object,
    output: { blocks: true },
  ): Promise<{ data: { blocks: TessBlock[] | null } }>;
  /** Sets engine variables; a worker without it reads every page with the engine's defaults. */
  setParameters?(parameters: Record<string, string>): Promise<unknown>;
  terminate(): Promise<unknown>;
}

export interface TesseractWorkerConfig {
  langPath: string;
  /** tesseract.js reports asynchronous worker errors here; without it they crash the process. */
  errorHandler: (error: unknown) => void;
}

export type CreateTesseractWorker = (config: TesseractWorkerConfig) => Promise<TesseractWorker>;

const require = createRequire(import.meta.url);

export function defaultLangPath(): string {
  return path.join(path.dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');
}

/** tesseract.js's createWorker, offline: local language data, no cache written to the working directory. */
export const createTesseractWorker: CreateTesseractWorker = ({ langPath, errorHandler }) =>
  tesseractCreateWorker('eng', OEM.LSTM_ONLY, {
    langPath,
    gzip: true,
    cacheMethod: 'none',
    errorHandler,
  }) as Promise<TesseractWorker>;
